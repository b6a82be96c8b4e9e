/**
 * Reads TikTok comments out of the DOM of a video's comment panel: pure functions of the markup, no state. Every
 * comment is found from its text (`data-e2e="comment-level-1"`, a reply's `comment-level-2`); its block is the
 * comment item around it (`DivCommentItemWrapper`), or, if TikTok renamed that, the largest ancestor holding no
 * other comment. Replies are blocks of their own in the thread's reply container, never inside their parent's.
 *
 * The video's caption (`data-e2e="browse-video-desc"`, the creator's own words) is no comment: it is never read.
 * Nothing here writes to the page.
 */
import { checkPost } from "../../post-check";
import type { PostMetrics, PostSnapshot } from "../../schemas";
import { attr, cap, countOf, type SelectorSpec, safeUrl, selectAll, selectFirst, toUrl } from "../dom";
import { renderedText } from "../text";
import { ACCOUNT, ITEM_ID } from "./pages";
import { REPLIES_WORDS, TIKTOK_SELECTORS as S, TIKTOK_HOSTS } from "./selectors";

const DEFAULT_BASE = "https://www.tiktok.com/";
const ORIGIN = "https://www.tiktok.com";
const MAX_TEXT = 40_000;
const UNIQUE_ID = /^[A-Za-z0-9_.]{1,50}$/;
const COMMENT_ID = /^\d{15,25}$/;
/** Node.DOCUMENT_POSITION_FOLLOWING. */
const FOLLOWING = 4;
/** TikTok launched in September 2016: an id decoding earlier is no TikTok id. */
const EARLIEST = Date.UTC(2016, 8, 1);

const join = (spec: SelectorSpec) => spec.css.join(", ");

// ---------------------------------------------------------------------------------------------------------------
// Finding comments

function isStop(node: Element): boolean {
  if (node.localName === "body" || node.localName === "html") return true;
  return node.matches(join(S.thread)) || node.querySelector(join(S.inputBox)) !== null;
}

/** The block of the comment whose text is `text`: its item, else the largest ancestor with no other comment. */
function blockOf(text: Element, textCss: string): Element | null {
  for (const css of S.item.css) {
    const item = text.closest(css);
    if (item && item.querySelectorAll(textCss).length === 1) return item;
  }
  let best: Element | null = null;
  for (let node = text.parentElement; node; node = node.parentElement) {
    if (isStop(node) || node.querySelectorAll(textCss).length > 1) break;
    best = node;
  }
  return best;
}

/** The comments and replies under `root` (itself included), in page order. */
export function findPosts(root: ParentNode): Element[] {
  try {
    for (const css of S.commentText.css) {
      const texts = [...root.querySelectorAll(css)];
      if (texts.length === 0) continue;
      const blocks = new Set<Element>();
      for (const text of texts) {
        const block = blockOf(text, css);
        if (block) blocks.add(block);
      }
      // In page order without a sort: each block holds exactly one text, so no block holds another, and blocks
      // come in the order of their texts, which the query gave in page order.
      return [...blocks].filter((b) => (root as Node).contains(b));
    }
    return [];
  } catch {
    return [];
  }
}

/** The comment's own text element (a block holds one). */
function textElOf(el: Element): Element | null {
  return selectFirst(el, S.commentText);
}

// ---------------------------------------------------------------------------------------------------------------
// Id, author, link

function handleOfHref(href: string | null): string | null {
  const url = safeUrl(href, DEFAULT_BASE);
  if (!url || !TIKTOK_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const parts = url.pathname.split("/").filter(Boolean);
  const account = parts[0] ? safeDecode(parts[0]) : null;
  return parts.length === 1 && account && ACCOUNT.test(account) ? account.slice(1) : null;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The commenter's unique id ("@acme_fr" without "@"): the nickname's link, else the avatar's. */
export function authorOf(el: Element): string | null {
  const text = textElOf(el);
  const name = selectFirst(el, S.username);
  const links = [
    ...(name ? [name.closest("a"), ...selectAll(name, S.profileLink)] : []),
    ...selectAll(el, S.profileLink, (a) => !text?.contains(a)),
  ];
  for (const link of links) {
    const handle = link ? handleOfHref(link.getAttribute("href")) : null;
    if (handle && UNIQUE_ID.test(handle)) return handle;
  }
  return null;
}

/** The nickname TikTok shows above the comment (the link's text, without a "Creator" label beside it). */
function nameOf(el: Element): string {
  const container = selectFirst(el, S.username);
  if (!container) return "";
  const link = container.closest("a") ?? selectFirst(container, S.profileLink) ?? container;
  return cap(renderedText(link).replace(/\s+/g, " ").trim(), 200);
}

/** FNV-1a, two 32-bit rounds: a short, stable fingerprint. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (a >>> 7);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The video (or photo post) the page shows: `{ account, kind, id }` from the page's URL or its canonical link. */
function videoOf(el: Element, base: URL): { account: string; kind: string; id: string } | null {
  const fromUrl = (url: URL | null) => {
    if (!url || !TIKTOK_HOSTS.includes(url.hostname.toLowerCase())) return null;
    const [account, kind, id, ...rest] = url.pathname.split("/").filter(Boolean);
    if (!account || !ACCOUNT.test(account) || (kind !== "video" && kind !== "photo") || !id || !ITEM_ID.test(id)) {
      return null;
    }
    return rest.length === 0 ? { account, kind, id } : null;
  };
  const doc = el.ownerDocument;
  const canonical =
    doc?.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    doc?.querySelector('meta[property="og:url"]')?.getAttribute("content");
  return fromUrl(base) ?? fromUrl(safeUrl(canonical, DEFAULT_BASE));
}

/**
 * The comment's id: TikTok's `cid`, which the comment's content container carries as its `id`. When the markup
 * has none, a fingerprint of the video, the author and the text ("tt-…"): stable across re-renders and the same
 * for every agent, as TikTok comments cannot be edited.
 */
export function postIdOf(el: Element, base: string | URL = DEFAULT_BASE): string | null {
  try {
    for (const css of S.idHolder.css) {
      const holders = [...(el.matches(css) ? [el] : []), ...el.querySelectorAll(css)];
      const cid = holders.map((h) => h.id).find((id) => COMMENT_ID.test(id));
      if (cid) return cid;
    }
    const author = authorOf(el);
    const text = textElOf(el);
    if (!author || !text) return null;
    const video = videoOf(el, toUrl(base, DEFAULT_BASE));
    return `tt-${fingerprint(`${video?.id ?? ""}\n${author}\n${renderedText(text)}`)}`;
  } catch {
    return null;
  }
}

/** The video's page (TikTok gives comments no page of their own), else the page the comment is shown on. */
function urlOf(el: Element, base: URL): string {
  const video = videoOf(el, base);
  if (video) return `${ORIGIN}/${video.account}/${video.kind}/${video.id}`;
  return TIKTOK_HOSTS.includes(base.hostname.toLowerCase()) ? `${ORIGIN}${base.pathname}` : DEFAULT_BASE;
}

// ---------------------------------------------------------------------------------------------------------------
// Time and counts

/**
 * When the comment was written. TikTok ids start with the creation time in seconds (the id's upper 32 bits, as
 * for videos); the page shows only "2d ago" or "3-14", and "2025-3-14" for other years.
 */
export function idTime(id: string): string | null {
  if (!COMMENT_ID.test(id)) return null;
  // Number() loses the id's low bits, not its upper 32: the seconds are exact.
  const ms = Math.floor(Number(id) / 2 ** 32) * 1000;
  return ms >= EARLIEST && ms < Date.UTC(2200, 0, 1) ? new Date(ms).toISOString() : null;
}

/** "2025-3-14" (a full date, as TikTok shows comments of another year) at midnight UTC; anything else null. */
function shownDate(text: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec((text ?? "").trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2016 ? date.toISOString() : null;
}

function postedAtOf(el: Element, id: string): string | null {
  const shown = shownDate(selectFirst(el, S.time)?.textContent);
  const fromId = idTime(id);
  // A full date on the page wins over an id that disagrees with it by more than a day.
  if (shown && fromId && Math.abs(Date.parse(shown) - Date.parse(fromId)) > 2 * 86_400_000) return shown;
  return fromId ?? shown;
}

function firstNumber(text: string | null | undefined): number | null {
  const match = /\d[\d,.\s\u00a0\u202f]*(?:[KkMm]\b)?/.exec(text ?? "");
  return match ? countOf(match[0].trim()) : null;
}

/** "35", "1.2K"; an empty count beside the heart is 0 (TikTok shows nothing, or "0"). */
function likesOf(el: Element): number | null {
  const shown = selectFirst(el, S.likeCount);
  if (!shown) return null;
  const text = shown.textContent?.trim() ?? "";
  return text ? countOf(text) : 0;
}

/** "View 3 replies" under a top-level comment (in its thread, after its block); replies have none. */
function repliesOf(el: Element): number | null {
  const text = textElOf(el);
  if (!text || text.getAttribute("data-e2e") === "comment-level-2") return null;
  const thread = el.closest(join(S.thread));
  if (!thread || thread === el) return null;
  const toggle = selectFirst(
    thread,
    S.viewReplies,
    (t) => !el.contains(t) && !!(el.compareDocumentPosition(t) & FOLLOWING),
  );
  const label = toggle?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  return REPLIES_WORDS.test(label) ? firstNumber(label) : null;
}

function metricsOf(el: Element): PostMetrics {
  return { replies: repliesOf(el), reposts: null, likes: likesOf(el), views: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/**
 * The comment shown in `el`, or null when it has no author (a deleted account, broken markup). `base` is the page
 * URL: it names the video. TikTok puts no language on comments: `langAttr` is what the text says (nothing, today).
 * Never throws.
 */
export function extractPost(el: Element, base: string | URL = DEFAULT_BASE): PostSnapshot | null {
  try {
    const baseUrl = toUrl(base, DEFAULT_BASE);
    const author = authorOf(el);
    if (!author) return null;
    const id = postIdOf(el, baseUrl);
    if (!id) return null;
    const textEl = textElOf(el);
    const lang = attr(textEl, "lang");
    return checkPost({
      site: "tiktok",
      id,
      url: urlOf(el, baseUrl),
      author,
      name: nameOf(el),
      text: cap(textEl ? renderedText(textEl) : "", MAX_TEXT),
      langAttr: lang && lang.length <= 20 ? lang : null,
      postedAt: postedAtOf(el, id),
      promoted: false,
      metrics: metricsOf(el),
      quoted: null,
    });
  } catch {
    return null;
  }
}
