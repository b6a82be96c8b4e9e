import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { isBlocking, lintReply } from "../../../lib/lint";
import { CATEGORIES } from "../../../lib/schemas";
import { limitFor } from "../../../lib/sites/limits";
import {
  chooseVoice,
  fillTemplate,
  remediesFor,
  renderTemplate,
  suggest,
  type TemplateVars,
} from "../../../lib/suggest";
import { checkPlaybook } from "../../../lib/suggest/check";
import {
  DEFAULT_PLAYBOOK,
  formatPath,
  PLAYBOOK_STRATEGIES,
  Playbook,
  type PlaybookInput,
  parsePlaybook,
  templatesOf,
} from "../../../lib/suggest/playbook";
import { detectionOf } from "../support/factories";

const V1 = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/playbook-v1.json"), "utf8"));

/** A deep copy to break, so the shared default stays intact. */
const copy = (): PlaybookInput => structuredClone(DEFAULT_PLAYBOOK);
const errorsOf = (value: unknown): string[] => {
  const r = parsePlaybook(value);
  return r.ok ? [] : r.errors;
};

describe("DEFAULT_PLAYBOOK", () => {
  test("is valid, format 2, and survives a JSON round trip", () => {
    expect(Playbook.parse(DEFAULT_PLAYBOOK)).toEqual(DEFAULT_PLAYBOOK);
    expect(DEFAULT_PLAYBOOK.schemaVersion).toBe(2);
    const round = parsePlaybook(JSON.stringify(DEFAULT_PLAYBOOK));
    expect(round).toEqual({ ok: true, playbook: DEFAULT_PLAYBOOK, migratedFrom: null });
  });

  test("has every strategy, several variants and short templates per language", () => {
    expect(Object.keys(DEFAULT_PLAYBOOK.strategies)).toEqual([...PLAYBOOK_STRATEGIES]);
    for (const strategy of PLAYBOOK_STRATEGIES) {
      for (const lang of ["fr", "en"] as const) {
        expect(DEFAULT_PLAYBOOK.strategies[strategy][lang].variants.length, strategy).toBeGreaterThanOrEqual(3);
        expect(DEFAULT_PLAYBOOK.strategies[strategy][lang].short?.length, strategy).toBeGreaterThanOrEqual(2);
      }
    }
  });

  test("checkPlaybook finds nothing to say about it", () => {
    const check = checkPlaybook(DEFAULT_PLAYBOOK);
    expect(check.templates).toBe(50);
    expect(check.renders).toBeGreaterThan(2_000);
    expect(check.problems).toEqual([]);
  });
});

describe("invalid playbooks are refused with errors naming the field", () => {
  const cases: ReadonlyArray<readonly [string, (p: PlaybookInput) => void, RegExp]> = [
    [
      "unknown placeholder, with a suggestion",
      (p) => {
        const sentence = p.strategies["concrete-fix"].fr.variants[2]?.[0];
        if (sentence) sentence.text = "Désolés pour {prodcut}.";
      },
      /^strategies\.concrete-fix\.fr\.variants\[2\]\[0\]\.text: unknown placeholder \{prodcut\} \(did you mean \{product\}\?\)$/,
    ],
    [
      "unknown placeholder without a close name",
      (p) => {
        const sentence = p.strategies["ask-detail"].en.variants[0]?.[1];
        if (sentence) sentence.text = "Please send your {orderNumber} here.";
      },
      /^strategies\.ask-detail\.en\.variants\[0\]\[1\]\.text: unknown placeholder \{orderNumber\}$/,
    ],
    [
      "missing language",
      (p) => {
        delete (p.strategies["hand-off"] as Partial<PlaybookInput["strategies"]["hand-off"]>).en;
      },
      /^strategies\.hand-off\.en: is missing$/,
    ],
    [
      "missing strategy",
      (p) => {
        delete (p.strategies as Partial<PlaybookInput["strategies"]>)["follow-up"];
      },
      /^strategies\.follow-up: is missing$/,
    ],
    [
      "empty variants",
      (p) => {
        p.strategies["acknowledge-dm"].en.variants = [];
      },
      /^strategies\.acknowledge-dm\.en\.variants: is empty: give at least one template$/,
    ],
    [
      "empty template",
      (p) => {
        p.strategies["acknowledge-dm"].fr.variants[0] = [];
      },
      /^strategies\.acknowledge-dm\.fr\.variants\[0\]: has no sentence$/,
    ],
    [
      "wrong type",
      (p) => {
        const sentence = p.strategies["follow-up"].fr.variants[1]?.[0];
        if (sentence) (sentence as { optional: unknown }).optional = "yes";
      },
      /^strategies\.follow-up\.fr\.variants\[1\]\[0\]\.optional: should be true or false, not the text "yes"$/,
    ],
    [
      "text that is a number",
      (p) => {
        (p.fragments.en.billing as { fix: unknown }).fix = [42];
      },
      /^fragments\.en\.billing\.fix\[0\]: should be text, not the number 42$/,
    ],
    [
      "negative revision",
      (p) => {
        p.revision = -1;
      },
      /^revision: should be 0 or more$/,
    ],
    [
      "unknown formality",
      (p) => {
        (p.voice as { formality: string }).formality = "ihr";
      },
      /^voice\.formality: should be "vous" or "tu", not "ihr"$/,
    ],
    [
      "malformed placeholder",
      (p) => {
        const sentence = p.strategies["hand-off"].en.variants[0]?.[0];
        if (sentence) sentence.text = "Hi {Author Name}, sorry.";
      },
      /^strategies\.hand-off\.en\.variants\[0\]\[0\]\.text: malformed placeholder \{Author Name\}/,
    ],
    [
      "unbalanced voice choice",
      (p) => {
        const sentence = p.strategies["concrete-fix"].fr.variants[1]?.[2];
        if (sentence) sentence.text = "[Écrivez-nous|Écris-nous en message privé.";
      },
      /^strategies\.concrete-fix\.fr\.variants\[1\]\[2\]\.text: unbalanced/,
    ],
    [
      "placeholder inside a fragment",
      (p) => {
        p.fragments.en.billing.fix = ["We'll refund {author} right now."];
      },
      /^fragments\.en\.billing\.fix\[0\]: takes no placeholder \(found \{author\}\)/,
    ],
    [
      "missing category fragments",
      (p) => {
        delete (p.fragments.fr as Partial<typeof p.fragments.fr>).pricing;
      },
      /^fragments\.fr\.pricing: is missing$/,
    ],
    [
      "a misspelt field",
      (p) => {
        const set = p.strategies["ask-detail"].fr as Record<string, unknown>;
        set.variant = set.variants;
      },
      /^strategies\.ask-detail\.fr\.variant: unknown field \(a typo\?\)$/,
    ],
    [
      "a remedy offered in public",
      (p) => {
        const remedy = p.remedies?.[0];
        if (remedy) (remedy as { privateOnly: boolean }).privateOnly = false;
      },
      /^remedies\[0\]\.privateOnly: must be true: remedies are only offered in private$/,
    ],
    [
      "a remedy for an unknown category",
      (p) => {
        const remedy = p.remedies?.[1];
        if (remedy) remedy.categories = ["shipping" as "delivery"];
      },
      /^remedies\[1\]\.categories\[0\]: should be /,
    ],
    [
      "duplicate remedy ids",
      (p) => {
        const [a, b] = p.remedies ?? [];
        if (a && b) b.id = a.id;
      },
      /^remedies\[1\]\.id: duplicate remedy id "delivery-fee-refund"$/,
    ],
    [
      "a prompt named like a built-in variable",
      (p) => {
        p.strategies["concrete-fix"].prompts = [{ name: "agent", label: { fr: "agent", en: "agent" }, example: "Jo" }];
      },
      /^strategies\.concrete-fix\.prompts\[0\]\.name: \{agent\} is a built-in variable/,
    ],
    [
      "a template with no words of its own",
      (p) => {
        p.strategies["follow-up"].en.short = [[{ text: "{author} {signature}", optional: false }]];
      },
      /^strategies\.follow-up\.en\.short\[0\]: needs a required sentence with words of its own/,
    ],
    [
      "a signature too long",
      (p) => {
        p.voice.signature = "x".repeat(31);
      },
      /^voice\.signature: is longer than 30 characters$/,
    ],
  ];

  test.each(cases)("%s", (_name, breakIt, expected) => {
    const broken = copy();
    breakIt(broken);
    const errors = errorsOf(broken);
    expect(
      errors.some((e) => expected.test(e)),
      errors.join("\n"),
    ).toBe(true);
    // The same through JSON text, as the editor and the command line give it.
    expect(errorsOf(JSON.stringify(broken))).toEqual(errors);
  });

  test("several problems are reported together, misspelt placeholders included", () => {
    const broken = copy();
    (broken.voice as { formality: string }).formality = "ihr";
    const sentence = broken.strategies["concrete-fix"].en.variants[0]?.[0];
    if (sentence) sentence.text = "Hi {authr}, sorry.";
    const errors = errorsOf(broken);
    expect(errors).toContain('voice.formality: should be "vous" or "tu", not "ihr"');
    expect(errors).toContain(
      "strategies.concrete-fix.en.variants[0][0].text: unknown placeholder {authr} (did you mean {author}?)",
    );
  });

  test.each([
    ["not JSON", "{ nope", /^\(playbook\): not valid JSON/],
    ["a list", "[]", /^\(playbook\): should be a JSON object \{ … \}, not a list$/],
    ["a future format", JSON.stringify({ schemaVersion: 3 }), /^schemaVersion: 3 is not a format this Apaise reads/],
    ["an empty object", "{}", /^schemaVersion: is missing$/],
  ])("%s", (_name, json, expected) => {
    const errors = errorsOf(json);
    expect(
      errors.some((e) => expected.test(e)),
      errors.join("\n"),
    ).toBe(true);
  });

  test("a wholly wrong document lists at most 40 problems, then a count", () => {
    const errors = errorsOf({
      schemaVersion: 2,
      revision: 0,
      voice: { formality: "vous", emoji: false },
      strategies: Object.fromEntries(PLAYBOOK_STRATEGIES.map((s) => [s, { fr: {}, en: {} }])),
      fragments: { fr: {}, en: {} },
      remedies: Array.from({ length: 10 }, () => ({})),
    });
    expect(errors).toHaveLength(41);
    expect(errors[40]).toMatch(/^… and \d+ more problems$/);
  });

  test("formatPath", () => {
    expect(formatPath(["strategies", "concrete-fix", "fr", "variants", 2, 0, "text"])).toBe(
      "strategies.concrete-fix.fr.variants[2][0].text",
    );
    expect(formatPath([])).toBe("(playbook)");
    expect(formatPath(["remedies", 0])).toBe("remedies[0]");
  });
});

describe("migration from format 1", () => {
  test("the stored v1 default migrates: strategies and fragments carry over, escalation becomes hand-off", () => {
    const r = parsePlaybook(V1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    const p = r.playbook;
    expect(p.schemaVersion).toBe(2);
    expect(p.revision).toBe(V1.version);
    expect(p.voice).toEqual({ ...V1.voice, signature: "" });
    for (const s of ["acknowledge-dm", "concrete-fix", "ask-detail"] as const) {
      for (const lang of ["fr", "en"] as const) {
        expect(p.strategies[s][lang]).toEqual({ variants: V1.strategies[s][lang].variants });
      }
    }
    expect(p.strategies["hand-off"].fr.variants).toEqual(V1.strategies["acknowledge-dm"].fr.escalation);
    expect(p.strategies["hand-off"].en.variants).toEqual(V1.strategies["acknowledge-dm"].en.escalation);
    expect(p.strategies["follow-up"]).toEqual(DEFAULT_PLAYBOOK.strategies["follow-up"]);
    expect(p.fragments).toEqual(V1.fragments);
    expect(p.remedies).toEqual([]);
  });

  test("a v1 playbook without escalation gets the built-in hand-off; the migrated one suggests", () => {
    const v1 = structuredClone(V1);
    delete v1.strategies["acknowledge-dm"].fr.escalation;
    v1.voice = { formality: "tu", emoji: true };
    const r = parsePlaybook(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.playbook.strategies["hand-off"].fr).toEqual(DEFAULT_PLAYBOOK.strategies["hand-off"].fr);
    expect(r.playbook.strategies["hand-off"].en.variants).toEqual(V1.strategies["acknowledge-dm"].en.escalation);
    const out = suggest({
      post: { id: "m1", author: "jane", site: "x", text: "" },
      detection: detectionOf("fr", "outage", 3),
      playbook: r.playbook,
    });
    expect(new Set(out.map((s) => s.text)).size).toBe(3);
    expect(out[0]?.strategy).toBe("hand-off");
    for (const s of out) expect(s.text).not.toMatch(/\b(vous|votre)\b/);
  });

  test("an invalid v1 playbook is refused with format-1 paths", () => {
    const v1 = structuredClone(V1);
    v1.version = 0;
    v1.strategies["ask-detail"].en.variants[0][1].text = "Send your {orderNumber}.";
    const errors = errorsOf(v1);
    expect(errors.some((e) => e.startsWith("(format 1) version: "))).toBe(true);
    expect(errors).toContain(
      "(format 1) strategies.ask-detail.en.variants[0][1].text: unknown placeholder {orderNumber}",
    );
  });
});

// ── Every built-in template, rendered the way agents meet it ─────────────────────────────────────────────

const FULL: TemplateVars = {
  author: "@a_fifteen_char", // X handles are at most 15 characters
  agent: "Marie-Claire",
  signature: "^MC",
  brand: "Acme Télécom",
  product: "Box 5G",
};
const BARE: TemplateVars = { author: "@jane_doe", agent: "", signature: "", brand: "", product: "" };

interface Rendered {
  where: string;
  lang: "fr" | "en";
  kind: "variants" | "short";
  text: string;
  /** Required sentences only, without the @mention: what fitting falls back to. */
  required: string;
}

/** Every template × category × voice × fragment × settings (with and without agent/brand/signature) × emoji. */
function* everyReply(): Generator<Rendered> {
  for (const ref of templatesOf(DEFAULT_PLAYBOOK)) {
    for (const category of CATEGORIES) {
      const f = DEFAULT_PLAYBOOK.fragments[ref.lang][category];
      for (const formality of ["vous", "tu"] as const) {
        for (const issue of f.issue) {
          for (const fix of f.fix) {
            for (const question of f.question) {
              for (const [label, settings] of [
                ["full", FULL],
                ["bare", BARE],
              ] as const) {
                for (const emoji of ["", "🙏"]) {
                  const vars: TemplateVars = {
                    ...settings,
                    emoji,
                    issue: chooseVoice(issue, formality),
                    fix: chooseVoice(fix, formality),
                    question: chooseVoice(question, formality),
                  };
                  yield {
                    where: `${ref.path} ${category} ${formality} ${label}${emoji ? " emoji" : ""}`,
                    lang: ref.lang,
                    kind: ref.kind,
                    text: renderTemplate(ref.template, vars, formality),
                    required: renderTemplate(
                      ref.template.filter((s) => !s.optional),
                      { ...vars, author: "" },
                      formality,
                    ),
                  };
                }
              }
            }
          }
        }
      }
    }
  }
}

describe("every built-in template", () => {
  const replies = [...everyReply()];

  test("there are many combinations", () => {
    expect(replies.length).toBeGreaterThan(10_000);
  });

  test("renders with no placeholder left, and no lint warning at the strictest severity", () => {
    for (const r of replies) {
      expect(r.text, r.where).not.toMatch(/[{}[\]|]/);
      const warnings = lintReply(r.text, { postLang: r.lang, severity: 3, maxLength: 1_000 });
      expect({ where: r.where, text: r.text, warnings }).toEqual({ where: r.where, text: r.text, warnings: [] });
    }
  }, 120_000);

  test("fits: regular ones X's 280 with every sentence kept, short ones TikTok's 150 once fitted", () => {
    const x = limitFor("x");
    const tiktok = limitFor("tiktok");
    for (const r of replies) {
      if (r.kind === "variants") expect(x.measure(r.text), `${r.where}: ${r.text}`).toBeLessThanOrEqual(280);
      else expect(tiktok.measure(r.required), `${r.where}: ${r.required}`).toBeLessThanOrEqual(150);
    }
  });

  test("leaves no trace of an empty agent, brand or signature", () => {
    for (const r of replies) {
      if (!r.where.includes(" bare")) continue;
      expect(r.text, r.where).not.toMatch(/ {2}| \^|\^$| [,.]|, ?[.,]|\s$|\bIci\b|here, happy|from the {1,2}team/);
    }
  });

  test("invites to a private message", () => {
    for (const r of replies) {
      expect(r.text, r.where).toMatch(r.lang === "fr" ? /message privé/ : /\bDM\b|direct message/);
    }
  });

  test("apologises or shows empathy", () => {
    for (const r of replies) {
      expect(r.text, r.where).toMatch(
        r.lang === "fr"
          ? /excuses|désolés|comprends|comprenons|entendons|entend/i
          : /sorry|apolog|understand|hear you/i,
      );
    }
  });

  test("offers no compensation in public", () => {
    const fr = /rembours|geste commercial|bon d'achat|\bun avoir\b|dédommag|compens|code promo|réduction|gratuit/i;
    const en = /refund|compensat|voucher|discount|\bfree\b|coupon|reimburs|\bcredit\b/i;
    for (const r of replies) expect(r.text, r.where).not.toMatch(r.lang === "fr" ? fr : en);
  });

  test("never asks for personal data in public", () => {
    const ask =
      /(envoy|donn|indiqu|communiqu|précis|send|give|share|tell|post|reply with)\w*\b[^.?!:]*\b(numéro|adresse|mot de passe|téléphone|order number|address|phone number|password|card number|date of birth)/i;
    for (const r of replies) {
      const withoutPrivateChannel = r.text
        .split(/(?<=[.?!])\s/)
        .filter((s) => !/message privé|\bDM\b|direct message/.test(s))
        .join(" ");
      expect(withoutPrivateChannel, r.where).not.toMatch(ask);
    }
  });

  test("never blames the customer", () => {
    const blame =
      /auriez dû|aurais dû|votre faute|ta faute|you should have|your fault|you failed to|vous n'avez pas lu/i;
    for (const r of replies) expect(r.text, r.where).not.toMatch(blame);
  });
});

describe("remedies stay private", () => {
  test("every built-in remedy would trip the public-compensation rule in a public reply", () => {
    expect(DEFAULT_PLAYBOOK.remedies.length).toBeGreaterThanOrEqual(3);
    for (const remedy of DEFAULT_PLAYBOOK.remedies) {
      expect(remedy.privateOnly).toBe(true);
      for (const lang of ["fr", "en"] as const) {
        const rules = lintReply(remedy.text[lang], { postLang: lang, severity: 1, maxLength: 280 }).map((w) => w.rule);
        expect(rules, `${remedy.id} ${lang}`).toContain("public-compensation");
      }
    }
  });

  test("no suggestion ever carries a remedy", () => {
    const remedyTexts = DEFAULT_PLAYBOOK.remedies.flatMap((r) => [r.text.fr, r.text.en, r.label.fr, r.label.en]);
    for (const category of CATEGORIES) {
      for (const severity of [0, 1, 2, 3] as const) {
        for (const lang of ["fr", "en", "de"] as const) {
          for (const alreadyAnswered of [false, true]) {
            for (const id of ["r1", "r2", "r3", "r4"]) {
              const out = suggest({
                post: { id, author: "jane", site: "x", text: "" },
                detection: detectionOf(lang, category, severity),
                alreadyAnswered,
              });
              for (const s of out) {
                for (const t of remedyTexts) expect(s.text).not.toContain(t);
                const rules = lintReply(s.text, { postLang: lang, severity, maxLength: 280 }).map((w) => w.rule);
                expect(rules).not.toContain("public-compensation");
              }
            }
          }
        }
      }
    }
  });

  test("remediesFor lists the category's remedies in the reply language", () => {
    const fr = remediesFor(DEFAULT_PLAYBOOK, { category: "delivery", lang: "fr" });
    expect(fr.map((r) => r.id)).toEqual(["delivery-fee-refund"]);
    expect(fr[0]?.text).toMatch(/rembours/);
    expect(fr[0]?.lang).toBe("fr");
    const es = remediesFor(DEFAULT_PLAYBOOK, { category: "billing", lang: "es" });
    expect(es.map((r) => [r.id, r.lang])).toEqual([["billing-credit-note", "en"]]);
    expect(remediesFor({ ...DEFAULT_PLAYBOOK, remedies: [] }, { category: "outage", lang: "en" })).toEqual([]);
  });
});

describe("fillTemplate fallbacks", () => {
  test.each([
    ["l'équipe {brand|service client}", { brand: "" }, "l'équipe service client"],
    ["l'équipe {brand|service client}", { brand: "Acme" }, "l'équipe Acme"],
    ["l'équipe {brand|service client}", {}, "l'équipe service client"],
    ["your {product|plan} works", { product: "Box 5G" }, "your Box 5G works"],
    ["Hi {author|there}!", { author: "@jo" }, "Hi @jo!"],
    ["{agent|} here", { agent: "" }, "here"],
  ] as const)("%s with %j", (template, vars, expected) => {
    expect(fillTemplate(template, vars)).toBe(expected);
  });

  test("an optional sentence with a fallback is kept when the value is empty", () => {
    const template = [
      { text: "Sorry about this.", optional: false },
      { text: "The {brand|customer care} team is on it.", optional: true },
      { text: "Ici {agent}, à votre service.", optional: true },
    ];
    expect(renderTemplate(template, { brand: "", agent: "" }, "vous")).toBe(
      "Sorry about this. The customer care team is on it.",
    );
  });
});

describe("agent prompts", () => {
  const withPrompt = (): Playbook => {
    const p = copy();
    p.strategies["concrete-fix"].prompts = [
      { name: "eta", label: { fr: "heure de rétablissement", en: "restoration time" }, example: "15 h 30" },
    ];
    for (const lang of ["fr", "en"] as const) {
      p.strategies["concrete-fix"][lang].variants = [
        [
          {
            text: lang === "fr" ? "Désolés pour {issue}, {author}." : "Sorry about {issue}, {author}.",
            optional: false,
          },
          {
            text: lang === "fr" ? "Retour prévu vers {eta}, suite en message privé." : "Back by {eta}, more by DM.",
            optional: false,
          },
        ],
      ];
      delete p.strategies["concrete-fix"][lang].short;
    }
    return Playbook.parse(p);
  };

  test.each(["fr", "en"] as const)("a prompt renders as a marker the linter blocks (%s)", (lang) => {
    const out = suggest({
      post: { id: "p1", author: "jane", site: "x", text: "" },
      detection: detectionOf(lang, "outage", 1),
      playbook: withPrompt(),
    });
    const fix = out.find((s) => s.strategy === "concrete-fix");
    const marker = lang === "fr" ? "[HEURE DE RÉTABLISSEMENT]" : "[RESTORATION TIME]";
    expect(fix?.text).toContain(marker);
    expect(fix?.prompts).toEqual([
      {
        name: "eta",
        marker,
        label: lang === "fr" ? "heure de rétablissement" : "restoration time",
        example: "15 h 30",
      },
    ]);
    const warnings = lintReply(fix?.text ?? "", { postLang: lang, severity: 1, maxLength: 280 });
    expect(warnings.filter((w) => w.rule === "placeholder").map((w) => [w.excerpt, w.level])).toEqual([
      [marker, "block"],
    ]);
    expect(isBlocking(warnings)).toBe(true);
    // Once the agent types the value, nothing blocks.
    const filled = (fix?.text ?? "").replace(marker, "15 h 30");
    expect(isBlocking(lintReply(filled, { postLang: lang, severity: 1, maxLength: 280 }))).toBe(false);
  });

  test("checkPlaybook fills prompts with their example", () => {
    expect(checkPlaybook(withPrompt()).problems).toEqual([]);
  });

  test("an undeclared prompt is an unknown placeholder", () => {
    const p = copy();
    const sentence = p.strategies["hand-off"].fr.variants[0]?.[1];
    if (sentence) sentence.text = "Retour prévu vers {eta}.";
    expect(errorsOf(p)).toContain("strategies.hand-off.fr.variants[0][1].text: unknown placeholder {eta}");
  });
});

test("checkPlaybook reports blocking renders and long templates with their path", () => {
  const p = copy();
  const blame = p.strategies["ask-detail"].en.variants[1]?.[1];
  if (blame) blame.text = "You should have read the FAQ.";
  const long = p.strategies["follow-up"].en.short?.[0]?.[1];
  if (long) long.text = `${"We are still looking into this for you. ".repeat(4)}DM us.`;
  const check = checkPlaybook(Playbook.parse(p));
  const blocking = check.problems.filter((x) => x.level === "block");
  expect(blocking.map((x) => [x.path, x.rule, x.excerpt])).toEqual([
    ["strategies.ask-detail.en.variants[1]", "blame", "You should have"],
  ]);
  expect(check.problems.some((x) => x.path === "strategies.follow-up.en.short[0]" && x.rule === "length")).toBe(true);
});
