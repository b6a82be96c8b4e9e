// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { healthReport } from "../../../../lib/content/health";
import { PostSnapshot } from "../../../../lib/schemas";
import {
  commentIdOf,
  compactId,
  extractPost,
  FACEBOOK_SELECTORS,
  facebookSite,
  findPosts,
  handleOf,
  postIdOf,
} from "../../../../lib/sites/facebook";
import { fixturePages } from "../../support/pages";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/facebook");
const page = fixturePages(dir);

function readable(document: Document, base: string): PostSnapshot[] {
  return findPosts(document).flatMap((el) => {
    const snapshot = extractPost(el, base);
    return snapshot ? [PostSnapshot.parse(snapshot)] : [];
  });
}

const metrics = (replies: number | null, reposts: number | null, likes: number | null) => ({
  replies,
  reposts,
  likes,
  views: null,
});
const snapshot = (
  fields: Partial<PostSnapshot> &
    Pick<PostSnapshot, "id" | "url" | "author" | "name" | "text" | "langAttr" | "metrics">,
) => ({
  site: "facebook",
  postedAt: null,
  promoted: false,
  quoted: null,
  ...fields,
});

const PAGE = "https://www.facebook.com/AcmeFrance";
const PFB1 = "pfbid0Zx8Kq2mVt7RbN3cLp9YwHd4Fs6Ja1Ug5Te8Mi2Ko7Qr3";
const POST1 = `https://www.facebook.com/AcmeFrance/posts/${PFB1}`;
const PFB2 = "pfbid02Qm7bXvKq3sZr1NwYpTgLhc8FdEj4uA6iHoV9yMnWxBzRkCtDs5eGa7fPqJ2Ll";
const POST2 = `https://www.facebook.com/AcmeFrance/posts/${PFB2}`;

describe("hand-written Page timeline, English UI (tests/fixtures/facebook/page-timeline.html)", () => {
  test("the brand's post, then every comment and reply under it, each read whole", () => {
    expect(readable(page("page-timeline.html"), PAGE)).toEqual([
      snapshot({
        id: PFB1,
        url: POST1,
        author: "AcmeFrance",
        name: "Acme France",
        // "See more" is a control, not text; the comments are not the post's text.
        text: "Nos équipes sont mobilisées pour rattraper le retard de livraison.\nMerci de votre patience 🙏",
        langAttr: "fr-FR",
        metrics: metrics(86, 9, 41),
      }),
      snapshot({
        id: "1234567890123456",
        url: `${POST1}?comment_id=1234567890123456`,
        author: "claire.dumont.42",
        name: "Claire Dumont",
        text: "Trois semaines que j’attends ma commande chez Acme France 😡 et toujours rien.\nLe suivi indique « livré » mais ma boîte aux lettres est vide !",
        langAttr: "fr-FR",
        metrics: metrics(null, null, 3),
      }),
      snapshot({
        id: "1234567890123457",
        url: `${POST1}?comment_id=1234567890123457`,
        author: "sam.k.uk",
        name: "Sam K",
        text: "You charged me TWICE for the same order and your chat bot just loops. I want my money back.",
        langAttr: "en-GB",
        metrics: metrics(null, null, 12),
      }),
      snapshot({
        id: "1234567890123460",
        url: `${POST1}?comment_id=1234567890123457&reply_comment_id=1234567890123460`,
        author: "AcmeFrance",
        name: "Acme France",
        text: "Hi Sam, we're sorry. Could you send us your order number in a private message?",
        langAttr: "en-GB",
        metrics: metrics(null, null, null),
      }),
      snapshot({
        id: "1234567890123458",
        url: `${POST1}?comment_id=1234567890123458`,
        author: "100012345678901",
        name: "Nadia Léger",
        text: "Colis reçu en 24 h, emballage nickel, merci 👍",
        langAttr: "fr-FR",
        metrics: metrics(null, null, 5),
      }),
      snapshot({
        id: "1234567890123459",
        url: `${POST1}?comment_id=1234567890123459`,
        author: "mallory.r",
        name: "<b>Mallory</b>",
        text: "<img src=x onerror=alert(1)>",
        // No language detected for it: never the page's <html lang>.
        langAttr: null,
        metrics: metrics(null, null, null),
      }),
    ]);
    expect((page("page-timeline.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("a post whose time link Facebook still hides (href='#') has no id on the timeline", () => {
    const posts = findPosts(page("page-timeline.html"));
    expect(posts).toHaveLength(7);
    const hidden = posts.at(-1) as Element;
    expect(hidden.getAttribute("aria-posinset")).toBe("2");
    expect(postIdOf(hidden, PAGE)).toBeNull();
    expect(extractPost(hidden, PAGE)).toBeNull();
  });
});

describe("hand-written post page, French UI (tests/fixtures/facebook/post.html)", () => {
  test("the post (its id from the page URL, shortened to fit) and its comments", () => {
    const id = compactId(PFB2);
    expect(id).toBe("pfbid02Qm7bXvKq3sZr1NwYpTgLhc8FdEj4uA6iHoV9yMnW~101858e76996fcc8");
    expect(readable(page("post.html"), POST2)).toEqual([
      snapshot({
        id,
        url: POST2,
        author: "AcmeFrance",
        name: "Acme France",
        text: "Retards de livraison : nos équipes sont mobilisées, merci de votre patience 🙏",
        langAttr: "fr-FR",
        metrics: metrics(86, 9, 1200),
      }),
      snapshot({
        id: "2234567890123456",
        url: `${POST2}?comment_id=2234567890123456`,
        author: "jordan.p.41",
        name: "Jordan P.",
        text: "Commande #48213 : colis « livré » mais jamais reçu.\nLe service client ne répond pas depuis 10 jours. Inadmissible.",
        langAttr: "fr-FR",
        metrics: metrics(null, null, 24),
      }),
      snapshot({
        id: "2234567890123458",
        url: `${POST2}?comment_id=2234567890123456&reply_comment_id=2234567890123458`,
        author: "AcmeFrance",
        name: "Acme France",
        text: "Bonjour Jordan, nous sommes désolés. Pouvez-vous nous écrire en message privé ?",
        langAttr: "fr-FR",
        metrics: metrics(null, null, null),
      }),
      snapshot({
        id: "2234567890123457",
        url: `${POST2}?comment_id=2234567890123457`,
        author: "pat.l.88",
        name: "Pat L",
        text: 'Same here 😤 parcel "delivered" on Monday, nothing in my mailbox.',
        langAttr: "en-US",
        metrics: metrics(null, null, 1200),
      }),
    ]);
  });

  test("on another page the same post has no id", () => {
    const [post] = findPosts(page("post.html"));
    expect(postIdOf(post as Element, PAGE)).toBeNull();
  });

  test("with the post dialog open over a timeline, the dialog's post is the one the URL names", () => {
    const doc = new JSDOM(
      readFileSync(path.join(dir, "page-timeline.html"), "utf8").replace(
        "</body>",
        `<div role="dialog">${(page("post.html").querySelector('[role="main"]') as Element).innerHTML}</div></body>`,
      ),
    ).window.document;
    const posts = findPosts(doc).filter((p) => p.getAttribute("role") !== "article");
    expect(posts.map((p) => postIdOf(p, POST2))).toEqual([PFB1, null, compactId(PFB2)]);
  });
});

describe("malformed posts and comments (tests/fixtures/facebook/malformed.html)", () => {
  const item = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };

  test("a unit without a header nor a text is no post", () => {
    expect(findPosts(page("malformed.html")).map((el) => el.getAttribute("data-case"))).toEqual([
      "sponsored",
      "no-author",
      "hostile",
      "comment-without-id",
      "comment-without-author",
      "group-member",
      "empty",
    ]);
  });

  test.each(["no-author", "comment-without-id", "comment-without-author", "empty"])(
    "%s: no snapshot, no throw",
    (name) => {
      expect(extractPost(item(name), PAGE)).toBeNull();
    },
  );

  test("an ad: promoted, its id from its video link", () => {
    expect(extractPost(item("sponsored"), PAGE)).toEqual(
      snapshot({
        id: "3344556677889900",
        url: "https://www.facebook.com/BoutiqueExemple/videos/3344556677889900/",
        author: "BoutiqueExemple",
        name: "Boutique Exemple",
        text: "Les soldes continuent : -50 % sur toute la boutique.",
        langAttr: null,
        promoted: true,
        metrics: metrics(null, null, null),
      }),
    );
  });

  test("hostile: text only; a link to another post inside the text is never the post's own", () => {
    expect(extractPost(item("hostile"), PAGE)).toEqual(
      snapshot({
        id: "5566778899001122",
        url: "https://www.facebook.com/groups/clients.acme/posts/5566778899001122/",
        author: "mallory.r",
        name: "<img src=x onerror=alert(1)>",
        text: '<script>alert("pwned")</script> refund please another post',
        langAttr: null,
        metrics: metrics(null, null, null),
      }),
    );
    expect((page("malformed.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("a group member's comment: id from the base64 comment id, author from the member link", () => {
    expect(extractPost(item("group-member"), PAGE)).toEqual(
      snapshot({
        id: "3334445556667779",
        url: "https://www.facebook.com/groups/clients.acme/posts/5566778899001122/?comment_id=3334445556667779",
        author: "100023456789012",
        name: "Group Member",
        text: "Only the base64 comment id on my profile link.",
        langAttr: "en",
        metrics: metrics(null, null, null),
      }),
    );
  });
});

describe("helpers and data", () => {
  test.each([
    ["1234567890123456", "1234567890123456"],
    ["Y29tbWVudDo1NTY2Nzc4ODk5MDAxMTIyXzMzMzQ0NDU1NTY2Njc3Nzk", "3334445556667779"],
    ["Y29tbWVudDpub3Q=", null],
    ["!!!", null],
    [null, null],
  ])("commentIdOf(%s) → %s", (raw, want) => {
    expect(commentIdOf(raw)).toBe(want);
  });

  test.each([
    ["https://www.facebook.com/claire.dumont.42?comment_id=1&__cft__[0]=x", "claire.dumont.42"],
    ["https://www.facebook.com/profile.php?id=100012345678901&comment_id=1", "100012345678901"],
    ["https://www.facebook.com/groups/clients.acme/user/100023456789012/", "100023456789012"],
    ["https://www.facebook.com/AcmeFrance/posts/1234567890123456", null],
    ["https://www.facebook.com/watch/?v=1", null],
    ["https://evil.example/claire.dumont.42", null],
    ["#", null],
  ])("handleOf(%s) → %s", (href, want) => {
    expect(handleOf(href)).toBe(want);
  });

  test("compactId keeps short ids, and gives long ones a stable 64-character form", () => {
    expect(compactId("1234567890123456")).toBe("1234567890123456");
    expect(compactId(PFB2)).toHaveLength(64);
    expect(compactId(PFB2)).toBe(compactId(`${PFB2}`));
    expect(compactId(`${PFB2}x`)).not.toBe(compactId(PFB2));
  });

  test.each(Object.entries(FACEBOOK_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });

  test("the badge goes at the end of the post's header, or after a comment's author name: never on a control", () => {
    const [post, comment] = findPosts(page("page-timeline.html"));
    const postSpot = facebookSite.badgeSpot(post as Element);
    expect(postSpot).toMatchObject({ where: "append" });
    expect(postSpot.el.getAttribute("data-ad-rendering-role")).toBe("profile_name");
    const commentSpot = facebookSite.badgeSpot(comment as Element);
    expect(commentSpot.where).toBe("after");
    expect(commentSpot.el.textContent).toBe("Claire Dumont");
    expect(commentSpot.el.closest('[role="button"]')).toBeNull();
  });
});

describe("health", () => {
  test.each([
    ["page-timeline.html", PAGE],
    ["post.html", POST2],
  ])("%s: healthy", (name, url) => {
    expect(healthReport(facebookSite, page(name), url, 1)).toBeNull();
  });

  test("Facebook drops data-ad-rendering-role and the comments' role: nothing is found in five feed units", () => {
    const doc = page("malformed.html", (h) =>
      h.replaceAll("data-ad-rendering-role", "data-role").replaceAll('role="article"', 'role="group"'),
    );
    expect(healthReport(facebookSite, doc, "https://www.facebook.com/", 1)).toEqual({
      site: "facebook",
      broken: "posts",
      postLike: 5,
      found: 0,
      at: 1,
    });
  });

  test("Facebook renames its profile links' paths: posts and comments found, authors not", () => {
    const doc = page("page-timeline.html", (h) =>
      h.replaceAll("https://www.facebook.com/", "https://www.facebook.com/u/"),
    );
    // Comment ids still come from their comment_id links: it is the authors that can no longer be read.
    expect(healthReport(facebookSite, doc, PAGE, 1)).toMatchObject({ site: "facebook", broken: "author", found: 7 });
  });
});
