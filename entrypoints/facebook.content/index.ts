/**
 * Facebook content script (www.facebook.com): the shared content script (lib/content/run.ts) with the Facebook
 * adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { facebookSite } from "@/lib/sites/facebook";
import { FACEBOOK_MATCHES } from "@/lib/sites/matches";

export default defineContentScript({
  matches: FACEBOOK_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, facebookSite),
});
