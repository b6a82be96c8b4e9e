/**
 * The Mastodon site adapter, for any instance: the agent grants an instance in options, and the background
 * registers the content script for it (lib/content/registration.ts). Pure readers of the page and the composer
 * actions, wired by entrypoints/mastodon.content.
 */

import { firstKind } from "../detectors";
import { selectFirst } from "../dom";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, postIdOf } from "./extract";
import { MASTODON_PAGES } from "./pages";
import { MASTODON_SELECTORS } from "./selectors";

export { findReplyComposer, openReplyComposer, replyButtonOf, replyIndicatorShows, watchPosted } from "./composer";
export { extractPost, findPosts, normaliseAcct, postIdOf, snowflakeTime } from "./extract";
export { isHome, isNotifications, isProfile, isStatus, isTimeline, MASTODON_PAGES } from "./pages";
export { MASTODON_SELECTORS } from "./selectors";

export const mastodonSite: SiteAdapter = {
  id: "mastodon",
  name: "Mastodon",
  // Any instance: granted one by one at run time, never all sites up front.
  matches: [],
  defaultBase: "https://mastodon.social/",
  pages: MASTODON_PAGES,
  conversationPages: ["isStatus"],
  pageKind: (url) => firstKind(MASTODON_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    const header = selectFirst(el, MASTODON_SELECTORS.header, (h) => h.closest(".detailed-status, .status") === el);
    if (!header) return { el, where: "prepend" };
    // The detailed status's header is a link: the badge goes after it, not inside.
    return header.localName === "a" ? { el: header, where: "after" } : { el: header, where: "append" };
  },
  health: {
    postLike: ["article[data-id]", ".status__wrapper", ".detailed-status__wrapper", '[role="article"]'],
  },
};
