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

/** Which complaint the side panel shows, per tab. Session storage: survives the service worker, not the browser. */
export const selectionItem = storage.defineItem<Record<string, string>>("session:selection", { fallback: {} });
