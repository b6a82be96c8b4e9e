/**
 * `npm start`: builds the extension and the demo page, then opens Chromium with the extension on the demo
 * timeline served as https://x.com/home (locally: the browser's requests to x.com never leave this machine).
 * `npm start -- --headless` writes screenshots to test-output/start/ instead of opening a window.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildDemo } from "./build-demo.mjs";
import { launch, OUTPUT_DIR } from "./chromium";
import { routeDemo } from "./demo-route";

const headless = process.argv.includes("--headless");
const lang = process.argv.includes("--fr") ? "fr" : "en";

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log("Building the extension…");
run("npx", ["wxt", "build"]);
console.log("Building the demo page…");
await buildDemo();

const { context, extensionId, close } = await launch({ headless });
await routeDemo(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto("https://x.com/home");
await page.waitForSelector('article[data-testid="tweet"]');

if (headless) {
  const dir = join(OUTPUT_DIR, "start");
  mkdirSync(dir, { recursive: true });
  await page.waitForSelector("[data-apaise-post-id]", { timeout: 15_000 });
  await page.screenshot({ path: join(dir, "timeline.png") });
  const tabId = await (context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"))).evaluate(
    async () => (await chrome.tabs.query({ url: "https://x.com/*" }))[0]?.id ?? -1,
  );
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId("queue-item").first().waitFor();
  await panel.screenshot({ path: join(dir, "sidepanel.png") });
  await panel.getByTestId("queue-item").first().click();
  await panel.getByTestId("suggestion").first().waitFor();
  await panel.screenshot({ path: join(dir, "sidepanel-detail.png"), fullPage: true });
  console.log(`Screenshots written to ${dir} (${lang})`);
  await close();
} else {
  console.log("Apaise is running in Chromium on the demo timeline (https://x.com/home, served locally).");
  console.log("Click a Complaint badge or the toolbar icon to open the side panel. Close the window to stop.");
  await new Promise<void>((resolve) => context.on("close", () => resolve()));
  await close();
}
