/**
 * Hostile post text in a real page: markup in a post's text or an author's name is shown as text everywhere
 * (badge, side panel, log) and never runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Launched, launch, ROOT } from "./harness";

let browser: Launched;

beforeAll(async () => {
  browser = await launch();
  await browser.context.route("https://x.com/**", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: readFileSync(join(ROOT, "tests/fixtures/x/hostile-complaint.html")),
    }),
  );
});
afterAll(async () => {
  await browser?.close();
});

test("markup in a complaint is detected, listed and shown as text, and never runs", async () => {
  const { context, extensionId } = browser;
  const x = await context.newPage();
  await x.goto("https://x.com/home");
  const badge = x.locator('[data-apaise-post-id="1900000000000009001"]');
  await badge.waitFor();
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ url: "https://x.com/*" }))[0]?.id ?? -1);

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  const item = panel.getByTestId("queue-item").first();
  await item.waitFor();
  expect(await item.textContent()).toContain("<img src=x onerror=window.pwned=1>");
  await item.click();
  const text = panel.getByTestId("post-text");
  await text.waitFor();
  expect(await text.textContent()).toContain("<img src=x onerror=window.pwned=1> toujours pas reçu");
  expect(await panel.locator("img[src='x']").count()).toBe(0);
  expect(await panel.evaluate(() => "pwned" in window || "pwnedName" in window)).toBe(false);
});
