/**
 * Mastodon content script, for any instance: not in the manifest (no fixed matches, never <all_urls>). The
 * background registers it at run time for the instances the agent granted in options
 * (lib/content/registration.ts), hence `registration: "runtime"`.
 */
import { runContentScript } from "@/lib/content/run";
import { mastodonSite } from "@/lib/sites/mastodon";

export default defineContentScript({
  registration: "runtime",
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, mastodonSite),
});
