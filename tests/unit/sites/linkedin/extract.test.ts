import path from "node:path";
import { describe, expect, test } from "vitest";
import { healthReport } from "../../../../lib/content/health";
import type { PostSnapshot } from "../../../../lib/schemas";
import {
  extractPost,
  findPosts,
  isComment,
  LINKEDIN_SELECTORS,
  linkedinSite,
  postIdOf,
  slugOf,
  snowflakeTime,
} from "../../../../lib/sites/linkedin";
import { extractAll, fixturePages } from "../../support/pages";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/linkedin");
const page = fixturePages(dir);

const extracted = (document: Document, base: string) => extractAll({ findPosts, extractPost }, document, base);

const metrics = (replies: number | null, reposts: number | null, likes: number | null) => ({
  replies,
  reposts,
  likes,
  views: null,
});
const snapshot = (
  fields: Partial<PostSnapshot> &
    Pick<PostSnapshot, "id" | "url" | "author" | "name" | "text" | "postedAt" | "metrics">,
) => ({
  site: "linkedin",
  langAttr: null,
  promoted: false,
  quoted: null,
  ...fields,
});

const FEED = "https://www.linkedin.com/feed/";
const POST = "https://www.linkedin.com/feed/update/urn:li:activity:7496815922381256789/";
const commentUrl = (post: string, comment: string) =>
  `https://www.linkedin.com/feed/update/urn:li:activity:${post}/?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A${post}%2C${comment}%29`;

describe("hand-written feed, English UI (tests/fixtures/linkedin/feed.html)", () => {
  test("six posts in page order, each read whole (the time from the id, the names without their screen-reader copy)", () => {
    expect(extracted(page("feed.html"), FEED)).toEqual([
      snapshot({
        id: "activity:7496598238004434567",
        url: "https://www.linkedin.com/feed/update/urn:li:activity:7496598238004434567/",
        author: "claire-dumont-4a1b2c",
        name: "Claire Dumont",
        // The hashtag without its hidden "hashtag" word; "…more" is a control, not text.
        text: "Trois semaines que j’attends ma commande chez Acme France 😡 et toujours rien.\n\nLe suivi indique « livré » mais ma boîte aux lettres est vide !\n#colisperdu",
        postedAt: "2026-08-21T16:05:00.000Z",
        metrics: metrics(14, 3, 57),
      }),
      snapshot({
        id: "activity:7496617615690025678",
        url: "https://www.linkedin.com/feed/update/urn:li:activity:7496617615690025678/",
        author: "sam-k-7f3e21",
        name: "Sam K",
        text: "You charged me TWICE for the same order, Acme France, and your chat bot just loops.\nI want my money back. Three weeks of emails and nothing.",
        postedAt: "2026-08-21T17:22:00.000Z",
        // "Pat L and 120 others": the total comes from the button's label.
        metrics: metrics(48, null, 121),
      }),
      snapshot({
        id: "ugcPost:7496654357794176789",
        url: "https://www.linkedin.com/feed/update/urn:li:ugcPost:7496654357794176789/",
        author: "nadia-léger",
        name: "Nadia Léger",
        text: "Merci Acme France, colis reçu en 24 h, emballage nickel 👍",
        postedAt: "2026-08-21T19:48:00.000Z",
        metrics: metrics(null, null, 5),
      }),
      snapshot({
        id: "activity:7496823975445047890",
        url: "https://www.linkedin.com/feed/update/urn:li:activity:7496823975445047890/",
        author: "pat-l-88",
        name: "Pat L",
        // The reshared post's text stays out.
        text: "Still no news of my parcel. Three weeks.",
        postedAt: "2026-08-22T07:02:00.000Z",
        metrics: metrics(1, null, 2),
      }),
      snapshot({
        id: "activity:7496128895386490123",
        url: "https://www.linkedin.com/feed/update/urn:li:activity:7496128895386490123/",
        author: "boutique-exemple",
        name: "Boutique Exemple",
        text: "Les soldes continuent : -50 % sur toute la boutique.",
        postedAt: "2026-08-20T09:00:00.000Z",
        promoted: true,
        metrics: metrics(12, 8, 320),
      }),
      snapshot({
        id: "activity:7496843604788101234",
        url: "https://www.linkedin.com/feed/update/urn:li:activity:7496843604788101234/",
        author: "mallory-r",
        name: "<b>Mallory</b>",
        text: "<img src=x onerror=alert(1)>",
        postedAt: "2026-08-22T08:20:00.000Z",
        metrics: metrics(null, null, null),
      }),
    ]);
    expect((page("feed.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("the card, not its wrapper repeating the URN, is the post", () => {
    const posts = findPosts(page("feed.html"));
    expect(posts).toHaveLength(6);
    expect(posts.every((p) => p.classList.contains("feed-shared-update-v2"))).toBe(true);
  });
});

describe("hand-written post page, French UI (tests/fixtures/linkedin/post.html)", () => {
  test("the post, then its comments and the reply nested in the first one, each a post of its own", () => {
    expect(extracted(page("post.html"), POST)).toEqual([
      snapshot({
        id: "activity:7496815922381256789",
        url: POST,
        author: "jordan-p-41",
        name: "Jordan P.",
        text: "Commande #48213 : colis « livré » mais jamais reçu.\nLe service client ne répond pas depuis 10 jours. Inadmissible.",
        postedAt: "2026-08-22T06:30:00.000Z",
        // "1 024" reactions, "2 commentaires", "14 republications": the comments are not the post's text.
        metrics: metrics(2, 14, 1024),
      }),
      snapshot({
        id: "comment:(activity:7496815922381256789,7496834796749478901)",
        url: commentUrl("7496815922381256789", "7496834796749478901"),
        author: "sam-k-7f3e21",
        name: "Sam K",
        text: 'Same problem here: parcel "delivered" on Monday, nothing in my mailbox. Support never answers.',
        langAttr: "en",
        postedAt: "2026-08-22T07:45:00.000Z",
        metrics: metrics(1, null, 3),
      }),
      snapshot({
        id: "comment:(activity:7496815922381256789,7496841088205589012)",
        url: commentUrl("7496815922381256789", "7496841088205589012"),
        author: "acme-france",
        name: "Acme France",
        text: "Bonjour Sam, nous sommes désolés. Pouvez-vous nous écrire en message privé avec votre numéro de commande ?",
        postedAt: "2026-08-22T08:10:00.000Z",
        metrics: metrics(null, null, null),
      }),
      snapshot({
        id: "comment:(activity:7496815922381256789,7496847379660912233)",
        url: commentUrl("7496815922381256789", "7496847379660912233"),
        author: "nadia-léger",
        name: "Nadia Léger",
        text: "De mon côté tout est arrivé, merci Acme France 👍",
        postedAt: "2026-08-22T08:35:00.000Z",
        metrics: metrics(null, null, 12),
      }),
    ]);
  });

  test("a comment's replies are not its own text", () => {
    const first = findPosts(page("post.html")).find(isComment) as Element;
    expect(extractPost(first)?.text).not.toContain("Bonjour Sam");
  });
});

describe("malformed cards and comments (tests/fixtures/linkedin/malformed.html)", () => {
  const item = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };

  test.each(["aggregate", "no-author", "foreign-author", "bad-urn", "bad-comment-urn", "empty"])(
    "%s: no snapshot, no throw",
    (name) => {
      expect(extractPost(item(name))).toBeNull();
    },
  );

  test("ids where the URN is whole, none where it is not", () => {
    expect(["aggregate", "no-author", "bad-urn", "bad-comment-urn", "no-body"].map((c) => postIdOf(item(c)))).toEqual([
      null,
      "activity:7496797048013356677",
      null,
      null,
      "comment:(activity:7496851154534623344,7496854929408334455)",
    ]);
  });

  test("hostile: text only; a comment without a body is read with no text", () => {
    expect(extractPost(item("hostile-post"))).toMatchObject({
      name: "<img src=x onerror=alert(1)>",
      text: '<script>alert("pwned")</script> refund please',
    });
    expect(extractPost(item("no-body"))).toMatchObject({ author: "sam-k-7f3e21", name: "Sam K", text: "" });
    expect((page("malformed.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });
});

describe("helpers and data", () => {
  test.each([
    ["7496598238004434567", "2026-08-21T16:05:00.000Z"],
    ["7496815922381256789", "2026-08-22T06:30:00.000Z"],
    ["12345", null],
    ["notanumber", null],
  ])("snowflakeTime(%s) → %s", (id, want) => {
    expect(snowflakeTime(id)).toBe(want);
  });

  test.each([
    [
      "https://www.linkedin.com/in/claire-dumont-4a1b2c?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB",
      "claire-dumont-4a1b2c",
    ],
    ["https://www.linkedin.com/company/acme-france/posts", "acme-france"],
    ["/in/nadia-l%C3%A9ger/", "nadia-léger"],
    ["https://www.linkedin.com/feed/", null],
    ["https://evil.example/in/claire", null],
    ["javascript:alert(1)", null],
  ])("slugOf(%s) → %s", (href, want) => {
    expect(slugOf(href)).toBe(want);
  });

  test.each(Object.entries(LINKEDIN_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });

  test("the badge goes after the author's link (post) or the time (comment), never on a control", () => {
    const [post, comment] = findPosts(page("post.html"));
    const postSpot = linkedinSite.badgeSpot(post as Element);
    expect(postSpot.where).toBe("after");
    expect(postSpot.el.classList.contains("update-components-actor__meta-link")).toBe(true);
    const commentSpot = linkedinSite.badgeSpot(comment as Element);
    expect(commentSpot.where).toBe("after");
    expect(commentSpot.el.localName).toBe("time");
    expect(commentSpot.el.closest("button")).toBeNull();
  });
});

describe("health", () => {
  test.each([
    ["feed.html", FEED],
    ["post.html", POST],
  ])("%s: healthy", (name, url) => {
    expect(healthReport(linkedinSite, page(name), url, 1)).toBeNull();
  });

  test("LinkedIn drops its URN attributes: the cards are no longer posts", () => {
    const doc = page("feed.html", (h) =>
      h.replaceAll("data-urn=", "data-entity=").replaceAll('data-id="urn:li:activity', 'data-x="urn:li:activity'),
    );
    expect(healthReport(linkedinSite, doc, FEED, 1)).toEqual({
      site: "linkedin",
      broken: "posts",
      postLike: 6,
      found: 0,
      at: 1,
    });
  });

  test("LinkedIn renames its actor classes: posts found, authors not", () => {
    const doc = page("feed.html", (h) => h.replaceAll("update-components-actor", "feed-actor-v3"));
    expect(healthReport(linkedinSite, doc, FEED, 1)).toMatchObject({ site: "linkedin", broken: "author", found: 6 });
  });
});
