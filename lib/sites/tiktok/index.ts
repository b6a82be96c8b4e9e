/**
 * The TikTok site adapter: the comments under a video (or a photo post) on www.tiktok.com, read from the comment
 * panel, and the inline reply box each comment's Reply opens. Wired by entrypoints/tiktok.content.
 */
import { firstKind } from "../detectors";
import { selectFirst } from "../dom";
import { TIKTOK_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, postIdOf } from "./extract";
import { TIKTOK_PAGES } from "./pages";
import { TIKTOK_SELECTORS } from "./selectors";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { authorOf, extractPost, findPosts, idTime, postIdOf } from "./extract";
export { isFeed, isPhoto, isVideo, TIKTOK_PAGES } from "./pages";
export { TIKTOK_HOSTS, TIKTOK_SELECTORS } from "./selectors";

export { TIKTOK_MATCHES };

export const tiktokSite: SiteAdapter = {
  id: "tiktok",
  name: "TikTok",
  matches: TIKTOK_MATCHES,
  defaultBase: "https://www.tiktok.com/",
  pages: TIKTOK_PAGES,
  conversationPages: ["isVideo", "isPhoto"],
  pageKind: (url) => firstKind(TIKTOK_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    // Beside the commenter's nickname, above the text: the heart and its count sit at the right of the comment,
    // "Reply" under the text. Never inside the nickname's link (a click on the badge must not open the profile).
    const name = selectFirst(el, TIKTOK_SELECTORS.username);
    if (!name) return { el, where: "prepend" };
    const link = name.closest("a");
    if (link && el.contains(link)) return { el: link, where: "after" };
    return { el: name, where: "append" };
  },
  health: {
    postLike: [
      '[data-e2e="comment-level-1"]',
      '[data-e2e="comment-level-2"]',
      '[class*="DivCommentItemWrapper"]',
      '[class*="DivCommentContentContainer"]',
    ],
  },
};
