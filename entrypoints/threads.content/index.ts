/**
 * Threads content script (threads.com, threads.net): the shared content script (lib/content/run.ts) with the
 * Threads adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { THREADS_MATCHES } from "@/lib/sites/matches";
import { threadsSite } from "@/lib/sites/threads";

export default defineContentScript({
  matches: THREADS_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, threadsSite),
});
