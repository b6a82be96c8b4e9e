/**
 * The part of the settings a content script reads: brand handles and keywords, the complaint threshold, the UI
 * language, the sites the agent turned off. lib/schemas.ts holds its Zod schema (PageSettings), which the full
 * Settings extend; a content script (loaded in every page of every supported site) carries neither the settings
 * schema nor the storage library nor Zod (lib/post-check.ts says why): it reads the stored value with
 * browser.storage and checks this part with `checkPageSettings`, the same rules as PageSettings
 * (tests/unit/content-checks.test.ts holds them side by side).
 */
import { browser } from "wxt/browser";
import { SITE_IDS, UI_LANGUAGES } from "./constants";
import { isListOf, isNumberIn, isObject, isSiteId, isText } from "./post-check";
import type { PageSettings } from "./schemas";

export type { PageSettings };

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  brandHandles: [],
  brandKeywords: [],
  uiLanguage: "auto",
  complaintThreshold: 0.5,
  disabledSites: [],
};

const UI_LANGUAGE_SET: ReadonlySet<unknown> = new Set(UI_LANGUAGES);
const isWord = (v: unknown): v is string => isText(v, 1, 100);

/** `raw` as PageSettings would parse it (a new object, unknown fields left out), or null when it breaks a rule. */
export function checkPageSettings(raw: unknown): PageSettings | null {
  if (!isObject(raw)) return null;
  const { brandHandles, brandKeywords, uiLanguage, complaintThreshold, disabledSites } = raw;
  if (!isListOf(brandHandles, 50, isWord) || !isListOf(brandKeywords, 100, isWord)) return null;
  if (!UI_LANGUAGE_SET.has(uiLanguage) || !isNumberIn(complaintThreshold, 0.05, 0.95)) return null;
  if (!isListOf(disabledSites, SITE_IDS.length, isSiteId)) return null;
  return {
    brandHandles: [...brandHandles],
    brandKeywords: [...brandKeywords],
    uiLanguage: uiLanguage as PageSettings["uiLanguage"],
    complaintThreshold,
    disabledSites: [...disabledSites],
  };
}

/** The storage key of the settings item (lib/settings.ts defines it as "local:settings"). */
const KEY = "settings";

/** The stored settings' page part; defaults for what is missing, all defaults when the stored value is invalid. */
export function parsePageSettings(raw: unknown): PageSettings {
  const stored = raw && typeof raw === "object" ? raw : {};
  return checkPageSettings({ ...DEFAULT_PAGE_SETTINGS, ...stored }) ?? DEFAULT_PAGE_SETTINGS;
}

export async function getPageSettings(): Promise<PageSettings> {
  const got = await browser.storage.local.get(KEY);
  return parsePageSettings(got[KEY]);
}

/** Calls `onChange` with the new page settings each time the settings are saved; returns the unsubscribe. */
export function watchPageSettings(onChange: (next: PageSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === "local" && KEY in changes) onChange(parsePageSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
