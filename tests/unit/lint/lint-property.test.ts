import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type LintContext, type LintRuleId, lintReply } from "../../../lib/lint";
import { weightedLength } from "../../../lib/suggest";

/**
 * Words and pieces the rules look for, plus the awkward characters (combining marks, surrogate halves, emoji
 * sequences, no-break spaces, typographic apostrophes): random strings alone would almost never reach the
 * interesting code paths.
 */
const PIECES = [
  "sorry",
  "Désolés",
  "you should have",
  "vous auriez dû",
  "your fault",
  "n't",
  "ne",
  "pas",
  "close your account",
  "fermer votre compte",
  "legal action",
  "send us your order number",
  "votre numéro de commande",
  "by DM",
  "en message privé",
  "refund",
  "un avoir de 20 €",
  "remise",
  "obviously",
  "bien évidemment",
  "🙄",
  "🤦🏽‍♀️",
  "🙏",
  "VERY",
  "SORRY",
  "SNCF",
  "{author}",
  "[NAME]",
  "[vous|tu]",
  "<order>",
  "XXX",
  "TODO",
  "jane@example.com",
  "06 12 34 56 78",
  "4111 1111 1111 1111",
  "FR76 3000 6000 0112 3456 7890 189",
  "@jane_doe",
  "#fail",
  "https://acme.com/refund.",
  "e\u0301",
  "E\u0301",
  "\u0302",
  "\ud83d",
  "\ude44",
  "İ",
  "ß",
  "’",
  "\u00a0",
  "\n",
  ".",
  ",",
  "?",
  " ",
  " ",
  " ",
];

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join("")),
);

const MEASURES: readonly ((s: string) => number)[] = [weightedLength, (s) => s.length, () => 0, (s) => 2 * s.length];

const context: fc.Arbitrary<LintContext> = fc.record(
  {
    postLang: fc.oneof(fc.constantFrom("fr", "en", "fr-CA", "EN", "es", "und", ""), fc.string({ maxLength: 8 })),
    severity: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
    maxLength: fc.oneof(fc.integer({ min: -5, max: 600 }), fc.constantFrom(0, 280, Number.POSITIVE_INFINITY)),
    measure: fc.constantFrom(...MEASURES),
  },
  { requiredKeys: ["postLang", "severity", "maxLength"] },
);

const WHOLE_TEXT: ReadonlySet<LintRuleId> = new Set(["no-apology", "too-long", "wrong-language"]);

describe("lintReply properties", () => {
  test("never throws; offsets are in bounds, excerpts are the slices, order is deterministic", () => {
    fc.assert(
      fc.property(text, context, (t, ctx) => {
        const warnings = lintReply(t, ctx);
        for (const w of warnings) {
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeGreaterThanOrEqual(w.start);
          expect(w.end).toBeLessThanOrEqual(t.length);
          expect(w.excerpt).toBe(t.slice(w.start, w.end));
          if (WHOLE_TEXT.has(w.rule)) expect([w.start, w.end]).toEqual([0, t.length]);
          else expect(w.end).toBeGreaterThan(w.start);
        }
        for (let i = 1; i < warnings.length; i++) {
          const a = warnings[i - 1];
          const b = warnings[i];
          if (!a || !b) continue;
          expect(a.start < b.start || (a.start === b.start && a.rule <= b.rule)).toBe(true);
        }
        expect(lintReply(t, ctx)).toEqual(warnings);
      }),
      { numRuns: 1_500 },
    );
  });

  test("too-long appears iff measure(text) > maxLength", () => {
    fc.assert(
      fc.property(text, context, (t, ctx) => {
        const measured = (ctx.measure ?? weightedLength)(t);
        const tooLong = lintReply(t, ctx).filter((w) => w.rule === "too-long");
        expect(tooLong.length).toBe(measured > ctx.maxLength ? 1 : 0);
      }),
      { numRuns: 1_000 },
    );
  });

  test("levels follow the rule (no-apology blocks only at severity 3)", () => {
    const BLOCK: ReadonlySet<LintRuleId> = new Set(["blame", "threat", "personal-data", "too-long", "placeholder"]);
    fc.assert(
      fc.property(text, context, (t, ctx) => {
        for (const w of lintReply(t, ctx)) {
          if (w.rule === "no-apology") {
            expect(ctx.severity).toBeGreaterThanOrEqual(2);
            expect(w.level).toBe(ctx.severity === 3 ? "block" : "warn");
          } else expect(w.level).toBe(BLOCK.has(w.rule) ? "block" : "warn");
        }
      }),
      { numRuns: 500 },
    );
  });

  test("precomposed and decomposed accents give the same rules", () => {
    const accented = fc
      .array(fc.constantFrom(...PIECES.filter((p) => !/[\ud800-\udfff]|[\u0300-\u036f]/.test(p))), { maxLength: 40 })
      .map((parts) => parts.join(""));
    const ctx: LintContext = { postLang: "fr", severity: 2, maxLength: 280 };
    const rules = (t: string) => lintReply(t, ctx).map((w) => w.rule);
    fc.assert(
      fc.property(accented, (t) => {
        expect(rules(t.normalize("NFD"))).toEqual(rules(t.normalize("NFC")));
      }),
      { numRuns: 500 },
    );
  });
});
