/**
 * The Instagram site adapter: the comments under a post or a reel (www.instagram.com/p/… and /reel/…), read from
 * the page, and the post's own comment box for replies. Wired by entrypoints/instagram.content.
 */
import { firstKind } from "../detectors";
import { INSTAGRAM_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, permalinkOf, postIdOf } from "./extract";
import { INSTAGRAM_PAGES } from "./pages";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { authorOf, commentRefOf, extractPost, findPosts, permalinkOf, postIdOf } from "./extract";
export { INSTAGRAM_PAGES, isPost, isReel } from "./pages";
export { CONTROL_WORDS, INSTAGRAM_HOSTS, INSTAGRAM_SELECTORS } from "./selectors";

export { INSTAGRAM_MATCHES };

export const instagramSite: SiteAdapter = {
  id: "instagram",
  name: "Instagram",
  matches: INSTAGRAM_MATCHES,
  defaultBase: "https://www.instagram.com/",
  pages: INSTAGRAM_PAGES,
  conversationPages: ["isPost", "isReel"],
  pageKind: (url) => firstKind(INSTAGRAM_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    // Right after the comment's time: in the line of its own small links ("2 d", "12 likes", "Reply"), pushing
    // them aside, never over them or over the text.
    const permalink = permalinkOf(el);
    return permalink ? { el: permalink, where: "after" } : { el, where: "append" };
  },
  health: {
    // Each comment's link to itself (a <time> inside), whatever the blocks around it look like.
    postLike: ['a[href*="/c/"] > time', 'a[href*="/c/"] time', "ul ul li[role='menuitem']"],
  },
};
