// @vitest-environment jsdom
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { PostSnapshot } from "../../../../lib/schemas";
import {
  extractPost,
  findPosts,
  normaliseDatetime,
  parseAbbreviatedCount,
  parseCountsLabel,
  parseStatusHref,
  postIdOf,
  visibleText,
  X_SELECTORS,
  xAdapter,
} from "../../../../lib/sites/x";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const sharedDir = path.resolve(repoRoot, "../shared/fixtures/x");
const ownDir = path.resolve(repoRoot, "tests/fixtures/x");
const sharedExists = existsSync(sharedDir);
if (!sharedExists) console.warn(`${sharedDir}: …/shared absent: skipping real X fixtures`);

const parsed = new Map<string, Document>();
/** A saved page, parsed once (scripts disabled: JSDOM's default). Tests that mutate the DOM use `fresh`. */
function page(file: string): Document {
  const known = parsed.get(file);
  if (known) return known;
  const document = fresh(file);
  parsed.set(file, document);
  return document;
}
function fresh(file: string): Document {
  return new JSDOM(readFileSync(file, "utf8")).window.document;
}
const shared = (name: string) => page(path.join(sharedDir, name));
const own = (name: string) => page(path.join(ownDir, name));

function snapshots(document: Document, base = "https://x.com/"): (PostSnapshot | null)[] {
  return findPosts(document).map((post) => extractPost(post, base));
}
function extracted(document: Document, base = "https://x.com/"): PostSnapshot[] {
  return snapshots(document, base).map((snapshot) => {
    expect(snapshot).not.toBeNull();
    return PostSnapshot.parse(snapshot);
  });
}

const metrics = (replies: number | null, reposts: number | null, likes: number | null, views: number | null) => ({
  replies,
  reposts,
  likes,
  views,
});

// ---------------------------------------------------------------------------------------------------------------

describe.skipIf(!sharedExists)("real saved X pages (/shared/fixtures/x)", () => {
  test.each([
    ["home-twitter-complete.html", 20],
    ["mario-zechner-twitter.html", 9],
    ["mario-zechner-wow.html", 1],
    ["general--x.com-article-2026-02-13.html", 1],
    ["x-tweet-sample.html", 1],
    ["x-tweet-quote.html", 1],
    ["x-tweet-quote-video.html", 1],
  ])("%s holds %i posts, each a valid snapshot with its own id", (file, count) => {
    const document = shared(file);
    const posts = findPosts(document);
    expect(posts).toHaveLength(count);
    const found = extracted(document);
    expect(found).toHaveLength(count);
    expect(found.map((s) => s.id)).toEqual(posts.map((p) => postIdOf(p)));
    expect(new Set(found.map((s) => s.id)).size).toBe(count);
    for (const s of found) {
      expect(s.url).toBe(`https://x.com/${s.author}/status/${s.id}`);
      // A quoted post's text is kept apart, never folded into the quoting post's own text.
      if (s.quoted?.text) expect(s.text).not.toContain(s.quoted.text);
    }
  });

  // id, author, postedAt, [replies, reposts, likes, views], quoted id (false: no quote; null: quote without link)
  type Row = [string, string, string, (number | null)[], string | null | false];
  const expectRows = (file: string, rows: Row[]) => {
    const found = extracted(shared(file));
    expect(
      found.map((s) => [s.id, s.author, s.postedAt, Object.values(s.metrics), s.quoted ? s.quoted.id : false]),
    ).toEqual(rows);
  };

  test("home timeline: ids, authors, times, counts and quotes of all 20 posts", () => {
    expectRows("home-twitter-complete.html", [
      ["1991602883645829145", "will__price", "2025-11-20T20:21:44.000Z", [3, 1, 22, 1178], "1991600514811973815"],
      ["1769469976489099654", "kevinafischer", "2024-03-17T21:04:52.000Z", [10, 8, 69, 10891], false],
      ["1991475453887217692", "hasufl", "2025-11-20T11:55:22.000Z", [16, 2, 45, 15777], "1991420597558210900"],
      ["1991586882858172684", "cmsholdings", "2025-11-20T19:18:09.000Z", [1, 1, 3, 1384], false],
      ["1991607597108195581", "hasufl", "2025-11-20T20:40:28.000Z", [0, 0, 0, 361], false],
      ["1991607454917144922", "repligate", "2025-11-20T20:39:54.000Z", [0, 0, 4, 547], "1769469976489099654"],
      ["1991606928280318423", "cryptolyxe", "2025-11-20T20:37:48.000Z", [12, 2, 30, 3117], "1991605768551034887"],
      ["1991606789301776835", "nic__carter", "2025-11-20T20:37:15.000Z", [16, 3, 72, 3768], false],
      ["1991606635463364872", "vibhu", "2025-11-20T20:36:38.000Z", [2, 0, 16, 506], null],
      ["1991569962109132848", "solarapparition", "2025-11-20T18:10:55.000Z", [0, 1, 6, 493], false],
      ["1991606465300426936", "ericjang11", "2025-11-20T20:35:58.000Z", [1, 3, 11, 1134], null],
      ["1991562419542557009", "Gioscotti_", "2025-11-20T17:40:56.000Z", [1, 7, 405, 5133], false],
      ["1991604521647432094", "aeyakovenko", "2025-11-20T20:28:14.000Z", [0, 2, 68, 6513], "1991491720174006581"],
      ["1991600690448224406", "mlunghi2000", "2025-11-20T20:13:01.000Z", [20, 10, 61, 3284], null],
      ["1991590286544499038", "ChillHouseSOL", "2025-11-20T19:31:40.000Z", [9, 2, 59, 4096], false],
      ["1991603284034118034", "beffjezos", "2025-11-20T20:23:19.000Z", [2, 5, 31, 3344], "1991184188402237877"],
      ["1991602275589173447", "itszach", "2025-11-20T20:19:19.000Z", [11, 12, 51, 34809], false],
      ["1991594727851061492", "gallabytes", "2025-11-20T19:49:19.000Z", [2, 2, 18, 373], false],
      ["1991602648081133744", "solidintel_x", "2025-11-20T20:20:48.000Z", [3, 11, 70, 3936], false],
      ["1991602309667885293", "ThinkingUSD", "2025-11-20T20:19:27.000Z", [20, 12, 138, 8873], false],
    ]);
  });

  test("profile timeline: the 9 posts, the 2021 one without a view count", () => {
    expectRows("mario-zechner-twitter.html", [
      ["1985127737481154951", "badlogicgames", "2025-11-02T23:31:49.000Z", [46, 73, 939, 241030], false],
      ["1968984126238736825", "badlogicgames", "2025-09-19T10:22:52.000Z", [202, 225, 6522, 353404], false],
      ["1456996985844772870", "badlogicgames", "2021-11-06T14:48:45.000Z", [163, 739, 2939, null], false],
      ["1982150084708987222", "badlogicgames", "2025-10-25T18:19:41.000Z", [16, 59, 2145, 369354], null],
      ["1748869770659729499", "badlogicgames", "2024-01-21T00:47:00.000Z", [62, 254, 1612, 134746], false],
      ["1799502223937847615", "badlogicgames", "2024-06-08T18:02:17.000Z", [77, 154, 1145, 346668], false],
      ["1940370344990441726", "badlogicgames", "2025-07-02T11:21:55.000Z", [68, 81, 1025, 144974], false],
      ["1929312803799576757", "badlogicgames", "2025-06-01T23:03:11.000Z", [29, 98, 993, 219482], false],
      ["1656241263132155904", "badlogicgames", "2023-05-10T10:14:23.000Z", [51, 227, 752, 157813], false],
    ]);
  });

  test.each([
    [
      "x-tweet-sample.html",
      {
        site: "x",
        id: "1981398750557065646",
        url: "https://x.com/TestUser123/status/1981398750557065646",
        author: "TestUser123",
        name: "Test User Account",
        text: "Democrat Shutdown Jeopardizes America's Skies",
        langAttr: "en",
        postedAt: "2025-10-23T16:34:09.000Z",
        promoted: false,
        metrics: metrics(48, 152, 553, 30142),
        quoted: null,
      },
    ],
    [
      "x-tweet-quote.html",
      {
        site: "x",
        id: "1983130065320780162",
        url: "https://x.com/TestQuoter/status/1983130065320780162",
        author: "TestQuoter",
        name: "Test Quoter",
        text: "This is a quote tweet with additional commentary",
        langAttr: "en",
        postedAt: "2025-10-28T11:13:47.000Z",
        promoted: false,
        metrics: metrics(2534, 4483, 25616, 2596467),
        quoted: {
          id: "1983129251856470493",
          author: "OriginalAuthor",
          name: "Original Author",
          text: "This is the original quoted tweet content that provides important context and information for the conversation",
          url: "https://x.com/OriginalAuthor/status/1983129251856470493",
        },
      },
    ],
    [
      // Unbalanced capture: the action bar ends up inside the quoted block, and a video's placementTracking
      // wrapper sits inside the quote. Neither makes it the quote's counts or an ad.
      "x-tweet-quote-video.html",
      {
        site: "x",
        id: "1983128852952998358",
        url: "https://x.com/QuotingUser/status/1983128852952998358",
        author: "QuotingUser",
        name: "Quoting User",
        text: "How to share Example.com links",
        langAttr: "en",
        postedAt: "2025-10-28T11:08:57.000Z",
        promoted: false,
        metrics: metrics(972, 2370, 11313, 2195266),
        quoted: {
          id: null,
          author: "OriginalPoster",
          name: "Original Poster",
          text: "How to share Example.com links?\n\nTap any heading, hit the link icon, and your link is copied instantly.",
          url: null,
        },
      },
    ],
    [
      "mario-zechner-wow.html",
      {
        site: "x",
        id: "1991612272289161300",
        url: "https://x.com/badlogicgames/status/1991612272289161300",
        author: "badlogicgames",
        name: "Mario Zechner",
        text: "Wow.",
        langAttr: "und",
        postedAt: "2025-11-20T20:59:02.000Z",
        promoted: false,
        metrics: metrics(1, 0, 4, 809),
        quoted: {
          id: "1991546816685568387",
          author: "randall_balestr",
          name: "Randall Balestriero",
          text:
            "Minimal example (ViT, inet10) now available with comments and details at " +
            "https://github.com/rbalestr-lab/lejepa/blob/main/MINIMAL.md\n" +
            "- ~150 lines *total*\n" +
            "- 91% top1 (simple linear probe) in a couple hours (1gpu)\n" +
            "- no teacher-student/stop-gradient/SWA/... \n" +
            "- losses that are as smooth as you can hope for:",
          url: "https://x.com/randall_balestr/status/1991546816685568387",
        },
      },
    ],
  ])("%s: the whole snapshot", (file, expected) => {
    expect(extracted(shared(file))).toEqual([expected]);
  });

  test.each([
    // emoji in display names, a quote kept apart with its own emoji
    [
      "home-twitter-complete.html",
      2,
      {
        name: "Hasu⚡️🤖",
        text: "As long as HL pre market futures for MON trade at ~$4b fdv, it’s definitely going to fill. With the time to physical delivery so short, I am surprised about the size of that dislocation.",
        quoted: {
          id: "1991420597558210900",
          author: "Xeer",
          name: "Xeer",
          text: "the @monad raise on @coinbase is going relatively slow but is now almost 80% filled. \n\nthis will almost certainly fill out and get oversubscribed once the @megaeth refunds happen.\n\nif you have invested in both, you are a gambler not an investor 🙄",
          url: "https://x.com/Xeer/status/1991420597558210900",
        },
      },
    ],
    // a media-only post quoting a media-only post: no text on either side, nothing borrowed
    [
      "home-twitter-complete.html",
      6,
      {
        name: "lyxe",
        text: "",
        langAttr: null,
        quoted: {
          id: "1991605768551034887",
          author: "TrumpDailyPosts",
          name: "Commentary Donald J. Trump Posts From Truth Social",
          text: "",
          url: "https://x.com/TrumpDailyPosts/status/1991605768551034887",
        },
      },
    ],
    // mentions as links, the text of a reposted post ("… reposted" is not the author)
    [
      "home-twitter-complete.html",
      10,
      {
        author: "ericjang11",
        name: "Eric Jang",
        text: "big congrats to @tonyzzhao and @chichengcc , this is a big validation point that home robots like Memo and NEO are going to work and be useful for chores around the home. Really impressed by the team's execution here.",
      },
    ],
    ["home-twitter-complete.html", 12, { name: "toly 🇺🇸", text: "🔥🔥🔥", langAttr: "art" }],
    // shortened links come out whole: hidden "https://" and tail kept, the "…" decoration dropped
    [
      "mario-zechner-twitter.html",
      3,
      {
        text: "They did. Then killed it in 2016. You babies just don't know because you weren't born yet.\n\nhttps://en.wikipedia.org/wiki/Google_Developers#Google_Code",
        quoted: {
          id: null,
          author: "mehulmpt",
          name: "Mehul Mohan",
          text: "It’s crazy that Google has not released a GitHub (Microsoft) competitor yet. \n\nI’ve heard only good things about Google’s version control system processes. x.com/striver_79/sta…",
          url: null,
        },
      },
    ],
    [
      "mario-zechner-twitter.html",
      4,
      {
        langAttr: "de",
        text: "Kann nicht mehr zusehen, wie @florianklenk\neXXpress TV schaut, um uns zu sagen, dass niemand schaut.  \n\nDrum hab ich schnell den eXXpress TV Zuseher Zähler gebaut.  \n\nhttps://exxpress.marioslab.io \n\nVorteil: eXXpress TV kriegt keine Views, wir wissen trotzdem, dass niemand schaut.",
      },
    ],
  ])("%s post #%i", (file, index, expected) => {
    expect(extracted(shared(file))[index]).toMatchObject(expected);
  });

  test("an X Article post: title and body blocks from twitterArticleRichTextView, code blocks without their chrome", () => {
    const [post] = extracted(shared("general--x.com-article-2026-02-13.html"));
    expect(post).toMatchObject({
      id: "2013045749580259680",
      url: "https://x.com/arscontexta/status/2013045749580259680",
      author: "arscontexta",
      name: "Heinrich",
      langAttr: null,
      postedAt: "2026-01-19T00:28:01.000Z",
      promoted: false,
      metrics: metrics(76, 234, 2378, 1122900),
      quoted: null,
    });
    const text = post?.text ?? "";
    expect(text.startsWith("obsidian + claude code 101\n\nive spent the last year building an operating system")).toBe(
      true,
    );
    expect(text.endsWith("im open sourcing my notes soon\nheinrich")).toBe(true);
    expect(text).toContain("\nknowledge = code?\ni realized: knowledge bases and codebases have a lot in common\n");
    expect(text).toContain("\na CLAUDE.md file that teaches the agent your specific system\n");
    expect(text).toContain('\n"hooks": {\n    "SessionStart": [{\n');
    expect(text).not.toContain("Copy to clipboard");
    expect(text).not.toMatch(/\nmarkdown\n/);
    expect(text.split("\n")).toHaveLength(140);
    expect(text).toHaveLength(9732);
  });

  test("the reply composer of a status page is not a post", () => {
    const document = shared("general--x.com-article-2026-02-13.html");
    const composer = document.querySelector(X_SELECTORS.replyComposer.css[0]);
    expect(composer?.getAttribute("contenteditable")).toBe("true");
    expect(findPosts(document).some((post) => post.contains(composer))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("hand-written French timeline (tests/fixtures/x/timeline-fr.html)", () => {
  const expected: PostSnapshot[] = [
    {
      site: "x",
      id: "1900000000000000101",
      url: "https://x.com/claire_dmt/status/1900000000000000101",
      author: "claire_dmt",
      name: "Claire D.",
      text: "Trois semaines que j'attends ma commande chez @BoutiqueExemple 😡 et toujours rien. Le suivi indique « livré » mais ma boîte aux lettres est vide ! Détails : https://suivi.example.org/colis/AB12345678",
      langAttr: "fr",
      postedAt: "2026-11-20T08:15:00.000Z",
      promoted: false,
      metrics: metrics(3, 1, 22, 1178),
      quoted: null,
    },
    {
      site: "x",
      id: "1900000000000000202",
      url: "https://x.com/MarqueExemple/status/1900000000000000202",
      author: "MarqueExemple",
      name: "Marque Exemple",
      text: "Nouvelle gamme de bouilloires : -20 % cette semaine seulement.",
      langAttr: "fr",
      postedAt: null,
      promoted: true,
      metrics: metrics(2, 4, 12, 15230),
      quoted: null,
    },
    {
      site: "x",
      id: "1900000000000000303",
      url: "https://x.com/julien_r/status/1900000000000000303",
      author: "julien_r",
      name: "Julien R.",
      text: "Même problème ici, le service client ne répond plus depuis lundi. On fait comment ?",
      langAttr: "fr",
      postedAt: "2026-11-19T21:40:12.000Z",
      promoted: false,
      metrics: metrics(12, 3400, 1_200_000, 2_000_000),
      quoted: {
        id: "1899999999999999001",
        author: "BoutiqueExemple",
        name: "Boutique Exemple",
        text: "Nos équipes sont mobilisées pour rattraper le retard de livraison. Merci de votre patience 🙏",
        url: "https://x.com/BoutiqueExemple/status/1899999999999999001",
      },
    },
    {
      site: "x",
      id: "1900000000000000404",
      url: "https://x.com/lea_b/status/1900000000000000404",
      author: "lea_b",
      name: "Léa B. 🌻",
      text: "Merci @BoutiqueExemple, colis enfin reçu ce matin ! 🎉",
      langAttr: "fr",
      postedAt: "2026-11-18T10:05:00.000Z",
      promoted: false,
      metrics: metrics(1, 2, 1, 1),
      quoted: null,
    },
    {
      site: "x",
      id: "1900000000000000505",
      url: "https://x.com/marc_t/status/1900000000000000505",
      author: "marc_t",
      name: "Marc T.",
      text: "Encore une #panne internet depuis ce matin dans le 11e, aucune info sur l'appli.\nC'est la troisième fois ce mois-ci.",
      langAttr: "fr",
      postedAt: "2026-11-17T08:30:00.000Z",
      promoted: false,
      metrics: metrics(5, 3, 9, 2345),
      quoted: null,
    },
  ];

  test("every post, whole", () => {
    expect(extracted(own("timeline-fr.html"))).toEqual(expected);
  });

  test.each([
    ["https://x.com/home"],
    ["https://twitter.com/home"],
    ["file:///home/agent/Téléchargements/Accueil%20-%20X.html"],
    ["not a url at all"],
  ])("the same posts whatever the base (%s)", (base) => {
    expect(extracted(own("timeline-fr.html"), base)).toEqual(expected);
  });

  test.each(expected.map((post, i) => [i, post.id] as const))("postIdOf(post #%i) is %s", (i, id) => {
    const post = findPosts(own("timeline-fr.html"))[i];
    expect(post && postIdOf(post)).toBe(id);
  });
});

describe("hand-written status page (tests/fixtures/x/status-en.html)", () => {
  test("the focal post, two replies and a promoted reply; the composer is not a post", () => {
    const document = own("status-en.html");
    expect(document.querySelectorAll(X_SELECTORS.replyComposer.css[0])).toHaveLength(1);
    expect(extracted(document)).toEqual([
      {
        site: "x",
        id: "1900000000000001001",
        url: "https://x.com/sam_k/status/1900000000000001001",
        author: "sam_k",
        name: "Sam K.",
        text: "@AcmeHelp my order #A-5521 arrived broken and the chat bot keeps closing my ticket. Really disappointed 😞",
        langAttr: "en",
        postedAt: "2026-11-21T09:12:45.000Z",
        promoted: false,
        metrics: metrics(4, 2, 17, 5021),
        quoted: null,
      },
      {
        site: "x",
        id: "1900000000000001002",
        url: "https://x.com/AcmeHelp/status/1900000000000001002",
        author: "AcmeHelp",
        name: "Acme Help",
        text: "Hi Sam, sorry about this 😔 Please send us a DM with your order number and we'll sort it out today.",
        langAttr: "en",
        postedAt: "2026-11-21T09:26:03.000Z",
        promoted: false,
        metrics: metrics(1, 0, 3, 88),
        quoted: null,
      },
      {
        site: "x",
        id: "1900000000000001003",
        url: "https://x.com/pat_l/status/1900000000000001003",
        author: "pat_l",
        name: "Pat L.",
        text: "Same thing happened to me last week, two broken parcels in a row. Still waiting for the refund.",
        langAttr: "en",
        postedAt: "2026-11-21T09:37:30.000Z",
        promoted: false,
        metrics: metrics(0, 0, 2, 40),
        quoted: null,
      },
      {
        site: "x",
        id: "1900000000000001999",
        url: "https://x.com/GadgetShop/status/1900000000000001999",
        author: "GadgetShop",
        name: "Gadget Shop",
        text: "Upgrade your kitchen today. Free shipping on every order this week.",
        langAttr: "en",
        postedAt: null,
        promoted: true,
        metrics: metrics(0, 0, 6, 12034),
        quoted: null,
      },
    ]);
  });
});

describe("malformed posts (tests/fixtures/x/malformed.html)", () => {
  const article = (id: string): Element => {
    const found = own("malformed.html").getElementById(id);
    if (!found) throw new Error(`no article #${id} in malformed.html`);
    return found;
  };

  test("findPosts skips a post element nested in another", () => {
    const ids = findPosts(own("malformed.html")).map((post) => post.id);
    expect(ids).toHaveLength(11);
    expect(ids).toContain("outer-with-nested-article");
    expect(ids).not.toContain("nested-article");
  });

  test.each([
    ["no-time", null],
    ["bad-hrefs", null],
    ["huge-id", null],
    ["empty", null],
    [
      "no-user-name",
      {
        id: "1900000000000002002",
        author: "ghost_user",
        name: "",
        text: "Header failed to render, the permalink is still there.",
      },
    ],
    ["no-text", { id: "1900000000000002003", author: "silent_sue", name: "Silent Sue", text: "", langAttr: null }],
    [
      "hostile",
      {
        author: "mallory_x",
        name: "<b>Mallory</b>",
        text: "<img src=x onerror=alert(1)> is what the refund form shows me",
      },
    ],
    [
      "bad-datetime",
      {
        url: "https://x.com/odd_dates/status/1900000000000002006",
        postedAt: null,
        langAttr: null,
        metrics: metrics(null, null, null, null),
      },
    ],
    ["ad-words", { name: "Ad", text: "Ad", promoted: false }],
    [
      "no-user-name-with-quote",
      {
        author: "lost_header",
        text: "My own words, above the quote.",
        postedAt: "2026-11-21T12:35:00.000Z",
        quoted: {
          id: null,
          author: "quoted_one",
          name: "Quoted One",
          text: "Words of the quoted post, never the quoting one's.",
          url: null,
        },
      },
    ],
    ["outer-with-nested-article", { id: "1900000000000002010", author: "nest_owner", text: "Outer post." }],
  ])("%s → %o", (id, expected) => {
    let snapshot: PostSnapshot | null = null;
    expect(() => {
      snapshot = extractPost(article(id), "https://x.com/");
    }).not.toThrow();
    if (expected === null) {
      expect(snapshot).toBeNull();
      expect(postIdOf(article(id))).toBeNull();
    } else {
      expect(PostSnapshot.parse(snapshot)).toMatchObject(expected);
    }
  });

  test("hostile text stays text: no element is created from it", () => {
    const text = article("hostile").querySelector('[data-testid="tweetText"]');
    const before = text?.querySelectorAll("*").length;
    extractPost(article("hostile"));
    expect(text?.querySelectorAll("*").length).toBe(before);
    expect(text?.querySelectorAll("img[onerror]")).toHaveLength(1);
  });

  test.each([
    ["an element that is not a post", () => own("malformed.html").body],
    ["a detached article", () => own("malformed.html").createElement("article")],
  ])("%s gives null, never an exception", (_label, make) => {
    expect(extractPost(make())).toBeNull();
    expect(postIdOf(make())).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("node recycling", () => {
  test("postIdOf and extractPost follow an article node that X rewrote for another post", () => {
    const document = fresh(path.join(ownDir, "timeline-fr.html"));
    const [article] = findPosts(document);
    if (!article) throw new Error("no post in timeline-fr.html");
    expect(postIdOf(article)).toBe("1900000000000000101");
    expect(extractPost(article)?.author).toBe("claire_dmt");

    // What the virtualised timeline does: same <article>, new content.
    const userName = article.querySelector('[data-testid="User-Name"]');
    for (const link of userName?.querySelectorAll('a[href="https://x.com/claire_dmt"]') ?? []) {
      link.setAttribute("href", "/nouveau_client");
    }
    const handle = [...(userName?.querySelectorAll("span") ?? [])].find((s) => s.textContent === "@claire_dmt");
    if (handle) handle.textContent = "@nouveau_client";
    const name = [...(userName?.querySelectorAll("span") ?? [])].find((s) => s.textContent === "Claire D.");
    if (name) name.textContent = "Nouveau Client";
    const permalink = article.querySelector('a[href*="/status/"] time')?.closest("a");
    permalink?.setAttribute("href", "/nouveau_client/status/1900000000000000999");
    article.querySelector("time")?.setAttribute("datetime", "2026-11-21T07:00:00.000Z");
    const text = article.querySelector('[data-testid="tweetText"]');
    if (text) text.textContent = "Toujours pas de réponse à ma réclamation.";
    const group = article.querySelector('[role="group"]');
    group?.setAttribute("aria-label", "7 réponses, 8 J’aime, 90 vues");
    for (const button of group?.querySelectorAll("button, a") ?? []) button.removeAttribute("aria-label");
    for (const count of group?.querySelectorAll('[data-testid="app-text-transition-container"]') ?? []) {
      count.textContent = "";
    }

    expect(postIdOf(article)).toBe("1900000000000000999");
    expect(extractPost(article)).toEqual({
      site: "x",
      id: "1900000000000000999",
      url: "https://x.com/nouveau_client/status/1900000000000000999",
      author: "nouveau_client",
      name: "Nouveau Client",
      text: "Toujours pas de réponse à ma réclamation.",
      langAttr: "fr",
      postedAt: "2026-11-21T07:00:00.000Z",
      promoted: false,
      metrics: metrics(7, 0, 8, 90),
      quoted: null,
    });
  });

  test("a post that gains or loses a quote on reuse", () => {
    const document = fresh(path.join(ownDir, "timeline-fr.html"));
    const [first, , third] = findPosts(document);
    const quote = third?.querySelector('div[role="link"][tabindex="0"]');
    const firstText = first?.querySelector('[data-testid="tweetText"]');
    if (!first || !third || !quote || !firstText) throw new Error("timeline-fr.html changed");
    expect(extractPost(third)?.quoted?.id).toBe("1899999999999999001");

    firstText.after(quote);
    expect(extractPost(third)?.quoted).toBeNull();
    expect(extractPost(first)).toMatchObject({
      id: "1900000000000000101",
      text: expect.stringMatching(/^Trois semaines/),
      quoted: { id: "1899999999999999001", author: "BoutiqueExemple" },
    });
  });
});

describe("findPosts", () => {
  test("from a cell, an article itself, or a quoted block", () => {
    const document = own("timeline-fr.html");
    const posts = findPosts(document);
    const cell = posts[2]?.closest('[data-testid="cellInnerDiv"]');
    expect(cell && findPosts(cell)).toEqual([posts[2]]);
    expect(posts[2] && findPosts(posts[2])).toEqual([posts[2]]);
    const quote = posts[2]?.querySelector('div[role="link"][tabindex="0"]');
    expect(quote && findPosts(quote)).toEqual([]);
    expect(findPosts(document.createDocumentFragment())).toEqual([]);
  });

  test("is the adapter's", () => {
    expect(xAdapter.findPosts).toBe(findPosts);
    expect(xAdapter.postIdOf).toBe(postIdOf);
    expect(xAdapter.extractPost).toBe(extractPost);
    expect(xAdapter.id).toBe("x");
    expect(xAdapter.hosts).toContain("twitter.com");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("parseCountsLabel", () => {
  test.each([
    ["3 replies, 1 repost, 22 likes, 1 bookmark, 1178 views", { replies: 3, reposts: 1, likes: 22, views: 1178 }],
    [
      "76 replies, 234 reposts, 2378 likes, Liked, 8190 bookmarks, 1122900 views",
      { replies: 76, reposts: 234, likes: 2378, views: 1122900 },
    ],
    ["1 reply, 4 likes, 2 bookmarks, 809 views", { replies: 1, likes: 4, views: 809 }],
    ["361 views", { views: 361 }],
    ["3 réponses, 1 repost, 22 J'aime, 1 signet, 1178 vues", { replies: 3, reposts: 1, likes: 22, views: 1178 }],
    ["3 réponses, 1 repost, 22 J’aime, 1 signet, 1\u202f178 vues", { replies: 3, reposts: 1, likes: 22, views: 1178 }],
    ["1 réponse, 5 reposts, 12 mentions J'aime, 1 vue", { replies: 1, reposts: 5, likes: 12, views: 1 }],
    ["2\u00a0345 vues, 1 J’aime, Aimé", { likes: 1, views: 2345 }],
    ["1,234 replies, 12 Retweets", { replies: 1234, reposts: 12 }],
    ["lots of replies", {}],
    ["", {}],
  ])("%j", (label, expected) => {
    expect(parseCountsLabel(label)).toEqual(expected);
  });
});

describe("parseAbbreviatedCount", () => {
  test.each([
    ["48", 48],
    ["1.2K", 1200],
    ["29.9K", 29_900],
    ["3,4 k", 3400],
    ["3,4\u00a0k", 3400],
    ["2M", 2_000_000],
    ["1,2 M", 1_200_000],
    ["1.1M", 1_100_000],
    ["1 178", 1178],
    ["1\u202f178", 1178],
    ["1,178", 1178],
    ["2,5 Md", 2_500_000_000],
    ["", null],
    ["Views", null],
    ["K", null],
  ])("%j → %s", (text, expected) => {
    expect(parseAbbreviatedCount(text)).toBe(expected);
  });
});

describe("normaliseDatetime", () => {
  test.each([
    ["2025-10-23T16:34:09.000Z", "2025-10-23T16:34:09.000Z"],
    ["2026-11-17T09:30:00+01:00", "2026-11-17T08:30:00.000Z"],
    [" 2026-01-19T00:28:01Z ", "2026-01-19T00:28:01.000Z"],
    ["yesterday", null],
    ["", null],
    [null, null],
    ["+275760-09-13T00:00:00.000Z", null],
  ])("%j → %s", (raw, expected) => {
    expect(normaliseDatetime(raw)).toBe(expected);
  });
});

describe("parseStatusHref", () => {
  test.each([
    ["/jack/status/20", "https://x.com/", { handle: "jack", id: "20", rest: "" }],
    ["https://x.com/jack/status/20/photo/1", "https://x.com/", { handle: "jack", id: "20", rest: "/photo/1" }],
    ["https://twitter.com/jack/status/20", "https://x.com/", { handle: "jack", id: "20", rest: "" }],
    ["/i/web/status/20", "https://x.com/", { handle: null, id: "20", rest: "" }],
    ["/jack/status/20", "file:///tmp/saved.html", { handle: "jack", id: "20", rest: "" }],
    ["https://evil.example/jack/status/20", "https://x.com/", null],
    ["https://t.co/abc", "https://x.com/", null],
    ["javascript:alert(1)", "https://x.com/", null],
    ["http://[::1", "https://x.com/", null],
  ])("%s (base %s)", (href, base, expected) => {
    expect(parseStatusHref(href, base)).toEqual(expected);
  });
});

describe("visibleText", () => {
  test("does not recurse: a page nesting 100 000 elements cannot overflow the stack", () => {
    type Fake = { nodeType: number; localName: string; childNodes: Fake[]; nodeValue?: string; getAttribute(): null };
    let node: Fake = { nodeType: 3, localName: "", childNodes: [], nodeValue: "deep", getAttribute: () => null };
    for (let i = 0; i < 100_000; i++) {
      node = { nodeType: 1, localName: "span", childNodes: [node], getAttribute: () => null };
    }
    expect(visibleText(node as unknown as Node)).toBe("deep");
  });
});

describe("selectors", () => {
  test.each(Object.entries(X_SELECTORS))("%s: valid CSS, no generated class, a lastSeen month", (_name, spec) => {
    expect(spec.css.length).toBeGreaterThan(0);
    expect(spec.lastSeen).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) {
      expect(() => document.querySelector(css)).not.toThrow();
      expect(css).not.toMatch(/\.(css|r)-|\[class/);
    }
  });

  test("every selector has a fallback", () => {
    const single = Object.entries(X_SELECTORS).filter(([, spec]) => spec.css.length < 2);
    expect(single.map(([name]) => name)).toEqual([]);
  });
});
