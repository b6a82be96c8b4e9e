/**
 * Reads Mastodon statuses out of the DOM of the web UI: pure functions of the markup, no state. A quoted status is
 * a `.status` nested in its quoting one: it is read apart (as `quoted`) and never mixed into the quoting status's
 * text or counts. Nothing here writes to the page.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot, QuotedPost } from "../../schemas";
import { attr, cap, countOf, isoDate, type SelectorSpec, safeUrl, selectAll, selfAndAllOf, toUrl } from "../dom";
import { renderedText } from "../text";
import { MASTODON_SELECTORS as S, SNOWFLAKE_SHIFT } from "./selectors";

const DEFAULT_BASE = "https://mastodon.social/";
const MAX_TEXT = 40_000;
const ID = /^\d{1,20}$/;
const USER = /^[A-Za-z0-9_]{1,30}$/;
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
/** A status element: the detailed (focal) one or any other. */
const POST = `${S.detailed.css[0]}, .status`;
/** Statuses before 2016 do not exist: a Snowflake id decoding earlier is a test id, not a date. */
const EARLIEST = Date.UTC(2016, 0, 1);

/** The status element that owns `node`: the nearest status around it. */
function ownerOf(node: Element): Element | null {
  return node.closest(POST);
}

function own(el: Element, spec: SelectorSpec, scope: Element = el): Element[] {
  return selectAll(scope, spec, (found) => ownerOf(found) === el);
}

function ownFirst(el: Element, spec: SelectorSpec, scope?: Element): Element | null {
  return own(el, spec, scope)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Id, author, links

/** `/@user[@server]/<id>` in a path (or in a full URL on the same instance). */
function statusRefOf(href: string | null, base: URL): { acct: string; id: string; url: URL } | null {
  const url = safeUrl(href, base);
  if (!url) return null;
  const match = /^\/(?:deck\/)?@([A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?)\/(\d{1,20})\/?$/.exec(url.pathname);
  return match?.[1] && match[2] ? { acct: match[1], id: match[2], url } : null;
}

function permalinkRef(el: Element, base: URL): { acct: string; id: string; url: URL } | null {
  for (const link of own(el, S.permalink)) {
    const ref = statusRefOf(link.getAttribute("href"), base);
    if (ref) return ref;
  }
  return null;
}

/** The status id, read afresh from the DOM: `data-id`, else the status's link to itself. */
export function postIdOf(el: Element, base: string | URL = DEFAULT_BASE): string | null {
  try {
    const dataId = attr(el, "data-id");
    if (dataId && ID.test(dataId)) return dataId;
    return permalinkRef(el, toUrl(base, DEFAULT_BASE))?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * The author as `user@server`, whatever the page shows: "@user" for accounts of the instance the page is on
 * (the server is then the page's host), "@user@server" for others. So one account has one name on every instance.
 */
export function normaliseAcct(raw: string | null | undefined, host: string): string | null {
  const text = raw?.trim().replace(/^@/, "") ?? "";
  const [user, domain, ...rest] = text.split("@");
  if (!user || !USER.test(user) || rest.length > 0) return null;
  const server = (domain ?? host).toLowerCase();
  return DOMAIN.test(server) ? `${user}@${server}` : null;
}

function authorOf(el: Element, base: URL, ref: { acct: string } | null): string | null {
  const account = ownFirst(el, S.account);
  const fromAccount = normaliseAcct(account?.textContent, base.hostname);
  if (fromAccount) return fromAccount;
  const link = ownFirst(el, S.displayNameLink);
  const href = safeUrl(link?.getAttribute("href"), base);
  const fromLink = href ? /^\/(?:deck\/)?@([^/]+)\/?$/.exec(href.pathname)?.[1] : null;
  return normaliseAcct(fromLink ?? link?.getAttribute("title") ?? ref?.acct, base.hostname);
}

function nameOf(el: Element): string {
  const name = ownFirst(el, S.displayName);
  return cap(name ? renderedText(name) : "", 200);
}

/** The status's page on the instance the agent is on, where they can reply to it. */
function urlOf(ref: { acct: string; id: string; url: URL } | null, id: string, author: string, base: URL): string {
  if (ref && ref.url.host === base.host) return `${base.origin}${ref.url.pathname.replace(/^\/deck/, "")}`;
  const [user, server] = author.split("@");
  const acct = server === base.hostname.toLowerCase() ? user : author;
  return `${base.origin}/@${acct}/${id}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Text, time, counts

function textOf(el: Element): { text: string; lang: string | null } {
  const spoiler = ownFirst(el, S.spoiler);
  const content = ownFirst(el, S.content);
  const lang = attr(content, "lang");
  // A quoted status nested in the content is read apart.
  const skip = (node: Element) => node !== el && node.matches(POST);
  const parts = [spoiler ? renderedText(spoiler, { skip }) : "", content ? renderedText(content, { skip }) : ""];
  return { text: parts.filter(Boolean).join("\n\n"), lang: lang && lang.length <= 20 ? lang : null };
}

/** Mastodon ids carry their creation time (Mastodon::Snowflake): used when the page shows no `<time>`. */
export function snowflakeTime(id: string): string | null {
  if (!ID.test(id)) return null;
  const ms = Math.floor(Number(id) / SNOWFLAKE_SHIFT);
  return ms >= EARLIEST && ms < Date.UTC(2200, 0, 1) ? new Date(ms).toISOString() : null;
}

function postedAtOf(el: Element, id: string): string | null {
  return isoDate(ownFirst(el, S.time)?.getAttribute("datetime")) ?? snowflakeTime(id);
}

/** The detailed status's action bar is a sibling of `.detailed-status`, in the same wrapper. */
function actionScope(el: Element): Element {
  if (!el.matches(S.detailed.css[0])) return el;
  return el.closest(".detailed-status__wrapper") ?? el.parentElement ?? el;
}

function metricsOf(el: Element): PostMetrics {
  const scope = actionScope(el);
  const owned = (found: Element) => ownerOf(found) === el || (scope !== el && ownerOf(found) === null);
  const buttons = selectAll(scope, S.actionButton, owned);
  // Reply, boost, favourite: a button without a counter shows none (the instance hides boost/favourite counts).
  const counterOf = (button: Element | undefined) => {
    const counter = button ? selectAll(button, S.counter)[0] : undefined;
    return counter ? countOf(counter.textContent) : null;
  };
  const detailed = (spec: SelectorSpec) => {
    const hit = selectAll(scope, spec, owned)[0];
    return hit ? countOf(hit.textContent) : null;
  };
  return {
    replies: counterOf(buttons[0]),
    reposts: detailed(S.detailedReblogs) ?? counterOf(buttons[1]),
    likes: detailed(S.detailedFavourites) ?? counterOf(buttons[2]),
    views: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Quote

function quotedOf(el: Element, base: URL): QuotedPost | null {
  const inner = [...el.querySelectorAll(POST)].find((q) => ownerOf(q.parentElement ?? q) === el);
  if (!inner) return null;
  const ref = permalinkRef(inner, base);
  const id = postIdOf(inner, base) ?? ref?.id ?? null;
  const author = authorOf(inner, base, ref);
  return {
    id,
    author,
    name: nameOf(inner) || null,
    text: cap(textOf(inner).text, MAX_TEXT),
    url: id && author ? urlOf(ref, id, author, base) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The status shown in `el`, or null when it has no id or author (a placeholder, a filtered status, broken markup).
 * `base` is the page URL: it names the instance (local accounts' server, links). Never throws.
 */
export function extractPost(el: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const baseUrl = toUrl(base, DEFAULT_BASE);
    const ref = permalinkRef(el, baseUrl);
    const id = postIdOf(el, baseUrl);
    if (!id) return null;
    const author = authorOf(el, baseUrl, ref);
    if (!author) return null;
    const { text, lang } = textOf(el);
    return checkPost({
      site: "mastodon",
      id,
      url: urlOf(ref && ref.id === id ? ref : null, id, author, baseUrl),
      author,
      name: nameOf(el),
      text: cap(text, MAX_TEXT),
      langAttr: lang,
      postedAt: postedAtOf(el, id),
      promoted: false,
      metrics: metricsOf(el),
      quoted: quotedOf(el, baseUrl),
    });
  } catch {
    return null;
  }
}

/**
 * The statuses under `root` (itself included), outermost only: quoted statuses belong to their quoting one. The
 * detailed status and the others are found by two queries merged in document order, as the page shows them (one
 * query for both, or a sort by position, cost more on a thousand statuses).
 */
export function findPosts(root: ParentNode): Element[] {
  const outer = (el: Element) => el.parentElement?.closest(POST) == null;
  const detailed = S.detailed.css[0];
  for (const css of S.status.css) {
    const found = selfAndAllOf(root, [detailed, css]).filter(outer);
    if (found.some((el) => !el.matches(detailed))) return found;
  }
  return selfAndAllOf(root, [detailed]).filter(outer);
}
