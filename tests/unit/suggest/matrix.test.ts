/**
 * Every combination the side panel can meet: category × severity × site × already answered × post language, with
 * and without the agent's settings. Each must give three distinct replies, in the right language (English with a
 * notice for the others), within the site's rule, that the tone linter has nothing to say about.
 */
import { describe, expect, test } from "vitest";
import { lintReply } from "../../../lib/lint";
import { CATEGORIES, type Lang, type Severity } from "../../../lib/schemas";
import { LIMIT_SITE_IDS, limitFor } from "../../../lib/sites/limits";
import { strategyOrder, suggest } from "../../../lib/suggest";
import { detectionOf } from "../support/factories";

const LANGS: readonly Lang[] = ["fr", "en", "es", "de", "it", "pt", "und"];
const SEVERITIES: readonly Severity[] = [0, 1, 2, 3];
const SETTINGS = [{}, { agentName: "Jean-Baptiste", signature: "JB", brand: "@AcmeTelecom" }] as const;

const rows = LIMIT_SITE_IDS.flatMap((site) => LANGS.map((lang) => ({ site, lang })));

describe("three distinct, clean replies for every combination", () => {
  test.each(rows)("$site, post in $lang", ({ site, lang }) => {
    const rule = limitFor(site);
    let checked = 0;
    for (const category of CATEGORIES) {
      for (const severity of SEVERITIES) {
        for (const alreadyAnswered of [false, true]) {
          for (const [k, settings] of SETTINGS.entries()) {
            const id = `${site}-${lang}-${category}-${severity}-${alreadyAnswered}-${k}`;
            const detection = detectionOf(lang, category, severity, true);
            const out = suggest({
              post: { id, author: "claire_dlt", site, text: "" },
              detection,
              alreadyAnswered,
              ...settings,
            });
            const where = `${id}: ${out.map((s) => s.text).join(" | ")}`;
            expect(
              out.map((s) => s.strategy),
              where,
            ).toEqual(strategyOrder(detection, alreadyAnswered).slice(0, 3));
            expect(new Set(out.map((s) => s.text)).size, where).toBe(3);
            for (const s of out) {
              expect(s.lang).toBe(lang === "fr" ? "fr" : "en");
              expect(s.fallbackFrom).toBe(lang === "fr" || lang === "en" ? undefined : lang);
              expect(s.maxLength).toBe(rule.max);
              expect(s.length).toBe(rule.measure(s.text));
              expect(s.length, s.text).toBeLessThanOrEqual(rule.max);
              const warnings = lintReply(s.text, {
                postLang: lang,
                severity,
                maxLength: rule.max,
                measure: rule.measure,
              });
              expect({ text: s.text, warnings }).toEqual({ text: s.text, warnings: [] });
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(CATEGORIES.length * SEVERITIES.length * 2 * SETTINGS.length * 3);
  });
});
