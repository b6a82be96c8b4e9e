/**
 * Every selector the Reddit adapter relies on, as data. Two sites share reddit.com:
 *
 * - new Reddit ("shreddit", www.reddit.com): web components whose attributes carry the data (`shreddit-post`,
 *   `shreddit-comment`), bodies in named slots, composers (`shreddit-composer`, `faceplate-textarea-input`)
 *   inside custom elements, some of them in shadow roots;
 * - old Reddit (old.reddit.com): `.thing` blocks with `data-*` attributes and plain `<form>`/`<textarea>`.
 *
 * Class names on new Reddit are utility classes (Tailwind) that change freely: nothing here uses them. Each
 * entry lists its selectors best first and `lastSeen`, the month of the newest saved page where the first one was
 * checked (../shared/fixtures/reddit, 2026-08, and the hand-written tests/fixtures/reddit). When Reddit changes
 * its markup, update the selector, add the new capture as a fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const REDDIT_SELECTORS = {
  // ── new Reddit ────────────────────────────────────────────────────────────────────────────────────────────
  /** A post (feed card or the post of a comments page). Ads are `shreddit-ad-post`: not read. */
  post: { css: ["shreddit-post"], lastSeen: "2026-08" },
  /** A comment; replies are nested inside their parent's element. */
  comment: { css: ["shreddit-comment"], lastSeen: "2026-08" },
  /** The post's title (the `post-title` attribute is read first). */
  postTitle: { css: ['[slot="title"]', 'h1[id^="post-title-"]', 'a[id^="post-title-"]'], lastSeen: "2026-08" },
  /** A text post's body; `{id}` is the post's fullname (t3_…). */
  postBody: {
    css: ['[id="{id}-post-rtjson-content"]', 'shreddit-post-text-body[slot="text-body"]', '[slot="text-body"]'],
    lastSeen: "2026-08",
  },
  /** A comment's body; `{id}` is the comment's fullname (t1_…). */
  commentBody: { css: ['[id="{id}-comment-rtjson-content"]', '[slot="comment"]'], lastSeen: "2026-08" },
  /** The comment's own action row (its Reply button is in the `comment-reply` slot). */
  commentActionRow: {
    css: ['shreddit-comment-action-row[comment-id="{id}"]', "shreddit-comment-action-row"],
    lastSeen: "2026-08",
  },
  commentReplyButton: {
    css: [
      '[slot="comment-reply"] button',
      'faceplate-tracker[noun="reply_comment"] button',
      'button[aria-label^="Reply"]',
    ],
    lastSeen: "2026-08",
    note: "server-rendered for the first comments only; the rest get their action row when hydrated",
  },
  /** The "Join the conversation" box that opens the composer replying to the post. */
  postComposerTrigger: {
    css: [
      'comment-composer-host faceplate-textarea-input[data-testid="trigger-button"]',
      'comment-composer-host button[data-testid="trigger-button"]',
      'faceplate-textarea-input[placeholder="Join the conversation"]',
      "comment-composer-host faceplate-textarea-input",
    ],
    lastSeen: "2026-08",
  },
  /**
   * The opened composer: `comment-composer-host > faceplate-form > shreddit-composer`, whose rich-text editor is a
   * Lexical contenteditable slotted into it (`div[slot="rte"][contenteditable]`). Not in the saved pages (signed
   * out): from Reddit's markup as automation scripts target it, and our hand-written fixture.
   */
  composer: { css: ["shreddit-composer", "comment-composer-host"], lastSeen: "2026-08" },
  composerEditor: {
    css: [
      'div[slot="rte"][contenteditable="true"]',
      'div[role="textbox"][contenteditable="true"]',
      '[contenteditable="true"]',
      'textarea[name="body"]',
      "textarea",
    ],
    lastSeen: "2026-08",
  },
  composerSubmit: {
    css: ['button[slot="submit-button"]', 'button[type="submit"]', 'faceplate-button[type="submit"]'],
    lastSeen: "2026-08",
  },

  // ── old Reddit ────────────────────────────────────────────────────────────────────────────────────────────
  /** A post or comment block ("load more comments" stubs are `.thing.morechildren`, without an author). */
  thing: {
    css: [
      '.thing[data-fullname][data-type="link"], .thing[data-fullname][data-type="comment"]',
      ".thing[data-fullname]",
    ],
    lastSeen: "2026-08",
  },
  oldTitle: { css: ["a.title", "p.title > a"], lastSeen: "2026-08" },
  oldBody: { css: [".usertext-body .md", ".usertext-body"], lastSeen: "2026-08" },
  oldTime: { css: [".tagline time[datetime]", "time[datetime]"], lastSeen: "2026-08" },
  /** Comment scores show three spans (dislikes/unvoted/likes): the unvoted one is the count others see. */
  oldScore: { css: [".score.unvoted[title]", ".score.unvoted", ".score[title]"], lastSeen: "2026-08" },
  oldChildren: { css: [".tagline .numchildren", ".numchildren"], lastSeen: "2026-08" },
  oldReplyButton: {
    css: [".flat-list .reply-button a", 'a[data-event-action="comment"]', 'a[onclick^="return reply"]'],
    lastSeen: "2026-08",
  },
  /** The reply/comment form: `form.usertext` whose hidden `thing_id` names the parent. */
  oldForm: { css: ["form.usertext"], lastSeen: "2026-08" },
  oldTextarea: { css: ['textarea[name="text"]', "textarea"], lastSeen: "2026-08" },
  oldSubmit: {
    css: ['.usertext-buttons button[type="submit"]', "button.save", 'button[type="submit"]'],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

export type RedditSelectorName = keyof typeof REDDIT_SELECTORS;

/** Hosts the adapter runs on. */
export const REDDIT_HOSTS: readonly string[] = [
  "reddit.com",
  "www.reddit.com",
  "old.reddit.com",
  "new.reddit.com",
  "np.reddit.com",
  "sh.reddit.com",
];

/** Authors that are no author: deleted and removed accounts. */
export const NO_AUTHOR: ReadonlySet<string> = new Set(["[deleted]", "[removed]", "deleted", ""]);
