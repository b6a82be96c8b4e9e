// Mozilla's linter over the Firefox build: errors fail, warnings are printed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const dir = readdirSync(".output").find((d) => d.startsWith("firefox-"));
if (!dir || !existsSync(`.output/${dir}/manifest.json`)) {
  console.error("No Firefox build in .output: run `npm run build:firefox` first");
  process.exit(2);
}
const r = spawnSync("npx", ["web-ext", "lint", "--source-dir", `.output/${dir}`, "--output", "json", "--boring"], {
  encoding: "utf8",
});
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(2);
}
for (const kind of ["errors", "warnings", "notices"]) {
  for (const m of report[kind] ?? []) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ""} ${m.message}`);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
process.exit(report.summary.errors === 0 ? 0 : 1);
