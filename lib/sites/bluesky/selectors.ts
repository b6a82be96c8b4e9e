/**
 * Every selector the Bluesky adapter relies on, as data. bsky.app is React Native for Web: its class names
 * (`css-175oi2r r-…`) are generated and change freely, so nothing here uses a class. What is stable is the app's
 * own `testID`s, which React Native for Web renders as `data-testid` (src/view/com/posts/PostFeedItem.tsx,
 * src/screens/PostThread/components/ThreadItem*.tsx, src/components/PostControls/*), its accessibility labels
 * (`aria-label`) and its links (`/profile/<handle>/post/<rkey>`). The composer is a TipTap (ProseMirror) editor
 * in a modal (src/view/com/composer/Composer.tsx).
 *
 * Each entry lists its selectors best first and `lastSeen`, the month of the app's source and of our
 * hand-written tests/fixtures/bluesky where the first one was checked. When Bluesky changes its markup, update
 * the selector, add a fixture and move `lastSeen`.
 */
import type { SelectorSpec } from "../dom";

export const BLUESKY_SELECTORS = {
  /** A post in a feed (home, profile, custom feed, search), a reply in a notification. */
  feedItem: { css: ['[data-testid^="feedItem-by-"]'], lastSeen: "2026-08" },
  /** A post of a thread page: the anchor (the page's own post), its parents and its replies. */
  threadItem: { css: ['[data-testid^="postThreadItem-by-"]'], lastSeen: "2026-08" },
  /**
   * The post's text in a feed item. Thread items (the anchor and the replies) render their RichText without a test
   * id: there the text is the first plain text block after the author's header (see extract.ts).
   */
  postText: { css: ['[data-testid="postText"]'], lastSeen: "2026-08" },
  /** A React Native for Web `Text`: the text blocks of thread items are read among these. */
  textBlock: { css: ['div[dir="auto"]'], lastSeen: "2026-08" },
  /** Links to a post: the time link of a feed item or reply (`/profile/<actor>/post/<rkey>`). */
  postLink: { css: ['a[href*="/post/"]'], lastSeen: "2026-08" },
  /** Links to a profile: avatar, display name, handle. */
  profileLink: { css: ['a[href^="/profile/"]', 'a[href^="https://bsky.app/profile/"]'], lastSeen: "2026-08" },
  /**
   * A quoted post: a pressable block of its own inside the post (QuoteEmbed, labelled "Post by <handle>"). Code
   * also treats any nested `role="link"` block holding a link to another post as one.
   */
  quote: { css: ['[aria-label^="Post by "]', '[data-testid="quoteEmbed"]'], lastSeen: "2026-08" },
  replyButton: { css: ['button[data-testid="replyBtn"]', '[data-testid="replyBtn"]'], lastSeen: "2026-08" },
  /** "Like (22 likes)" / "Unlike (…)": the count is in the label even when the button shows none. */
  likeButton: { css: ['[data-testid="likeBtn"]'], lastSeen: "2026-08" },
  likeCount: { css: ['[data-testid="likeCount"]'], lastSeen: "2026-08" },
  /** Reposts and quotes together, as the post's controls show them. */
  repostCount: { css: ['[data-testid="repostCount"]'], lastSeen: "2026-08" },
  /** The anchor's counts line: "12 reposts", "3 quotes", "34 likes". */
  repostCountExpanded: { css: ['[data-testid="repostCount-expanded"]'], lastSeen: "2026-08" },
  quoteCountExpanded: { css: ['[data-testid="quoteCount-expanded"]'], lastSeen: "2026-08" },
  likeCountExpanded: { css: ['[data-testid="likeCount-expanded"]'], lastSeen: "2026-08" },

  // ── composer ──────────────────────────────────────────────────────────────────────────────────────────────
  /** The composer modal; it shows the post it replies to above the editor. */
  composer: {
    css: ['[data-testid="composePostView"]', '[role="dialog"][aria-modal="true"]', '[aria-modal="true"]'],
    lastSeen: "2026-08",
  },
  /** TipTap's ProseMirror editor (a contenteditable `div.tiptap.ProseMirror`). */
  composerEditor: {
    css: [
      '.ProseMirror[contenteditable="true"]',
      '.tiptap[contenteditable="true"]',
      '[contenteditable="true"][role="textbox"]',
    ],
    lastSeen: "2026-08",
  },
  /** "Reply" / "Post" (aria-label "Publish reply"). */
  composerSubmit: {
    css: [
      '[data-testid="composerPublishBtn"]',
      'button[aria-label="Publish reply"]',
      'button[aria-label="Publish post"]',
    ],
    lastSeen: "2026-08",
  },
} as const satisfies Record<string, SelectorSpec>;

export const BLUESKY_HOSTS: readonly string[] = ["bsky.app"];
