/**
 * `npm run extract -- --site instagram|youtube|tiktok FILE` on the hand-written fixtures: the command reads the
 * registry, so each new adapter works there at once.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const fixture = (site: string, name: string) => path.join(repoRoot, "tests/fixtures", site, name);

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

const metrics = (replies: number | null, likes: number | null) => ({ replies, reposts: null, likes, views: null });

describe("scripts/extract.ts on comment sites", { timeout: 60_000 }, () => {
  test("--site instagram: a post's comments and replies, not the caption, not the author-less one", () => {
    const run = extract("--site", "instagram", fixture("instagram", "post-fr.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => [p.id, p.author])).toEqual([
      ["18043210987654321", "claire_dmt"],
      ["17999888777666555", "acme_fr"],
      ["18000111222333444", "claire_dmt"],
      ["18011122233344455", "sam_k"],
      ["17888777666555444", "happy.customer"],
      ["17966655544433322", "mallory_r"],
    ]);
    expect(posts[0]).toEqual({
      id: "18043210987654321",
      author: "claire_dmt",
      name: "",
      text: "Commande #48213 passée il y a trois semaines, toujours pas livrée 😡 Le service client de @acme_fr ne répond plus.\nJe veux être remboursée !",
      url: "https://www.instagram.com/p/DAcmeFr01x/c/18043210987654321/",
      postedAt: "2026-08-20T07:45:12.000Z",
      promoted: false,
      metrics: metrics(null, 14),
    });
    expect(posts.some((p) => p.text.includes("Nouvelle collection"))).toBe(false);
    expect(posts.at(-1).text).toBe("<img src=x onerror=alert(1)>");

    const reel = extract("--site=instagram", fixture("instagram", "reel-en.html"));
    expect(reel.code).toBe(0);
    expect(reel.json().map((p) => p.url)).toEqual([
      "https://www.instagram.com/reel/DAcmeRe02y/c/18055544433322211/",
      "https://www.instagram.com/reel/DAcmeRe02y/c/18066655544433322/",
      "https://www.instagram.com/reel/DAcmeRe02y/c/18077766655544433/",
    ]);
  });

  test("--site youtube: comments and replies, the channel owner's answer among them", () => {
    const run = extract("--site", "youtube", fixture("youtube", "watch-fr.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => [p.id, p.author, p.metrics.likes])).toEqual([
      ["UgxPinH4pPyCu5t0m3rZQ4AaABAg", "happy_customer", 1200],
      ["UgzK3mTq8Vb2XcL9pRw4AaABAg", "claire_dmt", 14],
      ["UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnB7c2kQxZAHnB7c2kQxZ", "AcmeFR", 3],
      ["UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnC0d4mRyaAHnC0d4mRya", "claire_dmt", 0],
      ["UgwP5nR2sT7uV9wX1yZ3a4AaABAg", "sam_k", 37],
      ["UgxMa11oryH0st1leTxt4AaABAg", "mallory_r", 0],
    ]);
    expect(posts[4]).toEqual({
      id: "UgwP5nR2sT7uV9wX1yZ3a4AaABAg",
      author: "sam_k",
      name: "",
      text: "At 0:42 you say delivery takes 3 days. I was charged twice for order #48907 and have been waiting for three weeks.\nNobody answers my emails. Worst customer service ever.",
      url: "https://www.youtube.com/watch?v=AcmeVid0001&lc=UgwP5nR2sT7uV9wX1yZ3a4AaABAg",
      postedAt: null,
      promoted: false,
      metrics: metrics(1, 37),
    });
    const old = extract("--site", "youtube", fixture("youtube", "malformed.html"));
    expect(old.code).toBe(0);
    expect(old.json().map((p) => p.author)).toEqual([
      "UCacme0000000000000000FR",
      "élodie.b",
      "mallory_r",
      "short_fan",
      "old_timer",
    ]);
  });

  test("--site tiktok: --base names the video; without it the page's canonical link does", () => {
    const video = "https://www.tiktok.com/@acme_fr/video/7675293818527340167";
    const run = extract("--site", "tiktok", "--base", video, fixture("tiktok", "video-fr.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => [p.id, p.author, p.name, p.postedAt])).toEqual([
      ["7676016713064390451", "claire_dmt", "Claire D.", "2026-08-20T07:45:12.000Z"],
      ["7568503751686201345", "sam_k", "Sam K 🇬🇧", "2025-11-03T14:20:00.000Z"],
      ["7676423223131620072", "acme_fr", "Acme France", "2026-08-21T10:02:40.000Z"],
      ["7676733062068915319", "happy.customer", "Happy Customer", "2026-08-22T06:05:00.000Z"],
      ["7676767851302911834", "mallory_r", "mallory", "2026-08-22T08:20:00.000Z"],
    ]);
    expect(posts[0]).toEqual({
      id: "7676016713064390451",
      author: "claire_dmt",
      name: "Claire D.",
      text: "Commande #48213 toujours pas livrée et le service client ne répond pas 😡 @Acme France",
      url: video,
      postedAt: "2026-08-20T07:45:12.000Z",
      promoted: false,
      metrics: metrics(3, 35),
    });
    expect(extract("--site", "tiktok", fixture("tiktok", "video-fr.html")).json()[0].url).toBe(video);
    // No canonical link in this one: the comments link to the page given as --base.
    const feed = extract(
      "--site",
      "tiktok",
      "--base",
      "https://www.tiktok.com/foryou",
      fixture("tiktok", "malformed.html"),
    );
    expect(feed.code).toBe(0);
    expect(feed.lines).toHaveLength(6);
    expect(new Set(feed.json().map((p) => p.url))).toEqual(new Set(["https://www.tiktok.com/foryou"]));
  });

  test("an unknown site names the new ones among the known", () => {
    const run = extract("--site", "vine", fixture("tiktok", "video-fr.html"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown site "vine" \(known: .*instagram, youtube, tiktok/);
  });
});
