/**
 * Reads YouTube comments out of the DOM of a watch page (also Shorts and community posts): pure functions of the
 * markup, no state. A comment's element (`ytd-comment-view-model`) holds only its own parts and, once Reply was
 * pressed, its reply box; its replies are elements of their own in the thread. Nothing here writes to the page.
 *
 * YouTube shows times as "2 days ago" only (no `<time>`, no date anywhere in the page): `postedAt` is null.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot } from "../../schemas";
import { cap, countOf, type SelectorSpec, safeUrl, selectAll, selectFirst, selfAndAllOf } from "../dom";
import { renderedText } from "../text";
import { VIDEO_ID } from "./pages";
import { REPLIES_WORDS, YOUTUBE_SELECTORS as S, YOUTUBE_HOSTS } from "./selectors";

const DEFAULT_BASE = "https://www.youtube.com/";
const ORIGIN = "https://www.youtube.com";
const MAX_TEXT = 40_000;
/** Comment ids: "Ugz…AaABAg" for a top-level comment, "<parent id>.<reply id>" for a reply. */
const COMMENT_ID = /^[A-Za-z0-9_-]{6,40}(?:\.[A-Za-z0-9_-]{6,40})?$/;
/** Handles: 3–30 letters, digits, "_", "-", "." in any script. */
const HANDLE = /^[\p{L}\p{M}\p{N}_.\-·]{1,100}$/u;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

const join = (spec: SelectorSpec) => spec.css.join(", ");

/** The comment element that owns `node`. */
function ownerOf(node: Element): Element | null {
  return node.closest(join(S.comment));
}

function own(el: Element, spec: SelectorSpec): Element[] {
  return selectAll(el, spec, (found) => ownerOf(found) === el);
}

function ownFirst(el: Element, spec: SelectorSpec): Element | null {
  return own(el, spec)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Id and link

interface CommentRef {
  id: string;
  /** The comment's page: the video (or Short, or post) with `lc=<id>`, which shows this comment first. */
  url: string;
}

/** The comment's link to itself, parsed: `/watch?v=<video>&lc=<id>` (also `/shorts/<id>?lc=`, `/post/<id>?lc=`). */
function refOf(href: string | null | undefined): CommentRef | null {
  const url = safeUrl(href, DEFAULT_BASE);
  if (!url || !YOUTUBE_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const id = url.searchParams.get("lc");
  if (!id || !COMMENT_ID.test(id)) return null;
  const lc = `lc=${encodeURIComponent(id)}`;
  const path = url.pathname.replace(/\/+$/, "");
  const video = url.searchParams.get("v");
  if (path === "/watch" && video && VIDEO_ID.test(video)) return { id, url: `${ORIGIN}/watch?v=${video}&${lc}` };
  const page = /^\/(?:shorts\/[A-Za-z0-9_-]{11}|post\/Ug[A-Za-z0-9_-]{10,60})$/.exec(path)?.[0];
  return page ? { id, url: `${ORIGIN}${page}?${lc}` } : null;
}

function permalinkRef(el: Element): CommentRef | null {
  for (const link of own(el, S.permalink)) {
    const ref = refOf(link.getAttribute("href"));
    if (ref) return ref;
  }
  return null;
}

/** The comment's id ("Ugz…AaABAg", a reply's "<parent>.<reply>"), read afresh from its link to itself. */
export function postIdOf(el: Element, _base?: string | URL): string | null {
  try {
    return permalinkRef(el)?.id ?? null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Author, text, counts

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The author's handle without "@": from the channel link (`/@handle`), else the "@handle" it shows, else the
 * channel id of an old `/channel/UC…` link. The channel owner's comments hide `#author-text` behind a badge that
 * links the same way.
 */
export function authorOf(el: Element): string | null {
  for (const link of own(el, S.authorLink)) {
    const url = safeUrl(link.getAttribute("href"), DEFAULT_BASE);
    if (!url || !YOUTUBE_HOSTS.includes(url.hostname.toLowerCase())) continue;
    const [first, second, ...rest] = url.pathname.split("/").filter(Boolean);
    if (first?.startsWith("@") && second === undefined) {
      const handle = decode(first.slice(1));
      if (handle && HANDLE.test(handle)) return handle;
    }
    const shown = (link.textContent ?? "").trim();
    if (shown.startsWith("@") && HANDLE.test(shown.slice(1))) return shown.slice(1);
    if (first === "channel" && second && CHANNEL_ID.test(second) && rest.length === 0) return second;
  }
  return null;
}

/** Was this comment written by the channel owner (the brand, on its own channel)? */
export function isCreatorComment(el: Element): boolean {
  return ownFirst(el, S.creatorBadge) !== null;
}

/** The text as written: YouTube renders it with `white-space: pre-wrap`, newlines are in the text nodes. */
function textOf(el: Element): string {
  const content = ownFirst(el, S.text);
  return content ? renderedText(content, { whiteSpace: "pre-wrap" }) : "";
}

function firstNumber(text: string | null | undefined): number | null {
  const match = /\d[\d,.\s\u00a0\u202f]*(?:[KkMm]\b)?/.exec(text ?? "");
  return match ? countOf(match[0].trim()) : null;
}

/** "12", "1.2K"; YouTube shows nothing at 0 likes: an empty count beside the thumb is 0. */
function likesOf(el: Element): number | null {
  const shown = ownFirst(el, S.likeCount);
  const text = shown?.textContent?.trim() ?? "";
  if (text) return countOf(text);
  const label = ownFirst(el, S.likeButton)?.getAttribute("aria-label");
  const fromLabel = firstNumber(label);
  if (fromLabel !== null) return fromLabel;
  return shown ? 0 : null;
}

/** "12 replies" under a top-level comment (in its thread, outside its element); replies have none. */
function repliesOf(el: Element): number | null {
  const thread = el.closest(join(S.thread));
  if (!thread || thread.querySelector(join(S.comment)) !== el) return null;
  const button = selectFirst(thread, S.moreReplies, (b) => ownerOf(b) === null);
  if (!button) return null;
  const label = button.getAttribute("aria-label") ?? "";
  const text = REPLIES_WORDS.test(label) ? label : (button.textContent ?? "");
  return REPLIES_WORDS.test(text) ? firstNumber(text) : null;
}

function metricsOf(el: Element): PostMetrics {
  return { replies: repliesOf(el), reposts: null, likes: likesOf(el), views: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The comment shown in `el`, or null when it has no id or no author. YouTube shows no display names (only
 * handles), no language and no dates in comments: `name` is "", `langAttr` and `postedAt` are null. Links are
 * rebuilt on www.youtube.com. Never throws.
 */
export function extractPost(el: Element, _base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const ref = permalinkRef(el);
    if (!ref) return null;
    const author = authorOf(el);
    if (!author) return null;
    return checkPost({
      site: "youtube",
      id: ref.id,
      url: ref.url,
      author,
      name: "",
      text: cap(textOf(el), MAX_TEXT),
      langAttr: null,
      postedAt: null,
      promoted: false,
      metrics: metricsOf(el),
      quoted: null,
    });
  } catch {
    return null;
  }
}

/**
 * The comments and replies under `root` (itself included), in page order. Both element names are read together:
 * YouTube moved from one to the other thread by thread.
 */
export function findPosts(root: ParentNode): Element[] {
  try {
    const css = join(S.comment);
    return selfAndAllOf(root, S.comment.css).filter((el) => el.parentElement?.closest(css) == null);
  } catch {
    return [];
  }
}
