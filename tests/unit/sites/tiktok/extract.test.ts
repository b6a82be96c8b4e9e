// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { PostSnapshot } from "../../../../lib/schemas";
import { extractPost, findPosts, idTime, postIdOf, TIKTOK_SELECTORS, tiktokSite } from "../../../../lib/sites/tiktok";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/tiktok");
const parsed = new Map<string, Document>();
/** A fixture, parsed once (scripts disabled: JSDOM's default). */
function page(name: string): Document {
  const known = parsed.get(name);
  if (known) return known;
  const document = new JSDOM(readFileSync(path.join(dir, name), "utf8")).window.document;
  parsed.set(name, document);
  return document;
}

const metrics = (replies: number | null, likes: number | null) => ({ replies, reposts: null, likes, views: null });
const VIDEO = "https://www.tiktok.com/@acme_fr/video/7675293818527340167";

function snapshot(id: string, fields: Partial<PostSnapshot> & Pick<PostSnapshot, "author" | "name" | "text">) {
  return {
    site: "tiktok",
    id,
    url: VIDEO,
    langAttr: null,
    postedAt: null,
    promoted: false,
    metrics: metrics(null, null),
    quoted: null,
    ...fields,
  };
}

describe("a video's page (tests/fixtures/tiktok/video-fr.html)", () => {
  const document = () => page("video-fr.html");

  test("finds every comment and reply in page order; the caption is no comment", () => {
    const posts = findPosts(document());
    expect(posts.map((p) => postIdOf(p, VIDEO))).toEqual([
      "7676016713064390451",
      "7568503751686201345",
      "7676423223131620072",
      "7676733062068915319",
      "7676747235463174658",
      "7676767851302911834",
    ]);
    expect(
      posts.some(
        (p) => p.querySelector('[data-e2e="browse-video-desc"]') || p.closest('[data-e2e="browse-video-desc"]'),
      ),
    ).toBe(false);
    // Blocks never nest, and never hold a comment box.
    for (const a of posts) for (const b of posts) if (a !== b) expect(a.contains(b)).toBe(false);
    expect(posts.some((p) => p.querySelector("[contenteditable]"))).toBe(false);
    // The deleted account's comment has an id but no snapshot.
    expect(posts.map((p) => extractPost(p, VIDEO)?.id ?? null)).toEqual([
      "7676016713064390451",
      "7568503751686201345",
      "7676423223131620072",
      "7676733062068915319",
      null,
      "7676767851302911834",
    ]);
  });

  test("every field of every comment: unique id and nickname, time from the id, counts", () => {
    const found = findPosts(document())
      .map((p) => extractPost(p, VIDEO))
      .filter((p) => p !== null);
    for (const post of found) expect(PostSnapshot.safeParse(post).success).toBe(true);
    expect(found).toEqual([
      snapshot("7676016713064390451", {
        author: "claire_dmt",
        name: "Claire D.",
        text: "Commande #48213 toujours pas livrée et le service client ne répond pas 😡 @Acme France",
        postedAt: "2026-08-20T07:45:12.000Z",
        metrics: metrics(3, 35),
      }),
      snapshot("7568503751686201345", {
        author: "sam_k",
        name: "Sam K 🇬🇧",
        text: "Charged twice for order #48907 and nobody answers. Worst customer service ever.",
        postedAt: "2025-11-03T14:20:00.000Z",
        metrics: metrics(null, 1200),
      }),
      snapshot("7676423223131620072", {
        author: "acme_fr",
        name: "Acme France",
        text: "Hi Sam, we're sorry! Please DM us your order number and we'll refund the duplicate charge.",
        postedAt: "2026-08-21T10:02:40.000Z",
        metrics: metrics(null, 4),
      }),
      snapshot("7676733062068915319", {
        author: "happy.customer",
        name: "Happy Customer",
        text: "J'adore, la chemise tombe parfaitement 😍",
        postedAt: "2026-08-22T06:05:00.000Z",
        metrics: metrics(null, 0),
      }),
      snapshot("7676767851302911834", {
        author: "mallory_r",
        name: "mallory",
        text: "<img src=x onerror=alert(1)>",
        postedAt: "2026-08-22T08:20:00.000Z",
        metrics: metrics(null, 0),
      }),
    ]);
  });

  test("the video's page comes from the page URL, else from its canonical link", () => {
    const [first] = findPosts(document());
    expect(
      extractPost(first as Element, "https://www.tiktok.com/@acme_fr/video/7675293818527340167?lang=fr")?.url,
    ).toBe(VIDEO);
    expect(extractPost(first as Element, "https://www.tiktok.com/foryou")?.url).toBe(VIDEO);
    expect(extractPost(first as Element, "https://evil.example/x")?.url).toBe(VIDEO);
  });

  test("hostile text stays text; no script run", () => {
    const hostile = findPosts(document()).at(-1) as Element;
    expect(hostile.querySelector("img[src='x']")).toBeNull();
    expect((document().defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("the badge goes beside the nickname (after its link), never in a link, on the heart or on Reply", () => {
    for (const post of findPosts(document())) {
      const spot = tiktokSite.badgeSpot(post);
      expect(spot).toEqual({ el: post.querySelector('[data-e2e^="comment-username"]'), where: "append" });
      expect(spot.el.closest("a, [role='button']")).toBeNull();
    }
    // The 2023 markup puts the nickname inside its link: the badge goes after the link.
    const legacy = findPosts(
      page("malformed.html").querySelector('[data-case="legacy-2023"]') as Element,
    )[0] as Element;
    const spot = tiktokSite.badgeSpot(legacy);
    expect(spot.where).toBe("after");
    expect(spot.el.localName).toBe("a");
    expect(spot.el.getAttribute("href")).toBe("/@old_timer");
  });
});

describe("malformed, hostile and older comments (tests/fixtures/tiktok/malformed.html)", () => {
  const FEED = "https://www.tiktok.com/foryou";
  const list = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };
  const only = (name: string) => {
    const found = findPosts(list(name));
    expect(found).toHaveLength(1);
    return found[0] as Element;
  };

  test("no id in the markup: a stable fingerprint of the video, the author and the text", () => {
    const el = only("no-id");
    const id = postIdOf(el, VIDEO);
    expect(id).toMatch(/^tt-[0-9a-f]{16}$/);
    expect(postIdOf(el, VIDEO)).toBe(id);
    expect(postIdOf(el, "https://www.tiktok.com/@acme_fr/video/7675293818527349999")).not.toBe(id);
    expect(extractPost(el, FEED)).toEqual({
      ...snapshot(postIdOf(el, FEED) as string, {
        author: "no.id.here",
        name: "No Id",
        text: "A comment whose container carries no id.",
      }),
      url: FEED,
    });
  });

  test("a full date on the page wins over an id that disagrees", () => {
    expect(extractPost(only("date-mismatch"), VIDEO)?.postedAt).toBe("2024-03-14T00:00:00.000Z");
  });

  test("links to no TikTok account: no author, no snapshot", () => {
    expect(extractPost(only("bad-profile-link"), VIDEO)).toBeNull();
  });

  test("scripts, styles and frames are dropped; escaped markup stays text; 2.5M likes", () => {
    expect(extractPost(only("hostile-markup"), VIDEO)).toMatchObject({
      text: "Remboursement refusé <b>encore</b>",
      metrics: metrics(null, 2_500_000),
    });
  });

  test("renamed component classes: each comment is still its own block", () => {
    const found = findPosts(list("renamed-classes"));
    expect(found.map((p) => [extractPost(p, VIDEO)?.author, extractPost(p, VIDEO)?.text])).toEqual([
      ["renamed_one", "TikTok renamed its components again."],
      ["second_one", "And a reply, still apart."],
    ]);
  });

  test("the 2023 markup (p[data-e2e], data-e2e time and like count, 'View 4 replies')", () => {
    expect(extractPost(only("legacy-2023"), VIDEO)).toEqual(
      snapshot("7301665164519019060", {
        author: "old_timer",
        name: "Old Timer",
        text: "Still waiting for the refund you promised.",
        postedAt: "2023-11-15T12:30:00.000Z",
        metrics: metrics(4, 12),
      }),
    );
  });

  test("ids carry their time; anything else: null, never a throw", () => {
    expect(idTime("7676016713064390451")).toBe("2026-08-20T07:45:12.000Z");
    expect(idTime("1234567890123456")).toBeNull();
    expect(idTime("not an id")).toBeNull();
    const div = page("malformed.html").createElement("div");
    expect(extractPost(div, VIDEO)).toBeNull();
    expect(postIdOf(div, VIDEO)).toBeNull();
    expect(findPosts(div)).toEqual([]);
    expect(extractPost(only("legacy-2023"), "not a url")?.url).toBe("https://www.tiktok.com/");
  });
});

describe("adapter data", () => {
  test.each(Object.entries(TIKTOK_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });
});
