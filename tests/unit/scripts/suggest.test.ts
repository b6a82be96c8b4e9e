import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "apaise-suggest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly string[]): string {
  const f = path.join(dir, name);
  writeFileSync(f, `${lines.join("\n")}\n`);
  return f;
}

/** Runs the CLI as `npm run suggest` does (package.json: `node --import tsx scripts/suggest.ts`). */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/suggest.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stdout.split("\n").filter(Boolean);
  return { code: result.status, stderr: result.stderr, lines, json: () => lines.map((l) => JSON.parse(l)) };
}

const POSTS = [
  JSON.stringify({
    id: "1",
    text: "Toujours pas reçu mon colis, trois semaines de retard. Inadmissible !",
    author: "marie_l",
  }),
  JSON.stringify({
    id: 2,
    text: "My internet has been down since yesterday and nobody answers. Ridiculous.",
    author: "sam_k",
  }),
  JSON.stringify({ id: "3", text: "Prélevé deux fois ce mois-ci, c'est une blague ?", alreadyAnswered: true }),
];

interface Line {
  id: string | number;
  lang: string;
  suggestions: { strategy: string; text: string; length: number; lint: { rule: string }[] }[];
}

describe("scripts/suggest.ts", { timeout: 60_000 }, () => {
  test("is what `npm run suggest` runs", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.scripts.suggest).toBe("node --import tsx scripts/suggest.ts");
  });

  test("one line per post, exactly {id, lang, suggestions: [{strategy, text, length, lint}]}", () => {
    const r = run("--jsonl", file("posts.jsonl", POSTS));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.json() as Line[];
    expect(out.map((l) => [l.id, l.lang])).toEqual([
      ["1", "fr"],
      [2, "en"],
      ["3", "fr"],
    ]);
    for (const line of out) {
      expect(Object.keys(line)).toEqual(["id", "lang", "suggestions"]);
      expect(line.suggestions).toHaveLength(3);
      expect(new Set(line.suggestions.map((s) => s.text)).size).toBe(3);
      for (const s of line.suggestions) {
        expect(Object.keys(s)).toEqual(["strategy", "text", "length", "lint"]);
        expect(s.length).toBeLessThanOrEqual(280);
        expect(s.lint).toEqual([]);
      }
    }
    expect(out[0]?.suggestions[0]?.text).toContain("@marie_l");
    // The customer already got an answer: the follow-up comes first.
    expect(out[2]?.suggestions[0]?.strategy).toBe("follow-up");
  });

  test("--site picks the length rule; --playbook, --agent, --signature are used; --baseline skips the model", () => {
    const posts = file("posts-site.jsonl", POSTS);
    const tiktok = run("--jsonl", posts, "--site", "tiktok", "--baseline").json() as Line[];
    for (const s of tiktok.flatMap((l) => l.suggestions)) expect(s.length).toBeLessThanOrEqual(150);
    const custom = run(
      "--jsonl",
      posts,
      "--site=bluesky",
      "--playbook",
      path.join(repoRoot, "examples/playbook.example.json"),
      "--agent",
      "Julie",
    ).json() as Line[];
    const fr = custom[0]?.suggestions.map((s) => s.text) ?? [];
    expect(fr.every((t) => t.endsWith("^ACME"))).toBe(true);
    expect(fr.join(" ")).not.toMatch(/\bvous\b/);
    const signed = run("--jsonl", posts, "--signature", "JD").json() as Line[];
    expect(signed[1]?.suggestions.every((s) => s.text.endsWith("^JD"))).toBe(true);
  });

  test("the linter's findings are reported per suggestion (an unfilled prompt blocks)", () => {
    const playbook = JSON.parse(readFileSync(path.join(repoRoot, "examples/playbook.example.json"), "utf8"));
    playbook.strategies["concrete-fix"].fr.variants = [playbook.strategies["concrete-fix"].fr.variants[1]];
    const r = run(
      "--jsonl",
      file("one.jsonl", [POSTS[0] as string]),
      "--playbook",
      file("prompt-playbook.json", [JSON.stringify(playbook)]),
    );
    expect(r.code).toBe(0);
    const fix = (r.json() as Line[])[0]?.suggestions.find((s) => s.strategy === "concrete-fix");
    expect(fix?.text).toContain("[DÉLAI ANNONCÉ]");
    expect(fix?.lint).toEqual([{ rule: "placeholder", level: "block", excerpt: "[DÉLAI ANNONCÉ]" }]);
  });

  test("bad lines: a clear message with the line number on stderr, the rest processed, exit 1", () => {
    const r = run(
      "--jsonl",
      file("bad.jsonl", [
        POSTS[0] as string,
        "not json",
        '{"id":"x"}',
        '{"text":"no id"}',
        '{"id":"y","text":"ok","alreadyAnswered":"yes"}',
        "",
        POSTS[1] as string,
      ]),
    );
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(2);
    expect(r.stderr).toMatch(/bad\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/bad\.jsonl:3: missing "text"/);
    expect(r.stderr).toMatch(/bad\.jsonl:4: missing "id"/);
    expect(r.stderr).toMatch(/bad\.jsonl:5: "alreadyAnswered" must be true or false/);
  });

  test.each([
    ["no --jsonl", [], /--jsonl FILE is required/],
    ["an unknown site", ["--jsonl", "x.jsonl", "--site", "myspace"], /unknown site "myspace" \(one of x, reddit/],
    ["a missing file", ["--jsonl", "tests/nope.jsonl"], /cannot read input tests\/nope\.jsonl: ENOENT/],
    ["an unknown argument", ["--jsonl", "x.jsonl", "--verbose"], /unknown argument "--verbose"/],
    ["a value missing", ["--jsonl"], /--jsonl needs a value/],
  ])("%s: a clear message and exit code 2", (_case, args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: suggest --jsonl FILE/);
  });

  test("an invalid playbook: its errors, then exit code 2", () => {
    const r = run(
      "--jsonl",
      file("p.jsonl", [POSTS[0] as string]),
      "--playbook",
      file("bad-playbook.json", ['{"schemaVersion":2}']),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-playbook\.json: revision: is missing/);
    expect(r.stderr).toMatch(/is not a valid playbook/);
  });
});
