/**
 * Every selector the YouTube adapter relies on, as data. YouTube's desktop site (www.youtube.com) is built from
 * Polymer custom elements whose tag names and ids are its API to its own styles, and last for years:
 *
 * - a comment is `ytd-comment-view-model` (since 2024; `ytd-comment-renderer` before), the first one of a
 *   `ytd-comment-thread-renderer` is the top-level comment, its replies are further `ytd-comment-view-model`s in the
 *   thread's `#replies > ytd-comment-replies-renderer`, never inside the comment's own element;
 * - inside a comment: `#author-text` (href `/@handle`), `#published-time-text a` (href `/watch?v=…&lc=<comment id>`),
 *   `#content-text` (a `yt-attributed-string`), `#vote-count-middle`, `#reply-button-end`;
 * - the reply box is a `ytd-commentbox` whose editor is a plain contenteditable `#contenteditable-root`.
 *
 * Each entry lists its selectors best first and `lastSeen`, the month they were last checked: our hand-written
 * tests/fixtures/youtube (2026-08, written from the markup extensions and scrapers target in 2025). When YouTube
 * changes its markup, update the selector, add a fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const YOUTUBE_SELECTORS = {
  /** A comment or a reply. */
  comment: { css: ["ytd-comment-view-model", "ytd-comment-renderer"], lastSeen: "2026-08" },
  /** A top-level comment with its replies. */
  thread: { css: ["ytd-comment-thread-renderer"], lastSeen: "2026-08" },
  /** The author's channel link; the channel owner's own comments show it hidden, with a badge instead. */
  authorLink: {
    css: [
      "a#author-text[href]",
      "#header-author a[href^='/@']",
      "#author-comment-badge a[href]",
      "ytd-author-comment-badge-renderer a[href]",
    ],
    lastSeen: "2026-08",
  },
  /** The channel owner's badge on their own comments ("@AcmeFR" in a grey chip). */
  creatorBadge: {
    css: ["ytd-author-comment-badge-renderer[creator]", "#author-comment-badge ytd-author-comment-badge-renderer"],
    lastSeen: "2026-08",
  },
  /** The comment's link to itself: its time ("2 days ago"), `lc` is the comment's id. */
  permalink: { css: ["#published-time-text a[href*='lc=']", "a[href*='lc=']"], lastSeen: "2026-08" },
  text: {
    css: ["yt-attributed-string#content-text", "#content-text", "yt-formatted-string#content-text"],
    lastSeen: "2026-08",
  },
  /** Likes as shown beside the thumb ("12", "1.2K", nothing at 0). */
  likeCount: { css: ["#vote-count-middle", "#vote-count-left"], lastSeen: "2026-08" },
  /** "Like this comment along with 12 other people": the count when the number beside the thumb is missing. */
  likeButton: {
    css: ["#like-button button[aria-label]", "ytd-toggle-button-renderer#like-button [aria-label]"],
    lastSeen: "2026-08",
  },
  /** "12 replies" under a top-level comment, in its thread. */
  moreReplies: {
    css: ["ytd-comment-replies-renderer #more-replies button", "#more-replies button", "#more-replies"],
    lastSeen: "2026-08",
  },
  /** The comment's header (author, time, badges): where our badge goes. */
  header: { css: ["#header-author", "#header"], lastSeen: "2026-08" },
  /** The comment's own Reply button. */
  replyButton: {
    css: [
      "#reply-button-end button",
      "#reply-button-end [role='button']",
      "#reply-button-end",
      "button[aria-label='Reply']",
    ],
    lastSeen: "2026-08",
  },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /** The reply box Reply opens: inside the comment's `#reply-dialog`, or in the thread under its replies. */
  commentbox: { css: ["ytd-commentbox", "ytd-comment-reply-dialog-renderer"], lastSeen: "2026-08" },
  editor: {
    css: ["#contenteditable-root[contenteditable='true']", "#contenteditable-root", "[contenteditable='true']"],
    lastSeen: "2026-08",
  },
  /** "Reply" (or "Comment") in the box: `ytd-button-renderer#submit-button > yt-button-shape > button`. */
  submit: {
    css: ["#submit-button button", "ytd-button-renderer#submit-button", "#submit-button"],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

export type YoutubeSelectorName = keyof typeof YOUTUBE_SELECTORS;

/** Hosts of the desktop site (m.youtube.com is another app, with other markup: not read). */
export const YOUTUBE_HOSTS: readonly string[] = ["www.youtube.com", "youtube.com"];

/** "12 replies", "1 reply", "12 réponses": the words of the replies button, English and French UI. */
export const REPLIES_WORDS = /\b(?:repl(?:y|ies)|réponses?)\b/i;
