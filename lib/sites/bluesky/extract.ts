/**
 * Reads Bluesky posts out of bsky.app's DOM: pure functions of the markup, no state. A post is a feed item
 * (`data-testid="feedItem-by-<handle>"`) or a thread item (`postThreadItem-by-<handle>`); a quoted post inside it is
 * read apart (as `quoted`) and never mixed into its text or counts. Nothing here writes to the page.
 *
 * The thread's anchor (the post the page is about) has no link to itself: its record key comes from the page URL.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot, QuotedPost } from "../../schemas";
import { attr, cap, countOf, isElement, outermost, safeUrl, selectAll, selfAndAll, toUrl } from "../dom";
import { ACTOR, isPost, TID } from "./pages";
import { BLUESKY_HOSTS, BLUESKY_SELECTORS as S } from "./selectors";

const DEFAULT_BASE = "https://bsky.app/";
const ORIGIN = "https://bsky.app";
const MAX_TEXT = 40_000;
const ITEM = `${S.feedItem.css[0]}, ${S.threadItem.css[0]}`;
const ITEM_PREFIX = /^(?:feedItem|postThreadItem)-by-(.+)$/;
/** Handles whose account has no valid handle: bsky.app links to them by DID. */
const INVALID_HANDLE = "handle.invalid";
/** Controls and links: text inside them is never the post's own text block. */
const INTERACTIVE = 'a, button, [role="button"], [role="link"], [role="menu"]';
/** Bidirectional controls bsky.app wraps names in (forceLTR), and no-break spaces before handles. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** TIDs before 2022 do not exist on Bluesky: such a key is not a creation time. */
const EARLIEST = Date.UTC(2022, 0, 1);
const TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

/** The post element that owns `node`: the nearest feed or thread item around it. */
function ownerOf(node: Element): Element | null {
  return node.closest(ITEM);
}

/** Quoted posts inside `item`: its own nested pressable blocks that link to a post (outermost only). */
const QUOTE_LIKE = [...S.quote.css, '[role="link"]'].join(", ");

function quotesOf(item: Element): Element[] {
  const found = [...item.querySelectorAll(QUOTE_LIKE)].filter(
    (q) => ownerOf(q) === item && q.querySelector(S.postLink.css[0]) !== null,
  );
  return outermost(found);
}

function ownAll(item: Element, css: string, quotes: readonly Element[] = quotesOf(item)): Element[] {
  return [...item.querySelectorAll(css)].filter((el) => ownerOf(el) === item && !quotes.some((q) => q.contains(el)));
}

// ---------------------------------------------------------------------------------------------------------------
// Identity: handle, record key, permalink

interface PostRef {
  readonly actor: string;
  readonly rkey: string;
}

/** A relative `/profile/<actor>/post/<rkey>` with no dot segment, escape, query or fragment. */
const PLAIN_REF = /^\/profile\/([A-Za-z0-9][\w.:-]*)\/post\/([a-z2-7]+)\/?$/;

/** `/profile/<actor>/post/<rkey>` (relative, or absolute on bsky.app), nothing after it. */
export function postRefOf(href: string | null | undefined): PostRef | null {
  // The site's own relative links, in the one form where the URL parser would change nothing: read as they are.
  const plain = href ? PLAIN_REF.exec(href) : null;
  if (plain?.[1] && plain[2])
    return ACTOR.test(plain[1]) && TID.test(plain[2]) ? { actor: plain[1], rkey: plain[2] } : null;
  const url = safeUrl(href, DEFAULT_BASE);
  if (!url || !BLUESKY_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const match = /^\/profile\/([^/]+)\/post\/([^/]+)\/?$/.exec(url.pathname);
  const actor = match?.[1] ? decodeURIComponent(match[1]) : null;
  const rkey = match?.[2] ?? null;
  return actor && rkey && ACTOR.test(actor) && TID.test(rkey) ? { actor, rkey } : null;
}

/** The handle in the item's test id ("feedItem-by-claire.bsky.social"). */
function testIdHandle(item: Element): string | null {
  const handle = ITEM_PREFIX.exec(attr(item, "data-testid") ?? "")?.[1]?.toLowerCase() ?? null;
  return handle && (ACTOR.test(handle) || handle === INVALID_HANDLE) ? handle : null;
}

const sameActor = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The item's link to itself: the time link of its header, naming the item's own author, outside its quoted posts.
 * One pass over the item's post links, the cheap tests first (findPosts and postIdOf run on every post of the
 * page at each scan): the link's href, then whether the link is the item's own and not in a quote. A link is in a
 * quote when one of its ancestors inside the item is quote-like, since a quote is a quote-like block holding a post
 * link, and the link is one (the link itself may be quote-like: it holds no post link, so it is no quote).
 */
function ownRef(item: Element): PostRef | null {
  const handle = testIdHandle(item);
  if (!handle) return null;
  for (const link of item.querySelectorAll(S.postLink.css[0])) {
    const ref = postRefOf(link.getAttribute("href"));
    if (!ref || !(sameActor(ref.actor, handle) || (handle === INVALID_HANDLE && ref.actor.startsWith("did:")))) {
      continue;
    }
    if (ownerOf(link) !== item) continue;
    const quote = link.parentElement?.closest(QUOTE_LIKE);
    if (quote && quote !== item && item.contains(quote)) continue;
    return ref;
  }
  return null;
}

/** The anchor of a thread page: a thread item without a link to itself, by the author the page URL names. */
function anchorRef(item: Element, base: URL): PostRef | null {
  if (!item.matches(S.threadItem.css[0])) return null;
  const rkey = isPost(base);
  if (!rkey) return null;
  const actor = decodeURIComponent(base.pathname.split("/")[2] ?? "");
  const handle = testIdHandle(item);
  if (!handle || !(sameActor(actor, handle) || actor.startsWith("did:"))) return null;
  return { actor, rkey };
}

function refOf(item: Element, base: URL): { ref: PostRef; anchor: boolean } | null {
  const own = ownRef(item);
  if (own) return { ref: own, anchor: false };
  const anchor = anchorRef(item, base);
  return anchor ? { ref: anchor, anchor: true } : null;
}

/** The post's record key (its TID), read afresh from the DOM, or from the page URL for a thread's anchor. */
export function postIdOf(el: Element, base: string | URL = DEFAULT_BASE): string | null {
  try {
    return refOf(el, toUrl(base, DEFAULT_BASE))?.ref.rkey ?? null;
  } catch {
    return null;
  }
}

/** Post record keys are TIDs: microseconds since 1970 in their upper 53 bits, so they tell when the post was made. */
export function tidTime(rkey: string): string | null {
  if (!TID.test(rkey)) return null;
  let value = 0n;
  for (const char of rkey) value = value * 32n + BigInt(TID_ALPHABET.indexOf(char));
  // The lower 10 bits are a clock id; the rest counts microseconds.
  const millis = Number((value >> 10n) / 1000n);
  return millis >= EARLIEST && millis < Date.UTC(2200, 0, 1) ? new Date(millis).toISOString() : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const SKIPPED: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "button",
  "video",
  "audio",
  "iframe",
  "input",
  "textarea",
  "select",
]);

function isEmojiAlt(alt: string): boolean {
  const trimmed = alt.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= 40 &&
    /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}])+$/u.test(trimmed)
  );
}

/**
 * The full address behind a link whose text bsky.app shortened ("suivi.example.org/colis/AB12..."), else null:
 * the classifier reads the address the author wrote.
 */
function fullLink(a: Element): string | null {
  const href = safeUrl(a.getAttribute("href"), DEFAULT_BASE);
  if (!href || BLUESKY_HOSTS.includes(href.hostname.toLowerCase())) return null;
  const shown = (a.textContent ?? "").trim().replace(/(?:\.\.\.|…)$/, "");
  const bare = href.href.replace(/^https?:\/\/(?:www\.)?/, "");
  return shown.length >= 4 && bare.startsWith(shown) && bare !== shown ? href.href : null;
}

/**
 * The text of a React Native for Web `Text`: its text nodes as they are (it renders with `white-space: pre-wrap`,
 * so newlines are the author's), `<br>` as a newline, emoji images as their alt text, shortened links in full.
 * Iterative, so deep nesting cannot overflow the stack; text is never parsed as markup.
 */
export function blockText(root: Element): string {
  let out = "";
  const stack: Node[] = [...root.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? "";
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (SKIPPED.has(tag)) continue;
    if (tag === "br") out += "\n";
    else if (tag === "img") {
      const alt = node.getAttribute("alt") ?? "";
      if (isEmojiAlt(alt)) out += alt.trim();
    } else if (tag === "a" && fullLink(node)) out += fullLink(node);
    else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return out
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `el` sits inside a link or a control of `item` (the item itself is a link in feeds: not counted). */
function inControl(el: Element, item: Element): boolean {
  for (let node = el.parentElement; node && node !== item; node = node.parentElement) {
    if (node.matches(INTERACTIVE)) return true;
  }
  return el.matches(INTERACTIVE);
}

/** The item's own header link to its author (avatar, name), the point its text blocks follow. */
function headerOf(item: Element, quotes: readonly Element[]): Element | null {
  return selectAll(item, S.profileLink, (a) => ownerOf(a) === item && !quotes.some((q) => q.contains(a)))[0] ?? null;
}

/**
 * The text blocks of a post without a text test id (thread items, quotes): its outermost `Text`s after the header,
 * outside links and controls (names, handles, times, counts, "Show more" are all inside one).
 */
function textBlocks(scope: Element, own: (el: Element) => boolean, after: Element | null): Element[] {
  const blocks = [...scope.querySelectorAll(S.textBlock.css[0])].filter(
    (b) =>
      own(b) &&
      !inControl(b, scope) &&
      b.parentElement?.closest(S.textBlock.css[0]) == null &&
      (after === null || (after.compareDocumentPosition(b) & 4) !== 0),
  );
  return blocks.filter((b) => {
    const text = (b.textContent ?? "").replace(BIDI, "").trim();
    return text !== "" && text !== "·";
  });
}

function textOf(item: Element, quotes: readonly Element[], anchor: boolean): { text: string; lang: string | null } {
  const tagged = ownAll(item, S.postText.css[0], quotes)[0];
  if (tagged) return { text: blockText(tagged), lang: langOf(tagged) };
  const own = (el: Element) => ownerOf(el) === item && !quotes.some((q) => q.contains(el));
  const blocks = textBlocks(item, own, headerOf(item, quotes));
  // The anchor ends its blocks with the date line ("August 22, 2026 at 9:12 AM"): never its text.
  const body = anchor ? blocks.slice(0, -1)[0] : blocks[0];
  return body ? { text: blockText(body), lang: langOf(body) } : { text: "", lang: null };
}

function langOf(el: Element): string | null {
  const lang = attr(el, "lang");
  return lang && lang.length <= 20 ? lang : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Author, name, counts

function authorOf(item: Element, ref: PostRef): string | null {
  const handle = testIdHandle(item);
  const author = handle && handle !== INVALID_HANDLE ? handle : ref.actor;
  return author.length <= 100 ? author : null;
}

/** The display name: the first text of the author's profile links that is not the "@handle". */
function nameOf(links: readonly Element[], actor: string): string {
  for (const link of links) {
    const url = safeUrl(link.getAttribute("href"), DEFAULT_BASE);
    const target = url ? /^\/profile\/([^/]+)\/?$/.exec(url.pathname)?.[1] : null;
    if (!target || !sameActor(decodeURIComponent(target), actor)) continue;
    const parts = [...link.querySelectorAll(S.textBlock.css[0])];
    for (const part of parts.length > 0 ? parts : [link]) {
      const text = (part.textContent ?? "")
        .replace(BIDI, "")
        .replace(/\u00a0/g, " ")
        .trim();
      if (text && !text.startsWith("@")) return cap(text, 200);
    }
  }
  return "";
}

/** The number in a control's label, "Reply (1,204 replies)" → 1204; else its visible count. */
function controlCount(button: Element | undefined, shown?: Element | undefined): number | null {
  if (!button) return null;
  const inLabel = /\(([^)]*\d[^)]*)\)/.exec(attr(button, "aria-label") ?? "")?.[1];
  const fromLabel = inLabel ? countOf(inLabel) : null;
  if (fromLabel !== null) return fromLabel;
  const text = (shown ?? button).textContent?.trim();
  return text ? countOf(text) : null;
}

function expanded(list: Element[]): number | null {
  const el = list[0];
  return el ? countOf(el.textContent) : null;
}

function metricsOf(item: Element, quotes: readonly Element[]): PostMetrics {
  const own = (css: string) => ownAll(item, css, quotes);
  const reposts = expanded(own(S.repostCountExpanded.css[0]));
  const quotesCount = expanded(own(S.quoteCountExpanded.css[0]));
  const repostShown = own(S.repostCount.css[0])[0];
  return {
    replies: controlCount(own(S.replyButton.css.join(", "))[0]),
    reposts:
      reposts !== null || quotesCount !== null
        ? (reposts ?? 0) + (quotesCount ?? 0)
        : repostShown
          ? countOf(repostShown.textContent)
          : null,
    likes:
      expanded(own(S.likeCountExpanded.css[0])) ??
      controlCount(own(S.likeButton.css[0])[0], own(S.likeCount.css[0])[0]),
    views: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Quote

function quotedOf(quote: Element): QuotedPost {
  let ref: PostRef | null = null;
  for (const link of quote.querySelectorAll(S.postLink.css[0])) {
    ref = postRefOf(link.getAttribute("href"));
    if (ref) break;
  }
  const links = [...quote.querySelectorAll(S.profileLink.css.join(", "))];
  const blocks = textBlocks(quote, () => true, null);
  return {
    id: ref?.rkey ?? null,
    author: ref && ref.actor.length <= 100 ? ref.actor : null,
    name: ref ? nameOf(links, ref.actor) || null : null,
    text: cap(blocks[0] ? blockText(blocks[0]) : "", MAX_TEXT),
    url: ref ? `${ORIGIN}/profile/${ref.actor}/post/${ref.rkey}` : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The post shown in `el`, or null when it has no id or author (a like notification, a blocked or deleted post,
 * broken markup). `base` is the page URL: a thread's anchor takes its id from it. Never throws.
 */
export function extractPost(el: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const baseUrl = toUrl(base, DEFAULT_BASE);
    const found = refOf(el, baseUrl);
    if (!found) return null;
    const quotes = quotesOf(el);
    const { ref, anchor } = found;
    const author = authorOf(el, ref);
    if (!author) return null;
    const { text, lang } = textOf(el, quotes, anchor);
    const links = ownAll(el, S.profileLink.css.join(", "), quotes);
    return checkPost({
      site: "bluesky",
      id: ref.rkey,
      url: `${ORIGIN}/profile/${ref.actor}/post/${ref.rkey}`,
      author,
      name: nameOf(links, ref.actor) || nameOf(links, author),
      text: cap(text, MAX_TEXT),
      langAttr: lang,
      postedAt: tidTime(ref.rkey),
      promoted: false,
      metrics: metricsOf(el, quotes),
      quoted: quotes[0] ? quotedOf(quotes[0]) : null,
    });
  } catch {
    return null;
  }
}

/**
 * What a composer's reply preview shows of a post: its author's handle, display name and text. Unlike
 * extractPost it needs no id, so it also reads a thread's anchor whatever the page URL.
 */
export function previewOf(el: Element): { author: string | null; name: string; text: string } {
  try {
    const quotes = quotesOf(el);
    const ref = ownRef(el);
    const handle = testIdHandle(el);
    const author = handle && handle !== INVALID_HANDLE ? handle : (ref?.actor ?? null);
    const links = ownAll(el, S.profileLink.css.join(", "), quotes);
    return {
      author,
      name: author ? nameOf(links, author) : "",
      text: textOf(el, quotes, ref === null && el.matches(S.threadItem.css[0])).text,
    };
  } catch {
    return { author: null, name: "", text: "" };
  }
}

/**
 * The posts under `root` (itself included), in document order: thread items, and feed items that link to a post
 * of their own author (a like or follow notification is a feed item too, about someone else's post: not read).
 */
export function findPosts(root: ParentNode): Element[] {
  // Outermost items: an item inside another is part of it. One walk up per item through a set of the items, not a
  // selector match at every ancestor; an item around `root` holds them all.
  if (isElement(root) && root.parentElement?.closest(ITEM)) return [];
  return outermost(selfAndAll(root, ITEM)).filter((el) => el.matches(S.threadItem.css[0]) || ownRef(el) !== null);
}
