/**
 * Text folding and tokenising shared by the language guesser, the lexicon compiler and the classifier.
 *
 * Folding keeps the string's length: every UTF-16 unit of the input maps to exactly one unit of the output, so
 * an offset found in the folded text is also an offset in the original, and the classifier can quote the words
 * it matched exactly as the author wrote them (the UI highlights them) without keeping an offset map.
 */

/** Lowercase accented letters → their ASCII base letter; curly apostrophes → "'". Built once at module load. */
const FOLD: Record<string, string> = (() => {
  const table: Record<string, string> = {};
  for (let cp = 0xc0; cp <= 0x24f; cp++) {
    const ch = String.fromCharCode(cp);
    const base = ch.normalize("NFD")[0];
    if (base !== undefined && base !== ch && /^[a-zA-Z]$/.test(base)) table[ch] = base.toLowerCase();
  }
  // Typographic apostrophes: "j’ai" must tokenise like "j'ai", "don’t" like "don't".
  for (const ch of ["\u2018", "\u2019", "\u02bc", "\u00b4", "\u0060"]) table[ch] = "'";
  // Ellipsis is a clause boundary like "."; one unit for one unit.
  table["\u2026"] = ".";
  return table;
})();

const FOLD_RE = /[\u00c0-\u024f\u2018\u2019\u02bc\u00b4\u0060\u2026]/g;
const NON_ASCII_RE = /[\u0080-\uffff]/;
/** Combining accents typed separately (NFD input, some Mac keyboards): compose them before folding. */
const COMBINING_RE = /[\u0300-\u036f]/;

function foldChar(ch: string): string {
  return FOLD[ch] ?? ch;
}

/**
 * NFC when the text carries separate combining accents, else the text itself. The classifier quotes reasons from
 * this string, which looks the same as the input.
 */
export function composeText(text: string): string {
  return COMBINING_RE.test(text) ? text.normalize("NFC") : text;
}

/** Lowercase and strip accents, keeping the length (see the module comment). Emoji and symbols pass through. */
export function fold(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A few letters grow when lowercased ("İ" → "i̇"); lowercase those one unit at a time to keep offsets.
    let out = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      const lc = ch.toLowerCase();
      out += lc.length === 1 ? lc : ch;
    }
    lower = out;
  }
  return NON_ASCII_RE.test(lower) ? lower.replace(FOLD_RE, foldChar) : lower;
}

export const TOKEN_WORD = 1;
export const TOKEN_HASHTAG = 2;
export const TOKEN_MENTION = 3;
export const TOKEN_URL = 4;
export const TOKEN_EMOJI = 5;
/** A run of "!" or "?" ("!!!", "?!?"): frustration marker and a clause boundary. */
export const TOKEN_BANG = 6;
/** Clause punctuation: bounds the reach of a negation. */
export const TOKEN_PUNCT = 7;

/**
 * One pass over folded text. Words keep an English "'t" ("don't", "can't") so negations stay one token; every
 * other apostrophe splits ("j'ai" → "j", "ai"), which is what French elision needs.
 * Groups: 1 URL, 2 mention, 3 hashtag, 4 word, 5 emoji, 6 !?-run, 7 punctuation.
 */
export const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|(@[\p{L}\p{N}_]+)|(#[\p{L}\p{N}_]+)|([\p{L}\p{N}]+(?:'t(?![\p{L}\p{N}]))?)|(\p{Extended_Pictographic})|([!?]{2,})|([.,;:!?()"\n]|\s-\s)/gu;

/** Tokens of a phrase written in the lexicon, folded the same way as post text. */
export function phraseTokens(phrase: string): string[] {
  const folded = fold(composeText(phrase));
  const out: string[] = [];
  const re = new RegExp(TOKEN_RE.source, "gu");
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const tok = m[3] ?? m[4] ?? m[5];
    if (tok !== undefined) out.push(tok);
  }
  return out;
}

// ── A hand-written scanner with exactly TOKEN_RE's semantics ─────────────────────────────────────────────
// The detector tokenises every post of a timeline; running TOKEN_RE (a Unicode-property regex returning a
// match array per token) was a fifth of a post's cost. This scanner walks the string once and classifies each
// unit with a table. TOKEN_RE stays the specification: tests/unit/detect/scan.test.ts checks that both agree
// on arbitrary strings.

/** \p{L} or \p{N}. */
const C_WORD = 1;
/** \p{Extended_Pictographic}. */
const C_PICT = 2;
/** \s. */
const C_SPACE = 4;
/** [.,;:!?()"\n]: one-unit punctuation. */
const C_PUNCT = 8;

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
const PICT_RE = /^\p{Extended_Pictographic}$/u;
const SPACE_RE = /^\s$/;

function classify(ch: string): number {
  return (
    (WORD_CHAR_RE.test(ch) ? C_WORD : 0) |
    (PICT_RE.test(ch) ? C_PICT : 0) |
    (SPACE_RE.test(ch) ? C_SPACE : 0) |
    (ch.length === 1 && '.,;:!?()"\n'.includes(ch) ? C_PUNCT : 0)
  );
}

/**
 * Classes of BMP code units, filled one 256-unit block at a time when first met (a page of Latin text touches
 * two or three blocks; filling all 65,536 up front would cost milliseconds at every page load).
 */
const BMP_CLASS = new Uint8Array(65_536);
const BLOCK_FILLED = new Uint8Array(256);
/** Astral code points met so far (emoji, mathematical letters), bounded. */
const ASTRAL_CLASS = new Map<number, number>();

function fillBlock(block: number): void {
  const base = block << 8;
  for (let c = base; c < base + 256; c++) {
    // Surrogates are classified as pairs, by code point.
    BMP_CLASS[c] = c >= 0xd800 && c <= 0xdfff ? 0 : classify(String.fromCharCode(c));
  }
  BLOCK_FILLED[block] = 1;
}
fillBlock(0);

/** Class of the code point at i, and its length in units (1 or 2) in the second byte. */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    const block = c >>> 8;
    if (BLOCK_FILLED[block] === 0) fillBlock(block);
    return (BMP_CLASS[c] ?? 0) | 0x100;
  }
  const lo = s.charCodeAt(i + 1);
  if (c > 0xdbff || !(lo >= 0xdc00 && lo <= 0xdfff)) return 0x100; // a lone surrogate: one unit, no class
  const cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  let cls = ASTRAL_CLASS.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    if (ASTRAL_CLASS.size < 4_096) ASTRAL_CLASS.set(cp, cls);
  }
  return cls | 0x200;
}

const isSpaceUnit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return i < s.length && (c < 0xd800 || c > 0xdfff) && (classAt(s, i) & C_SPACE) !== 0;
};

/** Mention and hashtag bodies: [\p{L}\p{N}_]. */
function bodyEnd(s: string, j: number): number {
  while (j < s.length) {
    if (s.charCodeAt(j) === 95) {
      j++;
      continue;
    }
    const cls = classAt(s, j);
    if ((cls & C_WORD) === 0) break;
    j += cls >>> 8;
  }
  return j;
}

/**
 * Tokenises folded text as TOKEN_RE does, calling `emit(kind, start, end)` per token until it returns false.
 * Kinds are the TOKEN_* constants.
 */
export function scanTokens(s: string, emit: (kind: number, start: number, end: number) => boolean): void {
  const len = s.length;
  let i = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    // 1. URL: "http://", "https://" or "www." then at least one non-space.
    if (c === 104 || c === 119) {
      const head =
        c === 119
          ? s.startsWith("www.", i)
            ? 4
            : 0
          : s.startsWith("http://", i)
            ? 7
            : s.startsWith("https://", i)
              ? 8
              : 0;
      if (head > 0 && i + head < len && !isSpaceUnit(s, i + head)) {
        let j = i + head + 1;
        while (j < len && !isSpaceUnit(s, j)) j++;
        if (!emit(TOKEN_URL, i, j)) return;
        i = j;
        continue;
      }
    }
    // 2–3. Mention, hashtag.
    if (c === 64 || c === 35) {
      const j = bodyEnd(s, i + 1);
      if (j > i + 1) {
        if (!emit(c === 64 ? TOKEN_MENTION : TOKEN_HASHTAG, i, j)) return;
        i = j;
        continue;
      }
    }
    const cls = classAt(s, i);
    const width = cls >>> 8;
    // 4. Word, keeping an English "'t" that ends it ("don't").
    if (cls & C_WORD) {
      let j = i + width;
      for (;;) {
        if (j >= len) break;
        const next = classAt(s, j);
        if ((next & C_WORD) === 0) break;
        j += next >>> 8;
      }
      if (s.charCodeAt(j) === 39 && s.charCodeAt(j + 1) === 116 && (j + 2 >= len || (classAt(s, j + 2) & C_WORD) === 0))
        j += 2;
      if (!emit(TOKEN_WORD, i, j)) return;
      i = j;
      continue;
    }
    // 5. Emoji.
    if (cls & C_PICT) {
      if (!emit(TOKEN_EMOJI, i, i + width)) return;
      i += width;
      continue;
    }
    // 6. A run of two or more "!" / "?".
    if ((c === 33 || c === 63) && (s.charCodeAt(i + 1) === 33 || s.charCodeAt(i + 1) === 63)) {
      let j = i + 2;
      while (s.charCodeAt(j) === 33 || s.charCodeAt(j) === 63) j++;
      if (!emit(TOKEN_BANG, i, j)) return;
      i = j;
      continue;
    }
    // 7. Punctuation, or a dash between spaces.
    if (cls & C_PUNCT) {
      if (!emit(TOKEN_PUNCT, i, i + 1)) return;
      i++;
      continue;
    }
    if (cls & C_SPACE && s.charCodeAt(i + 1) === 45 && isSpaceUnit(s, i + 2)) {
      if (!emit(TOKEN_PUNCT, i, i + 3)) return;
      i += 3;
      continue;
    }
    i += width;
  }
}
