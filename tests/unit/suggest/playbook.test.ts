import { describe, expect, test } from "vitest";
import { z } from "zod";
import { CATEGORIES, STRATEGIES } from "../../../lib/schemas";
import { chooseVoice, fillTemplate, type TemplateVars, weightedLength } from "../../../lib/suggest";
import { DEFAULT_PLAYBOOK, Playbook, type Template } from "../../../lib/suggest/playbook";

/** A deep copy to break, so the shared default stays intact. */
const copy = (): z.input<typeof Playbook> => structuredClone(DEFAULT_PLAYBOOK);

describe("DEFAULT_PLAYBOOK", () => {
  test("is valid", () => {
    expect(Playbook.parse(DEFAULT_PLAYBOOK)).toEqual(DEFAULT_PLAYBOOK);
  });

  test("has several variants per strategy and language, and an escalation for acknowledge-dm", () => {
    for (const strategy of STRATEGIES) {
      for (const lang of ["fr", "en"] as const) {
        expect(DEFAULT_PLAYBOOK.strategies[strategy][lang].variants.length).toBeGreaterThanOrEqual(3);
      }
    }
    expect(DEFAULT_PLAYBOOK.strategies["acknowledge-dm"].fr.escalation?.length).toBeGreaterThanOrEqual(2);
    expect(DEFAULT_PLAYBOOK.strategies["acknowledge-dm"].en.escalation?.length).toBeGreaterThanOrEqual(2);
  });
});

describe("Playbook schema refuses invalid playbooks, naming the field", () => {
  const cases: ReadonlyArray<readonly [string, (p: z.input<typeof Playbook>) => void, (string | number)[]]> = [
    [
      "version 0",
      (p) => {
        p.version = 0;
      },
      ["version"],
    ],
    [
      "unknown formality",
      (p) => {
        (p.voice as { formality: string }).formality = "ihr";
      },
      ["voice", "formality"],
    ],
    [
      "unknown placeholder",
      (p) => {
        const sentence = p.strategies["ask-detail"].en.variants[0]?.[1];
        if (sentence) sentence.text = "Please send your {orderNumber} here.";
      },
      ["strategies", "ask-detail", "en", "variants", 0, 1, "text"],
    ],
    [
      "unbalanced voice choice",
      (p) => {
        const sentence = p.strategies["concrete-fix"].fr.variants[1]?.[2];
        if (sentence) sentence.text = "[Écrivez-nous|Écris-nous en message privé.";
      },
      ["strategies", "concrete-fix", "fr", "variants", 1, 2, "text"],
    ],
    [
      "placeholder inside a fragment",
      (p) => {
        p.fragments.en.billing.fix = ["We'll refund {author} right now."];
      },
      ["fragments", "en", "billing", "fix", 0],
    ],
    [
      "missing category fragments",
      (p) => {
        delete (p.fragments.fr as Partial<typeof p.fragments.fr>).pricing;
      },
      ["fragments", "fr", "pricing"],
    ],
    [
      "no variants",
      (p) => {
        p.strategies["acknowledge-dm"].en.variants = [];
      },
      ["strategies", "acknowledge-dm", "en", "variants"],
    ],
    [
      "empty template",
      (p) => {
        p.strategies["acknowledge-dm"].fr.variants[0] = [];
      },
      ["strategies", "acknowledge-dm", "fr", "variants", 0],
    ],
  ];

  test.each(cases)("%s", (_name, breakIt, path) => {
    const broken = copy();
    breakIt(broken);
    const result = Playbook.safeParse(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => i.path)).toContainEqual(path);
    // The readable form names the field too (what the options page would show a team lead).
    expect(z.prettifyError(result.error)).toContain(String(path[0]));
  });
});

/** Every template × category × voice × fragment choice, filled with realistic values. */
function* everyReply(): Generator<{ where: string; lang: "fr" | "en"; strategy: string; text: string }> {
  const vars: TemplateVars = {
    author: "@a_fifteen_char", // X handles are at most 15 characters
    agent: "Marie-Claire",
    signature: "^MC",
    brand: "Acme Télécom",
    emoji: "🙏",
  };
  for (const strategy of STRATEGIES) {
    for (const lang of ["fr", "en"] as const) {
      const set = DEFAULT_PLAYBOOK.strategies[strategy][lang];
      const templates: [string, Template][] = [
        ...set.variants.map((t, i) => [`variants[${i}]`, t] as [string, Template]),
        ...(set.escalation ?? []).map((t, i) => [`escalation[${i}]`, t] as [string, Template]),
      ];
      for (const [name, template] of templates) {
        for (const category of CATEGORIES) {
          const f = DEFAULT_PLAYBOOK.fragments[lang][category];
          for (const formality of ["vous", "tu"] as const) {
            for (const issue of f.issue) {
              for (const fix of f.fix) {
                for (const question of f.question) {
                  const all: TemplateVars = {
                    ...vars,
                    issue: chooseVoice(issue, formality),
                    fix: chooseVoice(fix, formality),
                    question: chooseVoice(question, formality),
                  };
                  const text = template.map((s) => fillTemplate(chooseVoice(s.text, formality), all)).join(" ");
                  yield { where: `${strategy}.${lang}.${name} ${category} ${formality}`, lang, strategy, text };
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
    expect(replies.length).toBeGreaterThan(500);
  });

  test("fills without leftover placeholders and fits 280 with every optional sentence kept", () => {
    for (const r of replies) {
      expect(r.text, r.where).not.toMatch(/[{}[\]|]/);
      expect(weightedLength(r.text), `${r.where}: ${r.text}`).toBeLessThanOrEqual(280);
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
