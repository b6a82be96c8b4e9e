/**
 * Which Instagram page a URL is. Comments are read on a post's page and a reel's page (also when Instagram opens
 * them as a dialog over a profile or the feed: the URL then changes to the post's). Since 2025 Instagram also
 * writes post URLs with the author in front (`/acme_fr/p/<code>/`). Every detector carries the URLs it must
 * recognise; the tests run every detector against every other detector's examples. Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { INSTAGRAM_HOSTS, RESERVED_PATHS } from "./selectors";

const isInstagramHost = (url: URL): boolean => INSTAGRAM_HOSTS.includes(url.hostname.toLowerCase());
/** Shortcodes are base64url; private posts have longer ones. */
const SHORTCODE = /^[A-Za-z0-9_-]{5,60}$/;
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
const COMMENT_ID = /^\d{5,25}$/;

/** `/<kind>/<code>[/c/<id>[/r/<id>]]/`, optionally after `/<username>`: the code, else null. */
function mediaCode(url: URL, kinds: readonly string[]): string | null {
  let path = segments(url);
  const [first] = path;
  if (first && !RESERVED_PATHS.has(first) && USERNAME.test(first) && kinds.includes(path[1] ?? "")) {
    path = path.slice(1);
  }
  const [kind, code, ...rest] = path;
  if (!kind || !kinds.includes(kind) || !code || !SHORTCODE.test(code)) return null;
  // A comment's own page (`…/c/<id>/`, a reply `…/c/<id>/r/<id>/`) shows the post with that comment first.
  const [c, commentId, r, replyId, ...more] = rest;
  if (c === undefined) return code;
  if (c !== "c" || !commentId || !COMMENT_ID.test(commentId) || more.length > 0) return null;
  if (r === undefined) return code;
  return r === "r" && replyId !== undefined && COMMENT_ID.test(replyId) ? code : null;
}

/** A post's page (photo or carousel): returns its shortcode. */
export const isPost: Detector<string | null> = detector(isInstagramHost, (url) => mediaCode(url, ["p"]), null, [
  "https://www.instagram.com/p/DAcmeFr01x/",
  "https://www.instagram.com/acme_fr/p/DAcmeFr01x/",
  "https://www.instagram.com/p/DAcmeFr01x/?img_index=2",
  "https://www.instagram.com/p/DAcmeFr01x/c/18043210987654321/",
  "https://instagram.com/p/C9xYz_1-AbC/c/18043210987654321/r/17999888777666555/",
]);

/** A reel's page (or a reel opened from the Reels tab): returns its shortcode. */
export const isReel: Detector<string | null> = detector(
  isInstagramHost,
  (url) => mediaCode(url, ["reel", "reels"]),
  null,
  [
    "https://www.instagram.com/reel/DAcmeRe02y/",
    "https://www.instagram.com/reels/DAcmeRe02y/",
    "https://www.instagram.com/acme_fr/reel/DAcmeRe02y/",
    "https://www.instagram.com/reel/DAcmeRe02y/c/18055544433322211/",
  ],
);

export const INSTAGRAM_PAGES = { isPost, isReel } as const;
