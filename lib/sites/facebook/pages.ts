/**
 * Which Facebook page a URL is. Every detector carries the URLs it must recognise; the tests run every detector
 * against every other detector's examples (and the registry against the other sites'). Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { FACEBOOK_HOSTS, RESERVED_PATHS } from "./selectors";

const isFacebookHost = (url: URL): boolean => FACEBOOK_HOSTS.includes(url.hostname.toLowerCase());

/** A post or object id: numeric, or a "pfbid0…" (an opaque id Facebook shows in post URLs, often 70 characters). */
export const OBJECT_ID = /^(?:\d{5,25}|pfbid0[A-Za-z0-9]{10,120})$/;
/** A profile's or Page's vanity name. */
export const VANITY = /^[A-Za-z0-9.\-_]{3,80}$/;

/** The post's id in a Facebook URL (a post, a photo, a video, a group post), else null. */
export function postIdFromUrl(url: URL): string | null {
  const path = segments(url);
  const q = (name: string) => {
    const v = url.searchParams.get(name);
    return v && OBJECT_ID.test(v) ? v : null;
  };
  const [first, second, third, fourth, ...rest] = path;
  if (first === "permalink.php" || first === "story.php") return path.length === 1 ? q("story_fbid") : null;
  if (first === "photo.php" || (first === "photo" && second === undefined)) return q("fbid");
  if (first === "watch" && second === undefined) return q("v");
  if (first === "reel" && second && OBJECT_ID.test(second) && third === undefined) return second;
  if (first === "groups" && second && (third === "posts" || third === "permalink") && fourth && rest.length === 0) {
    return OBJECT_ID.test(fourth) ? fourth : null;
  }
  if (first && !RESERVED_PATHS.has(first.toLowerCase()) && (second === "posts" || second === "videos") && third) {
    return rest.length === 0 && fourth === undefined && OBJECT_ID.test(third) ? third : null;
  }
  return null;
}

/** One post (a permalink page, or the post dialog, which puts the post's URL in the address bar). */
export const isPost: Detector<string | null> = detector(isFacebookHost, postIdFromUrl, null, [
  "https://www.facebook.com/AcmeFrance/posts/pfbid02Qm7bXvKq3sZr1NwYpTgLhc8FdEj4uA6iHoV9yMnWxBzRkCtDs5eGa7fPqJ2Ll",
  "https://www.facebook.com/AcmeFrance/posts/1234567890123456",
  "https://www.facebook.com/permalink.php?story_fbid=pfbid0aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789&id=100064567890123",
  "https://www.facebook.com/groups/clients.acme/posts/987654321098765/",
  "https://www.facebook.com/photo/?fbid=1122334455667788&set=a.998877665544",
  "https://www.facebook.com/watch/?v=2233445566778899",
  "https://www.facebook.com/AcmeFrance/videos/3344556677889900/",
]);

/** The home feed. */
export const isFeed: Detector<boolean> = detector(
  isFacebookHost,
  (url) => {
    const path = segments(url);
    return path.length === 0 || (path.length === 1 && path[0] === "home.php");
  },
  false,
  ["https://www.facebook.com/", "https://www.facebook.com/?sk=h_chr", "https://www.facebook.com/home.php"],
);

/** A Page's or a profile's timeline (the brand's own page, where complaints come as comments). */
export const isPage: Detector<boolean> = detector(
  isFacebookHost,
  (url) => {
    const [first, second, ...rest] = segments(url);
    if (first === "profile.php") return second === undefined && /^\d{5,25}$/.test(url.searchParams.get("id") ?? "");
    if (!first || !VANITY.test(first) || RESERVED_PATHS.has(first.toLowerCase())) return false;
    return (
      rest.length === 0 && (second === undefined || second === "posts" || second === "mentions" || second === "reviews")
    );
  },
  false,
  [
    "https://www.facebook.com/AcmeFrance",
    "https://www.facebook.com/AcmeFrance/reviews",
    "https://www.facebook.com/profile.php?id=100064567890123",
    "https://www.facebook.com/claire.dumont.42/",
  ],
);

/** A group's feed. */
export const isGroup: Detector<boolean> = detector(
  isFacebookHost,
  (url) => {
    const [first, group, ...rest] = segments(url);
    return first === "groups" && !!group && VANITY.test(group) && group !== "feed" && rest.length === 0;
  },
  false,
  ["https://www.facebook.com/groups/clients.acme", "https://www.facebook.com/groups/987654321098765/"],
);

/** Post search results and hashtag feeds. */
export const isSearch: Detector<boolean> = detector(
  isFacebookHost,
  (url) => {
    const [first, second, ...rest] = segments(url);
    if (first === "search") return (second === "posts" || second === "top") && rest.length === 0;
    return first === "hashtag" && second !== undefined && rest.length === 0;
  },
  false,
  ["https://www.facebook.com/search/posts/?q=acme%20remboursement", "https://www.facebook.com/hashtag/colisperdu"],
);

export const FACEBOOK_PAGES = { isPost, isFeed, isPage, isGroup, isSearch } as const;
