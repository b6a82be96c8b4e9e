/**
 * The X (x.com, twitter.com) site adapter: pure readers of the page, wired by the content script.
 */
import { extractPost, findPosts, postIdOf } from "./extract";
import { isSupportedXPage, type UrlLike } from "./pages";
import { X_HOSTS } from "./selectors";

export {
  extractPost,
  findPosts,
  normaliseDatetime,
  parseAbbreviatedCount,
  parseCountsLabel,
  parseStatusHref,
  postIdOf,
  visibleText,
} from "./extract";
export {
  type Detector,
  isHome,
  isNotifications,
  isProfile,
  isSearch,
  isStatus,
  isSupportedXPage,
  PAGE_DETECTORS,
  statusIdFromUrl,
  type UrlLike,
} from "./pages";
export { METRIC_WORDS, PROMOTED_LABELS, type SelectorSpec, X_HOSTS, X_SELECTORS } from "./selectors";

export const xAdapter = {
  id: "x",
  hosts: X_HOSTS,
  /** Whether the extension reads posts on this page. */
  matches: (url: UrlLike): boolean => isSupportedXPage(url),
  findPosts,
  postIdOf,
  extractPost,
} as const;

export type XAdapter = typeof xAdapter;
export { xSite } from "./site";
