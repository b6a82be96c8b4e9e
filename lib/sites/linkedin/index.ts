/**
 * The LinkedIn site adapter (www.linkedin.com: the feed, posts and their comments, company pages): pure readers of
 * the page and the composer actions, wired by entrypoints/linkedin.content.
 */

import { firstKind } from "../detectors";
import { selectAll } from "../dom";
import { LINKEDIN_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, isComment, postIdOf } from "./extract";
import { LINKEDIN_PAGES } from "./pages";
import { LINKEDIN_SELECTORS as S } from "./selectors";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { extractPost, findPosts, isComment, postIdOf, slugOf, snowflakeTime } from "./extract";
export { isActivity, isCompany, isFeed, isPost, isSearch, LINKEDIN_PAGES } from "./pages";
export { LINKEDIN_HOSTS, LINKEDIN_SELECTORS } from "./selectors";

export { LINKEDIN_MATCHES };

const ITEM = `${S.post.css.join(", ")}, ${S.comment.css.join(", ")}`;

export const linkedinSite: SiteAdapter = {
  id: "linkedin",
  name: "LinkedIn",
  matches: LINKEDIN_MATCHES,
  defaultBase: "https://www.linkedin.com/",
  pages: LINKEDIN_PAGES,
  conversationPages: ["isPost"],
  pageKind: (url) => firstKind(LINKEDIN_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    const own = (node: Element) => node.closest(ITEM) === el;
    if (isComment(el)) {
      // After the comment's time, in its header; the "…" options menu sits apart at the header's end.
      const time = selectAll(el, S.commentTime, own)[0];
      return time ? { el: time, where: "after" } : { el, where: "prepend" };
    }
    // Under the author's name, headline and time: after the link around them (never inside it, and away from the
    // Follow button and the post's menu).
    const actor = selectAll(el, S.actorLink, own).find((a) => a.matches("a.update-components-actor__meta-link"));
    return actor ? { el: actor, where: "after" } : { el, where: "prepend" };
  },
  health: {
    // Looser than findPosts: anything LinkedIn marks with a post's or a comment's URN, and the cards by class.
    postLike: [
      '[data-urn^="urn:li:activity:"]',
      '[data-id^="urn:li:activity:"]',
      ".feed-shared-update-v2",
      '[data-id^="urn:li:comment:"]',
      "article.comments-comment-entity",
    ],
  },
};
