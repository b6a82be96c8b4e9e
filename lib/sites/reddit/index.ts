/**
 * The Reddit site adapter (new Reddit and old Reddit): pure readers of the page and the composer actions, wired
 * by entrypoints/reddit.content.
 */
import { firstKind } from "../detectors";
import { REDDIT_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, isNewRedditItem, postIdOf } from "./extract";
import { REDDIT_PAGES } from "./pages";

export { findReplyComposer, openReplyComposer, replyButtonOf, watchPosted } from "./composer";
export { extractPost, findPosts, isNewRedditItem, postIdOf } from "./extract";
export { isComments, isFrontPage, isSearch, isSubreddit, isUser, postIdFromPath, REDDIT_PAGES } from "./pages";
export { REDDIT_HOSTS, REDDIT_SELECTORS } from "./selectors";

export { REDDIT_MATCHES };

export const redditSite: SiteAdapter = {
  id: "reddit",
  name: "Reddit",
  matches: REDDIT_MATCHES,
  defaultBase: "https://www.reddit.com/",
  pages: REDDIT_PAGES,
  conversationPages: ["isComments"],
  pageKind: (url) => firstKind(REDDIT_PAGES, url),
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    if (isNewRedditItem(el)) {
      // New Reddit: right after the credit line (author, time) of a comment, or the post's title.
      for (const css of ['[slot="commentMeta"]', '[slot="credit-bar"]', '[slot="title"]']) {
        const meta = [...el.querySelectorAll(css)].find((m) => m.closest("shreddit-post, shreddit-comment") === el);
        if (meta) return { el: meta, where: "append" };
      }
      return { el, where: "prepend" };
    }
    // Old Reddit: at the end of the tagline ("submitted 2 hours ago by …").
    const tagline = [...el.querySelectorAll(".tagline")].find((t) => t.closest(".thing") === el);
    return tagline ? { el: tagline, where: "append" } : { el, where: "prepend" };
  },
  health: {
    // Looser than findPosts: what Reddit shows as a post or comment even if the custom elements were renamed.
    postLike: [
      'article[aria-label], details[role="article"]',
      '[data-fullname^="t1_"], [data-fullname^="t3_"], .thing.link, .thing.comment',
      '[id^="t3_"][author], [thingid^="t1_"]',
    ],
  },
};
