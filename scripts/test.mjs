// `npm test`: every check, in the order a failure is cheapest to find, then one closing line that counts
// every test run: "tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const out = "test-output";
mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, cmd, args) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" },
  });
  return r.status === 0;
}

function vitest(title, extra, report) {
  const file = join(out, report);
  rmSync(file, { force: true });
  const ok = run(title, "npx", [
    "vitest",
    "run",
    ...extra,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (!ok && (r.numFailedTests ?? 0) === 0) totals.failed += 1;
  } else if (!ok) totals.failed += 1;
  return ok;
}

function step(title, cmd, args) {
  const ok = run(title, cmd, args);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  return ok;
}

let ok = true;
ok = step("typecheck", "npx", ["tsc", "--noEmit"]) && ok;
ok = step("lint", "npx", ["biome", "check", "."]) && ok;
ok = vitest("unit tests", [], "unit.json") && ok;
ok =
  vitest("chaos test (sync through a fault-injecting proxy)", ["--config", "vitest.chaos.config.ts"], "chaos.json") &&
  ok;
const built = step("build (Chrome MV3)", "npx", ["wxt", "build"]);
const builtFf = step("build (Firefox)", "npx", ["wxt", "build", "-b", "firefox"]);
if (builtFf) ok = step("web-ext lint (Firefox build)", "node", ["scripts/web-ext-lint.mjs"]) && ok;
ok = built && builtFf && ok;
if (built) {
  ok = step("demo page build", "node", ["scripts/build-demo.mjs"]) && ok;
  ok = vitest("end-to-end tests (Chromium)", ["--config", "vitest.e2e.config.ts"], "e2e.json") && ok;
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
