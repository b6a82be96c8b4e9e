/**
 * Which TikTok page a URL is: a video's page (also when TikTok opens it over a profile or a search: the URL then
 * changes to the video's), a photo post's, and the feeds whose comment panel opens beside the video. Every detector
 * carries the URLs it must recognise; the tests run every detector against every other detector's examples.
 * Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { TIKTOK_HOSTS } from "./selectors";

const isTiktokHost = (url: URL): boolean => TIKTOK_HOSTS.includes(url.hostname.toLowerCase());
/** `@` then the unique id: letters, digits, "_" and ".". */
export const ACCOUNT = /^@[A-Za-z0-9_.]{1,50}$/;
/** Video and photo ids: 19 digits today. */
export const ITEM_ID = /^\d{15,25}$/;

function itemId(url: URL, kind: string): string | null {
  const [account, what, id, ...rest] = segments(url);
  return account && ACCOUNT.test(account) && what === kind && id && ITEM_ID.test(id) && rest.length === 0 ? id : null;
}

/** A video's page: returns the video id. */
export const isVideo: Detector<string | null> = detector(isTiktokHost, (url) => itemId(url, "video"), null, [
  "https://www.tiktok.com/@acme_fr/video/7400000000000000001",
  "https://www.tiktok.com/@acme.support/video/7412345678901234567?is_from_webapp=1&sender_device=pc",
  "https://tiktok.com/@acme_fr/video/7400000000000000001",
]);

/** A photo post (a carousel): returns its id. */
export const isPhoto: Detector<string | null> = detector(isTiktokHost, (url) => itemId(url, "photo"), null, [
  "https://www.tiktok.com/@acme_fr/photo/7400000000000000777",
  "https://www.tiktok.com/@acme.support/photo/7412345678901234999?lang=fr",
]);

/** The For You and Following feeds, where the comment panel opens beside the playing video. */
export const isFeed: Detector<boolean> = detector(
  isTiktokHost,
  (url) => {
    const path = segments(url);
    return path.length === 0 || (path.length === 1 && (path[0] === "foryou" || path[0] === "following"));
  },
  false,
  ["https://www.tiktok.com/", "https://www.tiktok.com/foryou?lang=fr", "https://www.tiktok.com/following"],
);

export const TIKTOK_PAGES = { isVideo, isPhoto, isFeed } as const;
