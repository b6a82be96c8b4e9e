/**
 * Features of the trained model, read from what ./analyse.ts left in its scratch state (so a post is tokenised
 * once): hashed word unigrams and bigrams, hashed character n-grams within words, and a few dense features that
 * are the lexicon's own findings (cue weight per severity, negation, sarcasm, praise, questions, shouting...).
 *
 * Shared by training (scripts/train.ts, ./train.ts) and inference (./model.ts): one implementation, so the
 * features the weights were learnt on are the features they are applied to.
 *
 * Normalised text, without building it: tokens are already lowercased and accent-folded; URLs hash as "url",
 * mentions as "@user", every run of digits as "0". Hashes are 32-bit FNV-1a over UTF-16 units. Words and
 * bigrams are finished with murmur3's mix (FNV's low bits, the ones the table index keeps, depend on few input
 * bits); character n-grams, most of the features, with FNV's cheaper xor-fold.
 *
 * No allocation per call: indices go into a reused Int32Array.
 */
import { an, F_MONEY, F_SECOND_PERSON, MAX_TOKENS, tokEnd, tokenFlags, tokKind, tokStart } from "./analyse";
import { TOKEN_BANG, TOKEN_EMOJI, TOKEN_HASHTAG, TOKEN_MENTION, TOKEN_PUNCT, TOKEN_URL, TOKEN_WORD } from "./normalize";

/** What the feature extractor needs from a model: part of the file header. */
export interface FeatureConfig {
  /** log2 of the hashed weight table size. */
  hashBits: number;
  /** Character n-grams from charMin to charMax units (0 and 0: none). */
  charMin: number;
  charMax: number;
  /** Word bigrams (including one with a start-of-clause marker). */
  bigrams: boolean;
  /**
   * Character n-grams of mentioned handles too ("@AmazonHelp" → "hel", "help"...): customer-care accounts
   * look alike across brands, a friend's handle does not.
   */
  handles: boolean;
  /** Divide the hashed part of the logit by √(number of hashed features): long posts do not score higher. */
  normalise: boolean;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Namespaces: the same string as a word, a bigram half or an n-gram must land in different buckets. */
const NS_WORD = 0x2f6b1a3d;
const NS_BIGRAM = 0x61c88647;
const NS_CHAR = 0x1b873593;
const NS_HANDLE = 0x5bd1e995;

/** Murmur3's finaliser: spreads FNV's entropy over all 32 bits. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function fnvString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Hash of a normalised word as ./features.ts computes it for a token; for lexicons built outside a post. */
export function wordHash(folded: string): number {
  return fnvString(folded.replace(/\d+/g, "0"));
}

const H_URL = fnvString("url");
const H_USER = fnvString("@user");
const H_BANGS = fnvString("!!");
const H_QUESTIONS = fnvString("??");
const H_MIXED = fnvString("?!");
const H_QUESTION = fnvString("?");
const H_BANG = fnvString("!");
/** Start of a clause: "^ why", "^ @user" are bigrams of their own. */
const H_START = fnvString("^");

/** Longest word read for character n-grams (longer ones are hashes, codes, keyboard mashing). */
const MAX_WORD = 24;
/** Upper bound of hashed features per post: words × (unigram + bigram + n-grams of a 24-unit word). */
export const MAX_FEATURES = 24_000;

/** Hashed feature indices of the current post (training reads them; inference only sums their weights). */
export const featIdx = new Int32Array(MAX_FEATURES);
/**
 * Per token, the sum of the weights of the features it produced (int8 units; bigrams count for their second
 * word), when hashFeatures was given weights: what explains a verdict, at one store per token.
 */
export const tokWeight = new Int32Array(MAX_TOKENS);
/** Normalised word hash of each token (0 when the token is not a feature): the polarity lookup reuses it. */
export const tokHash = new Uint32Array(MAX_TOKENS);
const wbuf = new Uint16Array(MAX_WORD + 2);
/** Sum of the weights of the last hashFeatures call's features, when it was given weights (int8 units). */
export let hashedSum = 0;
/** Tokens hashed by the last hashFeatures call (fewer than an.n when a huge post hit MAX_FEATURES). */
let hashedTokens = 0;
export const hashedTokenCount = () => hashedTokens;

/**
 * Hashes the current post's tokens (see ./analyse.ts) into featIdx; returns the count. With `weights`, also sums
 * them on the way, into hashedSum and per token into tokWeight (one pass, instead of more over featIdx).
 * Only what can signal a complaint is kept: words, hashtags, mentions, URLs, emoji, "?" and "!" runs.
 */
export function hashFeatures(cfg: FeatureConfig, weights: Int8Array | null = null): number {
  const folded = an.folded;
  const n = an.n;
  const mask = (1 << cfg.hashBits) - 1;
  const charMin = cfg.charMin;
  const charMax = cfg.charMax;
  const shift = cfg.hashBits;
  let count = 0;
  let sum = 0;
  let prev = H_START;
  let t = 0;
  for (; t < n && count < MAX_FEATURES - 200; t++) {
    const kind = tokKind[t];
    const start = tokStart[t] ?? 0;
    const end = tokEnd[t] ?? 0;
    let h: number;
    let wlen = 0;
    if (kind === TOKEN_WORD || kind === TOKEN_HASHTAG) {
      // Normalise while hashing: digit runs become one "0". The word (hashtag body) is copied for its n-grams.
      h = FNV_OFFSET;
      let digits = false;
      for (let i = start; i < end; i++) {
        let c = folded.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          if (digits) continue;
          digits = true;
          c = 48;
        } else digits = false;
        h = Math.imul(h ^ c, FNV_PRIME);
        if (c !== 35 && wlen < MAX_WORD) wbuf[1 + wlen++] = c; // "#" is not part of the word's n-grams
      }
      h >>>= 0;
    } else if (kind === TOKEN_MENTION) {
      h = H_USER;
      if (cfg.handles) for (let i = start + 1; i < end && wlen < MAX_WORD; i++) wbuf[1 + wlen++] = folded.charCodeAt(i);
    } else if (kind === TOKEN_URL) h = H_URL;
    else if (kind === TOKEN_EMOJI) h = fnvString(folded.slice(start, end));
    else if (kind === TOKEN_BANG) {
      const s = folded.slice(start, end);
      h = s.includes("?") ? (s.includes("!") ? H_MIXED : H_QUESTIONS) : H_BANGS;
    } else if (kind === TOKEN_PUNCT) {
      const c = folded.charCodeAt(start);
      if (c === 63) h = H_QUESTION;
      else if (c === 33) h = H_BANG;
      else {
        // Other punctuation ends a clause: no bigram across it.
        tokHash[t] = 0;
        tokWeight[t] = 0;
        prev = H_START;
        continue;
      }
    } else {
      tokHash[t] = 0;
      tokWeight[t] = 0;
      continue;
    }
    tokHash[t] = h;
    let x = mix(h ^ NS_WORD) & mask;
    featIdx[count++] = x;
    let own = weights !== null ? (weights[x] ?? 0) : 0;
    if (cfg.bigrams) {
      x = mix((Math.imul(prev, 0x9e3779b1) ^ h ^ NS_BIGRAM) >>> 0) & mask;
      featIdx[count++] = x;
      if (weights !== null) own += weights[x] ?? 0;
    }
    prev = h;
    if (wlen > 0 && charMax > 0) {
      // Character n-grams of "<word>", the markers telling prefixes and suffixes apart (fastText's scheme).
      wbuf[0] = 60;
      wbuf[wlen + 1] = 62;
      const len = wlen + 2;
      const ns = kind === TOKEN_MENTION ? NS_HANDLE : NS_CHAR;
      for (let i = 0; i + charMin <= len; i++) {
        let g = FNV_OFFSET ^ ns;
        const stop = i + charMax < len ? i + charMax : len;
        for (let j = i; j < stop; j++) {
          g = Math.imul(g ^ (wbuf[j] ?? 0), FNV_PRIME);
          if (j - i + 1 >= charMin) {
            // FNV's own xor-fold (the high bits onto the low ones): n-grams are most of the features, a full
            // mix for each was a fifth of the cost of a post.
            x = (g ^ (g >>> shift)) & mask;
            featIdx[count++] = x;
            if (weights !== null) own += weights[x] ?? 0;
          }
        }
      }
    }
    tokWeight[t] = own;
    sum += own;
  }
  hashedTokens = t;
  hashedSum = sum;
  return count;
}

/**
 * Dense features, in this order; the model file records a hash of the names so that weights are never applied
 * to a different layout. Each is scaled to about [0, 1] (or [-1, 1]) so one L2 penalty suits them all.
 */
export const DENSE_NAMES = [
  "lexicon_logit",
  "lexicon_complaint",
  "cue_weight_sev0",
  "cue_weight_sev1",
  "cue_weight_sev2",
  "cue_weight_sev3",
  "negated_expectation",
  "negated_complaint_word",
  "negated_praise",
  "sarcasm_with_cue",
  "sarcasm_with_irony_marker",
  "praise",
  "irony_marker",
  "waiting",
  "duration",
  "duration_explicit_wait",
  "topic",
  "repetition",
  "resolved",
  "bang_run",
  "question",
  "capitals",
  "hashtags",
  "lead_mention",
  "mentions",
  "url",
  "anger_tag_or_emoji",
  "handle_customer_care",
  "handle_with_digits",
  "handle_all_caps",
  "handle_lowercase",
  "second_person",
  "money",
  "scare_quotes",
  "praise_before_problem",
  "problem_before_praise",
  "praise_in_last_third",
  "praise_with_weak_negative",
  "no_addressee",
  "praise_opener",
  "polarity_negative_fr",
  "polarity_positive_fr",
  "lang_fr",
  "lang_en",
  "length",
] as const;
const BASE_COUNT = DENSE_NAMES.length;
/**
 * Each dense feature twice: once for every post, once more for French posts only ("frustratingly easy" domain
 * adaptation, Daumé 2007). The shared copy learns from the large English set; the French copy lets the few
 * French rows correct what differs in French (praise words in sarcasm, "pas" everywhere).
 */
export const DENSE_COUNT = 2 * BASE_COUNT;
export const DENSE_LAYOUT = fnvString(`dense-v1:${DENSE_NAMES.join(",")}:fr-copy`);

/** A polarity lexicon as open-addressing arrays: word hash → polarity × 100. */
export interface PolarityTable {
  keys: Uint32Array;
  values: Int8Array;
}

/** Open-addressing lookup: the int8 value stored for word hash h, 0 when absent. */
function tableGet(table: PolarityTable, h: number): number {
  const keys = table.keys;
  const m = keys.length - 1;
  // Key 0 marks an empty slot; a word hashing to 0 is simply not in the table.
  for (let i = mix(h) & m; ; i = (i + 1) & m) {
    const k = keys[i] ?? 0;
    if (k === 0) return 0;
    if (k === h) return table.values[i] ?? 0;
  }
}

/** Builds a lookup table from (word hash, int8 value) pairs; load factor ≤ 1/2. */
function hashTable(entries: ReadonlyArray<readonly [number, number]>): PolarityTable {
  let size = 16;
  while (size < entries.length * 2) size *= 2;
  const keys = new Uint32Array(size);
  const values = new Int8Array(size);
  for (const [h, v] of entries) {
    if (h === 0) continue;
    for (let i = mix(h) & (size - 1); ; i = (i + 1) & (size - 1)) {
      if (keys[i] === 0 || keys[i] === h) {
        keys[i] = h;
        values[i] = v;
        break;
      }
    }
  }
  return { keys, values };
}

/** The polarity table from (word hash, polarity in [-1, 1]) pairs, stored as polarity × 100. */
export function polarityTable(entries: ReadonlyArray<readonly [number, number]>): PolarityTable {
  return hashTable(entries.map(([h, p]) => [h, Math.max(-100, Math.min(100, Math.round(p * 100)))] as const));
}

/** Customer-care accounts: "AmazonHelp", "XboxSupport", "comcastcares", "SNCF_Service", "Free_SAV". */
const CARE_RE = /help|support|care|cares|service|assist|_cs$|cs$|desk|sav$|client/i;
const DIGIT_RE = /\d/;
const MONEY_RE = /[€$£]/;
/** A phrase in quotes: scare quotes are a sarcasm marker ("SAV réactif", "100% laine"). */
const QUOTES_RE = /["“«][^"”»\n]{2,60}["”»]/;

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const capped = (x: number, cap: number) => (x > cap ? 1 : x / cap);

/** Fills `out` with the dense features of the current post; call after hashFeatures (it reuses the word hashes). */
export function denseFeatures(out: Float64Array, polarity: PolarityTable | null): void {
  let neg = 0;
  let pos = 0;
  let words = 0;
  const n = hashedTokens;
  // French polarity: the Pattern lexicon is French; on English posts its cognates ("terrible") would mislead.
  const usePolarity = polarity !== null && an.lang !== "en";
  let second = 0;
  let money = MONEY_RE.test(an.folded) ? 1 : 0;
  for (let t = 0; t < n; t++) {
    if (tokKind[t] !== TOKEN_WORD) continue;
    words++;
    const flags = tokenFlags(t);
    if (flags & F_SECOND_PERSON) second = 1;
    else if (flags & F_MONEY) money = 1;
    if (usePolarity) {
      const p = tableGet(polarity, tokHash[t] ?? 0) / 100;
      if (p < 0) neg -= p;
      else pos += p;
    }
  }
  // Handle shapes: brands' accounts ("AmazonHelp", "UPS", "SNCF_Voyageurs") rarely look like people's
  // ("emiselaa", "john_1987"), and only brands field customer-care accounts.
  let care = 0;
  let digits = 0;
  let allCaps = 0;
  let lower = 0;
  for (let t = 0; t < n; t++) {
    if (tokKind[t] !== TOKEN_MENTION) continue;
    const handle = an.src.slice((tokStart[t] ?? 0) + 1, tokEnd[t] ?? 0);
    if (CARE_RE.test(handle)) care = 1;
    if (DIGIT_RE.test(handle)) digits = 1;
    if (handle.length >= 2 && handle === handle.toUpperCase() && handle !== handle.toLowerCase()) allCaps = 1;
    else if (handle === handle.toLowerCase()) lower = 1;
  }
  const sev = an.sevWeight;
  out[0] = clamp(an.sum, -4, 6) / 4;
  out[1] = an.sum >= 0 ? 1 : 0;
  out[2] = capped(sev[0] ?? 0, 3);
  out[3] = capped(sev[1] ?? 0, 6);
  out[4] = capped(sev[2] ?? 0, 6);
  out[5] = capped(sev[3] ?? 0, 6);
  out[6] = capped(an.negExp, 2);
  out[7] = capped(an.negNeg, 2);
  out[8] = capped(an.negPraise, 2);
  out[9] = an.sarcasm === 1 ? 1 : 0;
  out[10] = an.sarcasm === 2 ? 1 : 0;
  out[11] = capped(-an.praise, 3);
  out[12] = an.irony ? 1 : 0;
  out[13] = an.wait ? 1 : 0;
  out[14] = an.duration === 1 ? 1 : 0;
  out[15] = an.duration === 2 ? 1 : 0;
  out[16] = capped(an.topic, 0.5);
  out[17] = capped(an.rep, 1.2);
  out[18] = capped(an.resolved, 2);
  out[19] = an.bangs > 0 ? 1 : 0;
  out[20] = an.questions > 0 ? 1 : 0;
  out[21] = an.caps >= 2 || an.capsCue ? 1 : 0;
  out[22] = capped(an.hashtags, 3);
  out[23] = an.leadMention ? 1 : 0;
  out[24] = capped(an.mentions, 3);
  out[25] = an.urls > 0 ? 1 : 0;
  out[26] = an.anger > 0 ? 1 : 0;
  out[27] = care;
  out[28] = digits;
  out[29] = allCaps;
  out[30] = lower;
  out[31] = second;
  out[32] = money;
  out[33] = QUOTES_RE.test(an.src) ? 1 : 0;
  // Sarcasm praises first ("Merci pour ce retard"); gratitude after a solved problem praises last ("panne,
  // échangée en 10 minutes, merci").
  out[34] = an.firstPraise >= 0 && an.firstCue >= 0 && an.firstPraise < an.firstCue ? 1 : 0;
  out[35] = an.firstPraise >= 0 && an.firstCue >= 0 && an.firstCue < an.lastPraise ? 1 : 0;
  out[36] = an.lastPraise >= 0 && an.lastPraise * 3 >= 2 * an.n ? 1 : 0;
  // Praise the lexicon took at face value, next to something bad too weak to make it sarcasm on its own
  // ("merci pour la pizza tiède", "bravo, 2,50 € de frais"): the model weighs what the rule could not.
  const weakNegative =
    neg > 0 || (sev[0] ?? 0) + (sev[1] ?? 0) + (sev[2] ?? 0) + (sev[3] ?? 0) > 0 || an.duration > 0 || money > 0;
  out[37] = an.praise < 0 && weakNegative ? 1 : 0;
  // Nobody addressed: no mention, no "vous"/"you". Venting about the weather, or about a third party.
  out[38] = an.mentions === 0 && second === 0 ? 1 : 0;
  out[39] = an.firstPraise >= 0 && an.firstPraise <= 2 ? 1 : 0;
  out[40] = capped(neg, 1.5);
  out[41] = capped(pos, 1.5);
  out[42] = an.lang === "fr" ? 1 : 0;
  out[43] = an.lang === "en" ? 1 : 0;
  out[44] = capped(Math.log1p(words), 4);
  const french = an.lang === "fr";
  for (let k = 0; k < BASE_COUNT; k++) out[BASE_COUNT + k] = french ? (out[k] ?? 0) : 0;
}
