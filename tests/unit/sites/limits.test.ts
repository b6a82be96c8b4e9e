import fc from "fast-check";
import twitter from "twitter-text";
import { describe, expect, test } from "vitest";
import {
  graphemeLength,
  graphemes,
  LIMIT_SITE_IDS,
  type LimitSiteId,
  limitFor,
  mastodonLength,
  SITE_LIMITS,
  threadsLength,
  weightedLength,
} from "../../../lib/sites/limits";

const URL = "https://example.com/a/very/long/path/that/goes/on/and/on?with=query"; // 67 characters
const FAMILY = "👨‍👩‍👧"; // man ZWJ woman ZWJ girl: 8 UTF-16 units, 5 code points, 1 grapheme
const THUMB = "👍🏽"; // with a skin tone: 4 units, 2 code points, 1 grapheme
const FLAG = "🇫🇷"; // two regional indicators: 4 units, 1 grapheme
const HEART = "❤️"; // U+2764 U+FE0F: 2 units, 1 grapheme
const E_COMBINING = "e\u0301"; // "é" as e + combining acute: 2 units, 1 grapheme

test("every site has its rule, with the figure and a source", () => {
  expect(
    Object.fromEntries(LIMIT_SITE_IDS.map((s) => [s, [SITE_LIMITS[s].max, SITE_LIMITS[s].unit, SITE_LIMITS[s].site]])),
  ).toEqual({
    x: [280, "weighted", "x"],
    reddit: [10_000, "chars", "reddit"],
    bluesky: [300, "graphemes", "bluesky"],
    mastodon: [500, "graphemes", "mastodon"],
    linkedin: [1_250, "chars", "linkedin"],
    facebook: [8_000, "chars", "facebook"],
    instagram: [2_200, "chars", "instagram"],
    threads: [500, "chars", "threads"],
    youtube: [10_000, "chars", "youtube"],
    tiktok: [150, "chars", "tiktok"],
  });
  for (const s of LIMIT_SITE_IDS) expect(SITE_LIMITS[s].source.length, s).toBeGreaterThan(20);
});

test.each(["", "myspace", "X", "__proto__", "constructor", "toString"])("unknown site %j gets X's rule", (site) => {
  expect(limitFor(site)).toBe(SITE_LIMITS.x);
});

/** [text, expected measure per site]. */
const TABLE: readonly (readonly [string, Readonly<Record<LimitSiteId, number>>])[] = [
  [
    "abc",
    {
      x: 3,
      reddit: 3,
      bluesky: 3,
      mastodon: 3,
      linkedin: 3,
      facebook: 3,
      instagram: 3,
      threads: 3,
      youtube: 3,
      tiktok: 3,
    },
  ],
  [
    "Désolés ! « À bientôt »",
    {
      x: 23,
      reddit: 23,
      bluesky: 23,
      mastodon: 23,
      linkedin: 23,
      facebook: 23,
      instagram: 23,
      threads: 23,
      youtube: 23,
      tiktok: 23,
    },
  ],
  [
    "🙏",
    {
      x: 2,
      reddit: 2,
      bluesky: 1,
      mastodon: 1,
      linkedin: 2,
      facebook: 2,
      instagram: 2,
      threads: 4,
      youtube: 2,
      tiktok: 2,
    },
  ],
  [
    THUMB,
    {
      x: 2,
      reddit: 4,
      bluesky: 1,
      mastodon: 1,
      linkedin: 4,
      facebook: 4,
      instagram: 4,
      threads: 8,
      youtube: 4,
      tiktok: 4,
    },
  ],
  [
    FAMILY,
    {
      x: 2,
      reddit: 8,
      bluesky: 1,
      mastodon: 1,
      linkedin: 8,
      facebook: 8,
      instagram: 8,
      threads: 18,
      youtube: 8,
      tiktok: 8,
    },
  ],
  [
    FLAG,
    {
      x: 2,
      reddit: 4,
      bluesky: 1,
      mastodon: 1,
      linkedin: 4,
      facebook: 4,
      instagram: 4,
      threads: 8,
      youtube: 4,
      tiktok: 4,
    },
  ],
  [
    HEART,
    {
      x: 2,
      reddit: 2,
      bluesky: 1,
      mastodon: 1,
      linkedin: 2,
      facebook: 2,
      instagram: 2,
      threads: 6,
      youtube: 2,
      tiktok: 2,
    },
  ],
  [
    E_COMBINING,
    // twitter-text normalises to NFC first ("é", weight 1); Threads counts code points outside emoji.
    {
      x: 1,
      reddit: 2,
      bluesky: 1,
      mastodon: 1,
      linkedin: 2,
      facebook: 2,
      instagram: 2,
      threads: 2,
      youtube: 2,
      tiktok: 2,
    },
  ],
  [
    "日本語です",
    {
      x: 10,
      reddit: 5,
      bluesky: 5,
      mastodon: 5,
      linkedin: 5,
      facebook: 5,
      instagram: 5,
      threads: 5,
      youtube: 5,
      tiktok: 5,
    },
  ],
  [
    "…",
    // U+2026 is outside twitter-text's weight-1 ranges.
    {
      x: 2,
      reddit: 1,
      bluesky: 1,
      mastodon: 1,
      linkedin: 1,
      facebook: 1,
      instagram: 1,
      threads: 1,
      youtube: 1,
      tiktok: 1,
    },
  ],
  [
    URL,
    {
      x: 23,
      reddit: 67,
      bluesky: 67,
      mastodon: 23,
      linkedin: 67,
      facebook: 67,
      instagram: 67,
      threads: 67,
      youtube: 67,
      tiktok: 67,
    },
  ],
  [
    `see ${URL} now`,
    {
      x: 31,
      reddit: 75,
      bluesky: 75,
      mastodon: 31,
      linkedin: 75,
      facebook: 75,
      instagram: 75,
      threads: 75,
      youtube: 75,
      tiktok: 75,
    },
  ],
  [
    // No protocol: X still links it (23), Mastodon does not (its validator only shortens URLs with a protocol).
    "see acme.com",
    {
      x: 27,
      reddit: 12,
      bluesky: 12,
      mastodon: 12,
      linkedin: 12,
      facebook: 12,
      instagram: 12,
      threads: 12,
      youtube: 12,
      tiktok: 12,
    },
  ],
  [
    // Mastodon counts a remote mention by its user part only.
    "@jane@mastodon.social hi",
    {
      x: 24,
      reddit: 24,
      bluesky: 24,
      mastodon: 8,
      linkedin: 24,
      facebook: 24,
      instagram: 24,
      threads: 24,
      youtube: 24,
      tiktok: 24,
    },
  ],
  [
    // CR LF is one grapheme; Threads' character count is taken as code points (over-counts, never under).
    "a\r\nb",
    {
      x: 4,
      reddit: 4,
      bluesky: 3,
      mastodon: 3,
      linkedin: 4,
      facebook: 4,
      instagram: 4,
      threads: 4,
      youtube: 4,
      tiktok: 4,
    },
  ],
];

describe.each(LIMIT_SITE_IDS)("%s", (site) => {
  test.each(TABLE.map(([text, expected]) => [JSON.stringify(text), expected[site], text] as const))(
    "%s → %i",
    (_name, expected, text) => {
      expect(SITE_LIMITS[site].measure(text)).toBe(expected);
    },
  );
});

describe("fast paths agree with the exact counters", () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const exactGraphemes = (t: string) => Array.from(segmenter.segment(t)).length;
  const texts = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 100 }),
    fc
      .array(
        fc.constantFrom(
          "Bonjour",
          " ",
          "é",
          E_COMBINING,
          "à",
          "ß",
          "œ",
          ".",
          ". ",
          ".com",
          "acme",
          "www.",
          "https://",
          "a.b",
          "\n",
          "\t",
          "\r",
          "’",
          "«",
          "\u00a0",
          "\u200b",
          "\u200d",
          "…",
          "€",
          "🙏",
          THUMB,
          "日本",
          "@jane",
          "#tag",
          "$CASH",
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join("")),
  );

  test("weightedLength === twitter-text's weightedLength", () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(weightedLength(t)).toBe(twitter.parseTweet(t).weightedLength);
      }),
      { numRuns: 3_000 },
    );
  });

  test("graphemeLength === Intl.Segmenter's count; graphemes() splits without losing anything", () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(graphemeLength(t)).toBe(exactGraphemes(t));
        expect(graphemes(t).join("")).toBe(t);
        expect(graphemes(t)).toHaveLength(exactGraphemes(t));
      }),
      { numRuns: 3_000 },
    );
  });

  test("character counts never under-count: code units ≥ code points ≥ graphemes", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const codePoints = Array.from(t).length;
        expect(SITE_LIMITS.tiktok.measure(t)).toBeGreaterThanOrEqual(codePoints);
        expect(codePoints).toBeGreaterThanOrEqual(exactGraphemes(t));
        expect(threadsLength(t)).toBeGreaterThanOrEqual(exactGraphemes(t));
        expect(mastodonLength(t)).toBeLessThanOrEqual(exactGraphemes(t) + 23 * (t.match(/:\/\//g)?.length ?? 0));
      }),
      { numRuns: 1_000 },
    );
  });
});
