// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { PostSnapshot } from "../../../../lib/schemas";
import {
  authorOf,
  extractPost,
  findPosts,
  isCreatorComment,
  postIdOf,
  YOUTUBE_SELECTORS,
  youtubeSite,
} from "../../../../lib/sites/youtube";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/youtube");
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
const WATCH = "https://www.youtube.com/watch?v=AcmeVid0001";
const commentUrl = (id: string) => `${WATCH}&lc=${id}`;

function snapshot(id: string, fields: Partial<PostSnapshot> & Pick<PostSnapshot, "author" | "text">) {
  return {
    site: "youtube",
    id,
    url: commentUrl(id),
    name: "",
    langAttr: null,
    postedAt: null,
    promoted: false,
    metrics: metrics(null, null),
    quoted: null,
    ...fields,
  };
}

describe("a watch page (tests/fixtures/youtube/watch-fr.html)", () => {
  const document = () => page("watch-fr.html");

  test("finds every comment and reply in page order; the video's description is no comment", () => {
    const posts = findPosts(document());
    expect(posts.map((p) => postIdOf(p))).toEqual([
      "UgxPinH4pPyCu5t0m3rZQ4AaABAg",
      "UgzK3mTq8Vb2XcL9pRw4AaABAg",
      "UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnB7c2kQxZAHnB7c2kQxZ",
      "UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnC0d4mRyaAHnC0d4mRya",
      "UgwP5nR2sT7uV9wX1yZ3a4AaABAg",
      "UgyGh0stAuth0rN0L1nk4AaABAg",
      "UgxMa11oryH0st1leTxt4AaABAg",
    ]);
    expect(posts.map((p) => extractPost(p, WATCH)?.id ?? null)).toEqual([
      "UgxPinH4pPyCu5t0m3rZQ4AaABAg",
      "UgzK3mTq8Vb2XcL9pRw4AaABAg",
      "UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnB7c2kQxZAHnB7c2kQxZ",
      "UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnC0d4mRyaAHnC0d4mRya",
      "UgwP5nR2sT7uV9wX1yZ3a4AaABAg",
      null,
      "UgxMa11oryH0st1leTxt4AaABAg",
    ]);
  });

  test("every field of every comment: handles, text as written (emoji images, lines), likes, replies", () => {
    const found = findPosts(document())
      .map((p) => extractPost(p, WATCH))
      .filter((p) => p !== null);
    for (const post of found) expect(PostSnapshot.safeParse(post).success).toBe(true);
    expect(found).toEqual([
      snapshot("UgxPinH4pPyCu5t0m3rZQ4AaABAg", {
        author: "happy_customer",
        text: "J'adore cette collection, la chemise en lin tombe parfaitement 😍",
        metrics: metrics(null, 1200),
      }),
      snapshot("UgzK3mTq8Vb2XcL9pRw4AaABAg", {
        author: "claire_dmt",
        text: "Commande #48213 passée il y a trois semaines, toujours rien 😡\nLe service client ne répond plus depuis 10 jours. Je veux être remboursée.",
        metrics: metrics(2, 14),
      }),
      snapshot("UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnB7c2kQxZAHnB7c2kQxZ", {
        author: "AcmeFR",
        text: "@claire_dmt Bonjour Claire, nous sommes désolés. Écrivez-nous sur acme.example/aide avec votre numéro de commande, nous regardons tout de suite.",
        metrics: metrics(null, 3),
      }),
      snapshot("UgzK3mTq8Vb2XcL9pRw4AaABAg.AHnC0d4mRyaAHnC0d4mRya", {
        author: "claire_dmt",
        text: "C'est fait, toujours aucune réponse.",
        metrics: metrics(null, 0),
      }),
      snapshot("UgwP5nR2sT7uV9wX1yZ3a4AaABAg", {
        author: "sam_k",
        text: "At 0:42 you say delivery takes 3 days. I was charged twice for order #48907 and have been waiting for three weeks.\nNobody answers my emails. Worst customer service ever.",
        metrics: metrics(1, 37),
      }),
      snapshot("UgxMa11oryH0st1leTxt4AaABAg", {
        author: "mallory_r",
        text: "<img src=x onerror=alert(1)>",
        metrics: metrics(null, 0),
      }),
    ]);
  });

  test("the channel owner's own comments are told apart (their #author-text is hidden behind a badge)", () => {
    const posts = findPosts(document());
    expect(posts.map((p) => isCreatorComment(p))).toEqual([false, false, true, false, false, false, false]);
    expect(authorOf(posts[2] as Element)).toBe("AcmeFR");
  });

  test("hostile text stays text; no script run", () => {
    const hostile = findPosts(document()).at(-1) as Element;
    expect(hostile.querySelector("img[src='x']")).toBeNull();
    expect((document().defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test("the badge goes at the end of the comment's own header, never in its toolbar or menu", () => {
    for (const post of findPosts(document())) {
      const spot = youtubeSite.badgeSpot(post);
      expect(spot).toMatchObject({ where: "append" });
      expect(spot.el.id).toBe("header-author");
      expect(spot.el.closest("ytd-comment-view-model")).toBe(post);
      expect(spot.el.querySelector("button, [role='button']")).toBeNull();
    }
  });
});

describe("malformed, hostile and older comments (tests/fixtures/youtube/malformed.html)", () => {
  const thread = (name: string) => {
    const el = page("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return findPosts(el)[0] as Element;
  };

  test.each(["no-permalink", "foreign-permalink", "bad-id"])("%s: no id, no snapshot, no throw", (name) => {
    expect(postIdOf(thread(name))).toBeNull();
    expect(extractPost(thread(name), WATCH)).toBeNull();
  });

  test("a channel without a handle is named by its channel id; 2.4K likes", () => {
    expect(extractPost(thread("channel-id-author"), WATCH)).toEqual(
      snapshot("UgzOldChannelNoHandle04AaABAg", {
        author: "UCacme0000000000000000FR",
        text: "Written before handles existed.",
        metrics: metrics(null, 2400),
      }),
    );
  });

  test("a handle in another script is decoded; the like button's label gives the count", () => {
    expect(extractPost(thread("encoded-handle"), WATCH)).toEqual(
      snapshot("UgwElodieAccentHandle4AaABAg", {
        author: "élodie.b",
        text: "Colis perdu, personne ne répond.",
        metrics: metrics(null, 9),
      }),
    );
  });

  test("scripts, styles and frames are dropped; escaped markup stays text", () => {
    expect(extractPost(thread("hostile-markup"), WATCH)?.text).toBe("Refund denied <b>again</b>");
  });

  test("a Short's comment links to the Short", () => {
    expect(extractPost(thread("short"), "https://www.youtube.com/shorts/AcmeShort01")).toEqual(
      snapshot("UgxShortCommentFirst04AaABAg", {
        url: "https://www.youtube.com/shorts/AcmeShort01?lc=UgxShortCommentFirst04AaABAg",
        author: "short_fan",
        text: "Where can I buy this?",
      }),
    );
  });

  test("the 2023 markup (ytd-comment-renderer, yt-formatted-string, <br>) is read too", () => {
    expect(extractPost(thread("legacy-2023"), WATCH)).toEqual(
      snapshot("UgzLegacy2023Renderer04AaABAg", {
        author: "old_timer",
        text: "Still waiting for the refund you promised.\nOrder #31337.",
        metrics: metrics(null, 5),
      }),
    );
  });

  test("both element names are found together, outermost only", () => {
    expect(findPosts(page("malformed.html")).map((p) => p.localName)).toEqual([
      ...Array(7).fill("ytd-comment-view-model"),
      "ytd-comment-renderer",
    ]);
  });

  test("anything else: null, never a throw", () => {
    const div = page("malformed.html").createElement("div");
    expect(extractPost(div, WATCH)).toBeNull();
    expect(postIdOf(div)).toBeNull();
    expect(findPosts(div)).toEqual([]);
    expect(extractPost(thread("short"), "not a url")?.id).toBe("UgxShortCommentFirst04AaABAg");
  });
});

describe("adapter data", () => {
  test.each(Object.entries(YOUTUBE_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => page("malformed.html").querySelectorAll(css)).not.toThrow();
  });
});
