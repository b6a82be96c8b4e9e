/**
 * The reply playbook: a versioned document, validated by Zod, that a team lead can edit and (with sync) share.
 * It holds the strategies (templates per language), the per-category fragments that fill them, the remedies
 * agents may offer in private, and the brand's voice. The built-in one below is the default.
 *
 * Every reply follows what works in public (Herhausen et al., Journal of Marketing 2019; see DESIGN.md):
 * acknowledge, apologise, empathise, move to a private message, fix concretely. Never blame, never ask for
 * personal data in public (order number, address, phone: only by private message), never offer compensation in
 * public (it fuels the fire): remedies live in their own catalogue and the reply engine never puts one in a reply.
 *
 * Template syntax:
 * - `{author}` the @handle, `{agent}` the agent's first name, `{signature}` e.g. "^JD", `{brand}`, `{product}`,
 *   `{emoji}`; `{issue}`, `{fix}`, `{question}` are filled from the post's category fragments.
 * - `{name|fallback}`: the fallback text when the value is empty ("l'équipe {brand|service client}").
 * - `{name}` where `name` is one of the strategy's `prompts`: a value only the agent knows (a time, a ticket
 *   number). It renders as a visible marker such as "[HEURE DE RÉTABLISSEMENT]", which the tone linter's
 *   placeholder rule blocks, so the reply cannot be inserted before the agent fills it in.
 * - `[vous form|tu form]` picks by `voice.formality` (French only); a choice holds no `{placeholder}`.
 * - A template is a list of sentences; optional ones are dropped first when the reply is too long, and an
 *   optional sentence naming an empty `{agent}`, `{brand}`, `{signature}` or `{product}` is dropped altogether.
 *
 * Format history: version 1 (no `schemaVersion`, a `version` number, three strategies, severe complaints in
 * `acknowledge-dm.escalation`) is read and migrated by `parsePlaybook`; version 2 is below.
 */
import { z } from "zod";
import { CATEGORIES, PLAYBOOK_STRATEGIES } from "../constants";

export { PLAYBOOK_STRATEGIES };
export type PlaybookStrategy = (typeof PLAYBOOK_STRATEGIES)[number];

/** Variables every template may use; a strategy's `prompts` add their own names. */
export const TEMPLATE_VARIABLES = [
  "author",
  "agent",
  "signature",
  "brand",
  "product",
  "emoji",
  "issue",
  "fix",
  "question",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Variables the agent's settings fill and may leave empty: an optional sentence naming an empty one is dropped. */
export const DROPPABLE_VARIABLES: readonly TemplateVariable[] = ["agent", "brand", "signature", "product"];

export const PLAYBOOK_LANGS = ["fr", "en"] as const;
export type PlaybookLang = (typeof PLAYBOOK_LANGS)[number];

export const SCHEMA_VERSION = 2;

/** Any `{...}`, to validate. */
const BRACES_RE = /\{([^{}]*)\}/g;
/** What a well-formed placeholder holds: a name, then optionally `|fallback` (plain text). */
const PLACEHOLDER_BODY_RE = /^([a-z][a-zA-Z0-9_]*)(?:\|([^{}[\]|]*))?$/;
/** `[vous form|tu form]`: neither side holds brackets, bars or braces. */
export const CHOICE_RE = /\[([^[\]|{}]*)\|([^[\]|{}]*)\]/g;
const PROMPT_NAME_RE = /^[a-z][a-z0-9_]{0,29}$/;

/** The placeholder names a template text uses, in order (choices resolved first, as when rendering). */
export function placeholderNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.replace(CHOICE_RE, "").matchAll(BRACES_RE)) {
    const name = PLACEHOLDER_BODY_RE.exec(m[1] ?? "")?.[1];
    if (name) names.push(name);
  }
  return names;
}

/**
 * Template text: well-formed `{name}` / `{name|fallback}` placeholders, well-formed `[a|b]` choices, no stray
 * braces or brackets. Whether each name exists is checked on the whole playbook (a strategy's prompts add names).
 */
function templateText(max: number, placeholders: boolean) {
  return z
    .string({ error: "should be text" })
    .min(1, { error: "is empty" })
    .max(max, { error: `is longer than ${max} characters` })
    .superRefine((text, ctx) => {
      const rest = text.replace(CHOICE_RE, "");
      for (const m of rest.matchAll(BRACES_RE)) {
        if (!placeholders) {
          ctx.addIssue({ code: "custom", message: `takes no placeholder (found ${m[0]}): it is a value itself` });
        } else if (!PLACEHOLDER_BODY_RE.test(m[1] ?? "")) {
          ctx.addIssue({
            code: "custom",
            message: `malformed placeholder ${m[0]}: write {name} or {name|fallback text}`,
          });
        }
      }
      if (/[{}[\]|]/.test(rest.replace(BRACES_RE, ""))) {
        ctx.addIssue({
          code: "custom",
          message: "unbalanced { } or [ | ] (a [vous form|tu form] choice holds no {placeholder})",
        });
      }
    });
}

const Bilingual = (max: number) =>
  z.strictObject({
    fr: z.string({ error: "should be text" }).trim().min(1, { error: "is empty" }).max(max),
    en: z.string({ error: "should be text" }).trim().min(1, { error: "is empty" }).max(max),
  });

export const Sentence = z.strictObject({
  text: templateText(280, true),
  /** Dropped first when the reply does not fit, and when it names an empty agent, brand, signature or product. */
  optional: z.boolean({ error: "should be true or false" }),
});
export type Sentence = z.infer<typeof Sentence>;

export const Template = z
  .array(Sentence, { error: "should be a list of sentences" })
  .min(1, { error: "has no sentence" })
  .max(8, { error: "has more than 8 sentences" });
export type Template = z.infer<typeof Template>;

const Templates = (what: string) =>
  z
    .array(Template, { error: `should be a list of templates` })
    .min(1, { error: `is empty: give at least one ${what}` })
    .max(20, { error: "has more than 20 templates" });

export const StrategyTemplates = z.strictObject({
  variants: Templates("template"),
  /** For tight limits (TikTok's 150): tried first there, and anywhere no regular variant fits whole. */
  short: Templates("short template").optional(),
});
export type StrategyTemplates = z.infer<typeof StrategyTemplates>;

/** A value the agent must type before inserting (a restoration time, a ticket number): shown as a marker. */
export const PlaybookPrompt = z.strictObject({
  name: z.string().regex(PROMPT_NAME_RE, {
    error: "should be lower-case letters, digits or _, starting with a letter (at most 30)",
  }),
  /** Shown in the reply as "[LABEL]" in the post's language, and to the agent. */
  label: Bilingual(30),
  /** What a filled value looks like ("15 h 30", "#48213"): a hint for the agent, and the value lint checks use. */
  example: z.string({ error: "should be text" }).trim().min(1, { error: "is empty" }).max(60),
});
export type PlaybookPrompt = z.infer<typeof PlaybookPrompt>;

export const StrategyEntry = z.strictObject({
  fr: StrategyTemplates,
  en: StrategyTemplates,
  prompts: z.array(PlaybookPrompt).max(10).optional(),
});
export type StrategyEntry = z.infer<typeof StrategyEntry>;

/** Fragments carry no placeholders of their own (only `[vous|tu]` choices): they are values, not templates. */
const Fragment = templateText(280, false);
const Fragments = (what: string) =>
  z.array(Fragment, { error: "should be a list of texts" }).min(1, { error: `is empty: give at least one ${what}` });
export const CategoryFragments = z.strictObject({
  /** Noun phrase for the problem: "ce souci de livraison", "the trouble with your delivery". */
  issue: Fragments("noun phrase"),
  /** One sentence saying what we do now. */
  fix: Fragments("sentence"),
  /** One question that needs no personal data to answer in public. */
  question: Fragments("question"),
});
export type CategoryFragments = z.infer<typeof CategoryFragments>;

const LangFragments = z.strictObject(
  Object.fromEntries(CATEGORIES.map((c) => [c, CategoryFragments])) as Record<
    (typeof CATEGORIES)[number],
    typeof CategoryFragments
  >,
);

/**
 * Something an agent may offer to make amends (a refund, a credit note). Only ever in a private message:
 * offered in public, compensation invites everyone to ask for the same. The reply engine never uses these texts;
 * the side panel lists them for the agent to paste into the private conversation.
 */
export const Remedy = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    error: "should be lower-case letters, digits or -, at most 40",
  }),
  label: Bilingual(60),
  text: z.strictObject({ fr: templateText(500, false), en: templateText(500, false) }),
  categories: z
    .array(z.enum(CATEGORIES), { error: "should be a list of categories" })
    .min(1, { error: "is empty: name at least one category" }),
  privateOnly: z.literal(true, { error: "must be true: remedies are only offered in private" }),
});
export type Remedy = z.infer<typeof Remedy>;

export const Voice = z.strictObject({
  /** French address: "vous" (default, brands' norm) or "tu" (some youth brands). */
  formality: z.enum(["vous", "tu"]),
  /** Whether replies may carry an emoji (🙏). Off by default: a serious complaint deserves a sober reply. */
  emoji: z.boolean({ error: "should be true or false" }),
  /** The team's default signature ("^ACME"); an agent's own signature in the settings wins. */
  signature: z
    .string({ error: "should be text" })
    .trim()
    .max(30, { error: "is longer than 30 characters" })
    .default(""),
});
export type Voice = z.infer<typeof Voice>;

const PlaybookShape = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `should be ${SCHEMA_VERSION}` }),
  /** The team's edit counter: every save adds one, so agents can tell which playbook they reply with. */
  revision: z.int({ error: "should be a whole number" }).nonnegative({ error: "should be 0 or more" }),
  updatedAt: z.iso
    .datetime({ offset: true, error: "should be a date-time such as 2026-11-22T10:00:00Z" })
    .nullable()
    .default(null),
  updatedBy: z.string({ error: "should be text" }).max(100).default(""),
  voice: Voice,
  strategies: z.strictObject(
    Object.fromEntries(PLAYBOOK_STRATEGIES.map((s) => [s, StrategyEntry])) as Record<
      PlaybookStrategy,
      typeof StrategyEntry
    >,
  ),
  fragments: z.strictObject({ fr: LangFragments, en: LangFragments }),
  remedies: z.array(Remedy).max(50).default([]),
});

/** Placeholders, prompts and remedies, checked across the document (a strategy's prompts add names). */
function checkReferences(playbook: z.infer<typeof PlaybookShape>, ctx: z.RefinementCtx): void {
  for (const strategy of PLAYBOOK_STRATEGIES) {
    const entry = playbook.strategies[strategy];
    const prompts = entry.prompts ?? [];
    const seen = new Set<string>();
    prompts.forEach((p, i) => {
      if ((TEMPLATE_VARIABLES as readonly string[]).includes(p.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["strategies", strategy, "prompts", i, "name"],
          message: `{${p.name}} is a built-in variable: choose another name`,
        });
      } else if (seen.has(p.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["strategies", strategy, "prompts", i, "name"],
          message: `duplicate prompt name "${p.name}"`,
        });
      }
      seen.add(p.name);
    });
    const known = [...TEMPLATE_VARIABLES, ...seen];
    for (const lang of PLAYBOOK_LANGS) {
      for (const kind of ["variants", "short"] as const) {
        (entry[lang][kind] ?? []).forEach((template, t) => {
          const at = ["strategies", strategy, lang, kind, t];
          template.forEach((sentence, s) => {
            for (const name of placeholderNames(sentence.text)) {
              if (known.includes(name)) continue;
              const near = closest(name, known);
              ctx.addIssue({
                code: "custom",
                path: [...at, s, "text"],
                message: `unknown placeholder {${name}}${near ? ` (did you mean {${near}}?)` : ""}`,
              });
            }
          });
          if (!template.some((s) => !s.optional && hasOwnWords(s.text))) {
            ctx.addIssue({
              code: "custom",
              path: at,
              message: "needs a required sentence with words of its own (not only {author}, {signature}…)",
            });
          }
        });
      }
    }
  }
  const ids = new Set<string>();
  playbook.remedies.forEach((r, i) => {
    if (ids.has(r.id)) {
      ctx.addIssue({ code: "custom", path: ["remedies", i, "id"], message: `duplicate remedy id "${r.id}"` });
    }
    ids.add(r.id);
  });
}

/** Whether a sentence says something once its placeholders are gone (an empty handle or signature leaves nothing). */
function hasOwnWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(CHOICE_RE, "$1").replace(BRACES_RE, ""));
}

/** The known name within two edits of a misspelt one, for "did you mean". */
function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The playbook, format version 2. */
export const Playbook = PlaybookShape.superRefine(checkReferences);
export type Playbook = z.infer<typeof Playbook>;
export type PlaybookInput = z.input<typeof Playbook>;

// ── Version 1, read for migration only ───────────────────────────────────────────────────────────────────

const V1_STRATEGIES = ["acknowledge-dm", "concrete-fix", "ask-detail"] as const;
const V1_VARIABLES = ["author", "agent", "signature", "brand", "emoji", "issue", "fix", "question"];
const V1_CHOICE_RE = /\[([^[\]|]*)\|([^[\]|]*)\]/g;

function v1Text(allowed: readonly string[]) {
  return z
    .string()
    .min(1)
    .max(280)
    .superRefine((text, ctx) => {
      for (const m of text.matchAll(BRACES_RE)) {
        if (!allowed.includes(m[1] ?? "")) ctx.addIssue({ code: "custom", message: `unknown placeholder ${m[0]}` });
      }
      if (/[{}[\]|]/.test(text.replace(BRACES_RE, "").replace(V1_CHOICE_RE, ""))) {
        ctx.addIssue({ code: "custom", message: "unbalanced { } or [ | ] in template" });
      }
    });
}
const V1Template = z
  .array(z.object({ text: v1Text(V1_VARIABLES), optional: z.boolean() }))
  .min(1)
  .max(8);
const V1StrategyTemplates = z.object({
  variants: z.array(V1Template).min(1).max(20),
  escalation: z.array(V1Template).min(1).max(20).optional(),
});
const V1Fragments = z.object({
  issue: z.array(v1Text([])).min(1),
  fix: z.array(v1Text([])).min(1),
  question: z.array(v1Text([])).min(1),
});
const V1LangFragments = z.object(
  Object.fromEntries(CATEGORIES.map((c) => [c, V1Fragments])) as Record<
    (typeof CATEGORIES)[number],
    typeof V1Fragments
  >,
);

/** The version-1 shape (the built-in playbook until format 2), as it may still sit in storage or in a file. */
export const PlaybookV1 = z.object({
  version: z.number().int().positive(),
  voice: z.object({ formality: z.enum(["vous", "tu"]), emoji: z.boolean() }),
  strategies: z.object(
    Object.fromEntries(
      V1_STRATEGIES.map((s) => [s, z.object({ fr: V1StrategyTemplates, en: V1StrategyTemplates })]),
    ) as Record<
      (typeof V1_STRATEGIES)[number],
      z.ZodObject<{ fr: typeof V1StrategyTemplates; en: typeof V1StrategyTemplates }>
    >,
  ),
  fragments: z.object({ fr: V1LangFragments, en: V1LangFragments }),
});
export type PlaybookV1 = z.infer<typeof PlaybookV1>;

/**
 * Version 1 → 2. The three strategies and the fragments carry over as they are; v1's severity-3 `escalation`
 * templates become the `hand-off` strategy (the built-in ones when a language had none); `follow-up`, which v1
 * did not have, comes from the built-in playbook. No remedies: offering compensation is the team's decision.
 * `version` becomes the first `revision`.
 */
export function migrateV1(v1: PlaybookV1): PlaybookInput {
  const strategy = (s: (typeof V1_STRATEGIES)[number]) => ({
    fr: { variants: v1.strategies[s].fr.variants },
    en: { variants: v1.strategies[s].en.variants },
  });
  const ack = v1.strategies["acknowledge-dm"];
  const builtIn = DEFAULT_PLAYBOOK.strategies;
  return {
    schemaVersion: SCHEMA_VERSION,
    revision: v1.version,
    updatedAt: null,
    updatedBy: "",
    voice: { ...v1.voice, signature: "" },
    strategies: {
      "acknowledge-dm": strategy("acknowledge-dm"),
      "concrete-fix": strategy("concrete-fix"),
      "ask-detail": strategy("ask-detail"),
      "follow-up": structuredClone(builtIn["follow-up"]),
      "hand-off": {
        fr: ack.fr.escalation ? { variants: ack.fr.escalation } : structuredClone(builtIn["hand-off"].fr),
        en: ack.en.escalation ? { variants: ack.en.escalation } : structuredClone(builtIn["hand-off"].en),
      },
    },
    fragments: v1.fragments,
    remedies: [],
  };
}

// ── Parsing, with errors a team lead can act on ──────────────────────────────────────────────────────────

export type PlaybookResult = { ok: true; playbook: Playbook; migratedFrom: 1 | null } | { ok: false; errors: string[] };

/** At most this many errors are listed; a wholly wrong file would otherwise print hundreds. */
const MAX_ERRORS = 40;

/** ["strategies", "concrete-fix", "fr", "variants", 2, 0, "text"] → "strategies.concrete-fix.fr.variants[2][0].text". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(playbook)" : out;
}

/** What a wrong value is, in words: "a list", "the text \"yes\"", "the number 42". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean")
    return `${typeof value === "number" ? "the number " : ""}${value}`;
  return typeof value === "object" ? "an object" : typeof value;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object { … }",
  array: "a list [ … ]",
};

/** One Zod issue in plain words, prefixed with its field path. */
function describe(issue: z.core.$ZodIssue): string[] {
  const at = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return [`${at}: is missing`];
      return [`${at}: should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(input)}`];
    case "unrecognized_keys":
      return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown field (a typo?)`);
    case "invalid_value":
      if (input === undefined) return [`${at}: is missing`];
      if (issue.message && !issue.message.startsWith("Invalid")) return [`${at}: ${issue.message}`];
      return [
        `${at}: should be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, not ${JSON.stringify(input)}`,
      ];
    case "too_small":
    case "too_big": {
      // Our own messages ("is empty: give at least one template") say it best; Zod's defaults start "Too".
      if (!issue.message.startsWith("Too ")) return [`${at}: ${issue.message}`];
      const unit = issue.origin === "array" ? " items" : issue.origin === "string" ? " characters" : "";
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      if (issue.code === "too_small" && Number(bound) === 1 && unit) return [`${at}: is empty`];
      const word = issue.code === "too_small" ? "at least" : "at most";
      return [unit ? `${at}: should have ${word} ${bound}${unit}` : `${at}: should be ${word} ${bound}`];
    }
    case "invalid_format":
    case "custom":
      return [`${at}: ${issue.message.startsWith("Invalid") ? "is not in the expected format" : issue.message}`];
    default:
      return [`${at}: ${issue.message}`];
  }
}

function zodErrors(error: z.ZodError, prefix = ""): string[] {
  const lines = [...new Set(error.issues.flatMap(describe))].map((l) => prefix + l);
  if (lines.length <= MAX_ERRORS) return lines;
  return [...lines.slice(0, MAX_ERRORS), `… and ${lines.length - MAX_ERRORS} more problems`];
}

/**
 * Validates a playbook: a JSON text or an already-parsed value, in format 2 or 1 (migrated). Never throws.
 * Errors name the field and the problem ("strategies.concrete-fix.fr.variants[2][0].text: unknown placeholder
 * {prodcut} (did you mean {product}?)"); the caller keeps its previous playbook.
 */
export function parsePlaybook(json: unknown): PlaybookResult {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [`(playbook): not valid JSON: ${(error as Error).message}`] };
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, errors: [`(playbook): should be a JSON object { … }, not ${kindOf(value)}`] };
  }
  const record = value as Record<string, unknown>;
  if (!("schemaVersion" in record) && "version" in record) {
    const v1 = PlaybookV1.safeParse(record, { reportInput: true });
    if (!v1.success) return { ok: false, errors: zodErrors(v1.error, "(format 1) ") };
    const migrated = Playbook.safeParse(migrateV1(v1.data), { reportInput: true });
    if (!migrated.success) return { ok: false, errors: zodErrors(migrated.error, "(after migrating from format 1) ") };
    return { ok: true, playbook: migrated.data, migratedFrom: 1 };
  }
  if ("schemaVersion" in record && record.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        `schemaVersion: ${JSON.stringify(record.schemaVersion)} is not a format this Apaise reads (1, or ${SCHEMA_VERSION})`,
      ],
    };
  }
  const parsed = Playbook.safeParse(record, { reportInput: true });
  if (!parsed.success) {
    // Zod skips the document-wide checks when the structure is wrong: find misspelt placeholders anyway, so a
    // team lead fixes everything in one pass.
    const errors = zodErrors(parsed.error);
    for (const e of unknownPlaceholdersIn(record)) if (!errors.includes(e)) errors.push(e);
    return { ok: false, errors };
  }
  return { ok: true, playbook: parsed.data, migratedFrom: null };
}

/** Best effort over a structurally invalid document: "unknown placeholder" errors wherever texts can be reached. */
function unknownPlaceholdersIn(record: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const get = (v: unknown, k: PropertyKey): unknown =>
    v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  for (const strategy of PLAYBOOK_STRATEGIES) {
    const entry = get(get(record, "strategies"), strategy);
    const prompts = get(entry, "prompts");
    const names = Array.isArray(prompts) ? prompts.map((p) => get(p, "name")).filter((n) => typeof n === "string") : [];
    const known = [...TEMPLATE_VARIABLES, ...names];
    for (const lang of PLAYBOOK_LANGS) {
      for (const kind of ["variants", "short"] as const) {
        const list = get(get(entry, lang), kind);
        if (!Array.isArray(list)) continue;
        list.forEach((template, t) => {
          if (!Array.isArray(template)) return;
          template.forEach((sentence, i) => {
            const text = get(sentence, "text");
            if (typeof text !== "string") return;
            for (const name of placeholderNames(text)) {
              if (known.includes(name)) continue;
              const near = closest(name, known);
              errors.push(
                `${formatPath(["strategies", strategy, lang, kind, t, i, "text"])}: unknown placeholder {${name}}${near ? ` (did you mean {${near}}?)` : ""}`,
              );
            }
          });
        });
      }
    }
  }
  return errors;
}

/** Every template of a playbook with its path, for tests, the lint command and the editor. */
export interface TemplateRef {
  path: string;
  strategy: PlaybookStrategy;
  lang: PlaybookLang;
  kind: "variants" | "short";
  index: number;
  template: Template;
  prompts: readonly PlaybookPrompt[];
}

export function* templatesOf(playbook: Playbook): Generator<TemplateRef> {
  for (const strategy of PLAYBOOK_STRATEGIES) {
    const entry = playbook.strategies[strategy];
    for (const lang of PLAYBOOK_LANGS) {
      for (const kind of ["variants", "short"] as const) {
        const list = entry[lang][kind] ?? [];
        for (const [index, template] of list.entries()) {
          yield {
            path: formatPath(["strategies", strategy, lang, kind, index]),
            strategy,
            lang,
            kind,
            index,
            template,
            prompts: entry.prompts ?? [],
          };
        }
      }
    }
  }
}

// ── The built-in playbook ────────────────────────────────────────────────────────────────────────────────

const req = (text: string): Sentence => ({ text, optional: false });
const opt = (text: string): Sentence => ({ text, optional: true });

const DEFAULT_PLAYBOOK_INPUT: PlaybookInput = {
  schemaVersion: SCHEMA_VERSION,
  revision: 0,
  updatedAt: null,
  updatedBy: "",
  voice: { formality: "vous", emoji: false, signature: "" },
  strategies: {
    "acknowledge-dm": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, toutes nos excuses pour {issue}."),
            req("[Nous comprenons tout à fait votre agacement.|On comprend tout à fait ton agacement.]"),
            req(
              "[Pouvez-vous nous écrire en message privé ?|Peux-tu nous écrire en message privé ?] On s'en occupe personnellement. {emoji}",
            ),
            opt("Ici {agent}, je suis là pour [vous aider|t'aider]."),
            req("{signature}"),
          ],
          [
            req("{author} Nous sommes sincèrement désolés pour {issue}."),
            opt("Ce n'est pas l'expérience que [vous méritez|tu mérites]."),
            req("[Écrivez-nous|Écris-nous] en message privé, on regarde ça ensemble tout de suite. {emoji}"),
            opt("{agent}, de l'équipe {brand}."),
            req("{signature}"),
          ],
          [
            req("Toutes mes excuses pour {issue}, {author}."),
            req("[Je comprends votre frustration|Je comprends ta frustration] et je veux que ça s'arrange vite."),
            req("[Envoyez-moi|Envoie-moi] un message privé et je m'en occupe personnellement. {emoji}"),
            opt("Merci pour [votre|ta] patience."),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} Toutes nos excuses pour {issue}."),
            req("[Écrivez-nous|Écris-nous] en message privé, on s'en occupe. {emoji}"),
            req("{signature}"),
          ],
          [
            req("Désolés pour {issue}, {author}."),
            req("[Envoyez-nous|Envoie-nous] un message privé, on regarde ça. {emoji}"),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, we're really sorry about {issue}."),
            req("We understand how frustrating this is."),
            req("Could you send us a DM? We'll look into it with you right away. {emoji}"),
            opt("{agent} here, happy to help."),
            req("{signature}"),
          ],
          [
            req("{author} Sorry to hear about {issue}, that's not the experience you deserve."),
            req("Please send us a direct message and we'll take care of it personally. {emoji}"),
            opt("This is {agent} from the {brand} team."),
            req("{signature}"),
          ],
          [
            req("Hi {author}, I'm sorry for {issue} and I completely understand your frustration."),
            req("Drop us a DM and I'll look into it personally. {emoji}"),
            opt("Thanks for your patience with us."),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} So sorry about {issue}."),
            req("Please DM us and we'll sort it out. {emoji}"),
            req("{signature}"),
          ],
          [
            req("Sorry about {issue}, {author}."),
            req("Send us a DM and we'll take care of it. {emoji}"),
            req("{signature}"),
          ],
        ],
      },
    },
    "concrete-fix": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, nous sommes désolés pour {issue}."),
            req("{fix}"),
            req("On revient vers [vous|toi] en message privé avec une solution concrète. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Merci du signalement, et toutes nos excuses pour {issue}."),
            req("{fix}"),
            req("[Écrivez-nous|Écris-nous] en message privé pour qu'on finalise ensemble. {emoji}"),
            opt("Ici {agent}, je suis le dossier."),
            req("{signature}"),
          ],
          [
            req("Toutes nos excuses pour {issue}, {author}."),
            req("{fix}"),
            req("On [vous|te] tient au courant en message privé. {emoji}"),
            opt("Merci pour [votre|ta] patience."),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} Désolés pour {issue}."),
            req("{fix}"),
            req("Suite en message privé. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Désolés pour {issue}, on s'en occupe dès maintenant."),
            req("On [vous|te] répond en message privé avec une solution. {emoji}"),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, sorry about {issue}."),
            req("{fix}"),
            req("We'll follow up by DM with a concrete solution. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Thanks for flagging this, and apologies for {issue}."),
            req("{fix}"),
            req("Send us a DM so we can wrap this up together. {emoji}"),
            opt("{agent} here, I'm following your case."),
            req("{signature}"),
          ],
          [
            req("Apologies for {issue}, {author}."),
            req("{fix}"),
            req("We'll keep you posted by direct message. {emoji}"),
            opt("Thanks for bearing with us."),
            req("{signature}"),
          ],
        ],
        short: [
          [req("{author} Sorry about {issue}."), req("{fix}"), req("More by DM. {emoji}"), req("{signature}")],
          [
            req("{author} Sorry about {issue}, we're on it."),
            req("We'll DM you with a fix. {emoji}"),
            req("{signature}"),
          ],
        ],
      },
    },
    "ask-detail": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, désolés pour {issue}."),
            req("{question}"),
            req(
              "Pour le reste, [écrivez-nous|écris-nous] en message privé : ne [partagez|partage] aucune donnée personnelle ici. {emoji}",
            ),
            req("{signature}"),
          ],
          [
            req("{author} Désolés pour {issue}, on veut [vous aider|t'aider] au plus vite."),
            req("{question}"),
            req("Les détails de [votre|ton] dossier, c'est en message privé, pour protéger [vos|tes] données. {emoji}"),
            opt("Merci pour [votre|ta] patience."),
            req("{signature}"),
          ],
          [
            req("Toutes nos excuses pour {issue}, {author}."),
            req("{question}"),
            req(
              "[Envoyez-nous|Envoie-nous] ensuite un message privé, jamais d'informations personnelles en public. {emoji}",
            ),
            opt("Ici {agent}, je reste disponible."),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} Désolés pour {issue}."),
            req("{question}"),
            req("Le reste en message privé. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Désolés pour {issue}."),
            req("[Pouvez-vous|Peux-tu] nous en dire plus en message privé ? {emoji}"),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, sorry about {issue}."),
            req("{question}"),
            req("For anything personal, please DM us: never share account details here. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Sorry about {issue}, we want to get this sorted quickly for you."),
            req("{question}"),
            req("Send the details of your case by DM so your data stays private. {emoji}"),
            opt("Thanks for your patience."),
            req("{signature}"),
          ],
          [
            req("Apologies for {issue}, {author}."),
            req("{question}"),
            req("Then drop us a direct message: please keep personal details out of public replies. {emoji}"),
            opt("{agent} here, I'm following your case."),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} Sorry about {issue}."),
            req("{question}"),
            req("The rest by DM, please. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Sorry about {issue}."),
            req("Could you DM us a bit more about it? {emoji}"),
            req("{signature}"),
          ],
        ],
      },
    },
    "follow-up": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, je reviens vers [vous|toi] pour {issue} : encore toutes nos excuses."),
            req(
              "[Avez-vous|As-tu] bien reçu notre message privé ? Si le souci persiste, [écrivez-nous|écris-nous] en message privé et on reprend le dossier. {emoji}",
            ),
            opt("Ici {agent}, je reste disponible."),
            req("{signature}"),
          ],
          [
            req("{author} Merci pour [votre|ta] patience, et encore désolés pour {issue}."),
            req("Tout est-il rentré dans l'ordre ? Sinon, on reste joignables en message privé. {emoji}"),
            opt("{agent}, de l'équipe {brand}."),
            req("{signature}"),
          ],
          [
            req("Toutes nos excuses encore pour {issue}, {author}."),
            req(
              "On espère que la solution proposée en message privé [vous convient|te convient] ; sinon, [dites-le-nous|dis-le-nous] en message privé et on s'en occupe. {emoji}",
            ),
            opt("Merci pour [votre|ta] confiance."),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} Encore désolés pour {issue}."),
            req("Tout est réglé ? Sinon, [écrivez-nous|écris-nous] en message privé. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Toutes nos excuses encore pour ce souci."),
            req("[Avez-vous|As-tu] bien reçu notre message privé ? {emoji}"),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, just following up on {issue}, and sorry again for the trouble."),
            req(
              "Did you get our DM? If anything is still not right, send us a direct message and we'll pick it up from there. {emoji}",
            ),
            opt("{agent} here, I'm still on your case."),
            req("{signature}"),
          ],
          [
            req("{author} Thanks for your patience, and apologies again for {issue}."),
            req("Is everything sorted now? If not, we're here by DM. {emoji}"),
            opt("This is {agent} from the {brand} team."),
            req("{signature}"),
          ],
          [
            req("Sorry again about {issue}, {author}."),
            req(
              "We hope the fix we sent by direct message works for you; if it doesn't, just tell us by DM and we'll take it from there. {emoji}",
            ),
            opt("Thanks for bearing with us."),
            req("{signature}"),
          ],
        ],
        short: [
          [req("{author} Sorry again about {issue}."), req("All sorted? If not, DM us. {emoji}"), req("{signature}")],
          [req("{author} Apologies again for the trouble."), req("Did you get our DM? {emoji}"), req("{signature}")],
        ],
      },
    },
    "hand-off": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, toutes nos excuses pour {issue}."),
            req(
              "[Votre message est pris très au sérieux|Ton message est pris très au sérieux] : je transmets à un responsable dès maintenant.",
            ),
            req(
              "[Pouvez-vous nous écrire|Peux-tu nous écrire] en message privé pour qu'on [vous|te] recontacte rapidement ? {emoji}",
            ),
            req("{signature}"),
          ],
          [
            req("{author} Toutes nos excuses pour {issue} : [nous entendons votre colère|on entend ta colère]."),
            req("Je transmets [votre|ton] dossier à un responsable, en priorité."),
            req("[Écrivez-nous|Écris-nous] en message privé : on [vous|te] répond personnellement. {emoji}"),
            opt("Ici {agent}, je suis le dossier."),
            req("{signature}"),
          ],
          [
            req("{author} Nous sommes désolés pour {issue}."),
            req("Je transmets [votre|ton] message à un responsable de l'équipe {brand|service client}, en priorité."),
            req("[Écrivez-nous|Écris-nous] en message privé pour suivre [votre|ton] dossier. {emoji}"),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} Toutes nos excuses pour {issue}."),
            req("Je transmets à un responsable : [écrivez-nous|écris-nous] en message privé. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Désolés pour {issue}."),
            req("Un responsable reprend [votre|ton] dossier : suite en message privé. {emoji}"),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, we're truly sorry about {issue}, and we take your message very seriously."),
            req("I'm passing this to a team lead right now."),
            req("Please send us a DM so they can get back to you quickly. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} I hear you, and I'm sorry about {issue}."),
            req("I'm passing this to a team lead for priority handling."),
            req("Could you DM us so we can follow up with you personally? {emoji}"),
            opt("{agent} here, I'm following your case."),
            req("{signature}"),
          ],
          [
            req("{author} We're sorry about {issue}."),
            req("I've passed your message to a team lead at {brand|customer care}, as a priority."),
            req("Please DM us so we can keep you updated. {emoji}"),
            req("{signature}"),
          ],
        ],
        short: [
          [
            req("{author} We're sorry about {issue}."),
            req("I'm passing this to a team lead: please DM us. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Sorry about {issue}."),
            req("A team lead is taking this over. Please DM us. {emoji}"),
            req("{signature}"),
          ],
        ],
      },
    },
  },
  fragments: {
    fr: {
      delivery: {
        issue: ["ce souci de livraison", "ce problème avec [votre|ta] commande"],
        fix: [
          "On vérifie tout de suite le suivi de [votre|ton] colis avec le transporteur.",
          "On ouvre une enquête auprès du transporteur pour localiser [votre|ton] colis.",
        ],
        question: [
          "Le suivi indique-t-il un incident ou une date de livraison ?",
          "Le colis est-il indiqué livré sans que [vous l'ayez reçu|tu l'aies reçu] ?",
        ],
      },
      billing: {
        issue: ["ce souci de facturation", "ce problème sur [votre|ta] facture"],
        fix: [
          "On vérifie [votre|ta] facturation ligne par ligne pour corriger toute erreur.",
          "Notre équipe facturation contrôle les prélèvements dès maintenant.",
        ],
        question: [
          "S'agit-il d'un double prélèvement ou d'un montant inattendu ?",
          "Sur quelle période porte l'écart constaté ?",
        ],
      },
      outage: {
        issue: ["cette coupure de service", "cette panne"],
        fix: [
          "Nos équipes techniques sont mobilisées et suivent le rétablissement.",
          "On vérifie l'état du réseau dans [votre|ton] secteur et on lance un diagnostic.",
        ],
        question: [
          "Le problème touche-t-il internet, la télévision ou le téléphone ?",
          "Depuis quelle heure environ la coupure dure-t-elle ?",
        ],
      },
      service: {
        issue: ["l'attente sans réponse", "la difficulté à nous joindre"],
        fix: [
          "Je prends le relais pour que [vous ayez|tu aies] enfin une réponse.",
          "On traite [votre|ta] demande en priorité dès maintenant.",
        ],
        question: [
          "Par quel canal [avez-vous|as-tu] essayé de nous joindre ?",
          "Depuis combien de temps [attendez-vous|attends-tu] une réponse ?",
        ],
      },
      account: {
        issue: ["ce souci d'accès à [votre|ton] compte", "ce souci de compte"],
        fix: [
          "On [vous aide|t'aide] à récupérer [votre|ton] compte en toute sécurité.",
          "Notre équipe sécurité peut débloquer [votre|ton] compte avec [vous|toi].",
        ],
        question: [
          "Quel message s'affiche quand [vous essayez de vous connecter|tu essaies de te connecter] ?",
          "Le blocage est-il apparu après un changement de mot de passe ?",
        ],
      },
      product: {
        issue: ["ce dysfonctionnement", "ce problème avec le produit"],
        fix: [
          "On regarde avec [vous|toi] pour trouver la bonne solution, étape par étape.",
          "Notre support technique peut [vous accompagner|t'accompagner] pour régler ça.",
        ],
        question: [
          "Depuis quand le problème apparaît-il, et sur quel appareil ?",
          "Le souci survient-il à chaque utilisation ou de temps en temps ?",
        ],
      },
      pricing: {
        issue: ["cette question de tarif", "ce souci de prix"],
        fix: [
          "Je peux [vous|te] présenter les offres les plus adaptées à [votre|ton] usage.",
          "On peut faire le point ensemble sur [votre|ton] offre actuelle.",
        ],
        question: ["Sur quelle offre porte [votre|ta] question ?", "Quelle partie du tarif pose question ?"],
      },
      other: {
        issue: ["cette situation", "ce désagrément"],
        fix: ["On regarde ça de près dès maintenant.", "On prend [votre|ta] demande en charge tout de suite."],
        question: [
          "[Pouvez-vous|Peux-tu] nous en dire un peu plus sur ce qui s'est passé ?",
          "Que s'est-il passé exactement ?",
        ],
      },
    },
    en: {
      delivery: {
        issue: ["the trouble with your delivery", "the problem with your order"],
        fix: [
          "We're checking your parcel's tracking with the carrier right now.",
          "We're opening an investigation with the carrier to locate your parcel.",
        ],
        question: [
          "Does the tracking page show an incident or a delivery date?",
          "Does tracking say delivered when you haven't received it?",
        ],
      },
      billing: {
        issue: ["the billing issue", "the trouble with your bill"],
        fix: [
          "Our billing team is reviewing your charges line by line to correct any error.",
          "We're checking the payments on your account right now.",
        ],
        question: ["Is it a double charge or an amount you didn't expect?", "Which billing period does this concern?"],
      },
      outage: {
        issue: ["the service interruption", "the outage"],
        fix: [
          "Our technical teams are on it and we're tracking the restoration closely.",
          "We're checking the network status in your area and running a diagnostic.",
        ],
        question: ["Is it affecting internet, TV or phone service?", "Roughly when did the outage start?"],
      },
      service: {
        issue: ["the wait and the lack of answers", "how hard it was to reach us"],
        fix: [
          "I'm taking this over personally so you finally get an answer.",
          "We're prioritising your request right now.",
        ],
        question: ["Which channel did you use to try to reach us?", "How long have you been waiting for an answer?"],
      },
      account: {
        issue: ["the trouble with your account", "the account access issue"],
        fix: [
          "We'll help you get back into your account safely.",
          "Our security team can secure and unlock your account with you.",
        ],
        question: ["What message do you see when you try to log in?", "Did the lockout start after a password change?"],
      },
      product: {
        issue: ["the trouble with the product", "the issue you're having"],
        fix: [
          "We'll work through it with you step by step to find the right fix.",
          "Our tech support can walk you through sorting this out.",
        ],
        question: [
          "Since when has this been happening, and on which device?",
          "Does it happen every time or only now and then?",
        ],
      },
      pricing: {
        issue: ["the pricing concern", "the price change"],
        fix: [
          "I can walk you through the plans that best fit your usage.",
          "We can review your current plan together.",
        ],
        question: ["Which plan is your question about?", "Which part of the price seems off to you?"],
      },
      other: {
        issue: ["this situation", "the inconvenience"],
        fix: ["We're looking into it right now.", "We're taking care of your request right away."],
        question: ["Could you tell us a bit more about the situation?", "What happened exactly?"],
      },
    },
  },
  remedies: [
    {
      id: "delivery-fee-refund",
      label: { fr: "Remboursement des frais de livraison", en: "Delivery charge refund" },
      text: {
        fr: "Nous vous remboursons les frais de livraison de cette commande.",
        en: "We will refund the delivery charge for this order.",
      },
      categories: ["delivery"],
      privateOnly: true,
    },
    {
      id: "billing-credit-note",
      label: { fr: "Avoir sur la prochaine facture", en: "Credit note on the next bill" },
      text: {
        fr: "Nous vous accordons un avoir du montant prélevé en trop, déduit de votre prochaine facture.",
        en: "We are adding a credit note for the amount charged in error to your next bill.",
      },
      categories: ["billing", "pricing"],
      privateOnly: true,
    },
    {
      id: "outage-free-month",
      label: { fr: "Un mois offert après une panne", en: "A free month after an outage" },
      text: {
        fr: "Pour compenser la coupure, nous vous offrons un mois d'abonnement.",
        en: "To compensate for the outage, we are giving you a free month of service.",
      },
      categories: ["outage"],
      privateOnly: true,
    },
    {
      id: "goodwill-voucher",
      label: { fr: "Bon d'achat (geste commercial)", en: "Goodwill voucher" },
      text: {
        fr: "En geste commercial, nous vous offrons un bon d'achat de 10 € sur votre prochaine commande.",
        en: "As a goodwill gesture, we would like to offer you a €10 voucher for your next order.",
      },
      categories: ["product", "service", "account", "other"],
      privateOnly: true,
    },
  ],
};

/** Validated at module load: a broken built-in playbook must fail the build's tests, not an agent's reply. */
export const DEFAULT_PLAYBOOK: Playbook = Playbook.parse(DEFAULT_PLAYBOOK_INPUT);
