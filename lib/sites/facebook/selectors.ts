/**
 * Every selector and label the Facebook adapter relies on, as data. Facebook's web app ("Comet", React) ships
 * generated atomic class names (`x1lliihq x6ikm8r …`) that change with every deploy: nothing here uses one. What
 * holds still: feed posts carry `aria-posinset`; the post's parts carry `data-ad-rendering-role` ("profile_name",
 * "story_message", "comment_button") and the older `data-ad-comet-preview="message"`; comments and replies are
 * `div[role="article"]` labelled "Comment by <name> …" / "Reply by <name> …"; comment texts sit in a
 * `span[lang][dir="auto"]`; composers are Lexical contenteditables (`div[role="textbox"]`) labelled "Write a
 * comment…" or "Reply to <name>". Labels are matched in English and French.
 *
 * Each entry lists its selectors best first and `lastSeen`, the month of the newest page where the first one was
 * checked (our hand-written tests/fixtures/facebook, after the live site's markup as automation scripts read it;
 * no saved page in ../shared yet). When Facebook changes its markup, update the selector, add a fixture and move
 * `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const FACEBOOK_SELECTORS = {
  /**
   * A post: a feed unit (aria-posinset), or the post of a permalink page or of the post dialog (labelled by its
   * header and described by its parts). Every one must also hold a profile name or a story message (in code).
   */
  post: {
    css: [
      "div[aria-posinset]",
      'div[aria-labelledby][aria-describedby]:not([role="article"])',
      '[data-pagelet^="FeedUnit"]',
    ],
    lastSeen: "2026-08",
  },
  /** A comment or a reply. */
  comment: { css: ['div[role="article"][aria-label]'], lastSeen: "2026-08" },
  /** The header block around the author's name (and "· Follow"). */
  profileName: {
    css: ['[data-ad-rendering-role="profile_name"]', "h2", "h3", "h4"],
    lastSeen: "2026-08",
  },
  /** The post's own text. */
  storyMessage: {
    css: [
      '[data-ad-rendering-role="story_message"]',
      '[data-ad-comet-preview="message"]',
      '[data-ad-preview="message"]',
    ],
    lastSeen: "2026-08",
  },
  /** A comment's text: a span with the language Facebook detected, around one div per paragraph. */
  commentBody: { css: ['span[lang][dir="auto"]', 'div[dir="auto"][style*="text-align"]'], lastSeen: "2026-08" },
  /** Every link: ids, authors and permalinks are read from their hrefs. */
  link: { css: ["a[href]"], lastSeen: "2026-08" },
  /** The post's Comment control. */
  commentButton: {
    css: [
      '[data-ad-rendering-role="comment_button"]',
      '[role="button"][aria-label="Leave a comment"]',
      '[role="button"][aria-label="Comment"]',
      '[role="button"][aria-label="Laissez un commentaire"]',
      '[role="button"][aria-label="Commenter"]',
    ],
    lastSeen: "2026-08",
  },
  /** Controls: "See more", Like, Reply, counts. */
  button: { css: ['[role="button"]'], lastSeen: "2026-08" },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /** Lexical's contenteditable, labelled "Write a comment…", "Comment as …" or "Reply to <name>". */
  editor: {
    css: [
      'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      'div[role="textbox"][contenteditable="true"]',
    ],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

/** A reply composer's aria-label names the person replied to: "Reply to Sam K", "Répondre à Sam K". */
export const REPLY_TO = /^(?:Reply to|Répondre à)\s+(.+?)\s*$/u;
/** The composer's submit control (a paper plane): its aria-label. */
export const SUBMIT_LABELS: ReadonlySet<string> = new Set([
  "Comment",
  "Reply",
  "Post",
  "Commenter",
  "Répondre",
  "Publier",
]);
/** A comment's Reply control: its whole text. */
export const REPLY_LABELS: ReadonlySet<string> = new Set(["Reply", "Répondre"]);
/** The label before the post's reactions total. */
export const ALL_REACTIONS = /^(?:All reactions|Toutes les réactions)\s*:?\s*$/u;
export const COMMENTS_COUNT = /^(\d[\d\s.,\u00a0\u202f]*[KkMm]?)\s+(?:comments?|commentaires?)$/u;
export const SHARES_COUNT = /^(\d[\d\s.,\u00a0\u202f]*[KkMm]?)\s+(?:shares?|partages?)$/u;
/** A comment's reactions: "3 reactions; see who reacted to this", "3 réactions ; voir qui a réagi". */
export const COMMENT_REACTIONS = /^(\d[\d\s.,\u00a0\u202f]*[KkMm]?)\s+(?:reactions?|réactions?)\b/u;
/** Ads are marked with one of these as the whole text of a node. */
export const PROMOTED_LABELS: ReadonlySet<string> = new Set(["Sponsored", "Sponsorisé", "Sponsorisée", "Publicité"]);

export const FACEBOOK_HOSTS: readonly string[] = ["www.facebook.com", "facebook.com", "web.facebook.com"];

/** First path segments that are Facebook pages, never a profile or a Page's vanity name. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  "ads",
  "bookmarks",
  "business",
  "checkpoint",
  "comment",
  "composer",
  "dialog",
  "events",
  "friends",
  "fundraisers",
  "gaming",
  "groups",
  "hashtag",
  "help",
  "home.php",
  "l.php",
  "latest",
  "legal",
  "live",
  "login",
  "login.php",
  "marketplace",
  "me",
  "media",
  "memories",
  "messages",
  "notifications",
  "pages",
  "people",
  "permalink.php",
  "photo",
  "photo.php",
  "plugins",
  "policies",
  "privacy",
  "profile.php",
  "recover",
  "reel",
  "reels",
  "saved",
  "search",
  "settings",
  "share",
  "sharer",
  "sharer.php",
  "stories",
  "story.php",
  "watch",
]);
