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
  main: (ctx) => runContentScript(ctx, instagramSite),
});
