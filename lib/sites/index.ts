/**
 * The registry of site adapters: one per SiteId, looked up by id or by page URL.
 *
 * Adding a site (say Bluesky):
 *  1. `lib/constants.ts`: add "bluesky" to SITE_IDS. The type checker then lists every place that needs it,
 *     starting with ADAPTERS below (a Record over SiteId). Its length rule is already in lib/sites/limits.ts.
 *  2. `lib/sites/bluesky/`: selectors.ts (selectors as data, with fallbacks and lastSeen), pages.ts (detectors
 *     with example URLs, built with lib/sites/detectors.ts), extract.ts (findPosts, postIdOf, extractPost, pure,
 *     never throwing; lib/sites/dom.ts and text.ts help), composer.ts (findReplyComposer, openReplyComposer,
 *     watchPosted; lib/sites/watch.ts does the watching), index.ts exporting `blueskySite: SiteAdapter`.
 *  3. Add `bluesky: blueskySite` to ADAPTERS below, and its match patterns to lib/sites/matches.ts
 *     (SITE_MATCHES: host permissions, the context menu, the model's web-accessible resources).
 *  4. `entrypoints/bluesky.content/index.ts`: `defineContentScript({ matches: BLUESKY_MATCHES, runAt:
 *     "document_idle", main: (ctx) => runContentScript(ctx, blueskySite) })` (lib/content/run.ts).
 *  5. Tests: tests/unit/sites/bluesky/ (detectors against every example, extraction on real saved pages from
 *     ../shared when present and on hand-written tests/fixtures/bluesky/*.html), and the extract command's
 *     `--site bluesky` works at once (scripts/extract.ts reads this registry).
 */
import type { SiteId } from "../schemas";
import { blueskySite } from "./bluesky";
import { facebookSite } from "./facebook";
import { instagramSite } from "./instagram";
import { linkedinSite } from "./linkedin";
import { mastodonSite } from "./mastodon";
import { redditSite } from "./reddit";
import { threadsSite } from "./threads";
import { tiktokSite } from "./tiktok";
import type { SiteAdapter, UrlLike } from "./types";
import { xSite } from "./x/site";
import { youtubeSite } from "./youtube";

export type { SiteAdapter } from "./types";

const ADAPTERS: Readonly<Record<SiteId, SiteAdapter>> = {
  x: xSite,
  reddit: redditSite,
  mastodon: mastodonSite,
  bluesky: blueskySite,
  instagram: instagramSite,
  youtube: youtubeSite,
  tiktok: tiktokSite,
  threads: threadsSite,
  linkedin: linkedinSite,
  facebook: facebookSite,
};

/** Every adapter, in SITE_IDS order. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = Object.values(ADAPTERS);

export function adapterFor(id: SiteId): SiteAdapter {
  return ADAPTERS[id];
}

/** Whether a URL's host is one of the adapter's fixed hosts (its match patterns). */
function onFixedHost(adapter: SiteAdapter, url: URL): boolean {
  return adapter.matches.some((pattern) => {
    const host = /^https?:\/\/([^/]+)\//.exec(pattern)?.[1];
    return (
      host !== undefined && (host === url.hostname || (host.startsWith("*.") && url.hostname.endsWith(host.slice(1))))
    );
  });
}

/**
 * The adapter for a page whose posts the extension reads, or null. Sites on fixed hosts answer for their hosts
 * only; a site on any host (Mastodon) answers only for the hosts the agent granted (`grantedHosts`), and never
 * for a fixed-host site's host.
 */
export function adapterForUrl(url: UrlLike, grantedHosts: readonly string[] = []): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = new URL(typeof url === "string" ? url : url.href);
  } catch {
    return null;
  }
  const fixed = SITE_ADAPTERS.filter((a) => a.matches.length > 0);
  const owner = fixed.find((a) => onFixedHost(a, parsed));
  if (owner) return owner.pageKind(parsed) !== null ? owner : null;
  if (!grantedHosts.includes(parsed.hostname.toLowerCase())) return null;
  return SITE_ADAPTERS.find((a) => a.matches.length === 0 && a.pageKind(parsed) !== null) ?? null;
}
