/**
 * What every site adapter provides, so the content script, the health check, the extract command and the
 * registry treat X, Reddit, Mastodon (and the sites still to come) alike. An adapter is pure readers of the page
 * plus the few actions on the site's own composer; it keeps no state.
 *
 * To add a site, see lib/sites/index.ts.
 */
import type { PostSnapshot, SiteId } from "../schemas";

/** A URL in any of the shapes callers hold: a string, a URL, or `location`. */
export type UrlLike = string | URL | { readonly href: string };

/** A page detector carrying the URLs it must recognise (and that no other detector of the site may claim). */
export type Detector<T> = ((url: UrlLike) => T) & {
  readonly examples: readonly string[];
};

/** How a reply that was put in the composer ended. */
export type PostOutcome = "posted" | "cancelled" | "timeout";

export interface OpenOptions {
  doc?: Document;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface WatchOptions {
  doc?: Document;
  signal?: AbortSignal;
  /** Defaults to 15 minutes: an agent may edit the reply for a long time. */
  timeoutMs?: number;
}

/** A part of an adapter that can stop working when the site changes its markup; named in the health notice. */
export type AdapterPart = "posts" | "text" | "author";

/**
 * What the health check needs besides the adapter itself: how to recognise a post on the page loosely, without
 * the adapter's own (stricter) selectors. If the page shows several of these and the adapter reads none, the
 * adapter's post selectors stopped working.
 */
export interface HealthHints {
  /** CSS selectors of elements that are surely posts on this site, even in markup the adapter no longer reads. */
  readonly postLike: readonly string[];
}

/** Where the in-page badge goes in a post: appended inside `el`, or placed right after it. */
export interface BadgeSpot {
  readonly el: Element;
  readonly where: "append" | "after" | "prepend";
}

export interface SiteAdapter {
  readonly id: SiteId;
  /** The site's name as agents know it, for the side panel ("Reddit"). */
  readonly name: string;
  /**
   * Match patterns of the site's pages: the manifest's host permissions and the content script's `matches`.
   * Empty for sites on hosts the agent grants at run time (Mastodon instances).
   */
  readonly matches: readonly string[];
  /** Resolves relative links when no page URL is known (the extract command's default --base). */
  readonly defaultBase: string;
  /** The page detectors, each with example URLs; one test runs every detector against every example. */
  readonly pages: Readonly<Record<string, Detector<unknown>>>;
  /**
   * The detectors (keys of `pages`) whose pages show one conversation, a post and its replies: there a reply from
   * a brand handle answers the first post (lib/content/answered.ts).
   */
  readonly conversationPages: readonly string[];
  /** The name of the first detector that recognises `url`, or null where the extension reads no posts. */
  pageKind(url: UrlLike): string | null;
  /** The posts and comments under `root` (itself included), outermost only. */
  findPosts(root: ParentNode): Element[];
  /** The post's own id, re-derived from the DOM on every call (sites recycle nodes). */
  postIdOf(el: Element, base?: string | URL): string | null;
  /** The post as a validated snapshot, or null when it has no id or author. Never throws. */
  extractPost(el: Element, base: string | URL): PostSnapshot | null;
  /** The composer already open that replies to this post, or null. */
  findReplyComposer(el: Element, doc: Document): HTMLElement | null;
  /** Clicks the post's reply control and resolves with the composer once it is in the page. */
  openReplyComposer(el: Element, opts?: OpenOptions): Promise<HTMLElement>;
  /** Whether the agent then posted the reply (we never press the site's Post button). */
  watchPosted(editor: HTMLElement, opts?: WatchOptions): Promise<PostOutcome>;
  /** Where the badge of a complaint goes. */
  badgeSpot(el: Element): BadgeSpot;
  readonly health: HealthHints;
}
