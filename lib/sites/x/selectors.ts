/**
 * Every selector and page label the X adapter relies on, as data.
 *
 * X ships generated class names (`css-175oi2r r-…`) that change with every deploy, so nothing here uses a class:
 * only `data-testid`, `role`, `aria-*` and plain tags. Each entry lists its CSS selectors best first (the first
 * one that finds something wins) and `lastSeen`, the month of the newest saved X page in which the first selector
 * was checked (see /shared/fixtures/x/SOURCE.md and tests/fixtures/x/). When X changes its markup, update the
 * selector, add the new capture as a fixture and move `lastSeen`.
 */

export interface SelectorSpec {
  /** CSS selectors, best first; later ones are fallbacks for older or newer markup. */
  readonly css: readonly [string, ...string[]];
  /** "YYYY-MM" of the newest saved page where the first selector was seen working. */
  readonly lastSeen: string;
  readonly note?: string;
}

export const X_SELECTORS = {
  /** One post in any timeline (home, profile, status, search, notifications). */
  post: {
    css: ['article[data-testid="tweet"]', 'article[role="article"]'],
    lastSeen: "2026-02",
  },
  /** Display name, @handle and (outside quotes) the permalink with the time. */
  userName: {
    css: ['[data-testid="User-Name"]', '[data-testid="User-Names"]'],
    lastSeen: "2026-02",
  },
  /** The avatar wrapper's test id ends with the handle: last resort for the author. */
  avatar: {
    css: [
      '[data-testid="Tweet-User-Avatar"] [data-testid^="UserAvatar-Container-"]',
      '[data-testid^="UserAvatar-Container-"]',
    ],
    lastSeen: "2026-02",
  },
  /** The text of an ordinary post. */
  tweetText: {
    css: ['[data-testid="tweetText"]', 'div[lang][dir="auto"]'],
    lastSeen: "2025-11",
  },
  /** X "Article" (long-form) posts: no tweetText, the body is a read-only Draft.js view. */
  articleBody: {
    css: ['[data-testid="twitterArticleRichTextView"]', '[data-testid="longformRichTextComponent"]'],
    lastSeen: "2026-02",
  },
  articleTitle: {
    css: ['[data-testid="twitter-article-title"]', '[data-testid="twitterArticleReadView"] h1'],
    lastSeen: "2026-02",
  },
  /** One paragraph, heading, list item or code block of an Article body. */
  articleBlock: {
    css: ['[data-block="true"]', "p, h1, h2, h3, h4, li, pre"],
    lastSeen: "2026-02",
  },
  /** The post time; the link around it is the permalink. */
  time: {
    css: ["time[datetime]", "time"],
    lastSeen: "2026-02",
  },
  statusLink: {
    css: ['a[href*="/status/"]', 'a[href*="/statuses/"]'],
    lastSeen: "2026-02",
  },
  /**
   * A quoted post: a clickable block, not a link, holding a second User-Name and tweetText. Which `role="link"`
   * blocks are quotes is decided in code (must hold a User-Name or tweetText): verified badges are `role="link"` too.
   */
  quotedBlock: {
    css: ['div[role="link"]', '[data-testid="quoteTweet"]'],
    lastSeen: "2026-02",
  },
  /** The action bar; its aria-label spells out every non-zero count. */
  actionGroup: {
    css: ['[role="group"][aria-label]', '[role="group"]'],
    lastSeen: "2026-02",
  },
  replyButton: {
    css: ['[data-testid="reply"]', 'button[aria-label$="Reply"]', 'button[aria-label$="Répondre"]'],
    lastSeen: "2026-02",
  },
  /** `unretweet` / `unlike` replace `retweet` / `like` once the signed-in agent has reposted / liked. */
  repostButton: {
    css: ['[data-testid="retweet"]', '[data-testid="unretweet"]'],
    lastSeen: "2026-02",
  },
  likeButton: {
    css: ['[data-testid="like"]', '[data-testid="unlike"]'],
    lastSeen: "2026-02",
  },
  viewsLink: {
    css: ['a[href$="/analytics"]', '[data-testid="analyticsButton"]'],
    lastSeen: "2026-02",
  },
  /** The visible (abbreviated) count inside an action button; the previous value may sit beside it mid-animation. */
  countText: {
    css: ['[data-testid="app-text-transition-container"]', '[dir="ltr"] span'],
    lastSeen: "2026-02",
  },
  /**
   * Ads are wrapped in this. It ALSO wraps ordinary video players inside posts (seen 2025-10 and 2025-11), so only
   * an ancestor of the article counts as a promoted signal.
   */
  placementTracking: {
    css: ['[data-testid="placementTracking"]', '[data-testid^="placementTracking"]'],
    lastSeen: "2025-11",
  },
  /** Containers whose text is never the post's own: link cards. */
  card: {
    css: ['[data-testid="card.wrapper"]', '[data-testid^="card."]'],
    lastSeen: "2025-11",
  },
  /** The inline reply composer on a status page (and the home composer). Not a post, never read by the extractor. */
  replyComposer: {
    css: ['[data-testid="tweetTextarea_0"]', 'div[role="textbox"][contenteditable="true"]'],
    lastSeen: "2026-02",
  },
} as const satisfies Record<string, SelectorSpec>;

export type SelectorName = keyof typeof X_SELECTORS;

/**
 * The label X puts on an ad, as the whole text of one node. "Ad" since 2024, "Promoted" before; French UI:
 * "Sponsorisé", "Publicité". Last seen 2026-02 (not present in the saved pages: from the live site's UI strings).
 */
export const PROMOTED_LABELS: ReadonlySet<string> = new Set([
  "Ad",
  "Promoted",
  "Sponsored",
  "Sponsorisé",
  "Sponsorisée",
  "Publicité",
  "Promu",
  "Promoted by X",
]);

/**
 * Words that follow a number in the action bar's aria-label ("3 replies, 1 repost, 22 likes, 1 bookmark,
 * 1178 views"; French UI "3 réponses, 1 repost, 22 J'aime, 1 signet, 1 178 vues"). Matched on the lower-cased
 * word(s) after the number, apostrophes normalised to "'". Bookmarks and quotes are read but not kept.
 * lastSeen 2026-02 for English (saved pages); French from X's French UI strings.
 */
export const METRIC_WORDS = {
  replies: /^(?:repl(?:y|ies)|r[ée]ponses?)\b/u,
  reposts: /^(?:reposts?|retweets?|republications?|partages?)\b/u,
  likes: /^(?:likes?|(?:mentions? )?j'aime)\b/u,
  views: /^(?:views?|vues?|affichages?|impressions?)\b/u,
} as const;

/** First path segments that are X pages, never a user handle. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  "home",
  "explore",
  "notifications",
  "messages",
  "search",
  "settings",
  "i",
  "compose",
  "login",
  "logout",
  "signup",
  "hashtag",
  "intent",
  "share",
  "tos",
  "privacy",
  "account",
  "download",
  "jobs",
  "about",
  "premium",
  "verified-choose",
  "bookmarks",
  "lists",
  "topics",
  "communities",
]);

/** Hosts the adapter runs on. */
export const X_HOSTS: readonly string[] = [
  "x.com",
  "www.x.com",
  "mobile.x.com",
  "twitter.com",
  "www.twitter.com",
  "mobile.twitter.com",
];
