import type { Page, Worker } from "playwright-core";

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

/** Every row of one of the extension's IndexedDB stores, read in its service worker or one of its pages. */
export async function storeRows<T>(target: Page | Worker, store: string): Promise<T[]> {
  // Page.evaluate and Worker.evaluate take the same arguments.
  return (target as Page).evaluate(readStore, store) as Promise<T[]>;
}

const readStore = async (name: string): Promise<unknown[]> => {
  const open = indexedDB.open("apaise");
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => ko(open.error);
  });
  const all = db.transaction(name).objectStore(name).getAll();
  return new Promise<unknown[]>((ok) => {
    all.onsuccess = () => ok(all.result);
  });
};
