import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { Reporter, TestCase } from "vitest/node";

/** Prints each chaos test's summary line after Vitest's own summary, so it is the run's last line. */
class ChaosSummaryReporter implements Reporter {
  private readonly lines: string[] = [];
  onTestCaseResult(testCase: TestCase): void {
    const line = testCase.meta().chaosSummary;
    if (line) this.lines.push(line);
  }
  onTestRunEnd(): void {
    for (const line of this.lines) console.log(line);
  }
}

// The sync chaos run (`npm run test:chaos`): a real server on PGlite behind a fault-injecting proxy. Kept out of
// `npm run test:unit`: it takes tens of seconds.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/chaos/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: "forks",
    reporters: ["default", new ChaosSummaryReporter()],
  },
});
