/**
 * The smallest part of the UI language support, shared by the extension pages and the content scripts (which
 * must stay small: they load in every page of every supported site).
 */
import type { UiLanguage } from "../schemas";

export type UiLang = "en" | "fr";

export function resolveUiLang(choice: UiLanguage, browserLang: string | undefined): UiLang {
  if (choice !== "auto") return choice;
  return browserLang?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** "12 min", "3 h", "2 d" / "2 j": short enough for a badge. */
export function formatAge(ms: number, lang: UiLang): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 1) return lang === "fr" ? "à l’instant" : "now";
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  const d = Math.floor(h / 24);
  return lang === "fr" ? `${d} j` : `${d} d`;
}
