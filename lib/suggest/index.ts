/**
 * Reply engine: a complaint in, three distinct ready-to-send replies out, chosen by severity, category, site and
 * whether the customer already got an answer, in the post's language, within the site's length rule. Pure and
 * deterministic: the same post gets the same replies (an agent who reopens a complaint sees what they saw), while
 * different posts get varied wording (a brand account that posts the same sentence fifty times a day reads like
 * a bot).
 *
 * Remedies (refunds, credit notes) are never put into a reply: they belong in the private conversation.
 */
import type { Detection, Lang, PostSnapshot, Suggestion } from "../schemas";
import { graphemes, type LengthRule, limitFor } from "../sites/limits";
import {
  CHOICE_RE,
  DEFAULT_PLAYBOOK,
  DROPPABLE_VARIABLES,
  PLAYBOOK_STRATEGIES,
  type Playbook,
  type PlaybookLang,
  type PlaybookPrompt,
  type PlaybookStrategy,
  type Remedy,
  type Template,
} from "./playbook";

export { graphemeLength, type LengthRule, limitFor, weightedLength } from "../sites/limits";
export { DEFAULT_PLAYBOOK, Playbook, parsePlaybook } from "./playbook";

const EMOJI = "🙏";
/** Below this limit (TikTok's 150), a strategy's short templates are tried before its regular ones. */
const SHORT_FIRST_BELOW = 200;

/** Values for `{name}` placeholders: the built-in variables and a strategy's prompt names. */
export type TemplateVars = Readonly<Record<string, string | undefined>>;

export interface SuggestInput {
  /** `site` is any site id: one without a length rule of its own gets X's. */
  post: Pick<PostSnapshot, "id" | "author" | "text"> & { site: string };
  detection: Detection;
  agentName?: string;
  /** The agent's own signature; when empty, the playbook's `voice.signature`. */
  signature?: string;
  brand?: string;
  /** The product the complaint is about, when the agent or the page knows it. */
  product?: string;
  /** The customer already got an answer: lead with a follow-up instead of a first acknowledgement. */
  alreadyAnswered?: boolean;
  playbook?: Playbook;
}

/** Inside `{…}`: a name, then optionally `|fallback`. */
const PLACEHOLDER_BODY_RE = /^([a-z][a-zA-Z0-9_]*)(?:\|([^{}[\]|]*))?$/;

/**
 * Replace `{name}` with `vars[name]` (or `{name|fallback}`'s fallback when the value is empty or absent) and tidy
 * what an empty value leaves behind: double spaces, a space before a comma or period, an orphan comma ("Hi , we"
 * → "Hi, we"; "pour ce souci, ." → "pour ce souci."), a dangling "^". Placeholders without a value and without a
 * fallback stay as they are, so a typo shows up in tests and in the linter. Values are inserted as-is, never
 * re-scanned.
 */
export function fillTemplate(template: string, vars: TemplateVars): string {
  // A hand-written scan: `String#replace` with a callback cost most of `suggest`'s time (profiled).
  let out = "";
  let last = 0;
  for (let i = template.indexOf("{"); i >= 0; i = template.indexOf("{", i + 1)) {
    const end = template.indexOf("}", i);
    if (end < 0) break;
    const m = PLACEHOLDER_BODY_RE.exec(template.slice(i + 1, end));
    if (!m) continue;
    const name = m[1] as string;
    const fallback = m[2];
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    let replacement: string;
    if ((value === undefined || value === "") && fallback !== undefined) replacement = fallback.trim();
    else if (value === undefined) continue;
    else replacement = value;
    out += template.slice(last, i) + replacement;
    last = end + 1;
    i = end;
  }
  return tidy(last === 0 ? template : out + template.slice(last));
}

/**
 * Each clean-up runs only when its cheap `includes` says it may apply: this runs on every sentence of every
 * candidate, and six regex passes over text with nothing to fix were most of `suggest`'s time (profiled).
 */
function tidy(text: string): string {
  let t = text;
  if (t.includes("  ") || t.includes("\t")) t = t.replace(/[ \t]{2,}/g, " ");
  if (t.includes(" ,") || t.includes(" .")) t = t.replace(/ +([,.])/g, "$1");
  if (t.includes(",")) t = t.replace(/,(?=[,.!?])/g, "");
  if (/^[\s,;:.]/.test(t)) t = t.replace(/^[\s,;:.]+/, "");
  if (t.includes("^")) t = t.replace(/\s+\^\s*$/, "");
  if (t.includes("(")) t = t.replace(/\(\s*\)/g, "");
  return t.trim();
}

/** Resolve `[vous form|tu form]` choices. */
export function chooseVoice(text: string, formality: "vous" | "tu"): string {
  if (!text.includes("|")) return text;
  return text.replace(CHOICE_RE, formality === "tu" ? "$2" : "$1");
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

/** The item the hash of `key` picks; the schema guarantees non-empty lists. */
function pick(items: readonly string[], key: string): string {
  return items.length > 0 ? (items[hash(key) % items.length] ?? "") : "";
}

/** A bare "JD" becomes "^JD" (X's customer-care convention); "^JD", "— Julie" stay as typed. */
export function normaliseSignature(signature: string | undefined): string {
  const s = oneLine(signature);
  if (s === "") return "";
  return /^[\p{L}\p{N}]/u.test(s) ? `^${s}` : s;
}

/** Halves of broken emoji and the replacement character: what a page or a setting may hold, never ours to send. */
const BROKEN_TEXT = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/g;

function oneLine(value: string | undefined): string {
  return (value ?? "").replace(BROKEN_TEXT, "").replace(/\s+/g, " ").trim();
}

/**
 * The marker an unfilled prompt leaves in the reply: its label in capitals, in brackets ("[HEURE DE
 * RÉTABLISSEMENT]"). Shaped for the tone linter's placeholder rule (a capital letter, then capitals, digits,
 * spaces or _.'-, 31 at most), which blocks insertion until the agent types the value.
 */
export function promptMarker(prompt: PlaybookPrompt, lang: PlaybookLang): string {
  const fromLabel = prompt.label[lang]
    .toLocaleUpperCase(lang)
    .normalize("NFC")
    .replace(/[^\p{Lu}\p{M}\p{N} _.'-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const text = /^\p{Lu}/u.test(fromLabel) ? fromLabel : prompt.name.toUpperCase();
  return `[${text.slice(0, 31).trimEnd()}]`;
}

interface Part {
  text: string;
  optional: boolean;
}

interface Fitted {
  text: string;
  length: number;
  /** Cut with "…": the template did not fit even without its optional sentences and the @mention. */
  truncated: boolean;
}

const DROPPABLE_TOKENS = DROPPABLE_VARIABLES.map((v) => [v, `{${v}}`] as const);

function renderParts(template: Template, vars: TemplateVars, formality: "vous" | "tu"): Part[] {
  const parts: Part[] = [];
  for (const sentence of template) {
    const text = chooseVoice(sentence.text, formality);
    if (sentence.optional && DROPPABLE_TOKENS.some(([v, token]) => !vars[v] && text.includes(token))) continue;
    const filled = fillTemplate(text, vars);
    if (filled !== "") parts.push({ text: filled, optional: sentence.optional });
  }
  return parts;
}

const join = (parts: readonly Part[]) => tidy(parts.map((p) => p.text).join(" "));

/** A whole template, every sentence kept (what the playbook tests and `playbook:lint` check). */
export function renderTemplate(template: Template, vars: TemplateVars, formality: "vous" | "tu"): string {
  return join(renderParts(template, vars, formality));
}

/**
 * Cut at a grapheme boundary (never inside an emoji or between a letter and its accent), preferably at a word,
 * and add "…", so that `rule.measure` fits. Last resort (absurd names or handles, a custom playbook's long
 * sentences on TikTok).
 */
function truncate(text: string, rule: LengthRule): string {
  const clusters = graphemes(text);
  const at = (n: number) => `${clusters.slice(0, n).join("").trimEnd()}…`;
  let lo = 0;
  let hi = clusters.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rule.measure(at(mid)) <= rule.max) lo = mid;
    else hi = mid - 1;
  }
  const cut = clusters.slice(0, lo).join("");
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.6) {
    const atWord = `${cut.slice(0, space).trimEnd()}…`;
    if (rule.measure(atWord) <= rule.max) return atWord;
  }
  // Measures are not always monotonic (a URL cut short stops counting 23): walk back until it fits.
  let n = lo;
  while (n > 0 && rule.measure(at(n)) > rule.max) n--;
  return at(n);
}

/**
 * The reply for one template, fitted to the rule: drop optional sentences (last first), then the @mention (every
 * site shows whom a reply answers), then truncate.
 */
function fitToRule(template: Template, vars: TemplateVars, formality: "vous" | "tu", rule: LengthRule): Fitted {
  // X's measure (twitter-text) costs tens of microseconds: measure each candidate once.
  let parts = renderParts(template, vars, formality);
  let text = join(parts);
  let length = rule.measure(text);
  while (length > rule.max) {
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
    length = rule.measure(text);
  }
  if (length > rule.max && vars.author) {
    parts = renderParts(template, { ...vars, author: "" }, formality).filter((p) => !p.optional);
    text = join(parts);
    length = rule.measure(text);
  }
  if (length <= rule.max) return { text, length, truncated: false };
  const cut = truncate(text, rule);
  return { text: cut, length: rule.measure(cut), truncated: true };
}

/**
 * The strategies for a complaint, best first; the first three are the suggestions, the rest stand by in case a
 * playbook's templates come out identical. A customer who already got an answer gets a follow-up first; a severe
 * complaint (threats, blame, legal or press) goes to a lead; an "other" complaint has nothing concrete to fix
 * yet, so asking comes before fixing.
 */
export function strategyOrder(detection: Pick<Detection, "severity" | "category">, alreadyAnswered = false) {
  const severe = detection.severity >= 3;
  let order: PlaybookStrategy[];
  if (alreadyAnswered)
    order = severe ? ["follow-up", "hand-off", "concrete-fix"] : ["follow-up", "concrete-fix", "ask-detail"];
  else
    order = severe ? ["hand-off", "acknowledge-dm", "concrete-fix"] : ["acknowledge-dm", "concrete-fix", "ask-detail"];
  if (detection.category === "other") {
    order = order.includes("ask-detail")
      ? order.map((s) => (s === "concrete-fix" ? "ask-detail" : s === "ask-detail" ? "concrete-fix" : s))
      : order.map((s) => (s === "concrete-fix" ? "ask-detail" : s));
  }
  return [...order, ...PLAYBOOK_STRATEGIES.filter((s) => !order.includes(s))];
}

/** The playbook language for a detected one: French and English are complete; anything else gets English. */
export function replyLang(lang: Lang | string): { lang: PlaybookLang; fallbackFrom: Lang | null } {
  if (lang === "fr" || lang === "en") return { lang, fallbackFrom: null };
  return { lang: "en", fallbackFrom: lang as Lang };
}

interface Candidate {
  template: Template;
  index: number;
}

/** The strategy's templates from the hashed start, short ones first under tight limits. */
function candidates(playbook: Playbook, strategy: PlaybookStrategy, lang: PlaybookLang, key: string, max: number) {
  const set = playbook.strategies[strategy][lang];
  const rotate = (list: readonly Template[], offset: number): Candidate[] => {
    const start = list.length > 0 ? hash(key) % list.length : 0;
    return list.map((_, k) => {
      const i = (start + k) % list.length;
      return { template: list[i] as Template, index: offset + i };
    });
  };
  const regular = rotate(set.variants, 0);
  const short = rotate(set.short ?? [], set.variants.length);
  return max < SHORT_FIRST_BELOW ? [...short, ...regular] : [...regular, ...short];
}

/** Three distinct suggestions (see the module comment), in `strategyOrder`. Never throws on a valid playbook. */
export function suggest(input: SuggestInput): Suggestion[] {
  const { post, detection } = input;
  const playbook = input.playbook ?? DEFAULT_PLAYBOOK;
  const { lang, fallbackFrom } = replyLang(detection.lang);
  const formality = playbook.voice.formality;
  const rule = limitFor(post.site);
  const fragments = playbook.fragments[lang][detection.category];
  const author = oneLine(post.author).replace(/^@+/, "");

  const base = {
    author: author ? `@${author}` : "",
    agent: oneLine(input.agentName),
    signature: normaliseSignature(oneLine(input.signature) || playbook.voice.signature),
    // Settings may hold the brand as a handle: "@Acme" in a reply would notify the brand itself.
    brand: oneLine(input.brand).replace(/^@+/, ""),
    product: oneLine(input.product),
    emoji: playbook.voice.emoji ? EMOJI : "",
  };

  const used = new Set<string>();
  const out: Suggestion[] = [];
  for (const strategy of strategyOrder(detection, input.alreadyAnswered)) {
    if (out.length === 3) break;
    const key = `${post.id}:${strategy}`;
    const prompts = playbook.strategies[strategy].prompts ?? [];
    const markers = prompts.map((p) => [p, promptMarker(p, lang)] as const);
    const vars: Record<string, string> = {
      ...base,
      issue: chooseVoice(pick(fragments.issue, `${key}:issue`), formality),
      fix: chooseVoice(pick(fragments.fix, `${key}:fix`), formality),
      question: chooseVoice(pick(fragments.question, `${key}:question`), formality),
    };
    for (const [p, marker] of markers) vars[p.name] = marker;

    // The first template that fits whole and differs from the replies so far; else the first distinct one cut
    // to fit; a strategy whose every template repeats an earlier reply gives way to the next strategy.
    let chosen: { fitted: Fitted; index: number } | null = null;
    for (const c of candidates(playbook, strategy, lang, key, rule.max)) {
      const fitted = fitToRule(c.template, vars, formality, rule);
      if (fitted.text === "" || used.has(fitted.text)) continue;
      if (!fitted.truncated) {
        chosen = { fitted, index: c.index };
        break;
      }
      chosen ??= { fitted, index: c.index };
    }
    if (!chosen) continue;
    used.add(chosen.fitted.text);
    const suggestion: Suggestion = {
      id: `${post.id}:${strategy}:${chosen.index}`,
      strategy,
      lang,
      text: chosen.fitted.text,
      length: chosen.fitted.length,
      maxLength: rule.max,
    };
    if (fallbackFrom) suggestion.fallbackFrom = fallbackFrom;
    const left = markers.filter(([, marker]) => chosen.fitted.text.includes(marker));
    if (left.length > 0) {
      suggestion.prompts = left.map(([p, marker]) => ({
        name: p.name,
        marker,
        label: p.label[lang],
        example: p.example,
      }));
    }
    out.push(suggestion);
  }
  return out;
}

/**
 * The remedies an agent may offer for this complaint, in the reply language, for the private conversation only
 * (never in a public reply: see the playbook's `Remedy`).
 */
export function remediesFor(
  playbook: Playbook,
  detection: Pick<Detection, "category" | "lang">,
): { id: string; lang: PlaybookLang; label: string; text: string; remedy: Remedy }[] {
  const { lang } = replyLang(detection.lang);
  return playbook.remedies
    .filter((r) => r.categories.includes(detection.category))
    .map((remedy) => ({ id: remedy.id, lang, label: remedy.label[lang], text: remedy.text[lang], remedy }));
}
