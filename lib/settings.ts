/** Settings live in wxt/storage items (versioned), parsed with Zod on read so a bad value never spreads. */
import { storage } from "wxt/utils/storage";
import { DEFAULT_SETTINGS, Settings } from "./schemas";

export const settingsItem = storage.defineItem<Settings>("local:settings", {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(raw ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(next: Settings): Promise<Settings> {
  const value = Settings.parse(next);
  await settingsItem.setValue(value);
  return value;
}

/**
 * The team's reply playbook, as saved: a JSON value in any format version, `null` until a lead saves one (the
 * built-in DEFAULT_PLAYBOOK then applies). Read and write it with lib/suggest/store.ts (`getPlaybook`,
 * `savePlaybook`), which parse, migrate and validate it: the playbook's schema (classic Zod) stays out of this
 * module because the content script imports it, and its bundle must stay small.
 */
export const playbookItem = storage.defineItem<unknown>("local:playbook", { fallback: null, version: 1 });

/** Which complaint the side panel shows, per tab. Session storage: survives the service worker, not the browser. */
export const selectionItem = storage.defineItem<Record<string, string>>("session:selection", { fallback: {} });
