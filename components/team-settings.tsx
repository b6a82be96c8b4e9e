/**
 * Options → Team sync: the endpoint and token, a Connect button that asks Chrome for the endpoint's origin
 * (an optional host permission, requested now and never up front), and the live sync status.
 */
import { useEffect, useState } from "preact/hooks";
import { t, tf, type UiLang } from "@/lib/i18n";
import type { Settings } from "@/lib/schemas";
import { getSettings, saveSettings } from "@/lib/settings";
import { checkEndpoint, SyncError } from "@/lib/sync/client";
import { SyncStatusLine, useSyncView } from "./sync-status";

export function TeamSettings({ settings, lang }: { settings: Settings; lang: UiLang }) {
  const view = useSyncView();
  const [endpoint, setEndpoint] = useState(settings.teamEndpoint);
  const [token, setToken] = useState(settings.teamToken);
  const [message, setMessage] = useState("");
  useEffect(() => {
    setEndpoint(settings.teamEndpoint);
    setToken(settings.teamToken);
  }, [settings.teamEndpoint, settings.teamToken]);

  const connect = (e: Event) => {
    e.preventDefault();
    setMessage("");
    const trimmed = endpoint.trim().replace(/\/+$/, "");
    let origin: string | null = null;
    if (trimmed !== "") {
      try {
        origin = checkEndpoint(trimmed).origin;
      } catch (error) {
        setMessage(error instanceof SyncError ? error.message : String(error));
        return;
      }
    }
    // Inside the click, before any await: Chrome only shows the permission prompt for a user gesture. The
    // settings are saved without waiting for the answer: an endpoint that allows cross-origin requests (the
    // reference one does) works without the permission.
    const granted = origin
      ? browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false)
      : Promise.resolve(true);
    void granted.then((ok) => {
      if (!ok && origin) setMessage(tf(lang, "syncPermission", { origin }));
    });
    void (async () => {
      const current = await getSettings();
      const changed = current.teamEndpoint !== trimmed || current.teamToken !== token.trim();
      await saveSettings({ ...current, teamEndpoint: trimmed, teamToken: token.trim() });
      await browser.runtime.sendMessage({ type: "sync/now", reset: changed });
    })();
  };

  return (
    <form class="options team" onSubmit={connect} aria-labelledby="team-title">
      <h2 id="team-title">{t(lang, "syncTitle")}</h2>
      <label>
        {t(lang, "syncEndpoint")}
        <input
          name="teamEndpoint"
          type="url"
          inputMode="url"
          placeholder="https://apaise.example.com"
          value={endpoint}
          onInput={(e) => setEndpoint((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        {t(lang, "syncToken")}
        <input
          name="teamToken"
          type="password"
          autocomplete="off"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          {t(lang, "syncConnect")}
        </button>
        {message ? (
          <span role="alert" class="sync-error">
            {message}
          </span>
        ) : null}
      </div>
      <SyncStatusLine
        settings={settings}
        view={view}
        lang={lang}
        onSyncNow={() => void browser.runtime.sendMessage({ type: "sync/now" })}
      />
    </form>
  );
}
