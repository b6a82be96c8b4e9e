/**
 * The agent's desk, timed in Chromium with the built extension on the demo timeline:
 * - panel_open_to_suggestions_ms: a complaint selected in the side panel → its three suggestions on screen;
 * - insert_roundtrip_ms: Insert pressed → the reply's text in the page's own (Draft.js) composer.
 * Both are measured inside the pages with the same wall clock (Date.now), so Playwright's own round trips do not
 * count; the median of several runs is reported.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXTENSION_DIR, launch } from "../scripts/chromium";
import { routeDemo } from "../scripts/demo-route";
import { median, type Row } from "./stats";

const RUNS = 9;

export async function benchDesk(): Promise<Row[]> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) return [];
  const browser = await launch();
  try {
    const { context, extensionId } = browser;
    await routeDemo(context);
    const x = await context.newPage();
    await x.goto("https://x.com/home");
    await x.waitForSelector("[data-apaise-post-id]");
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ url: "https://x.com/*" }))[0]?.id ?? -1);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId("queue-item").first().waitFor();

    const open: number[] = [];
    const insert: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Selected → three suggestion cards in the DOM.
      open.push(
        await panel.evaluate(async (n) => {
          const items = document.querySelectorAll<HTMLButtonElement>('[data-testid="queue-item"]');
          const item = items[n % items.length];
          if (!item) throw new Error("no complaint in the queue");
          const t0 = performance.now();
          item.click();
          // A plain loop: named helpers would be wrapped by tsx's keepNames and break in the page.
          while (document.querySelectorAll('[data-testid="suggestion"]').length < 3) {
            await new Promise((r) => requestAnimationFrame(r));
          }
          return performance.now() - t0;
        }, i),
      );
      // Insert pressed → the text in the page's composer (watched in the page with the same clock).
      await x.evaluate(() => {
        const w = window as unknown as { __composerAt?: Promise<number> };
        w.__composerAt = (async () => {
          for (;;) {
            const editor = document.querySelector('[role="dialog"] [data-testid^="tweetTextarea"]');
            if (editor && (editor.textContent ?? "").trim().length > 20) return Date.now();
            await new Promise((r) => setTimeout(r, 2));
          }
        })();
      });
      const pressedAt = await panel.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="insert"]');
        if (!button) throw new Error("no Insert button");
        const at = Date.now();
        button.click();
        return at;
      });
      const landedAt = await x.evaluate(() => (window as unknown as { __composerAt: Promise<number> }).__composerAt);
      insert.push(landedAt - pressedAt);
      // Close the page's reply dialog without posting, back to the list.
      await x.keyboard.press("Escape");
      await x
        .locator('[role="dialog"]')
        .waitFor({ state: "detached" })
        .catch(() => {});
      await panel.locator("button.back").click();
      await panel.getByTestId("queue-item").first().waitFor();
    }
    return [
      {
        key: "panel_open_to_suggestions_ms",
        value: median(open),
        unit: "ms",
        note: `complaint selected → 3 suggestions shown, side panel, median of ${RUNS} (min ${Math.min(...open).toFixed(0)}, max ${Math.max(...open).toFixed(0)})`,
      },
      {
        key: "insert_roundtrip_ms",
        value: median(insert),
        unit: "ms",
        note: `Insert pressed → text in X's Draft.js composer (demo page), median of ${RUNS} (min ${Math.min(...insert).toFixed(0)}, max ${Math.max(...insert).toFixed(0)})`,
      },
    ];
  } finally {
    await browser.close();
  }
}
