/**
 * Which YouTube page a URL is: the pages that show comments (a video, a Short, a community post). Every detector
 * carries the URLs it must recognise; the tests run every detector against every other detector's examples.
 * Pure: pass `location` in.
 */
import { detector, segments } from "../detectors";
import type { Detector } from "../types";
import { YOUTUBE_HOSTS } from "./selectors";

const isYoutubeHost = (url: URL): boolean => YOUTUBE_HOSTS.includes(url.hostname.toLowerCase());
/** Video ids are 11 base64url characters. */
export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** Community post ids ("UgkxAbC…"). */
const POST_ID = /^Ug[A-Za-z0-9_-]{10,60}$/;
const CHANNEL = /^(?:@[^/]{1,100}|channel\/UC[A-Za-z0-9_-]{22}|c\/[^/]{1,100}|user\/[^/]{1,100})$/;

/** A video's watch page: returns the video id. */
export const isWatch: Detector<string | null> = detector(
  isYoutubeHost,
  (url) => {
    const path = segments(url);
    const id = url.searchParams.get("v");
    return path.length === 1 && path[0] === "watch" && id && VIDEO_ID.test(id) ? id : null;
  },
  null,
  [
    "https://www.youtube.com/watch?v=AcmeVid0001",
    "https://www.youtube.com/watch?v=AcmeVid0001&lc=UgzAcmeCommentFr0000000000AaABAg",
    "https://www.youtube.com/watch?v=Ab-_9xYz012&t=42s&list=PL0123456789",
    "https://youtube.com/watch?v=AcmeVid0001",
  ],
);

/** A Short (its comments open in a side panel): returns the video id. */
export const isShorts: Detector<string | null> = detector(
  isYoutubeHost,
  (url) => {
    const [first, id, ...rest] = segments(url);
    return first === "shorts" && id && VIDEO_ID.test(id) && rest.length === 0 ? id : null;
  },
  null,
  ["https://www.youtube.com/shorts/AcmeShort01", "https://www.youtube.com/shorts/Ab-_9xYz012?feature=share"],
);

/** A community post (`/post/<id>`, or a channel's community tab showing one post): returns the post id. */
export const isCommunityPost: Detector<string | null> = detector(
  isYoutubeHost,
  (url) => {
    const path = segments(url);
    if (path.length === 2 && path[0] === "post") return path[1] && POST_ID.test(path[1]) ? path[1] : null;
    const tab = path.at(-1);
    const channel = path.slice(0, -1).join("/");
    const lb = url.searchParams.get("lb");
    return tab === "community" && CHANNEL.test(channel) && lb && POST_ID.test(lb) ? lb : null;
  },
  null,
  [
    "https://www.youtube.com/post/UgkxAcmePost0000000000000000000000000",
    "https://www.youtube.com/@AcmeFR/community?lb=UgkxAcmePost0000000000000000000000000",
    "https://www.youtube.com/channel/UCacme0000000000000000FR/community?lb=UgkxAcmePost0000000000000000000000000",
  ],
);

export const YOUTUBE_PAGES = { isWatch, isShorts, isCommunityPost } as const;
