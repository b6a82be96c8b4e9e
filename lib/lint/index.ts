/**
 * Tone linter: checks a reply (a suggestion or the agent's own edit) before it goes into the composer, and says
 * what is wrong and how to fix it, in English and French. Pure and synchronous: no Date, no DOM, no network,
 * so it can run on every keystroke in the side panel and in tests alike. Rules are data in `./rules.ts`; this
 * module compiles them once at load and applies them.
 *
 * Matching is case- and accent-insensitive on a folded copy of the text whose offsets map back to the original
 * (see `fold`), so every warning's `start`/`end` are UTF-16 offsets into the text the agent sees.
 */
import twitter from "twitter-text";
import {
  ACRONYMS,
  APOLOGY_SOURCE,
  type Bilingual,
  CAPITALS,
  CONSENT_SOURCE,
  EMAIL_DOMAIN_SOURCE,
  EMAIL_LOCAL_CHAR_SOURCE,
  EXPOSURE_PATTERNS,
  type ExposurePattern,
  LANGUAGE,
  LANGUAGE_NAMES,
  type LintLevel,
  type LintRuleId,
  MASK_PATTERNS,
  MESSAGES,
  type MessageKey,
  NEGATION_AFTER_SOURCE,
  NEGATION_IGNORE_SOURCE,
  NEGATION_SOURCE,
  OWN_ACTION_SOURCE,
  type PatternSpec,
  PHRASE_RULES,
  type PhraseRule,
  PLACEHOLDER_SOURCES,
  PRIVATE_SOURCE,
  REQUEST_SOURCE,
  STOPWORDS,
} from "./rules";

export type { LintLevel, LintRuleId } from "./rules";

export interface LintWarning {
  rule: LintRuleId;
  level: LintLevel;
  /** UTF-16 offsets of the offending span in the linted text; 0..text.length for whole-text rules. */
  start: number;
  end: number;
  /** Always `text.slice(start, end)`. */
  excerpt: string;
  message: Bilingual;
  fix: Bilingual;
}

export interface LintContext {
  /** The post's language; only "fr" and "en" (and their regional tags) drive the wrong-language rule. */
  postLang: "fr" | "en" | string;
  severity: 0 | 1 | 2 | 3;
  /** The site's length limit, in `measure` units. */
  maxLength: number;
  /** Length as the site counts it. Default: twitter-text's weighted length (what X's counter shows). */
  measure?: (text: string) => number;
}

// ── Compilation (module load) ────────────────────────────────────────────────────────────────────────────

const WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}_])";
const WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}_])";

/** A space in a phrase pattern stands for any whitespace run (double spaces, line breaks, no-break spaces). */
const phrase = (source: string) => source.replaceAll(" ", "\\s+");

/**
 * Every phrase pattern of every rule in ONE regex without capture groups: V8 scans the text once instead of
 * once per rule, and capture groups (one per pattern) made every match several times dearer (measured). Which
 * rule and pattern matched is found afterwards, only at the rare match positions, with sticky regexes: first
 * the rule (the earliest whose patterns match there, as in the big alternation), then its pattern.
 */
const phraseAlternation = (patterns: readonly PatternSpec[]) =>
  patterns.map((p) => `(?:${phrase(p.source)})`).join("|");
const PHRASE_RE = new RegExp(
  `${WORD_BEFORE}(?:${PHRASE_RULES.map((rule) => phraseAlternation(rule.patterns)).join("|")})${WORD_AFTER}`,
  "gu",
);
const RULE_AT: readonly { rule: PhraseRule; re: RegExp; patterns: readonly { spec: PatternSpec; re: RegExp }[] }[] =
  PHRASE_RULES.map((rule) => ({
    rule,
    re: new RegExp(`(?:${phraseAlternation(rule.patterns)})${WORD_AFTER}`, "uy"),
    patterns: rule.patterns.map((spec) => ({
      spec,
      re: new RegExp(`(?:${phrase(spec.source)})${WORD_AFTER}`, "uy"),
    })),
  }));

/** The first regex of `list` that matches at `at`, with the match's end. */
function firstAt<T extends { re: RegExp }>(list: readonly T[], text: string, at: number): [T, number] | null {
  for (const item of list) {
    item.re.lastIndex = at;
    const m = item.re.exec(text);
    if (m) return [item, at + m[0].length];
  }
  return null;
}

// Module-level copies of the imported tables: the hot loops below read plain locals, not module bindings
// (some loaders turn those into getters).
const STOP_EN = STOPWORDS.en;
const STOP_FR = STOPWORDS.fr;
const ACRONYM_SET = ACRONYMS;
const { minWordLetters, minRunWords, maxUpperShare, minLettersForShare } = CAPITALS;
const { minWords, minStopwords, dominance } = LANGUAGE;

const NEGATION_RE = new RegExp(phrase(NEGATION_SOURCE), "u");
const NEGATION_AFTER_RE = new RegExp(phrase(NEGATION_AFTER_SOURCE), "uy");
const NEGATION_IGNORE_RE = new RegExp(phrase(NEGATION_IGNORE_SOURCE), "gu");
const PRIVATE_RE = new RegExp(phrase(PRIVATE_SOURCE), "u");
const REQUEST_RE = new RegExp(phrase(REQUEST_SOURCE), "u");
const CONSENT_RE = new RegExp(phrase(CONSENT_SOURCE), "u");
const OWN_ACTION_RE = new RegExp(phrase(OWN_ACTION_SOURCE), "u");
const APOLOGY_RE = new RegExp(phrase(APOLOGY_SOURCE), "u");
const MASKS: readonly { gate: RegExp; re: RegExp; walkBack: RegExp | null }[] = MASK_PATTERNS.map((p) => ({
  gate: new RegExp(p.gate, "u"),
  re: new RegExp(p.source, "gu"),
  walkBack: p.walkBack ? new RegExp(p.walkBack, "u") : null,
}));
const EMAIL_DOMAIN_RE = new RegExp(EMAIL_DOMAIN_SOURCE, "gu");
const EMAIL_LOCAL_CHAR_RE = new RegExp(EMAIL_LOCAL_CHAR_SOURCE, "u");
const EXPOSURE: readonly { spec: ExposurePattern; re: RegExp }[] = EXPOSURE_PATTERNS.map((spec) => ({
  spec,
  re: new RegExp(spec.source, "gu"),
}));
const PLACEHOLDER_RE = new RegExp(PLACEHOLDER_SOURCES.map((p) => `(?:${p.source})`).join("|"), "gu");
const TOKEN_RE = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu;
const LETTER_RE = /\p{L}/u;
const COMBINING_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

// ── Folding ──────────────────────────────────────────────────────────────────────────────────────────────

/** Typographic apostrophes and hyphens, so "it’s" and "e‑mail" match the patterns' plain ones. */
const PUNCT_FOLD: Readonly<Record<string, string>> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u00b4": "'",
  "\u2032": "'",
  "\u2010": "-",
  "\u2011": "-",
};

const unitCache = new Map<string, string>();

/**
 * One UTF-16 unit folded to exactly one unit: NFD minus combining marks, then lower case, but only when that
 * keeps the length (so "é" → "e", "É" → "e", while "İ" or "ß" stay as they are). Length-preserving folding is
 * what keeps offsets aligned without a lookup table in the common case.
 */
function foldUnit(ch: string): string {
  const cached = unitCache.get(ch);
  if (cached !== undefined) return cached;
  let out = PUNCT_FOLD[ch];
  if (out === undefined) {
    const stripped = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    if (stripped.length === 1) out = stripped;
    else {
      const lower = ch.toLowerCase();
      out = lower.length === 1 ? lower : ch;
    }
  }
  // Bounded: a text of random code points must not grow the cache for ever.
  if (unitCache.size < 4_096) unitCache.set(ch, out);
  return out;
}

interface Folded {
  text: string;
  /** Folded index → original index; null when they are the same (no combining marks were dropped). */
  map: number[] | null;
}

/**
 * Folds the text. Fast path: the engine's own lower-casing, then only the non-ASCII units one by one. Slow
 * path, when lower-casing changes the length ("İ") or combining marks are already decomposed ("e" + U+0301):
 * unit by unit, dropping the marks, with an index map back to the original.
 */
function fold(text: string): Folded {
  const hasMarks = COMBINING_RE.test(text);
  if (!hasMarks) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return { text: foldNonAscii(lower), map: null };
  }
  const map: number[] = [];
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    const code = ch.charCodeAt(0);
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    else if (hasMarks && COMBINING_RE.test(ch)) continue;
    else out += foldUnit(ch);
    map.push(i);
  }
  return { text: out, map: out.length === text.length ? null : map };
}

/**
 * `foldUnit` on every non-ASCII unit of an already lower-cased string. A plain loop: `String#replace` with a
 * callback costs several microseconds per call even when nothing matches.
 */
function foldNonAscii(lower: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 0x80) continue;
    const ch = lower[i] ?? "";
    const folded = foldUnit(ch);
    if (folded === ch) continue;
    out += lower.slice(last, i) + folded;
    last = i + 1;
  }
  return last === 0 ? lower : out + lower.slice(last);
}

/** Original offsets of a folded span. An end followed by dropped marks takes them along. */
function toOriginal(folded: Folded, original: string, start: number, end: number): [number, number] {
  const { map } = folded;
  if (map === null) return [start, end];
  const s = map[start] ?? original.length;
  const e = end >= map.length ? original.length : (map[end] ?? original.length);
  return [s, e];
}

/** E-mail addresses in the folded text: found by their domain, then extended back over the local part. */
function emails(folded: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!folded.includes("@")) return spans;
  EMAIL_DOMAIN_RE.lastIndex = 0;
  for (let m = EMAIL_DOMAIN_RE.exec(folded); m !== null; m = EMAIL_DOMAIN_RE.exec(folded)) {
    let start = m.index;
    while (start > 0 && EMAIL_LOCAL_CHAR_RE.test(folded[start - 1] ?? "")) start--;
    if (start < m.index) spans.push([start, m.index + m[0].length]);
  }
  return spans;
}

/** Sorted, merged union of spans. */
function merge(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/**
 * Blanks @handles, #hashtags, links and e-mail addresses (same length, spaces), so that phrase patterns never
 * fire inside them and a "." in a URL never ends a sentence. Returns the blanked ranges in folded offsets.
 */
function mask(folded: string, emailSpans: readonly [number, number][]): { text: string; ranges: [number, number][] } {
  const spans: [number, number][] = [...emailSpans];
  for (const { gate, re, walkBack } of MASKS) {
    if (!gate.test(folded)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let start = m.index;
      if (walkBack) {
        while (start > 0 && walkBack.test(folded[start - 1] ?? "")) start--;
        if (start === m.index) continue; // ".com" alone is no domain
      }
      spans.push([start, m.index + m[0].length]);
    }
  }
  if (spans.length === 0) return { text: folded, ranges: [] };
  const ranges = merge(spans);
  let text = "";
  let at = 0;
  for (const [s, e] of ranges) {
    text += folded.slice(at, s) + " ".repeat(e - s);
    at = e;
  }
  return { text: text + folded.slice(at), ranges };
}

// ── Sentence and clause context ──────────────────────────────────────────────────────────────────────────

/** Whitespace code units, including the no-break spaces French puts before "?" and ":". */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2009;

function isSentenceEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 33 || c === 63 || c === 0x2026 || c === 10) return true; // ! ? … newline
  // "." ends a sentence only before a space or the end: "20.5" stays inside (links are already blanked).
  if (c === 46) return i + 1 >= text.length || isSpace(text.charCodeAt(i + 1));
  return false;
}

function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (isSentenceEnd(text, i)) return i + 1;
  return 0;
}

function sentenceEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (isSentenceEnd(text, i)) return i + 1;
  return text.length;
}

/** , ; : ( ) — – */
const CLAUSE_BREAK: ReadonlySet<number> = new Set([44, 59, 58, 40, 41, 0x2014, 0x2013]);
/** A negation further back than this belongs to another thought. */
const NEGATION_WINDOW = 60;

/** "If you don't pay, we will close your account": the comma ends the negated clause. */
function clauseStart(text: string, at: number): number {
  const floor = Math.max(0, at - NEGATION_WINDOW);
  for (let i = at - 1; i >= floor; i--) {
    if (isSentenceEnd(text, i) || CLAUSE_BREAK.has(text.charCodeAt(i))) return i + 1;
  }
  return floor;
}

function negatedBefore(text: string, at: number): boolean {
  const before = text.slice(clauseStart(text, at), at);
  // Most clauses hold no negation at all: only then pay for blanking "n'hésitez pas" and the like.
  if (!NEGATION_RE.test(before)) return false;
  NEGATION_IGNORE_RE.lastIndex = 0;
  return NEGATION_RE.test(before.replace(NEGATION_IGNORE_RE, " "));
}

/** "Refunds aren't possible": a negation in the few words right after the match. */
function negatedAfter(text: string, at: number): boolean {
  NEGATION_AFTER_RE.lastIndex = at;
  return NEGATION_AFTER_RE.test(text);
}

// ── Rules ────────────────────────────────────────────────────────────────────────────────────────────────

interface Draft {
  rule: LintRuleId;
  level: LintLevel;
  /** Offsets in the original text. */
  start: number;
  end: number;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Phrase rules on the masked folded text; yields folded offsets. */
function phraseMatches(masked: string, push: (rule: PhraseRule, s: number, e: number) => void): void {
  PHRASE_RE.lastIndex = 0;
  for (let m = PHRASE_RE.exec(masked); m !== null; m = PHRASE_RE.exec(masked)) {
    const s = m.index;
    if (m[0].length === 0) {
      PHRASE_RE.lastIndex++;
      continue;
    }
    const ruleAt = firstAt(RULE_AT, masked, s);
    const patternAt = ruleAt && firstAt(ruleAt[0].patterns, masked, s);
    if (!ruleAt || !patternAt) continue; // cannot happen: the same patterns matched here
    const rule = ruleAt[0].rule;
    const [{ spec: pattern }, e] = patternAt;
    if (excused(masked, rule, pattern, s, e)) {
      // Another rule's pattern may start inside an excused span: look again from the next position.
      PHRASE_RE.lastIndex = s + 1;
      continue;
    }
    push(rule, s, e);
  }
}

/**
 * Whether the context excuses a match: not a request, the customer's own action or choice, moved to private,
 * or negated. Cheapest checks first; any one excuses.
 */
function excused(masked: string, rule: PhraseRule, pattern: PatternSpec, s: number, e: number): boolean {
  if (rule.privateOk || rule.needsRequest || rule.consentOk) {
    const from = sentenceStart(masked, s);
    if (rule.needsRequest && !pattern.selfRequest && !REQUEST_RE.test(masked.slice(from, s))) return true;
    if (rule.consentOk && OWN_ACTION_RE.test(masked.slice(clauseStart(masked, s), s))) return true;
    if (rule.privateOk || rule.consentOk) {
      const sentence = masked.slice(from, sentenceEnd(masked, e));
      if (rule.privateOk && PRIVATE_RE.test(sentence)) return true;
      if (rule.consentOk && CONSENT_RE.test(sentence)) return true;
    }
  }
  return pattern.negatable === true && (negatedBefore(masked, s) || negatedAfter(masked, e));
}

/** Phone, IBAN and card numbers (plus the e-mails found earlier). Overlaps keep the earliest, longest. */
function exposures(folded: string, emailSpans: readonly [number, number][]): [number, number][] {
  const found: [number, number][] = [...emailSpans];
  for (const { spec, re } of EXPOSURE) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (spec.validate && !spec.validate(m[0])) continue;
      found.push([m.index, m.index + m[0].length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: [number, number][] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last && span[0] < last[1]) continue;
    kept.push(span);
  }
  return kept;
}

interface TokenStats {
  cased: number;
  upper: number;
  digit: boolean;
}

/**
 * Cased and upper-case letter counts of a token. ASCII tokens (most of them) are counted by code; others use
 * whole-token case conversions (a unit is cased when its lower and upper forms differ).
 */
function tokenStats(token: string): TokenStats {
  let cased = 0;
  let up = 0;
  let digit = false;
  let ascii = true;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      cased++;
      up++;
    } else if (c >= 97 && c <= 122) cased++;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { cased, upper: up, digit };
  cased = 0;
  up = 0;
  const lower = token.toLowerCase();
  const upper = token.toUpperCase();
  if (lower.length === token.length && upper.length === token.length) {
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      if (c >= 48 && c <= 57) digit = true;
      else if (lower.charCodeAt(i) !== upper.charCodeAt(i)) {
        cased++;
        if (c === upper.charCodeAt(i)) up++;
      }
    }
    return { cased, upper: up, digit };
  }
  // "ß" → "SS", "İ" → "i̇": compare character by character.
  for (const ch of token) {
    if (ch >= "0" && ch <= "9") digit = true;
    else if (ch.toLowerCase() !== ch.toUpperCase()) {
      cased++;
      if (ch === ch.toUpperCase()) up++;
    }
  }
  return { cased, upper: up, digit };
}

/**
 * Shouting: runs of all-capital words (two of them with 3+ letters), or a mostly-capitals reply. Acronyms and
 * words with digits ("4G") neither count nor break a run; @handles, hashtags, links and placeholders are
 * skipped (`skip`: sorted, merged original offsets).
 */
function capitals(text: string, skip: readonly [number, number][]): Draft[] {
  const drafts: Draft[] = [];
  let skipIndex = 0;
  let upperTotal = 0;
  let casedTotal = 0;
  // The current run: first and last capital word, and how many of its words are long enough to shout.
  let runStart = -1;
  let runEnd = -1;
  let runWords = 0;
  const closeRun = () => {
    if (runWords >= minRunWords) {
      drafts.push({ rule: "capitals", level: "warn", start: runStart, end: runEnd, key: "capitals" });
    }
    runStart = -1;
    runEnd = -1;
    runWords = 0;
  };
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    while (skipIndex < skip.length && (skip[skipIndex]?.[1] ?? 0) <= start) skipIndex++;
    const range = skip[skipIndex];
    if (range && range[0] < end) continue;
    const { cased, upper, digit } = tokenStats(token);
    if (cased === 0) continue; // numbers, uncased scripts: neutral
    const allCaps = upper === cased;
    // Acronyms and words with digits are names: they neither count nor break a run.
    const name = digit || (allCaps && ACRONYM_SET.has(token));
    if (!allCaps) {
      closeRun();
    } else if (!name) {
      // Short words ("WE", "I") belong to the shouted span, but only 3+ letter words make it shouting.
      if (runStart < 0) runStart = start;
      runEnd = end;
      if (cased >= minWordLetters) runWords++;
    }
    if (!name) {
      casedTotal += cased;
      upperTotal += upper;
    }
  }
  closeRun();
  if (drafts.length === 0 && casedTotal >= minLettersForShare && upperTotal / casedTotal > maxUpperShare) {
    drafts.push({ rule: "capitals", level: "warn", start: 0, end: text.length, key: "capitals-share" });
  }
  return drafts;
}

/** "fr-CA" → "fr"; anything but fr/en → null (the rule stays silent). */
function primaryLang(lang: string): "fr" | "en" | null {
  const lower = lang.toLowerCase();
  for (const code of ["fr", "en"] as const) {
    if (lower === code || lower.startsWith(`${code}-`) || lower.startsWith(`${code}_`)) return code;
  }
  return null;
}

/**
 * The reply's language by stopword count, or null when too short or too mixed to tell. A deliberately tiny
 * local check (the classifier in lib/detect is a separate, heavier concern).
 */
function replyLanguage(masked: string): "fr" | "en" | null {
  let words = 0;
  let en = 0;
  let fr = 0;
  // A hand-written scan: the folded text is almost all ASCII, and a per-word regex exec costs more.
  let start = -1;
  for (let i = 0; i <= masked.length; i++) {
    const c = i < masked.length ? masked.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0x80 && LETTER_RE.test(masked[i] ?? ""));
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const word = masked.slice(start, i);
    start = -1;
    words++;
    if (STOP_EN.has(word)) en++;
    if (STOP_FR.has(word)) fr++;
  }
  if (words < minWords) return null;
  if (fr >= minStopwords && fr >= en * dominance && fr > en) return "fr";
  if (en >= minStopwords && en >= fr * dominance && en > fr) return "en";
  return null;
}

const defaultMeasure = (text: string): number => twitter.parseTweet(text).weightedLength;

function fill(text: string, vars: Record<string, string | number> | undefined): string {
  let out = text;
  for (const [name, value] of Object.entries(vars ?? {})) out = out.replaceAll(`{${name}}`, String(value));
  return out;
}

// ── Entry points ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * All warnings for `text`, ordered by start offset, then rule id, then end offset. Never throws on any string
 * (a custom `measure` that throws is the caller's).
 */
export function lintReply(text: string, ctx: LintContext): LintWarning[] {
  const drafts: Draft[] = [];
  const folded = fold(text);
  const emailSpans = emails(folded.text);
  const { text: masked, ranges } = mask(folded.text, emailSpans);
  const span = (s: number, e: number) => toOriginal(folded, text, s, e);

  phraseMatches(masked, (rule, s, e) => {
    const [start, end] = span(s, e);
    drafts.push({ rule: rule.rule, level: rule.level, start, end, key: rule.rule });
  });

  for (const [s, e] of exposures(folded.text, emailSpans)) {
    const [start, end] = span(s, e);
    drafts.push({ rule: "personal-data", level: "block", start, end, key: "personal-data-exposed" });
  }

  // Placeholders are matched on the original text: case is what tells "[NAME]" or "TODO" from prose.
  const skip = ranges.map(([s, e]) => span(s, e));
  PLACEHOLDER_RE.lastIndex = 0;
  for (let m = PLACEHOLDER_RE.exec(text); m !== null; m = PLACEHOLDER_RE.exec(text)) {
    if (m[0].length === 0) {
      PLACEHOLDER_RE.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    drafts.push({ rule: "placeholder", level: "block", start: m.index, end, key: "placeholder" });
    skip.push([m.index, end]);
  }
  drafts.push(...capitals(text, merge(skip)));

  if (ctx.severity >= 2 && !APOLOGY_RE.test(masked)) {
    drafts.push({
      rule: "no-apology",
      level: ctx.severity >= 3 ? "block" : "warn",
      start: 0,
      end: text.length,
      key: "no-apology",
    });
  }

  const length = (ctx.measure ?? defaultMeasure)(text);
  if (length > ctx.maxLength) {
    drafts.push({
      rule: "too-long",
      level: "block",
      start: 0,
      end: text.length,
      key: "too-long",
      vars: { over: length - ctx.maxLength, length, max: ctx.maxLength },
    });
  }

  const postLang = primaryLang(String(ctx.postLang ?? ""));
  if (postLang) {
    const replyLang = replyLanguage(masked);
    if (replyLang && replyLang !== postLang) {
      drafts.push({
        rule: "wrong-language",
        level: "warn",
        start: 0,
        end: text.length,
        key: "wrong-language",
        vars: { replyLang, postLang },
      });
    }
  }

  drafts.sort((a, b) => a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || a.end - b.end);
  return drafts.map((d) => toWarning(text, d));
}

function toWarning(text: string, d: Draft): LintWarning {
  const texts = MESSAGES[d.key];
  let message: Bilingual = texts.message;
  if (d.rule === "too-long") {
    message = { en: fill(message.en, d.vars), fr: fill(message.fr, d.vars) };
  } else if (d.rule === "wrong-language" && d.vars) {
    const reply = LANGUAGE_NAMES[d.vars.replyLang as "fr" | "en"];
    const post = LANGUAGE_NAMES[d.vars.postLang as "fr" | "en"];
    message = {
      en: fill(message.en, { reply: reply.en, post: post.en }),
      fr: fill(message.fr, { reply: reply.fr, post: post.fr }),
    };
  }
  return {
    rule: d.rule,
    level: d.level,
    start: d.start,
    end: d.end,
    excerpt: text.slice(d.start, d.end),
    message,
    fix: texts.fix,
  };
}

/** Whether the reply must not be inserted as it is (at least one warning of level "block"). */
export function isBlocking(warnings: readonly LintWarning[]): boolean {
  return warnings.some((w) => w.level === "block");
}
