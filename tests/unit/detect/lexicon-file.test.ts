import { describe, expect, test } from "vitest";
import { detect } from "@/lib/detect";
import { installLexicon } from "@/lib/detect/analyse";
import { LEXICON_WORDS } from "@/lib/detect/lexicon";
import { parseLexiconFile } from "@/lib/detect/lexicon-file";

const TEXTS = [
  "@LumaTelecom toujours pas de réseau depuis 3 jours, je résilie",
  "you charged me TWICE, fix this today",
  "Merci pour votre aide, tout est réglé 🙏",
  "génial, encore une panne 🙄",
  "not disappointed at all, great service",
];

describe("the lexicon file content scripts fetch", () => {
  test("the built-in lexicon, through JSON, parses and judges every text exactly like the module", () => {
    const before = TEXTS.map((t) => detect(t));
    const parsed = parseLexiconFile(JSON.parse(JSON.stringify(LEXICON_WORDS)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    installLexicon(parsed.words);
    expect(TEXTS.map((t) => detect(t))).toEqual(before);
    installLexicon(LEXICON_WORDS);
  });

  test.each([
    [null, "lexicon"],
    [{ ...LEXICON_WORDS, groups: [] }, "groups"],
    [{ ...LEXICON_WORDS, negators: 3 }, "negators"],
    [{ ...LEXICON_WORDS, groups: [{ ...LEXICON_WORDS.groups[0], kind: "rant" }] }, "groups.0.kind"],
    [{ ...LEXICON_WORDS, groups: [{ ...LEXICON_WORDS.groups[0], weight: 1e9 }] }, "groups.0.weight"],
  ])("a damaged file is refused, naming the field (%#)", (raw, field) => {
    const parsed = parseLexiconFile(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.startsWith(`${field}:`)).toBe(true);
  });
});
