/**
 * Lints a valid playbook the way agents will meet it: every template rendered in its language, in both French
 * voices, for every category, with every fragment, with and without the agent's name, brand, product and
 * signature, prompts filled with their examples, then passed through the tone linter at the strictest severity.
 * Also flags templates too long for X (or, for short ones, TikTok) even without their optional sentences, and
 * remedy texts that blame, threaten or mock. Pure: used by `npm run playbook:lint`, the options page and tests.
 */
import { type LintWarning, lintReply } from "../lint";
import type { Bilingual } from "../lint/rules";
import { CATEGORIES } from "../schemas";
import { SITE_LIMITS } from "../sites/limits";
import { chooseVoice, renderTemplate, type TemplateVars } from "./index";
import { PLAYBOOK_LANGS, type Playbook, type PlaybookLang, type Template, templatesOf } from "./playbook";

export interface PlaybookProblem {
  /** Where in the document: "strategies.concrete-fix.fr.variants[2]", "remedies[1].text.en". */
  path: string;
  level: "block" | "warn";
  /** A lint rule id, or "length". */
  rule: string;
  excerpt: string;
  message: Bilingual;
  /** The first rendering that showed it: "delivery, tu, no agent/brand/signature". */
  where: string;
}

export interface PlaybookCheck {
  templates: number;
  renders: number;
  problems: PlaybookProblem[];
}

/** Sample values, as long as real ones get (X handles are at most 15 characters). */
const FULL = {
  author: "@a_fifteen_char",
  agent: "Marie-Claire",
  signature: "^MC",
  brand: "Acme Télécom",
  product: "Box 5G",
} as const;
const BARE = { author: "@jane_doe", agent: "", signature: "", brand: "", product: "" } as const;

/** Rules that concern a private message too (asking for an address or offering a refund is fine there). */
const REMEDY_RULES: ReadonlySet<string> = new Set([
  "blame",
  "defensive",
  "threat",
  "sarcasm",
  "capitals",
  "placeholder",
]);

const LENGTH_MESSAGE = (site: string, max: number): Bilingual => ({
  en: `Longer than ${site}'s ${max} even without its optional sentences: replies from it will be cut with "…".`,
  fr: `Plus long que la limite de ${site} (${max}) même sans ses phrases facultatives : les réponses seront coupées avec « … ».`,
});

/** A lint warning, or a finding of our own ("length"). */
type Finding = Pick<LintWarning, "level" | "excerpt" | "message"> & { rule: string };

export function checkPlaybook(playbook: Playbook): PlaybookCheck {
  const problems = new Map<string, PlaybookProblem>();
  const add = (path: string, w: Finding, where: string) => {
    const key = `${path}|${w.rule}|${w.excerpt}`;
    if (!problems.has(key))
      problems.set(key, { path, level: w.level, rule: w.rule, excerpt: w.excerpt, message: w.message, where });
  };
  const emoji = playbook.voice.emoji ? "🙏" : "";
  let templates = 0;
  let renders = 0;

  for (const ref of templatesOf(playbook)) {
    templates++;
    const prompts = Object.fromEntries(ref.prompts.map((p) => [p.name, p.example]));
    const formalities = ref.lang === "fr" ? (["vous", "tu"] as const) : (["vous"] as const);
    for (const category of CATEGORIES) {
      const f = playbook.fragments[ref.lang][category];
      // Every fragment at least once, without the full product of the three lists.
      const rounds = Math.max(f.issue.length, f.fix.length, f.question.length);
      for (const formality of formalities) {
        for (let i = 0; i < rounds; i++) {
          for (const [label, settings] of [
            ["with agent/brand/signature", FULL],
            ["no agent/brand/signature", BARE],
          ] as const) {
            const vars: TemplateVars = {
              ...settings,
              ...prompts,
              emoji,
              issue: chooseVoice(f.issue[i % f.issue.length] ?? "", formality),
              fix: chooseVoice(f.fix[i % f.fix.length] ?? "", formality),
              question: chooseVoice(f.question[i % f.question.length] ?? "", formality),
            };
            const text = renderTemplate(ref.template, vars, formality);
            renders++;
            const where = `${category}, ${formality}, ${label}`;
            for (const w of lintReply(text, { postLang: ref.lang, severity: 3, maxLength: 100_000 })) {
              add(ref.path, w, where);
            }
          }
        }
      }
    }
    lengthCheck(playbook, ref.template, ref.lang, ref.kind, ref.path, prompts, add);
  }

  playbook.remedies.forEach((remedy, r) => {
    for (const lang of PLAYBOOK_LANGS) {
      for (const w of lintReply(remedy.text[lang], { postLang: lang, severity: 0, maxLength: 100_000 })) {
        if (REMEDY_RULES.has(w.rule)) add(`remedies[${r}].text.${lang}`, w, "private message");
      }
    }
  });

  return { templates, renders, problems: [...problems.values()] };
}

/** Required sentences alone, without the @mention, with the longest fragments, against X (regular templates) or TikTok (short ones). */
function lengthCheck(
  playbook: Playbook,
  template: Template,
  lang: PlaybookLang,
  kind: "variants" | "short",
  path: string,
  prompts: Record<string, string>,
  add: (path: string, w: Finding, where: string) => void,
): void {
  const rule = kind === "short" ? SITE_LIMITS.tiktok : SITE_LIMITS.x;
  const longest = (list: readonly string[]) =>
    list.map((s) => chooseVoice(s, "vous")).reduce((a, b) => (b.length > a.length ? b : a), "");
  let worst = 0;
  for (const category of CATEGORIES) {
    const f = playbook.fragments[lang][category];
    const vars: TemplateVars = {
      ...BARE,
      // The engine drops the @mention before cutting anything.
      author: "",
      ...prompts,
      emoji: playbook.voice.emoji ? "🙏" : "",
      issue: longest(f.issue),
      fix: longest(f.fix),
      question: longest(f.question),
    };
    const required = template.filter((s) => !s.optional);
    worst = Math.max(worst, rule.measure(renderTemplate(required, vars, "vous")));
  }
  if (worst > rule.max) {
    const site = kind === "short" ? "TikTok" : "X";
    add(
      path,
      { rule: "length", level: "warn", excerpt: `${worst}/${rule.max}`, message: LENGTH_MESSAGE(site, rule.max) },
      "longest fragments",
    );
  }
}
