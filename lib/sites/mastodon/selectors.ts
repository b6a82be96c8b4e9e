/**
 * Every selector the Mastodon adapter relies on, as data. Mastodon's web UI (a React app, the same on every
 * instance unless an admin changed the theme) names its parts with stable BEM class names from its source
 * (app/javascript/mastodon/components/status/legacy/status.jsx, action_bar, features/status/components/
 * detailed_status.tsx, features/compose). Each entry lists its selectors best first and `lastSeen`, the month of
 * the newest page where the first one was checked: the reconstructed page in ../shared/fixtures/mastodon
 * (2026-04, Mastodon 4.2 class names) and our hand-written tests/fixtures/mastodon (2026-08, from the 4.4 source).
 * When Mastodon changes its markup, update the selector, add a fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const MASTODON_SELECTORS = {
  /** A status in a timeline or thread; quoted statuses are nested `.status--is-quote` inside their quoting one. */
  status: { css: [".status[data-id]", "article[data-id] .status", ".status"], lastSeen: "2026-08" },
  /** The focal status of a thread page: no data-id, its id is in the date link. */
  detailed: { css: [".detailed-status"], lastSeen: "2026-08" },
  /** The header link around the avatar and name; its href is the author's local profile path. */
  displayNameLink: {
    css: ["a.status__display-name", "a.detailed-status__display-name", '.status__info a[href^="/@"]'],
    lastSeen: "2026-08",
  },
  /** "@user" (local) or "@user@server" (remote). */
  account: { css: [".display-name__account"], lastSeen: "2026-08" },
  displayName: { css: [".display-name__html", ".display-name bdi", ".display-name strong"], lastSeen: "2026-08" },
  /** The status's own link to itself with its time (timeline) or its date (detailed status). */
  permalink: {
    css: ["a.status__relative-time", "a.detailed-status__datetime", ".status__info a[href*='/@']"],
    lastSeen: "2026-08",
  },
  time: { css: ["time[datetime]"], lastSeen: "2026-08" },
  content: { css: [".status__content__text", ".status__content .e-content", ".status__content"], lastSeen: "2026-08" },
  /** The content warning shown instead of (or above) the text. */
  spoiler: {
    css: [".content-warning:not(.content-warning--filter) > p", ".status__content__spoiler-text", ".spoiler-text"],
    lastSeen: "2026-08",
  },
  actionBar: { css: [".status__action-bar", ".detailed-status__action-bar"], lastSeen: "2026-08" },
  /** Reply, boost, favourite…: the reply button is the first one of the bar. */
  actionButton: {
    css: ["button.status__action-bar__button", ".detailed-status__button button", ".status__action-bar button"],
    lastSeen: "2026-08",
  },
  counter: { css: [".icon-button__counter"], lastSeen: "2026-08" },
  detailedReblogs: { css: [".detailed-status__reblogs"], lastSeen: "2026-08" },
  detailedFavourites: { css: [".detailed-status__favorites", ".detailed-status__favourites"], lastSeen: "2026-08" },
  /** Where the badge goes: the status header (name, handle, time). */
  header: { css: [".status__info", ".detailed-status__display-name"], lastSeen: "2026-08" },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  composeForm: { css: ["form.compose-form", ".compose-form"], lastSeen: "2026-08" },
  /** A React-controlled <textarea> (react-textarea-autosize). */
  composeTextarea: {
    css: ["textarea.autosuggest-textarea__textarea", ".compose-form textarea", 'textarea[name="status"]'],
    lastSeen: "2026-08",
  },
  /** Shown in the compose form while it replies to a status. */
  replyIndicator: { css: [".reply-indicator"], lastSeen: "2026-08" },
  replyIndicatorContent: { css: [".reply-indicator__content"], lastSeen: "2026-08" },
  composeSubmit: {
    css: [
      ".compose-form__submit button[type='submit']",
      ".compose-form button[type='submit']",
      ".compose-form__submit button",
      ".compose-form__publish button",
    ],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

/** Post ids are Snowflake-like: milliseconds since 1970 shifted left 16 bits (lib/mastodon/snowflake.rb). */
export const SNOWFLAKE_SHIFT = 2 ** 16;
