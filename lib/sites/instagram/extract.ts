/**
 * Reads Instagram comments out of the DOM of a post's or a reel's page: pure functions of the markup, no state.
 *
 * Instagram's comments have no element of their own to select (atomic class names, no role, no data-*), so a
 * comment is found from its link to itself (`a[href*="/c/"] > time`): its block is the nearest ancestor that also
 * holds the author's avatar, and never grows to hold another comment, the caption or the comment form. Replies
 * sit next to their parent's block, not inside it, so each block is one comment's own.
 *
 * The post's caption (the brand's own words under its own post) has no such link: it is never read as a comment.
 * Nothing here writes to the page.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot } from "../../schemas";
import { cap, countOf, isoDate, type SelectorSpec, safeUrl, selectAll, selectFirst } from "../dom";
import { renderedText } from "../text";
import { CONTROL_WORDS, INSTAGRAM_HOSTS, RESERVED_PATHS, INSTAGRAM_SELECTORS as S } from "./selectors";

const DEFAULT_BASE = "https://www.instagram.com/";
const ORIGIN = "https://www.instagram.com";
const MAX_TEXT = 40_000;
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
/** `[/<username>]/<p|reel|reels|tv>/<code>/c/<id>[/r/<id>]/`. */
const PERMALINK =
  /^(?:\/[A-Za-z0-9._]{1,30})?\/(p|reel|reels|tv)\/([A-Za-z0-9_-]{5,60})\/c\/(\d{5,25})(?:\/r\/(\d{5,25}))?\/?$/;
/** How far up from a comment's block its "View replies (3)" toggle may sit. */
const TOGGLE_LEVELS = 3;

const join = (spec: SelectorSpec) => spec.css.join(", ");
/** What a comment block never grows to hold: the caption, the comment form, the page's structure. */
const BOUNDS = [...S.caption.css, ...S.outside.css];
const BOUNDS_CSS = BOUNDS.join(", ");

/** Is there an element matching `css` from `node` up to `el` (both included)? Bounded by `el`, unlike closest. */
function insideWithin(node: Element, el: Element, css: string): boolean {
  for (let n: Element | null = node; n; n = n.parentElement) {
    if (n.matches(css)) return true;
    if (n === el) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding comments

interface CommentRef {
  kind: string;
  code: string;
  commentId: string;
  replyId: string | null;
}

/**
 * A comment's link to itself, parsed; null for any other link (the post's, a profile's, a foreign one). Every
 * comment's time link is read at each scan: the site's own relative links already in permalink form are read as
 * they are, since the URL parser would change nothing the pattern reads (a "." or ".." in the username's place
 * only drops out); anything else (absolute, escaped, with a query) goes through the parser.
 */
export function commentRefOf(href: string | null | undefined): CommentRef | null {
  let match = href?.startsWith("/") ? PERMALINK.exec(href) : null;
  if (!match) {
    const url = safeUrl(href, DEFAULT_BASE);
    if (!url || !INSTAGRAM_HOSTS.includes(url.hostname.toLowerCase())) return null;
    match = PERMALINK.exec(url.pathname);
  }
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { kind: match[1], code: match[2], commentId: match[3], replyId: match[4] ?? null };
}

/**
 * What bounds comment blocks under a root, gathered in one pass (the page may hold hundreds of comments, and each
 * is scanned on every change): which ancestors hold more than one comment time, which hold an avatar, and which
 * hold the caption, the comment form or the page's structure (a block never grows into those).
 *
 * Each walk up stops where an earlier walk already went: an ancestor in a set has all of its own ancestors there,
 * and an ancestor holding two times has its ancestors holding two as well. So a thousand comments cost one visit
 * per ancestor, not one per ancestor and comment.
 */
interface Bounds {
  /** 1 for an ancestor of one comment time, 2 for an ancestor of two or more. */
  readonly times: ReadonlyMap<Element, 1 | 2>;
  readonly avatars: ReadonlySet<Element>;
  readonly stops: ReadonlySet<Element>;
}

/** Adds `el`'s ancestors to `set`, up to the first one already there. */
function addAncestors(el: Element, set: Set<Element>): void {
  for (let node = el.parentElement; node && !set.has(node); node = node.parentElement) set.add(node);
}

function boundsOf(root: ParentNode, times: readonly Element[]): Bounds {
  const counts = new Map<Element, 1 | 2>();
  for (const time of times) {
    for (let node = time.parentElement; node; node = node.parentElement) {
      const count = counts.get(node);
      if (count === 2) break;
      counts.set(node, count === 1 ? 2 : 1);
    }
  }
  const avatars = new Set<Element>();
  for (const img of selectAll(root, S.avatar)) addAncestors(img.closest("a") ?? img, avatars);
  // One query per selector: Blink matches a list of them against every element (12.9 ms on a 1,000-comment page),
  // and finds a single tag by a fast path (the ten of them, one by one: 3.7 ms).
  const stops = new Set<Element>();
  for (const css of BOUNDS) {
    for (const el of root.querySelectorAll(css)) {
      if (stops.has(el)) continue;
      stops.add(el);
      addAncestors(el, stops);
    }
  }
  return { times: counts, avatars, stops };
}

/**
 * The comment block around one comment's `<time>`: the nearest ancestor that also holds an avatar, without
 * holding another comment's time or leaving the comment list. Without an avatar (broken markup), the largest
 * such ancestor.
 */
function blockOf(time: Element, bounds: Bounds): Element | null {
  const link = time.closest('a[href*="/c/"]') ?? time;
  let best: Element | null = null;
  for (let node = link.parentElement; node; node = node.parentElement) {
    if (node.localName === "body" || bounds.stops.has(node) || (bounds.times.get(node) ?? 0) > 1) break;
    best = node;
    if (bounds.avatars.has(node)) return node;
  }
  return best;
}

/** The comment times under `root` whose link names a comment. */
function commentTimes(root: ParentNode): Element[] {
  for (const css of S.commentTime.css) {
    const times = [...root.querySelectorAll(css)];
    if (times.length > 0) return times.filter((t) => commentRefOf(t.closest("a")?.getAttribute("href")) !== null);
  }
  return [];
}

/**
 * The comments under `root` (itself included), in page order: each comment's block, replies included (each is a
 * comment of its own). The caption has no link to itself, and a block never grows to hold an `<h1>` (the caption's
 * element, one of the bounds): the brand's own words are never read as a comment.
 */
export function findPosts(root: ParentNode): Element[] {
  try {
    const times = commentTimes(root);
    if (times.length === 0) return [];
    const bounds = boundsOf(root, times);
    const blocks = new Set<Element>();
    for (const time of times) {
      const block = blockOf(time, bounds);
      if (block) blocks.add(block);
    }
    // In page order without a sort: each block holds exactly one comment time, so no block holds another, and
    // blocks come in the order of their times, which the query gave in page order.
    return [...blocks].filter((b) => (root as Node).contains(b));
  } catch {
    return [];
  }
}

/** The comment's own time link: a block holds one (its replies are blocks of their own). */
function ownTime(el: Element): { time: Element; ref: CommentRef } | null {
  for (const time of commentTimes(el)) {
    const ref = commentRefOf(time.closest("a")?.getAttribute("href"));
    if (ref) return { time, ref };
  }
  return null;
}

/** The comment's id (a reply's own id, not its parent's), read afresh from its link to itself. */
export function postIdOf(el: Element, _base?: string | URL): string | null {
  try {
    const own = ownTime(el);
    return own ? (own.ref.replyId ?? own.ref.commentId) : null;
  } catch {
    return null;
  }
}

/** The comment's link to itself, for the badge and the composer. */
export function permalinkOf(el: Element): Element | null {
  return ownTime(el)?.time.closest("a") ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one comment

function usernameOfHref(href: string | null): string | null {
  const url = safeUrl(href, DEFAULT_BASE);
  if (!url || !INSTAGRAM_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const parts = url.pathname.split("/").filter(Boolean);
  const [user] = parts;
  return parts.length === 1 && user && USERNAME.test(user) && !RESERVED_PATHS.has(user) ? user : null;
}

/** The comment's text span: outside links, controls and the time (the username has a span of its own). */
function textElOf(el: Element): Element | null {
  return selectFirst(el, S.text, (span) => !insideWithin(span, el, 'a, button, [role="button"], time, h1, h2, h3'));
}

/** The author: the first profile link of the block (the avatar's or the username's), never a mention. */
export function authorOf(el: Element): string | null {
  const text = textElOf(el);
  for (const link of selectAll(el, S.profileLink, (a) => !text?.contains(a))) {
    const user = usernameOfHref(link.getAttribute("href"));
    if (user) return user;
  }
  return null;
}

function controlsOf(scope: ParentNode, keep: (el: Element) => boolean): Element[] {
  return selectAll(scope, S.control, keep);
}

const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** The first count in a control's text ("View replies (3)" → 3, "1,204 likes" → 1204). */
function countIn(text: string): number | null {
  const match = /\d[\d,.\s\u00a0\u202f]*(?:[KkMm]\b)?/.exec(text);
  return match ? countOf(match[0]) : null;
}

function likesOf(el: Element): number | null {
  const control = controlsOf(
    el,
    (c) => CONTROL_WORDS.likes.test(squash(c.textContent)) && /\d/.test(c.textContent ?? ""),
  );
  return control[0] ? countIn(squash(control[0].textContent)) : null;
}

/** What a node tells about the replies toggle: its count, "stop" (another comment starts), or nothing. */
function toggleIn(node: Element): number | "stop" | null {
  const times = join(S.commentTime);
  const controls = join(S.control);
  for (const item of [...(node.matches(controls) ? [node] : []), ...node.querySelectorAll(`${times}, ${controls}`)]) {
    if (item.matches(times)) return "stop";
    const text = squash(item.textContent);
    if (item.matches(controls) && CONTROL_WORDS.replies.test(text) && /\d/.test(text)) return countIn(text);
  }
  return null;
}

/**
 * "View replies (3)" follows the comment's block (Instagram puts it in the replies' container, a sibling of the
 * block or of one of its parents): the first such control after the block, before the next comment's time.
 */
function repliesOf(el: Element, ref: CommentRef): number | null {
  if (ref.replyId) return null;
  let node: Element | null = el;
  for (let level = 0; level < TOGGLE_LEVELS && node && node.localName !== "body"; level++) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      const found = toggleIn(next);
      if (found === "stop") return null;
      if (found !== null) return found;
    }
    node = node.parentElement;
    if (node?.matches(BOUNDS_CSS)) return null;
  }
  return null;
}

function metricsOf(el: Element, ref: CommentRef): PostMetrics {
  return { replies: repliesOf(el, ref), reposts: null, likes: likesOf(el), views: null };
}

/** The comment's page on www.instagram.com: `/p/<code>/c/<id>/`, a reply `…/c/<parent>/r/<id>/`. */
function urlOf(ref: CommentRef): string {
  const kind = ref.kind === "reels" ? "reel" : ref.kind;
  const reply = ref.replyId ? `r/${ref.replyId}/` : "";
  return `${ORIGIN}/${kind}/${ref.code}/c/${ref.commentId}/${reply}`;
}

/**
 * The comment shown in `el`, or null when it has no id or no author (a deleted account, broken markup). Instagram
 * shows no display names and no language in comments: `name` is "" and `langAttr` whatever the text span says
 * (nothing, today). `base` is unused: every link is rebuilt on www.instagram.com. Never throws.
 */
export function extractPost(el: Element, _base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const own = ownTime(el);
    if (!own) return null;
    const author = authorOf(el);
    if (!author) return null;
    const textEl = textElOf(el);
    const lang = textEl?.getAttribute("lang")?.trim() || null;
    return checkPost({
      site: "instagram",
      id: own.ref.replyId ?? own.ref.commentId,
      url: urlOf(own.ref),
      author,
      name: "",
      text: cap(textEl ? renderedText(textEl) : "", MAX_TEXT),
      langAttr: lang && lang.length <= 20 ? lang : null,
      postedAt: isoDate(own.time.getAttribute("datetime")),
      promoted: false,
      metrics: metricsOf(el, own.ref),
      quoted: null,
    });
  } catch {
    return null;
  }
}
