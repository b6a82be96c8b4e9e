/** The pages Apaise runs on: its host permissions and content-script matches. Never <all_urls>. */
export const X_MATCHES = ["https://x.com/*", "https://twitter.com/*", "https://mobile.x.com/*"];
export const SITE_MATCHES = [...X_MATCHES];
