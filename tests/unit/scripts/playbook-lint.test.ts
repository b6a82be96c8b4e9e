import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { DEFAULT_PLAYBOOK } from "../../../lib/suggest/playbook";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "apaise-playbook-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, value: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return f;
}

/** Runs the CLI as `npm run playbook:lint` does. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/playbook-lint.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/playbook-lint.ts", { timeout: 60_000 }, () => {
  test("is what `npm run playbook:lint` runs", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.scripts["playbook:lint"]).toBe("node --import tsx scripts/playbook-lint.ts");
  });

  test("the built-in playbook: exit 0 and a one-line summary", () => {
    const f = file("default.json", DEFAULT_PLAYBOOK);
    const r = run(f);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${f}: valid playbook (format 2, revision 0): 5 strategies, 50 templates, 4 remedies; 2,400 renders linted, 0 blocking, 0 warnings\n`,
    );
  });

  test("the committed example and the stored format-1 playbook are valid", () => {
    const example = run("examples/playbook.example.json");
    expect(example.code).toBe(0);
    expect(example.stdout).toMatch(/^examples\/playbook\.example\.json: valid playbook \(format 2, revision 3\)/);
    const v1 = run("tests/unit/suggest/fixtures/playbook-v1.json");
    expect(v1.code).toBe(0);
    expect(v1.stdout).toMatch(/valid playbook \(format 1, migrated to 2, revision 1\)/);
  });

  test("an invalid playbook: every problem with its path on stderr, exit 1", () => {
    const p = structuredClone(DEFAULT_PLAYBOOK);
    const s = p.strategies["concrete-fix"].fr.variants[2]?.[0];
    if (s) s.text = "Désolés pour {prodcut}.";
    (p.voice as { formality: string }).formality = "ihr";
    const f = file("broken.json", p);
    const r = run(f);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${f}: voice.formality: should be "vous" or "tu", not "ihr"`);
    expect(r.stderr).toContain(
      `${f}: strategies.concrete-fix.fr.variants[2][0].text: unknown placeholder {prodcut} (did you mean {product}?)`,
    );
    expect(r.stderr).toMatch(/invalid playbook \(2 problems\)\n$/);
    const notJson = run(file("not.json", "{ nope"));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/not\.json: \(playbook\): not valid JSON/);
  });

  test("a template the linter blocks: the finding with its path, exit 1", () => {
    const p = structuredClone(DEFAULT_PLAYBOOK);
    const s = p.strategies["ask-detail"].en.variants[1]?.[1];
    if (s) s.text = "You should have read the FAQ.";
    const f = file("blame.json", p);
    const r = run(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: strategies\\.ask-detail\\.en\\.variants\\[1\\]: block blame "You should have": Blames the customer`,
      ),
    );
    expect(r.stderr).toMatch(/playbook with blocking lint findings .* 1 blocking/);
  });

  test("warnings alone keep exit 0", () => {
    const p = structuredClone(DEFAULT_PLAYBOOK);
    const s = p.strategies["follow-up"].en.short?.[0]?.[1];
    if (s) s.text = `${"We are still looking into this for you. ".repeat(4)}DM us.`;
    const r = run(file("long.json", p));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/strategies\.follow-up\.en\.short\[0\]: warn length/);
    expect(r.stdout).toMatch(/0 blocking, 1 warning\n$/);
  });

  test.each([
    ["no file", [], /exactly one FILE is required/],
    ["two files", ["a.json", "b.json"], /exactly one FILE is required/],
    ["a missing file", ["tests/nope.json"], /cannot read tests\/nope\.json: ENOENT/],
    ["an unknown option", ["--fix", "a.json"], /unknown option --fix/],
  ])("%s: a clear message and exit code 2", (_case, args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: playbook:lint FILE/);
  });
});
