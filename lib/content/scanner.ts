/**
 * Finds the posts in a page, classifies the new ones and marks the complaints. Site-independent: the site adapter
 * and the classifier are passed in. Timelines recycle nodes, so a post's id is re-derived from the DOM every scan
 * and the per-element cache is keyed by element and checked against that id.
 */
import type { Detection, PostSnapshot } from "../schemas";
import { asComplaint } from "../verdict";

export interface ScannerAdapter {
  findPosts(root: ParentNode): Element[];
  postIdOf(el: Element): string | null;
  extractPost(el: Element, base: string): PostSnapshot | null;
}

export interface Marker {
  /** Adds or updates the mark on a complaint; returns the mark's host element. */
  mark(el: Element, post: PostSnapshot, detection: Detection, existing: HTMLElement | null): HTMLElement;
  unmark(host: HTMLElement): void;
}

interface Seen {
  id: string;
  complaint: boolean;
  mark: HTMLElement | null;
  post: PostSnapshot | null;
  detection: Detection | null;
}

export interface ScanResult {
  scanned: number;
  fresh: Array<{ post: PostSnapshot; detection: Detection }>;
  /** The post elements found, in document order (for `read`, so the page is not queried twice). */
  posts: Element[];
  /** How many posts were extracted by this scan (0: nothing on the page is new or changed). */
  extracted: number;
}

export class Scanner {
  private seen = new WeakMap<Element, Seen>();
  /** Posts extracted since the scanner was made (ScanResult.extracted is this scan's share). */
  private extracted = 0;

  constructor(
    private readonly adapter: ScannerAdapter,
    private readonly classify: (post: PostSnapshot) => Detection,
    private readonly marker: Marker,
    /** Whether a post not read yet is close enough to the agent to be read now (lib/content/near.ts); all by default. */
    private readonly near: (el: Element) => boolean = () => true,
  ) {}

  /**
   * Scans `root`; returns the complaints not reported before for their element. A post never read is read once
   * `near` says so (far ones are left for a later scan). `changed` (from the page's
   * mutations) says whether anything changed inside a post already read: when it says no, the post is not read
   * again; null reads every post again (a full scan).
   */
  scan(root: ParentNode, base: string, changed: ((el: Element) => boolean) | null = null): ScanResult {
    const fresh: ScanResult["fresh"] = [];
    const before = this.extracted;
    const posts = this.adapter.findPosts(root);
    for (const el of posts) {
      const cached = this.seen.get(el);
      if (!cached) {
        // An element never seen, once near the agent: extracting it reads its id too, so the id is not derived twice.
        if (this.near(el)) this.first(el, base, fresh);
        continue;
      }
      if (changed && !changed(el)) continue;
      const id = this.adapter.postIdOf(el);
      if (id === null) continue;
      if (cached.id === id) {
        // Same post: only put the mark back if the site's re-render removed it.
        if (cached.complaint && cached.post && cached.detection && !cached.mark?.isConnected) {
          cached.mark = this.marker.mark(el, cached.post, cached.detection, null);
        }
        continue;
      }
      // The site recycled the element for another post.
      if (cached.mark) this.marker.unmark(cached.mark);
      this.first(el, base, fresh, id);
    }
    return { scanned: posts.length, fresh, posts, extracted: this.extracted - before };
  }

  /** Extracts, classifies and marks a post element not seen before (or now showing another post, `id`). */
  private first(el: Element, base: string, fresh: ScanResult["fresh"], knownId?: string): void {
    this.extracted++;
    const post = this.adapter.extractPost(el, base);
    if (!post) {
      // Remember what failed, under its id, so the next scan does not extract it again; no id: try again later.
      const id = knownId ?? this.adapter.postIdOf(el);
      if (id !== null) this.seen.set(el, { id, complaint: false, mark: null, post: null, detection: null });
      return;
    }
    const detection = this.classify(post);
    const mark = detection.complaint ? this.marker.mark(el, post, detection, null) : null;
    this.seen.set(el, { id: post.id, complaint: detection.complaint, mark, post, detection });
    if (detection.complaint) fresh.push({ post, detection });
  }

  /**
   * The agent says the post around `target` is a complaint the detector missed: mark it now and return what to
   * report. The innermost post wins, so a right-click inside a quoted post marks the post being read.
   */
  markMissed(root: ParentNode, target: Node, base: string): { post: PostSnapshot; detection: Detection } | null {
    let el: Element | null = null;
    for (const candidate of this.adapter.findPosts(root)) {
      if (candidate.contains(target) && (!el || el.contains(candidate))) el = candidate;
    }
    const id = el ? this.adapter.postIdOf(el) : null;
    const post = el && id ? this.adapter.extractPost(el, base) : null;
    if (!el || !id || !post) return null;
    const detection = this.classify(post);
    const shown = asComplaint(detection);
    const cached = this.seen.get(el);
    if (cached?.mark) this.marker.unmark(cached.mark);
    const mark = this.marker.mark(el, post, shown, null);
    this.seen.set(el, { id, complaint: true, mark, post, detection: shown });
    return { post, detection };
  }

  /** The element currently showing post `id`, re-derived from the DOM. */
  find(root: ParentNode, id: string): Element | null {
    for (const el of this.adapter.findPosts(root)) if (this.adapter.postIdOf(el) === id) return el;
    return null;
  }

  /** Forgets every post and takes the marks off the page (the agent turned the site off). */
  reset(root: ParentNode): void {
    for (const el of this.adapter.findPosts(root)) {
      const s = this.seen.get(el);
      if (s?.mark) this.marker.unmark(s.mark);
    }
    this.seen = new WeakMap();
  }

  /** Of `posts` (a scan's, in document order), those read so far, with their element and verdict. */
  read(posts: readonly Element[]): Array<{ el: Element; post: PostSnapshot; complaint: boolean }> {
    const out: Array<{ el: Element; post: PostSnapshot; complaint: boolean }> = [];
    for (const el of posts) {
      const s = this.seen.get(el);
      if (s?.post) out.push({ el, post: s.post, complaint: s.complaint });
    }
    return out;
  }

  marks(root: ParentNode): Array<{ host: HTMLElement; post: PostSnapshot; detection: Detection }> {
    const out: Array<{ host: HTMLElement; post: PostSnapshot; detection: Detection }> = [];
    for (const el of this.adapter.findPosts(root)) {
      const s = this.seen.get(el);
      if (s?.mark && s.post && s.detection) out.push({ host: s.mark, post: s.post, detection: s.detection });
    }
    return out;
  }
}

/** Past this many changed nodes between two scans, the next scan simply reads everything again. */
const MAX_CHANGES = 5_000;

/** The nodes mutated since the last scan, as "did anything inside this element change?". */
export class ChangeSet {
  private nodes = new Set<Node>();
  private everything = true;

  note(node: Node): void {
    if (this.everything) return;
    if (this.nodes.size >= MAX_CHANGES) this.all();
    else this.nodes.add(node);
  }

  /** The next scan reads every post again. */
  all(): void {
    this.everything = true;
    this.nodes.clear();
  }

  /** For the scan starting now: null (read everything), or whether something changed inside an element. */
  take(): ((el: Element) => boolean) | null {
    const everything = this.everything;
    const changed = new Set<Node>();
    // Every ancestor of a changed node is "changed inside"; a walk stops at an ancestor already counted.
    for (const node of this.nodes)
      for (let n: Node | null = node; n && !changed.has(n); n = n.parentNode) changed.add(n);
    this.nodes.clear();
    this.everything = false;
    return everything ? null : (el) => changed.has(el);
  }
}
