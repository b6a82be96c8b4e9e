/**
 * Reply engine: a complaint in, three ready-to-send replies out (one per strategy), in the post's language,
 * within the site's length rule. Pure and deterministic: the same post gets the same replies (an agent who
 * reopens a complaint sees what they saw), while different posts get varied wording (a brand account that
 * posts the same sentence fifty times a day reads like a bot).
 */
import twitter from "twitter-text";
import type { Detection, PostSnapshot, SiteId, Suggestion } from "../schemas";
import { STRATEGIES } from "../schemas";
import { DEFAULT_PLAYBOOK, type Playbook, type PlaybookLang, type Template, type TemplateVariable } from "./playbook";

export { DEFAULT_PLAYBOOK, Playbook } from "./playbook";

/** Each site's own length rule. X counts weighted characters (twitter-text): emoji 2, URLs 23, CJK 2. */
const MAX_LENGTH: Record<SiteId, number> = { x: 280 };
const EMOJI = "🙏";
/** Variables whose emptiness drops an optional sentence ("Ici {agent}." without an agent name). */
const DROPPABLE: readonly TemplateVariable[] = ["agent", "brand", "signature"];

export type TemplateVars = Partial<Record<TemplateVariable, string>>;

export interface SuggestInput {
  post: Pick<PostSnapshot, "id" | "author" | "site" | "text">;
  detection: Detection;
  agentName?: string;
  signature?: string;
  brand?: string;
  playbook?: Playbook;
}

/** X's weighted length of a text (what the composer's counter shows). */
export function weightedLength(text: string): number {
  return twitter.parseTweet(text).weightedLength;
}

const PLACEHOLDER_RE = /\{([a-z]+)\}/g;
const CHOICE_RE = /\[([^[\]|]*)\|([^[\]|]*)\]/g;

/**
 * Replace `{name}` with `vars[name]` and tidy what an empty value leaves behind: double spaces, a space before a
 * comma or period, an orphan comma ("Hi , we" → "Hi, we"; "pour ce souci, ." → "pour ce souci."), a dangling
 * "^". Placeholders without a value in `vars` stay as they are, so a typo in a playbook shows up in tests.
 * Values are inserted as-is and never re-scanned.
 */
export function fillTemplate(template: string, vars: TemplateVars): string {
  const filled = template.replace(PLACEHOLDER_RE, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name as TemplateVariable] : undefined;
    return value === undefined ? whole : value;
  });
  return tidy(filled);
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([,.])/g, "$1")
    .replace(/,(?=[,.!?])/g, "")
    .replace(/^[\s,;:.]+/, "")
    .replace(/\s+\^\s*$/, "")
    .replace(/\(\s*\)/g, "")
    .trim();
}

/** Resolve `[vous form|tu form]` choices. */
export function chooseVoice(text: string, formality: "vous" | "tu"): string {
  return text.replace(CHOICE_RE, (_whole, vous: string, tu: string) => (formality === "tu" ? tu : vous));
}

/** FNV-1a, 32 bits: a small, stable string hash to pick variants. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function pick<T>(items: readonly T[], key: string): { item: T; index: number } {
  const index = items.length > 0 ? hash(key) % items.length : 0;
  const item = items[index];
  if (item === undefined) throw new Error("empty list in playbook"); // the schema forbids it
  return { item, index };
}

/** A bare "JD" becomes "^JD" (X's customer-care convention); "^JD", "— Julie" stay as typed. */
function normaliseSignature(signature: string | undefined): string {
  const s = oneLine(signature);
  if (s === "") return "";
  return /^[\p{L}\p{N}]/u.test(s) ? `^${s}` : s;
}

function oneLine(value: string | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

interface Part {
  text: string;
  optional: boolean;
}

interface Fitted {
  text: string;
  length: number;
}

function renderParts(template: Template, vars: TemplateVars, formality: "vous" | "tu"): Part[] {
  const parts: Part[] = [];
  for (const sentence of template) {
    const text = chooseVoice(sentence.text, formality);
    if (sentence.optional && DROPPABLE.some((v) => text.includes(`{${v}}`) && !vars[v])) continue;
    const filled = fillTemplate(text, vars);
    if (filled !== "") parts.push({ text: filled, optional: sentence.optional });
  }
  return parts;
}

const join = (parts: readonly Part[]) => tidy(parts.map((p) => p.text).join(" "));

/** Cut at a word boundary and add "…" so the weighted length fits. Last resort (absurd names or handles). */
function truncate(text: string, max: number): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (weightedLength(`${text.slice(0, mid).trimEnd()}…`) <= max) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  // Never split a surrogate pair (an emoji would turn into a replacement character).
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.6) {
    const atWord = `${cut.slice(0, space).trimEnd()}…`;
    if (weightedLength(atWord) <= max) return atWord;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * The reply for one template, fitted to `max`: drop optional sentences (last first), then the @mention (X
 * shows whom a reply answers anyway), then truncate.
 */
function fitToLength(template: Template, vars: TemplateVars, formality: "vous" | "tu", max: number): Fitted {
  // parseTweet costs tens of microseconds (its URL regexes): measure each candidate once.
  let parts = renderParts(template, vars, formality);
  let text = join(parts);
  let length = weightedLength(text);
  while (length > max) {
    let last = -1;
    for (let i = parts.length - 1; i >= 0; i--) {
      if (parts[i]?.optional) {
        last = i;
        break;
      }
    }
    if (last < 0) break;
    parts = parts.filter((_, i) => i !== last);
    text = join(parts);
    length = weightedLength(text);
  }
  if (length > max && vars.author) {
    parts = renderParts(template, { ...vars, author: "" }, formality).filter((p) => !p.optional);
    text = join(parts);
    length = weightedLength(text);
  }
  if (length <= max) return { text, length };
  const cut = truncate(text, max);
  return { text: cut, length: weightedLength(cut) };
}

/** Three suggestions, one per strategy, in STRATEGIES order. See the module comment. */
export function suggest(input: SuggestInput): Suggestion[] {
  const { post, detection } = input;
  const playbook = input.playbook ?? DEFAULT_PLAYBOOK;
  // Templates exist in French and English; any other language gets English, the likeliest shared one.
  const lang: PlaybookLang = detection.lang === "fr" ? "fr" : "en";
  const formality = playbook.voice.formality;
  const max = MAX_LENGTH[post.site] ?? 280;
  const fragments = playbook.fragments[lang][detection.category];
  const author = oneLine(post.author).replace(/^@+/, "");

  const used = new Set<string>();
  const out: Suggestion[] = [];
  for (const strategy of STRATEGIES) {
    const key = `${post.id}:${strategy}`;
    const vars: TemplateVars = {
      author: author ? `@${author}` : "",
      agent: oneLine(input.agentName),
      signature: normaliseSignature(input.signature),
      // Settings may hold the brand as a handle: "@Acme" in a reply would notify the brand itself.
      brand: oneLine(input.brand).replace(/^@+/, ""),
      emoji: playbook.voice.emoji ? EMOJI : "",
      issue: chooseVoice(pick(fragments.issue, `${key}:issue`).item, formality),
      fix: chooseVoice(pick(fragments.fix, `${key}:fix`).item, formality),
      question: chooseVoice(pick(fragments.question, `${key}:question`).item, formality),
    };
    const set = playbook.strategies[strategy][lang];
    // Threats and blame (severity 3) are handed to a lead in the first reply: the customer sees it is taken up.
    const templates =
      strategy === "acknowledge-dm" && detection.severity === 3 && set.escalation ? set.escalation : set.variants;
    const start = pick(templates, key).index;
    // Walk from the hashed variant so that the three texts stay distinct even in degenerate cases.
    let fitted: Fitted = { text: "", length: 0 };
    let variantIndex = start;
    for (let k = 0; k < templates.length; k++) {
      variantIndex = (start + k) % templates.length;
      const template = templates[variantIndex];
      if (template === undefined) continue;
      fitted = fitToLength(template, vars, formality, max);
      if (!used.has(fitted.text)) break;
    }
    used.add(fitted.text);
    out.push({
      id: `${post.id}:${strategy}:${variantIndex}`,
      strategy,
      lang,
      text: fitted.text,
      length: fitted.length,
      maxLength: max,
    } satisfies Suggestion);
  }
  return out;
}
