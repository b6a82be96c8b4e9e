/**
 * Finds the posts in a page, reads the new ones near the agent, and marks the complaints. Site-independent: the
 * site adapter and the classifier are passed in. The classifier may not know a verdict yet (the background's
 * detector answers asynchronously): the post waits, and settle() or a later scan marks it. Timelines recycle nodes,
 * so a post's id is re-derived from the DOM every scan and the per-element cache is keyed by element and checked
 * against that id.
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
  /** Read, its verdict not known yet (the detector answers asynchronously). */
  waiting: boolean;
}

export interface ScanResult {
  scanned: number;
  fresh: Array<{ post: PostSnapshot; detection: Detection }>;
  /** The post elements found, in document order (for `read`, so the page is not queried twice). */
  posts: Element[];
  /** How many posts were extracted by this scan (0: nothing on the page is new or changed). */
  extracted: number;
  /** Posts read whose verdict is not known yet: `classify` said undefined (the caller asks for it). */
  waiting: number;
}

export class Scanner {
  private seen = new WeakMap<Element, Seen>();
  /** Elements whose post was read and waits for its verdict (settle() gives them theirs without a scan). */
  private waitingEls = new Set<Element>();
  /** Posts extracted since the scanner was made (ScanResult.extracted is this scan's share). */
  private extracted = 0;

  constructor(
    private readonly adapter: ScannerAdapter,
    /** The verdict on a post, or undefined while it is not known (a later scan asks again). */
    private readonly classify: (post: PostSnapshot) => Detection | undefined,
    private readonly marker: Marker,
    /** Whether a post not read yet is close enough to the agent to be read now (lib/content/near.ts); all by default. */
    private readonly near: (el: Element) => boolean = () => true,
  ) {}

  /**
   * Scans `root`; returns the complaints not reported before for their element. A post never read is read once
   * `near` says so (far ones are left for a later scan). `changed` (from the page's mutations) says whether
   * anything changed inside a post already read: when it says no, the post is not read again; null reads every
   * post again (a full scan).
   */
  scan(root: ParentNode, base: string, changed: ((el: Element) => boolean) | null = null): ScanResult {
    const fresh: ScanResult["fresh"] = [];
    const before = this.extracted;
    let waiting = 0;
    const posts = this.adapter.findPosts(root);
    for (const el of posts) {
      let cached = this.seen.get(el);
      if (!cached) {
        // An element never seen, once near the agent: extracting it reads its id too, so the id is not derived twice.
        if (this.near(el)) cached = this.first(el, base);
      } else if (!changed || changed(el)) {
        const id = this.adapter.postIdOf(el);
        if (id === null) continue;
        if (cached.id !== id) {
          // The site recycled the element for another post.
          if (cached.mark) this.marker.unmark(cached.mark);
          cached = this.first(el, base, id);
        } else if (cached.complaint && cached.post && cached.detection && !cached.mark?.isConnected) {
          // Same post: only put the mark back if the site's re-render removed it.
          cached.mark = this.marker.mark(el, cached.post, cached.detection, null);
        }
      }
      if (cached?.waiting && !this.judge(el, cached, fresh)) waiting++;
    }
    return { scanned: posts.length, fresh, posts, extracted: this.extracted - before, waiting };
  }

  /** Extracts a post element not seen before (or now showing another post, `id`); judge() gives its verdict. */
  private first(el: Element, base: string, knownId?: string): Seen | undefined {
    this.extracted++;
    const post = this.adapter.extractPost(el, base);
    if (!post) {
      // Remember what failed, under its id, so the next scan does not extract it again; no id: try again later.
      const id = knownId ?? this.adapter.postIdOf(el);
      if (id !== null)
        this.seen.set(el, { id, complaint: false, mark: null, post: null, detection: null, waiting: false });
      return undefined;
    }
    const seen: Seen = { id: post.id, complaint: false, mark: null, post, detection: null, waiting: true };
    this.seen.set(el, seen);
    this.waitingEls.add(el);
    return seen;
  }

  /**
   * Reads the posts of an earlier scan that came near the agent since, without looking through the page again: the
   * caller's observer saw nothing else change, so those elements still show the posts that scan found (a post the
   * page has removed since is skipped). Then settles every post waiting for its verdict, these included: what a scan
   * would give for them. An agent scrolling down a long feed costs a few reads, not a look through the whole page.
   */
  readNear(els: Iterable<Element>, base: string): Pick<ScanResult, "fresh" | "extracted"> {
    const before = this.extracted;
    for (const el of els) if (el.isConnected && !this.seen.has(el)) this.first(el, base);
    return { fresh: this.settle(), extracted: this.extracted - before };
  }

  /**
   * Verdicts arrived: the posts read that were waiting for theirs get them (marked and reported like a scan's),
   * without looking through the page again. Posts the page removed, or whose element now shows another post, wait
   * for the scan that finds them.
   */
  settle(): ScanResult["fresh"] {
    const fresh: ScanResult["fresh"] = [];
    for (const el of this.waitingEls) {
      const seen = this.seen.get(el);
      if (!seen?.waiting || !el.isConnected) this.waitingEls.delete(el);
      else if (this.adapter.postIdOf(el) === seen.id) this.judge(el, seen, fresh);
    }
    return fresh;
  }

  /** Asks for the verdict on a post read; once known, marks a complaint and reports it. False: not known yet. */
  private judge(el: Element, seen: Seen, fresh: ScanResult["fresh"]): boolean {
    const post = seen.post;
    const detection = post ? this.classify(post) : undefined;
    if (!post || !detection) return false;
    this.waitingEls.delete(el);
    seen.waiting = false;
    seen.detection = detection;
    seen.complaint = detection.complaint;
    if (detection.complaint) {
      seen.mark = this.marker.mark(el, post, detection, null);
      fresh.push({ post, detection });
    }
    return true;
  }

  /**
   * The post around `target`, for "the agent says this is a complaint the detector missed". The innermost post
   * wins, so a right-click inside a quoted post names the post being read.
   */
  postAt(
    root: ParentNode,
    target: Node,
    base: string,
  ): { el: Element; post: PostSnapshot; detection: Detection | null } | null {
    let el: Element | null = null;
    for (const candidate of this.adapter.findPosts(root)) {
      if (candidate.contains(target) && (!el || el.contains(candidate))) el = candidate;
    }
    const id = el ? this.adapter.postIdOf(el) : null;
    const post = el && id ? this.adapter.extractPost(el, base) : null;
    if (!el || !post) return null;
    // The verdict already given on this post, if any (the detector is not asked twice).
    const seen = this.seen.get(el);
    return { el, post, detection: seen?.id === post.id ? seen.detection : null };
  }

  /** Marks `el` as a complaint whatever the detector said (its verdict turned into a complaint's); returns that. */
  markComplaint(el: Element, post: PostSnapshot, detection: Detection): Detection {
    const shown = asComplaint(detection);
    const cached = this.seen.get(el);
    if (cached?.mark) this.marker.unmark(cached.mark);
    const mark = this.marker.mark(el, post, shown, null);
    this.seen.set(el, { id: post.id, complaint: true, mark, post, detection: shown, waiting: false });
    return shown;
  }

  /** The post read from `el` (whatever its verdict), null when `el` has an id but gave no post, undefined if not read. */
  postOf(el: Element): PostSnapshot | null | undefined {
    return this.seen.get(el)?.post;
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
    this.waitingEls.clear();
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

  /** Nothing noted since the last take(), and no full scan asked for. */
  get quiet(): boolean {
    return !this.everything && this.nodes.size === 0;
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
