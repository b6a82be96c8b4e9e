/**
 * The part of the settings a content script reads: brand handles and keywords, the complaint threshold, the UI
 * language, the sites the agent turned off. Its own small schema, which lib/schemas.ts extends into the full
 * Settings, so a content script (loaded in every page of every supported site) carries neither the whole settings
 * schema nor the storage library: it reads the stored value with browser.storage and parses this subset.
 */
import { browser } from "wxt/browser";
import * as z from "zod/mini";
import { SITE_IDS } from "./constants";

export const UiLanguage = z.enum(["auto", "en", "fr"]);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const PageSettings = z.object({
  brandHandles: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(50)),
  brandKeywords: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)),
  uiLanguage: UiLanguage,
  /** The team's cut on the detector's score: a post is a complaint from this score up (0.5: the model's own). */
  complaintThreshold: z.number().check(z.minimum(0.05), z.maximum(0.95)),
  /** Sites the agent turned off in options: their pages get no badge and report nothing. A new site is on. */
  disabledSites: z.array(z.enum(SITE_IDS)).check(z.maxLength(SITE_IDS.length)),
});
export type PageSettings = z.infer<typeof PageSettings>;

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  brandHandles: [],
  brandKeywords: [],
  uiLanguage: "auto",
  complaintThreshold: 0.5,
  disabledSites: [],
};

/** The storage key of the settings item (lib/settings.ts defines it as "local:settings"). */
const KEY = "settings";

/** The stored settings' page part; defaults for what is missing, all defaults when the stored value is invalid. */
export function parsePageSettings(raw: unknown): PageSettings {
  const stored = raw && typeof raw === "object" ? raw : {};
  const parsed = z.safeParse(PageSettings, { ...DEFAULT_PAGE_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_PAGE_SETTINGS;
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
