/**
 * Instagram content script (www.instagram.com: the comments under a post or a reel): the shared content script
 * (lib/content/run.ts) with the Instagram adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { instagramSite } from "@/lib/sites/instagram";
import { INSTAGRAM_MATCHES } from "@/lib/sites/matches";

export default defineContentScript({
  matches: INSTAGRAM_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, instagramSite),
});
