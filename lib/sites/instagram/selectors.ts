/**
 * Every selector the Instagram adapter relies on, as data. Instagram's web app (React, "Polaris") names almost
 * nothing: its class names are atomic CSS ("x1lliihq x193iq5w…") regenerated at every build, and comments carry
 * no data-* attribute or role. What stays put is what the page needs to work:
 *
 * - a comment's link to itself around its `<time datetime>`: `/p/<code>/c/<id>/` (a reply: `…/c/<parent>/r/<id>/`,
 *   a reel: `/reel/<code>/c/<id>/`);
 * - the author's profile link (`/<username>/`) around the avatar `<img alt="<username>'s profile picture">` and
 *   around the username;
 * - the comment box: a React-controlled `<textarea aria-label="Add a comment…">` in a `<form>`.
 *
 * A few longer-lived semantic class names (`_ap3a _aaco _aacu…` on the text span, `_aacw` bold on the username)
 * are used as the first choice where they help and never alone. Each entry lists its selectors best first and
 * `lastSeen`, the month they were last checked: our hand-written tests/fixtures/instagram (2026-08, written from
 * the desktop post and reel pages as scrapers and extensions describe them in 2025). When Instagram changes its
 * markup, update the selector, add a fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const INSTAGRAM_SELECTORS = {
  /** The `<time>` inside a comment's link to itself: one per comment, never on the post's caption. */
  commentTime: {
    css: ['a[href*="/c/"] > time[datetime]', 'a[href*="/c/"] time[datetime]', 'a[href*="/c/"] time'],
    lastSeen: "2026-08",
  },
  /** A profile link around an image: the comment's avatar (what bounds one comment's block). */
  avatar: {
    css: ['a[href^="/"] img[alt*="profile picture"]', 'a[href^="/"] img[alt*="photo de profil" i]', 'a[href^="/"] img'],
    lastSeen: "2026-08",
  },
  /** Links to a profile (`/<username>/`): the avatar's and the username's; mentions in the text are skipped. */
  profileLink: { css: ['a[role="link"][href^="/"]', 'a[href^="/"]'], lastSeen: "2026-08" },
  /** The comment's text: a `dir="auto"` span outside links and controls. */
  text: {
    css: ['span._ap3a._aaco._aacu._aacx._aad7._aade[dir="auto"]', "span._ap3a._aaco._aacu", 'span[dir="auto"]'],
    lastSeen: "2026-08",
    note: "the fallbacks skip spans inside links, buttons and the time (see extract.ts textOf)",
  },
  /** Controls of a comment: "12 likes", "Reply", "View replies (3)", "See translation". */
  control: { css: ['[role="button"]', "button"], lastSeen: "2026-08" },
  /** The post's caption, written by the brand itself: never a comment to answer. */
  caption: { css: ["h1._ap3a", "h1[dir='auto']", "h1"], lastSeen: "2026-08" },
  /** What else a comment block must not grow into while looking for its bounds (besides the caption). */
  outside: {
    css: ["form", "textarea", "header", "section", "main", "article", '[role="dialog"]'],
    lastSeen: "2026-08",
  },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /** The comment box under a post or reel; Reply fills it with "@username " and focuses it. */
  textarea: {
    css: [
      'form textarea[aria-label="Add a comment…"]',
      'form textarea[aria-label="Ajouter un commentaire…"]',
      'textarea[placeholder="Add a comment…"]',
      "form textarea",
    ],
    lastSeen: "2026-08",
  },
  /** The form's "Post" control: a `div[role="button"]` (earlier a `button[type="submit"]`). */
  submit: {
    css: ['form div[role="button"][tabindex="0"]', 'form button[type="submit"]', "form [role='button']"],
    lastSeen: "2026-08",
  },
  /** Where a comment box sits: the post's dialog, article or page. */
  postScope: { css: ['[role="dialog"]', "article", "main"], lastSeen: "2026-08" },
} as const satisfies Record<string, SelectorSpec>;

export type InstagramSelectorName = keyof typeof INSTAGRAM_SELECTORS;

/** Hosts the adapter runs on. */
export const INSTAGRAM_HOSTS: readonly string[] = ["www.instagram.com", "instagram.com"];

/** First path segments that are Instagram's own pages, never a username. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  "p",
  "reel",
  "reels",
  "tv",
  "explore",
  "stories",
  "accounts",
  "direct",
  "about",
  "legal",
  "privacy",
  "developer",
  "web",
  "emails",
  "challenge",
  "session",
  "oauth",
  "api",
  "graphql",
  "ajax",
  "static",
  "locations",
  "your_activity",
]);

/** The words of Instagram's controls, English and French UI (more languages: add them here). */
export const CONTROL_WORDS = {
  /** "Reply" under each comment. */
  reply: /^(?:reply|répondre)$/i,
  /** "12 likes", "1 like", "12 mentions J’aime". */
  likes: /\b(?:likes?|j[’']aime)\b/i,
  /** "View replies (3)", "View all 3 replies", "Afficher les réponses (3)". */
  replies: /\b(?:repl(?:y|ies)|réponses?)\b/i,
  /** "Post" in the comment form. */
  post: /^(?:post|publier)$/i,
} as const;
