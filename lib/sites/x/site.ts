/**
 * X's adapter seen through the common SiteAdapter interface (lib/sites/types.ts): the readers of extract.ts, the
 * page detectors of pages.ts and the composer helpers of composer.ts, unchanged.
 */
import { X_MATCHES } from "../matches";
import type { SiteAdapter } from "../types";
import { findReplyComposer, openReplyComposer, watchPosted } from "./composer";
import { extractPost, findPosts, postIdOf } from "./extract";
import { PAGE_DETECTORS } from "./pages";

export const xSite: SiteAdapter = {
  id: "x",
  name: "X",
  matches: X_MATCHES,
  defaultBase: "https://x.com/",
  pages: PAGE_DETECTORS,
  conversationPages: ["isStatus"],
  pageKind(url) {
    for (const [name, detect] of Object.entries(PAGE_DETECTORS)) {
      const hit = detect(url);
      if (hit !== false && hit !== null) return name;
    }
    return null;
  },
  findPosts,
  postIdOf,
  extractPost,
  findReplyComposer,
  openReplyComposer,
  watchPosted,
  badgeSpot(el) {
    // Right after the author's name, handle and time: read with them, and away from X's own buttons.
    const anchor = el.querySelector('[data-testid="User-Name"]');
    return anchor ? { el: anchor, where: "append" } : { el, where: "prepend" };
  },
  health: {
    postLike: ['article[role="article"]', '[data-testid="cellInnerDiv"] article'],
  },
};
