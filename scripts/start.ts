/**
 * `npm start`: builds the extension and the demo page, starts the reference team endpoint on its embedded database
 * (PGlite in .apaise-server/, or PostgreSQL when DATABASE_URL is set) with a demo team, then opens Chromium with
 * the extension connected to it as the demo agent Julie, on the demo timeline served as https://x.com/home
 * (locally: the browser's requests to x.com never leave this machine).
 * `npm start -- --headless` writes screenshots to test-output/start/ instead of opening a window.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ensureDemoTeam } from "../server/admin";
import { openDb } from "../server/db";
import { startServer } from "../server/main";
import { migrate } from "../server/migrations";
import { buildDemo } from "./build-demo.mjs";
import { launch, OUTPUT_DIR, ROOT } from "./chromium";
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

console.log("Starting the team endpoint…");
const db = await openDb(process.env.DATABASE_URL ? {} : { dataDir: join(ROOT, ".apaise-server") });
await migrate(db);
const demo = await ensureDemoTeam(db);
const server = await startServer({ db, port: Number(process.env.PORT ?? 8787) }).catch(() => startServer({ db }));
const julie = demo.agents.find((a) => a.name === "Julie") ?? demo.agents[0];
console.log(`Team endpoint: ${server.url} (demo team; tokens are fresh each start)`);
console.log(`  manager  Camille  ${demo.manager.token}`);
for (const a of demo.agents) console.log(`  agent    ${a.name.padEnd(8)} ${a.token}`);

const { context, extensionId, close: closeBrowser } = await launch({ headless });
const close = async () => {
  await closeBrowser();
  await server.close();
  await db.close();
};
await routeDemo(context);

// The agent's first settings, typed in the options page as a user would: name, signature, brand, team endpoint.
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.fill('input[name="agentName"]', julie?.name ?? "Julie");
await options.fill('input[name="signature"]', "^JD");
await options.fill('textarea[name="brandHandles"]', "ColisExpress\nLumaTelecom");
await options.locator('form.options button[type="submit"]').first().click();
await options.fill('input[name="teamEndpoint"]', server.url);
await options.fill('input[name="teamToken"]', julie?.token ?? "");
await options.locator('form.team button[type="submit"]').click();
await options.getByTestId("sync-status").filter({ hasText: "Demo team" }).waitFor({ timeout: 20_000 });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto("https://x.com/home");
await page.waitForSelector('article[data-testid="tweet"]');

if (headless) {
  const dir = join(OUTPUT_DIR, "start");
  mkdirSync(dir, { recursive: true });
  await page.waitForSelector("[data-apaise-post-id]", { timeout: 15_000 });
  await page.screenshot({ path: join(dir, "timeline.png") });
  await options.screenshot({ path: join(dir, "options.png"), fullPage: true });
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
  await options.close();
  console.log("Apaise is running in Chromium on the demo timeline (https://x.com/home, served locally).");
  console.log("Click a Complaint badge or the toolbar icon to open the side panel. Close the window to stop.");
  await new Promise<void>((resolve) => context.on("close", () => resolve()));
  await close();
}
