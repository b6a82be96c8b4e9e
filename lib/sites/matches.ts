/**
 * The pages Apaise runs on: its host permissions and content-script matches. Never <all_urls>. Mastodon runs on
 * any instance, so it has no fixed matches: the agent grants each instance in options (an optional host
 * permission) and the background registers the content script for it (lib/content/registration.ts).
 */
export const X_MATCHES = ["https://x.com/*", "https://twitter.com/*", "https://mobile.x.com/*"];
export const REDDIT_MATCHES = ["https://www.reddit.com/*", "https://old.reddit.com/*", "https://reddit.com/*"];
export const BLUESKY_MATCHES = ["https://bsky.app/*"];
export const INSTAGRAM_MATCHES = ["https://www.instagram.com/*"];
export const YOUTUBE_MATCHES = ["https://www.youtube.com/*"];
export const TIKTOK_MATCHES = ["https://www.tiktok.com/*"];
/** threads.net redirects to threads.com since 2025; both are kept for links and old bookmarks. */
export const THREADS_MATCHES = [
  "https://www.threads.com/*",
  "https://threads.com/*",
  "https://www.threads.net/*",
  "https://threads.net/*",
];
export const LINKEDIN_MATCHES = ["https://www.linkedin.com/*"];
export const FACEBOOK_MATCHES = ["https://www.facebook.com/*"];
export const SITE_MATCHES = [
  ...X_MATCHES,
  ...REDDIT_MATCHES,
  ...BLUESKY_MATCHES,
  ...INSTAGRAM_MATCHES,
  ...YOUTUBE_MATCHES,
  ...TIKTOK_MATCHES,
  ...THREADS_MATCHES,
  ...LINKEDIN_MATCHES,
  ...FACEBOOK_MATCHES,
];
