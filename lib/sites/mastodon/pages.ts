/**
 * Which Mastodon page a URL is. Mastodon runs on any host: the content script only runs on the instances the
 * agent granted in options, so these detectors look at paths only (the examples use several instances). Paths may
 * carry the advanced interface's "/deck" prefix. Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";

/** `@user` or `@user@server.example`. */
const ACCT = /^@[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?$/;
const ID = /^\d{1,20}$/;

const anyHost = (): boolean => true;

/** The path's segments without the "/deck" prefix of the advanced (multi-column) interface. */
function path(url: URL): string[] {
  const parts = segments(url);
  return parts[0] === "deck" ? parts.slice(1) : parts;
}

export const isHome: Detector<boolean> = detector(
  anyHost,
  (url) => {
    const parts = path(url);
    return parts.length === 1 && parts[0] === "home";
  },
  false,
  ["https://mastodon.social/home", "https://piaille.fr/deck/home", "https://mastodon.example/home?lang=fr"],
);

/** A status page (the status and its thread): returns the status id. */
export const isStatus: Detector<string | null> = detector(
  anyHost,
  (url) => {
    const [acct, id, ...rest] = path(url);
    return acct && id && rest.length === 0 && ACCT.test(acct) && ID.test(id) ? id : null;
  },
  null,
  [
    "https://mastodon.example/@alice/12345678",
    "https://mastodon.social/@bob@other.social/112233445566778899",
    "https://piaille.fr/deck/@claire/113000000000000001",
  ],
);

export const isProfile: Detector<boolean> = detector(
  anyHost,
  (url) => {
    const [acct, tab, ...rest] = path(url);
    if (!acct || !ACCT.test(acct) || rest.length > 0) return false;
    return tab === undefined || tab === "with_replies" || tab === "media";
  },
  false,
  ["https://mastodon.social/@AcmeSupport", "https://piaille.fr/@claire@mastodon.social/with_replies"],
);

export const isNotifications: Detector<boolean> = detector(anyHost, (url) => path(url)[0] === "notifications", false, [
  "https://mastodon.social/notifications",
  "https://piaille.fr/notifications/mentions",
]);

/** The other timelines: local and federated, explore, hashtags, lists, private mentions, bookmarks, search. */
export const isTimeline: Detector<boolean> = detector(
  anyHost,
  (url) => {
    const [first, second, ...rest] = path(url);
    if (rest.length > 0) return false;
    switch (first) {
      case "public":
        return second === undefined || second === "local" || second === "remote";
      case "explore":
        return second === undefined || second === "posts" || second === "tags" || second === "links";
      case "tags":
      case "lists":
        return second !== undefined;
      case "conversations":
      case "bookmarks":
      case "favourites":
      case "search":
        return second === undefined;
      default:
        return false;
    }
  },
  false,
  [
    "https://mastodon.social/public/local",
    "https://mastodon.social/public",
    "https://piaille.fr/explore",
    "https://mastodon.social/tags/panne",
    "https://mastodon.social/lists/42",
    "https://mastodon.social/search?q=acme",
  ],
);

export const MASTODON_PAGES = { isHome, isStatus, isProfile, isNotifications, isTimeline } as const;
