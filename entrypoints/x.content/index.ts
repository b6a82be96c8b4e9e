/**
 * X content script: the shared content script (lib/content/run.ts) with the X adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { X_MATCHES } from "@/lib/sites/matches";
import { xSite } from "@/lib/sites/x/site";

export default defineContentScript({
  matches: X_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, xSite),
});
