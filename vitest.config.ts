import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
    environment: "node",
    // Shared CI machines are slow and noisy: a test's time is not what it checks (benchmarks measure speed).
    testTimeout: 60_000,
    setupFiles: ["fake-indexeddb/auto"],
  },
});
