/**
 * `npm run extract -- --site bluesky|threads|linkedin|facebook FILE` on the hand-written fixtures: the command
 * reads the registry, so each new adapter works there at once.
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

describe("scripts/extract.ts on feed sites", { timeout: 60_000 }, () => {
  test("--site bluesky: --base is the thread's URL, which names its anchor", () => {
    const run = extract(
      "--site",
      "bluesky",
      "--base",
      "https://bsky.app/profile/jordan-p.bsky.social/post/3mtnsrbwpfvdg",
      fixture("bluesky", "thread.html"),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json().map((p) => [p.id, p.author])).toEqual([
      ["3mtmernip5v3e", "acme.fr"],
      ["3mtnsrbwpfvdg", "jordan-p.bsky.social"],
      ["3mtnxmu4hnv4h", "acme.fr"],
      ["3mtnyajk2vv2g", "pat-l.bsky.social"],
    ]);
    expect(run.json()[1]).toEqual({
      id: "3mtnsrbwpfvdg",
      author: "jordan-p.bsky.social",
      name: "Jordan P.",
      text: "Commande #48213 : colis « livré » mais jamais reçu.\nLe service client ne répond pas depuis 10 jours. Inadmissible. #colisperdu",
      url: "https://bsky.app/profile/jordan-p.bsky.social/post/3mtnsrbwpfvdg",
      postedAt: "2026-08-22T08:03:00.000Z",
      promoted: false,
      metrics: { replies: 2, reposts: 14, likes: 1024, views: null },
    });
    // Without --base (https://bsky.app/), the anchor has no id: it is skipped.
    expect(extract("--site", "bluesky", fixture("bluesky", "thread.html")).lines).toHaveLength(3);
    const home = extract("--site=bluesky", fixture("bluesky", "home-timeline.html")).json();
    expect(home[1].quoted).toMatchObject({ id: "3mtmernip5v3e", author: "acme.fr" });
  });

  test("--site threads: the feed, with the quoted post printed with its quote", () => {
    const run = extract("--site", "threads", fixture("threads", "home-feed.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => [p.id, p.author, p.promoted])).toEqual([
      ["DNx1aBcD2eF", "claire.dmt", false],
      ["DNx2bCdE3fG", "sam_k", false],
      ["DNw7xWvU6tS", "nadia.lf", false],
      ["DNx0pQrS1tU", "boutique.exemple", true],
      ["DNx3cDeF4gH", "mallory_r", false],
    ]);
    expect(posts[1].quoted).toMatchObject({ id: "DNw9zYxW8vU", author: "acme.fr" });
    expect(posts[4].text).toBe("<img src=x onerror=alert(1)>");
  });

  test("--site linkedin: the post page, its comments and the nested reply", () => {
    const run = extract("--site", "linkedin", fixture("linkedin", "post.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = run.json();
    expect(posts.map((p) => [p.id, p.author, p.postedAt])).toEqual([
      ["activity:7496815922381256789", "jordan-p-41", "2026-08-22T06:30:00.000Z"],
      ["comment:(activity:7496815922381256789,7496834796749478901)", "sam-k-7f3e21", "2026-08-22T07:45:00.000Z"],
      ["comment:(activity:7496815922381256789,7496841088205589012)", "acme-france", "2026-08-22T08:10:00.000Z"],
      ["comment:(activity:7496815922381256789,7496847379660912233)", "nadia-léger", "2026-08-22T08:35:00.000Z"],
    ]);
    expect(posts[0].metrics).toEqual({ replies: 2, reposts: 14, likes: 1024, views: null });
  });

  test("--site facebook: --base names the post its page shows; the timeline skips the post Facebook hides", () => {
    const base =
      "https://www.facebook.com/AcmeFrance/posts/pfbid02Qm7bXvKq3sZr1NwYpTgLhc8FdEj4uA6iHoV9yMnWxBzRkCtDs5eGa7fPqJ2Ll";
    const run = extract("--site", "facebook", "--base", base, fixture("facebook", "post.html"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json().map((p) => [p.id, p.author])).toEqual([
      ["pfbid02Qm7bXvKq3sZr1NwYpTgLhc8FdEj4uA6iHoV9yMnW~101858e76996fcc8", "AcmeFrance"],
      ["2234567890123456", "jordan.p.41"],
      ["2234567890123458", "AcmeFrance"],
      ["2234567890123457", "pat.l.88"],
    ]);
    expect(run.json()[0].url).toBe(base);
    const timeline = extract(
      "--site",
      "facebook",
      "--base",
      "https://www.facebook.com/AcmeFrance",
      fixture("facebook", "page-timeline.html"),
    );
    expect(timeline.code).toBe(0);
    expect(timeline.json().map((p) => p.author)).toEqual([
      "AcmeFrance",
      "claire.dumont.42",
      "sam.k.uk",
      "AcmeFrance",
      "100012345678901",
      "mallory.r",
    ]);
  });

  test("the usage line lists the four sites", () => {
    const run = extract("--site", "myspace", fixture("bluesky", "thread.html"));
    expect(run.code).toBe(2);
    for (const site of ["bluesky", "threads", "linkedin", "facebook"]) expect(run.stderr).toContain(site);
  });
});
