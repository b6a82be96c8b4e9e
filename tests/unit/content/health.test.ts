// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { assessPage, checkHealth, healthReport, type PageStats } from "../../../lib/content/health";
import { ToBackgroundFromContent } from "../../../lib/messages";
import { HealthReport } from "../../../lib/schemas";
import { adapterFor } from "../../../lib/sites";
import type { SiteAdapter } from "../../../lib/sites/types";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures");
const load = (site: string, name: string, edit: (html: string) => string = (h) => h) =>
  new JSDOM(edit(readFileSync(path.join(fixtures, site, name), "utf8"))).window.document;

const stats = (s: Partial<PageStats>): PageStats => ({
  postLike: 0,
  found: 0,
  sampled: 0,
  withId: 0,
  extracted: 0,
  withText: 0,
  ...s,
});

describe("checkHealth", () => {
  test.each([
    ["an empty page", stats({}), null],
    ["a page still loading (two post-like blocks)", stats({ postLike: 2 }), null],
    ["post-like blocks, nothing found", stats({ postLike: 12 }), "posts"],
    ["posts found without ids", stats({ postLike: 5, found: 5, sampled: 5 }), "posts"],
    ["ids but no snapshot (no author)", stats({ found: 5, sampled: 5, withId: 5 }), "author"],
    ["snapshots without any text", stats({ found: 5, sampled: 5, withId: 5, extracted: 5 }), "text"],
    ["some posts without text (photos)", stats({ found: 5, sampled: 5, withId: 5, extracted: 5, withText: 1 }), null],
    ["one odd post among many", stats({ found: 20, sampled: 20, withId: 20, extracted: 19, withText: 19 }), null],
    ["two posts, both unreadable: too little to tell", stats({ found: 2, sampled: 2, withId: 2 }), null],
    ["all well", stats({ postLike: 20, found: 20, sampled: 20, withId: 20, extracted: 20, withText: 18 }), null],
  ] as const)("%s → %s", (_case, input, want) => {
    expect(checkHealth(input)).toBe(want);
  });
});

/** `adapter`, counting the posts it extracts and the times its post-like hints are read. */
function counting(adapter: SiteAdapter) {
  const calls = { extracts: 0, hints: 0 };
  const counted: SiteAdapter = {
    ...adapter,
    extractPost: (el, b) => {
      calls.extracts++;
      return adapter.extractPost(el, b);
    },
    health: {
      get postLike() {
        calls.hints++;
        return adapter.health.postLike;
      },
    },
  };
  return { counted, calls };
}

describe("assessPage on the fixtures", () => {
  const base = "https://www.reddit.com/r/AcmeSupport/";

  test.each([
    ["reddit", "comments-new.html", "https://www.reddit.com/r/AcmeSupport/comments/1wabc12/x/"],
    ["reddit", "listing-new.html", "https://www.reddit.com/r/AcmeSupport/"],
    ["reddit", "thread-old.html", "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/x/"],
    ["mastodon", "home-timeline.html", "https://piaille.fr/home"],
    ["mastodon", "thread.html", "https://mastodon.social/@jordan_p@piaille.fr/117138220646401234"],
    ["x", "timeline-fr.html", "https://x.com/home"],
  ] as const)("%s %s: healthy", (site, file, url) => {
    const adapter = adapterFor(site);
    expect(healthReport(adapter, load(site, file), url, 1)).toBeNull();
  });

  test("new Reddit renames its custom elements: the posts are no longer found", () => {
    const doc = load("reddit", "listing-new.html", (h) => h.replaceAll("shreddit-post", "shreddit-post-v2"));
    const reddit = adapterFor("reddit");
    expect(assessPage(reddit, doc, base)).toMatchObject({ postLike: 3, found: 0 });
    expect(healthReport(reddit, doc, base, 1_787_000_000_000)).toEqual({
      site: "reddit",
      broken: "posts",
      postLike: 3,
      found: 0,
      at: 1_787_000_000_000,
    });
  });

  test("old Reddit drops data-fullname: the posts are no longer found", () => {
    const doc = load("reddit", "thread-old.html", (h) => h.replaceAll("data-fullname", "data-full-name"));
    expect(healthReport(adapterFor("reddit"), doc, base, 1)?.broken).toBe("posts");
  });

  test("new Reddit renames the author attribute: posts found, authors not", () => {
    const doc = load("reddit", "comments-new.html", (h) => h.replaceAll(' author="', ' author-name-v2="'));
    expect(healthReport(adapterFor("reddit"), doc, base, 1)?.broken).toBe("author");
  });

  test("Mastodon renames its content classes: statuses found, texts not", () => {
    const doc = load("mastodon", "home-timeline.html", (h) =>
      h.replaceAll("status__content", "status-body").replaceAll("content-warning", "cw-banner"),
    );
    const report = healthReport(adapterFor("mastodon"), doc, "https://piaille.fr/home", 1);
    expect(report).toMatchObject({ site: "mastodon", broken: "text", found: 7 });
  });

  test("the content script's own reading is reused: posts it read are not extracted again, hints not counted", () => {
    const reddit = adapterFor("reddit");
    const doc = load("reddit", "listing-new.html");
    const { counted, calls } = counting(reddit);
    const posts = reddit.findPosts(doc);
    const read = new Map(posts.slice(0, 2).map((el) => [el, reddit.extractPost(el, base)] as const));
    const stats = assessPage(counted, doc, base, 20, posts, (el) => read.get(el) ?? undefined);
    expect(stats).toMatchObject({ found: posts.length, sampled: posts.length, extracted: posts.length });
    expect(calls.extracts).toBe(posts.length - 2);
    expect(calls.hints).toBe(0);
    expect(healthReport(counted, doc, base, 1, posts)).toBeNull();
    expect(calls.hints).toBe(0);
    // Asked for (no post found, or a report), the hints are counted once.
    expect(stats.postLike).toBe(stats.postLike);
    expect(calls.hints).toBe(1);
  });

  test("once the content script read enough posts, the sample is those: nothing is extracted for the check", () => {
    const mastodon = adapterFor("mastodon");
    const doc = load("mastodon", "home-timeline.html");
    const home = "https://piaille.fr/home";
    const { counted, calls } = counting(mastodon);
    const posts = mastodon.findPosts(doc);
    expect(posts.length).toBeGreaterThan(4);
    // The agent is near posts 2, 3 and 4 only: those were read.
    const read = new Map(posts.slice(1, 4).map((el) => [el, mastodon.extractPost(el, home)] as const));
    const stats = assessPage(counted, doc, home, 20, posts, (el) => read.get(el));
    expect(stats).toMatchObject({ found: posts.length, sampled: 3, withId: 3, extracted: 3, withText: 3 });
    expect(calls.extracts).toBe(0);
    // Read, but no post came of them (ids, no author): the author part is what broke.
    const failed = assessPage(counted, doc, home, 20, posts, (el) => (read.has(el) ? null : undefined));
    expect(failed).toMatchObject({ sampled: 3, withId: 3, extracted: 0 });
    expect(checkHealth(failed)).toBe("author");
    expect(calls.extracts).toBe(0);
  });

  test("the report travels in complaints/seen, and is checked there", () => {
    const health = { site: "reddit", broken: "posts", postLike: 3, found: 0, at: 1 };
    expect(HealthReport.safeParse(health).success).toBe(true);
    for (const value of [health, null, undefined]) {
      const msg = { type: "complaints/seen", items: [], scanned: 0, ...(value === undefined ? {} : { health: value }) };
      expect(ToBackgroundFromContent.safeParse(msg).success).toBe(true);
    }
    const bad = { type: "complaints/seen", items: [], scanned: 0, health: { ...health, broken: "everything" } };
    expect(ToBackgroundFromContent.safeParse(bad).success).toBe(false);
    const otherSite = { type: "complaints/seen", items: [], scanned: 0, health: { ...health, site: "myspace" } };
    expect(ToBackgroundFromContent.safeParse(otherSite).success).toBe(false);
  });
});
