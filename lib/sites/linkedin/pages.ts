/**
 * Which LinkedIn page a URL is. Every detector carries the URLs it must recognise; the tests run every detector
 * against every other detector's examples (and the registry against the other sites'). Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { LINKEDIN_HOSTS } from "./selectors";

const isLinkedInHost = (url: URL): boolean => LINKEDIN_HOSTS.includes(url.hostname.toLowerCase());

/** A post's URN as LinkedIn writes it in paths and attributes. */
export const POST_URN = /^urn:li:(activity|ugcPost|share):(\d{10,25})$/;
/** A vanity name in /in/<slug> and /company/<slug> (or a member URN id like "ACoAAB…"). */
const SLUG = /^[A-Za-z0-9\u00c0-\u024f_%.-]{2,100}$/;
/** The public post URL's last segment: "<slug>-activity-<id>-<4 chars>". */
const PUBLIC_POST = /-(activity|ugcPost|share)-(\d{10,25})-[A-Za-z0-9_-]{2,8}$/;

/** The home feed. */
export const isFeed: Detector<boolean> = detector(
  isLinkedInHost,
  (url) => {
    const path = segments(url);
    return path.length === 1 && path[0] === "feed";
  },
  false,
  ["https://www.linkedin.com/feed/", "https://www.linkedin.com/feed/?shareActive=true"],
);

/** One post with its comments: returns the post's id ("activity:7496…"). */
export const isPost: Detector<string | null> = detector(
  isLinkedInHost,
  (url) => {
    const path = segments(url).map((s) => decodeURIComponent(s));
    if (path.length === 3 && path[0] === "feed" && path[1] === "update") {
      const urn = POST_URN.exec(path[2] ?? "");
      return urn ? `${urn[1]}:${urn[2]}` : null;
    }
    if (path.length === 2 && path[0] === "posts") {
      const match = PUBLIC_POST.exec(path[1] ?? "");
      return match ? `${match[1]}:${match[2]}` : null;
    }
    return null;
  },
  null,
  [
    "https://www.linkedin.com/feed/update/urn:li:activity:7496598238004434567/",
    "https://www.linkedin.com/feed/update/urn:li:ugcPost:7496617615690025678/?commentUrn=urn%3Ali%3Acomment%3A%28ugcPost%3A7496617615690025678%2C7496654357794176789%29",
    "https://www.linkedin.com/posts/claire-dumont-4a1b2c_colis-livraison-activity-7496598238004434567-Xy9Z/",
  ],
);

/** A company page's home and its Posts tab. */
export const isCompany: Detector<boolean> = detector(
  isLinkedInHost,
  (url) => {
    const [first, slug, tab, ...rest] = segments(url);
    return (
      first === "company" && !!slug && SLUG.test(slug) && rest.length === 0 && (tab === undefined || tab === "posts")
    );
  },
  false,
  ["https://www.linkedin.com/company/acme-france/", "https://www.linkedin.com/company/acme-france/posts/?feedView=all"],
);

/** A member's activity: their posts, comments and reactions. */
export const isActivity: Detector<boolean> = detector(
  isLinkedInHost,
  (url) => {
    const [first, slug, second, tab, ...rest] = segments(url);
    return (
      first === "in" &&
      !!slug &&
      SLUG.test(slug) &&
      second === "recent-activity" &&
      rest.length === 0 &&
      (tab === undefined || ["all", "shares", "comments", "reactions"].includes(tab))
    );
  },
  false,
  [
    "https://www.linkedin.com/in/claire-dumont-4a1b2c/recent-activity/all/",
    "https://www.linkedin.com/in/sam-k/recent-activity/comments/",
  ],
);

/** Post search results and hashtag feeds. */
export const isSearch: Detector<boolean> = detector(
  isLinkedInHost,
  (url) => {
    const path = segments(url);
    if (path[0] === "search") return path.length === 3 && path[1] === "results" && path[2] === "content";
    return path.length >= 2 && path.length <= 3 && path[0] === "feed" && path[1] === "hashtag";
  },
  false,
  [
    "https://www.linkedin.com/search/results/content/?keywords=acme%20remboursement&origin=SWITCH_SEARCH_VERTICAL",
    "https://www.linkedin.com/feed/hashtag/colisperdu/",
    "https://www.linkedin.com/feed/hashtag/?keywords=colisperdu",
  ],
);

export const LINKEDIN_PAGES = { isFeed, isPost, isCompany, isActivity, isSearch } as const;
