import { expect, test } from "vitest";
import { formatAge, formatDuration, resolveUiLang, t } from "@/lib/i18n";

test.each([
  { choice: "auto", browser: "fr-FR", want: "fr" },
  { choice: "auto", browser: "fr", want: "fr" },
  { choice: "auto", browser: "en-US", want: "en" },
  { choice: "auto", browser: "de-DE", want: "en" },
  { choice: "auto", browser: undefined, want: "en" },
  { choice: "fr", browser: "en-US", want: "fr" },
  { choice: "en", browser: "fr-FR", want: "en" },
] as const)("ui language $choice with browser $browser → $want", ({ choice, browser, want }) => {
  expect(resolveUiLang(choice, browser)).toBe(want);
});

test.each([
  { ms: 10_000, en: "now", fr: "à l’instant" },
  { ms: 12 * 60_000, en: "12 min", fr: "12 min" },
  { ms: 3 * 3_600_000, en: "3 h", fr: "3 h" },
  { ms: 72 * 3_600_000, en: "3 d", fr: "3 j" },
])("age $ms ms", ({ ms, en, fr }) => {
  expect(formatAge(ms, "en")).toBe(en);
  expect(formatAge(ms, "fr")).toBe(fr);
});

test.each([
  { ms: null, want: "—" },
  { ms: 42_000, want: "42 s" },
  { ms: 12 * 60_000 + 5000, want: "12 min 05 s" },
  { ms: 2 * 3_600_000 + 7 * 60_000, want: "2 h 07" },
])("duration $ms", ({ ms, want }) => {
  expect(formatDuration(ms)).toBe(want);
});

test("French and English are both complete", () => {
  expect(t("fr", "insert")).toBe("Insérer");
  expect(t("en", "insert")).toBe("Insert");
});
