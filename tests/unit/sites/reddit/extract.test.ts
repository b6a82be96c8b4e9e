// @vitest-environment jsdom
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { extractPost, findPosts, postIdOf, REDDIT_SELECTORS, redditSite } from "../../../../lib/sites/reddit";
import { extractAll } from "../../support/pages";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const sharedDir = path.resolve(repoRoot, "../shared/fixtures/reddit");
const ownDir = path.resolve(repoRoot, "tests/fixtures/reddit");
const sharedExists = existsSync(sharedDir);
if (!sharedExists) console.warn(`${sharedDir} is absent: skipping the tests on real saved Reddit pages`);

const parsed = new Map<string, Document>();
/** A saved page, parsed once (scripts disabled: JSDOM's default). */
function page(file: string): Document {
  const known = parsed.get(file);
  if (known) return known;
  const document = new JSDOM(readFileSync(file, "utf8")).window.document;
  parsed.set(file, document);
  return document;
}
const shared = (name: string) => page(path.join(sharedDir, name));
const own = (name: string) => page(path.join(ownDir, name));

const extracted = (document: Document, base: string) => extractAll({ findPosts, extractPost }, document, base);

const metrics = (replies: number | null, likes: number | null) => ({ replies, reposts: null, likes, views: null });
const COMMENTS_URL = "https://www.reddit.com/r/mildlyinfuriating/comments/1vrqi5a/how_cooked_the_uk_is_right_now/";

// ---------------------------------------------------------------------------------------------------------------

describe.skipIf(!sharedExists)("real saved Reddit pages (../shared/fixtures/reddit)", () => {
  test("new Reddit comments page: the post and its 25 comments, each with id, author, time and score", () => {
    const found = extracted(shared("reddit-www-comments.htm"), COMMENTS_URL);
    expect(found.map((p) => [p.id, p.author, p.postedAt, p.metrics.likes])).toEqual([
      ["t3_1vrqi5a", "Phlogistoned", "2026-08-18T14:18:25.910Z", 5039],
      ["t1_p4f9kch", "Cupc4k31sm", "2026-08-18T14:21:45.150Z", 2425],
      ["t1_p4f9s26", "Lower-Elk8395", "2026-08-18T14:22:42.992Z", 608],
      ["t1_p4f9byl", "PyroDragn", "2026-08-18T14:20:42.510Z", 1253],
      ["t1_p4fq4ms", "morning-st48", "2026-08-18T15:35:33.234Z", 732],
      ["t1_p4fs5cg", "This-Clue-5014", "2026-08-18T15:44:26.888Z", 175],
      ["t1_p4g0oma", "Talanahismywaifu", "2026-08-18T16:21:24.303Z", 238],
      ["t1_p4fakdm", "42tfish", "2026-08-18T14:26:14.655Z", 2495],
      ["t1_p4fcnyn", "WORD_559", "2026-08-18T14:35:41.365Z", 1489],
      ["t1_p4fap9s", "Lazy-Mud8142", "2026-08-18T14:26:52.208Z", 962],
      ["t1_p4fa24m", "Speccy97", "2026-08-18T14:23:58.171Z", 274],
      ["t1_p4fap7s", "hoofie242", "2026-08-18T14:26:51.772Z", 99],
      ["t1_p4fag4h", "Aestas-Architect", "2026-08-18T14:25:43.018Z", 168],
      ["t1_p4fame1", "Aestas-Architect", "2026-08-18T14:26:29.863Z", 139],
      ["t1_p4fljim", "PurahsHero", "2026-08-18T15:15:14.780Z", 40],
      ["t1_p4f9voj", "hukep", "2026-08-18T14:23:10.072Z", 203],
      ["t1_p4fabh8", "thorn312", "2026-08-18T14:25:07.138Z", 132],
      ["t1_p4frfzq", "pereza0", "2026-08-18T15:41:20.996Z", 23],
      ["t1_p4fhrwl", "Tawoooo", "2026-08-18T14:58:24.194Z", 78],
      ["t1_p4fcfbk", "Ecstatic_Doughnut216", "2026-08-18T14:34:36.108Z", 19],
      ["t1_p4fbnqq", "UnacceptableBabbit", "2026-08-18T14:31:11.174Z", 53],
      ["t1_p4fkj0e", "coachhunter2", "2026-08-18T15:10:44.303Z", 14],
      ["t1_p4fcu81", "SeranaTheTrans", "2026-08-18T14:36:28.011Z", 10],
      ["t1_p4fe3j5", "Xem1337", "2026-08-18T14:42:05.789Z", 9],
      ["t1_p4fc0oi", "OutsideImagination25", "2026-08-18T14:32:48.309Z", 15],
      ["t1_p4fl9ps", "ZX52", "2026-08-18T15:14:02.249Z", 7],
    ]);
    expect(found[0]).toEqual({
      site: "reddit",
      id: "t3_1vrqi5a",
      url: COMMENTS_URL,
      author: "Phlogistoned",
      name: "",
      text: "How cooked the UK is right now.",
      langAttr: "en",
      postedAt: "2026-08-18T14:18:25.910Z",
      promoted: false,
      metrics: metrics(612, 5039),
      quoted: null,
    });
    // A comment's own text only: not its replies' (p4f9kch holds p4f9s26), its image ("Comment Image") skipped.
    expect(found[1]?.text).toBe("Its Well done.");
    expect(found[1]?.url).toBe("https://www.reddit.com/r/mildlyinfuriating/comments/1vrqi5a/comment/p4f9kch/");
    expect(found[4]?.text).toBe("France looks like it has it worse.\ndoesnt help but still");
    expect(found[10]?.text).toBe("Plenty of rain Scotland recently as always 😂");
  });

  test("new Reddit listing: 28 posts (ads and templates aside), titles and text bodies", () => {
    const found = extracted(shared("reddit-www-listing.htm"), "https://www.reddit.com/r/vintagecomputing/");
    expect(found).toHaveLength(28);
    expect(new Set(found.map((p) => p.id)).size).toBe(28);
    expect(found.slice(0, 3).map((p) => [p.id, p.author, p.postedAt, p.metrics, p.langAttr])).toEqual([
      ["t3_1vrowh8", "Longjumping-Let5118", "2026-08-18T13:16:25.896Z", metrics(23, 47), "en"],
      ["t3_1vrx1ql", "Titan_91", "2026-08-18T18:07:46.306Z", metrics(2, 1), "en"],
      ["t3_1vmmr2k", "SN74HC04", "2026-08-12T18:40:58.671Z", metrics(54, 697), "en"],
    ]);
    expect(found[1]?.text).toMatch(
      /^Tape Drive Works in New Debian, Not Old Ubuntu\n\nI have a Seagate Travan TR-4 IDE tape drive from 1999 I decided to start messing around with\. /,
    );
    // post-language="und" is no language.
    expect(found.find((p) => p.id === "t3_1vrfs2v")?.langAttr).toBeNull();
    expect(found.find((p) => p.id === "t3_1vrrtx6")?.langAttr).toBe("de");
    expect(found.every((p) => p.url.startsWith("https://www.reddit.com/r/vintagecomputing/comments/"))).toBe(true);
  });

  test("old Reddit thread: the link post and all 186 comments, nested, with score and children", () => {
    const base =
      "https://old.reddit.com/r/nottheonion/comments/1vr826t/woman_dies_comes_back_to_life_gets_parking_ticket/";
    const found = extracted(shared("reddit-thread.htm"), base);
    expect(found).toHaveLength(187);
    expect(found.filter((p) => p.id.startsWith("t3_"))).toHaveLength(1);
    expect(found.slice(0, 4).map((p) => [p.id, p.author, p.postedAt, p.metrics.replies, p.metrics.likes])).toEqual([
      ["t3_1vr826t", "Mcaber87", "2026-08-17T23:12:14.000Z", 191, 7489],
      ["t1_p4bfgg4", "SpaceJackRabbit", "2026-08-17T23:24:15.000Z", 61, 1842],
      ["t1_p4bg70v", "justabill71", "2026-08-17T23:28:12.000Z", 38, 737],
      ["t1_p4bwz1j", "animal_chin9", "2026-08-18T00:59:46.000Z", 21, 318],
    ]);
    expect(found[0]?.text).toBe("Woman dies, comes back to life, gets parking ticket");
    // Links keep old.reddit.com, where the agent works.
    expect(found[1]?.url).toBe(`${base}p4bfgg4/`);
    // A comment's text is its own, never its replies'.
    expect(found[1]?.text).toBe(
      "My wife drove herself to the hospital to give birth as she was in labor already. Thankfully hospital staff parked her car.",
    );
    // Collapsed below the score threshold: negative scores are no count (PostMetrics are non-negative).
    const collapsed = found.find((p) => p.id === "t1_p4cefc0");
    expect(collapsed?.metrics).toEqual(metrics(0, null));
    expect(collapsed?.text).toBe(
      "She did not die. She did not come back to life. This is not ancient Greece. The heart is not the center of all emotion, and our health does not depend on the four humors.\n\nGrumblegrumblegrumble",
    );
  });

  test("old Reddit front page: 25 link posts", () => {
    const found = extracted(shared("reddit-front.htm"), "https://old.reddit.com/");
    expect(found).toHaveLength(25);
    expect(
      found.slice(0, 2).map((p) => [p.id, p.author, p.postedAt, p.metrics.replies, p.metrics.likes, p.text]),
    ).toEqual([
      [
        "t3_1vr5nvc",
        "bstr3k",
        "2026-08-17T21:36:10.000Z",
        165,
        1154,
        "Using H3 as a Character Reference Sheet Generator",
      ],
      ["t3_1vrff7j", "TingTingin", "2026-08-18T04:52:31.000Z", 32, 299, "Some choice words from Emilia"],
    ]);
    expect(found.every((p) => !p.promoted)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("hand-written new Reddit comments page (tests/fixtures/reddit/comments-new.html)", () => {
  const base = "https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis_jamais_livre/";
  const document = () => own("comments-new.html");

  test("finds the post and every comment, nested ones included; the deleted one has no snapshot", () => {
    const posts = findPosts(document());
    expect(posts.map((p) => postIdOf(p))).toEqual([
      "t3_1wabc12",
      "t1_q1aa001",
      "t1_q1aa002",
      "t1_q1aa003",
      "t1_q1aa004",
      "t1_q1aa005",
    ]);
    expect(posts.map((p) => extractPost(p, base)?.id ?? null)).toEqual([
      "t3_1wabc12",
      "t1_q1aa001",
      "t1_q1aa002",
      null,
      "t1_q1aa004",
      "t1_q1aa005",
    ]);
  });

  test("the French post: title and body, paragraphs kept, language, counts", () => {
    const post = extractPost(findPosts(document())[0] as Element, base);
    expect(post).toEqual({
      site: "reddit",
      id: "t3_1wabc12",
      url: "https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis_jamais_livre/",
      author: "claire_dmt",
      name: "",
      text: "Colis jamais livré, et le service client ne répond plus\n\nCommande passée le 2 août, le suivi indique « livré » depuis une semaine mais ma boîte aux lettres est vide. 😡\n\nTrois mails au service client, aucune réponse. Je veux être remboursée.",
      langAttr: "fr",
      postedAt: "2026-08-20T07:45:12.120Z",
      promoted: false,
      metrics: metrics(14, 57),
      quoted: null,
    });
  });

  test("comments: own text only, emote as its code, quote and list as lines", () => {
    const byId = new Map(findPosts(document()).map((el) => [postIdOf(el), extractPost(el, base)]));
    expect(byId.get("t1_q1aa001")?.text).toBe(
      "Same here. I was charged twice for order #48213 and support keeps closing my ticket without an answer.\n\nHonestly this is the worst service I've had in years.",
    );
    expect(byId.get("t1_q1aa001")?.metrics).toEqual(metrics(null, 31));
    expect(byId.get("t1_q1aa002")?.author).toBe("AcmeSupport_Team");
    expect(byId.get("t1_q1aa004")?.text).toBe(
      "Pareil pour moi :angry:, livraison annulée sans prévenir.\nQuelqu'un a réussi à joindre un humain ?\n\nle suivi indique « livré »\n\ncommande #48907\npayée 89,90 €",
    );
  });

  test("hostile text stays text: no script, no element, nothing run", () => {
    const hostile = findPosts(document()).find((el) => postIdOf(el) === "t1_q1aa005") as Element;
    expect(extractPost(hostile, base)?.text).toBe("<img src=x onerror=alert(1)> is what the refund page shows me");
    expect((document().defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });
});

describe("hand-written new Reddit feed (tests/fixtures/reddit/listing-new.html)", () => {
  const base = "https://www.reddit.com/r/AcmeSupport/";

  test("reads the three cards, skips the ad and the card still in a <template>", () => {
    const found = extracted(own("listing-new.html"), base);
    expect(found.map((p) => [p.id, p.author, p.langAttr, p.metrics])).toEqual([
      ["t3_1wbb001", "jordan_p", "en", metrics(23, 142)],
      ["t3_1wbb002", "luc_b", "fr", metrics(4, 9)],
      ["t3_1wbb003", "happy_customer", null, metrics(1200, 2500)],
    ]);
    expect(found[0]?.text).toBe(
      "Order arrived broken and nobody answers\n\nThe blender came with a cracked jar. I opened a ticket 10 days ago and still nothing. Is anyone from Acme actually reading this sub?",
    );
    expect(found[1]?.text).toBe(
      "Remboursement toujours pas reçu\n\nRetour accepté le 1er août, toujours rien sur mon compte. C'est inadmissible.",
    );
    expect(found[2]?.text).toBe("Look what came in the mail <img src=x onerror=alert(1)>");
  });
});

describe("hand-written old Reddit thread (tests/fixtures/reddit/thread-old.html)", () => {
  const base = "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/";

  test("the self post, nested comments; the deleted comment and the 'load more' stub give nothing", () => {
    const posts = findPosts(own("thread-old.html"));
    expect(posts.map((p) => postIdOf(p))).toEqual([
      "t3_1wcc001",
      "t1_r2bb001",
      "t1_r2bb002",
      "t1_r2bb003",
      "t1_r2bb004",
    ]);
    const found = posts.map((p) => extractPost(p, base));
    expect(found.map((p) => p?.id ?? null)).toEqual(["t3_1wcc001", "t1_r2bb001", "t1_r2bb002", null, "t1_r2bb004"]);
    expect(found[0]).toEqual({
      site: "reddit",
      id: "t3_1wcc001",
      url: base,
      author: "nadia_r",
      name: "",
      text: "Abonnement résilié mais toujours prélevé\n\nJ'ai résilié mon abonnement le 3 juillet (j'ai le mail de confirmation) et j'ai encore été prélevée de 29,99 € en août.\n\nLe chat me renvoie vers une FAQ. Je vais contester le prélèvement auprès de ma banque si personne ne répond.",
      langAttr: null,
      postedAt: "2026-08-22T08:00:00.000Z",
      promoted: false,
      metrics: metrics(6, 41),
      quoted: null,
    });
    // The reply form opened under r2bb001 holds a draft: it is not the comment's text.
    expect(found[1]?.text).toBe(
      "Same thing happened to me in English support: they cancelled nothing and charged me again. Total joke.",
    );
    expect(found[1]?.metrics).toEqual(metrics(2, 18));
    expect(found[1]?.url).toBe(`${base}r2bb001/`);
    expect(found[2]?.metrics).toEqual(metrics(null, 5));
    // Escaped markup stays text, code blocks keep their content; a negative score is no count.
    expect(found[4]?.text).toBe(
      `<script>alert("pwned")</script> c'est ce que m'affiche la page de remboursement\n\nErreur 500 : <b>paiement refusé</b>`,
    );
    expect(found[4]?.metrics).toEqual(metrics(null, null));
  });
});

describe("malformed and hostile items (tests/fixtures/reddit/malformed.html)", () => {
  const base = "https://www.reddit.com/r/AcmeSupport/";
  const item = (name: string) => {
    const el = own("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };

  test.each(["no-id", "no-author", "bad-author", "huge-id", "old-no-fullname"])("%s: no snapshot, no throw", (name) => {
    expect(extractPost(item(name), base)).toBeNull();
  });

  test("a script permalink is replaced by one built from the id; unreadable time and counts are null", () => {
    expect(extractPost(item("bad-permalink"), base)).toMatchObject({
      id: "t3_1wdd004",
      url: "https://www.reddit.com/comments/1wdd004/",
      postedAt: null,
      metrics: metrics(null, null),
    });
  });

  test("a permalink to another host is not followed; ids are normalised to lower case", () => {
    expect(extractPost(item("foreign-permalink"), base)).toMatchObject({
      id: "t3_1wdd005",
      url: "https://www.reddit.com/comments/1wdd005/",
      postedAt: "2026-08-21T10:05:00.000Z",
    });
  });

  test("hostile title and body: text only, scripts, styles and frames dropped", () => {
    expect(extractPost(item("hostile-title"), base)?.text).toBe(
      "<img src=x onerror=alert(1)> refund page is broken\n\nBody with only this text.",
    );
  });

  test("comments without a body or a permalink still give what they have", () => {
    expect(extractPost(item("comment-no-body"), base)).toMatchObject({ id: "t1_s3cc001", text: "" });
    expect(extractPost(item("comment-no-permalink"), base)).toMatchObject({
      id: "t1_s3cc002",
      url: "https://www.reddit.com/comments/1wdd006/_/s3cc002/",
      text: "No permalink attribute on this comment.",
    });
    expect(extractPost(item("old-bad-time"), base)).toMatchObject({ postedAt: null, text: "A time nobody can parse." });
    expect(extractPost(item("old-empty"), base)).toMatchObject({ id: "t1_s3cc004", text: "", postedAt: null });
  });

  test("an element that is no Reddit item gives null", () => {
    const div = own("malformed.html").createElement("div");
    expect(extractPost(div, base)).toBeNull();
    expect(postIdOf(div)).toBeNull();
  });
});

describe("adapter data", () => {
  test.each(Object.entries(REDDIT_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    const doc = own("malformed.html");
    for (const css of spec.css) expect(() => doc.querySelectorAll(css.replaceAll("{id}", "t1_x"))).not.toThrow();
  });

  test("the adapter's badge spot is inside the item: comment meta, post credit bar, old Reddit tagline", () => {
    const comment = findPosts(own("comments-new.html"))[1] as Element;
    expect(redditSite.badgeSpot(comment).el.getAttribute("slot")).toBe("commentMeta");
    const post = findPosts(own("listing-new.html"))[0] as Element;
    expect(redditSite.badgeSpot(post).el.getAttribute("slot")).toBe("credit-bar");
    const thing = findPosts(own("thread-old.html"))[1] as Element;
    expect(redditSite.badgeSpot(thing).el.classList.contains("tagline")).toBe(true);
  });
});
