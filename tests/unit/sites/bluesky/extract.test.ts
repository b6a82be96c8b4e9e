// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { healthReport } from "../../../../lib/content/health";
import {
  BLUESKY_SELECTORS,
  blockText,
  blueskySite,
  extractPost,
  findPosts,
  postIdOf,
  postRefOf,
  tidTime,
} from "../../../../lib/sites/bluesky";
import { extractAll, fixturePages } from "../../support/pages";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/bluesky");
const page = fixturePages(dir);

const extracted = (document: Document, base: string) => extractAll({ findPosts, extractPost }, document, base);

const metrics = (replies: number | null, reposts: number | null, likes: number | null) => ({
  replies,
  reposts,
  likes,
  views: null,
});

const HOME = "https://bsky.app/";
const THREAD = "https://bsky.app/profile/jordan-p.bsky.social/post/3mtnsrbwpfvdg";

// ---------------------------------------------------------------------------------------------------------------

describe("hand-written home timeline (tests/fixtures/bluesky/home-timeline.html)", () => {
  test("four feed items, in page order, each read whole", () => {
    const found = extracted(page("home-timeline.html"), HOME);
    expect(found).toEqual([
      {
        site: "bluesky",
        id: "3mtnpw3ow5v2b",
        url: "https://bsky.app/profile/claire-dmt.bsky.social/post/3mtnpw3ow5v2b",
        author: "claire-dmt.bsky.social",
        name: "Claire Dumont",
        text: "Trois semaines que j’attends ma commande chez @acme.fr 😡 et toujours rien.\nLe suivi indique « livré » mais ma boîte aux lettres est vide ! Détails : https://suivi.example.org/colis/AB12345678",
        langAttr: null,
        postedAt: "2026-08-22T07:12:00.000Z",
        promoted: false,
        metrics: metrics(3, 1, 22),
        quoted: null,
      },
      {
        site: "bluesky",
        id: "3mtnuth3q5vjz",
        url: "https://bsky.app/profile/sam-k.bsky.social/post/3mtnuth3q5vjz",
        author: "sam-k.bsky.social",
        name: "Sam K.",
        text: '"We\'re on it", sure. You charged me TWICE for the same order and your chat bot just loops. I want my money back.',
        langAttr: null,
        postedAt: "2026-08-22T08:40:00.000Z",
        promoted: false,
        // The labels' exact counts win over the abbreviated ones shown ("1.2K", "3.4K").
        metrics: metrics(1204, 48, 3402),
        quoted: {
          id: "3mtmernip5v3e",
          author: "acme.fr",
          name: "Acme France",
          text: "Nos équipes sont mobilisées pour rattraper le retard de livraison. Merci de votre patience 🙏",
          url: "https://bsky.app/profile/acme.fr/post/3mtmernip5v3e",
        },
      },
      {
        site: "bluesky",
        id: "3mtj73ab65v25",
        url: "https://bsky.app/profile/nadia.bsky.social/post/3mtj73ab65v25",
        author: "nadia.bsky.social",
        name: "Nadia 🌻",
        text: "Merci @acme.fr, colis reçu en 24 h, emballage nickel 👍 #contente",
        langAttr: null,
        postedAt: "2026-08-20T12:00:00.000Z",
        promoted: false,
        metrics: metrics(0, 2, 5),
        quoted: null,
      },
      {
        site: "bluesky",
        id: "3mtnwrzsnfvw6",
        url: "https://bsky.app/profile/mallory.bsky.social/post/3mtnwrzsnfvw6",
        author: "mallory.bsky.social",
        name: "<b>Mallory</b>",
        text: "<img src=x onerror=alert(1)>",
        langAttr: null,
        postedAt: "2026-08-22T09:15:00.000Z",
        promoted: false,
        metrics: metrics(0, null, 0),
        quoted: null,
      },
    ]);
    expect((page("home-timeline.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("a reposted post is its author's, not the reposter's; the quote's text is not the quoting post's", () => {
    const [, quoting, reposted] = findPosts(page("home-timeline.html"));
    expect(extractPost(reposted as Element, HOME)?.author).toBe("nadia.bsky.social");
    expect(extractPost(quoting as Element, HOME)?.text).not.toContain("mobilisées");
  });

  test("ids are re-read from the DOM: a recycled item answers with its new post", () => {
    const doc = new JSDOM(readFileSync(path.join(dir, "home-timeline.html"), "utf8")).window.document;
    const [first] = findPosts(doc);
    expect(postIdOf(first as Element)).toBe("3mtnpw3ow5v2b");
    for (const a of (first as Element).querySelectorAll('a[href*="/post/3mtnpw3ow5v2b"]')) {
      a.setAttribute("href", "/profile/claire-dmt.bsky.social/post/3mtnyzkmtfvo2");
    }
    expect(postIdOf(first as Element)).toBe("3mtnyzkmtfvo2");
  });
});

describe("hand-written thread page (tests/fixtures/bluesky/thread.html)", () => {
  test("the parent, the anchor (id from the page URL, text before its date line) and two replies", () => {
    const found = extracted(page("thread.html"), THREAD);
    expect(found.map((p) => [p.id, p.author, p.name, p.postedAt, p.metrics])).toEqual([
      ["3mtmernip5v3e", "acme.fr", "Acme France", "2026-08-21T18:20:00.000Z", metrics(86, 9, 41)],
      ["3mtnsrbwpfvdg", "jordan-p.bsky.social", "Jordan P.", "2026-08-22T08:03:00.000Z", metrics(2, 14, 1024)],
      ["3mtnxmu4hnv4h", "acme.fr", "Acme France", "2026-08-22T09:30:00.000Z", metrics(1, null, 0)],
      ["3mtnyajk2vv2g", "pat-l.bsky.social", "pat-l.bsky.social", "2026-08-22T09:41:00.000Z", metrics(0, 3, 7)],
    ]);
    expect(found[1]).toEqual({
      site: "bluesky",
      id: "3mtnsrbwpfvdg",
      url: THREAD,
      author: "jordan-p.bsky.social",
      name: "Jordan P.",
      text: "Commande #48213 : colis « livré » mais jamais reçu.\nLe service client ne répond pas depuis 10 jours. Inadmissible. #colisperdu",
      langAttr: null,
      postedAt: "2026-08-22T08:03:00.000Z",
      promoted: false,
      // Reposts and quotes together, as the controls count them (12 + 2).
      metrics: metrics(2, 14, 1024),
      quoted: null,
    });
    expect(found[2]?.text).toBe(
      "Bonjour Jordan, nous sommes désolés. Pouvez-vous nous écrire en message privé avec votre numéro de commande ?",
    );
    // The photo's description and its "ALT" badge are not the reply's text.
    expect(found[3]?.text).toBe(
      'Same here, parcel "delivered" on Monday and nothing in my mailbox. Support never answers.',
    );
  });

  test("the anchor has no id on another page, nor when the URL names another author", () => {
    const anchor = findPosts(page("thread.html"))[1] as Element;
    expect(postIdOf(anchor, HOME)).toBeNull();
    expect(extractPost(anchor, "https://bsky.app/profile/acme.fr/post/3mtnsrbwpfvdg")).toBeNull();
    expect(postIdOf(anchor, "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3mtnsrbwpfvdg")).toBe(
      "3mtnsrbwpfvdg",
    );
  });

  test("the composer's reply preview is no post", () => {
    expect(findPosts(page("thread.html"))).toHaveLength(4);
  });
});

describe("findPosts under any root", () => {
  // What the scanner and the context menu ask for: the posts of the page that sit at or under `root`. An item inside
  // another (a reposted or nested item) is never a post of its own, even when `root` is the inner one.
  test.each([
    ["home-timeline.html", false],
    ["thread.html", false],
    ["malformed.html", false],
    // A post's item copied inside another item: part of that one, under whatever root.
    ["home-timeline.html", true],
  ])("%s (an item nested in another: %s): every element as the root", (name, nested) => {
    const doc = page(name);
    const [outer, inner] = findPosts(doc);
    if (nested && outer && inner) outer.append(inner.cloneNode(true));
    const all = findPosts(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const root of doc.querySelectorAll("*")) {
      expect(findPosts(root)).toEqual(all.filter((el) => el === root || root.contains(el)));
    }
  });
});

describe("malformed items (tests/fixtures/bluesky/malformed.html)", () => {
  const item = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };

  test("only the items linking to a post of their own author are posts", () => {
    expect(findPosts(page("malformed.html")).map((el) => el.getAttribute("data-case"))).toEqual([
      "invalid-handle",
      "overlong-handle",
      "hostile",
    ]);
  });

  test.each(["no-author", "bad-link", "like-notification", "overlong-handle", "empty"])(
    "%s: no snapshot, no throw",
    (name) => {
      expect(extractPost(item(name), HOME)).toBeNull();
    },
  );

  test("an invalid handle: the DID from the post link is the author; an unreadable count is null", () => {
    expect(extractPost(item("invalid-handle"), HOME)).toEqual({
      site: "bluesky",
      id: "3mtnyzkmtfvo2",
      url: "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3mtnyzkmtfvo2",
      author: "did:plc:ewvi7nxzyoun6zhxrhs64oiz",
      name: "Lost Handle",
      text: "My handle broke but my refund request still stands.",
      langAttr: null,
      postedAt: "2026-08-22T09:55:00.000Z",
      promoted: false,
      metrics: metrics(null, null, null),
      quoted: null,
    });
  });

  test("hostile: text only; scripts, frames and photo descriptions left out; links never followed", () => {
    expect(extractPost(item("hostile"), HOME)).toMatchObject({
      name: "<img src=x onerror=alert(1)>",
      text: '<script>alert("pwned")</script> refund please here',
    });
    expect((page("malformed.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("does not recurse: a text nesting 100 000 elements cannot overflow the stack", () => {
    // Duck-typed nodes: jsdom itself recurses when building such a tree.
    type Fake = { nodeType: number; localName: string; childNodes: Fake[]; nodeValue?: string; getAttribute(): null };
    let node: Fake = { nodeType: 3, localName: "", childNodes: [], nodeValue: "deep", getAttribute: () => null };
    for (let i = 0; i < 100_000; i++) {
      node = { nodeType: 1, localName: "span", childNodes: [node], getAttribute: () => null };
    }
    expect(blockText(node as unknown as Element)).toBe("deep");
  });
});

describe("helpers and data", () => {
  test.each([
    ["3mtnpw3ow5v2b", "2026-08-22T07:12:00.000Z"],
    ["3mtj73ab65v25", "2026-08-20T12:00:00.000Z"],
    ["2222222222222", null],
    ["kmtnpw3ow5v2b", null],
    ["not-a-tid", null],
  ])("tidTime(%s) → %s", (rkey, want) => {
    expect(tidTime(rkey)).toBe(want);
  });

  test.each([
    ["/profile/acme.fr/post/3mtnpw3ow5v2b", { actor: "acme.fr", rkey: "3mtnpw3ow5v2b" }],
    ["https://bsky.app/profile/acme.fr/post/3mtnpw3ow5v2b/", { actor: "acme.fr", rkey: "3mtnpw3ow5v2b" }],
    ["https://evil.example/profile/acme.fr/post/3mtnpw3ow5v2b", null],
    ["/profile/acme.fr/post/3mtnpw3ow5v2b/liked-by", null],
    // Relative links in other forms go through the URL parser, as absolute ones do.
    ["/profile/acme.fr/post/3mtnpw3ow5v2b?ref=feed#top", { actor: "acme.fr", rkey: "3mtnpw3ow5v2b" }],
    ["/profile/acme%2Efr/post/3mtnpw3ow5v2b", { actor: "acme.fr", rkey: "3mtnpw3ow5v2b" }],
    ["/profile/did:plc:abc123/post/3mtnpw3ow5v2b", { actor: "did:plc:abc123", rkey: "3mtnpw3ow5v2b" }],
    ["/profile/../post/3mtnpw3ow5v2b", null],
    ["/profile/acme.fr/post/3MTNPW3OW5V2B", null],
    ["javascript:alert(1)", null],
    [null, null],
  ])("postRefOf(%s)", (href, want) => {
    expect(postRefOf(href)).toEqual(want);
  });

  test.each(Object.entries(BLUESKY_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });

  test("the badge goes at the end of the header line, or after the anchor's name block: never on a control", () => {
    const [first] = findPosts(page("home-timeline.html"));
    const spot = blueskySite.badgeSpot(first as Element);
    expect(spot.where).toBe("append");
    expect(spot.el.querySelector('a[href$="/post/3mtnpw3ow5v2b"]')).not.toBeNull();
    expect(spot.el.closest("button")).toBeNull();
    const anchor = findPosts(page("thread.html"))[1] as Element;
    const anchorSpot = blueskySite.badgeSpot(anchor);
    expect(anchorSpot).toMatchObject({ where: "after" });
    expect(anchorSpot.el.getAttribute("aria-label")).toBe("Jordan P.");
  });
});

describe("health", () => {
  test.each([
    ["home-timeline.html", HOME],
    ["thread.html", THREAD],
  ])("%s: healthy", (name, url) => {
    expect(healthReport(blueskySite, page(name), url, 1)).toBeNull();
  });

  test("bsky.app renames its item test ids: the posts are no longer found", () => {
    const doc = page("home-timeline.html", (h) => h.replaceAll("feedItem-by-", "feed-item-"));
    expect(healthReport(blueskySite, doc, HOME, 1)).toEqual({
      site: "bluesky",
      broken: "posts",
      postLike: 4,
      found: 0,
      at: 1,
    });
  });

  test("bsky.app renames postText: posts found, texts not", () => {
    const doc = page("home-timeline.html", (h) => h.replaceAll('data-testid="postText"', 'data-testid="post-text-v2"'));
    // Without the test id, the feed item's text block is still found after the header (the thread items' way).
    expect(extractPost(findPosts(doc)[0] as Element, HOME)?.text).toMatch(/^Trois semaines/);
    // Texts no longer rendered as `Text` blocks either: nothing to read them by.
    const bare = page("home-timeline.html", (h) =>
      h
        .replaceAll('<div dir="auto" data-testid="postText" class="css-146c3p1 r-1xnzce8"', '<div class="css-146c3p1"')
        .replaceAll('<div dir="auto" class="css-146c3p1 r-1xnzce8"', '<div class="css-146c3p1"'),
    );
    expect(healthReport(blueskySite, bare, HOME, 1)).toMatchObject({ site: "bluesky", broken: "text", found: 4 });
  });
});
