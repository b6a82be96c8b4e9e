import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const fixture = (name: string) => path.join(repoRoot, "tests/fixtures/x", name);
const ownFixture = (site: string, name: string) => path.join(repoRoot, "tests/fixtures", site, name);

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

  test("--site reddit: new and old Reddit pages, links on the page's own Reddit host", () => {
    const fresh = extract("--site", "reddit", ownFixture("reddit", "comments-new.html"));
    expect(fresh.stderr).toBe("");
    expect(fresh.code).toBe(0);
    expect(fresh.json().map((p) => [p.id, p.author])).toEqual([
      ["t3_1wabc12", "claire_dmt"],
      ["t1_q1aa001", "sam_k"],
      ["t1_q1aa002", "AcmeSupport_Team"],
      ["t1_q1aa004", "m_lefebvre"],
      ["t1_q1aa005", "mallory_r"],
    ]);
    expect(fresh.json()[0]).toEqual({
      id: "t3_1wabc12",
      author: "claire_dmt",
      name: "",
      text: "Colis jamais livré, et le service client ne répond plus\n\nCommande passée le 2 août, le suivi indique « livré » depuis une semaine mais ma boîte aux lettres est vide. 😡\n\nTrois mails au service client, aucune réponse. Je veux être remboursée.",
      url: "https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis_jamais_livre/",
      postedAt: "2026-08-20T07:45:12.120Z",
      promoted: false,
      metrics: { replies: 14, reposts: null, likes: 57, views: null },
    });
    const old = extract(
      "--site",
      "reddit",
      "--base",
      "https://old.reddit.com/",
      ownFixture("reddit", "thread-old.html"),
    );
    expect(old.code).toBe(0);
    expect(old.json().map((p) => p.url)).toEqual([
      "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/",
      "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/r2bb001/",
      "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/r2bb002/",
      "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/r2bb004/",
    ]);
  });

  test("--site mastodon: --base names the instance; quoted statuses are printed with their quote", () => {
    const run = extract(
      "--site=mastodon",
      "--base",
      "https://piaille.fr/home",
      ownFixture("mastodon", "home-timeline.html"),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => p.author)).toEqual([
      "claire@piaille.fr",
      "sam_k@mastodon.social",
      "energie_info@social.example",
      "nadia@piaille.fr",
      "pat_l@tooting.example",
      "mallory@piaille.fr",
    ]);
    expect(posts[0].url).toBe("https://piaille.fr/@claire/117137913937920042");
    expect(posts[4].quoted).toMatchObject({ id: "117127249920000042", author: "AcmeFR@mastodon.social" });
    // Without --base, mastodon.social is the instance: local accounts are named after it.
    const noBase = extract("--site", "mastodon", ownFixture("mastodon", "home-timeline.html"));
    expect(noBase.json()[0].author).toBe("claire@mastodon.social");
  });

  test.each([
    ["an unknown site", ["--site", "myspace", "page.html"], /unknown site "myspace" \(known: x, reddit, mastodon/],
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
