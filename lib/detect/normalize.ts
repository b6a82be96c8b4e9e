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
