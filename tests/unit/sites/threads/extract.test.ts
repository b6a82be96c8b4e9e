import path from "node:path";
import { describe, expect, test } from "vitest";
import { healthReport } from "../../../../lib/content/health";
import {
  extractPost,
  findPosts,
  postIdOf,
  postRefOf,
  THREADS_SELECTORS,
  threadsSite,
} from "../../../../lib/sites/threads";
import { extractAll, fixturePages } from "../../support/pages";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/threads");
const page = fixturePages(dir);

const extracted = (document: Document, base: string) => extractAll({ findPosts, extractPost }, document, base);

const metrics = (replies: number | null, reposts: number | null, likes: number | null) => ({
  replies,
  reposts,
  likes,
  views: null,
});

const HOME = "https://www.threads.com/";
const POST = "https://www.threads.com/@jordan.p/post/DNx4dEfG5hI";

describe("hand-written home feed, French UI (tests/fixtures/threads/home-feed.html)", () => {
  test("five posts in page order, each read whole; the quoted post apart", () => {
    expect(extracted(page("home-feed.html"), HOME)).toEqual([
      {
        site: "threads",
        id: "DNx1aBcD2eF",
        url: "https://www.threads.com/@claire.dmt/post/DNx1aBcD2eF",
        author: "claire.dmt",
        name: "",
        // The topic tag, the link card and the counts are not the text.
        text: "Trois semaines que j’attends ma commande chez @acme.fr 😡 et toujours rien.\nLe suivi indique « livré » mais ma boîte aux lettres est vide ! Détails : suivi.example.org/colis/AB12345678",
        langAttr: null,
        postedAt: "2026-08-22T07:12:00.000Z",
        promoted: false,
        metrics: metrics(3, 1, 22),
        quoted: null,
      },
      {
        site: "threads",
        id: "DNx2bCdE3fG",
        url: "https://www.threads.com/@sam_k/post/DNx2bCdE3fG",
        author: "sam_k",
        name: "",
        text: '"We\'re on it", sure. You charged me TWICE for the same order and your chat bot just loops. I want my money back.',
        langAttr: null,
        postedAt: "2026-08-22T08:40:00.000Z",
        promoted: false,
        // "3,4 k" and "1,2 k": French abbreviations.
        metrics: metrics(1200, 48, 3400),
        quoted: {
          id: "DNw9zYxW8vU",
          author: "acme.fr",
          name: null,
          text: "Nos équipes sont mobilisées pour rattraper le retard de livraison. Merci de votre patience 🙏",
          url: "https://www.threads.com/@acme.fr/post/DNw9zYxW8vU",
        },
      },
      {
        site: "threads",
        id: "DNw7xWvU6tS",
        url: "https://www.threads.com/@nadia.lf/post/DNw7xWvU6tS",
        author: "nadia.lf",
        name: "",
        text: "Merci @acme.fr, colis reçu en 24 h, emballage nickel 👍",
        langAttr: null,
        postedAt: "2026-08-20T12:00:00.000Z",
        promoted: false,
        // Threads shows no count where there is none (or where it is hidden): null, not 0.
        metrics: metrics(null, null, 5),
        quoted: null,
      },
      {
        site: "threads",
        id: "DNx0pQrS1tU",
        url: "https://www.threads.com/@boutique.exemple/post/DNx0pQrS1tU",
        author: "boutique.exemple",
        name: "",
        text: "Les soldes continuent : -50 % sur toute la boutique.",
        langAttr: null,
        postedAt: "2026-08-22T06:00:00.000Z",
        promoted: true,
        metrics: metrics(4, 9, 120),
        quoted: null,
      },
      {
        site: "threads",
        id: "DNx3cDeF4gH",
        url: "https://www.threads.com/@mallory_r/post/DNx3cDeF4gH",
        author: "mallory_r",
        name: "",
        text: "<img src=x onerror=alert(1)>",
        langAttr: null,
        postedAt: "2026-08-22T09:15:00.000Z",
        promoted: false,
        metrics: metrics(null, null, null),
        quoted: null,
      },
    ]);
  });

  test("links keep the page's Threads host", () => {
    const [first] = findPosts(page("home-feed.html"));
    expect(extractPost(first as Element, "https://www.threads.net/")?.url).toBe(
      "https://www.threads.net/@claire.dmt/post/DNx1aBcD2eF",
    );
    expect(extractPost(first as Element, "https://example.com/")?.url).toBe(
      "https://www.threads.com/@claire.dmt/post/DNx1aBcD2eF",
    );
  });

  test("the quoted post is no post of its own", () => {
    expect(findPosts(page("home-feed.html")).map((el) => postIdOf(el))).toEqual([
      "DNx1aBcD2eF",
      "DNx2bCdE3fG",
      "DNw7xWvU6tS",
      "DNx0pQrS1tU",
      "DNx3cDeF4gH",
    ]);
  });
});

describe("hand-written post page, English UI (tests/fixtures/threads/post.html)", () => {
  test("the post and its two replies; the reply dialog's preview is no post", () => {
    expect(extracted(page("post.html"), POST)).toEqual([
      {
        site: "threads",
        id: "DNx4dEfG5hI",
        url: POST,
        author: "jordan.p",
        name: "",
        text: 'Order #48213: parcel marked "delivered" but never arrived.\nCustomer service hasn\'t answered in 10 days. Unacceptable.',
        langAttr: null,
        postedAt: "2026-08-22T08:03:00.000Z",
        promoted: false,
        metrics: metrics(2, 14, 1024),
        quoted: null,
      },
      {
        site: "threads",
        id: "DNx5eFgH6iJ",
        url: "https://www.threads.com/@acme.fr/post/DNx5eFgH6iJ",
        author: "acme.fr",
        name: "",
        text: "Hi Jordan, we're sorry about this. Could you send us your order number in a direct message?",
        langAttr: null,
        postedAt: "2026-08-22T09:30:00.000Z",
        promoted: false,
        metrics: metrics(1, null, null),
        quoted: null,
      },
      {
        site: "threads",
        id: "DNx6fGhI7jK",
        url: "https://www.threads.com/@pat_l/post/DNx6fGhI7jK",
        author: "pat_l",
        name: "",
        text: 'Same here 😤 parcel "delivered" on Monday, nothing in my mailbox.',
        langAttr: null,
        postedAt: "2026-08-22T09:41:00.000Z",
        promoted: false,
        metrics: metrics(null, 3, 7),
        quoted: null,
      },
    ]);
  });
});

describe("malformed containers (tests/fixtures/threads/malformed.html)", () => {
  const item = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };

  test("only containers that link to a post are posts", () => {
    expect(findPosts(page("malformed.html")).map((el) => el.getAttribute("data-case"))).toEqual([
      "bad-time",
      "hostile",
    ]);
  });

  test.each(["no-author", "bad-link", "suggestion", "empty"])("%s: no snapshot, no throw", (name) => {
    expect(postIdOf(item(name))).toBeNull();
    expect(extractPost(item(name), HOME)).toBeNull();
  });

  test("an unreadable time is null; an overlong language tag is dropped; a count without a number is null", () => {
    expect(extractPost(item("bad-time"), HOME)).toEqual({
      site: "threads",
      id: "DNx7gHiJ8kL",
      url: "https://www.threads.com/@odd_dates/post/DNx7gHiJ8kL",
      author: "odd_dates",
      name: "",
      text: "A time nobody can parse.",
      langAttr: null,
      postedAt: null,
      promoted: false,
      metrics: metrics(null, null, null),
      quoted: null,
    });
  });

  test("hostile: text only, scripts, frames and photo descriptions left out", () => {
    expect(extractPost(item("hostile"), HOME)).toMatchObject({
      author: "mallory_r",
      text: '<script>alert("pwned")</script> refund please',
    });
    expect((page("malformed.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });
});

describe("helpers and data", () => {
  test.each([
    [
      "/@claire.dmt/post/DNx1aBcD2eF",
      { user: "claire.dmt", code: "DNx1aBcD2eF", path: "/@claire.dmt/post/DNx1aBcD2eF" },
    ],
    [
      "https://www.threads.net/@sam_k/post/DNx2bCdE3fG/media",
      { user: "sam_k", code: "DNx2bCdE3fG", path: "/@sam_k/post/DNx2bCdE3fG" },
    ],
    ["https://evil.example/@sam_k/post/DNx2bCdE3fG", null],
    ["/@sam_k/post/DNx2bCdE3fG/likes", null],
    ["/sam_k/post/DNx2bCdE3fG", null],
    ["javascript:alert(1)", null],
  ])("postRefOf(%s)", (href, want) => {
    expect(postRefOf(href)).toEqual(want);
  });

  test.each(Object.entries(THREADS_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });

  test("the badge goes right after the post's time link, away from its controls", () => {
    const [first] = findPosts(page("home-feed.html"));
    const spot = threadsSite.badgeSpot(first as Element);
    expect(spot.where).toBe("after");
    expect(spot.el.getAttribute("href")).toBe("/@claire.dmt/post/DNx1aBcD2eF");
    expect(spot.el.closest('[role="button"]')).toBeNull();
  });
});

describe("health", () => {
  test.each([
    ["home-feed.html", HOME],
    ["post.html", POST],
  ])("%s: healthy", (name, url) => {
    expect(healthReport(threadsSite, page(name), url, 1)).toBeNull();
  });

  test("Threads stops linking times to posts: the posts are no longer found", () => {
    const doc = page("home-feed.html", (h) => h.replaceAll("/post/", "/p/"));
    expect(healthReport(threadsSite, doc, HOME, 1)).toEqual({
      site: "threads",
      broken: "posts",
      postLike: 5,
      found: 0,
      at: 1,
    });
  });

  test("Threads drops dir=auto from its text spans: posts found, texts not", () => {
    const doc = page("home-feed.html", (h) => h.replaceAll(' dir="auto"', ""));
    expect(healthReport(threadsSite, doc, HOME, 1)).toMatchObject({ site: "threads", broken: "text", found: 5 });
  });
});
