/**
 * "Already answered": a complaint whose thread, on the page, shows a reply from one of the brand's own handles.
 * Pure: the content script passes the page's posts in document order with how they nest, and gets back which
 * complaints a brand reply answers, so the badge, the queue and the suggestions can say so (a second answer from
 * the brand reads as a follow-up, not a first apology).
 *
 * A reply from a brand handle answers a complaint shown before it on the page when:
 * - it is nested in the complaint's element (Reddit, YouTube, Facebook, Instagram, LinkedIn comment trees), or
 * - the page is one conversation (a status or comments page) and the complaint is its first post, the one the
 *   conversation is about, or
 * - its text names the complaint's author (`@handle`), as replies on X, Mastodon, Bluesky and Threads do.
 */

export interface ThreadPost {
  id: string;
  /** Handle, without the leading @. */
  author: string;
  text: string;
  complaint: boolean;
}

export interface BrandAnswer {
  /** The brand handle that replied (without @). */
  by: string;
  /** The id of the brand's reply. */
  replyId: string;
}

/** Lower-case handles without a leading @ (settings accept "@Acme" and "acme"). */
export function brandHandleSet(handles: readonly string[]): Set<string> {
  return new Set(handles.map((h) => h.trim().replace(/^@/, "").toLowerCase()).filter(Boolean));
}

function mentions(text: string, handle: string): boolean {
  const lower = text.toLowerCase();
  const needle = `@${handle.toLowerCase()}`;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    // "@acme" must not match "@acmestore"; "@acme@mastodon.social" and "@acme." do match.
    if (!/[a-z0-9_]/.test(lower.charAt(at + needle.length))) return true;
  }
  return false;
}

/**
 * The complaints a brand reply answers, by complaint id. `posts` are in document order; `nested(a, b)` says
 * whether post b's element is inside post a's; `conversation` is true on a page that shows one thread.
 */
export function brandAnswers(
  posts: readonly ThreadPost[],
  brandHandles: ReadonlySet<string>,
  nested: (outer: number, inner: number) => boolean,
  conversation: boolean,
): Map<string, BrandAnswer> {
  const out = new Map<string, BrandAnswer>();
  if (brandHandles.size === 0) return out;
  posts.forEach((reply, j) => {
    const by = reply.author.replace(/^@/, "").toLowerCase();
    if (!brandHandles.has(by)) return;
    for (let i = 0; i < j; i++) {
      const c = posts[i];
      if (!c?.complaint || out.has(c.id) || c.id === reply.id) continue;
      if (brandHandles.has(c.author.replace(/^@/, "").toLowerCase())) continue;
      if (nested(i, j) || (conversation && i === 0) || mentions(reply.text, c.author.replace(/^@/, ""))) {
        out.set(c.id, { by: reply.author.replace(/^@/, ""), replyId: reply.id });
      }
    }
  });
  return out;
}
