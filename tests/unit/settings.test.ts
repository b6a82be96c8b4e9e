import "@/lib/zod-messages";
import { beforeEach, expect, test } from "vitest";
import { fakeBrowser } from "wxt/testing";
import { DEFAULT_SETTINGS } from "@/lib/schemas";
import { getSettings, saveSettings, settingsItem } from "@/lib/settings";

beforeEach(() => fakeBrowser.reset());

test("defaults when nothing is stored", async () => {
  expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
});

test("saved settings come back", async () => {
  const s = { ...DEFAULT_SETTINGS, agentName: "Julie", brandHandles: ["ColisExpress"], uiLanguage: "fr" as const };
  await saveSettings(s);
  expect(await getSettings()).toEqual(s);
});

test("an invalid value is refused and the previous one stays", async () => {
  await saveSettings({ ...DEFAULT_SETTINGS, agentName: "Julie" });
  await expect(saveSettings({ ...DEFAULT_SETTINGS, uiLanguage: "klingon" as "en" })).rejects.toThrow(/uiLanguage/);
  expect((await getSettings()).agentName).toBe("Julie");
});

test("a corrupted stored value falls back to defaults instead of breaking the UI", async () => {
  await settingsItem.setValue({ brandHandles: "not a list" } as never);
  expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
});
