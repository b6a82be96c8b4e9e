/**
 * Serves the built demo page (demo/dist) as https://x.com/* inside a Playwright browser context: the content
 * script, whose matches are x.com's, runs on it exactly as on the real site, and nothing goes to the network.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { DEMO_DIST, demoResponse } from "./build-demo.mjs";

export async function routeDemo(context: BrowserContext, hosts = ["https://x.com/**", "https://twitter.com/**"]) {
  if (!existsSync(join(DEMO_DIST, "index.html"))) {
    throw new Error(`No demo build in ${DEMO_DIST}: run \`node scripts/build-demo.mjs\` first`);
  }
  for (const pattern of hosts) {
    await context.route(pattern, (route) => {
      const { body, contentType, status } = demoResponse(new URL(route.request().url()).pathname);
      return route.fulfill({ status, contentType, body });
    });
  }
}
