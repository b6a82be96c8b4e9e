/**
 * Bluesky, Mastodon, Threads, LinkedIn, Facebook, Instagram, YouTube and TikTok in Chromium with the built
 * extension, each on its hand-written fixture served at the site's real host (offline, context.route): complaints
 * get a badge and calm posts none, the side panel lists them, Insert puts a reply of several lines with an emoji
 * into the site's own composer (opened with the site's own reply control, played by a small page script) without
 * submitting anything, the agent's own click on the site's submit control completes the log entry as posted, and a
 * page whose markup the adapter no longer reads makes the side panel's health notice name the site; the
 * malformed fixture is then read (its readable complaints badged) and the notice goes. The malformed fixtures alone
 * do not trip the health check (their readable items are enough for lib/content/health.ts to find the adapter
 * working), so the broken page is the main fixture with the element the adapter reads renamed, as in
 * reddit.test.ts.
 *
 * Mastodon has no fixed host: the agent adds an instance in options, Chromium asks for that origin, and the
 * background registers the content script for it at run time (lib/content/registration.ts). The real options flow
 * is driven first (Add, then Allow): headless Chromium shows its permission prompt but nothing can answer it, so
 * the browser is closed, the profile records the grant as Chromium does when the agent allows it, and the same
 * profile is launched again for every site (sites-support.ts, grantInProfile).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readThrough, storeRows } from "./harness";
import {
  grantInProfile,
  launchProfile,
  MASTODON_INSTANCE,
  MASTODON_NOT_GRANTED,
  pagesOf,
  REPLIES,
  routeOffline,
  SITE_CASES,
} from "./sites-support";

/** The extension APIs evaluated in the service worker that scripts/chrome-globals.d.ts does not declare. */
interface ChromeExtras {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[]; js?: string[] }>> };
}

interface LoggedReply {
  site: string;
  postId: string;
  finalText: string;
  edited: boolean;
  postedAt: number | null;
}

const home = mkdtempSync(join(tmpdir(), "apaise-sites-"));
let context: BrowserContext;
let extensionId: string;

/** The extension's service worker (MV3 may stop and restart it during the run). */
async function sw(): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
}

/** What the first run saw before the instance was allowed (asserted in the Mastodon tests). */
let beforeGrant: { listed: string; contains: boolean; registered: unknown[] };

async function mastodonState(sw: Worker) {
  return sw.evaluate(async (host) => {
    const api = (globalThis as unknown as { chrome: ChromeExtras }).chrome;
    return {
      contains: await api.permissions.contains({ origins: [`https://${host}/*`] }),
      registered: await api.scripting.getRegisteredContentScripts(),
    };
  }, MASTODON_INSTANCE);
}

async function tabIdOf(url: string): Promise<number> {
  return (await sw()).evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

async function panelFor(url: string): Promise<Page> {
  const tabId = await tabIdOf(url);
  expect(tabId).toBeGreaterThan(0);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

async function loggedReplies(): Promise<LoggedReply[]> {
  return storeRows<LoggedReply>(await sw(), "replies");
}

/**
 * A page of the site. The fixtures' hostile posts carry live markup of their own (`<img onerror=alert(1)>`, a
 * `<script>`): that is the page's, run by the page, and its dialogs are dismissed (Playwright's default).
 */
/** A page of the site, with a `message` listener of its own recording what the page's scripts would be sent. */
async function openPage(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __pageMessages: unknown[] }).__pageMessages = seen;
    window.addEventListener("message", (e) => seen.push(e.data));
  });
  await page.goto(url);
  return page;
}

/** What a composer holds as the site would read it: a field's value, an editor's rendered lines (nbsp as space). */
function textOf(el: Element): string {
  const raw = el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText;
  return raw.replace(/\u00a0/g, " ");
}

const badge = (page: Page, id: string) => page.locator(`[data-apaise-post-id="${id}"]`);

beforeAll(async () => {
  // First run: the agent adds the Mastodon instances in options; Chromium asks for each origin.
  const first = await launchProfile(home);
  try {
    const options = await first.context.newPage();
    await options.goto(`chrome-extension://${first.extensionId}/options.html`);
    const input = options.locator('input[name="mastodonInstance"]');
    const list = options.getByTestId("mastodon-instances");
    for (const host of [`https://${MASTODON_INSTANCE}/home`, `@claire@${MASTODON_NOT_GRANTED}`]) {
      await input.fill(host);
      await options.locator("form.mastodon button[type=submit]").click();
      // Added: the form clears its field.
      await options.waitForFunction(
        () => (document.querySelector('input[name="mastodonInstance"]') as HTMLInputElement).value === "",
      );
    }
    await list.locator("li", { hasText: MASTODON_NOT_GRANTED }).waitFor();
    // Not answered yet: listed, not allowed, with its Allow button, which the agent presses (the prompt again).
    const row = list.locator("li", { hasText: MASTODON_INSTANCE });
    await row.locator(".not-granted").waitFor();
    await row.getByRole("button", { name: "Allow" }).click();
    const state = await mastodonState(first.worker);
    beforeGrant = { listed: await list.innerText(), ...state };
  } finally {
    await first.context.close();
  }
  // What Chromium records when the agent allows the prompt; the same profile is then launched for every site.
  grantInProfile(home, first.extensionId, [`https://${MASTODON_INSTANCE}/*`]);
  ({ context, extensionId } = await launchProfile(home));
  await routeOffline(context, pagesOf(SITE_CASES));
});

afterAll(async () => {
  await context?.close().catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

describe("Mastodon: the instance the agent allowed gets the content script at run time", () => {
  test("before the agent answers Chromium's prompt: listed in options, not allowed, no content script", () => {
    expect(beforeGrant.listed).toContain(MASTODON_INSTANCE);
    expect(beforeGrant.listed).toContain(MASTODON_NOT_GRANTED);
    expect(beforeGrant.contains).toBe(false);
    expect(beforeGrant.registered).toEqual([]);
  });

  test("once allowed: options says so, and the background registers the script for that instance only", async () => {
    await expect.poll(async () => (await mastodonState(await sw())).contains).toBe(true);
    await expect
      .poll(async () => (await mastodonState(await sw())).registered, { timeout: 15_000 })
      .toEqual([
        expect.objectContaining({
          id: "apaise-mastodon",
          js: ["content-scripts/mastodon.js"],
          matches: [`https://${MASTODON_INSTANCE}/*`],
        }),
      ]);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const list = options.getByTestId("mastodon-instances");
    await list.locator("li", { hasText: MASTODON_INSTANCE }).locator(".granted").waitFor();
    await list.locator("li", { hasText: MASTODON_NOT_GRANTED }).locator(".not-granted").waitFor();
    await options.close();
  });
});

for (const c of SITE_CASES) {
  describe(c.name, () => {
    let page: Page;

    test("complaints get a badge; calm posts do not", async () => {
      page = await openPage(c.url);
      // Posts are read as they come near the viewport: the agent scrolls through the page.
      await readThrough(page);
      for (const id of c.complaints) await badge(page, id).waitFor({ state: "attached", timeout: 20_000 });
      for (const id of c.calm) expect(await badge(page, id).count(), `${c.site}: ${id} is no complaint`).toBe(0);
      // Post text is never rendered as HTML in a badge.
      expect(await page.locator("[data-apaise-post-id] img, [data-apaise-post-id] script").count()).toBe(0);
      // The content script's start is announced to an older copy of it by a DOM event, never by a message that
      // every `message` listener of the site's own scripts would get (`noScriptStartedPostMessage`).
      const messages = await page.evaluate(() => (window as unknown as { __pageMessages: unknown[] }).__pageMessages);
      expect(messages, `${c.site}: messages the page's scripts got`).toEqual([]);
    });

    test("the side panel lists them; Insert fills the site's composer, opened with its own control; the agent's submit is seen as posted", async () => {
      const panel = await panelFor(c.url);
      const keys = () =>
        panel.getByTestId("queue-item").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
      await expect
        .poll(keys, { timeout: 20_000 })
        .toEqual(expect.arrayContaining(c.complaints.map((id) => `${c.site}:${id}`)));
      const listed = await keys();
      for (const id of c.calm) expect(listed).not.toContain(`${c.site}:${id}`);

      await panel.locator(`[data-key="${c.site}:${c.target.id}"]`).click();
      await panel.getByTestId("post-text").filter({ hasText: c.target.text }).waitFor();
      const card = panel.getByTestId("suggestion").first();
      const reply = REPLIES[c.target.lang];
      await card.locator("textarea").fill(reply);
      const insert = card.getByTestId("insert");
      await expect.poll(() => insert.isEnabled()).toBe(true);
      // Nothing of the composer yet: the content script opens it with the site's own control.
      if (c.opened) expect(await page.locator(c.opened).count()).toBe(0);
      const before = page.locator(c.composer);
      if ((await before.count()) > 0) expect(await before.evaluate(textOf)).toBe("");
      await insert.click();
      await card.locator('[role="status"], [role="alert"]').first().waitFor({ timeout: 20_000 });
      const error = card.locator('[role="alert"]');
      if ((await error.count()) > 0) throw new Error(`${c.site}: Insert failed: ${await error.innerText()}`);

      // In the composer the site's own reply control opened, after what it prefilled, line for line, emoji included.
      if (c.opened) await page.locator(c.opened).waitFor({ state: "attached" });
      const composerText = async () => (await page.locator(c.composer).evaluate(textOf)).trimEnd();
      await expect.poll(composerText, { timeout: 10_000 }).toBe(`${c.prefix ?? ""}${reply}`);
      // Logged as inserted, not posted: nothing was submitted by the extension.
      await expect
        .poll(async () => (await loggedReplies()).filter((r) => r.site === c.site), { timeout: 10_000 })
        .toEqual([expect.objectContaining({ postId: c.target.id, postedAt: null })]);
      expect(await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted)).toEqual([]);

      // The agent presses the site's own submit control.
      await page.locator(c.submit).click();
      const posted = await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
      expect(posted).toHaveLength(1);
      expect(posted[0]?.replace(/\u00a0/g, " ").trimEnd()).toBe(`${c.prefix ?? ""}${reply}`);
      await expect
        .poll(async () => (await loggedReplies()).filter((r) => r.site === c.site), { timeout: 20_000 })
        .toEqual([
          expect.objectContaining({
            postId: c.target.id,
            finalText: reply,
            edited: true,
            postedAt: expect.any(Number),
          }),
        ]);
      await panel.close();
      await page.close();
    });

    test(`health: a page whose ${c.name} markup changed makes the side panel name the site; the malformed page is read`, async () => {
      const broken = await openPage(c.broken.url);
      const panel = await panelFor(c.broken.url);
      const notice = panel.getByTestId("health-notice");
      await notice.waitFor({ timeout: 25_000 });
      expect(await notice.getAttribute("data-site")).toBe(c.site);
      expect(await notice.getAttribute("data-part")).toBe(c.broken.part);
      expect(await notice.textContent()).toContain(c.name);

      // The same tab on the malformed fixture: broken, foreign and hostile items among readable ones.
      await broken.goto(c.malformed.url);
      // Some hostile posts there carry a live `<style>body{display:none}</style>`: the badges are only attached.
      for (const id of c.malformed.complaints) await badge(broken, id).waitFor({ state: "attached", timeout: 20_000 });
      await expect.poll(() => notice.count(), { timeout: 25_000 }).toBe(0);
      for (const id of c.malformed.calm) expect(await badge(broken, id).count(), `${c.site}: ${id}`).toBe(0);
      expect(await broken.locator("[data-apaise-post-id] img, [data-apaise-post-id] script").count()).toBe(0);
      await panel.close();
      await broken.close();
    });
  });
}

test("Mastodon: removing the instance in options takes its permission and the content script away", async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options
    .getByTestId("mastodon-instances")
    .locator("li", { hasText: MASTODON_INSTANCE })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect.poll(async () => (await mastodonState(await sw())).contains).toBe(false);
  await expect.poll(async () => (await mastodonState(await sw())).registered, { timeout: 15_000 }).toEqual([]);
  await options.close();
});
