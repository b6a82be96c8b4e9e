/**
 * Reddit content script (new Reddit on www.reddit.com, old Reddit on old.reddit.com): the shared content script
 * (lib/content/run.ts) with the Reddit adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { REDDIT_MATCHES } from "@/lib/sites/matches";
import { redditSite } from "@/lib/sites/reddit";

export default defineContentScript({
  matches: REDDIT_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, redditSite),
});
