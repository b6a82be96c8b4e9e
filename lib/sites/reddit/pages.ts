/**
 * Which Reddit page a URL is (new and old Reddit share their paths). Every detector carries the URLs it must
 * recognise; the tests run every detector against every other detector's examples. Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { REDDIT_HOSTS } from "./selectors";

const isRedditHost = (url: URL): boolean => REDDIT_HOSTS.includes(url.hostname.toLowerCase());
const NAME = /^[A-Za-z0-9_-]{2,30}$/;
const ID36 = /^[a-z0-9]{1,13}$/;
const SORTS: ReadonlySet<string> = new Set(["hot", "new", "top", "rising", "controversial", "best", "gilded"]);

/** The post id (base 36, without "t3_") of a comments page, else null. */
export function postIdFromPath(url: URL): string | null {
  const path = segments(url);
  // /r/<sub>/comments/<id>[/<slug>[/<comment>]]  or  /comments/<id>  or  /user/<name>/comments/<id>
  const at = path.indexOf("comments");
  if (at < 0) return null;
  const before = path.slice(0, at);
  const id = path[at + 1];
  const ownerOk =
    before.length === 0 || (before.length === 2 && (before[0] === "r" || before[0] === "user" || before[0] === "u"));
  return ownerOk && id && ID36.test(id) ? id : null;
}

/** Front page, popular, all and the sorted variants of those. */
export const isFrontPage: Detector<boolean> = detector(
  isRedditHost,
  (url) => {
    const [first, second, ...rest] = segments(url);
    if (first === undefined) return true;
    if (first === "r" && (second === "popular" || second === "all"))
      return rest.length === 0 || SORTS.has(rest[0] ?? "");
    return second === undefined && SORTS.has(first);
  },
  false,
  [
    "https://www.reddit.com/",
    "https://old.reddit.com/",
    "https://www.reddit.com/?feed=home",
    "https://www.reddit.com/r/popular/",
    "https://old.reddit.com/r/all/top/?t=day",
    "https://www.reddit.com/best/",
  ],
);

/** A subreddit's listing (any sort), not its comments pages. */
export const isSubreddit: Detector<boolean> = detector(
  isRedditHost,
  (url) => {
    const [first, name, sort, ...rest] = segments(url);
    if (first !== "r" || !name || !NAME.test(name) || name === "popular" || name === "all") return false;
    return rest.length === 0 && (sort === undefined || SORTS.has(sort));
  },
  false,
  [
    "https://www.reddit.com/r/vintagecomputing/",
    "https://old.reddit.com/r/nottheonion/new/",
    "https://www.reddit.com/r/AcmeSupport/top/?t=week",
    "https://reddit.com/r/france",
  ],
);

/** A post with its comments (or one comment's thread): returns the post id. */
export const isComments: Detector<string | null> = detector(isRedditHost, postIdFromPath, null, [
  "https://www.reddit.com/r/mildlyinfuriating/comments/1vrqi5a/how_cooked_the_uk_is_right_now/",
  "https://old.reddit.com/r/nottheonion/comments/1vr826t/woman_dies_comes_back_to_life_gets_parking_ticket/",
  "https://www.reddit.com/r/mildlyinfuriating/comments/1vrqi5a/comment/p4f9kch/",
  "https://old.reddit.com/r/nottheonion/comments/1vr826t/woman_dies/p4bfgg4/?context=3",
  "https://www.reddit.com/comments/1vrqi5a",
]);

/** A user's profile and its tabs. */
export const isUser: Detector<boolean> = detector(
  isRedditHost,
  (url) => {
    const [first, name, tab, ...rest] = segments(url);
    if ((first !== "user" && first !== "u") || !name || !NAME.test(name)) return false;
    return rest.length === 0 && (tab === undefined || ["overview", "submitted", "comments"].includes(tab));
  },
  false,
  [
    "https://www.reddit.com/user/Phlogistoned/",
    "https://old.reddit.com/user/SpaceJackRabbit/comments/",
    "https://www.reddit.com/u/AcmeSupport/submitted/",
  ],
);

/** Search results, site-wide or in one subreddit. */
export const isSearch: Detector<boolean> = detector(
  isRedditHost,
  (url) => {
    const path = segments(url);
    const search = path.length === 1 ? path[0] : path.length === 3 && path[0] === "r" ? path[2] : undefined;
    return search === "search";
  },
  false,
  [
    "https://www.reddit.com/search/?q=acme+refund",
    "https://old.reddit.com/search?q=acme",
    "https://www.reddit.com/r/AcmeSupport/search/?q=remboursement&restrict_sr=1",
  ],
);

export const REDDIT_PAGES = { isFrontPage, isSubreddit, isComments, isUser, isSearch } as const;
