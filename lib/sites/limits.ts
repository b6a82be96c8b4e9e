/**
 * Each site's length rule for a reply: the maximum and the way the site counts it. Pure: the reply engine fits
 * its suggestions to these, and the linter and the side panel's counter measure with the same function, so the
 * agent never sees "fits" in the panel and "too long" on the site.
 *
 * Where a site counts in a way we cannot reproduce exactly, `measure` over-counts, never under-counts: "chars"
 * is UTF-16 code units (what a browser's `maxlength` and most composers count), which is never fewer than the
 * code points or graphemes another counter would see. A suggestion that fits our measure fits the site.
 */
import twitter from "twitter-text";

export const LIMIT_SITE_IDS = [
  "x",
  "reddit",
  "bluesky",
  "mastodon",
  "linkedin",
  "facebook",
  "instagram",
  "threads",
  "youtube",
  "tiktok",
] as const;
export type LimitSiteId = (typeof LIMIT_SITE_IDS)[number];

export type LengthUnit = "weighted" | "graphemes" | "chars";

export interface LengthRule {
  site: LimitSiteId;
  max: number;
  unit: LengthUnit;
  measure: (text: string) => number;
  /** Where the figure comes from. */
  source: string;
}

// ── Measures ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Text where every code unit is a grapheme of its own and weighs 1 on X: Latin letters with precomposed accents
 * (below U+0300, so no combining mark for NFC to merge), newlines, tabs, the typographic spaces and punctuation of
 * U+2000–U+200A, U+2010–U+201F and U+2032–U+2037 (twitter-text v3's weight-1 ranges), and no URL: no "://" and
 * no dot directly followed by a letter or digit (twitter-text finds "acme.com" without a protocol). Replies are
 * almost always this; the exact counters below cost tens of microseconds per call, this test one.
 */
const SIMPLE =
  /^(?:[\t\n\x20-\x2d\x2f-\x7e\u00a0-\u02ff\u2000-\u200a\u2010-\u201f\u2032-\u2037]|\.(?![\p{L}\p{N}]))*$/u;

/** X's weighted length (what the composer's counter shows): most CJK and emoji weigh 2, every URL 23. */
export function weightedLength(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  return twitter.parseTweet(text).weightedLength;
}

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters (Unicode extended grapheme clusters): "é" written e + U+0301 is one, 👨‍👩‍👧 is one. */
export function graphemeLength(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** The grapheme clusters of `text`, for cutting it without splitting an emoji or an accent from its letter. */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split("");
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** UTF-16 code units: JavaScript's `length`. */
export const codeUnitLength = (text: string): number => text.length;

const MASTODON_URL = "x".repeat(23);
/** `@user@server.example` (a remote account): Mastodon counts only `@user`. */
const REMOTE_MENTION = /(?<![\p{L}\p{N}_/@])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?)@[a-z0-9.-]+[a-z0-9]/giu;

/**
 * Mastodon's count (app/validators/status_length_validator.rb): grapheme clusters, after every URL with a
 * protocol is replaced by 23 characters and every remote mention is cut to its user part.
 */
export function mastodonLength(text: string): number {
  let countable = text;
  if (countable.includes("://")) {
    const urls = twitter.extractUrlsWithIndices(countable, { extractUrlsWithoutProtocol: false });
    for (let i = urls.length - 1; i >= 0; i--) {
      const [start, end] = urls[i]?.indices ?? [0, 0];
      countable = countable.slice(0, start) + MASTODON_URL + countable.slice(end);
    }
  }
  if (countable.includes("@")) countable = countable.replace(REMOTE_MENTION, "@$1");
  return graphemeLength(countable);
}

const EMOJI_CLUSTER = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const encoder = new TextEncoder();

/**
 * Threads' count, from its API documentation: characters, except that "emojis are counted as the number of
 * UTF-8 bytes" (a 👍 counts 4, 👍🏽 counts 8). Other clusters count their code points.
 */
export function threadsLength(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  let n = 0;
  for (const cluster of graphemes(text)) {
    if (EMOJI_CLUSTER.test(cluster)) n += encoder.encode(cluster).length;
    else for (const _ of cluster) n++;
  }
  return n;
}

// ── Rules ────────────────────────────────────────────────────────────────────────────────────────────────

const chars = (site: LimitSiteId, max: number, source: string): LengthRule => ({
  site,
  max,
  unit: "chars",
  measure: codeUnitLength,
  source,
});

export const SITE_LIMITS: Readonly<Record<LimitSiteId, LengthRule>> = {
  x: {
    site: "x",
    max: 280,
    unit: "weighted",
    measure: weightedLength,
    source: "twitter-text's default config (v3: maxWeightedTweetLength 280, the counter X's composer shows)",
  },
  reddit: chars(
    "reddit",
    10_000,
    "Reddit refuses comments over 10,000 characters (its comment box and API error TOO_LONG); no official page states it",
  ),
  bluesky: {
    site: "bluesky",
    max: 300,
    unit: "graphemes",
    measure: graphemeLength,
    source:
      "AT Protocol lexicon app.bsky.feed.post: text maxGraphemes 300 (and maxLength 3,000 bytes, never binding first)",
  },
  mastodon: {
    site: "mastodon",
    max: 500,
    // Mastodon's server counts grapheme clusters (each_grapheme_cluster), so "graphemes" is the honest unit.
    unit: "graphemes",
    measure: mastodonLength,
    source:
      "Mastodon's StatusLengthValidator: 500 by default (a server may raise it), URLs count 23, remote mentions their user part",
  },
  linkedin: chars("linkedin", 1_250, "LinkedIn comment limit, 1,250 characters (as Buffer's and others' guides state)"),
  facebook: chars("facebook", 8_000, "Facebook comment limit, 8,000 characters (as social-media guides state)"),
  instagram: chars(
    "instagram",
    2_200,
    "Instagram comment limit, 2,200 characters, like a caption (Buffer's character-limits guide)",
  ),
  threads: {
    site: "threads",
    max: 500,
    unit: "chars",
    measure: threadsLength,
    source: "Threads API documentation (Posts): text limited to 500 characters, emojis counted as their UTF-8 bytes",
  },
  youtube: chars("youtube", 10_000, "YouTube comment limit, 10,000 characters (as social-media guides state)"),
  tiktok: chars("tiktok", 150, "TikTok comment limit, 150 characters (as social-media guides state)"),
};

/** The rule for a site id; any other id (a site not supported yet) gets X's, the strictest common one. */
export function limitFor(site: string): LengthRule {
  return Object.hasOwn(SITE_LIMITS, site) ? SITE_LIMITS[site as LimitSiteId] : SITE_LIMITS.x;
}
