/**
 * Mastodon runs on thousands of instances, so its content script has no fixed matches. The agent adds an instance
 * in options (components/mastodon-instances.tsx), which asks the browser for that origin only (an optional host
 * permission); the background then registers the content script for every instance both listed and granted, with
 * `scripting.registerContentScripts`, and keeps that registration in step when either changes. Never <all_urls>.
 */
import { storage } from "wxt/utils/storage";
import { SITE_MATCHES } from "../sites/matches";
import { saveTabHealth } from "./health-store";

/** The hosts the agent added in options (granted or not: the permission can be revoked in the browser). */
export const mastodonInstancesItem = storage.defineItem<string[]>("local:mastodonInstances", {
  fallback: [],
  version: 1,
});

export const MASTODON_SCRIPT_ID = "apaise-mastodon";
/** Where WXT writes entrypoints/mastodon.content/index.ts. */
export const MASTODON_SCRIPT_FILE = "content-scripts/mastodon.js";
export const MAX_INSTANCES = 50;

const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$/;
/** Hosts of the sites with their own adapter: never treated as Mastodon. */
const OTHER_SITES: ReadonlySet<string> = new Set(SITE_MATCHES.map((m) => /^https?:\/\/([^/]+)\//.exec(m)?.[1] ?? ""));

/**
 * The instance's hostname from what an agent types: "piaille.fr", "https://mastodon.social/home",
 * "@claire@piaille.fr". Null for anything that is not a public https host (IP addresses, localhost, a URL with
 * credentials or a port, one of the other supported sites).
 */
export function normaliseInstance(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  const handle = /^@?[a-z0-9_]+@([a-z0-9.-]+)$/.exec(text);
  if (handle?.[1]) text = handle[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  const host = url.hostname.replace(/\.$/, "");
  if (!HOSTNAME.test(host) || OTHER_SITES.has(host)) return null;
  return host;
}

/** The match pattern (and permission origin) of an instance. */
export function instanceMatch(host: string): string {
  return `https://${host}/*`;
}

export interface RegistrationApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string; matches?: string[] }>>;
    registerContentScripts(scripts: Array<Record<string, unknown>>): Promise<unknown>;
    updateContentScripts(scripts: Array<Record<string, unknown>>): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  };
}

/**
 * Makes the registered Mastodon content script match exactly the instances that are listed and granted.
 * Returns the matches now registered. `api` is `browser` in the extension, a fake in tests.
 */
export async function syncMastodonRegistration(instances: readonly string[], api: RegistrationApi): Promise<string[]> {
  const hosts = [...new Set(instances.map(normaliseInstance).filter((h): h is string => h !== null))];
  const granted: string[] = [];
  for (const host of hosts.slice(0, MAX_INSTANCES)) {
    if (await api.permissions.contains({ origins: [instanceMatch(host)] }).catch(() => false)) {
      granted.push(instanceMatch(host));
    }
  }
  const [current] = await api.scripting.getRegisteredContentScripts({ ids: [MASTODON_SCRIPT_ID] }).catch(() => []);
  if (granted.length === 0) {
    if (current) await api.scripting.unregisterContentScripts({ ids: [MASTODON_SCRIPT_ID] });
    return [];
  }
  const same = current && [...(current.matches ?? [])].sort().join(" ") === [...granted].sort().join(" ");
  if (same) return granted;
  const script = {
    id: MASTODON_SCRIPT_ID,
    js: [MASTODON_SCRIPT_FILE],
    matches: granted,
    runAt: "document_idle",
    persistAcrossSessions: true,
  };
  if (current) await api.scripting.updateContentScripts([{ id: MASTODON_SCRIPT_ID, matches: granted }]);
  else await api.scripting.registerContentScripts([script]);
  return granted;
}

/**
 * Background wiring: registers at start-up and whenever the list or the granted origins change. Tabs of an
 * instance that were open before it was granted get the script at their next load. Also forgets a tab's adapter
 * health report when the tab goes to another page: the next page's content script reports its own.
 */
export function initContentRegistration(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) void saveTabHealth(tabId, null);
  });
  const api = browser as unknown as RegistrationApi;
  if (!(browser as { scripting?: unknown }).scripting) return;
  let queue = Promise.resolve<unknown>(undefined);
  // One sync at a time: two changes in a row must not register the script twice.
  const sync = () => {
    queue = queue
      .then(async () => syncMastodonRegistration(await mastodonInstancesItem.getValue(), api))
      .catch((error: unknown) => console.warn("Apaise: Mastodon content script registration failed:", error));
  };
  sync();
  mastodonInstancesItem.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
