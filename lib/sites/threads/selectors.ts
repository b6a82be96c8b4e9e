/**
 * Every selector and label the Threads adapter relies on, as data. Threads (threads.com, formerly threads.net) is
 * a React app whose class names are Meta's generated atomic classes (`x1lliihq x1plvlek …`): nothing here uses one.
 * What holds still: each post is a `div[data-pressable-container="true"]`, its time is a `<time datetime>` inside
 * the link to the post (`/@user/post/<code>`), the author links to `/@user`, the text is in `span[dir="auto"]`,
 * and the action buttons are `[role="button"]` around an icon `<svg aria-label="Like">` with the count beside it.
 * The reply composer is a modal dialog around a Lexical contenteditable.
 *
 * Each entry lists its selectors best first and `lastSeen`, the month of the newest page where the first one was
 * checked (our hand-written tests/fixtures/threads, after the live site's markup as automation scripts read it;
 * no saved page of the live site is in ../shared yet). When Threads changes its markup, update the selector, add a
 * fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const THREADS_SELECTORS = {
  /** A post or a reply: one pressable container each (a quoted post is a container nested in its quoting one). */
  post: { css: ['div[data-pressable-container="true"]', "div[data-pressable-container]"], lastSeen: "2026-08" },
  /** The link to the post itself, around its `<time>`. */
  permalink: { css: ['a[href*="/post/"]'], lastSeen: "2026-08" },
  time: { css: ["time[datetime]"], lastSeen: "2026-08" },
  /** Links to a profile (`/@user`): avatar and username. */
  profileLink: { css: ['a[href^="/@"]', 'a[href*="threads.com/@"]', 'a[href*="threads.net/@"]'], lastSeen: "2026-08" },
  /** Text spans; the body is read among them (see extract.ts). */
  textSpan: { css: ['span[dir="auto"]'], lastSeen: "2026-08" },
  /** A control: like, reply, repost, share, the "More" menu, "Translate". */
  button: { css: ['[role="button"]', "button"], lastSeen: "2026-08" },
  /** The icon naming a control; its aria-label is matched against ACTION_LABELS. */
  actionIcon: { css: ["svg[aria-label]"], lastSeen: "2026-08" },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /** The reply modal; it shows the post it replies to above the editor. */
  dialog: { css: ['div[role="dialog"]', '[aria-modal="true"]'], lastSeen: "2026-08" },
  /** Lexical's contenteditable. */
  editor: {
    css: [
      '[contenteditable="true"][data-lexical-editor="true"]',
      '[contenteditable="true"][role="textbox"]',
      '[contenteditable="true"]',
    ],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

/**
 * The aria-labels of the action icons (English and French UI), lower-cased, apostrophes as "'". Threads renamed
 * "Reply" to "Comment" in 2025; both are kept.
 */
export const ACTION_LABELS = {
  like: ["like", "unlike", "j'aime", "je n'aime plus"],
  reply: ["reply", "comment", "répondre", "commenter"],
  repost: ["repost", "republier", "republication"],
} as const;

/** The text of the composer's submit button ("Post", "Publier"). */
export const SUBMIT_LABELS: ReadonlySet<string> = new Set(["post", "publier", "reply", "répondre"]);

/** Ads are marked with one of these as the whole text of a node in the header. */
export const PROMOTED_LABELS: ReadonlySet<string> = new Set(["Sponsored", "Sponsorisé", "Sponsorisée", "Publicité"]);

export const THREADS_HOSTS: readonly string[] = ["www.threads.com", "threads.com", "www.threads.net", "threads.net"];
