/**
 * Which Threads page a URL is (threads.com and the older threads.net share their paths). Every detector carries
 * the URLs it must recognise; the tests run every detector against every other detector's examples (and the
 * registry against the other sites'). Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { THREADS_HOSTS } from "./selectors";

const isThreadsHost = (url: URL): boolean => THREADS_HOSTS.includes(url.hostname.toLowerCase());

/** "@user" as a path segment: Instagram usernames (letters, digits, dots, underscores; 30 at most). */
export const USER_SEGMENT = /^@([A-Za-z0-9._]{1,30})$/;
/** A post's shortcode (Instagram-style, base64url). */
export const CODE = /^[A-Za-z0-9_-]{5,40}$/;
const PROFILE_TABS: ReadonlySet<string> = new Set(["replies", "reposts", "media"]);

/** The feed (For you), Following, and the liked and saved posts. */
export const isHome: Detector<boolean> = detector(
  isThreadsHost,
  (url) => {
    const path = segments(url);
    return path.length === 0 || (path.length === 1 && ["following", "liked", "saved"].includes(path[0] ?? ""));
  },
  false,
  ["https://www.threads.com/", "https://www.threads.net/?hl=fr", "https://www.threads.com/following"],
);

/** A post with its replies: returns the post's shortcode. */
export const isPost: Detector<string | null> = detector(
  isThreadsHost,
  (url) => {
    const [user, kind, code, ...rest] = segments(url);
    if (!user || !USER_SEGMENT.test(user) || kind !== "post" || !code || !CODE.test(code)) return null;
    return rest.length === 0 || (rest.length === 1 && rest[0] === "media") ? code : null;
  },
  null,
  [
    "https://www.threads.com/@claire.dmt/post/DNx1aBcD2eF",
    "https://www.threads.net/@sam_k/post/DNx2bCdE3fG?xmt=AQF0",
    "https://threads.com/@acme.fr/post/DNw9zYxW8vU/media",
  ],
);

/** A profile's threads, replies, reposts or media. */
export const isProfile: Detector<boolean> = detector(
  isThreadsHost,
  (url) => {
    const [user, tab, ...rest] = segments(url);
    return !!user && USER_SEGMENT.test(user) && rest.length === 0 && (tab === undefined || PROFILE_TABS.has(tab));
  },
  false,
  ["https://www.threads.com/@acme.fr", "https://www.threads.net/@claire.dmt/replies"],
);

/** Search results (posts, tags, profiles) and topic tags. */
export const isSearch: Detector<boolean> = detector(
  isThreadsHost,
  (url) => segments(url).length === 1 && segments(url)[0] === "search",
  false,
  ["https://www.threads.com/search?q=acme%20remboursement&serp_type=default", "https://www.threads.net/search?q=panne"],
);

/** Activity: replies, mentions and quotes of the agent's account. */
export const isActivity: Detector<boolean> = detector(
  isThreadsHost,
  (url) => {
    const path = segments(url);
    return path.length === 1 && path[0] === "activity";
  },
  false,
  ["https://www.threads.com/activity", "https://www.threads.net/activity?hl=fr"],
);

export const THREADS_PAGES = { isHome, isPost, isProfile, isSearch, isActivity } as const;
