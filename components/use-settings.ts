import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";
import { resolveUiLang, type UiLang } from "@/lib/i18n";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas";
import { getSettings, settingsItem } from "@/lib/settings";

/** Settings, live: a change in options shows at once in every open extension page. */
export function useSettings(): { settings: Settings; lang: UiLang } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setSettings);
    return settingsItem.watch((next) => next && setSettings(next));
  }, []);
  const lang = resolveUiLang(settings.uiLanguage, navigator.language);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return { settings, lang };
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let cancelled = false;
    const sub = liveQuery(query).subscribe({
      next: (v) => !cancelled && setValue(v),
      error: (e) => console.error("Apaise:", e),
    });
    return () => {
      cancelled = true;
      sub.unsubscribe();
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists the query's inputs.
  }, deps);
  return value;
}
