/**
 * Which X page a URL is, github-url-detection style: every detector carries the URLs it must recognise, and the
 * tests run every detector against every other detector's examples, so two detectors can't claim one page.
 * Pure: pass `location` (or its href) in.
 */
import { RESERVED_PATHS, X_HOSTS } from "./selectors";

export type UrlLike = string | URL | { readonly href: string };

export type Detector<T> = ((url: UrlLike) => T) & {
  /** URLs this detector must recognise, and no other page detector may. */
  readonly examples: readonly string[];
};

function detector<T>(test: (url: URL) => T, miss: T, examples: readonly string[]): Detector<T> {
  const detect = (url: UrlLike): T => {
    const parsed = parse(url);
    return parsed && isXHost(parsed) ? test(parsed) : miss;
  };
  return Object.assign(detect, { examples });
}

function parse(url: UrlLike): URL | null {
  try {
    return new URL(typeof url === "string" ? url : url.href);
  } catch {
    return null;
  }
}

function isXHost(url: URL): boolean {
  return (url.protocol === "https:" || url.protocol === "http:") && X_HOSTS.includes(url.hostname.toLowerCase());
}

/** Path segments without empty ones, so "/home/" is ["home"]. */
function segments(url: URL): string[] {
  return url.pathname.split("/").filter(Boolean);
}

const HANDLE = /^[A-Za-z0-9_]{1,50}$/;
/** The id of a post named by a path: `/<handle>/status/<id>…`, `/i/web/status/<id>`, `/i/status/<id>`. */
const STATUS_IN_PATH = /^\/(?:[A-Za-z0-9_]{1,50}|i\/web)\/status(?:es)?\/(\d{1,25})(?:\/|$)/;
/** The post's own page, or the media viewer opened over it. */
const STATUS_PAGE = /^\/(?:[A-Za-z0-9_]{1,50}|i\/web)\/status(?:es)?\/(\d{1,25})(?:\/(?:photo|video)\/\d+)?\/?$/;
const PROFILE_TABS: ReadonlySet<string> = new Set([
  "with_replies",
  "media",
  "likes",
  "highlights",
  "articles",
  "superfollows",
]);

/** The post id in any X URL naming a post (permalink, media viewer, analytics…), else null. */
export function statusIdFromUrl(url: UrlLike): string | null {
  const parsed = parse(url);
  if (!parsed || !isXHost(parsed)) return null;
  return STATUS_IN_PATH.exec(parsed.pathname)?.[1] ?? null;
}

export const isHome: Detector<boolean> = detector(
  (url) => {
    const path = segments(url);
    return path.length === 0 || (path.length === 1 && path[0] === "home");
  },
  false,
  ["https://x.com/home", "https://x.com/", "https://twitter.com/home", "https://www.x.com/home?lang=fr"],
);

/** The post page: returns the status id, or null elsewhere. */
export const isStatus: Detector<string | null> = detector((url) => STATUS_PAGE.exec(url.pathname)?.[1] ?? null, null, [
  "https://x.com/arscontexta/status/2013045749580259680",
  "https://x.com/badlogicgames/status/1991612272289161300/photo/1",
  "https://twitter.com/jack/status/20",
  "https://mobile.twitter.com/jack/status/20?s=20",
  "https://x.com/i/web/status/1991606465300426936",
  "https://x.com/i/status/1991606465300426936",
]);

export const isNotifications: Detector<boolean> = detector((url) => segments(url)[0] === "notifications", false, [
  "https://x.com/notifications",
  "https://x.com/notifications/mentions",
  "https://twitter.com/notifications/verified",
]);

/** Search results, and hashtag pages (a search for the tag). */
export const isSearch: Detector<boolean> = detector(
  (url) => {
    const [first, second] = segments(url);
    return first === "search" || (first === "hashtag" && second !== undefined);
  },
  false,
  [
    "https://x.com/search?q=%40acme%20remboursement&src=typed_query&f=live",
    "https://x.com/search?q=from%3Aacme",
    "https://twitter.com/hashtag/panne?src=hashtag_click",
  ],
);

/** A profile timeline and its tabs (replies, media…), not the post pages under it. */
export const isProfile: Detector<boolean> = detector(
  (url) => {
    const [handle, tab, ...rest] = segments(url);
    if (!handle || !HANDLE.test(handle) || RESERVED_PATHS.has(handle.toLowerCase())) return false;
    return rest.length === 0 && (tab === undefined || PROFILE_TABS.has(tab));
  },
  false,
  [
    "https://x.com/badlogicgames",
    "https://x.com/badlogicgames/",
    "https://twitter.com/jack/with_replies",
    "https://x.com/acme_support/media",
  ],
);

/** Every page with posts the extension reads. */
export const PAGE_DETECTORS = { isHome, isStatus, isNotifications, isSearch, isProfile } as const;

/** A page of X whose posts the extension reads (home, a post, notifications, search, a profile). */
export function isSupportedXPage(url: UrlLike): boolean {
  return Object.values(PAGE_DETECTORS).some((detect) => {
    const hit = detect(url);
    return hit !== false && hit !== null;
  });
}
