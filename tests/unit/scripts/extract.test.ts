import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const fixture = (name: string) => path.join(repoRoot, "tests/fixtures/x", name);

/** Runs the CLI as `npm run extract` does (package.json: `node --import tsx scripts/extract.ts`). */
function extract(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/extract.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stdout.split("\n").filter(Boolean);
  return { code: result.status, stderr: result.stderr, lines, json: () => lines.map((l) => JSON.parse(l)) };
}

describe("scripts/extract.ts", { timeout: 30_000 }, () => {
  test("is what `npm run extract` runs", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.scripts.extract).toBe("node --import tsx scripts/extract.ts");
  });

  test("prints one JSON line per post, in page order, with the documented keys", () => {
    const run = extract("--site", "x", fixture("timeline-fr.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => p.id)).toEqual([
      "1900000000000000101",
      "1900000000000000202",
      "1900000000000000303",
      "1900000000000000404",
      "1900000000000000505",
    ]);
    expect(Object.keys(posts[0])).toEqual(["id", "author", "name", "text", "url", "postedAt", "promoted", "metrics"]);
    expect(posts[0]).toEqual({
      id: "1900000000000000101",
      author: "claire_dmt",
      name: "Claire D.",
      text: "Trois semaines que j'attends ma commande chez @BoutiqueExemple 😡 et toujours rien. Le suivi indique « livré » mais ma boîte aux lettres est vide ! Détails : https://suivi.example.org/colis/AB12345678",
      url: "https://x.com/claire_dmt/status/1900000000000000101",
      postedAt: "2026-11-20T08:15:00.000Z",
      promoted: false,
      metrics: { replies: 3, reposts: 1, likes: 22, views: 1178 },
    });
    expect(posts[1]).toMatchObject({ id: "1900000000000000202", promoted: true, postedAt: null });
    expect(posts[2].quoted).toEqual({
      id: "1899999999999999001",
      author: "BoutiqueExemple",
      name: "Boutique Exemple",
      text: "Nos équipes sont mobilisées pour rattraper le retard de livraison. Merci de votre patience 🙏",
      url: "https://x.com/BoutiqueExemple/status/1899999999999999001",
    });
    expect(posts[2].metrics).toEqual({ replies: 12, reposts: 3400, likes: 1_200_000, views: 2_000_000 });
  });

  test("--base resolves the page's relative links; skips posts it cannot read", () => {
    const run = extract(
      "--site=x",
      "--base",
      "https://twitter.com/sam_k/status/1900000000000001001",
      fixture("status-en.html"),
    );
    expect(run.code).toBe(0);
    expect(run.json().map((p) => [p.id, p.author, p.url])).toEqual([
      ["1900000000000001001", "sam_k", "https://x.com/sam_k/status/1900000000000001001"],
      ["1900000000000001002", "AcmeHelp", "https://x.com/AcmeHelp/status/1900000000000001002"],
      ["1900000000000001003", "pat_l", "https://x.com/pat_l/status/1900000000000001003"],
      ["1900000000000001999", "GadgetShop", "https://x.com/GadgetShop/status/1900000000000001999"],
    ]);
    const malformed = extract("--site", "x", fixture("malformed.html"));
    expect(malformed.code).toBe(0);
    expect(malformed.lines).toHaveLength(7);
  });

  test.each([
    ["an unknown site", ["--site", "facebook", "page.html"], /unknown site "facebook"/],
    ["a missing file", ["--site", "x", "tests/fixtures/x/nope.html"], /cannot read .*nope\.html: ENOENT/],
    ["no site", [fixture("timeline-fr.html")], /--site is required/],
    ["no file", ["--site", "x"], /exactly one FILE\.html/],
    ["a bad base", ["--site", "x", "--base", "nope", fixture("timeline-fr.html")], /--base is not a URL/],
    ["an unknown option", ["--site", "x", "--verbose", fixture("timeline-fr.html")], /unknown option --verbose/],
  ])("%s: a clear message and exit code 2", (_case, args, message) => {
    const run = extract(...args);
    expect(run.code).toBe(2);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/usage: extract --site/);
  });
});
