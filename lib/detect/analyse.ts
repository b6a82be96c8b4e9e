/**
 * The lexicon engine: one pass over a post that tokenises it, finds the lexicon's cues (negation, sarcasm,
 * durations, shouting) and leaves everything it learnt in module-level scratch state (`an` and the token arrays).
 * Two readers share that state so a post is tokenised once: the baseline decision in ./index.ts and the hashed
 * features of the trained model in ./features.ts.
 *
 * Everything is compiled once at module load; a call scans the post once (./normalize.ts scanTokens), looks each
 * word up once in a hash table, and writes into preallocated typed arrays. No closure and no string per token is
 * created (the helpers below are module functions over module state): both were a measurable share of the cost
 * on a timeline of posts.
 *
 * Type-only imports from ../schemas: the content-script bundle must not pull Zod in for this.
 */
import { CATEGORIES } from "../constants";
import type { Category, Lang } from "../schemas";
import { addVotes, langFromAttr, langFromVotes, STOP_MAP } from "./lang";
import {
  BANG_WEIGHT,
  BIAS,
  BRAND_WEIGHT,
  CAPS_WEIGHT,
  type CueKind,
  DURATION_CONTEXT_WEIGHT,
  DURATION_WEIGHT,
  type LexiconWords,
  NEGATED_NEG_WEIGHT,
  NEGATED_PRAISE_WEIGHT,
  SARCASM_IRONY_WEIGHT,
  SARCASM_TRIGGER_MIN,
  SARCASM_WEIGHT,
  TOPIC_WEIGHT_CAP,
} from "./lexicon";
import {
  composeText,
  fold,
  phraseTokens,
  scanTokens,
  TOKEN_BANG,
  TOKEN_EMOJI,
  TOKEN_HASHTAG,
  TOKEN_MENTION,
  TOKEN_PUNCT,
  TOKEN_URL,
  TOKEN_WORD,
} from "./normalize";

export interface AnalyseMeta {
  langAttr?: string | null;
  brandHandles?: readonly string[];
  brandKeywords?: readonly string[];
}

/**
 * Past this, only the head and the tail of a post are read (X allows 25,000 characters; the page schema 40,000):
 * complaints open or close a long post, and the cost stays bounded.
 */
const MAX_CHARS = 10_000;
const TAIL_CHARS = 2_000;
export const MAX_TOKENS = 4_000;
const MAX_EVENTS = 1_000;
export const MAX_REASONS = 10;
const MAX_REASON_CHARS = 200;
/** A resolution word ("réglé", "fixed") cancels problem cues up to this many tokens before it. */
const RESOLUTION_REACH = 6;
const RESOLUTION_REACH_BEFORE = 3;
/** A solved problem is good news. */
const RESOLVED_WEIGHT = -0.8;
/** Praise can only pull the score down so far: "merci, merci, top, génial" is not more praise than "top". */
const PRAISE_FLOOR = -3;

export const CATEGORY_LIST: readonly Category[] = CATEGORIES;
const CATEGORY_INDEX = new Map<Category, number>(CATEGORY_LIST.map((c, i) => [c, i]));
const OTHER_INDEX = CATEGORY_LIST.length - 1;
/**
 * "service" (how the complaint is handled: no answer, on hold) and "other" (trains, flights) ride along with
 * most complaints; they win only when nothing more specific is named. "Prélevé deux fois et aucune réponse"
 * is a billing complaint.
 */
const CATEGORY_FACTOR: readonly number[] = CATEGORY_LIST.map((c) => (c === "service" ? 0.6 : c === "other" ? 0.5 : 1));

const FR = 1;
const EN = 2;

interface Cue {
  id: number;
  tokens: readonly string[];
  /** Word-table slot of each token (the comparison made while matching). */
  slots: Int32Array;
  mask: number;
  kind: CueKind;
  weight: number;
  severity: number;
  /** Index in CATEGORY_LIST, -1 when the cue implies none. */
  category: number;
  outage: boolean;
  generic: boolean;
  after: boolean;
  res: boolean;
}

// ── Compiled once, by installLexicon ─────────────────────────────────────────────────────────────────────

// Word flags: what a word is for the rules below (negator, barrier, unit...).
const F_NEGATOR = 1;
const F_AFTER_NEGATOR = 2;
const F_BARRIER = 4;
const F_DURATION_CONTEXT = 8;
const F_NUMBER = 16;
const F_UNIT = 32;
const F_ACRONYM = 64;
/** "still"/"toujours" in front of a negation belong in the quoted reason: "toujours pas reçu". */
const F_NEGATION_LEAD = 128;
/** "plus": a negator before outage words only ("plus de réseau"), else "more". */
const F_PLUS = 256;
/** For the model's dense features (./features.ts): the post speaks to someone; it talks money. */
export const F_SECOND_PERSON = 512;
export const F_MONEY = 1024;

/**
 * Every word the rules know (cue tokens, function words, the lists above) in one open-addressing table keyed by
 * FNV-1a of the folded word, built once. A token is looked up once, from a hash computed while scanning, and a
 * hit is confirmed by comparing the text, so the table answers exactly like string Maps would, without
 * creating a string per token or hashing it again for each Map (a third of a post's cost before).
 */
interface WordEntry {
  flags: number;
  langBits: number;
  /** Cues starting with this word, longest first, so "pas de souci" wins over "pas". */
  cues: Cue[] | undefined;
}
// The word table and the cues: compiled from the lexicon's words by installLexicon (lib/detect/index.ts installs
// the built-in lexicon on import; the content script installs the copy it fetches, so its bundle does not carry the
// words, only the rules).
let CUES: Cue[] = [];
let TABLE_MASK = 0;
let slotKey = new Uint32Array(0);
let slotUsed = new Uint8Array(0);
let slotWord: string[] = [];
let slotFlags = new Int32Array(0);
let slotLang = new Int32Array(0);
let slotCues: Array<Cue[] | undefined> = [];
/** Cue id → the call that last counted it, so a repeated word adds its weight once. */
let cueStamp = new Int32Array(0);
let installed = false;

function fnv(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Compiles the lexicon's words into the tables the rules read; call once before `analyse` (replaces any before). */
export function installLexicon(words: LexiconWords): void {
  const entries = new Map<string, WordEntry>();
  const entryOf = (word: string): WordEntry => {
    let e = entries.get(word);
    if (e === undefined) {
      e = { flags: 0, langBits: 0, cues: undefined };
      entries.set(word, e);
    }
    return e;
  };

  const cues: Cue[] = [];
  for (const group of words.groups) {
    const mask = group.lang === "fr" ? FR : group.lang === "en" ? EN : FR | EN;
    for (const phrase of group.phrases.split("|")) {
      const tokens = phraseTokens(phrase);
      const first = tokens[0];
      if (first === undefined) continue;
      const cue: Cue = {
        id: cues.length,
        tokens,
        slots: new Int32Array(tokens.length),
        mask,
        kind: group.kind,
        weight: group.weight,
        severity: group.severity ?? 0,
        category: group.category ? (CATEGORY_INDEX.get(group.category) ?? -1) : -1,
        outage: group.category === "outage",
        generic: group.generic ?? false,
        after: group.after ?? false,
        res: group.res ?? false,
      };
      cues.push(cue);
      for (const t of tokens) entryOf(t);
      const e = entryOf(first);
      if (e.cues) e.cues.push(cue);
      else e.cues = [cue];
    }
  }
  // Stable sort: among phrases of the same length, the first declared wins (lexicon order is priority order).
  for (const e of entries.values()) e.cues?.sort((a, b) => b.tokens.length - a.tokens.length);

  const flagWords = (words: string, flag: number) => {
    for (const w of words.split("|")) entryOf(fold(w)).flags |= flag;
  };
  flagWords(words.negators, F_NEGATOR);
  flagWords(words.afterNegators, F_AFTER_NEGATOR);
  flagWords(words.barriers, F_BARRIER);
  flagWords(words.durationContext, F_DURATION_CONTEXT);
  flagWords(words.numberWords, F_NUMBER);
  flagWords(words.durationUnits, F_UNIT);
  flagWords(words.acronyms, F_ACRONYM);
  flagWords("toujours|still|encore|always|n|ne", F_NEGATION_LEAD);
  flagWords("plus", F_PLUS);
  flagWords("vous|votre|vos|tu|ton|ta|tes|toi|you|your|youre|yours|u|ur", F_SECOND_PERSON);
  flagWords("euro|euros|eur|balles|dollar|dollars|bucks|usd|gbp|pounds", F_MONEY);
  for (const [word, bits] of STOP_MAP) entryOf(word).langBits |= bits;

  let size = 1024;
  while (size < entries.size * 2) size *= 2;
  TABLE_MASK = size - 1;
  slotKey = new Uint32Array(size);
  slotUsed = new Uint8Array(size);
  slotWord = new Array(size).fill("");
  slotFlags = new Int32Array(size);
  slotLang = new Int32Array(size);
  slotCues = new Array(size).fill(undefined);
  const slotOf = new Map<string, number>();
  for (const [word, e] of entries) {
    const h = fnv(word, 0, word.length);
    let i = h & TABLE_MASK;
    while (slotUsed[i] === 1) i = (i + 1) & TABLE_MASK;
    slotUsed[i] = 1;
    slotKey[i] = h;
    slotWord[i] = word;
    slotFlags[i] = e.flags;
    slotLang[i] = e.langBits;
    slotCues[i] = e.cues;
    slotOf.set(word, i);
  }
  for (const cue of cues)
    cue.tokens.forEach((t, k) => {
      cue.slots[k] = slotOf.get(t) ?? -1;
    });

  CUES = cues;
  cueStamp = new Int32Array(cues.length);
  installed = true;
}

export function lexiconInstalled(): boolean {
  return installed;
}

/** Slot of the word text[start, end) whose hash is h, or -1 when the rules do not know it. */
function lookup(text: string, start: number, end: number, h: number): number {
  for (let i = h & TABLE_MASK; slotUsed[i] === 1; i = (i + 1) & TABLE_MASK) {
    if (slotKey[i] !== h) continue;
    const word = slotWord[i] ?? "";
    if (word.length === end - start && text.startsWith(word, start)) return i;
  }
  return -1;
}

const flagsOf = (slot: number) => (slot < 0 ? 0 : (slotFlags[slot] ?? 0));
/** F_* flags of token i of the current post (0 for words the rules do not know). */
export const tokenFlags = (i: number) => flagsOf(tokSlot[i] ?? -1);
/** Token i is a function word of some language ("all", "the", "pour"): never worth quoting as a reason. */
export const isFunctionWord = (i: number) => {
  const slot = tokSlot[i] ?? -1;
  return slot >= 0 && (slotLang[slot] ?? 0) !== 0;
};

/** "3h", "48h", "20min", "2hrs", "10j": number and unit written as one token. */
const COMPACT_DURATION_RE = /^\d{1,4}(?:h|min|mins|mn|j|hr|hrs|jrs|days|weeks|wks|ans|yrs)$/;

// ── Per-call scratch space, reused (analyse is synchronous and never re-entered) ─────────────────────────

/** Word-table slot of each token (-1: unknown word, or not a word, hashtag or emoji). */
const tokSlot = new Int32Array(MAX_TOKENS);
/** Hashtags: slot of the tag without "#" ("#panne" counts as "panne"). */
const tokBodySlot = new Int32Array(MAX_TOKENS);
/** Offsets of each token in `an.src` (= in `an.folded`: folding keeps offsets). */
export const tokStart = new Int32Array(MAX_TOKENS);
export const tokEnd = new Int32Array(MAX_TOKENS);
/** TOKEN_* kind of each token. */
export const tokKind = new Uint8Array(MAX_TOKENS);
const tokClause = new Int32Array(MAX_TOKENS);
/** Tokens inside a "neutral" phrase: their words neither negate nor count. */
const tokNeutral = new Uint8Array(MAX_TOKENS);

const EV_CUE = 0;
const EV_DURATION = 1;
const EV_BANG = 2;
const evType = new Uint8Array(MAX_EVENTS);
const evCue = new Int32Array(MAX_EVENTS);
const evFrom = new Int32Array(MAX_EVENTS);
const evTo = new Int32Array(MAX_EVENTS);
/** Index of the negating token, -1 when none. */
const evNeg = new Int32Array(MAX_EVENTS);
let events = 0;

/** Source offsets of the spans to quote as reasons; the detector may append its own before collecting. */
export const reasonStart = new Int32Array(MAX_EVENTS + MAX_REASONS);
export const reasonEnd = new Int32Array(MAX_EVENTS + MAX_REASONS);
const catEvidence = new Float64Array(CATEGORY_LIST.length);
const catFirst = new Int32Array(CATEGORY_LIST.length);
let stamp = 0;

// Running totals of the current call, read and written by the helpers below.
let sum = 0;
let maxSeverity = 0;
let trigger = false;

/**
 * What one call learnt about the post. A single object, overwritten by every call: read it before the next one.
 * The counters are the lexicon's dense features for the trained model (./features.ts).
 */
export const an = {
  /** The text as read (head and tail of a long post, NFC): reasons are quoted from it. */
  src: "",
  /** `src` folded (same length). */
  folded: "",
  /** Token count. */
  n: 0,
  lang: "und" as Lang,
  /** The post names the brand (@handle or keyword). */
  brand: false,
  /** The baseline's logit: BIAS + cue weights; a complaint when ≥ 0. */
  sum: 0,
  /** Highest severity of the cues that fired (0 when none). */
  maxSeverity: 0,
  category: "other" as Category,
  /** Spans written to reasonStart/reasonEnd. */
  reasons: 0,
  /** Weight of the complaint cues that fired, by the severity they imply (index 0: cues with no severity). */
  sevWeight: new Float64Array(4),
  /** Negated expectations ("pas reçu", "not working"). */
  negExp: 0,
  /** Negated complaint words ("pas de souci avec", "never had a problem"). */
  negNeg: 0,
  /** Negated praise ("pas top", "not happy"). */
  negPraise: 0,
  /** Praise read as sarcasm: 1 with a complaint cue, 2 with an irony marker. */
  sarcasm: 0,
  /** Genuine praise, as the (negative) weight it added; 0 when none or sarcastic. */
  praise: 0,
  irony: false,
  wait: false,
  /** Waiting duration: 0 none, 1 a duration, 2 an explicit wait ("depuis 3 jours", "2 hours on hold"). */
  duration: 0,
  topic: 0,
  /** Repetition weight ("encore", "again"). */
  rep: 0,
  /** Resolution words that closed a problem ("réglé", "fixed"). */
  resolved: 0,
  /** "!!", "?!" runs. */
  bangs: 0,
  /** Question marks, alone or in runs. */
  questions: 0,
  /** ALL CAPS words (names and acronyms excepted). */
  caps: 0,
  capsCue: false,
  hashtags: 0,
  mentions: 0,
  /** The post opens with a mention (a reply or a post addressed to someone). */
  leadMention: false,
  urls: 0,
  /** Anger hashtags and emoji that fired ("#yenamarre", "#fail", 😡). */
  anger: 0,
  /** Words in the post (not mentions, hashtags, emoji or URLs). */
  words: 0,
  /** Token of the first complaint cue that fired (weight ≥ 1), of the first and last praise word; -1 when none. */
  firstCue: -1,
  firstPraise: -1,
  lastPraise: -1,
};

/** Small caches: settings arrays are the same objects call after call. */
let handlesRef: readonly string[] | undefined;
let handleSet = new Set<string>();
let keywordsRef: readonly string[] | undefined;
let keywordList: string[] = [];

/** Same contents as the cached array: callers that rebuild the array per call still hit the cache. */
function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function brandHandleSet(handles: readonly string[] | undefined): Set<string> {
  if (!sameList(handles, handlesRef)) {
    handlesRef = handles ? [...handles] : undefined; // a copy: the caller may mutate its array
    handleSet = new Set((handles ?? []).map((h) => fold(h.trim().replace(/^@/, ""))).filter((h) => h.length > 0));
  }
  return handleSet;
}

function isBrandWord(word: string, handles: Set<string>, keywords: readonly string[]): boolean {
  return handles.has(word) || keywords.includes(word);
}

function brandKeywordList(keywords: readonly string[] | undefined): string[] {
  if (!sameList(keywords, keywordsRef)) {
    keywordsRef = keywords ? [...keywords] : undefined;
    keywordList = (keywords ?? []).map((k) => fold(k.trim())).filter((k) => k.length >= 2);
  }
  return keywordList;
}

// Scanner state: onToken is a module function (no closure per call) fed by scanTokens.
let scanText = "";
let scanCount = 0;
let scanClause = 0;
let scanWords = 0;
const votes = new Int32Array(8);

function onToken(kind: number, start: number, end: number): boolean {
  const n = scanCount;
  tokStart[n] = start;
  tokEnd[n] = end;
  tokKind[n] = kind;
  tokClause[n] = scanClause;
  tokNeutral[n] = 0;
  let slot = -1;
  if (kind === TOKEN_WORD || kind === TOKEN_HASHTAG || kind === TOKEN_EMOJI) {
    slot = lookup(scanText, start, end, fnv(scanText, start, end));
    if (kind === TOKEN_WORD) {
      scanWords++;
      if (slot >= 0) addVotes(votes, slotLang[slot] ?? 0);
    } else if (kind === TOKEN_HASHTAG) {
      tokBodySlot[n] = lookup(scanText, start + 1, end, fnv(scanText, start + 1, end));
    }
  }
  tokSlot[n] = slot;
  scanCount = n + 1;
  if (kind === TOKEN_PUNCT || kind === TOKEN_BANG) scanClause++;
  return scanCount < MAX_TOKENS;
}

function tokenize(folded: string): number {
  scanText = folded;
  scanCount = 0;
  scanClause = 0;
  scanWords = 0;
  votes.fill(0);
  scanTokens(folded, onToken);
  return scanCount;
}

function cueAt(i: number, n: number, mask: number): Cue | null {
  const slot = tokSlot[i] ?? -1;
  let list = slot >= 0 ? slotCues[slot] : undefined;
  if (list === undefined && tokKind[i] === TOKEN_HASHTAG) {
    // "#panne", "#retard": a hashtag that is a cue word counts as the word (single-word cues only).
    const body = tokBodySlot[i] ?? -1;
    list = body >= 0 ? slotCues[body] : undefined;
    if (list === undefined) return null;
    for (const cue of list) if (cue.mask & mask && cue.tokens.length === 1) return cue;
    return null;
  }
  if (list === undefined) return null;
  for (const cue of list) {
    if (!(cue.mask & mask)) continue;
    const len = cue.tokens.length;
    if (i + len > n) continue;
    let k = 1;
    while (k < len && tokSlot[i + k] === cue.slots[k]) k++;
    if (k === len) return cue;
  }
  return null;
}

/** The negating word before the cue (up to three words back, same clause, not across "but"/"mais"), or -1. */
function negatorBefore(i: number, cue: Cue): number {
  const clause = tokClause[i];
  let steps = 0;
  for (let j = i - 1; j >= 0 && steps < 3; j--) {
    if (tokClause[j] !== clause) break;
    const kind = tokKind[j];
    if (kind !== TOKEN_WORD) {
      if (kind === TOKEN_PUNCT || kind === TOKEN_BANG) break;
      continue;
    }
    const flags = flagsOf(tokSlot[j] ?? -1);
    if (flags & F_BARRIER) break;
    if (tokNeutral[j] === 0 && (flags & F_NEGATOR || (flags & F_PLUS && cue.outage && cue.kind === "exp"))) return j;
    steps++;
  }
  return -1;
}

/** French negation after a verb ("ça marche pas"): up to two words after, same clause, or -1. */
function negatorAfter(last: number, n: number): number {
  const clause = tokClause[last];
  let steps = 0;
  for (let j = last + 1; j < n && steps < 2; j++) {
    if (tokClause[j] !== clause || tokKind[j] !== TOKEN_WORD) break;
    if (tokNeutral[j] === 0 && flagsOf(tokSlot[j] ?? -1) & F_AFTER_NEGATOR) return j;
    steps++;
  }
  return -1;
}

/** A number of one to four digits, or a number word ("trois", "several"). */
function isNumberToken(folded: string, i: number): boolean {
  const start = tokStart[i] ?? 0;
  const end = tokEnd[i] ?? 0;
  const c = folded.charCodeAt(start);
  if (!(c >= 48 && c <= 57)) return (flagsOf(tokSlot[i] ?? -1) & F_NUMBER) !== 0;
  if (end - start > 4) return false;
  for (let k = start; k < end; k++) {
    const d = folded.charCodeAt(k);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** ALL CAPS in the author's text: letters present, none lowercase. */
function isCaps(src: string, start: number, end: number): boolean {
  const c = src.charCodeAt(start);
  // Cheap filter before slicing: the first letter must be uppercase.
  if (!((c >= 65 && c <= 90) || (c >= 0xc0 && src.charAt(start) !== src.charAt(start).toLowerCase()))) return false;
  const word = src.slice(start, end);
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

function addReason(fromTok: number, toTok: number): void {
  if (an.reasons >= MAX_EVENTS) return;
  reasonStart[an.reasons] = tokStart[fromTok] ?? 0;
  reasonEnd[an.reasons] = tokEnd[toTok] ?? 0;
  an.reasons++;
}

function addCategory(category: number, amount: number, at: number): void {
  if (category < 0) return;
  catEvidence[category] = (catEvidence[category] ?? 0) + amount * (CATEGORY_FACTOR[category] ?? 1);
  if (at < (catFirst[category] ?? MAX_TOKENS)) catFirst[category] = at;
}

/** Adds a cue's weight once per post (a repeated word is not more evidence); false when already counted. */
function countOnce(cue: Cue, weight: number): boolean {
  if (cueStamp[cue.id] === stamp) return false;
  cueStamp[cue.id] = stamp;
  sum += weight;
  return true;
}

function fire(cue: Cue, weight: number, severity: number, fromTok: number, toTok: number): void {
  if (countOnce(cue, weight)) {
    const s = severity > 3 ? 3 : severity;
    an.sevWeight[s] = (an.sevWeight[s] ?? 0) + weight;
    const kind = tokKind[fromTok];
    if (weight > 0 && (kind === TOKEN_HASHTAG || kind === TOKEN_EMOJI)) an.anger++;
  }
  if (severity > maxSeverity) maxSeverity = severity;
  if (weight >= SARCASM_TRIGGER_MIN) trigger = true;
  addCategory(cue.category, cue.generic ? 0.5 : 1.5, fromTok);
  // Intensifiers ("vraiment", "really") add weight but are not worth highlighting.
  if (weight >= 1) {
    addReason(fromTok, toTok);
    if (an.firstCue < 0) an.firstCue = fromTok;
  }
}

/**
 * Whether a resolution word, itself not negated, closes the cue at event e: after it ("problème réglé", "the
 * issue was fixed") or just before it ("resolved my problem").
 */
function resolved(e: number): boolean {
  const from = evFrom[e] ?? 0;
  const to = evTo[e] ?? 0;
  for (let f = e - 1; f >= 0 && from - (evTo[f] ?? 0) <= RESOLUTION_REACH_BEFORE; f--) {
    if (evType[f] === EV_CUE && (evNeg[f] ?? -1) < 0 && CUES[evCue[f] ?? 0]?.res) return true;
  }
  for (let f = e + 1; f < events && (evFrom[f] ?? 0) - to <= RESOLUTION_REACH; f++) {
    if (evType[f] === EV_CUE && (evNeg[f] ?? -1) < 0 && CUES[evCue[f] ?? 0]?.res) return true;
  }
  return false;
}

function resetCounters(): void {
  an.reasons = 0;
  an.sevWeight.fill(0);
  an.negExp = 0;
  an.negNeg = 0;
  an.negPraise = 0;
  an.sarcasm = 0;
  an.praise = 0;
  an.irony = false;
  an.wait = false;
  an.duration = 0;
  an.topic = 0;
  an.rep = 0;
  an.resolved = 0;
  an.bangs = 0;
  an.questions = 0;
  an.caps = 0;
  an.capsCue = false;
  an.hashtags = 0;
  an.mentions = 0;
  an.leadMention = false;
  an.urls = 0;
  an.anger = 0;
  an.firstCue = -1;
  an.firstPraise = -1;
  an.lastPraise = -1;
}

/** Reads one post into `an` and the token arrays. See the module comment. */
export function analyse(text: string, meta: AnalyseMeta): void {
  if (!installed) throw new Error("the detector's lexicon is not installed: import lib/detect, or call installLexicon");
  // Head and tail joined by a newline (a clause boundary): every quoted reason is still a substring of the post.
  const src = composeText(
    text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - TAIL_CHARS)}\n${text.slice(-TAIL_CHARS)}` : text,
  );
  const folded = fold(src);
  const n = tokenize(folded);
  const lang: Lang = langFromAttr(meta.langAttr) ?? langFromVotes(votes, scanWords, src);
  // Lexicons exist for fr and en; any other language is judged with both (cognates, code-switching).
  const mask = lang === "fr" ? FR : lang === "en" ? EN : FR | EN;
  const handles = brandHandleSet(meta.brandHandles);
  const keywords = brandKeywordList(meta.brandKeywords);
  an.src = src;
  an.folded = folded;
  an.n = n;
  an.lang = lang;
  resetCounters();
  an.words = scanWords;

  // ── Pass 1: find cues, durations, punctuation runs, shouting ───────────────────────────────────────────
  events = 0;
  let brand = false;
  let capsCount = 0;
  let capsCue = false;
  let caps1 = -1;
  let caps2 = -1;
  for (let i = 0; i < n && events < MAX_EVENTS; i++) {
    const kind = tokKind[i];
    if (kind === TOKEN_MENTION) {
      an.mentions++;
      if (i === 0) an.leadMention = true;
      if (handles.size > 0 && handles.has(folded.slice((tokStart[i] ?? 0) + 1, tokEnd[i] ?? 0))) brand = true;
      continue;
    }
    if (kind === TOKEN_BANG) {
      an.bangs++;
      if (folded.slice(tokStart[i] ?? 0, tokEnd[i] ?? 0).includes("?")) an.questions++;
      evType[events] = EV_BANG;
      evFrom[events] = i;
      evTo[events] = i;
      events++;
      continue;
    }
    if (kind === TOKEN_URL) {
      an.urls++;
      continue;
    }
    if (kind === TOKEN_PUNCT) {
      if (folded.charCodeAt(tokStart[i] ?? 0) === 63) an.questions++;
      continue;
    }
    if (kind === TOKEN_HASHTAG) an.hashtags++;

    let shouting = false;
    if (kind === TOKEN_WORD && (tokEnd[i] ?? 0) - (tokStart[i] ?? 0) >= 3) {
      // Brand names are often written in capitals ("SNCF", "ACME"): not shouting.
      if (
        isCaps(src, tokStart[i] ?? 0, tokEnd[i] ?? 0) &&
        !(flagsOf(tokSlot[i] ?? -1) & F_ACRONYM) &&
        !isBrandWord(folded.slice(tokStart[i] ?? 0, tokEnd[i] ?? 0), handles, keywords)
      ) {
        shouting = true;
        capsCount++;
        if (caps1 < 0) caps1 = i;
        else if (caps2 < 0) caps2 = i;
      }
    }

    const cue = cueAt(i, n, mask);
    if (cue !== null) {
      const last = kind === TOKEN_HASHTAG ? i : i + cue.tokens.length - 1;
      if (cue.kind === "neutral") {
        for (let k = i; k <= last; k++) tokNeutral[k] = 1;
      } else {
        if (shouting && cue.weight > 0) capsCue = true;
        evType[events] = EV_CUE;
        evCue[events] = cue.id;
        evFrom[events] = i;
        evTo[events] = last;
        events++;
      }
      i = last;
      continue;
    }

    if (kind === TOKEN_WORD) {
      const c0 = folded.charCodeAt(tokStart[i] ?? 0);
      if (c0 >= 48 && c0 <= 57 && COMPACT_DURATION_RE.test(folded.slice(tokStart[i] ?? 0, tokEnd[i] ?? 0))) {
        evType[events] = EV_DURATION;
        evFrom[events] = i;
        evTo[events] = i;
        events++;
      } else if (
        isNumberToken(folded, i) &&
        i + 1 < n &&
        tokKind[i + 1] === TOKEN_WORD &&
        flagsOf(tokSlot[i + 1] ?? -1) & F_UNIT
      ) {
        evType[events] = EV_DURATION;
        evFrom[events] = i;
        evTo[events] = i + 1;
        events++;
        i++;
      }
    }
  }
  if (!brand && keywords.length > 0) {
    for (const k of keywords) {
      if (folded.includes(k)) {
        brand = true;
        break;
      }
    }
  }
  an.brand = brand;
  an.caps = capsCount;
  an.capsCue = capsCue;

  // ── Pass 2: negation (now that every neutral phrase is marked), then weights ────────────────────────────
  for (let e = 0; e < events; e++) {
    evNeg[e] = -1;
    if (evType[e] !== EV_CUE) continue;
    const cue = CUES[evCue[e] ?? 0];
    if (cue === undefined || cue.kind === "topic" || cue.kind === "rep" || cue.kind === "wait" || cue.kind === "irony")
      continue;
    const from = evFrom[e] ?? 0;
    let neg = negatorBefore(from, cue);
    if (neg < 0 && cue.after && mask & FR) neg = negatorAfter(evTo[e] ?? from, n);
    evNeg[e] = neg;
  }

  stamp = (stamp + 1) | 0;
  catEvidence.fill(0);
  catFirst.fill(MAX_TOKENS);
  sum = BIAS;
  maxSeverity = 0;
  trigger = false;
  let topic = 0;
  let praise = 0;
  let irony = false;
  let wait = false;
  let firstPraise = -1;
  let firstBang = -1;

  for (let e = 0; e < events; e++) {
    const from = evFrom[e] ?? 0;
    const to = evTo[e] ?? 0;
    const type = evType[e];
    if (type === EV_BANG) {
      if (firstBang < 0) firstBang = from;
      continue;
    }
    if (type === EV_DURATION) continue; // after the loop: needs to know whether the post talks about waiting
    const cue = CUES[evCue[e] ?? 0];
    if (cue === undefined) continue;
    const neg = evNeg[e] ?? -1;
    switch (cue.kind) {
      case "neg":
        if (neg >= 0) {
          if (countOnce(cue, NEGATED_NEG_WEIGHT)) an.negNeg++;
          addCategory(cue.category, 1, from);
        } else if (!resolved(e)) {
          fire(cue, cue.weight, cue.severity, from, to);
        } else {
          an.resolved++;
          addCategory(cue.category, 1, from);
        }
        break;
      case "exp":
        if (neg >= 0) {
          let start = Math.min(neg, from);
          if (
            start > 0 &&
            flagsOf(tokSlot[start - 1] ?? -1) & F_NEGATION_LEAD &&
            tokClause[start - 1] === tokClause[start]
          )
            start--;
          an.negExp++;
          fire(cue, cue.weight, cue.severity, start, Math.max(neg, to));
        } else if (cue.res) {
          if (countOnce(cue, RESOLVED_WEIGHT)) an.resolved++;
        } else {
          // An expectation met or merely mentioned ("livré", "internet") still says what the post is about.
          addCategory(cue.category, 0.5, from);
        }
        break;
      case "pos":
        if (neg >= 0) {
          an.negPraise++;
          fire(cue, NEGATED_PRAISE_WEIGHT, 1, Math.min(neg, from), Math.max(neg, to));
        } else {
          if (cue.weight < 0) {
            if (an.firstPraise < 0) an.firstPraise = from;
            an.lastPraise = from;
          }
          if (cueStamp[cue.id] !== stamp) {
            cueStamp[cue.id] = stamp;
            praise += cue.weight;
            if (firstPraise < 0 && cue.weight < 0) firstPraise = e;
          }
        }
        break;
      case "rep":
        if (countOnce(cue, cue.weight)) an.rep += cue.weight;
        // "encore", "again" make praise sarcastic ("génial, encore…"); "toujours"/"still" are too common to.
        if (cue.weight >= 0.5) {
          trigger = true;
          addReason(from, to);
        }
        break;
      case "irony":
        irony = true;
        countOnce(cue, cue.weight);
        break;
      case "wait":
        wait = true;
        countOnce(cue, cue.weight);
        addCategory(cue.category, 0.5, from);
        addReason(from, to);
        break;
      case "topic":
        topic += cue.weight;
        addCategory(cue.category, 1, from);
        break;
      case "neutral":
        break;
    }
  }

  // Waiting durations: "3 semaines", "2 hours"; stronger with "depuis"/"since"/"on hold" around.
  let durationCounted = false;
  for (let e = 0; e < events; e++) {
    if (evType[e] !== EV_DURATION) continue;
    let from = evFrom[e] ?? 0;
    const to = evTo[e] ?? 0;
    let context = wait;
    for (let j = from - 1; j >= 0 && j >= from - 2 && tokClause[j] === tokClause[from]; j--) {
      if (flagsOf(tokSlot[j] ?? -1) & F_DURATION_CONTEXT) {
        context = true;
        from = j;
        break;
      }
    }
    if (!durationCounted) {
      durationCounted = true;
      an.duration = context ? 2 : 1;
      const weight = DURATION_WEIGHT + (context ? DURATION_CONTEXT_WEIGHT : 0);
      sum += weight;
      if (weight >= SARCASM_TRIGGER_MIN) trigger = true;
    }
    addReason(from, to);
  }

  // Praise: genuine, or sarcasm when the post also complains or winks ("merci pour ce retard", "bravo 👏🙄").
  if (firstPraise >= 0) {
    if (trigger || irony) {
      an.sarcasm = irony ? 2 : 1;
      sum += irony ? SARCASM_IRONY_WEIGHT : SARCASM_WEIGHT;
      addReason(evFrom[firstPraise] ?? 0, evTo[firstPraise] ?? 0);
      if (maxSeverity < 1) maxSeverity = 1;
    } else {
      an.praise = Math.max(praise, PRAISE_FLOOR);
      sum += an.praise;
    }
  }

  if (firstBang >= 0) {
    sum += BANG_WEIGHT;
    addReason(firstBang, firstBang);
  }
  if (capsCount >= 2 || capsCue) {
    sum += CAPS_WEIGHT;
    if (caps1 >= 0) addReason(caps1, caps1);
    if (caps2 >= 0) addReason(caps2, caps2);
  }
  an.topic = Math.min(topic, TOPIC_WEIGHT_CAP);
  sum += an.topic;
  if (brand) sum += BRAND_WEIGHT;
  an.irony = irony;
  an.wait = wait;
  an.sum = sum;
  an.maxSeverity = maxSeverity;

  let best = OTHER_INDEX;
  let bestEvidence = 0;
  for (let c = 0; c < CATEGORY_LIST.length; c++) {
    const ev = catEvidence[c] ?? 0;
    if (ev > bestEvidence || (ev === bestEvidence && ev > 0 && (catFirst[c] ?? 0) < (catFirst[best] ?? 0))) {
      best = c;
      bestEvidence = ev;
    }
  }
  an.category = CATEGORY_LIST[best] ?? "other";
}

/** Appends a span (source offsets) to the reasons of the current call: the model's own evidence. */
export function addReasonSpan(start: number, end: number): void {
  if (an.reasons >= reasonStart.length) return;
  reasonStart[an.reasons] = start;
  reasonEnd[an.reasons] = end;
  an.reasons++;
}

/**
 * Quoted spans in order of appearance, deduplicated (case-insensitively), a span inside the previous one
 * dropped ("waiting" within "waiting 45 minutes"), at most MAX_REASONS.
 */
export function collectReasons(): string[] {
  const src = an.src;
  const count = an.reasons;
  // Insertion sort by start, longer first on ties: a handful of entries, already nearly in order.
  for (let i = 1; i < count; i++) {
    const s = reasonStart[i] ?? 0;
    const e = reasonEnd[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && ((reasonStart[j] ?? 0) > s || ((reasonStart[j] ?? 0) === s && (reasonEnd[j] ?? 0) < e))) {
      reasonStart[j + 1] = reasonStart[j] ?? 0;
      reasonEnd[j + 1] = reasonEnd[j] ?? 0;
      j--;
    }
    reasonStart[j + 1] = s;
    reasonEnd[j + 1] = e;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  let coveredTo = -1;
  for (let i = 0; i < count && out.length < MAX_REASONS; i++) {
    const start = reasonStart[i] ?? 0;
    const end = reasonEnd[i] ?? 0;
    if (end <= coveredTo) continue;
    const quote = src.slice(start, end).slice(0, MAX_REASON_CHARS);
    const key = quote.toLowerCase();
    if (quote.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(quote);
    coveredTo = end;
  }
  return out;
}
