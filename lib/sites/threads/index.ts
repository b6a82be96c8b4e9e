/**
 * The Threads site adapter (threads.com and threads.net): pure readers of the page and the composer actions,
 * wired by entrypoints/threads.content.
 */
import { firstKind } from "../detectors";
import { THREADS_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, permalinkOf, postIdOf } from "./extract";
import { THREADS_PAGES } from "./pages";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { extractPost, findPosts, permalinkOf, postIdOf, postRefOf } from "./extract";
export { isActivity, isHome, isPost, isProfile, isSearch, THREADS_PAGES } from "./pages";
export { ACTION_LABELS, THREADS_HOSTS, THREADS_SELECTORS } from "./selectors";

export { THREADS_MATCHES };

export const threadsSite: SiteAdapter = {
  id: "threads",
  name: "Threads",
  matches: THREADS_MATCHES,
  defaultBase: "https://www.threads.com/",
  pages: THREADS_PAGES,
  conversationPages: ["isPost"],
  pageKind: (url) => firstKind(THREADS_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    // Right after the time in the header line (username, time), before the "More" menu at its end.
    const time = permalinkOf(el);
    return time ? { el: time, where: "after" } : { el, where: "prepend" };
  },
  health: {
    // Looser than findPosts: every pressable container, and every time that links to a post.
    postLike: ["div[data-pressable-container]", 'a[href*="/post/"] time[datetime]'],
  },
};
