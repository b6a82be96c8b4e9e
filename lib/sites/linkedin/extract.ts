/**
 * Reads LinkedIn posts and comments out of the DOM: pure functions of the markup, no state. A post's card holds
 * its comments, and a comment's article holds its replies, so everything here reads only what the element owns
 * (the nearest post or comment around a node must be the element itself). Nothing here writes to the page.
 *
 * LinkedIn ids are Snowflake-like: the creation time in milliseconds sits in the id's upper 41 bits, which is the
 * only machine-readable time the page gives ("2h" is all its text says).
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot } from "../../schemas";
import { attr, cap, countOf, mergeInOrder, type SelectorSpec, safeUrl, selectAll, selfAndAll } from "../dom";
import { renderedText } from "../text";
import { POST_URN } from "./pages";
import { LINKEDIN_HOSTS, PROMOTED_LABELS, LINKEDIN_SELECTORS as S } from "./selectors";

const ORIGIN = "https://www.linkedin.com";
const MAX_TEXT = 40_000;
const POST = S.post.css.join(", ");
const COMMENT = S.comment.css.join(", ");
const ITEM = `${POST}, ${COMMENT}`;
/** `urn:li:comment:(activity:<post>,<comment>)`. */
const COMMENT_URN = /^urn:li:comment:\((activity|ugcPost|share):(\d{10,25}),(\d{10,25})\)$/;
/** LinkedIn ids before 2010 do not exist: such an id's upper bits are no time. */
const EARLIEST = Date.UTC(2010, 0, 1);

/** Screen-reader copies and controls ("…more") are never text a reader sees. */
const skipHidden = (el: Element) => el.classList.contains("visually-hidden") || el.getAttribute("role") === "button";

/** The post or comment that owns `node`: the nearest one around it. */
function ownerOf(node: Element): Element | null {
  return node.closest(ITEM);
}

export function isComment(el: Element): boolean {
  return el.matches(COMMENT);
}

function own(el: Element, spec: SelectorSpec): Element[] {
  const reshared = S.resharedUpdate.css.join(", ");
  return selectAll(el, spec, (found) => {
    if (ownerOf(found) !== el) return false;
    const inner = found.closest(reshared);
    return !(inner && el.contains(inner) && inner !== el);
  });
}

function ownFirst(el: Element, spec: SelectorSpec): Element | null {
  return own(el, spec)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids

interface Ref {
  /** "activity:7496…" for a post; "comment:(activity:7496…,7496…)" for a comment. */
  readonly id: string;
  readonly kind: string;
  readonly post: string;
  readonly comment: string | null;
}

function urnOf(el: Element): string | null {
  if (isComment(el)) return attr(el, "data-id");
  return attr(el, "data-urn") ?? attr(el, "data-id") ?? attr(el.closest('[data-id^="urn:li:"]'), "data-id");
}

function refOf(el: Element): Ref | null {
  const urn = urnOf(el);
  if (!urn) return null;
  if (isComment(el)) {
    const match = COMMENT_URN.exec(urn);
    if (!match?.[1] || !match[2] || !match[3]) return null;
    return { id: `comment:(${match[1]}:${match[2]},${match[3]})`, kind: match[1], post: match[2], comment: match[3] };
  }
  const match = POST_URN.exec(urn);
  return match?.[1] && match[2]
    ? { id: `${match[1]}:${match[2]}`, kind: match[1], post: match[2], comment: null }
    : null;
}

/** The post's or comment's id ("activity:7496…", "comment:(activity:7496…,7496…)"), read afresh from the DOM. */
export function postIdOf(el: Element, _base?: string | URL): string | null {
  try {
    return refOf(el)?.id ?? null;
  } catch {
    return null;
  }
}

/** The creation time carried by a LinkedIn id (its upper 41 bits are milliseconds since 1970). */
export function snowflakeTime(id: string): string | null {
  if (!/^\d{10,25}$/.test(id)) return null;
  const ms = Number(BigInt(id) >> 22n);
  return ms >= EARLIEST && ms < Date.UTC(2200, 0, 1) ? new Date(ms).toISOString() : null;
}

function permalinkOf(ref: Ref): string {
  const post = `${ORIGIN}/feed/update/urn:li:${ref.kind}:${ref.post}/`;
  if (!ref.comment) return post;
  return `${post}?commentUrn=${encodeURIComponent(`urn:li:comment:(${ref.kind}:${ref.post},${ref.comment})`).replace(/\(/g, "%28").replace(/\)/g, "%29")}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Author, text, counts

/** "/in/<slug>" or "/company/<slug>" → the slug, LinkedIn's handle for a member or a page. */
export function slugOf(href: string | null | undefined): string | null {
  const url = safeUrl(href, ORIGIN);
  if (!url || !LINKEDIN_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const [kind, slug] = url.pathname.split("/").filter(Boolean);
  if ((kind !== "in" && kind !== "company" && kind !== "showcase") || !slug) return null;
  const decoded = decodeURIComponent(slug);
  return /^[\p{L}\p{N}_.-]{2,100}$/u.test(decoded) ? decoded : null;
}

function textOf(node: Element | null): string {
  return node ? renderedText(node, { skip: skipHidden }) : "";
}

function authorOf(el: Element): { author: string; name: string } | null {
  const links = own(el, isComment(el) ? S.commentAuthorLink : S.actorLink);
  const author = links.map((a) => slugOf(a.getAttribute("href"))).find((s) => s !== null) ?? null;
  if (!author) return null;
  const nameEl = ownFirst(el, isComment(el) ? S.commentAuthorName : S.actorName);
  // The name's first line: badges and pronouns come after it in the same block.
  const name = textOf(nameEl).split("\n")[0]?.trim() ?? "";
  return { author, name: cap(name, 200) };
}

function bodyOf(el: Element): { text: string; lang: string | null } {
  const body = ownFirst(el, isComment(el) ? S.commentBody : S.commentary);
  const lang = attr(body?.closest("[lang]"), "lang");
  return {
    text: textOf(body),
    lang: lang && body && el.contains(body.closest("[lang]")) && lang.length <= 20 ? lang : null,
  };
}

/** A count from a control: its visible number, else the number its aria-label starts with. */
function countIn(node: Element | null): number | null {
  if (!node) return null;
  return countOf(textOf(node)) ?? countOf(attr(node, "aria-label"));
}

function metricsOf(el: Element): PostMetrics {
  if (isComment(el)) {
    return {
      replies: countIn(ownFirst(el, S.commentReplies)),
      reposts: null,
      likes: countIn(ownFirst(el, S.commentReactions)),
      views: null,
    };
  }
  return {
    replies: countIn(ownFirst(el, S.commentsCount)),
    reposts: countIn(ownFirst(el, S.repostsCount)),
    likes: countIn(ownFirst(el, S.reactionsCount)),
    views: null,
  };
}

function promotedOf(el: Element): boolean {
  if (isComment(el)) return false;
  const sub = ownFirst(el, S.actorSubDescription);
  return textOf(sub)
    .split(/[\n•·]/)
    .some((part) => PROMOTED_LABELS.has(part.trim()));
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The post or comment shown in `el`, or null when it has no id or author (an aggregate card, a deleted comment,
 * broken markup). Links always point to www.linkedin.com. Never throws.
 */
export function extractPost(el: Element, _base?: string | URL): PostSnapshot | null {
  try {
    const ref = refOf(el);
    if (!ref) return null;
    const who = authorOf(el);
    if (!who) return null;
    const { text, lang } = bodyOf(el);
    return checkPost({
      site: "linkedin",
      id: ref.id,
      url: permalinkOf(ref),
      author: who.author,
      name: who.name,
      text: cap(text, MAX_TEXT),
      langAttr: lang,
      postedAt: snowflakeTime(ref.comment ?? ref.post),
      promoted: promotedOf(el),
      metrics: metricsOf(el),
      // A reshared post is shown inside; LinkedIn's markup for it names no URN to read it by.
      quoted: null,
    });
  } catch {
    return null;
  }
}

/**
 * The posts and comments under `root` (itself included), in document order: post cards (the inner card, not the
 * wrapper repeating its URN) and every comment and reply (each a post of its own).
 */
export function findPosts(root: ParentNode): Element[] {
  let posts: Element[] = [];
  for (const css of S.post.css) {
    posts = selfAndAll(root, css);
    if (posts.length > 0) break;
  }
  // A wrapper and its card carry the same URN: keep the card. One walk up from each post (a feed holds a thousand).
  const set = new Set(posts);
  const wrappers = new Set<Element>();
  for (const q of posts) {
    for (let up = q.parentElement; up; up = up.parentElement) {
      if (set.has(up) && urnOf(up) === urnOf(q)) wrappers.add(up);
    }
  }
  if (wrappers.size > 0) posts = posts.filter((p) => !wrappers.has(p));
  let comments: Element[] = [];
  for (const css of S.comment.css) {
    comments = selfAndAll(root, css);
    if (comments.length > 0) break;
  }
  if (comments.length === 0) return posts;
  if (posts.length === 0) return comments;
  // Document order, as the page shows them: both lists are in it (queries, and a filter of one), merged.
  return mergeInOrder(posts, comments);
}
