import type { Page } from "playwright-core";

export * from "../../scripts/chromium";

/**
 * Scrolls `page` down a screen at a time to its end, then back to the top, as an agent reading a whole page does:
 * Apaise reads posts as they come near the viewport (lib/content/near.ts), so a test that checks every post of a
 * long page scrolls through it first. Each screen stays long enough to be rendered, so every post comes near; then
 * it waits for the badges to settle.
 */
export async function readThrough(page: Page): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, innerHeight);
      return innerHeight + scrollY >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(60);
    if (atEnd) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  // Verdicts come from the background a moment after a post is read: wait until the badges stop changing.
  let last = -1;
  let steady = 0;
  for (let i = 0; i < 40 && steady < 3; i++) {
    await page.waitForTimeout(250);
    const count = await page.locator("[data-apaise-post-id]").count();
    steady = count === last ? steady + 1 : 0;
    last = count;
  }
}
