/**
 * Every selector the TikTok adapter relies on, as data. TikTok's web app (React, emotion CSS) gives two kinds of
 * handles:
 *
 * - `data-e2e` attributes, kept for TikTok's own end-to-end tests and the most stable part of its markup:
 *   `comment-level-1` (a comment's text) and `comment-level-2` (a reply's), `comment-username-1|2`,
 *   `comment-reply-1|2`, `comment-like-count`, `comment-input`, `comment-post`;
 * - emotion class names, which end with the component's name whatever the hash before it
 *   (`css-1k8xzzl-DivCommentItemWrapper`): matched with `[class*="…"]`, never whole.
 *
 * The comment composer is a Draft.js editor (`.public-DraftEditor-content[contenteditable="true"]`); lib/insert
 * pastes into it so Draft.js builds its own state. Each entry lists its selectors best first and `lastSeen`, the
 * month they were last checked: our hand-written tests/fixtures/tiktok (2026-08, written from the markup scrapers
 * and extensions target in 2025). When TikTok changes its markup, update the selector, add a fixture and move
 * `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const TIKTOK_SELECTORS = {
  /** A comment's text (level 1) or a reply's (level 2): one per comment, the anchor everything is found from. */
  commentText: {
    css: ['[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]', '[data-e2e^="comment-level-"]'],
    lastSeen: "2026-08",
  },
  /** One comment's block (its replies are blocks of their own, in the thread's reply container). */
  item: {
    css: ['[class*="DivCommentItemWrapper"]', '[class*="DivCommentContentContainer"]'],
    lastSeen: "2026-08",
  },
  /** A top-level comment with its replies. */
  thread: {
    css: ['[class*="DivCommentObjectWrapper"]', '[class*="DivCommentItemContainer"]'],
    lastSeen: "2026-08",
  },
  /** The comment list (Reply opens its box inline, in the list; the box at the panel's foot is outside it). */
  list: {
    css: ['[class*="DivCommentListContainer"]', '[data-e2e="search-comment-container"]'],
    lastSeen: "2026-08",
  },
  /** The element carrying the comment's id (`cid`) as its `id`. */
  idHolder: { css: ['[class*="DivCommentContentContainer"][id]', "[id]"], lastSeen: "2026-08" },
  /** The commenter's nickname, inside (or around) a link to `/@<unique id>`. */
  username: {
    css: ['[data-e2e="comment-username-1"], [data-e2e="comment-username-2"]', '[data-e2e^="comment-username"]'],
    lastSeen: "2026-08",
  },
  profileLink: { css: ['a[href^="/@"]', 'a[href*="tiktok.com/@"]'], lastSeen: "2026-08" },
  /** "2d ago", "3-14", "2025-3-14". */
  time: {
    css: [
      '[data-e2e="comment-time-1"], [data-e2e="comment-time-2"]',
      '[class*="SpanCreatedTime"]',
      '[class*="CommentSubContent"] > span:first-child',
    ],
    lastSeen: "2026-08",
  },
  likeCount: {
    css: ['[data-e2e="comment-like-count"]', '[class*="DivLikeContainer"] span', '[class*="LikeWrapper"] span'],
    lastSeen: "2026-08",
  },
  /** "View 3 replies" under a top-level comment, in its thread. */
  viewReplies: {
    css: ['[class*="DivViewRepliesContainer"]', '[data-e2e^="view-more-"]'],
    lastSeen: "2026-08",
  },
  /** The comment's own "Reply". */
  replyButton: {
    css: ['[data-e2e="comment-reply-1"], [data-e2e="comment-reply-2"]', '[data-e2e^="comment-reply"]'],
    lastSeen: "2026-08",
  },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /**
   * A comment box: the one at the foot of the comment panel (replying to the video), and the one Reply opens
   * under a comment, inline in the list.
   */
  inputBox: {
    css: ['[class*="DivCommentInputContainer"]', '[data-e2e="comment-input"]'],
    lastSeen: "2026-08",
  },
  /** The Draft.js editor inside a box. */
  editor: {
    css: ['.public-DraftEditor-content[contenteditable="true"]', '[contenteditable="true"]'],
    lastSeen: "2026-08",
  },
  /** "Post": a `div[role="button"]`, aria-disabled while the box is empty. */
  submit: { css: ['[data-e2e="comment-post"]', '[class*="DivPostButton"]'], lastSeen: "2026-08" },
} as const satisfies Record<string, SelectorSpec>;

export type TiktokSelectorName = keyof typeof TIKTOK_SELECTORS;

/** Hosts the adapter runs on. */
export const TIKTOK_HOSTS: readonly string[] = ["www.tiktok.com", "tiktok.com"];

/** "View 3 replies", "Afficher 3 réponses": the words of the replies toggle, English and French UI. */
export const REPLIES_WORDS = /\b(?:repl(?:y|ies)|réponses?)\b/i;
