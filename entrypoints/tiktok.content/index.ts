/**
 * TikTok content script (www.tiktok.com: the comments under a video or a photo post): the shared content script
 * (lib/content/run.ts) with the TikTok adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { TIKTOK_MATCHES } from "@/lib/sites/matches";
import { tiktokSite } from "@/lib/sites/tiktok";

export default defineContentScript({
  matches: TIKTOK_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, tiktokSite),
});
