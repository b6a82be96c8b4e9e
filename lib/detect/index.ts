/**
 * Baseline complaint classifier: a weighted lexicon with negation, sarcasm and intensity rules, French and
 * English first. Pure and synchronous; everything is compiled once at module load and a call only walks the
 * post's tokens with Map lookups, so it costs microseconds (the content script runs it on every post of a
 * timeline). A trained model will replace it behind the same `detect()` signature; `model` in the result says
 * which one judged.
 *
 * Type-only imports from ../schemas: the content-script bundle must not pull Zod in for this.
 */
import type { Category, Detection, Lang, PostMetrics, Severity } from "../schemas";
import { langFromAttr, langFromTokens } from "./lang";
import {
  ACRONYMS,
  AFTER_NEGATORS,
  BANG_WEIGHT,
  BIAS,
  BRAND_WEIGHT,
  CAPS_WEIGHT,
  type CueKind,
  DURATION_CONTEXT,
  DURATION_CONTEXT_WEIGHT,
  DURATION_UNITS,
  DURATION_WEIGHT,
  LEXICON,
  NEGATED_NEG_WEIGHT,
  NEGATED_PRAISE_WEIGHT,
  NEGATION_BARRIERS,
  NEGATORS,
  NUMBER_WORDS,
  SARCASM_IRONY_WEIGHT,
  SARCASM_TRIGGER_MIN,
  SARCASM_WEIGHT,
  TOPIC_WEIGHT_CAP,
} from "./lexicon";
import {
  composeText,
  fold,
  phraseTokens,
  TOKEN_BANG,
  TOKEN_EMOJI,
  TOKEN_HASHTAG,
  TOKEN_MENTION,
  TOKEN_PUNCT,
  TOKEN_RE,
  TOKEN_URL,
  TOKEN_WORD,
} from "./normalize";

export { detectLang } from "./lang";

export const MODEL_ID = "baseline-lexicon-1";

export interface DetectMeta {
  /** The `lang` attribute the site put on the text. */
  langAttr?: string | null;
  /** The brand's own handles, with or without "@": a post addressed to the brand is more likely a complaint. */
  brandHandles?: readonly string[];
  /** Brand names and product names, as typed in the options. */
  brandKeywords?: readonly string[];
  /** Not used by the lexicon (reach changes urgency, not whether a post is a complaint); kept for the model. */
  metrics?: PostMetrics;
}

/**
 * Past this, only the head and the tail of a post are read (X allows 25,000 characters; the page schema 40,000):
 * complaints open or close a long post, and the cost stays bounded.
 */
const MAX_CHARS = 10_000;
const TAIL_CHARS = 2_000;
const MAX_TOKENS = 4_000;
const MAX_EVENTS = 1_000;
const MAX_REASONS = 10;
const MAX_REASON_CHARS = 200;
/** A resolution word ("réglé", "fixed") cancels problem cues up to this many tokens before it. */
const RESOLUTION_REACH = 6;
const RESOLUTION_REACH_BEFORE = 3;
/** A solved problem is good news. */
const RESOLVED_WEIGHT = -0.8;
/** Praise can only pull the score down so far: "merci, merci, top, génial" is not more praise than "top". */
const PRAISE_FLOOR = -3;

/** Same order as CATEGORIES in ../schemas (which we cannot import as a value without pulling Zod in). */
const CATEGORY_LIST: readonly Category[] = [
  "product",
  "delivery",
  "billing",
  "outage",
  "service",
  "account",
  "pricing",
  "other",
];
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
  mask: number;
  kind: CueKind;
  weight: number;
  severity: Severity;
  /** Index in CATEGORY_LIST, -1 when the cue implies none. */
  category: number;
  outage: boolean;
  generic: boolean;
  after: boolean;
  res: boolean;
}

// ── Compiled once at module load ─────────────────────────────────────────────────────────────────────────

const CUES: Cue[] = [];
/** First token → cues starting with it, longest first, so "pas de souci" wins over "pas". */
const LEX = new Map<string, Cue[]>();
for (const group of LEXICON) {
  const mask = group.lang === "fr" ? FR : group.lang === "en" ? EN : FR | EN;
  for (const phrase of group.phrases.split("|")) {
    const tokens = phraseTokens(phrase);
    const first = tokens[0];
    if (first === undefined) continue;
    const cue: Cue = {
      id: CUES.length,
      tokens,
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
    CUES.push(cue);
    const list = LEX.get(first);
    if (list) list.push(cue);
    else LEX.set(first, [cue]);
  }
}
// Stable sort: among phrases of the same length, the first declared wins (lexicon order is priority order).
for (const list of LEX.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

const wordSet = (words: string) => new Set(words.split("|").map((w) => fold(w)));
const NEGATOR_SET = wordSet(NEGATORS);
const AFTER_NEGATOR_SET = wordSet(AFTER_NEGATORS);
const BARRIER_SET = wordSet(NEGATION_BARRIERS);
const DURATION_CONTEXT_SET = wordSet(DURATION_CONTEXT);
const NUMBER_WORD_SET = wordSet(NUMBER_WORDS);
const UNIT_SET = wordSet(DURATION_UNITS);
const ACRONYM_SET = wordSet(ACRONYMS);
/** "still"/"toujours" in front of a negation belong in the quoted reason: "toujours pas reçu". */
const NEGATION_LEADS = new Set(["toujours", "still", "encore", "always", "n", "ne"]);
/** "3h", "48h", "20min", "2hrs", "10j": number and unit written as one token. */
const COMPACT_DURATION_RE = /^\d{1,4}(?:h|min|mins|mn|j|hr|hrs|jrs|days|weeks|wks|ans|yrs)$/;
const DIGITS_RE = /^\d{1,4}$/;

// ── Per-call scratch space, reused (detect is synchronous and never re-entered) ───────────────────────────

const tokText: string[] = [];
const tokStart = new Int32Array(MAX_TOKENS);
const tokEnd = new Int32Array(MAX_TOKENS);
const tokKind = new Uint8Array(MAX_TOKENS);
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

const reasonStart = new Int32Array(MAX_EVENTS);
const reasonEnd = new Int32Array(MAX_EVENTS);
const catEvidence = new Float64Array(CATEGORY_LIST.length);
const catFirst = new Int32Array(CATEGORY_LIST.length);
/** Cue id → the call that last counted it, so a repeated word adds its weight once. */
const cueStamp = new Int32Array(CUES.length);
let stamp = 0;

const isWordToken = (i: number) => tokKind[i] === TOKEN_WORD;

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

function brandKeywordList(keywords: readonly string[] | undefined): string[] {
  if (!sameList(keywords, keywordsRef)) {
    keywordsRef = keywords ? [...keywords] : undefined;
    keywordList = (keywords ?? []).map((k) => fold(k.trim())).filter((k) => k.length >= 2);
  }
  return keywordList;
}

function tokenize(folded: string): number {
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let n = 0;
  let clause = 0;
  for (let m = re.exec(folded); m !== null && n < MAX_TOKENS; m = re.exec(folded)) {
    const kind =
      m[1] !== undefined
        ? TOKEN_URL
        : m[2] !== undefined
          ? TOKEN_MENTION
          : m[3] !== undefined
            ? TOKEN_HASHTAG
            : m[4] !== undefined
              ? TOKEN_WORD
              : m[5] !== undefined
                ? TOKEN_EMOJI
                : m[6] !== undefined
                  ? TOKEN_BANG
                  : TOKEN_PUNCT;
    tokText[n] = m[0];
    tokStart[n] = m.index;
    tokEnd[n] = m.index + m[0].length;
    tokKind[n] = kind;
    tokClause[n] = clause;
    tokNeutral[n] = 0;
    n++;
    if (kind === TOKEN_PUNCT || kind === TOKEN_BANG) clause++;
  }
  return n;
}

function cueAt(i: number, n: number, mask: number): Cue | null {
  const first = tokText[i];
  if (first === undefined) return null;
  let list = LEX.get(first);
  if (list === undefined && tokKind[i] === TOKEN_HASHTAG) {
    // "#panne", "#retard": a hashtag that is a cue word counts as the word (single-word cues only).
    list = LEX.get(first.slice(1));
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
    while (k < len && tokText[i + k] === cue.tokens[k]) k++;
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
    const t = tokText[j] ?? "";
    if (BARRIER_SET.has(t)) break;
    if (tokNeutral[j] === 0 && (NEGATOR_SET.has(t) || (t === "plus" && cue.outage && cue.kind === "exp"))) return j;
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
    if (tokNeutral[j] === 0 && AFTER_NEGATOR_SET.has(tokText[j] ?? "")) return j;
    steps++;
  }
  return -1;
}

function isNumberToken(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 ? DIGITS_RE.test(t) : NUMBER_WORD_SET.has(t);
}

/** ALL CAPS in the author's text: letters present, none lowercase. */
function isCaps(src: string, start: number, end: number): boolean {
  const c = src.charCodeAt(start);
  // Cheap filter before slicing: the first letter must be uppercase.
  if (!((c >= 65 && c <= 90) || (c >= 0xc0 && src.charAt(start) !== src.charAt(start).toLowerCase()))) return false;
  const word = src.slice(start, end);
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Classify one post. See the module comment; `meta` carries what the page knows besides the text. */
export function detect(text: string, meta: DetectMeta = {}): Detection {
  // Head and tail joined by a newline (a clause boundary): every quoted reason is still a substring of the post.
  const src = composeText(
    text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - TAIL_CHARS)}\n${text.slice(-TAIL_CHARS)}` : text,
  );
  const folded = fold(src);
  const n = tokenize(folded);
  const lang: Lang = langFromAttr(meta.langAttr) ?? langFromTokens(tokText, n, src, isWordToken);
  // Lexicons exist for fr and en; any other language is judged with both (cognates, code-switching).
  const mask = lang === "fr" ? FR : lang === "en" ? EN : FR | EN;
  const handles = brandHandleSet(meta.brandHandles);
  const keywords = brandKeywordList(meta.brandKeywords);

  // ── Pass 1: find cues, durations, punctuation runs, shouting ───────────────────────────────────────────
  let events = 0;
  let brand = false;
  let capsCount = 0;
  let capsCue = false;
  let caps1 = -1;
  let caps2 = -1;
  for (let i = 0; i < n && events < MAX_EVENTS; i++) {
    const kind = tokKind[i];
    if (kind === TOKEN_MENTION) {
      if (handles.has((tokText[i] ?? "").slice(1))) brand = true;
      continue;
    }
    if (kind === TOKEN_BANG) {
      evType[events] = EV_BANG;
      evFrom[events] = i;
      evTo[events] = i;
      events++;
      continue;
    }
    if (kind !== TOKEN_WORD && kind !== TOKEN_HASHTAG && kind !== TOKEN_EMOJI) continue;

    let shouting = false;
    if (kind === TOKEN_WORD && (tokEnd[i] ?? 0) - (tokStart[i] ?? 0) >= 3) {
      const t = tokText[i] ?? "";
      // Brand names are often written in capitals ("SNCF", "ACME"): not shouting.
      if (
        isCaps(src, tokStart[i] ?? 0, tokEnd[i] ?? 0) &&
        !ACRONYM_SET.has(t) &&
        !handles.has(t) &&
        !keywords.includes(t)
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
      const t = tokText[i] ?? "";
      const c0 = t.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && COMPACT_DURATION_RE.test(t)) {
        evType[events] = EV_DURATION;
        evFrom[events] = i;
        evTo[events] = i;
        events++;
      } else if (isNumberToken(t) && i + 1 < n && tokKind[i + 1] === TOKEN_WORD && UNIT_SET.has(tokText[i + 1] ?? "")) {
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
  let reasons = 0;
  let sum = BIAS;
  let topic = 0;
  let praise = 0;
  let maxSeverity = 0;
  let trigger = false;
  let irony = false;
  let wait = false;
  let firstPraise = -1;
  let firstBang = -1;

  const addReason = (fromTok: number, toTok: number) => {
    if (reasons >= MAX_EVENTS) return;
    reasonStart[reasons] = tokStart[fromTok] ?? 0;
    reasonEnd[reasons] = tokEnd[toTok] ?? 0;
    reasons++;
  };
  const addCategory = (category: number, amount: number, at: number) => {
    if (category < 0) return;
    catEvidence[category] = (catEvidence[category] ?? 0) + amount * (CATEGORY_FACTOR[category] ?? 1);
    if (at < (catFirst[category] ?? MAX_TOKENS)) catFirst[category] = at;
  };
  const fire = (cue: Cue, weight: number, severity: number, fromTok: number, toTok: number) => {
    if (cueStamp[cue.id] !== stamp) {
      cueStamp[cue.id] = stamp;
      sum += weight;
    }
    if (severity > maxSeverity) maxSeverity = severity;
    if (weight >= SARCASM_TRIGGER_MIN) trigger = true;
    addCategory(cue.category, cue.generic ? 0.5 : 1.5, fromTok);
    // Intensifiers ("vraiment", "really") add weight but are not worth highlighting.
    if (weight >= 1) addReason(fromTok, toTok);
  };
  /**
   * Whether a resolution word, itself not negated, closes the cue at event e: after it ("problème réglé", "the
   * issue was fixed") or just before it ("resolved my problem").
   */
  const resolved = (e: number): boolean => {
    const from = evFrom[e] ?? 0;
    const to = evTo[e] ?? 0;
    for (let f = e - 1; f >= 0 && from - (evTo[f] ?? 0) <= RESOLUTION_REACH_BEFORE; f--) {
      if (evType[f] === EV_CUE && (evNeg[f] ?? -1) < 0 && CUES[evCue[f] ?? 0]?.res) return true;
    }
    for (let f = e + 1; f < events && (evFrom[f] ?? 0) - to <= RESOLUTION_REACH; f++) {
      if (evType[f] === EV_CUE && (evNeg[f] ?? -1) < 0 && CUES[evCue[f] ?? 0]?.res) return true;
    }
    return false;
  };

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
          if (cueStamp[cue.id] !== stamp) {
            cueStamp[cue.id] = stamp;
            sum += NEGATED_NEG_WEIGHT;
          }
          addCategory(cue.category, 1, from);
        } else if (!resolved(e)) {
          fire(cue, cue.weight, cue.severity, from, to);
        } else {
          addCategory(cue.category, 1, from);
        }
        break;
      case "exp":
        if (neg >= 0) {
          let start = Math.min(neg, from);
          const lead = tokText[start - 1];
          if (start > 0 && lead !== undefined && NEGATION_LEADS.has(lead) && tokClause[start - 1] === tokClause[start])
            start--;
          fire(cue, cue.weight, cue.severity, start, Math.max(neg, to));
        } else if (cue.res) {
          if (cueStamp[cue.id] !== stamp) {
            cueStamp[cue.id] = stamp;
            sum += RESOLVED_WEIGHT;
          }
        } else {
          // An expectation met or merely mentioned ("livré", "internet") still says what the post is about.
          addCategory(cue.category, 0.5, from);
        }
        break;
      case "pos":
        if (neg >= 0) {
          fire(cue, NEGATED_PRAISE_WEIGHT, 1, Math.min(neg, from), Math.max(neg, to));
        } else if (cueStamp[cue.id] !== stamp) {
          cueStamp[cue.id] = stamp;
          praise += cue.weight;
          if (firstPraise < 0 && cue.weight < 0) firstPraise = e;
        }
        break;
      case "rep":
        if (cueStamp[cue.id] !== stamp) {
          cueStamp[cue.id] = stamp;
          sum += cue.weight;
        }
        // "encore", "again" make praise sarcastic ("génial, encore…"); "toujours"/"still" are too common to.
        if (cue.weight >= 0.5) {
          trigger = true;
          addReason(from, to);
        }
        break;
      case "irony":
        irony = true;
        if (cueStamp[cue.id] !== stamp) {
          cueStamp[cue.id] = stamp;
          sum += cue.weight;
        }
        break;
      case "wait":
        wait = true;
        if (cueStamp[cue.id] !== stamp) {
          cueStamp[cue.id] = stamp;
          sum += cue.weight;
        }
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
      if (DURATION_CONTEXT_SET.has(tokText[j] ?? "")) {
        context = true;
        from = j;
        break;
      }
    }
    if (!durationCounted) {
      durationCounted = true;
      const weight = DURATION_WEIGHT + (context ? DURATION_CONTEXT_WEIGHT : 0);
      sum += weight;
      if (weight >= SARCASM_TRIGGER_MIN) trigger = true;
    }
    addReason(from, to);
  }

  // Praise: genuine, or sarcasm when the post also complains or winks ("merci pour ce retard", "bravo 👏🙄").
  if (firstPraise >= 0) {
    if (trigger || irony) {
      sum += irony ? SARCASM_IRONY_WEIGHT : SARCASM_WEIGHT;
      addReason(evFrom[firstPraise] ?? 0, evTo[firstPraise] ?? 0);
      if (maxSeverity < 1) maxSeverity = 1;
    } else {
      sum += Math.max(praise, PRAISE_FLOOR);
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
  sum += Math.min(topic, TOPIC_WEIGHT_CAP);
  if (brand) sum += BRAND_WEIGHT;

  const score = Math.round(10_000 / (1 + Math.exp(-sum))) / 10_000;
  const complaint = score >= 0.5;
  const severity = (complaint ? Math.max(1, maxSeverity) : 0) as Severity;

  let best = OTHER_INDEX;
  let bestEvidence = 0;
  for (let c = 0; c < CATEGORY_LIST.length; c++) {
    const ev = catEvidence[c] ?? 0;
    if (ev > bestEvidence || (ev === bestEvidence && ev > 0 && (catFirst[c] ?? 0) < (catFirst[best] ?? 0))) {
      best = c;
      bestEvidence = ev;
    }
  }

  return {
    complaint,
    score,
    severity,
    category: CATEGORY_LIST[best] ?? "other",
    lang,
    reasons: collectReasons(src, reasons),
    model: MODEL_ID,
  };
}

/**
 * Quoted spans in order of appearance, deduplicated (case-insensitively), a span inside the previous one
 * dropped ("waiting" within "waiting 45 minutes"), at most MAX_REASONS.
 */
function collectReasons(src: string, count: number): string[] {
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
