/**
 * DOM helpers shared by the site adapters: selectors kept as data (best first, with fallbacks and the date each
 * was last seen working), queries that also walk into open shadow roots, and small readers. Pure: no state.
 */

export interface SelectorSpec {
  /** CSS selectors, best first; later ones are fallbacks for older or newer markup. */
  readonly css: readonly [string, ...string[]];
  /** "YYYY-MM" of the newest saved page where the first selector was seen working. */
  readonly lastSeen: string;
  readonly note?: string;
}

const ELEMENT_NODE = 1;
/** Node.DOCUMENT_POSITION_FOLLOWING, spelled out so no global Node is needed (content scripts, jsdom realms). */
const FOLLOWING = 4;

/** Every element matching the first selector of `spec` that finds one `keep`s, in document order. */
export function selectAll(
  root: ParentNode,
  spec: SelectorSpec,
  keep: (el: Element) => boolean = () => true,
): Element[] {
  for (const css of spec.css) {
    const found = [...root.querySelectorAll(css)].filter(keep);
    if (found.length > 0) return found;
  }
  return [];
}

export function selectFirst(root: ParentNode, spec: SelectorSpec, keep?: (el: Element) => boolean): Element | null {
  return selectAll(root, spec, keep)[0] ?? null;
}

/** `root` itself when it matches, then its descendants: the posts under a root include the root. */
export function selfAndAll(root: ParentNode, css: string): Element[] {
  const self = isElement(root) && root.matches(css) ? [root] : [];
  return [...self, ...root.querySelectorAll(css)];
}

/**
 * `selfAndAll` for the union of `selectors`, in document order, each element once: each selector is queried on its
 * own and the results merged. Blink answers a single tag or class selector by a fast path, and a list of them by
 * matching every element against each: on the bench's 1,000-post pages (Chromium 156), Reddit's two element names
 * and YouTube's took 1.4 and 2.8 times as long in one query as in two merged, Mastodon's two classes twice as long.
 * Attribute selectors have no such fast path: keep those in one query.
 */
export function selfAndAllOf(root: ParentNode, selectors: readonly string[]): Element[] {
  let found: Element[] = [];
  for (const css of selectors)
    found = found.length === 0 ? selfAndAll(root, css) : mergeInOrder(found, selfAndAll(root, css));
  return found;
}

/** The open shadow roots under `root` (not inside them: callers recurse). */
function shadowRootsUnder(root: ParentNode): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const self = isElement(root) ? [root] : [];
  for (const el of [...self, ...root.querySelectorAll("*")]) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots;
}

/**
 * Elements matching `css` under `root`, in the light DOM first and then inside every open shadow root, however
 * deep (Reddit's composers sit in custom elements' shadow roots). Closed shadow roots are out of reach, as for
 * the page's own scripts. Bounded, so a hostile page cannot make it loop.
 */
export function deepQueryAll(root: ParentNode, css: string, maxRoots = 500): Element[] {
  const found: Element[] = [...root.querySelectorAll(css)];
  const queue = shadowRootsUnder(root);
  for (let seen = 0; queue.length > 0 && seen < maxRoots; seen++) {
    const shadow = queue.shift() as ShadowRoot;
    found.push(...shadow.querySelectorAll(css));
    queue.push(...shadowRootsUnder(shadow));
  }
  return found;
}

export function deepQuery(root: ParentNode, css: string): Element | null {
  return root.querySelector(css) ?? deepQueryAll(root, css)[0] ?? null;
}

/** The first of `list` that finds something, searching shadow roots too. */
export function deepFirst(root: ParentNode, list: readonly string[]): Element | null {
  for (const css of list) {
    const hit = deepQuery(root, css);
    if (hit) return hit;
  }
  return null;
}

/** `closest` that crosses shadow boundaries: from inside a shadow root up to its host and on. */
export function closestDeep(el: Element, css: string): Element | null {
  for (let node: Element | null = el; node; ) {
    const hit = node.closest(css);
    if (hit) return hit;
    const root = node.getRootNode();
    node = root && "host" in root ? ((root as ShadowRoot).host ?? null) : null;
  }
  return null;
}

/** `outer` contains `inner`, also when `inner` sits in a shadow root under `outer`. */
export function containsDeep(outer: Element, inner: Node): boolean {
  for (let node: Node | null = inner; node; ) {
    if (outer.contains(node)) return true;
    const root = node.getRootNode();
    node = root && "host" in root ? ((root as ShadowRoot).host ?? null) : null;
  }
  return false;
}

/** Duck-typed so it also works for nodes of another realm (page vs. content script, jsdom windows). */
export function isElement(node: unknown): node is Element {
  return typeof node === "object" && node !== null && (node as Node).nodeType === ELEMENT_NODE;
}

/** A trimmed attribute, or null when absent or blank. */
export function attr(el: Element | null | undefined, name: string): string | null {
  const value = el?.getAttribute(name)?.trim();
  return value ? value : null;
}

/** A non-negative integer out of an attribute or text ("5039", "1,842 points", "1.2k"); null when none. */
export function countOf(text: string | null | undefined): number | null {
  if (!text) return null;
  const compact = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  const abbreviated = /^(\d+(?:[.,]\d+)?)\s?([kKmM])\b/.exec(compact);
  if (abbreviated?.[1] && abbreviated[2]) {
    const value = Number.parseFloat(abbreviated[1].replace(",", "."));
    const multiplier = abbreviated[2].toLowerCase() === "k" ? 1e3 : 1e6;
    return Number.isFinite(value) ? Math.round(value * multiplier) : null;
  }
  const digits = /^-?\d[\d ,.']*/.exec(compact)?.[0];
  if (!digits || digits.startsWith("-")) return null;
  const value = digits.replace(/\D/g, "");
  if (!value || value.length > 15) return null;
  return Number.parseInt(value, 10);
}

/** `<time datetime>` or any date string as an ISO string, or null when absent or not a date. */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Reddit writes "2026-08-18T14:18:25.910000+0000": microseconds and an offset without a colon.
  const fixed = raw
    .trim()
    .replace(/(\.\d{3})\d+/, "$1")
    .replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  // Years past 9999 come out as "+010000-…", which no ISO-8601 consumer accepts.
  return /^\d{4}-\d{2}-\d{2}T/.test(iso) ? iso : null;
}

export function safeUrl(href: string | null | undefined, base: string | URL): URL | null {
  if (href === null || href === undefined) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

export function toUrl(url: string | URL | { readonly href: string } | undefined, fallback: string): URL {
  try {
    return new URL(url === undefined ? fallback : typeof url === "string" ? url : url.href);
  } catch {
    return new URL(fallback);
  }
}

export function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * The elements of `els` that no other element of `els` contains, in their order: one walk up from each element,
 * not a comparison of every pair (a timeline holds a thousand posts).
 */
export function outermost<T extends Element>(els: readonly T[]): T[] {
  const set = new Set<Element>(els);
  return els.filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

/**
 * Two lists of elements, each in document order, merged into one in document order, an element in both kept once:
 * one comparison per element, not a sort (a feed's posts and their comments run to a thousand, at every scan).
 */
export function mergeInOrder(a: readonly Element[], b: readonly Element[]): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Element;
    const y = b[j] as Element;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x.compareDocumentPosition(y) & FOLLOWING) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as Element);
  while (j < b.length) out.push(b[j++] as Element);
  return out;
}

/** Inside something the site hid (`hidden`, or `display: none` inline), looking through shadow roots. */
export function isHidden(el: Element): boolean {
  return closestDeep(el, '[hidden], [style*="display: none"], [style*="display:none"]') !== null;
}
