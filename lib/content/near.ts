/**
 * What is near the agent's viewport: Apaise reads posts as the agent scrolls to them, not the whole page at once.
 * A long thread or an infinite feed holds hundreds of posts the agent may never reach; reading only those within a
 * few screens keeps the page's own scripting first (the per-site overhead figure in bench/pages.ts), and what
 * Apaise shows, the agent is about to see.
 *
 * One IntersectionObserver watches two kinds of elements until they first come within the margin:
 * - post elements found by a scan (`has`): a post is read once near;
 * - elements the page just added (`watch`): a feed appending posts far below calls for no scan until they come
 *   near, so a page loading a thousand posts is looked through a few times, not once per batch.
 * The browser computes the intersections during its own rendering: nothing here forces a layout. An element
 * without a box (`display: contents` or `none`) can never intersect: it counts as near, so nothing is left
 * unread for its sake.
 */

/** Reach of "near": half a screen above the viewport, one below (agents scroll down a feed or a thread). */
export const NEAR_MARGIN = "50% 0px 100% 0px";

/** Past this many elements waiting to come near, they are all released and count as near (the caller scans). */
const MAX_WAITING = 20_000;

export class NearViewport {
  private readonly near = new WeakSet<Element>();
  /** Observed, not near yet: kept to let go of those the page removed (`sweep`). */
  private readonly waiting = new Set<Element>();
  private readonly io: IntersectionObserver | null;

  /**
   * `onNear` gets the elements that came near, once per batch of the observer's reports: the caller notes them as
   * changed and scans. Without IntersectionObserver (an old engine, a test DOM), everything counts as near.
   */
  constructor(
    private readonly onNear: (els: Element[]) => void,
    margin: string = NEAR_MARGIN,
  ) {
    this.io =
      typeof IntersectionObserver === "function"
        ? new IntersectionObserver((entries) => this.report(entries), { rootMargin: margin })
        : null;
  }

  /** Whether the post `el` is (or was) near the viewport; the first call starts watching it. */
  has = (el: Element): boolean => {
    if (!this.io || this.near.has(el)) return true;
    this.observe(el);
    return false;
  };

  /** The page added `el`: `onNear` gets it once it comes near (at once without IntersectionObserver). */
  watch(el: Element): void {
    if (!this.io) this.onNear([el]);
    else if (!this.near.has(el)) this.observe(el);
  }

  /** Stops watching elements the page removed before they came near (the observer would keep them alive). */
  sweep(): void {
    for (const el of this.waiting) {
      if (el.isConnected) continue;
      this.io?.unobserve(el);
      this.waiting.delete(el);
    }
  }

  disconnect(): void {
    this.io?.disconnect();
    this.waiting.clear();
  }

  private observe(el: Element): void {
    if (this.waiting.has(el)) return;
    if (this.waiting.size >= MAX_WAITING) {
      // A page that grows without end and never scrolls: let everything go near rather than hold it all.
      const all = [...this.waiting, el];
      for (const w of all) this.release(w);
      this.onNear(all);
      return;
    }
    this.waiting.add(el);
    this.io?.observe(el);
  }

  private release(el: Element): void {
    this.near.add(el);
    this.waiting.delete(el);
    this.io?.unobserve(el);
  }

  private report(entries: IntersectionObserverEntry[]): void {
    const came: Element[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting && !boxless(entry)) continue;
      this.release(entry.target);
      came.push(entry.target);
    }
    if (came.length > 0) this.onNear(came);
  }
}

/** No box to intersect (`display: contents` or `none`): an empty rectangle at the origin. */
function boxless(entry: IntersectionObserverEntry): boolean {
  const r = entry.boundingClientRect;
  return r.width === 0 && r.height === 0 && r.x === 0 && r.y === 0;
}
