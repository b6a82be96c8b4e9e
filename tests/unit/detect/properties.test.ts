import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type DetectMeta, detect, loadModelFromBytes } from "../../../lib/detect";
import { Detection } from "../../../lib/schemas";

const model = loadModelFromBytes(
  new Uint8Array(readFileSync(join(import.meta.dirname, "../../../public/model/detect-v1.bin"))),
);

/** Strings that look like posts: words of both languages, handles, tags, emoji, punctuation runs, odd Unicode. */
const postLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "colis",
        "reçu",
        "pas",
        "toujours",
        "merci",
        "génial",
        "not",
        "working",
        "refund",
        "scam",
        "@Acme",
        "#fail",
        "#yenamarre",
        "😡",
        "🙃",
        "👍",
        "!!!",
        "???",
        "3 jours",
        "2h",
        "https://t.co/x",
        "DÉÇU",
        "e\u0301",
        "\ud83d",
        "İ",
      ),
      fc.string({ unit: "binary", maxLength: 12 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(" "));

const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), postLike);
const meta: fc.Arbitrary<DetectMeta> = fc.record(
  {
    langAttr: fc.option(fc.constantFrom("fr", "en", "pt-BR", "zz", ""), { nil: null }),
    brandHandles: fc.array(fc.constantFrom("@Acme", "acme", "", "@"), { maxLength: 3 }),
    brandKeywords: fc.array(fc.constantFrom("Acme", "colis", "é"), { maxLength: 3 }),
    metrics: fc.record({
      replies: fc.option(fc.nat(), { nil: null }),
      reposts: fc.option(fc.nat(), { nil: null }),
      likes: fc.option(fc.nat(), { nil: null }),
      views: fc.option(fc.nat(), { nil: null }),
    }),
  },
  { requiredKeys: [] },
);

describe("detect on any string", () => {
  for (const [name, m] of [
    ["with the model", model],
    ["with the baseline", undefined],
  ] as const) {
    test(`${name}: never throws, returns a valid Detection, deterministic`, () => {
      fc.assert(
        fc.property(anyText, meta, (text, mt) => {
          const d = detect(text, mt, m);
          expect(Detection.parse(d)).toEqual(d);
          expect(d.complaint).toBe(d.score >= 0.5);
          expect(d.severity === 0).toBe(!d.complaint);
          detect("arnaque ! je résilie !!! @Acme", {}, m); // state from another post must not leak
          expect(detect(text, mt, m)).toEqual(d);
        }),
        { numRuns: 600 },
      );
    });
  }

  test("bounded work: a 1 MB post completes, with and without the model", () => {
    const huge = "Toujours pas reçu mon colis @Acme !!! 😡 #fail ".repeat(22_000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    for (const m of [model, undefined]) {
      const d = detect(huge, {}, m);
      expect(Detection.parse(d)).toEqual(d);
      expect(d.complaint).toBe(true);
    }
    const noSpaces = "a".repeat(1_000_000);
    expect(Detection.parse(detect(noSpaces, {}, model)).complaint).toBe(false);
  });
});
