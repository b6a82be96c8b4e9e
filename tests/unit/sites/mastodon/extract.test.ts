// @vitest-environment jsdom
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { PostSnapshot } from "../../../../lib/schemas";
import {
  extractPost,
  findPosts,
  MASTODON_SELECTORS,
  mastodonSite,
  normaliseAcct,
  postIdOf,
  snowflakeTime,
} from "../../../../lib/sites/mastodon";
import { extractAll } from "../../support/pages";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const sharedFile = path.resolve(repoRoot, "../shared/fixtures/mastodon/comments--mastodon.social-@user-12345678.html");
const ownDir = path.resolve(repoRoot, "tests/fixtures/mastodon");
const sharedExists = existsSync(sharedFile);
if (!sharedExists) console.warn(`${sharedFile} is absent: skipping the tests on the shared Mastodon page`);

const parsed = new Map<string, Document>();
function page(file: string): Document {
  const known = parsed.get(file);
  if (known) return known;
  const document = new JSDOM(readFileSync(file, "utf8")).window.document;
  parsed.set(file, document);
  return document;
}
const own = (name: string) => page(path.join(ownDir, name));

const extracted = (document: Document, base: string) => extractAll({ findPosts, extractPost }, document, base);

/** The statuses that can be read (the home timeline's last one has no header), each a valid snapshot. */
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

// ---------------------------------------------------------------------------------------------------------------

describe.skipIf(!sharedExists)("the shared Mastodon page (reconstructed, ../shared/fixtures/mastodon)", () => {
  const base = "https://mastodon.example/@alice/12345678";

  test("the focal status and its five replies: ids, authors as user@server, times, texts", () => {
    const found = extracted(page(sharedFile), base);
    expect(found.map((p) => [p.id, p.author, p.name, p.postedAt, p.url])).toEqual([
      ["12345678", "alice@mastodon.example", "Alice", null, "https://mastodon.example/@alice/12345678"],
      [
        "12345679",
        "alice@mastodon.example",
        "Alice",
        "2026-04-20T12:05:00.000Z",
        "https://mastodon.example/@alice/12345679",
      ],
      [
        "12345680",
        "bob@other.social",
        "Bob",
        "2026-04-20T12:15:00.000Z",
        "https://mastodon.example/@bob@other.social/12345680",
      ],
      [
        "12345681",
        "carol@third.social",
        "Carol",
        "2026-04-20T12:30:00.000Z",
        "https://mastodon.example/@carol@third.social/12345681",
      ],
      [
        "12345682",
        "alice@mastodon.example",
        "Alice",
        "2026-04-20T12:35:00.000Z",
        "https://mastodon.example/@alice/12345682",
      ],
      [
        "12345683",
        "dave@mastodon.example",
        "Dave",
        "2026-04-20T13:00:00.000Z",
        "https://mastodon.example/@dave/12345683",
      ],
    ]);
    expect(found[0]).toMatchObject({
      text: "This is a sample post about something interesting. Check out this link!\n\nhttps://example.com/interesting",
      langAttr: "en",
      // The focal status shows its counts in its meta line; its action bar (none here) would show replies.
      metrics: metrics(null, 50, 100),
    });
    expect(found[2]?.text).toBe("@alice This is really cool! Great work.");
    // The link card's title and description are not the status's text.
    expect(found[5]?.text).toBe("@alice Related project here");
  });
});

describe("hand-written home timeline (tests/fixtures/mastodon/home-timeline.html)", () => {
  const base = "https://piaille.fr/home";

  test("six statuses read, the quoted one kept apart, the headless one skipped", () => {
    const posts = findPosts(own("home-timeline.html"));
    expect(posts.map((p) => postIdOf(p, base))).toEqual([
      "117137913937920042",
      "117138259968000042",
      "117134799667200042",
      "117137630822400042",
      "117138102681600042",
      "117138338611200042",
      "117138358272000042",
    ]);
    expect(posts.map((p) => extractPost(p, base)?.author ?? null)).toEqual([
      "claire@piaille.fr",
      "sam_k@mastodon.social",
      "energie_info@social.example",
      "nadia@piaille.fr",
      "pat_l@tooting.example",
      "mallory@piaille.fr",
      null,
    ]);
  });

  test("a French complaint of a local account: text with mention, emoji, line break and full link", () => {
    const [first] = readable(own("home-timeline.html"), base);
    expect(first).toEqual({
      site: "mastodon",
      id: "117137913937920042",
      url: "https://piaille.fr/@claire/117137913937920042",
      author: "claire@piaille.fr",
      name: "Claire Dumont",
      text: "Trois semaines que j’attends ma commande chez @AcmeFR 😡 et toujours rien.\n\nLe suivi indique « livré » mais ma boîte aux lettres est vide !\nDétails : https://suivi.example.org/colis/AB12345678",
      langAttr: "fr",
      postedAt: "2026-08-22T07:12:00.000Z",
      promoted: false,
      metrics: metrics(3, 1, 22),
      quoted: null,
    });
  });

  test("an English complaint of a remote account: abbreviated counts, custom emoji as their code", () => {
    const second = readable(own("home-timeline.html"), base)[1];
    expect(second).toMatchObject({
      author: "sam_k@mastodon.social",
      name: "Sam K. :verified:",
      url: "https://piaille.fr/@sam_k@mastodon.social/117138259968000042",
      text: "@AcmeHelp you charged me TWICE for the same order and your chat bot just loops. I want my money back :angry_face:",
      langAttr: "en",
      metrics: metrics(1200, 48, 3400),
    });
  });

  test("a boost is its author's status; a content warning is read; a quote is apart", () => {
    const found = readable(own("home-timeline.html"), base);
    expect(found[2]).toMatchObject({
      author: "energie_info@social.example",
      text: "Coupure de courant prévue jeudi entre 9 h et 12 h dans le quartier de la gare.",
      metrics: metrics(null, null, null),
    });
    expect(found[3]?.text).toBe("Coup de gueule, facture");
    expect(found[4]).toMatchObject({
      text: '"Mobilised teams", sure. Still no parcel after a month.',
      metrics: metrics(2, null, 7),
      quoted: {
        id: "117127249920000042",
        author: "AcmeFR@mastodon.social",
        name: "Acme France",
        text: "Nos équipes sont mobilisées pour rattraper le retard de livraison. Merci de votre patience 🙏",
        url: "https://piaille.fr/@AcmeFR@mastodon.social/117127249920000042",
      },
    });
  });

  test("hostile name and text stay text", () => {
    const hostile = readable(own("home-timeline.html"), base)[5];
    expect(hostile).toMatchObject({
      name: "<b>Mallory</b>",
      text: "<img src=x onerror=alert(1)> is what the refund form shows me",
    });
    expect((own("home-timeline.html").defaultView as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });
});

describe("hand-written thread page (tests/fixtures/mastodon/thread.html)", () => {
  const base = "https://mastodon.social/@jordan_p@piaille.fr/117138220646401234";

  test("the focal status (id from its date link, time from its id, counts from its meta) and the replies", () => {
    const found = extracted(own("thread.html"), base);
    expect(found.map((p) => [p.id, p.author, p.postedAt, p.metrics])).toEqual([
      ["117138220646401234", "jordan_p@piaille.fr", "2026-08-22T08:30:00.000Z", metrics(null, 12, 1024)],
      ["117138279628800077", "AcmeHelp@mastodon.social", "2026-08-22T08:45:00.000Z", metrics(1, null, null)],
      ["117138346475520005", "jordan_p@piaille.fr", "2026-08-22T09:02:00.000Z", metrics(null, null, null)],
    ]);
    expect(found[0]).toMatchObject({
      url: "https://mastodon.social/@jordan_p@piaille.fr/117138220646401234",
      text: "Commande #48213 : colis « livré » mais jamais reçu. Le service client ne répond pas depuis 10 jours. Inadmissible.",
      langAttr: "fr",
    });
    // The compose form's reply indicator shows the focal status: it is no status of its own.
    expect(findPosts(own("thread.html"))).toHaveLength(3);
  });
});

describe("malformed statuses (tests/fixtures/mastodon/malformed.html)", () => {
  const base = "https://mastodon.social/home";
  const item = (name: string) => {
    const el = own("malformed.html").querySelector(`[data-case="${name}"]`);
    if (!el) throw new Error(`no case ${name}`);
    return el;
  };

  test.each(["no-id", "bad-account", "huge-id", "empty"])("%s: no snapshot, no throw", (name) => {
    expect(extractPost(item(name), base)).toBeNull();
  });

  test("without data-id nor account line: id and author from the links", () => {
    expect(extractPost(item("id-from-link"), base)).toMatchObject({
      id: "113400000000000002",
      author: "link_only@mastodon.social",
      name: "Link Only",
      postedAt: "2026-08-22T10:00:00.000Z",
    });
  });

  test("an unreadable time falls back to the id's time; an overlong language tag is dropped", () => {
    expect(extractPost(item("bad-time"), base)).toMatchObject({
      postedAt: snowflakeTime("113400000000000004"),
      langAttr: null,
    });
    expect(snowflakeTime("113400000000000004")).toBe("2024-10-31T03:51:19.687Z");
  });

  test("hostile: text only, frames, scripts and photo descriptions left out", () => {
    expect(extractPost(item("hostile"), base)).toMatchObject({
      name: "<img src=x onerror=alert(1)>",
      text: '<script>alert("pwned")</script> refund please',
    });
  });
});

describe("helpers and data", () => {
  test.each([
    ["@claire", "piaille.fr", "claire@piaille.fr"],
    ["@sam_k@Mastodon.Social", "piaille.fr", "sam_k@mastodon.social"],
    ["claire", "piaille.fr", "claire@piaille.fr"],
    ["@a@b@c", "piaille.fr", null],
    ["@<script>", "piaille.fr", null],
    ["", "piaille.fr", null],
    [null, "piaille.fr", null],
  ])("normaliseAcct(%s, %s) → %s", (raw, host, want) => {
    expect(normaliseAcct(raw, host)).toBe(want);
  });

  test.each([
    ["117138220646401234", "2026-08-22T08:30:00.000Z"],
    ["12345678", null],
    ["not-an-id", null],
    ["99999999999999999999", null],
  ])("snowflakeTime(%s) → %s", (id, want) => {
    expect(snowflakeTime(id)).toBe(want);
  });

  test.each(Object.entries(MASTODON_SELECTORS))("selector %s: CSS that parses, a lastSeen month", (_name, spec) => {
    expect(spec.lastSeen).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
    for (const css of spec.css) expect(() => own("malformed.html").querySelectorAll(css)).not.toThrow();
  });

  test("the badge goes in the status header, or after the focal status's name link", () => {
    const status = findPosts(own("home-timeline.html"))[0] as Element;
    expect(mastodonSite.badgeSpot(status)).toMatchObject({ where: "append" });
    expect(mastodonSite.badgeSpot(status).el.classList.contains("status__info")).toBe(true);
    const focal = findPosts(own("thread.html"))[0] as Element;
    expect(mastodonSite.badgeSpot(focal)).toMatchObject({ where: "after" });
    expect(mastodonSite.badgeSpot(focal).el.classList.contains("detailed-status__display-name")).toBe(true);
  });
});
