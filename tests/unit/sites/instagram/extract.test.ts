// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { PostSnapshot } from "../../../../lib/schemas";
import {
  commentRefOf,
  extractPost,
  findPosts,
  INSTAGRAM_SELECTORS,
  instagramSite,
  permalinkOf,
  postIdOf,
} from "../../../../lib/sites/instagram";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/instagram");
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
const POST_URL = "https://www.instagram.com/p/DAcmeFr01x/";
const REEL_URL = "https://www.instagram.com/reel/DAcmeRe02y/";

function snapshot(id: string, fields: Partial<PostSnapshot> & Pick<PostSnapshot, "url" | "author" | "text">) {
  return {
    site: "instagram",
    id,
    name: "",
    langAttr: null,
    postedAt: null,
    promoted: false,
    metrics: metrics(null, null),
    quoted: null,
    ...fields,
  };
}

describe("a post's page (tests/fixtures/instagram/post-fr.html)", () => {
  const document = () => page("post-fr.html");

  test("finds every comment and reply in page order, never the brand's caption", () => {
    const posts = findPosts(document());
    expect(posts.map((p) => postIdOf(p))).toEqual([
      "18043210987654321",
      "17999888777666555",
      "18000111222333444",
      "18011122233344455",
      "17888777666555444",
      "18022233344455566",
      "17966655544433322",
    ]);
    expect(posts.some((p) => p.querySelector("h1"))).toBe(false);
    // Blocks never nest: a reply is not inside its parent's block.
    for (const a of posts) for (const b of posts) if (a !== b) expect(a.contains(b)).toBe(false);
    // The comment whose author is gone has an id but no snapshot.
    expect(posts.map((p) => extractPost(p, POST_URL)?.id ?? null)).toEqual([
      "18043210987654321",
      "17999888777666555",
      "18000111222333444",
      "18011122233344455",
      "17888777666555444",
      null,
      "17966655544433322",
    ]);
  });

  test("every field of every comment", () => {
    const found = findPosts(document())
      .map((p) => extractPost(p, POST_URL))
      .filter((p) => p !== null);
    for (const post of found) expect(PostSnapshot.safeParse(post).success).toBe(true);
    expect(found).toEqual([
      snapshot("18043210987654321", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/18043210987654321/",
        author: "claire_dmt",
        text: "Commande #48213 passée il y a trois semaines, toujours pas livrée 😡 Le service client de @acme_fr ne répond plus.\nJe veux être remboursée !",
        postedAt: "2026-08-20T07:45:12.000Z",
        metrics: metrics(null, 14),
      }),
      snapshot("17999888777666555", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/18043210987654321/r/17999888777666555/",
        author: "acme_fr",
        text: "@claire_dmt Bonjour Claire, nous sommes désolés pour ce retard. Pouvez-vous nous écrire en message privé avec votre numéro de commande ?",
        postedAt: "2026-08-20T08:02:40.000Z",
        metrics: metrics(null, 1),
      }),
      snapshot("18000111222333444", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/18043210987654321/r/18000111222333444/",
        author: "claire_dmt",
        text: "@acme_fr C'est fait, merci.",
        postedAt: "2026-08-20T09:15:00.000Z",
      }),
      snapshot("18011122233344455", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/18011122233344455/",
        author: "sam_k",
        text: "Charged twice for order #48907 and nobody answers my emails. Worst customer service ever.",
        postedAt: "2026-08-21T18:30:00.000Z",
        metrics: metrics(1, 3),
      }),
      snapshot("17888777666555444", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/17888777666555444/",
        author: "happy.customer",
        text: "Love the new collection, the linen shirt fits perfectly 😍",
        postedAt: "2026-08-22T06:05:00.000Z",
      }),
      snapshot("17966655544433322", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/17966655544433322/",
        author: "mallory_r",
        text: "<img src=x onerror=alert(1)>",
        postedAt: "2026-08-22T08:20:00.000Z",
        metrics: metrics(null, 1),
      }),
    ]);
  });

  test("hostile text stays text: no element made of it, no script run", () => {
    const hostile = findPosts(document()).find((p) => postIdOf(p) === "17966655544433322") as Element;
    expect(hostile.querySelector("img[src='x']")).toBeNull();
    expect((document().defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("a block is its own root; a piece of a block finds nothing", () => {
    const [first] = findPosts(document());
    expect(findPosts(first as Element)).toEqual([first]);
    expect(findPosts((first as Element).querySelector("span[dir='auto']") as Element)).toEqual([]);
  });

  test("the badge goes right after the comment's own time link, outside every control", () => {
    for (const post of findPosts(document())) {
      const spot = instagramSite.badgeSpot(post);
      expect(spot.where).toBe("after");
      expect(spot.el).toBe(permalinkOf(post));
      expect(spot.el.getAttribute("href")).toContain(`/c/`);
      expect(spot.el.closest("[role='button'], button")).toBeNull();
      expect(post.contains(spot.el)).toBe(true);
    }
  });
});

describe("a reel's page (tests/fixtures/instagram/reel-en.html)", () => {
  test("comments under /reel/ links, the pinned one first, the caption skipped", () => {
    const found = findPosts(page("reel-en.html")).map((p) => extractPost(p, REEL_URL));
    expect(found).toEqual([
      snapshot("18055544433322211", {
        url: "https://www.instagram.com/reel/DAcmeRe02y/c/18055544433322211/",
        author: "lyon.sews",
        text: "Beautiful work, proud to see this made in #lyon 👏",
        postedAt: "2026-08-15T17:12:00.000Z",
        metrics: metrics(null, 1204),
      }),
      snapshot("18066655544433322", {
        url: "https://www.instagram.com/reel/DAcmeRe02y/c/18066655544433322/",
        author: "jordan_p",
        text: "Nice video but my order from June still hasn't shipped and @acme_fr ignores my DMs. Very disappointed.",
        postedAt: "2026-08-19T10:30:00.000Z",
        metrics: metrics(12, 7),
      }),
      snapshot("18077766655544433", {
        url: "https://www.instagram.com/reel/DAcmeRe02y/c/18077766655544433/",
        author: "luc_b",
        text: "Chemise reçue déchirée, retour refusé. Service après-vente inexistant, c'est honteux.",
        postedAt: "2026-08-21T21:48:30.000Z",
        metrics: metrics(null, 2),
      }),
    ]);
  });
});

describe("malformed, hostile and older comments (tests/fixtures/instagram/malformed.html)", () => {
  const base = POST_URL;
  const root = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };
  const only = (name: string) => {
    const found = findPosts(root(name));
    expect(found).toHaveLength(1);
    return found[0] as Element;
  };

  test.each(["script-permalink", "foreign-permalink", "with-caption"])("%s: not a comment at all", (name) => {
    expect(findPosts(root(name))).toEqual([]);
  });

  test("links to Instagram's own pages only: no author, no snapshot; a mention is never the author", () => {
    const el = only("reserved-author");
    expect(postIdOf(el)).toBe("18000000000000004");
    expect(extractPost(el, base)).toBeNull();
  });

  test("an unreadable time is no time; French controls are read; the author's name in the link is dropped", () => {
    expect(extractPost(only("bad-time"), base)).toEqual(
      snapshot("18000000000000003", {
        url: "https://www.instagram.com/p/DAcmeFr01x/c/18000000000000003/",
        author: "odd.dates",
        text: "Une date que personne ne lit.",
        metrics: metrics(null, 12),
      }),
    );
  });

  test("a comment without text (a GIF) keeps an empty text", () => {
    expect(extractPost(only("no-text"), base)).toMatchObject({
      id: "18000000000000005",
      author: "sticker_fan",
      text: "",
    });
  });

  test("scripts, styles and frames are dropped; escaped markup stays text", () => {
    expect(extractPost(only("hostile-markup"), base)?.text).toBe("Remboursement refusé <b>encore</b>");
  });

  test("the 2023 markup (ul/li, h3 author) is read too, its replies toggle included", () => {
    expect(extractPost(only("legacy-2023"), base)).toEqual(
      snapshot("17850000000000001", {
        url: "https://www.instagram.com/p/CxOld0000aa/c/17850000000000001/",
        author: "old_timer",
        text: "Still waiting for the refund you promised in March.",
        postedAt: "2023-09-02T12:00:00.000Z",
        metrics: metrics(4, 5),
      }),
    );
  });

  test("anything else: null, never a throw", () => {
    const doc = page("malformed.html");
    const div = doc.createElement("div");
    expect(extractPost(div, base)).toBeNull();
    expect(postIdOf(div)).toBeNull();
    expect(findPosts(div)).toEqual([]);
    expect(extractPost(div, "not a url")).toBeNull();
    expect(findPosts(new JSDOM("").window.document)).toEqual([]);
  });
});

describe("a comment's link to itself", () => {
  // Relative links in permalink form are read without the URL parser: the same answer as through it, which is
  // what this reference does for every link.
  const throughUrl = (href: string | null) => {
    let url: URL;
    try {
      url = new URL(href ?? "", "https://www.instagram.com/");
    } catch {
      return null;
    }
    if (!["www.instagram.com", "instagram.com"].includes(url.hostname)) return null;
    const m =
      /^(?:\/[A-Za-z0-9._]{1,30})?\/(p|reel|reels|tv)\/([A-Za-z0-9_-]{5,60})\/c\/(\d{5,25})(?:\/r\/(\d{5,25}))?\/?$/.exec(
        url.pathname,
      );
    return m ? { kind: m[1], code: m[2], commentId: m[3], replyId: m[4] ?? null } : null;
  };
  test.each([
    ["/p/DAcmeFr01x/c/18000000000000001/", true],
    ["/acme_fr/p/DAcmeFr01x/c/18000000000000001/r/18000000000000002/", true],
    ["/reel/DAcmeRe02y/c/18000000000000003", true],
    ["/../p/DAcmeFr01x/c/18000000000000001/", true],
    ["/./p/DAcmeFr01x/c/18000000000000001/", true],
    ["/x/../p/DAcmeFr01x/c/18000000000000001/", true],
    ["/p/DAcmeFr01x/c/18000000000000001/?utm=1", true],
    ["/p/DAcmeFr01x/c/18000000000000001/#top", true],
    ["/p/DAcme%46r01x/c/18000000000000001/", false],
    ["/p/DAcme\nFr01x/c/18000000000000001/", true],
    ["\\p/DAcmeFr01x/c/18000000000000001/", true],
    ["//evil.example/p/DAcmeFr01x/c/18000000000000001/", false],
    ["https://www.instagram.com/p/DAcmeFr01x/c/18000000000000001/", true],
    ["https://instagram.com/reels/DAcmeRe02y/c/18000000000000003/r/18000000000000004", true],
    ["https://evil.example/p/DAcmeFr01x/c/18000000000000001/", false],
    ["/p/DAcmeFr01x/", false],
    ["/p/DAcmeFr01x/c/abc/", false],
    ["/stories/acme_fr/c/18000000000000001/", false],
    ["", false],
    [null, false],
  ])("commentRefOf(%j): a comment link %s, as the URL parser reads it", (href, isComment) => {
    const want = throughUrl(href);
    expect(want !== null).toBe(isComment);
    expect(commentRefOf(href)).toEqual(want);
  });
});

describe("adapter data", () => {
  test.each(Object.entries(INSTAGRAM_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });

  test("health hints find every comment of the fixture pages, and nothing in the caption", () => {
    for (const [name, count] of [
      ["post-fr.html", 7],
      ["reel-en.html", 3],
    ] as const) {
      const hits = new Set(instagramSite.health.postLike.flatMap((css) => [...page(name).querySelectorAll(css)]));
      expect(hits.size, name).toBe(count);
    }
  });
});
