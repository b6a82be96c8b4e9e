/**
 * Reads Reddit posts and comments out of the DOM, new Reddit and old Reddit alike: pure functions of the markup,
 * no state. A comment's element holds its replies' elements, so everything here reads only what the element owns
 * (the nearest post/comment ancestor of a node must be the element itself). Nothing here writes to the page.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot } from "../../schemas";
import {
  attr,
  cap,
  countOf,
  isoDate,
  type SelectorSpec,
  safeUrl,
  selectAll,
  selfAndAll,
  selfAndAllOf,
  toUrl,
} from "../dom";
import { renderedText } from "../text";
import { NO_AUTHOR, REDDIT_HOSTS, REDDIT_SELECTORS as S } from "./selectors";

const DEFAULT_BASE = "https://www.reddit.com/";
const MAX_TEXT = 40_000;
/** Reddit "fullnames": t3_ for posts, t1_ for comments, then the base-36 id. */
const FULLNAME = /^t[13]_[a-z0-9]{1,13}$/;
const USERNAME = /^[A-Za-z0-9_-]{1,40}$/;

/** Any post or comment element, new or old Reddit. */
const ITEM = [S.post.css[0], S.comment.css[0], S.thing.css[1]].join(", ");

export function isNewRedditItem(el: Element): boolean {
  return el.localName === "shreddit-post" || el.localName === "shreddit-comment";
}

/** The post or comment element that owns `node`: the nearest item around it. */
function ownerOf(node: Element): Element | null {
  return node.closest(ITEM);
}

/** Elements of `spec` under `scope` (default: `el`) that belong to `el` itself, not to a reply nested in it. */
function own(el: Element, spec: SelectorSpec, id?: string | null, scope: Element = el): Element[] {
  const filled: SelectorSpec = {
    ...spec,
    css: spec.css.map((css) => (id ? css.replaceAll("{id}", id) : css)).filter((css) => !css.includes("{id}")) as [
      string,
      ...string[],
    ],
  };
  if (filled.css.length === 0) return [];
  return selectAll(scope, filled, (found) => ownerOf(found) === el);
}

function ownFirst(el: Element, spec: SelectorSpec, id?: string | null, scope?: Element): Element | null {
  return own(el, spec, id, scope)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids and links

function fullnameOf(el: Element): string | null {
  const raw = isNewRedditItem(el)
    ? el.localName === "shreddit-post"
      ? (attr(el, "id") ?? attr(el, "post-id"))
      : (attr(el, "thingid") ?? attr(el, "comment-id"))
    : attr(el, "data-fullname");
  const id = raw?.toLowerCase() ?? null;
  return id && FULLNAME.test(id) ? id : null;
}

/** The post's or comment's fullname ("t3_1vrqi5a", "t1_p4f9kch"), read afresh from the DOM. */
export function postIdOf(el: Element, _base?: string | URL): string | null {
  try {
    return fullnameOf(el);
  } catch {
    return null;
  }
}

/** The origin links point to: the page's own Reddit host (old.reddit stays old.reddit), else www.reddit.com. */
function originOf(base: URL): string {
  return REDDIT_HOSTS.includes(base.hostname.toLowerCase()) && base.protocol === "https:"
    ? base.origin
    : "https://www.reddit.com";
}

/** An absolute permalink on Reddit, from an attribute that may be relative or absolute; null for foreign links. */
function permalinkOf(raw: string | null, base: URL): string | null {
  const url = safeUrl(raw, originOf(base));
  if (!url || !REDDIT_HOSTS.includes(url.hostname.toLowerCase()) || !/\/comments\//.test(url.pathname)) return null;
  return `${originOf(base)}${url.pathname}`;
}

/** When the markup gives no permalink, the id alone makes one: /comments/<post>[/_/<comment>]. */
function fallbackPermalink(fullname: string, el: Element, base: URL): string | null {
  const id36 = fullname.slice(3);
  if (fullname.startsWith("t3_")) return `${originOf(base)}/comments/${id36}/`;
  const postId = (attr(el, "postid") ?? attr(el, "data-link-id") ?? "").toLowerCase();
  return /^t3_[a-z0-9]+$/.test(postId) ? `${originOf(base)}/comments/${postId.slice(3)}/_/${id36}/` : null;
}

// ---------------------------------------------------------------------------------------------------------------
// New Reddit

function newAuthor(el: Element): string | null {
  const fromAttr = attr(el, "author") ?? attr(el, "author-name");
  if (fromAttr && !NO_AUTHOR.has(fromAttr) && USERNAME.test(fromAttr)) return fromAttr;
  return null;
}

function newText(el: Element, fullname: string): string {
  if (el.localName === "shreddit-comment") {
    const body = ownFirst(el, S.commentBody, fullname);
    return body ? renderedText(body) : "";
  }
  const title = attr(el, "post-title") ?? textOf(ownFirst(el, S.postTitle));
  const body = ownFirst(el, S.postBody, fullname);
  const bodyText = body ? renderedText(body) : "";
  return [title ?? "", bodyText].filter(Boolean).join("\n\n");
}

function textOf(el: Element | null): string | null {
  const text = el ? renderedText(el) : "";
  return text || null;
}

function newMetrics(el: Element): PostMetrics {
  const post = el.localName === "shreddit-post";
  return {
    replies: post ? countOf(attr(el, "comment-count")) : null,
    reposts: null,
    likes: countOf(attr(el, "score")),
    views: null,
  };
}

function newSnapshot(el: Element, fullname: string, base: URL): unknown {
  const author = newAuthor(el);
  if (!author) return null;
  const time = ownFirst(el, { css: ["time[datetime]"], lastSeen: "2026-08" });
  const lang = attr(el, "post-language");
  return {
    site: "reddit",
    id: fullname,
    url: permalinkOf(attr(el, "permalink"), base) ?? fallbackPermalink(fullname, el, base),
    author,
    name: "",
    text: cap(newText(el, fullname), MAX_TEXT),
    langAttr: lang && lang !== "und" && lang.length <= 20 ? lang : null,
    postedAt: isoDate(attr(el, "created-timestamp") ?? attr(el, "created")) ?? isoDate(time?.getAttribute("datetime")),
    promoted: el.hasAttribute("promoted") || el.localName === "shreddit-ad-post",
    metrics: newMetrics(el),
    quoted: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Old Reddit

/** The part of a `.thing` that is its own (the `.entry`), never its children's `.child` block. */
function entryOf(el: Element): Element {
  return [...el.children].find((c) => c.classList.contains("entry")) ?? el;
}

function oldAuthor(el: Element): string | null {
  const fromAttr = attr(el, "data-author");
  if (fromAttr && !NO_AUTHOR.has(fromAttr) && USERNAME.test(fromAttr)) return fromAttr;
  return null;
}

function oldText(el: Element, entry: Element): string {
  const body = ownFirst(el, S.oldBody, null, entry) ?? ownFirst(el, S.oldBody);
  const bodyText = body ? renderedText(body) : "";
  if (attr(el, "data-type") !== "link") return bodyText;
  const title = textOf(ownFirst(el, S.oldTitle, null, entry) ?? ownFirst(el, S.oldTitle));
  return [title ?? "", bodyText].filter(Boolean).join("\n\n");
}

function oldMetrics(el: Element, entry: Element): PostMetrics {
  const link = attr(el, "data-type") === "link";
  const scoreEl = ownFirst(el, S.oldScore);
  const score = countOf(attr(el, "data-score")) ?? countOf(scoreEl?.getAttribute("title") ?? scoreEl?.textContent);
  const children = ownFirst(el, S.oldChildren, null, entry) ?? ownFirst(el, S.oldChildren);
  // "(61 children)": every reply below the comment, the closest thing old Reddit shows to a reply count.
  const replies = link ? countOf(attr(el, "data-comments-count")) : countOf(children?.textContent?.replace(/^\(/, ""));
  return { replies, reposts: null, likes: score, views: null };
}

function oldPostedAt(el: Element, entry: Element): string | null {
  const time = ownFirst(el, S.oldTime, null, entry) ?? ownFirst(el, S.oldTime);
  const fromTime = isoDate(time?.getAttribute("datetime"));
  if (fromTime) return fromTime;
  const ms = Number(attr(el, "data-timestamp"));
  return Number.isFinite(ms) && ms > 0 ? isoDate(new Date(ms).toISOString()) : null;
}

function oldSnapshot(el: Element, fullname: string, base: URL): unknown {
  const author = oldAuthor(el);
  if (!author) return null;
  const entry = entryOf(el);
  const lang = attr(ownFirst(el, S.oldBody, null, entry), "lang");
  return {
    site: "reddit",
    id: fullname,
    url: permalinkOf(attr(el, "data-permalink"), base) ?? fallbackPermalink(fullname, el, base),
    author,
    name: "",
    text: cap(oldText(el, entry), MAX_TEXT),
    langAttr: lang && lang.length <= 20 ? lang : null,
    postedAt: oldPostedAt(el, entry),
    promoted:
      attr(el, "data-promoted") === "true" ||
      el.classList.contains("promoted") ||
      el.classList.contains("promotedlink"),
    metrics: oldMetrics(el, entry),
    quoted: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The post or comment shown in `el`, or null when it has no id or author (deleted, removed, a "more comments"
 * stub, broken markup). `base` is the page URL: permalinks keep its Reddit host. Never throws.
 */
export function extractPost(el: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const fullname = fullnameOf(el);
    if (!fullname) return null;
    const baseUrl = toUrl(base, DEFAULT_BASE);
    const raw = isNewRedditItem(el) ? newSnapshot(el, fullname, baseUrl) : oldSnapshot(el, fullname, baseUrl);
    if (!raw) return null;
    return checkPost(raw);
  } catch {
    return null;
  }
}

/**
 * The posts and comments under `root` (itself included), in document order: every `shreddit-post` and
 * `shreddit-comment` (nested replies too: each is a post of its own), or old Reddit's `.thing` blocks. Feed cards
 * kept inside `<template>` are not in the page yet and are not found.
 */
export function findPosts(root: ParentNode): Element[] {
  const fresh = selfAndAllOf(root, [S.post.css[0], S.comment.css[0]]);
  if (fresh.length > 0) return fresh;
  for (const css of S.thing.css) {
    const found = selfAndAll(root, css).filter((el) => !el.classList.contains("morechildren"));
    if (found.length > 0) return found;
  }
  return [];
}
