/**
 * Reads Facebook posts and comments out of the DOM: pure functions of the markup, no state. A post holds its
 * comments (a post's unit on the page includes the comments shown under it), so everything here reads only what
 * the element owns (the nearest post or comment around a node must be the element itself). Nothing here writes to
 * the page.
 *
 * Facebook hides what it can from scripts: the post's time link often has `href="#"` until hovered, and no
 * machine-readable time is shown anywhere ("2h"). So a post's id comes from any of its own links to itself (time,
 * photo, video), else, on a post's own page, from the page URL; `postedAt` stays null.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot } from "../../schemas";
import {
  attr,
  cap,
  countOf,
  isElement,
  mergeInOrder,
  outermost,
  type SelectorSpec,
  safeUrl,
  selfAndAll,
  toUrl,
} from "../dom";
import { renderedText } from "../text";
import { postIdFromUrl, VANITY } from "./pages";
import {
  ALL_REACTIONS,
  COMMENT_REACTIONS,
  COMMENTS_COUNT,
  FACEBOOK_HOSTS,
  PROMOTED_LABELS,
  RESERVED_PATHS,
  FACEBOOK_SELECTORS as S,
  SHARES_COUNT,
} from "./selectors";

const DEFAULT_BASE = "https://www.facebook.com/";
const ORIGIN = "https://www.facebook.com";
const MAX_TEXT = 40_000;
const MAX_ID = 64;
const POST = S.post.css.join(", ");
const COMMENT = S.comment.css[0];
/** What makes a post-shaped container a post: a header naming the author, or the post's text. */
const POST_PART = ['[data-ad-rendering-role="profile_name"]', ...S.storyMessage.css].join(", ");

/** Controls ("See more", "Voir plus") are never text a reader sees as the post's. */
const skipControls = (el: Element) => el.getAttribute("role") === "button";

export function isComment(el: Element): boolean {
  return el.matches(COMMENT);
}

function isPost(el: Element): boolean {
  return el.matches(POST) && !isComment(el) && el.querySelector(POST_PART) !== null;
}

/**
 * The post or comment that owns `node`: the nearest comment around it, else the outermost post container (a feed
 * unit wraps the post's own labelled container; a shared post shown inside belongs to the sharing one).
 */
function ownerOf(node: Element): Element | null {
  let post: Element | null = null;
  for (let n: Element | null = node; n; n = n.parentElement) {
    if (post === null && isComment(n)) return n;
    if (isPost(n)) post = n;
  }
  return post;
}

function own(el: Element, css: string): Element[] {
  return [...el.querySelectorAll(css)].filter((found) => ownerOf(found) === el);
}

function ownFirst(el: Element, spec: SelectorSpec): Element | null {
  for (const css of spec.css) {
    const hit = own(el, css)[0];
    if (hit) return hit;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids and links

/**
 * An id short enough for a snapshot: pfbid ids often run past 64 characters; those keep their start and get a
 * hash of the whole (FNV-1a, 64 bits), so one post always gets the same id.
 */
export function compactId(id: string): string {
  if (id.length <= MAX_ID) return id;
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < id.length; i++) {
    hash ^= BigInt(id.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  const tail = hash.toString(16).padStart(16, "0");
  return `${id.slice(0, MAX_ID - 17)}~${tail}`;
}

function fbUrl(href: string | null | undefined): URL | null {
  const url = safeUrl(href, DEFAULT_BASE);
  return url && FACEBOOK_HOSTS.includes(url.hostname.toLowerCase()) ? url : null;
}

/** The link without Facebook's tracking parameters, on www.facebook.com. */
function cleanUrl(url: URL, keep: readonly string[]): string {
  const out = new URL(`${ORIGIN}${url.pathname}`);
  for (const name of keep) {
    const value = url.searchParams.get(name);
    if (value !== null) out.searchParams.set(name, value);
  }
  return out.href;
}

/** A comment id from a link's `comment_id` / `reply_comment_id`: numeric, or base64 of "comment:<post>_<id>". */
export function commentIdOf(raw: string | null): string | null {
  if (!raw) return null;
  if (/^\d{5,25}$/.test(raw)) return raw;
  try {
    const decoded = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
    const id = /^comment:\d+_(\d{5,25})$/.exec(decoded)?.[1];
    return id ?? null;
  } catch {
    return null;
  }
}

interface PostLink {
  readonly id: string;
  readonly url: string;
}

/** The post's link to itself: among its own links outside its text, the first naming a post. */
function ownPostLink(el: Element): PostLink | null {
  const message = S.storyMessage.css.join(", ");
  for (const a of own(el, S.link.css[0])) {
    if (a.closest(message)) continue;
    const url = fbUrl(a.getAttribute("href"));
    if (!url || url.searchParams.has("comment_id")) continue;
    const id = postIdFromUrl(url);
    if (id) return { id, url: cleanUrl(url, ["story_fbid", "id", "fbid", "v", "set"]) };
  }
  return null;
}

/**
 * The post a post's own page is about, when `base` is one: the post in the post dialog (Facebook puts the post's
 * URL in the address bar while the dialog is open over a timeline), else the page's first post.
 */
function pagePost(el: Element, base: URL): PostLink | null {
  const id = postIdFromUrl(base);
  if (!id || !FACEBOOK_HOSTS.includes(base.hostname.toLowerCase())) return null;
  const posts = findPosts(el.ownerDocument).filter((p) => !isComment(p));
  const focal = posts.find((p) => p.closest('[role="dialog"]')) ?? posts[0];
  return focal === el ? { id, url: cleanUrl(base, ["story_fbid", "id", "fbid", "v", "set"]) } : null;
}

interface CommentRef {
  readonly id: string;
  readonly url: string | null;
}

/** The comment's id and permalink, from its own links carrying `comment_id` (the time link, the author link). */
function commentRef(el: Element): CommentRef | null {
  let found: CommentRef | null = null;
  for (const a of own(el, S.link.css[0])) {
    const url = fbUrl(a.getAttribute("href"));
    if (!url) continue;
    const id = commentIdOf(url.searchParams.get("reply_comment_id")) ?? commentIdOf(url.searchParams.get("comment_id"));
    if (!id) continue;
    // The time link points to the post (its path names it); the author link to the author's profile.
    const onPost = postIdFromUrl(url) !== null;
    const ref = {
      id,
      url: onPost ? cleanUrl(url, ["story_fbid", "id", "fbid", "v", "comment_id", "reply_comment_id"]) : null,
    };
    if (onPost) return ref;
    found ??= ref;
  }
  return found;
}

/** The post's or comment's id, read afresh from the DOM (a post's page also names its post in `base`). */
export function postIdOf(el: Element, base: string | URL = DEFAULT_BASE): string | null {
  try {
    if (isComment(el)) return commentRef(el)?.id ?? null;
    const link = ownPostLink(el) ?? pagePost(el, toUrl(base, DEFAULT_BASE));
    return link ? compactId(link.id) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Author

/** The handle a profile link names: a vanity name, a profile.php id, a group member's id; null for other links. */
export function handleOf(href: string | null | undefined): string | null {
  const url = fbUrl(href);
  if (!url) return null;
  const [first, second, third, fourth] = url.pathname.split("/").filter(Boolean);
  if (!first) return null;
  if (first === "profile.php") {
    const id = url.searchParams.get("id");
    return id && /^\d{5,25}$/.test(id) ? id : null;
  }
  if (first === "groups" && third === "user" && fourth && /^\d{5,25}$/.test(fourth)) return fourth;
  if (first === "people" && third && /^\d{5,25}$/.test(third)) return third;
  if (RESERVED_PATHS.has(first.toLowerCase()) || !VANITY.test(first)) return null;
  // A profile link, not a link to one of the profile's posts, photos or videos.
  return second === undefined ? first : null;
}

/** The author's link: in the post's header, else the first profile link of the comment with a name in it. */
function authorLink(el: Element): Element | null {
  const scopes = isComment(el) ? [el] : own(el, S.profileName.css.join(", "));
  for (const scope of scopes) {
    const links = scope === el ? own(el, S.link.css[0]) : [...scope.querySelectorAll(S.link.css[0])];
    const named = links.find((a) => handleOf(a.getAttribute("href")) !== null && nameText(a) !== "");
    if (named) return named;
  }
  return null;
}

/** The name of the post's or comment's author as shown ("Sam K"), or "" (composers are labelled with it). */
export function authorNameOf(el: Element): string {
  try {
    const link = authorLink(el);
    return link ? nameText(link) : "";
  } catch {
    return "";
  }
}

function nameText(a: Element): string {
  return renderedText(a, { skip: skipControls }).split("\n")[0]?.trim() ?? "";
}

// ---------------------------------------------------------------------------------------------------------------
// Text and counts

function bodyOf(el: Element): { text: string; lang: string | null } {
  if (!isComment(el)) {
    const message = ownFirst(el, S.storyMessage);
    const marked = message?.querySelector("[lang]") ?? null;
    return {
      text: message ? renderedText(message, { skip: skipControls }) : "",
      lang: langOf(marked),
    };
  }
  for (const css of S.commentBody.css) {
    const parts = own(el, css).filter((p) => p.parentElement?.closest(css) == null);
    if (parts.length === 0) continue;
    return {
      text: parts
        .map((p) => renderedText(p, { skip: skipControls }))
        .filter(Boolean)
        .join("\n"),
      // The language Facebook detected for this comment, never the page's <html lang> (the UI language).
      lang: langOf(marked(parts[0] ?? null, el)),
    };
  }
  return { text: "", lang: null };
}

function marked(node: Element | null, el: Element): Element | null {
  const found = node?.closest("[lang]") ?? null;
  return found && el.contains(found) ? found : null;
}

function langOf(el: Element | null): string | null {
  const lang = attr(el, "lang");
  return lang && lang.length <= 20 ? lang : null;
}

/** The whole text of each own leaf-ish node: spans and controls, as they read. */
function ownTexts(el: Element): { node: Element; text: string }[] {
  return own(el, 'span, [role="button"], a').map((node) => ({
    node,
    text: (node.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim(),
  }));
}

function matchCount(texts: readonly { text: string }[], pattern: RegExp): number | null {
  for (const { text } of texts) {
    const match = pattern.exec(text);
    if (match?.[1]) return countOf(match[1]);
  }
  return null;
}

/** The reactions total: the node right after the "All reactions:" label. */
function reactionsOf(el: Element, texts: readonly { node: Element; text: string }[]): number | null {
  const label = texts.find((t) => ALL_REACTIONS.test(t.text));
  if (!label) return null;
  for (let n: Node | null = next(label.node); n; n = next(n)) {
    if (!isElement(n) || ownerOf(n) !== el) continue;
    const text = (n.textContent ?? "").trim();
    if (text) return countOf(text);
  }
  return null;
}

/** The next node in document order after `node`'s subtree. */
function next(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

function metricsOf(el: Element): PostMetrics {
  const texts = ownTexts(el);
  if (isComment(el)) {
    const labels = own(el, "[aria-label]").map((n) => ({
      text: (attr(n, "aria-label") ?? "").replace(/[\u00a0\u202f]/g, " "),
    }));
    return { replies: null, reposts: null, likes: matchCount(labels, COMMENT_REACTIONS), views: null };
  }
  return {
    replies: matchCount(texts, COMMENTS_COUNT),
    reposts: matchCount(texts, SHARES_COUNT),
    likes: reactionsOf(el, texts),
    views: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The post or comment shown in `el`, or null when it has no id or author (a post whose links Facebook still hides,
 * a deleted comment, broken markup). `base` is the page URL: a post's own page names its post. Never throws.
 */
export function extractPost(el: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const baseUrl = toUrl(base, DEFAULT_BASE);
    let id: string;
    let url: string;
    if (isComment(el)) {
      const ref = commentRef(el);
      if (!ref) return null;
      const post = el.parentElement ? ownerOf(el.parentElement) : null;
      const postUrl = post ? (ownPostLink(post) ?? pagePost(post, baseUrl))?.url : null;
      const fallback = postUrl ? new URL(postUrl) : null;
      fallback?.searchParams.set("comment_id", ref.id);
      id = ref.id;
      url = ref.url ?? fallback?.href ?? "";
      if (!url) return null;
    } else {
      const link = ownPostLink(el) ?? pagePost(el, baseUrl);
      if (!link) return null;
      id = compactId(link.id);
      url = link.url;
    }
    const author = authorLink(el);
    const handle = author ? handleOf(author.getAttribute("href")) : null;
    if (!author || !handle || handle.length > 100) return null;
    const { text, lang } = bodyOf(el);
    return checkPost({
      site: "facebook",
      id,
      url,
      author: handle,
      name: cap(nameText(author), 200),
      text: cap(text, MAX_TEXT),
      langAttr: lang,
      // Facebook shows no machine-readable time ("2h", and the exact date only in a hover tooltip).
      postedAt: null,
      promoted: !isComment(el) && ownTexts(el).some((t) => PROMOTED_LABELS.has(t.text)),
      metrics: metricsOf(el),
      // A shared post is shown inside; its markup names no id to read it by.
      quoted: null,
    });
  } catch {
    return null;
  }
}

/**
 * The posts and comments under `root` (itself included), in document order: outermost post units (a shared post
 * shown inside another belongs to it) and every comment and reply.
 */
export function findPosts(root: ParentNode): Element[] {
  const posts = selfAndAll(root, POST).filter(isPost);
  const outer = outermost(posts);
  const comments = selfAndAll(root, COMMENT);
  // Both lists are in document order (a query's, and a filter of one): merged, not sorted.
  return mergeInOrder(outer, comments);
}
