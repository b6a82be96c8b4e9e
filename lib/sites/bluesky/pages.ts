/**
 * Which bsky.app page a URL is. Every detector carries the URLs it must recognise; the tests run every detector
 * against every other detector's examples (and the registry against the other sites'). Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { BLUESKY_HOSTS } from "./selectors";

const isBlueskyHost = (url: URL): boolean => BLUESKY_HOSTS.includes(url.hostname.toLowerCase());

/** A handle ("claire.bsky.social") or a DID ("did:plc:…", "did:web:…"), as bsky.app puts them in its paths. */
export const ACTOR =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^did:(?:plc|web):[A-Za-z0-9._:%-]{1,200}$/;
/** Post record keys are TIDs: 13 base32-sortable characters (lexicon app.bsky.feed.post, key "tid"). */
export const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
/** Record keys of feeds and lists (TIDs too, or any short record key). */
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;

/** The home feed (Following, Discover and pinned feeds are tabs of the same page). */
export const isHome: Detector<boolean> = detector(
  isBlueskyHost,
  (url) => {
    const path = segments(url);
    return path.length === 0 || (path.length === 1 && path[0] === "home");
  },
  false,
  ["https://bsky.app/", "https://bsky.app/?lang=fr", "https://bsky.app/home"],
);

/** A post with its thread: returns the post's record key. */
export const isPost: Detector<string | null> = detector(
  isBlueskyHost,
  (url) => {
    const [first, actor, kind, rkey, ...rest] = segments(url);
    return first === "profile" &&
      actor &&
      ACTOR.test(actor) &&
      kind === "post" &&
      rkey &&
      TID.test(rkey) &&
      rest.length === 0
      ? rkey
      : null;
  },
  null,
  [
    "https://bsky.app/profile/claire-dmt.bsky.social/post/3mtnpw3ow5v2b",
    "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3mtnsrbwpfvdg",
    "https://bsky.app/profile/acme.fr/post/3mtnuth3q5vjz?ref_src=embed",
  ],
);

/** A profile's posts (its tabs are not in the URL). */
export const isProfile: Detector<boolean> = detector(
  isBlueskyHost,
  (url) => {
    const [first, actor, ...rest] = segments(url);
    return first === "profile" && !!actor && ACTOR.test(actor) && rest.length === 0;
  },
  false,
  ["https://bsky.app/profile/acme.fr", "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/"],
);

/** A custom feed or a list's feed. */
export const isFeed: Detector<boolean> = detector(
  isBlueskyHost,
  (url) => {
    const [first, actor, kind, rkey, ...rest] = segments(url);
    return (
      first === "profile" &&
      !!actor &&
      ACTOR.test(actor) &&
      (kind === "feed" || kind === "lists") &&
      !!rkey &&
      RKEY.test(rkey) &&
      rest.length === 0
    );
  },
  false,
  ["https://bsky.app/profile/bsky.app/feed/whats-hot", "https://bsky.app/profile/acme.fr/lists/3mtj73ab65v25"],
);

/** Search results (posts, people, feeds) and hashtag pages. */
export const isSearch: Detector<boolean> = detector(
  isBlueskyHost,
  (url) => {
    const [first, second, ...rest] = segments(url);
    if (first === "search") return second === undefined;
    return first === "hashtag" && second !== undefined && rest.length === 0;
  },
  false,
  ["https://bsky.app/search?q=%40acme.fr%20remboursement", "https://bsky.app/hashtag/panne"],
);

/** Notifications: replies, mentions and quotes are posts. */
export const isNotifications: Detector<boolean> = detector(
  isBlueskyHost,
  (url) => {
    const path = segments(url);
    return path.length === 1 && path[0] === "notifications";
  },
  false,
  ["https://bsky.app/notifications", "https://bsky.app/notifications/?lang=fr"],
);

export const BLUESKY_PAGES = { isHome, isPost, isProfile, isFeed, isSearch, isNotifications } as const;
