/**
 * Every selector the LinkedIn adapter relies on, as data. LinkedIn's web app (Ember, "artdeco" design system)
 * names its parts with long-lived BEM class names (`feed-shared-update-v2`, `update-components-actor__title`,
 * `comments-comment-entity`) and carries URNs in `data-urn` / `data-id` (`urn:li:activity:<id>`,
 * `urn:li:comment:(activity:<post>,<comment>)`). Its comment boxes are Quill editors (`.ql-editor`).
 *
 * LinkedIn has been moving parts of the feed to a new renderer (`componentkey`, `data-testid="expandable-text-box"`);
 * those appear here as fallbacks only. Each entry lists its selectors best first and `lastSeen`, the month of the
 * newest page where the first one was checked (our hand-written tests/fixtures/linkedin, after the live site's
 * markup as automation scripts read it; no saved page in ../shared yet). When LinkedIn changes its markup, update
 * the selector, add a fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const LINKEDIN_SELECTORS = {
  /** A post ("update"): the card itself carries its URN in data-urn; its wrapper repeats it in data-id. */
  post: {
    css: [
      'div.feed-shared-update-v2[data-urn^="urn:li:"]',
      'div[data-urn^="urn:li:activity:"], div[data-urn^="urn:li:ugcPost:"], div[data-urn^="urn:li:share:"]',
      'div[data-id^="urn:li:activity:"]',
    ],
    lastSeen: "2026-08",
  },
  /** A comment or a reply (replies are nested inside their top-level comment's article). */
  comment: {
    css: [
      'article.comments-comment-entity[data-id^="urn:li:comment:"]',
      'article.comments-comment-item[data-id^="urn:li:comment:"]',
      '[data-id^="urn:li:comment:"]',
    ],
    lastSeen: "2026-08",
  },
  /** The post author's link (to /in/<slug> or /company/<slug>), around their name. */
  actorLink: {
    css: [
      "a.update-components-actor__meta-link",
      "a.update-components-actor__image",
      '.update-components-actor__container a[href*="/in/"], .update-components-actor__container a[href*="/company/"]',
    ],
    lastSeen: "2026-08",
  },
  /** The name, shown twice: for sight (aria-hidden) and for screen readers (visually-hidden). */
  actorName: {
    css: [
      '.update-components-actor__title span[dir="ltr"] > span[aria-hidden="true"]',
      '.update-components-actor__title span[aria-hidden="true"]',
      ".update-components-actor__title",
      ".update-components-actor__name",
    ],
    lastSeen: "2026-08",
  },
  /** "2h • Edited • 🌐", or "Promoted" on ads. */
  actorSubDescription: { css: [".update-components-actor__sub-description"], lastSeen: "2026-08" },
  /** The post's own text (not a reshared post's, which sits in a mini update inside). */
  commentary: {
    css: [
      ".update-components-update-v2__commentary",
      ".feed-shared-update-v2__description .update-components-text",
      ".feed-shared-inline-show-more-text",
      '[data-testid="expandable-text-box"]',
    ],
    lastSeen: "2026-08",
  },
  /** A reshared post shown inside the post: never the post's own text. */
  resharedUpdate: {
    css: [".update-components-mini-update-v2", ".feed-shared-update-v2__update-content-wrapper"],
    lastSeen: "2026-08",
  },
  reactionsCount: {
    css: [
      ".social-details-social-counts__reactions-count",
      // "Sam K and 56 others": no number in sight, the button's aria-label ("57 reactions") has it.
      ".social-details-social-counts__reactions button",
      ".social-details-social-counts__social-proof-fallback-number",
    ],
    lastSeen: "2026-08",
  },
  /** "14 comments" (its button's aria-label: "14 comments on Claire Dumont’s post"). */
  commentsCount: {
    css: [".social-details-social-counts__comments button", ".social-details-social-counts__comments"],
    lastSeen: "2026-08",
  },
  /** "3 reposts". */
  repostsCount: {
    css: [
      '.social-details-social-counts__item--right-aligned button[aria-label*="repost" i]',
      'button[aria-label*="repost" i][aria-label*="of" i]',
      'button[aria-label*="republication" i]',
    ],
    lastSeen: "2026-08",
  },
  /** The post's Comment control, which opens (or focuses) its comment box. */
  commentButton: {
    css: ["button.comment-button", 'button[aria-label="Comment"]', 'button[aria-label="Commenter"]'],
    lastSeen: "2026-08",
  },

  // ── comments ──────────────────────────────────────────────────────────────────────────────────────────────
  commentAuthorLink: {
    css: [
      "a.comments-comment-meta__description-container",
      "a.comments-comment-meta__image-link",
      "a.comments-post-meta__actor-link",
    ],
    lastSeen: "2026-08",
  },
  commentAuthorName: {
    css: [
      ".comments-comment-meta__description-title",
      ".comments-post-meta__name-text",
      '.comments-comment-meta__description span[aria-hidden="true"]',
    ],
    lastSeen: "2026-08",
  },
  commentBody: {
    css: [
      ".comments-comment-item__main-content",
      ".comments-comment-item-content-body",
      '[data-testid="expandable-text-box"]',
    ],
    lastSeen: "2026-08",
  },
  commentTime: { css: ["time.comments-comment-meta__data", ".comments-comment-meta__info time"], lastSeen: "2026-08" },
  /** "3 Reactions on Sam K’s comment". */
  commentReactions: {
    css: [
      "button.comments-comment-social-bar__reactions-count--cr",
      "button.comments-comment-social-bar__reactions-count",
      'button[aria-label*="Reactions on" i]',
    ],
    lastSeen: "2026-08",
  },
  /** "2 replies". */
  commentReplies: {
    css: [".comments-comment-social-bar__replies-count--cr", ".comments-comment-social-bar__replies-count"],
    lastSeen: "2026-08",
  },
  commentReplyButton: {
    css: [
      "button.comments-comment-social-bar__reply-action-button--cr",
      "button.comments-comment-social-bar__reply-action-button",
      'button[aria-label^="Reply to" i]',
      'button[aria-label^="Répondre" i]',
    ],
    lastSeen: "2026-08",
  },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /** A comment box: the post's own, or a reply box under a comment (`--reply`). */
  commentBox: { css: [".comments-comment-box", ".comments-comment-texteditor"], lastSeen: "2026-08" },
  replyBox: { css: [".comments-comment-box--reply"], lastSeen: "2026-08" },
  /** Quill's editor. */
  editor: {
    css: ['.ql-editor[contenteditable="true"]', '[contenteditable="true"][role="textbox"]'],
    lastSeen: "2026-08",
  },
  /** The mention LinkedIn puts at the start of a reply (Quill mention blot). */
  mention: { css: [".ql-mention", "a[data-entity-hovercard-id]", "[data-entity-urn]"], lastSeen: "2026-08" },
  submit: {
    css: [
      "button.comments-comment-box__submit-button--cr",
      "button.comments-comment-box__submit-button",
      'form.comments-comment-box__form button[type="submit"]',
    ],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

/** Labels that mark an ad in the actor's sub-description (English and French UI). */
export const PROMOTED_LABELS: ReadonlySet<string> = new Set(["Promoted", "Sponsored", "Sponsorisé", "Sponsorisée"]);

export const LINKEDIN_HOSTS: readonly string[] = ["www.linkedin.com", "linkedin.com"];
