/**
 * Bluesky content script (bsky.app): the shared content script (lib/content/run.ts) with the Bluesky adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { blueskySite } from "@/lib/sites/bluesky";
import { BLUESKY_MATCHES } from "@/lib/sites/matches";

export default defineContentScript({
  matches: BLUESKY_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, blueskySite),
});
