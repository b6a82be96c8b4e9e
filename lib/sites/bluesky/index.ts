/**
 * The Bluesky site adapter (bsky.app): pure readers of the page and the composer actions, wired by
 * entrypoints/bluesky.content.
 */
import { firstKind } from "../detectors";
import { BLUESKY_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, postIdOf, postRefOf } from "./extract";
import { BLUESKY_PAGES } from "./pages";
import { BLUESKY_SELECTORS as S } from "./selectors";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { blockText, extractPost, findPosts, postIdOf, postRefOf, tidTime } from "./extract";
export { BLUESKY_PAGES, isFeed, isHome, isNotifications, isPost, isProfile, isSearch } from "./pages";
export { BLUESKY_HOSTS, BLUESKY_SELECTORS } from "./selectors";

export { BLUESKY_MATCHES };

const ITEM = `${S.feedItem.css[0]}, ${S.threadItem.css[0]}`;

export const blueskySite: SiteAdapter = {
  id: "bluesky",
  name: "Bluesky",
  matches: BLUESKY_MATCHES,
  defaultBase: "https://bsky.app/",
  pages: BLUESKY_PAGES,
  conversationPages: ["isPost"],
  pageKind: (url) => firstKind(BLUESKY_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    // After the time link, at the end of the header line (name, handle, time); the anchor has no time link: after
    // its name block. Both sit away from the post's controls and menu.
    const own = (a: Element) => a.closest(ITEM) === el;
    const time = [...el.querySelectorAll(S.postLink.css[0])].find((a) => own(a) && postRefOf(a.getAttribute("href")));
    if (time?.parentElement) return { el: time.parentElement, where: "append" };
    const name = [...el.querySelectorAll(S.profileLink.css[0])].find((a) => own(a) && (a.textContent ?? "").trim());
    return name ? { el: name, where: "after" } : { el, where: "prepend" };
  },
  health: {
    // Looser than findPosts: thread items, and the Reply button every post has (quotes have none). Not feed items
    // as such: like and follow notifications are feed items too, and rightly not read.
    postLike: [S.threadItem.css[0], '[data-testid="replyBtn"]'],
  },
};
