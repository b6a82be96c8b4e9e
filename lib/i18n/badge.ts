/**
 * The strings of the in-page badge, in their own module so a content script carries these few lines and not the
 * whole UI dictionary. lib/i18n/index.ts spreads them into the full dictionaries, so `t(lang, "complaint")` works
 * everywhere.
 */
import type { Severity } from "../schemas";
import type { UiLang } from "./core";

export const BADGE_EN = {
  complaint: "Complaint",
  severity0: "None",
  severity1: "Disapproval",
  severity2: "Accusation",
  severity3: "Threat",
  badgeAnswering: "{agent} answering",
  badgeAnswered: "answered by {agent}",
};

export type BadgeKey = keyof typeof BADGE_EN;

export const BADGE_FR: Record<BadgeKey, string> = {
  complaint: "Plainte",
  severity0: "Aucune",
  severity1: "Mécontentement",
  severity2: "Accusation",
  severity3: "Menace",
  badgeAnswering: "{agent} répond",
  badgeAnswered: "répondu par {agent}",
};

const BADGE: Record<UiLang, Record<BadgeKey, string>> = { en: BADGE_EN, fr: BADGE_FR };

/** A badge string, with {name} placeholders filled in. */
export function badgeText(lang: UiLang, key: BadgeKey, vars: Record<string, string> = {}): string {
  return BADGE[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

export function badgeSeverity(lang: UiLang, severity: Severity): string {
  return badgeText(lang, `severity${severity}`);
}
