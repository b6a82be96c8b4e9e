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
  main: (ctx) => runContentScript(ctx, threadsSite),
});
