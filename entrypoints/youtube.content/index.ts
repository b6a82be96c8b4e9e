/**
 * YouTube content script (www.youtube.com: the comments under a video, a Short or a community post): the shared
 * content script (lib/content/run.ts) with the YouTube adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { YOUTUBE_MATCHES } from "@/lib/sites/matches";
import { youtubeSite } from "@/lib/sites/youtube";

export default defineContentScript({
  matches: YOUTUBE_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, youtubeSite),
});
