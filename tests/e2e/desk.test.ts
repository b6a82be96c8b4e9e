/**
 * The agent's desk in headless Chromium with the built extension, on the demo timeline: the first-run setup page,
 * the queue's filters and statuses, the keyboard (no mouse needed), escalation with a note, export and deletion
 * of all local data, and no serious or critical accessibility violation (axe-core) on the side panel, options and
 * log pages, in English and French.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { routeDemo } from "../../scripts/demo-route";
import { type Launched, launch, outputPath, readThrough } from "./harness";

let browser: Launched;
let context: BrowserContext;
let x: Page;
let tabId: number;

async function extensionPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** The side panel remembers the complaint open in each tab: start from the list. */
async function openPanel(): Promise<Page> {
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  const back = panel.locator("button.back");
  await Promise.race([back.waitFor(), panel.getByTestId("queue-item").first().waitFor()]);
  if (await back.isVisible()) await back.click();
  await panel.getByTestId("queue-item").first().waitFor();
  // Verdicts come back from the background as the page is read: wait until the queue stops growing, so "next" and
  // "previous" walk a list that holds still.
  let count = -1;
  await expect
    .poll(
      async () => {
        const was = count;
        count = await panel.getByTestId("queue-item").count();
        return count === was;
      },
      { interval: 500 },
    )
    .toBe(true);
  return panel;
}

const saveButton = (page: Page) => page.locator('form.options button[type="submit"]').first();

async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

beforeAll(async () => {
  browser = await launch();
  context = browser.context;
  await routeDemo(context);
  x = await context.newPage();
  await x.goto("https://x.com/home");
  await x.waitForSelector("[data-apaise-post-id]");
  // The agent scrolls through the timeline once, so the queue holds every complaint and stops changing.
  await readThrough(x);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  tabId = await sw.evaluate(async () => (await chrome.tabs.query({ url: "https://x.com/*" }))[0]?.id ?? -1);
});

afterAll(async () => {
  await browser?.close();
});

describe("the agent's desk", () => {
  test("first run opens a short setup in the options page", async () => {
    const setup = context.pages().find((p) => p.url().includes("options.html?setup=1"));
    expect(setup, "the options page opened on install").toBeDefined();
    await setup?.getByTestId("welcome").waitFor();
    for (const name of [
      "agentName",
      "signature",
      "brandHandles",
      "brandKeywords",
      "site-reddit",
      "responseTargetMinutes",
      "retentionDays",
      "teamEndpoint",
      "voiceFormality",
    ]) {
      expect(await setup?.locator(`[name="${name}"]`).count()).toBe(1);
    }
    // The voice is one of the steps: the playbook editor is unfolded in the setup.
    expect(await setup?.getByTestId("playbook-editor").getAttribute("open")).not.toBeNull();
    await setup?.close();
  });

  test("settings: the response-time target and the threshold are saved and validated", async () => {
    const options = await extensionPage("options.html");
    await options.fill('input[name="agentName"]', "Julie");
    await options.fill('input[name="responseTargetMinutes"]', "30");
    await options.getByRole("button", { name: "Save", exact: true }).click();
    await options.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    // Out of range: the form says so and keeps the saved value.
    await options.fill('input[name="responseTargetMinutes"]', "2");
    await options.getByRole("button", { name: "Save", exact: true }).click();
    expect(await options.locator('input[name="responseTargetMinutes"]:invalid').count()).toBe(1);
    await options.reload();
    expect(await options.inputValue('input[name="responseTargetMinutes"]')).toBe("30");
    await options.close();
  });

  test("the keyboard alone: n opens the next complaint, Escape goes back, 1 inserts the first reply", async () => {
    const panel = await openPanel();
    await panel.locator("body").press("n");
    await panel.getByTestId("post-text").waitFor();
    const first = await panel.getByTestId("post-text").textContent();
    await panel.locator("body").press("n");
    await expect.poll(() => panel.getByTestId("post-text").textContent()).not.toBe(first);
    await panel.locator("body").press("k");
    await expect.poll(() => panel.getByTestId("post-text").textContent()).toBe(first);
    // Opening a complaint puts it in progress.
    await expect.poll(() => panel.getByTestId("complaint-status").textContent()).toBe("In progress");
    await panel.locator("body").press("Escape");
    await panel.getByTestId("queue-item").first().waitFor();
    await panel.locator("body").press("n");
    await panel.getByTestId("suggestion").first().waitFor();
    await panel.locator("body").press("1");
    await panel.getByTestId("suggestion").first().getByRole("status").waitFor();
    await expect.poll(() => panel.getByTestId("complaint-status").textContent()).toBe("Replied");
    // Focus is visible as the keyboard moves it.
    await panel.keyboard.press("Tab");
    const outline = await panel.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await x.keyboard.press("Escape"); // closes the page's reply dialog; nothing was posted
    await panel.close();
  });

  test("browser commands: every suggested key is really bound, and the panel obeys the commands", async () => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    const bound = await sw.evaluate(async () =>
      Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name ?? "", c.shortcut ?? ""])),
    );
    // A suggested key that clashes with one of Chrome's own is dropped without a word: the agent would have none.
    expect(bound).toMatchObject({
      _execute_action: "Alt+Shift+O",
      "next-complaint": "Alt+Shift+J",
      "insert-1": "Alt+Shift+1",
      "insert-2": "Alt+Shift+2",
    });
    // Key presses sent through the page never reach the browser's shortcut handling in headless Chromium, so the
    // command is delivered the way the background delivers it (entrypoints/background: commands.onCommand).
    const panel = await openPanel();
    const command = (name: string) =>
      sw.evaluate((c) => chrome.runtime.sendMessage({ type: "panel/command", command: c }).catch(() => {}), name);
    await command("next-complaint");
    await panel.getByTestId("post-text").waitFor();
    const first = await panel.getByTestId("post-text").textContent();
    await command("next-complaint");
    await expect.poll(() => panel.getByTestId("post-text").textContent()).not.toBe(first);
    await panel.getByTestId("suggestion").nth(1).waitFor();
    await command("insert-2");
    await panel.getByTestId("suggestion").nth(1).getByRole("status").waitFor();
    await expect.poll(() => panel.getByTestId("complaint-status").textContent()).toBe("Replied");
    // An unknown command is refused by the panel's parser: nothing changes.
    await command("insert-9");
    expect(await panel.getByTestId("complaint-status").textContent()).toBe("Replied");
    await x.keyboard.press("Escape");
    await panel.close();
  });

  test("retention applies on its own: a daily alarm in the background", async () => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    const alarms = await sw.evaluate(() => chrome.alarms.getAll());
    expect(alarms.find((a) => a.name === "apaise-retention")?.periodInMinutes).toBe(24 * 60);
  });

  test("escalate with a note: the complaint leaves the queue for the Escalated filter", async () => {
    const panel = await openPanel();
    const item = panel.getByTestId("queue-item").first();
    const key = await item.getAttribute("data-key");
    await item.click();
    await panel.getByRole("button", { name: "Escalate…" }).click();
    const form = panel.getByTestId("escalate-form");
    await form.locator('select[name="escalateTo"]').selectOption("legal");
    await form.locator('textarea[name="escalateNote"]').fill("Threatens to sue; account 4411 disputed twice.");
    await panel.screenshot({ path: outputPath("sidepanel-escalate.png"), fullPage: true });
    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    await panel.getByTestId("queue-item").first().waitFor();
    expect(await panel.locator(`[data-testid="queue-item"][data-key="${key}"]`).count()).toBe(0);
    await panel.locator('[data-filter="escalated"]').click();
    await expect.poll(() => panel.locator(`[data-testid="queue-item"][data-key="${key}"]`).count()).toBe(1);
    // The escalation and its note wait in the outbox for the team.
    const queued = await panel.evaluate(async (k) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const open = indexedDB.open("apaise");
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      const all = db.transaction("outbox").objectStore("outbox").getAll();
      const rows = await new Promise<
        Array<{ change: { kind: string; key: string; data: { status?: string; note?: string } } }>
      >((ok) => {
        all.onsuccess = () => ok(all.result);
      });
      db.close();
      return rows.filter((r) => r.change.kind === "status" && r.change.key === k).map((r) => r.change.data);
    }, key);
    expect(queued.at(-1)).toEqual({
      status: "escalated",
      note: "legal: Threatens to sue; account 4411 disputed twice.",
    });
    await panel.close();
  });

  test.each(["en", "fr"] as const)("no serious or critical accessibility violation (%s)", async (lang) => {
    const options = await extensionPage("options.html");
    await options.selectOption('select[name="uiLanguage"]', lang);
    await saveButton(options).click();
    await options.waitForFunction((l) => document.documentElement.lang === l, lang);
    expect(await serious(options)).toEqual([]);
    const panel = await openPanel();
    expect(await serious(panel)).toEqual([]);
    await panel.getByTestId("queue-item").first().click();
    await panel.getByTestId("suggestion").first().waitFor();
    expect(await serious(panel)).toEqual([]);
    const log = await extensionPage("log.html");
    await log.waitForLoadState("networkidle");
    expect(await serious(log)).toEqual([]);
    for (const p of [options, panel, log]) await p.close();
  });

  test("export everything, then delete all local data in one place", async () => {
    const options = await extensionPage("options.html");
    await options.selectOption('select[name="uiLanguage"]', "en");
    await saveButton(options).click();
    await options.waitForFunction(() => document.documentElement.lang === "en");
    const [download] = await Promise.all([
      options.waitForEvent("download"),
      options.getByRole("button", { name: "Export everything (JSON)" }).click(),
    ]);
    const path = await download.path();
    const data = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(path, "utf8")));
    expect(data.format).toBe("apaise-data");
    expect(data.complaints.length).toBeGreaterThan(0);
    expect(data.replies.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain("teamToken");

    await options.getByRole("button", { name: "Delete all local data…" }).click();
    await options.getByTestId("confirm-wipe").getByRole("button", { name: "Delete everything" }).click();
    await options.getByRole("status").filter({ hasText: "All local data deleted." }).waitFor();
    const counts = await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const open = indexedDB.open("apaise");
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      const out: Record<string, number> = {};
      for (const name of ["complaints", "replies", "feedback", "outbox"]) {
        const req = db.transaction(name).objectStore(name).count();
        out[name] = await new Promise<number>((ok) => {
          req.onsuccess = () => ok(req.result);
        });
      }
      db.close();
      return out;
    });
    expect(counts).toEqual({ complaints: 0, replies: 0, feedback: 0, outbox: 0 });
    await options.reload();
    expect(await options.inputValue('input[name="agentName"]')).toBe("");
    await options.close();
  });
});
