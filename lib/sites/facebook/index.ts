/**
 * The Facebook site adapter (www.facebook.com: a brand's Page and posts, the comments under them, the feed):
 * pure readers of the page and the composer actions, wired by entrypoints/facebook.content.
 */
import { firstKind } from "../detectors";
import { FACEBOOK_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, handleOf, isComment, postIdOf } from "./extract";
import { FACEBOOK_PAGES } from "./pages";
import { FACEBOOK_SELECTORS as S } from "./selectors";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { authorNameOf, commentIdOf, compactId, extractPost, findPosts, handleOf, isComment, postIdOf } from "./extract";
export { FACEBOOK_PAGES, isFeed, isGroup, isPage, isPost, isSearch, postIdFromUrl } from "./pages";
export { FACEBOOK_HOSTS, FACEBOOK_SELECTORS } from "./selectors";

export { FACEBOOK_MATCHES };

export const facebookSite: SiteAdapter = {
  id: "facebook",
  name: "Facebook",
  matches: FACEBOOK_MATCHES,
  defaultBase: "https://www.facebook.com/",
  pages: FACEBOOK_PAGES,
  conversationPages: ["isPost"],
  pageKind: (url) => firstKind(FACEBOOK_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    if (isComment(el)) {
      // After the author's name link at the top of the comment bubble (the bubble's controls are below it).
      const name = [...el.querySelectorAll("a[href]")].find(
        (a) =>
          handleOf(a.getAttribute("href")) !== null &&
          (a.textContent ?? "").trim() !== "" &&
          a.closest(S.comment.css[0]) === el,
      );
      return name ? { el: name, where: "after" } : { el, where: "prepend" };
    }
    // At the end of the post's header (name, "· Follow"): the post's menu sits outside it.
    const header = el.querySelector(S.profileName.css[0]);
    return header ? { el: header, where: "append" } : { el, where: "prepend" };
  },
  health: {
    // Looser than findPosts: feed units and post texts by their attributes, and comments by their role.
    postLike: [
      "div[aria-posinset]",
      '[data-ad-rendering-role="story_message"]',
      '[data-ad-comet-preview="message"]',
      'div[role="article"]',
    ],
  },
};
