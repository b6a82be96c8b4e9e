/**
 * The adapter health check: when a site changes its markup, the adapter silently reads nothing, and the agent only
 * sees "no complaint". This compares what the page loosely shows (post-like containers, by the adapter's own
 * `health.postLike` hints) with what the adapter reads, and names the part that stopped working, so the side
 * panel can say "Reddit: posts are no longer found on this page".
 *
 * `assessPage` reads the DOM (a sample of posts, so it stays cheap); `checkHealth` is the pure verdict.
 */
import type { HealthReport, PostSnapshot } from "../schemas";
import type { AdapterPart, SiteAdapter } from "../sites/types";

/** What the adapter read on the page. */
export interface PageStats {
  /** Post-like containers the page shows (outermost only). */
  readonly postLike: number;
  /** Posts the adapter found. */
  readonly found: number;
  /** Of the sampled found posts: with an id, extracted (id and author), and with text. */
  readonly sampled: number;
  readonly withId: number;
  readonly extracted: number;
  readonly withText: number;
}

/** Below this many posts nothing is concluded: an empty page, a page still loading, one odd post. */
export const MIN_EVIDENCE = 3;

/**
 * The broken part, or null when the adapter reads the page well enough:
 * - "posts": the page shows post-like containers but the adapter finds none, or finds posts without ids;
 * - "author": the adapter finds posts with ids but can read none of them (a snapshot needs an author);
 * - "text": it reads posts, but not one has any text.
 * Every rule needs MIN_EVIDENCE posts, and "broken" means none of them works: a timeline of photos without
 * captions is not a broken adapter, so "text" requires every sampled post to be empty.
 */
export function checkHealth(stats: PageStats): AdapterPart | null {
  if (stats.found === 0) return stats.postLike >= MIN_EVIDENCE ? "posts" : null;
  if (stats.sampled < MIN_EVIDENCE) return null;
  if (stats.withId === 0) return "posts";
  if (stats.withId >= MIN_EVIDENCE && stats.extracted === 0) return "author";
  if (stats.extracted >= MIN_EVIDENCE && stats.withText === 0) return "text";
  return null;
}

/** Outermost elements matching any of `selectors`: a post-like wrapper and its inner article count once. */
function countOutermost(root: ParentNode, selectors: readonly string[]): number {
  const all = new Set<Element>();
  for (const css of selectors) {
    try {
      for (const el of root.querySelectorAll(css)) all.add(el);
    } catch {
      // A selector the browser does not know is no evidence.
    }
  }
  let count = 0;
  for (const el of all) {
    let nested = false;
    for (let p = el.parentElement; p && !nested; p = p.parentElement) nested = all.has(p);
    if (!nested) count++;
  }
  return count;
}

/** What the caller's own reading made of a post element: the post, or null when it has an id but no snapshot. */
export type ReadPost = (el: Element) => PostSnapshot | null | undefined;

/**
 * Reads the page with the adapter: every post found, a sample of at most `sample` of them extracted. `found`: the
 * adapter's posts under `root` when the caller just found them (the content script's scan), so they are not looked
 * for twice. `read`: what the caller made of an element it read (a post, or null when the element has an id but
 * gave no snapshot), undefined for one it did not read.
 *
 * The sample is the posts the caller read, when it read at least MIN_EVIDENCE: those near the agent, so nothing is
 * extracted twice and no post far down the page is extracted for the check alone. Otherwise (the page just
 * loaded, or the adapter finds posts without ids) it is the first `sample` posts found, read here.
 * `postLike` is counted only when asked for (checkHealth needs it when no post is found, a report when broken).
 */
export function assessPage(
  adapter: SiteAdapter,
  root: ParentNode,
  base: string,
  sample = 20,
  found?: readonly Element[],
  read?: ReadPost,
): PageStats {
  const posts = found ?? adapter.findPosts(root);
  const known: Array<PostSnapshot | null> = [];
  for (let i = 0; read && i < posts.length && known.length < sample; i++) {
    const got = read(posts[i] as Element);
    if (got !== undefined) known.push(got);
  }
  let sampled = known.length;
  let withId = known.length;
  let extracted = 0;
  let withText = 0;
  const count = (post: PostSnapshot | null) => {
    if (!post) return;
    extracted++;
    if (post.text.trim() !== "") withText++;
  };
  if (known.length >= MIN_EVIDENCE) known.forEach(count);
  else {
    const picked = posts.slice(0, sample);
    sampled = picked.length;
    withId = 0;
    for (const el of picked) {
      const got = read?.(el);
      if (got === undefined && adapter.postIdOf(el, base) === null) continue;
      withId++;
      count(got === undefined ? adapter.extractPost(el, base) : got);
    }
  }
  let postLike: number | undefined;
  return {
    get postLike() {
      postLike ??= countOutermost(root, adapter.health.postLike);
      return postLike;
    },
    found: posts.length,
    sampled,
    withId,
    extracted,
    withText,
  };
}

/** The report to send for this page, or null when the adapter works (or nothing can be concluded). */
export function healthReport(
  adapter: SiteAdapter,
  root: ParentNode,
  base: string,
  now: number,
  found?: readonly Element[],
  read?: ReadPost,
): HealthReport | null {
  const stats = assessPage(adapter, root, base, 20, found, read);
  const broken = checkHealth(stats);
  return broken ? { site: adapter.id, broken, postLike: stats.postLike, found: stats.found, at: now } : null;
}
