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
  main: (ctx) => runContentScript(ctx, redditSite),
});
