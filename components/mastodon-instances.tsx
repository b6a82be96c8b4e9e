/**
 * Options → Mastodon instances: the agent adds the instances the team answers on. Each one is an optional host
 * permission the browser asks for at the click (never all sites up front); the background then registers the
 * Mastodon content script for the instances both listed and allowed (lib/content/registration.ts).
 */
import { useEffect, useState } from "preact/hooks";
import { instanceMatch, MAX_INSTANCES, mastodonInstancesItem, normaliseInstance } from "@/lib/content/registration";
import { t, tf, type UiLang } from "@/lib/i18n";

interface Instances {
  hosts: string[];
  granted: Record<string, boolean>;
}

async function loadInstances(): Promise<Instances> {
  const hosts = await mastodonInstancesItem.getValue();
  const entries = await Promise.all(
    hosts.map(async (h) => [h, await browser.permissions.contains({ origins: [instanceMatch(h)] })] as const),
  );
  return { hosts, granted: Object.fromEntries(entries) };
}

/** The listed instances and whether each is allowed, kept in step with storage and the browser's permissions. */
function useInstances(): Instances {
  const [state, setState] = useState<Instances>({ hosts: [], granted: {} });
  useEffect(() => {
    let live = true;
    const reload = () => {
      void loadInstances().then((next) => {
        if (live) setState(next);
      });
    };
    reload();
    const unwatch = mastodonInstancesItem.watch(reload);
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    return () => {
      live = false;
      unwatch();
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
    };
  }, []);
  return state;
}

export function MastodonInstances({ lang }: { lang: UiLang }) {
  const { hosts, granted } = useInstances();
  const [input, setInput] = useState("");
  const [message, setMessage] = useState("");

  /** Inside the click, before any await: the browser only shows its permission prompt for a user gesture. */
  const allow = (host: string) =>
    browser.permissions
      .request({ origins: [instanceMatch(host)] })
      .catch(() => false)
      .then((ok) => {
        if (!ok) setMessage(tf(lang, "mastodonDenied", { host }));
      });

  const add = (e: Event) => {
    e.preventDefault();
    setMessage("");
    const host = normaliseInstance(input);
    if (!host) {
      setMessage(tf(lang, "mastodonInvalid", { input: input.trim() }));
      return;
    }
    void allow(host);
    void mastodonInstancesItem.getValue().then(async (list) => {
      if (!list.includes(host)) await mastodonInstancesItem.setValue([...list, host].slice(-MAX_INSTANCES));
      setInput("");
    });
  };

  const remove = (host: string) => {
    void browser.permissions.remove({ origins: [instanceMatch(host)] }).catch(() => false);
    void mastodonInstancesItem
      .getValue()
      .then((list) => mastodonInstancesItem.setValue(list.filter((h) => h !== host)));
  };

  return (
    <form class="options mastodon" onSubmit={add} aria-labelledby="mastodon-title">
      <h2 id="mastodon-title">{t(lang, "mastodonTitle")}</h2>
      <p class="hint">{t(lang, "mastodonHelp")}</p>
      {hosts.length > 0 ? (
        <ul class="instances" data-testid="mastodon-instances">
          {hosts.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>{" "}
              {granted[host] ? (
                <span class="granted">{t(lang, "mastodonGranted")}</span>
              ) : (
                <>
                  <span class="not-granted">{t(lang, "mastodonNotGranted")}</span>{" "}
                  <button type="button" onClick={() => void allow(host)}>
                    {t(lang, "mastodonGrant")}
                  </button>
                </>
              )}{" "}
              <button type="button" onClick={() => remove(host)}>
                {t(lang, "mastodonRemove")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label>
        {t(lang, "mastodonInstance")}
        <input
          name="mastodonInstance"
          inputMode="url"
          autocomplete="off"
          placeholder="mastodon.social"
          value={input}
          onInput={(e) => setInput((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit">{t(lang, "mastodonAdd")}</button>
        {message ? (
          <span role="alert" class="sync-error">
            {message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
