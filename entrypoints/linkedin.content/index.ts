/**
 * LinkedIn content script (www.linkedin.com): the shared content script (lib/content/run.ts) with the LinkedIn
 * adapter.
 */
import { runContentScript } from "@/lib/content/run";
import { linkedinSite } from "@/lib/sites/linkedin";
import { LINKEDIN_MATCHES } from "@/lib/sites/matches";

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  runAt: "document_idle",
  // The start is announced by a DOM event only, not to the page's `message` listeners (lib/content/run.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, linkedinSite),
});
