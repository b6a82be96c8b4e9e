/**
 * The Reddit content script in Chromium with the built extension, on the hand-written Reddit fixtures served as
 * www.reddit.com and old.reddit.com: complaints get a badge and reach the side panel, Insert puts the reply into
 * the site's composer (opened with the site's own control), the agent's Comment is seen as posted, and a page
 * whose markup the adapter no longer reads makes the side panel say so (health check).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Launched, launch, ROOT } from "./harness";

const fixture = (name: string) => readFileSync(join(ROOT, "tests/fixtures/reddit", name), "utf8");

/**
 * Played by the page, as Reddit's own code would: the "Join the conversation" box mounts the composer (a plain
 * contenteditable here; Lexical is proven in insert-editors.test.ts), and Comment records the reply and closes it.
 */
const REDDIT_PAGE_SCRIPT = `<script>
  window.__posted = [];
  const trigger = document.querySelector('faceplate-textarea-input[data-testid="trigger-button"]');
  trigger.addEventListener("click", () => {
    const host = trigger.closest("comment-composer-host");
    host.insertAdjacentHTML("beforeend",
      '<faceplate-form><shreddit-composer><div slot="rte" role="textbox" contenteditable="true" style="white-space: pre-wrap"></div>' +
      '<button slot="submit-button" type="button">Comment</button></shreddit-composer></faceplate-form>');
    host.querySelector('[slot="submit-button"]').addEventListener("click", () => {
      window.__posted.push(host.querySelector('[slot="rte"]').innerText);
      host.querySelector("faceplate-form").remove();
    });
  });
</script>`;

const PAGES: Record<string, string> = {
  "https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis_jamais_livre/": fixture("comments-new.html").replace(
    "</body>",
    `${REDDIT_PAGE_SCRIPT}</body>`,
  ),
  "https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/":
    fixture("thread-old.html"),
  // Reddit renamed its post element: the adapter finds nothing any more.
  "https://www.reddit.com/r/AcmeSupport/": fixture("listing-new.html").replaceAll("shreddit-post", "shreddit-post-v2"),
};

let browser: Launched;
let context: BrowserContext;

async function worker(): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
}

async function tabIdOf(url: string): Promise<number> {
  const sw = await worker();
  return sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

async function panelFor(url: string): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${await tabIdOf(url)}`);
  return panel;
}

beforeAll(async () => {
  browser = await launch();
  context = browser.context;
  await context.route("https://*.reddit.com/**", (route) => {
    const url = new URL(route.request().url());
    const body = PAGES[`${url.origin}${url.pathname}`];
    return body
      ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body })
      : route.fulfill({ status: 404, body: "" });
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("new Reddit", () => {
  const url = "https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis_jamais_livre/";
  let page: Page;
  let panel: Page;

  test("the complaints (post and comments) get a badge; the brand's own reply does not", async () => {
    page = await context.newPage();
    await page.goto(url);
    const badge = (id: string) => page.locator(`[data-apaise-post-id="${id}"]`);
    await badge("t3_1wabc12").waitFor();
    await badge("t1_q1aa001").waitFor();
    expect(await badge("t1_q1aa002").count()).toBe(0);
    // The badge sits in the item's own header, not in a reply's.
    expect(await badge("t1_q1aa001").evaluate((b) => b.closest("shreddit-comment")?.getAttribute("thingid"))).toBe(
      "t1_q1aa001",
    );
    // Markup written as text in a comment stays text in the badge's post (the fixture's own <script> is the page's).
    expect(await page.locator("[data-apaise-post-id] img").count()).toBe(0);
  });

  test("the side panel lists them; Insert opens Reddit's composer and fills it; Comment is seen as posted", async () => {
    panel = await panelFor(url);
    const items = panel.getByTestId("queue-item");
    await expect
      .poll(() => items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key)))
      .toEqual(expect.arrayContaining(["reddit:t3_1wabc12", "reddit:t1_q1aa001"]));
    await panel.locator('[data-key="reddit:t3_1wabc12"]').click();
    await panel.getByTestId("post-text").filter({ hasText: "Colis jamais livré" }).waitFor();
    const first = panel.getByTestId("suggestion").first();
    const reply = await first.locator("textarea").inputValue();
    expect(reply.length).toBeGreaterThan(20);
    await first.getByTestId("insert").click();
    await first.getByRole("status").waitFor();

    // The top-level composer (another one is open under a comment of the fixture).
    const composer = page.locator('comment-body-header shreddit-composer [slot="rte"]');
    await expect.poll(() => composer.evaluate((el) => (el as HTMLElement).innerText.trim())).toBe(reply.trim());
    expect(await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted.length)).toBe(0);
    await page.locator('comment-body-header shreddit-composer [slot="submit-button"]').click();

    const sw = await worker();
    await expect
      .poll(
        () =>
          sw.evaluate(async () => {
            const open = indexedDB.open("apaise");
            const db = await new Promise<IDBDatabase>((ok, ko) => {
              open.onsuccess = () => ok(open.result);
              open.onerror = () => ko(open.error);
            });
            const all = db.transaction("replies").objectStore("replies").getAll();
            return new Promise<Array<{ site: string; postId: string; postedAt: number | null }>>((ok) => {
              all.onsuccess = () => ok(all.result);
            });
          }),
        { timeout: 15_000 },
      )
      .toEqual([expect.objectContaining({ site: "reddit", postId: "t3_1wabc12", postedAt: expect.any(Number) })]);
    await panel.close();
  });
});

test("old Reddit: the thread's complaints get a badge in their tagline", async () => {
  const page = await context.newPage();
  await page.goto("https://old.reddit.com/r/AcmeSupport/comments/1wcc001/abonnement_resilie_mais_toujours_preleve/");
  const badge = page.locator('[data-apaise-post-id="t1_r2bb001"]');
  await badge.waitFor();
  expect(await badge.evaluate((b) => b.parentElement?.classList.contains("tagline"))).toBe(true);
  await page.locator('[data-apaise-post-id="t3_1wcc001"]').waitFor();
  expect(await page.locator('[data-apaise-post-id="t1_r2bb002"]').count()).toBe(0);
  await page.close();
});

test("health: a Reddit page the adapter no longer reads makes the side panel name the site and the part", async () => {
  const url = "https://www.reddit.com/r/AcmeSupport/";
  const page = await context.newPage();
  await page.goto(url);
  const panel = await panelFor(url);
  const notice = panel.getByTestId("health-notice");
  await notice.waitFor({ timeout: 20_000 });
  expect(await notice.getAttribute("data-site")).toBe("reddit");
  expect(await notice.getAttribute("data-part")).toBe("posts");
  expect(await notice.textContent()).toContain("Reddit");
  // The same tab on a page the adapter reads again: the notice goes.
  await page.goto("https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis_jamais_livre/");
  await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(0);
  await panel.close();
  await page.close();
});
