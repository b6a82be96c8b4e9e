/**
 * Reads X posts out of the DOM: pure functions of the markup, no state, no cache.
 *
 * X's timeline is virtualised: the same `<article>` node is reused for another post while scrolling, so every
 * answer here is re-derived from the DOM on each call (callers may cache per element + id). Nothing here writes
 * to the page or turns page text into markup.
 */

import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot, QuotedPost } from "../../schemas";
import { outermost } from "../dom";
import { METRIC_WORDS, PROMOTED_LABELS, RESERVED_PATHS, type SelectorName, X_HOSTS, X_SELECTORS } from "./selectors";

const DEFAULT_BASE = "https://x.com/";
const CANONICAL_ORIGIN = "https://x.com";
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;
/** `/<handle>/status/<id>[/rest]`, also `/i/web/status/<id>` and the old `/statuses/`. */
const STATUS_PATH = /^\/([^/]+)(?:\/web)?\/status(?:es)?\/(\d{1,25})(\/.*)?$/;
/** Sub-pages of a post that still name the post itself (media viewer, stats), unlike links inside its text. */
const OWN_STATUS_REST = /^(?:\/(?:photo|video)\/\d+|\/analytics|\/history|\/quotes)?\/?$/;
const MAX_TEXT = 40_000;
const MAX_NAME = 200;
const MAX_LANG = 20;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements whose content is never post text (icons, controls, media). */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "button",
  "video",
  "audio",
]);

// ---------------------------------------------------------------------------------------------------------------
// Selectors as data → queries

/** Every element matching the first selector of `name` that finds one `keep`s, in document order. */
function selectAll(root: ParentNode, name: SelectorName, keep: (el: Element) => boolean = () => true): Element[] {
  for (const css of X_SELECTORS[name].css) {
    const found = [...root.querySelectorAll(css)].filter(keep);
    if (found.length > 0) return found;
  }
  return [];
}

function selectFirst(root: ParentNode, name: SelectorName, keep?: (el: Element) => boolean): Element | null {
  return selectAll(root, name, keep)[0] ?? null;
}

function closestOf(el: Element, name: SelectorName, within: Element): Element | null {
  for (const css of X_SELECTORS[name].css) {
    const hit = el.closest(css);
    if (hit && within.contains(hit)) return hit;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Scope: which part of an article belongs to the post itself, and which to the post it quotes

interface Scope {
  /** Where to look: the article, or a quoted block inside it. */
  readonly root: Element;
  /** The post element the scope belongs to; elements of posts nested deeper are not ours. */
  readonly article: Element | null;
  readonly base: URL;
  /** Sub-trees that belong to someone else (the quoted post, seen from the quoting one). */
  readonly exclude: readonly Element[];
}

function owns(scope: Scope, el: Element): boolean {
  return el.closest("article") === scope.article && !scope.exclude.some((q) => q.contains(el));
}

function ownAll(scope: Scope, name: SelectorName): Element[] {
  return selectAll(scope.root, name, (el) => owns(scope, el));
}

function ownFirst(scope: Scope, name: SelectorName): Element | null {
  return ownAll(scope, name)[0] ?? null;
}

/**
 * Own first, else anywhere in the article. Needed because an unbalanced capture (mlamp x-tweet-quote-video.html,
 * 2025-10) leaves the action bar inside the quoted block; a quoted post never has an action bar of its own.
 */
function preferOwn(scope: Scope, name: SelectorName, within: Element = scope.root): Element | null {
  const mine = (el: Element) => el.closest("article") === scope.article;
  return selectFirst(within, name, (el) => mine(el) && owns(scope, el)) ?? selectFirst(within, name, (el) => mine(el));
}

function hasPermalink(el: Element): boolean {
  return selectFirst(el, "statusLink", (a) => selectFirst(a, "time") !== null) !== null;
}

/**
 * The quoted-post blocks of an article: `role="link"` blocks holding a User-Name or tweetText. A block holding
 * every User-Name and the permalink is the post itself made clickable, not a quote (a quote's time is no link).
 */
function quotedBlocks(article: Element): Element[] {
  const post = article.closest("article");
  const userNames = selectAll(article, "userName", (el) => el.closest("article") === post);
  const candidates = X_SELECTORS.quotedBlock.css.flatMap((css) => [...article.querySelectorAll(css)]);
  const quotes = candidates.filter(
    (block) =>
      block.closest("article") === post &&
      (selectFirst(block, "userName") !== null || selectFirst(block, "tweetText") !== null) &&
      (userNames.some((u) => !block.contains(u)) || !hasPermalink(block)),
  );
  return outermost(quotes);
}

function scopeOf(article: Element, base: URL): Scope {
  return { root: article, article: article.closest("article"), base, exclude: quotedBlocks(article) };
}

// ---------------------------------------------------------------------------------------------------------------
// URLs

function toBase(base: string | URL | undefined): URL {
  try {
    return new URL(String(base ?? DEFAULT_BASE));
  } catch {
    return new URL(DEFAULT_BASE);
  }
}

function safeUrl(href: string, base: URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** A link into X: an X host, or the page's own host (relative hrefs in a page saved to disk resolve there). */
function isXUrl(url: URL, base: URL): boolean {
  return X_HOSTS.includes(url.hostname.toLowerCase()) || (url.protocol === base.protocol && url.host === base.host);
}

function asHandle(segment: string | undefined): string | null {
  if (!segment || !HANDLE.test(segment) || RESERVED_PATHS.has(segment.toLowerCase())) return null;
  return segment;
}

interface StatusRef {
  readonly handle: string | null;
  readonly id: string;
  /** What follows the id in the path ("" for the permalink, "/photo/1", "/analytics"…). */
  readonly rest: string;
}

/** The post a link points to; hrefs absolutised by "Save page as" are parsed by path, like relative ones. */
export function parseStatusHref(href: string, base: string | URL = DEFAULT_BASE): StatusRef | null {
  const baseUrl = toBase(base);
  const url = safeUrl(href, baseUrl);
  if (!url || !isXUrl(url, baseUrl)) return null;
  const match = STATUS_PATH.exec(url.pathname);
  if (!match?.[2]) return null;
  return { handle: asHandle(match[1]), id: match[2], rest: match[3] ?? "" };
}

/** The handle a profile link (`/<handle>`) points to. */
function profileHandleOf(href: string, base: URL): string | null {
  const url = safeUrl(href, base);
  if (!url || !isXUrl(url, base)) return null;
  const match = /^\/([^/]+)\/?$/.exec(url.pathname);
  return asHandle(match?.[1]);
}

function statusRefsOf(scope: Scope, keep: (el: Element) => boolean): { el: Element; ref: StatusRef }[] {
  return ownAll(scope, "statusLink")
    .filter(keep)
    .flatMap((el) => {
      const ref = parseStatusHref(el.getAttribute("href") ?? "", scope.base);
      return ref ? [{ el, ref }] : [];
    });
}

function canonicalUrl(handle: string | null, id: string): string {
  return `${CANONICAL_ORIGIN}/${handle ?? "i"}/status/${id}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const isAriaHidden = (el: Element): boolean => el.getAttribute("aria-hidden") === "true";

/**
 * The "…" X appends to a shortened URL, beside the aria-hidden "https://" and tail that hold the rest of it:
 * decoration, since the full URL is kept. (In quoted posts the URL is a `<span dir="ltr">`, not a link.)
 */
function isUrlEllipsis(el: Element): boolean {
  if (!isAriaHidden(el) || el.textContent?.trim() !== "…") return false;
  return [...(el.parentElement?.children ?? [])].some((sibling) => sibling !== el && isAriaHidden(sibling));
}

/**
 * The text of a node as the reader gets it: text nodes as they are (never parsed as markup), emoji `<img>` as
 * their alt, `<br>` as a newline, links and mentions as their text (not their t.co href). Iterative, so a
 * hostile page nesting thousands of elements cannot overflow the stack.
 */
export function visibleText(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [...root.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.nodeValue ?? "");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.localName;
    if (tag === "img") parts.push(el.getAttribute("alt") ?? "");
    else if (tag === "br") parts.push("\n");
    else if (!SKIPPED_TAGS.has(tag) && !isUrlEllipsis(el)) {
      for (let i = el.childNodes.length - 1; i >= 0; i--) {
        const child = el.childNodes[i];
        if (child) stack.push(child);
      }
    }
  }
  return parts.join("");
}

function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** One Article block: code blocks keep their code only (not the language label or the copy button). */
function blockText(block: Element): string {
  const code = block.querySelector("pre");
  const text = code ? (code.textContent ?? "") : visibleText(block);
  return text.replace(/^\n+|\n+$/g, "");
}

/** X Article (long-form) body: the title, a blank line, then one line per block. */
function articleText(scope: Scope, body: Element): string {
  const blocks = selectAll(body, "articleBlock");
  const outer = outermost(blocks);
  const lines = outer.length > 0 ? outer.map(blockText) : [visibleText(body)];
  const title = ownFirst(scope, "articleTitle");
  const heading = title ? visibleText(title).trim() : "";
  const bodyText = lines.join("\n").trim();
  return heading && bodyText ? `${heading}\n\n${bodyText}` : heading || bodyText;
}

function textOf(scope: Scope): { text: string; lang: string | null } {
  const tweetText = ownFirst(scope, "tweetText");
  if (tweetText) {
    const lang = tweetText.getAttribute("lang")?.trim() || null;
    return { text: visibleText(tweetText).trim(), lang: lang && lang.length <= MAX_LANG ? lang : null };
  }
  const body = ownFirst(scope, "articleBody");
  return { text: body ? articleText(scope, body) : "", lang: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Author

/** Links in a User-Name are the profile link(s) and the permalink; the one showing "@…" is the handle. */
function handleFromUserName(userName: Element, base: URL): string | null {
  let first: string | null = null;
  for (const a of userName.querySelectorAll("a[href]")) {
    const handle = profileHandleOf(a.getAttribute("href") ?? "", base);
    if (!handle) continue;
    first ??= handle;
    // textContent first (native, cheap); the reader's text only when it differs (emoji images, hidden parts).
    const want = `@${handle.toLowerCase()}`;
    const raw = a.textContent?.trim().toLowerCase();
    if (raw === want || (raw?.includes(want) && visibleText(a).trim().toLowerCase() === want)) {
      return handle;
    }
  }
  return first ?? handleFromText(userName);
}

/** Quoted posts have no links in their User-Name, only the text "@handle". */
function handleFromText(userName: Element): string | null {
  for (const el of userName.querySelectorAll("span, div")) {
    if (el.childElementCount > 0) continue;
    const match = /^@([A-Za-z0-9_]{1,50})$/.exec(el.textContent?.trim() ?? "");
    if (match?.[1]) return match[1];
  }
  return null;
}

function handleFromAvatar(scope: Scope): string | null {
  const testId = ownFirst(scope, "avatar")?.getAttribute("data-testid") ?? "";
  const handle = asHandle(testId.replace(/^UserAvatar-Container-/, ""));
  return handle === "unknown" ? null : handle;
}

/** The display name: the first text in User-Name that is not the handle, the "·" or the time. */
function nameOf(userName: Element | null, handle: string | null): string {
  if (!userName) return "";
  for (const el of userName.querySelectorAll("[dir]")) {
    if (el.querySelector("time") || el.closest("time")) continue;
    const text = visibleText(el).trim();
    if (!text || text === "·" || text.startsWith("@")) continue;
    if (handle && text.toLowerCase().includes(`@${handle.toLowerCase()}`)) continue;
    return cap(text, MAX_NAME);
  }
  return "";
}

// ---------------------------------------------------------------------------------------------------------------
// Id and time

/** The permalink: the status link wrapping the post's `<time>`. */
function permalinkOf(scope: Scope): StatusRef | null {
  return statusRefsOf(scope, (a) => selectFirst(a, "time") !== null)[0]?.ref ?? null;
}

/**
 * Ads show "Ad" where the time would be, so they have no permalink; their media and stats links still name the
 * post. Used only when every such link agrees on one id.
 */
function fallbackRefOf(scope: Scope): StatusRef | null {
  const refs = statusRefsOf(scope, (a) => closestOf(a, "tweetText", scope.root) === null)
    .map((r) => r.ref)
    .filter((ref) => OWN_STATUS_REST.test(ref.rest));
  const ids = new Set(refs.map((ref) => ref.id));
  return ids.size === 1 ? (refs[0] ?? null) : null;
}

function statusRefOf(scope: Scope): StatusRef | null {
  return permalinkOf(scope) ?? fallbackRefOf(scope);
}

/** The status id of the post shown in `article`, read afresh from the DOM (timeline nodes are recycled). */
export function postIdOf(article: Element, base: string | URL = DEFAULT_BASE): string | null {
  try {
    return statusRefOf(scopeOf(article, toBase(base)))?.id ?? null;
  } catch {
    return null;
  }
}

/** `<time datetime>` as an ISO string with offset, or null when absent or not a date. */
export function normaliseDatetime(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const date = new Date(raw.trim());
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  // Years past 9999 come out as "+010000-…", which no ISO-8601 consumer accepts.
  return /^\d{4}-\d{2}-\d{2}T/.test(iso) ? iso : null;
}

function postedAtOf(scope: Scope): string | null {
  const times = ownAll(scope, "time");
  const time = times.find((t) => t.closest("a") !== null) ?? times[0];
  return normaliseDatetime(time?.getAttribute("datetime"));
}

// ---------------------------------------------------------------------------------------------------------------
// Counts

type MetricName = keyof PostMetrics;
const METRIC_NAMES: readonly MetricName[] = ["replies", "reposts", "likes", "views"];
/** A number (with any thousands separators, incl. no-break and narrow no-break spaces) and the words after it. */
const COUNT_TOKEN = /(\d[\d\s\u00a0\u202f.,']*?)\s*([^\d\s,;.][^\d,;.]*)/gu;

function digitsOnly(text: string): number | null {
  const digits = text.replace(/\D/g, "");
  if (!digits || digits.length > 15) return null;
  return Number.parseInt(digits, 10);
}

function metricOfWords(words: string): MetricName | null {
  const normal = words
    .trim()
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  return METRIC_NAMES.find((name) => METRIC_WORDS[name].test(normal)) ?? null;
}

/**
 * Counts spelled out in an aria-label: "3 replies, 1 repost, 22 likes, 1 bookmark, 1178 views" or, French UI,
 * "3 réponses, 1 repost, 22 J’aime, 1 signet, 1 178 vues". Unknown words and bare words ("Liked") are ignored.
 */
export function parseCountsLabel(label: string): Partial<Record<MetricName, number>> {
  const counts: Partial<Record<MetricName, number>> = {};
  for (const match of label.matchAll(COUNT_TOKEN)) {
    const metric = metricOfWords(match[2] ?? "");
    const value = digitsOnly(match[1] ?? "");
    if (metric && value !== null && counts[metric] === undefined) counts[metric] = value;
  }
  return counts;
}

const SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  md: 1e9,
  mrd: 1e9,
  b: 1e9,
};

/**
 * A count as shown on a button: "48", "1.2K", "3,4 k", "2M", "1,2 M", "1 178" (French thousands with a narrow
 * no-break space). With a suffix the separator is decimal; without one X never shows decimals, so any
 * separator is a thousands separator.
 */
export function parseAbbreviatedCount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  const match = /^(\d[\d ,.']*?)\s?([kKmMbB]|Md|Mrd)?$/.exec(compact);
  if (!match?.[1]) return null;
  const suffix = match[2]?.toLowerCase();
  if (!suffix) return digitsOnly(match[1]);
  const value = Number.parseFloat(match[1].replace(/ /g, "").replace(",", "."));
  const multiplier = SUFFIXES[suffix];
  return Number.isFinite(value) && multiplier ? Math.round(value * multiplier) : null;
}

function firstCountIn(label: string | null): number | null {
  const match = /\d[\d\s\u00a0\u202f.,']*/u.exec(label ?? "");
  return match ? digitsOnly(match[0]) : null;
}

/**
 * A control's count: its aria-label ("48 Replies. Reply"), else its visible abbreviated count (the last one: the
 * previous value lingers beside it while X animates a change), else `blank` when it shows no count at all.
 */
function countOfControl(control: Element, blank: number | null): number | null {
  const fromLabel = firstCountIn(control.getAttribute("aria-label"));
  if (fromLabel !== null) return fromLabel;
  const shown = selectAll(control, "countText").at(-1) ?? control;
  const text = visibleText(shown).trim();
  return text ? parseAbbreviatedCount(text) : blank;
}

function metricsOf(scope: Scope): PostMetrics {
  const group = preferOwn(scope, "actionGroup");
  const spoken = parseCountsLabel(group?.getAttribute("aria-label") ?? "");
  // X leaves zero counts out of the group label and shows a blank button for them. Views it leaves out for
  // posts older than view counting (2022-12): a blank views link means unknown, not zero.
  const groupSpoke = Object.keys(spoken).length > 0;
  const button = (name: SelectorName): number | null => {
    const control = preferOwn(scope, name, group ?? scope.root) ?? preferOwn(scope, name);
    if (!control) return groupSpoke ? 0 : null;
    return countOfControl(control, 0);
  };
  const viewsControl = preferOwn(scope, "viewsLink");
  return {
    replies: spoken.replies ?? button("replyButton"),
    reposts: spoken.reposts ?? button("repostButton"),
    likes: spoken.likes ?? button("likeButton"),
    views: spoken.views ?? (viewsControl ? countOfControl(viewsControl, null) : null),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Promoted

function isLabelCandidate(scope: Scope, el: Element): boolean {
  if (!owns(scope, el)) return false;
  const inUserNameLink = el.closest("a") !== null && closestOf(el, "userName", scope.root) !== null;
  return (
    !inUserNameLink &&
    closestOf(el, "tweetText", scope.root) === null &&
    closestOf(el, "articleBody", scope.root) === null &&
    closestOf(el, "card", scope.root) === null
  );
}

/**
 * An ad: wrapped in placementTracking (an ancestor, not the one inside that wraps videos), or labelled "Ad" /
 * "Promoted" / "Sponsorisé" / "Publicité" outside the post's text and the author's name.
 */
function isPromoted(scope: Scope): boolean {
  const wrapper = scope.root.parentElement;
  if (wrapper && X_SELECTORS.placementTracking.css.some((css) => wrapper.closest(css) !== null)) return true;
  // Leaf spans and divs only: the label is a node of its own, and reading the text of every ancestor would be
  // quadratic. Walking the text nodes visits each leaf that has text, and skips the many that have none.
  const walker = scope.root.ownerDocument.createTreeWalker(scope.root, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el === last || el.childElementCount !== 0 || (el.localName !== "span" && el.localName !== "div")) {
      continue;
    }
    last = el;
    if (PROMOTED_LABELS.has(el.textContent?.trim() ?? "") && isLabelCandidate(scope, el)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Quoted post

function quotedIdOf(scope: Scope, author: string | null, outerId: string): string | null {
  const group = (el: Element) => closestOf(el, "actionGroup", scope.root) !== null;
  const refs = statusRefsOf(scope, (a) => !group(a))
    .map((r) => r.ref)
    .filter((ref) => ref.id !== outerId && OWN_STATUS_REST.test(ref.rest))
    .filter((ref) => !author || !ref.handle || ref.handle.toLowerCase() === author.toLowerCase());
  return refs[0]?.id ?? null;
}

function quotedOf(outer: Scope, outerId: string): QuotedPost | null {
  const block = outer.exclude[0];
  if (!block) return null;
  const scope: Scope = { root: block, article: outer.article, base: outer.base, exclude: [] };
  const userName = ownFirst(scope, "userName");
  const author = (userName && handleFromUserName(userName, scope.base)) ?? handleFromAvatar(scope);
  const id = quotedIdOf(scope, author, outerId);
  return {
    id,
    author,
    name: nameOf(userName, author) || null,
    text: cap(textOf(scope).text, MAX_TEXT),
    url: id ? canonicalUrl(author, id) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The post

function authorOf(scope: Scope, userName: Element | null, ref: StatusRef): string | null {
  return (userName && handleFromUserName(userName, scope.base)) ?? ref.handle ?? handleFromAvatar(scope);
}

function snapshotOf(article: Element, base: URL): PostSnapshot | null {
  const scope = scopeOf(article, base);
  const ref = statusRefOf(scope);
  if (!ref) return null;
  const userName = ownFirst(scope, "userName");
  const author = authorOf(scope, userName, ref);
  if (!author) return null;
  const { text, lang } = textOf(scope);
  return checkPost({
    site: "x",
    id: ref.id,
    url: canonicalUrl(author, ref.id),
    author,
    name: nameOf(userName, author),
    text: cap(text, MAX_TEXT),
    langAttr: lang,
    postedAt: postedAtOf(scope),
    promoted: isPromoted(scope),
    metrics: metricsOf(scope),
    quoted: quotedOf(scope, ref.id),
  });
}

/**
 * The post shown in `article`, or null when it has no id or author (a placeholder, a tombstone, broken markup).
 * `base` resolves relative links (the page URL; any X URL will do). Never throws: markup is the page's, not ours.
 */
export function extractPost(article: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    return snapshotOf(article, toBase(base));
  } catch {
    return null;
  }
}

/**
 * The posts under `root` (itself included), without the quoted posts inside them (those are `role="link"` blocks,
 * and any nested post element is dropped too).
 */
export function findPosts(root: ParentNode): HTMLElement[] {
  for (const css of X_SELECTORS.post.css) {
    const self = "matches" in root && (root as Element).matches(css) ? [root as HTMLElement] : [];
    const found = [...self, ...root.querySelectorAll<HTMLElement>(css)].filter(
      (post) => !post.parentElement?.closest("article"),
    );
    if (found.length > 0) return found;
  }
  return [];
}
