/**
 * Reads Threads posts and replies out of the DOM: pure functions of the markup, no state. Each post is a pressable
 * container; a quoted post is a container nested in its quoting one, read apart (as `quoted`) and never mixed into
 * the quoting post's text or counts. Nothing here writes to the page.
 *
 * Threads' markup names nothing (generated classes, no test ids), so the body is found by position: the text
 * spans that come after the post's own time link and sit outside every link and control.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot, QuotedPost } from "../../schemas";
import { attr, cap, countOf, isoDate, safeUrl, selectAll, selfAndAll, toUrl } from "../dom";
import { renderedText } from "../text";
import { CODE, USER_SEGMENT } from "./pages";
import { ACTION_LABELS, PROMOTED_LABELS, THREADS_SELECTORS as S, THREADS_HOSTS } from "./selectors";

const DEFAULT_BASE = "https://www.threads.com/";
const MAX_TEXT = 40_000;
const POST = S.post.css.join(", ");
/** Links and controls: a span inside one is a name, a time, a count or a button label, never the body. */
const INTERACTIVE = 'a, button, [role="button"], [role="link"], time';

/** The post element that owns `node`: the nearest pressable container around it. */
function ownerOf(node: Element): Element | null {
  return node.closest(POST);
}

function own(el: Element, css: string): Element[] {
  return [...el.querySelectorAll(css)].filter((found) => ownerOf(found) === el);
}

// ---------------------------------------------------------------------------------------------------------------
// Identity

interface PostRef {
  readonly user: string;
  readonly code: string;
  readonly path: string;
}

/** `/@user/post/<code>` (relative or on a Threads host), or null. */
export function postRefOf(href: string | null | undefined): PostRef | null {
  const url = safeUrl(href, DEFAULT_BASE);
  if (!url || !THREADS_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const [user, kind, code, ...rest] = url.pathname.split("/").filter(Boolean);
  const name = user ? USER_SEGMENT.exec(user)?.[1] : undefined;
  if (!name || kind !== "post" || !code || !CODE.test(code) || rest.length > 1) return null;
  if (rest.length === 1 && rest[0] !== "media") return null;
  return { user: name, code, path: `/@${name}/post/${code}` };
}

/** The post's link to itself: the link around its own `<time>`, else its first own post link. */
function ownRef(el: Element): PostRef | null {
  const links = own(el, S.permalink.css[0]);
  const timed = links.find((a) => a.querySelector(S.time.css[0]));
  for (const link of timed ? [timed, ...links] : links) {
    const ref = postRefOf(link.getAttribute("href"));
    if (ref) return ref;
  }
  return null;
}

/** The post's shortcode ("DNx1aBcD2eF"), read afresh from the DOM. */
export function postIdOf(el: Element, _base?: string | URL): string | null {
  try {
    return ownRef(el)?.code ?? null;
  } catch {
    return null;
  }
}

/** Links keep the page's Threads host (threads.net pages link to threads.net), else threads.com. */
function originOf(base: URL): string {
  return THREADS_HOSTS.includes(base.hostname.toLowerCase()) && base.protocol === "https:"
    ? base.origin
    : "https://www.threads.com";
}

// ---------------------------------------------------------------------------------------------------------------
// Text, time, counts

function inControl(node: Element, el: Element): boolean {
  for (let n: Element | null = node; n && n !== el; n = n.parentElement) if (n.matches(INTERACTIVE)) return true;
  return false;
}

/** The body: the outermost text spans after the own time link, outside links and controls. */
function bodyOf(el: Element): Element[] {
  const time = own(el, S.time.css[0])[0] ?? null;
  return own(el, S.textSpan.css[0]).filter(
    (span) =>
      !inControl(span, el) &&
      span.parentElement?.closest(S.textSpan.css[0]) == null &&
      (time === null || (time.compareDocumentPosition(span) & 4) !== 0),
  );
}

function textOf(el: Element): { text: string; lang: string | null } {
  // A quoted post nested in the body is read apart.
  const skip = (node: Element) => node !== el && node.matches(POST);
  const blocks = bodyOf(el);
  const text = blocks
    .map((b) => renderedText(b, { skip, whiteSpace: "pre-wrap" }))
    .filter(Boolean)
    .join("\n");
  // A lang attribute of the post's own markup, not the page's <html lang> (the UI language).
  const marked = blocks[0]?.closest("[lang]");
  const lang = marked && el.contains(marked) ? attr(marked, "lang") : null;
  return { text, lang: lang && lang.length <= 20 ? lang : null };
}

const normalise = (label: string) =>
  label
    .trim()
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'");

/** The count shown by the post's own control whose icon is labelled one of `labels`; null when none is shown. */
function countFor(el: Element, labels: readonly string[]): number | null {
  for (const icon of own(el, S.actionIcon.css[0])) {
    if (!labels.includes(normalise(icon.getAttribute("aria-label") ?? ""))) continue;
    const button = icon.closest(S.button.css.join(", "));
    if (!button || ownerOf(button) !== el) continue;
    return countOf(renderedText(button));
  }
  return null;
}

function metricsOf(el: Element): PostMetrics {
  return {
    replies: countFor(el, ACTION_LABELS.reply),
    reposts: countFor(el, ACTION_LABELS.repost),
    likes: countFor(el, ACTION_LABELS.like),
    views: null,
  };
}

function promotedOf(el: Element): boolean {
  return own(el, "span, a").some((node) => PROMOTED_LABELS.has((node.textContent ?? "").trim()));
}

// ---------------------------------------------------------------------------------------------------------------
// Quote

function quotedOf(el: Element, origin: string): QuotedPost | null {
  const inner = [...el.querySelectorAll(POST)].find((q) => ownerOf(q.parentElement ?? q) === el);
  if (!inner) return null;
  const ref = ownRef(inner);
  return {
    id: ref?.code ?? null,
    author: ref?.user ?? null,
    name: null,
    text: cap(textOf(inner).text, MAX_TEXT),
    url: ref ? `${origin}${ref.path}` : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The post shown in `el`, or null when it has no id or author (a suggestion card, a deleted post, broken markup).
 * `base` is the page URL: links keep its Threads host. Never throws.
 */
export function extractPost(el: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const ref = ownRef(el);
    if (!ref) return null;
    const origin = originOf(toUrl(base, DEFAULT_BASE));
    const { text, lang } = textOf(el);
    const time = own(el, S.time.css[0])[0];
    return checkPost({
      site: "threads",
      id: ref.code,
      url: `${origin}${ref.path}`,
      author: ref.user,
      // Threads shows usernames only, never display names, in feeds and threads.
      name: "",
      text: cap(text, MAX_TEXT),
      langAttr: lang,
      postedAt: isoDate(time?.getAttribute("datetime")),
      promoted: promotedOf(el),
      metrics: metricsOf(el),
      quoted: quotedOf(el, origin),
    });
  } catch {
    return null;
  }
}

/**
 * The posts and replies under `root` (itself included), in document order, outermost only (a quoted post belongs
 * to its quoting one): the containers that link to a post of their own (not "suggested for you" cards).
 */
export function findPosts(root: ParentNode): Element[] {
  for (const css of S.post.css) {
    const found = selfAndAll(root, css).filter((el) => el.parentElement?.closest(POST) == null && ownRef(el) !== null);
    if (found.length > 0) return found;
  }
  return [];
}

/** The post's own time link (the badge goes after it). */
export function permalinkOf(el: Element): Element | null {
  return selectAll(el, S.permalink, (a) => ownerOf(a) === el && a.querySelector(S.time.css[0]) !== null)[0] ?? null;
}
