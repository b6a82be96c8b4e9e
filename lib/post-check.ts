/**
 * A post and a verdict checked without Zod, for content scripts: the rules of PostSnapshot and Detection in
 * lib/schemas.ts, as plain functions. tests/unit/content-checks.test.ts holds both side by side on a table of posts
 * and verdicts: what these accept, Zod accepts and returns unchanged.
 *
 * Why not Zod here: a content script loads in every page of every supported site, and Zod builds its schemas when
 * their module loads. Building and first running them cost about 15 ms of each page's scripting
 * (`content_script_overhead_ratio_<site>` in `npm run bench`). The background receives every post a content script
 * sends and still parses it with Zod.
 *
 * Where the rules differ, these are stricter: a link or a date in a form Zod would normalise is refused (the
 * adapters write links with `URL` and dates with `toISOString`).
 */
import { CATEGORIES, DETECTION_LANGS, SITE_IDS } from "./constants";
import type { Detection, PostMetrics, PostSnapshot, QuotedPost } from "./schemas";

const SITES: ReadonlySet<unknown> = new Set(SITE_IDS);
const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORIES);
const LANG_SET: ReadonlySet<unknown> = new Set(DETECTION_LANGS);

type Fields = Record<string, unknown>;

/** One of the supported sites' ids (SiteId). */
export const isSiteId = (v: unknown): v is PostSnapshot["site"] => SITES.has(v);

export const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

/** A string of `min` to `max` UTF-16 code units (Zod's minLength and maxLength count the same). */
export const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === "string" && v.length >= min && v.length <= max;

/** A finite number from `min` to `max` (Zod's number() refuses NaN and infinities). */
export const isNumberIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;

/** An array of at most `max` items, each passing `item`. */
export function isListOf<T>(v: unknown, max: number, item: (x: unknown) => x is T): v is T[] {
  return Array.isArray(v) && v.length <= max && v.every(item);
}

/** `v` as a new list of at most `max` items, each through `check`; null when `v` or one item fails. */
export function checkList<T>(v: unknown, max: number, check: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: T[] = [];
  for (const item of v) {
    const checked = check(item);
    if (checked === null) return null;
    out.push(checked);
  }
  return out;
}

const isCount = (v: unknown): v is number | null =>
  v === null || (typeof v === "number" && Number.isSafeInteger(v) && v >= 0);

const HTTP = /^https?:\/\//i;
const TAB_OR_NEWLINE = /[\t\n\r]/;

/** WebUrl: an http(s) link of at most 2,000 characters, with nothing for Zod to trim or strip. */
export function isWebUrl(v: unknown): v is string {
  if (typeof v !== "string" || v.length > 2_000 || v.trim() !== v || TAB_OR_NEWLINE.test(v) || !HTTP.test(v)) {
    return false;
  }
  try {
    const { protocol } = new URL(v);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** An ISO 8601 time as `Date.prototype.toISOString` writes it (years 0000–9999): a form Zod's datetime accepts. */
export function isIsoTime(v: unknown): v is string {
  if (typeof v !== "string" || v.length !== 24) return false;
  const time = new Date(v);
  return !Number.isNaN(time.getTime()) && time.toISOString() === v;
}

function metricsOf(v: unknown): PostMetrics | null {
  if (!isObject(v)) return null;
  const { replies, reposts, likes, views } = v;
  if (!isCount(replies) || !isCount(reposts) || !isCount(likes) || !isCount(views)) return null;
  return { replies, reposts, likes, views };
}

const orNull = <T>(v: unknown, ok: (x: unknown) => x is T): v is T | null => v === null || ok(v);
const isId = (v: unknown): v is string => isText(v, 0, 64);
const isAuthor = (v: unknown): v is string => isText(v, 0, 100);
const isName = (v: unknown): v is string => isText(v, 0, 200);
const isPostText = (v: unknown): v is string => isText(v, 0, 40_000);

function quotedOf(v: unknown): QuotedPost | null | undefined {
  if (v === null) return null;
  if (!isObject(v)) return undefined;
  const { id, author, name, text, url } = v;
  if (!orNull(id, isId) || !orNull(author, isAuthor) || !orNull(name, isName) || !isPostText(text)) return undefined;
  if (!orNull(url, isWebUrl)) return undefined;
  return { id, author, name, text, url };
}

/** The post as PostSnapshot would parse it (a new object, unknown fields left out), or null when it breaks a rule. */
export function checkPost(raw: unknown): PostSnapshot | null {
  if (!isObject(raw)) return null;
  const { site, id, url, author, name, text, langAttr, postedAt, promoted } = raw;
  if (!isSiteId(site) || !isText(id, 1, 64) || !isWebUrl(url) || !isText(author, 1, 100) || !isName(name)) {
    return null;
  }
  if (!isPostText(text) || !orNull(langAttr, (x): x is string => isText(x, 0, 20))) return null;
  if (!orNull(postedAt, isIsoTime) || typeof promoted !== "boolean") return null;
  const metrics = metricsOf(raw.metrics);
  const quoted = quotedOf(raw.quoted);
  if (!metrics || quoted === undefined) return null;
  return { site, id, url, author, name, text, langAttr, postedAt, promoted, metrics, quoted };
}

const isReason = (v: unknown): v is string => isText(v, 0, 200);

/** The verdict as Detection would parse it (a new object), or null when it breaks a rule. */
export function checkDetection(raw: unknown): Detection | null {
  if (!isObject(raw)) return null;
  const { complaint, score, severity, category, lang, reasons, model, risk, brandDirected } = raw;
  if (typeof complaint !== "boolean" || !isNumberIn(score, 0, 1) || !isNumberIn(risk, 0, 1)) return null;
  if (severity !== 0 && severity !== 1 && severity !== 2 && severity !== 3) return null;
  if (!CATEGORY_SET.has(category) || !LANG_SET.has(lang) || !isListOf(reasons, 50, isReason)) return null;
  if (!isText(model, 0, 50) || typeof brandDirected !== "boolean") return null;
  return {
    complaint,
    score,
    severity,
    category: category as Detection["category"],
    lang: lang as Detection["lang"],
    reasons: [...reasons],
    model,
    risk,
    brandDirected,
  };
}
