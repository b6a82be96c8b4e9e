/**
 * The YouTube site adapter: the comments under a video (also a Short or a community post) on www.youtube.com, read
 * from the page, and each comment's own reply box. Wired by entrypoints/youtube.content.
 */
import { firstKind } from "../detectors";
import { selectFirst } from "../dom";
import { YOUTUBE_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, postIdOf } from "./extract";
import { YOUTUBE_PAGES } from "./pages";
import { YOUTUBE_SELECTORS } from "./selectors";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { authorOf, extractPost, findPosts, isCreatorComment, postIdOf } from "./extract";
export { isCommunityPost, isShorts, isWatch, YOUTUBE_PAGES } from "./pages";
export { YOUTUBE_HOSTS, YOUTUBE_SELECTORS } from "./selectors";

export { YOUTUBE_MATCHES };

const COMMENT = YOUTUBE_SELECTORS.comment.css.join(", ");

export const youtubeSite: SiteAdapter = {
  id: "youtube",
  name: "YouTube",
  matches: YOUTUBE_MATCHES,
  defaultBase: "https://www.youtube.com/",
  pages: YOUTUBE_PAGES,
  conversationPages: ["isWatch", "isShorts", "isCommunityPost"],
  pageKind: (url) => firstKind(YOUTUBE_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    // At the end of the comment's header line (handle, "2 days ago", "(edited)"), before the text: the like and
    // reply buttons are in the toolbar under the text, the ⋮ menu floats at the right of the comment.
    const header = selectFirst(el, YOUTUBE_SELECTORS.header, (h) => h.closest(COMMENT) === el);
    return header ? { el: header, where: "append" } : { el, where: "prepend" };
  },
  health: {
    postLike: ["ytd-comment-thread-renderer", "ytd-comment-view-model", "ytd-comment-renderer", "#content-text"],
  },
};
