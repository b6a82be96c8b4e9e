import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { detect } from "../../../lib/detect";
import { lintReply } from "../../../lib/lint";
import type { Category, Detection, Lang, Severity } from "../../../lib/schemas";
import { Suggestion } from "../../../lib/schemas";
import {
  chooseVoice,
  fillTemplate,
  promptMarker,
  type SuggestInput,
  strategyOrder,
  suggest,
  weightedLength,
} from "../../../lib/suggest";
import { DEFAULT_PLAYBOOK, Playbook } from "../../../lib/suggest/playbook";
import { detectionOf } from "../support/factories";

const detection = (lang: Lang, category: Category, severity: Severity): Detection =>
  detectionOf(lang, category, severity, false);

const post = (id: string, text = "", author = "jane_doe") => ({ id, author, site: "x" as const, text });

const DM = { fr: /message privé/, en: /\bDM\b|direct message/ } as const;
const LEFTOVER = /[{}[\]|]/;

interface Case {
  name: string;
  input: SuggestInput;
  lang: "fr" | "en";
  /** The post's language when the replies fall back to English. */
  fallbackFrom?: Lang;
}

const BASE = { agentName: "Julie", signature: "JD", brand: "Acme" };
const CASES: Case[] = [
  {
    name: "fr delivery sev1",
    input: { post: post("1001"), detection: detection("fr", "delivery", 1), ...BASE },
    lang: "fr",
  },
  {
    name: "fr billing sev2",
    input: { post: post("1002"), detection: detection("fr", "billing", 2), ...BASE },
    lang: "fr",
  },
  {
    name: "fr outage sev3",
    input: { post: post("1003"), detection: detection("fr", "outage", 3), ...BASE },
    lang: "fr",
  },
  { name: "fr service sev1", input: { post: post("1004"), detection: detection("fr", "service", 1) }, lang: "fr" },
  {
    name: "fr account sev2",
    input: { post: post("1005"), detection: detection("fr", "account", 2), ...BASE },
    lang: "fr",
  },
  { name: "fr pricing sev3", input: { post: post("1006"), detection: detection("fr", "pricing", 3) }, lang: "fr" },
  {
    name: "fr product sev1",
    input: { post: post("1007"), detection: detection("fr", "product", 1), ...BASE },
    lang: "fr",
  },
  { name: "fr other sev1", input: { post: post("1008"), detection: detection("fr", "other", 1), ...BASE }, lang: "fr" },
  {
    name: "en delivery sev1",
    input: { post: post("2001"), detection: detection("en", "delivery", 1), ...BASE },
    lang: "en",
  },
  {
    name: "en billing sev3",
    input: { post: post("2002"), detection: detection("en", "billing", 3), ...BASE },
    lang: "en",
  },
  { name: "en outage sev2", input: { post: post("2003"), detection: detection("en", "outage", 2) }, lang: "en" },
  {
    name: "en service sev1",
    input: { post: post("2004"), detection: detection("en", "service", 1), ...BASE },
    lang: "en",
  },
  {
    name: "en account sev3",
    input: { post: post("2005"), detection: detection("en", "account", 3), ...BASE },
    lang: "en",
  },
  {
    name: "en pricing sev1",
    input: { post: post("2006"), detection: detection("en", "pricing", 1), ...BASE },
    lang: "en",
  },
  { name: "en product sev2", input: { post: post("2007"), detection: detection("en", "product", 2) }, lang: "en" },
  { name: "en other sev1", input: { post: post("2008"), detection: detection("en", "other", 1), ...BASE }, lang: "en" },
  {
    name: "es falls back to en",
    input: { post: post("3001"), detection: detection("es", "delivery", 1) },
    lang: "en",
    fallbackFrom: "es",
  },
  {
    name: "de falls back to en",
    input: { post: post("3002"), detection: detection("de", "billing", 2) },
    lang: "en",
    fallbackFrom: "de",
  },
  {
    name: "und falls back to en",
    input: { post: post("3003"), detection: detection("und", "other", 1) },
    lang: "en",
    fallbackFrom: "und",
  },
  {
    name: "fr already answered",
    input: { post: post("5001"), detection: detection("fr", "billing", 2), alreadyAnswered: true, ...BASE },
    lang: "fr",
  },
  {
    name: "en already answered, severe",
    input: { post: post("5002"), detection: detection("en", "outage", 3), alreadyAnswered: true },
    lang: "en",
  },
  {
    name: "from the classifier, fr",
    input: { post: post("4001"), detection: detect("Toujours pas reçu mon colis depuis 3 semaines !!!"), ...BASE },
    lang: "fr",
  },
  {
    name: "from the classifier, en threat",
    input: { post: post("4002"), detection: detect("I'm switching to another provider, the outage is a joke") },
    lang: "en",
  },
];

describe("suggest: three replies per complaint", () => {
  test.each(CASES.map((k) => [k.name, k] as const))("%s", (_name, k) => {
    const out = suggest(k.input);
    expect(out.map((s) => s.strategy)).toEqual(strategyOrder(k.input.detection, k.input.alreadyAnswered).slice(0, 3));
    expect(new Set(out.map((s) => s.text)).size).toBe(3);
    for (const s of out) {
      expect(Suggestion.parse(s)).toEqual(s);
      expect(s.lang).toBe(k.lang);
      expect(s.fallbackFrom).toBe(k.fallbackFrom);
      expect(s.id).toMatch(new RegExp(`^${k.input.post.id}:${s.strategy}:\\d+$`));
      expect(s.length).toBe(weightedLength(s.text));
      expect(s.maxLength).toBe(280);
      expect(s.length).toBeLessThanOrEqual(280);
      expect(s.text).not.toMatch(LEFTOVER);
      expect(s.text).not.toMatch(/ {2}| [,.]|\s$|^\s/);
      expect(s.text).toMatch(DM[k.lang]);
      expect(s.text).toContain("@jane_doe");
    }
    // Deterministic for a given post.
    expect(suggest(k.input)).toEqual(out);
  });
});

describe("suggest: selection by severity, category and earlier answers", () => {
  test.each([
    ["fr", /[Jj]e transmets .*à un responsable/],
    ["en", /passing this to a team lead|passed your message to a team lead/],
  ] as const)("severity 3 leads with a hand-off to a lead (%s)", (lang, pattern) => {
    for (const id of ["a1", "a2", "a3", "a4", "a5", "a6"]) {
      const [handOff, ack, fix] = suggest({ post: post(id), detection: detection(lang, "outage", 3) });
      expect([handOff?.strategy, ack?.strategy, fix?.strategy]).toEqual(["hand-off", "acknowledge-dm", "concrete-fix"]);
      expect(handOff?.text).toMatch(pattern);
      expect(ack?.text).not.toMatch(pattern);
      expect(fix?.text).not.toMatch(pattern);
    }
  });

  test("lower severities do not hand off", () => {
    for (const id of ["b1", "b2", "b3", "b4", "b5", "b6"]) {
      for (const severity of [0, 1, 2] as const) {
        for (const lang of ["fr", "en"] as const) {
          const out = suggest({ post: post(id), detection: detection(lang, "billing", severity) });
          expect(out.map((s) => s.strategy)).toEqual(["acknowledge-dm", "concrete-fix", "ask-detail"]);
          for (const s of out) expect(s.text).not.toMatch(/team lead|responsable/);
        }
      }
    }
  });

  test.each([
    [1, ["follow-up", "concrete-fix", "ask-detail"]],
    [3, ["follow-up", "hand-off", "concrete-fix"]],
  ] as const)("a customer who already got an answer gets a follow-up first (severity %i)", (severity, order) => {
    for (const id of ["c1", "c2", "c3", "c4"]) {
      const fr = suggest({ post: post(id), detection: detection("fr", "delivery", severity), alreadyAnswered: true });
      expect(fr.map((s) => s.strategy)).toEqual(order);
      expect(fr[0]?.text).toMatch(/encore|reviens vers/);
      const en = suggest({ post: post(id), detection: detection("en", "delivery", severity), alreadyAnswered: true });
      expect(en[0]?.text).toMatch(/again|following up/);
    }
  });

  test('an "other" complaint asks before it fixes', () => {
    expect(strategyOrder(detection("en", "other", 1))).toEqual([
      "acknowledge-dm",
      "ask-detail",
      "concrete-fix",
      "follow-up",
      "hand-off",
    ]);
    expect(strategyOrder(detection("en", "other", 3)).slice(0, 3)).toEqual([
      "hand-off",
      "acknowledge-dm",
      "ask-detail",
    ]);
    expect(strategyOrder(detection("en", "other", 3), true).slice(0, 3)).toEqual([
      "follow-up",
      "hand-off",
      "ask-detail",
    ]);
  });
});

describe("suggest: variety", () => {
  const ids = Array.from({ length: 20 }, (_, i) => `17${String(i).padStart(16, "0")}`);

  test.each(["fr", "en"] as const)("20 post ids get varied wording (%s)", (lang) => {
    const all = ids.map((id) => suggest({ post: post(id), detection: detection(lang, "delivery", 1), ...BASE }));
    for (const [i, strategy] of strategyOrder(detection(lang, "delivery", 1))
      .slice(0, 3)
      .entries()) {
      const texts = new Set(all.map((s) => s[i]?.text));
      expect(texts.size, strategy).toBeGreaterThanOrEqual(2);
      const variants = new Set(all.map((s) => s[i]?.id.split(":")[2]));
      expect(variants.size, strategy).toBeGreaterThanOrEqual(2);
    }
  });

  test("a delivery complaint gets delivery wording, a billing one billing wording", () => {
    const delivery = suggest({ post: post("555"), detection: detection("fr", "delivery", 1) });
    expect(delivery.some((s) => /livraison|colis|commande/.test(s.text))).toBe(true);
    const billing = suggest({ post: post("555"), detection: detection("en", "billing", 1) });
    expect(billing.some((s) => /bill|charge|payment/.test(s.text))).toBe(true);
  });
});

describe("suggest: fitting and variables", () => {
  test("empty agent, signature and brand leave no trace", () => {
    for (const id of ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]) {
      for (const lang of ["fr", "en"] as const) {
        for (const s of suggest({ post: post(id), detection: detection(lang, "service", 1) })) {
          expect(s.text).not.toMatch(LEFTOVER);
          expect(s.text).not.toMatch(/ {2}| \^|\^$| [,.]|, ?[.,]|\s$/);
          expect(s.text).not.toMatch(/\bIci\b|here, happy|from the {2}?team/);
        }
      }
    }
  });

  test("a bare signature gets X's caret, a caret is not doubled", () => {
    for (const signature of ["JD", "^JD", "  JD  "]) {
      for (const s of suggest({ post: post("d1"), detection: detection("en", "other", 1), signature })) {
        expect(s.text.endsWith(" ^JD")).toBe(true);
        expect(s.text).not.toContain("^^");
      }
    }
  });

  test("a very long author handle still fits", () => {
    const author = "a".repeat(100);
    for (const lang of ["fr", "en"] as const) {
      const out = suggest({ post: post("e1", "", author), detection: detection(lang, "delivery", 3), ...BASE });
      expect(new Set(out.map((s) => s.text)).size).toBe(3);
      for (const s of out) {
        expect(s.length).toBeLessThanOrEqual(280);
        expect(s.text).not.toMatch(LEFTOVER);
        expect(s.text).toMatch(DM[lang]);
      }
    }
  });

  test("absurdly long agent name and brand are cut, still within the limit", () => {
    const out = suggest({
      post: post("e2", "", "b".repeat(100)),
      detection: detection("fr", "account", 1),
      agentName: "Marie-".repeat(40),
      brand: "🚀".repeat(150),
      signature: "^".concat("Z".repeat(29)),
    });
    for (const s of out) {
      expect(s.length).toBeLessThanOrEqual(280);
      expect(s.length).toBe(weightedLength(s.text));
      expect(s.text).not.toMatch(/\uFFFD|[\ud800-\udbff]$/);
    }
  });

  test("required text too long for the limit is cut at a word, with an ellipsis", () => {
    const long = "We are looking into every detail of this with the utmost care and attention.";
    const playbook = Playbook.parse({
      ...DEFAULT_PLAYBOOK,
      strategies: {
        ...DEFAULT_PLAYBOOK.strategies,
        "acknowledge-dm": {
          ...DEFAULT_PLAYBOOK.strategies["acknowledge-dm"],
          en: {
            variants: [
              [
                { text: "Hi {author}, sorry.", optional: false },
                { text: "This sentence is optional and goes first.", optional: true },
                { text: long, optional: false },
                { text: long.replace("every", "each"), optional: false },
                { text: long.replace("every", "any"), optional: false },
                { text: long.replace("every", "all"), optional: false },
                { text: "Please DM us. {signature}", optional: false },
              ],
            ],
          },
        },
      },
    });
    const [ack] = suggest({ post: post("h1"), detection: detection("en", "other", 1), playbook, signature: "JD" });
    expect(ack?.length).toBeLessThanOrEqual(280);
    expect(ack?.text.endsWith("…")).toBe(true);
    expect(ack?.text).not.toContain("optional");
    expect(ack?.text).not.toContain("@jane_doe");
    expect(ack?.text).toMatch(/^Hi, sorry\. We are looking/);
  });

  test("emoji voice adds 🙏, weighted as two", () => {
    const playbook = Playbook.parse({ ...DEFAULT_PLAYBOOK, voice: { formality: "vous", emoji: true } });
    const plain = suggest({ post: post("f1"), detection: detection("en", "other", 1) });
    const withEmoji = suggest({ post: post("f1"), detection: detection("en", "other", 1), playbook });
    for (const [i, s] of withEmoji.entries()) {
      expect(s.text).toContain("🙏");
      expect(s.length).toBe((plain[i]?.length ?? 0) + 3); // " 🙏": a space and an emoji weighted 2
    }
  });

  test("tu voice in French", () => {
    const playbook = Playbook.parse({ ...DEFAULT_PLAYBOOK, voice: { formality: "tu", emoji: false } });
    for (const id of ["g1", "g2", "g3", "g4", "g5", "g6"]) {
      for (const category of ["delivery", "account", "service", "other"] as const) {
        const tu = suggest({ post: post(id), detection: detection("fr", category, 1), playbook });
        const vous = suggest({ post: post(id), detection: detection("fr", category, 1) });
        for (const s of tu) expect(s.text).not.toMatch(/\b(vous|votre|vos)\b/i);
        for (const s of vous) expect(s.text).not.toMatch(/\b(tu|ton|ta|tes|toi)\b/i);
      }
    }
  });
});

describe("weightedLength", () => {
  test.each([
    ["", 0],
    ["abc", 3],
    ["é à ç", 5],
    ["🙏", 2],
    ["👍🏽", 2],
    ["日本", 4],
    ["https://example.com/a/very/long/path/that/goes/on/and/on?with=query", 23],
    ["see https://example.com", 27],
  ] as const)("%s → %i", (text, length) => {
    expect(weightedLength(text)).toBe(length);
  });
});

describe("fillTemplate", () => {
  test.each([
    ["Hi {author}, sorry.", { author: "@a" }, "Hi @a, sorry."],
    ["Hi {author}, sorry.", { author: "" }, "Hi, sorry."],
    ["Sorry for {issue}, {author}.", { issue: "the delay", author: "" }, "Sorry for the delay."],
    ["{author} Sorry.", { author: "" }, "Sorry."],
    ["Thanks {agent} {signature}", { agent: "", signature: "" }, "Thanks"],
    ["Merci ! ^{signature}", { signature: "" }, "Merci !"],
    ["Hi  {author}  there", { author: "@a" }, "Hi @a there"],
    ["Hello {nope}", {}, "Hello {nope}"],
    ["{agent}", { agent: "{author}" }, "{author}"],
    ["{agent} ({brand})", { agent: "Julie", brand: "" }, "Julie"],
  ] as const)("%s", (template, vars, expected) => {
    expect(fillTemplate(template, vars)).toBe(expected);
  });

  test("chooseVoice picks the vous or tu form", () => {
    expect(chooseVoice("[Écrivez-nous|Écris-nous] en privé", "vous")).toBe("Écrivez-nous en privé");
    expect(chooseVoice("[Écrivez-nous|Écris-nous] en privé", "tu")).toBe("Écris-nous en privé");
  });
});

describe("suggest: sites", () => {
  test("an unknown site gets X's rule", () => {
    const out = suggest({ post: { ...post("s1"), site: "myspace" }, detection: detection("en", "other", 1) });
    for (const s of out) {
      expect(s.maxLength).toBe(280);
      expect(s.length).toBe(weightedLength(s.text));
    }
  });

  test("TikTok's 150 takes the short templates, whole, @mention kept when it fits", () => {
    for (const id of ["t1", "t2", "t3", "t4", "t5", "t6"]) {
      for (const lang of ["fr", "en"] as const) {
        const out = suggest({
          post: { ...post(id), site: "tiktok" },
          detection: detection(lang, "delivery", 2),
          ...BASE,
        });
        expect(new Set(out.map((s) => s.text)).size).toBe(3);
        for (const s of out) {
          expect(s.maxLength).toBe(150);
          expect(s.length).toBe(s.text.length);
          expect(s.length).toBeLessThanOrEqual(150);
          expect(s.text.endsWith("…")).toBe(false);
          expect(s.text).toMatch(DM[lang]);
        }
      }
    }
  });
});

describe("promptMarker", () => {
  test.each([
    [{ fr: "heure de rétablissement", en: "restoration time" }, "fr", "[HEURE DE RÉTABLISSEMENT]"],
    [{ fr: "n° de ticket", en: "ticket #" }, "fr", "[N DE TICKET]"],
    [{ fr: "délai", en: "délai" }, "en", "[DÉLAI]"],
    [{ fr: "24 h", en: "24h" }, "fr", "[ETA]"],
    [{ fr: "x".repeat(30), en: "y" }, "fr", `[${"X".repeat(30)}]`],
  ] as const)("%j in %s → %s", (label, lang, marker) => {
    expect(promptMarker({ name: "eta", label, example: "" }, lang)).toBe(marker);
  });

  test("whatever the label, the linter's placeholder rule blocks the marker", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
        fc.constantFrom("fr", "en") as fc.Arbitrary<"fr" | "en">,
        fc.stringMatching(/^[a-z][a-z0-9_]{0,29}$/),
        (label, lang, name) => {
          const marker = promptMarker({ name, label: { fr: label, en: label }, example: "x" }, lang);
          const text = `Sorry, back by ${marker}, more by DM.`;
          const found = lintReply(text, { postLang: lang, severity: 1, maxLength: 280 }).filter(
            (w) => w.rule === "placeholder",
          );
          expect(found.map((w) => [w.excerpt, w.level])).toEqual([[marker, "block"]]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
