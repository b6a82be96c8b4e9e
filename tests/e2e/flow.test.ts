/**
 * The whole path an agent takes, in headless Chromium with the built extension, on the demo timeline served as
 * https://x.com/home: badges on complaints only, the side panel lists them most urgent first, a badge click opens
 * one, three replies in the post's language, Insert puts the (edited) reply into the real Draft.js composer, the
 * agent presses Reply, and the log page shows the entry with its response time.
 */
import type { BrowserContext, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { routeDemo } from "../../scripts/demo-route";
import { type Launched, launch, outputPath, readThrough, storeRows } from "./harness";

interface DemoWindow {
  __apaiseDemo: { getComposerText(): string | null; posted: Array<{ postId: string | null; text: string }> };
}

let browser: Launched;
let context: BrowserContext;
let x: Page;
let tabId: number;

const article = (page: Page, text: string) => page.locator('article[data-testid="tweet"]', { hasText: text });
const badgeIn = (page: Page, text: string) => article(page, text).locator("[data-apaise-post-id]");

async function worker(): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
}

/** Which decider judged each complaint stored (read in the service worker or an extension page). */
async function complaintModels(target: Page | Worker): Promise<string[]> {
  return (await storeRows<{ detection: { model: string } }>(target, "complaints")).map((c) => c.detection.model);
}

/** The side panel remembers the complaint open in each tab: go back to the list. */
async function showQueue(panel: Page): Promise<void> {
  const back = panel.locator("button.back");
  await Promise.race([back.waitFor(), panel.getByTestId("queue-item").first().waitFor()]);
  if (await back.isVisible()) await back.click();
  await panel.getByTestId("queue-item").first().waitFor();
}

async function extensionPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

beforeAll(async () => {
  browser = await launch();
  context = browser.context;
  await routeDemo(context);
  // The agent's settings, through the options page as a user would set them.
  const options = await extensionPage("options.html");
  await options.fill('input[name="agentName"]', "Julie");
  await options.fill('input[name="signature"]', "^JD");
  await options.fill('textarea[name="brandHandles"]', "ColisExpress\nLumaTelecom");
  await options.getByRole("button", { name: "Save" }).click();
  await options.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await options.close();

  x = await context.newPage();
  await x.goto("https://x.com/home");
  await x.waitForSelector('article[data-testid="tweet"]');
  await x.waitForSelector("[data-apaise-post-id]");
  // Posts are read as they come near the viewport: the agent scrolls through the timeline once.
  await readThrough(x);
  const sw = await worker();
  tabId = await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: "https://x.com/*" });
    return tab?.id ?? -1;
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("on the X timeline", () => {
  test.each([
    { text: "colis marqué « livré » hier", severityAtLeast: 1 },
    { text: "you charged me TWICE", severityAtLeast: 1 },
    { text: "je résilie, c'est terminé", severityAtLeast: 2 },
    { text: "Next step is the ombudsman", severityAtLeast: 2 },
    { text: "mon compte a été piraté", severityAtLeast: 1 },
  ])("the complaint “$text” carries a badge", async ({ text, severityAtLeast }) => {
    const badge = badgeIn(x, text);
    await expect.poll(() => badge.count()).toBe(1);
    const id = await badge.getAttribute("data-apaise-post-id");
    const href = await article(x, text).locator("a[href*='/status/'] time").locator("..").getAttribute("href");
    expect(href).toContain(`/status/${id}`);
    expect(Number(await badge.getAttribute("data-apaise-severity"))).toBeGreaterThanOrEqual(severityAtLeast);
  });

  test.each([
    "Shoutout to the @ColisExpress driver",
    "quick question: can I move my contract",
    "Petit-déjeuner au soleil",
    "support sorted my card issue in 5 minutes",
    "est-ce qu'on peut faire livrer un colis en point relais",
  ])("praise, questions and chatter carry none: “%s”", async (text) => {
    await expect(article(x, text).count()).resolves.toBe(1);
    expect(await badgeIn(x, text).count()).toBe(0);
  });

  test("badges never cover the site's own controls, and stay inside their post", async () => {
    const overlaps = await x.evaluate(() => {
      const found: string[] = [];
      const hosts = [...document.querySelectorAll("[data-apaise-badge]")];
      for (const host of hosts) {
        const b = host.getBoundingClientRect();
        const post = host.closest("article");
        if (!post) continue;
        const p = post.getBoundingClientRect();
        if (b.left < p.left || b.right > p.right || b.top < p.top || b.bottom > p.bottom)
          found.push("outside its post");
        for (const control of post.querySelectorAll('button, [role="button"], a, input')) {
          if (control === host || host.contains(control) || control.contains(host)) continue;
          const c = control.getBoundingClientRect();
          if (c.width === 0 || c.height === 0) continue;
          const cover = Math.min(b.right, c.right) - Math.max(b.left, c.left);
          const coverY = Math.min(b.bottom, c.bottom) - Math.max(b.top, c.top);
          if (cover > 0 && coverY > 0) found.push(control.getAttribute("aria-label") ?? control.textContent ?? "?");
        }
      }
      return { badges: hosts.length, found };
    });
    expect(overlaps.badges).toBeGreaterThan(3);
    expect(overlaps.found).toEqual([]);
  });

  test("badges are drawn in a Shadow DOM and show the post's age", async () => {
    const label = await badgeIn(x, "je résilie").evaluate((host) => host.shadowRoot?.textContent ?? "");
    expect(label).toMatch(/Complaint · \d+ min/);
    await article(x, "je résilie").screenshot({ path: outputPath("badge.png") });
  });

  test("the background classifies with the trained model it loaded from the extension", async () => {
    const models = await complaintModels(await worker());
    expect(models.length).toBeGreaterThan(0);
    for (const m of models) expect(m).toMatch(/^linear-/);
  });

  test("the toolbar icon counts the open complaints of the tab", async () => {
    const sw = await worker();
    const text = await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(Number(text)).toBe(await x.locator("[data-apaise-post-id]").count());
  });
});

describe("from the side panel to a posted reply", () => {
  let panel: Page;
  const target = "colis marqué « livré » hier";

  test("the side panel lists this tab's complaints, the most urgent first", async () => {
    panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    const items = panel.getByTestId("queue-item");
    const badges = await x.locator("[data-apaise-post-id]").count();
    await expect.poll(() => items.count()).toBe(badges);
    // The threats (severity 3) come before everything else.
    const severities = await x
      .locator("[data-apaise-post-id]")
      .evaluateAll((els) =>
        Object.fromEntries(
          els.map((e) => [e.getAttribute("data-apaise-post-id"), Number(e.getAttribute("data-apaise-severity"))]),
        ),
      );
    const keys = await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key ?? ""));
    const order = keys.map((k) => severities[k.replace(/^x:/, "")] ?? -1);
    expect(order[0]).toBe(Math.max(...order));
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.screenshot({ path: outputPath("sidepanel-queue-en.png") });
  });

  test("a click on a badge opens that post in the side panel, with three French replies", async () => {
    await badgeIn(x, target).click();
    await panel.getByTestId("post-text").filter({ hasText: target }).waitFor();
    const cards = panel.getByTestId("suggestion");
    await expect.poll(() => cards.count()).toBe(3);
    const texts = await cards
      .locator("textarea")
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(new Set(texts).size).toBe(3);
    for (const t of texts) {
      expect(t).toMatch(/(bonjour|désol|excuses|nous |vous|votre)/i);
      expect(t).not.toMatch(/\{[a-z]+\}/);
    }
    // The classifier's reasons are highlighted in the post.
    expect(await panel.getByTestId("post-text").locator("mark").count()).toBeGreaterThan(0);
    await panel.screenshot({ path: outputPath("sidepanel-detail-en.png"), fullPage: true });
  });

  test("Insert puts the edited reply into X's own Draft.js composer; nothing is posted until the agent does", async () => {
    const first = panel.getByTestId("suggestion").first();
    const textarea = first.locator("textarea");
    const edited = `${await textarea.inputValue()}\nOn s'en occupe 🙏`;
    await textarea.fill(edited);
    await first.getByTestId("insert").click();
    await first.getByRole("status").waitFor();

    const composerText = () => x.evaluate(() => (window as unknown as DemoWindow).__apaiseDemo.getComposerText());
    await expect.poll(composerText).toBe(edited);
    expect(await x.evaluate(() => (window as unknown as DemoWindow).__apaiseDemo.posted.length)).toBe(0);
    const submit = x.locator('[role="dialog"] [data-testid="tweetButton"]');
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await x.screenshot({ path: outputPath("composer-inserted.png") });

    // The agent presses Reply.
    await submit.click();
    await expect.poll(() => x.evaluate(() => (window as unknown as DemoWindow).__apaiseDemo.posted.length)).toBe(1);
    const posted = await x.evaluate(() => (window as unknown as DemoWindow).__apaiseDemo.posted[0]);
    expect(posted?.text).toBe(edited);
  });

  test("the log page shows the entry: agent, post, final reply, posted, response time", async () => {
    const log = await extensionPage("log.html");
    const row = log.getByTestId("log-row");
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.first().textContent()).toContain("Posted");
    const text = (await row.first().textContent()) ?? "";
    expect(text).toContain("Julie");
    expect(text).toContain("@camille_rx");
    expect(text).toContain("On s'en occupe 🙏");
    expect(text).toContain("edited");
    expect(text).toMatch(/\d+ min \d\d s/);
    await log.screenshot({ path: outputPath("log.png"), fullPage: true });

    const sw = await worker();
    const entry = await sw.evaluate(async () => {
      const open = indexedDB.open("apaise");
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      const all = db.transaction("replies").objectStore("replies").getAll();
      return new Promise<Record<string, unknown>[]>((ok) => {
        all.onsuccess = () => ok(all.result);
      });
    });
    expect(entry).toHaveLength(1);
    const e = entry[0] as Record<string, number | null | boolean>;
    expect(e.postedAt).toBeGreaterThanOrEqual(e.insertedAt as number);
    expect(e.responseMs).toBe((e.postedAt as number) - (e.publishedAt as number));
    expect(e.edited).toBe(true);
    await log.close();
  });

  test("the tone linter explains problems live as the agent types, and blocks until an explicit override", async () => {
    const third = panel.getByTestId("suggestion").nth(2);
    await third
      .locator("textarea")
      .fill("Vous auriez dû lire nos conditions. Envoyez-nous votre numéro de commande ici.");
    const rules = () =>
      third
        .getByTestId("lint")
        .locator("li")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
    await expect.poll(rules).toEqual(expect.arrayContaining(["blame", "personal-data"]));
    expect(await third.getByTestId("lint").textContent()).toMatch(/[A-Za-z]/);
    const insert = third.getByTestId("insert");
    expect(await insert.isDisabled()).toBe(true);
    await third.locator(".override input").check();
    expect(await insert.isEnabled()).toBe(true);
    await panel.screenshot({ path: outputPath("sidepanel-lint-en.png"), fullPage: true });
    // A calm rewrite clears the warnings.
    await third
      .locator("textarea")
      .fill("Toutes nos excuses pour ce retard. Écrivez-nous en message privé, on regarde votre colis tout de suite.");
    await expect.poll(() => third.getByTestId("lint").count()).toBe(0);
    expect(await insert.isEnabled()).toBe(true);
  });

  test("the answered complaint is marked replied and leaves the toolbar count", async () => {
    const sw = await worker();
    const before = await x.locator("[data-apaise-post-id]").count();
    await expect
      .poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe(String(before - 1));
  });
});

describe("agents correct the detector", () => {
  const missed = "quick question: can I move my contract";
  const wrong = "Impeccable timing";

  test("“missed complaint” from the page's context menu marks the post and queues it", async () => {
    expect(await badgeIn(x, missed).count()).toBe(0);
    await article(x, missed).locator('[data-testid="tweetText"]').click({ button: "right" });
    // What the context-menu item does (a native menu cannot be clicked headless): tell the tab.
    const sw = await worker();
    await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: "post/mark-missed" }), tabId);
    await expect.poll(() => badgeIn(x, missed).count()).toBe(1);
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await showQueue(panel);
    await panel.getByTestId("queue-item").filter({ hasText: missed }).waitFor();
    await panel.close();
  });

  test("“not a complaint” in the side panel takes it off the queue and the toolbar count", async () => {
    const sw = await worker();
    const count = () => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const before = Number(await count());
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await showQueue(panel);
    await panel.getByTestId("queue-item").filter({ hasText: wrong }).click();
    await panel.getByRole("button", { name: "Not a complaint" }).click();
    await panel.getByTestId("queue-item").first().waitFor();
    expect(await panel.getByTestId("queue-item").filter({ hasText: wrong }).count()).toBe(0);
    await expect.poll(count).toBe(String(before - 1));
    await panel.close();
  });

  test("the log page shows the detector's precision as judged by the agents", async () => {
    const log = await extensionPage("log.html");
    const precision = log.getByTestId("precision");
    await expect.poll(() => precision.textContent()).toContain("1 answered, 1 not a complaint, 1 missed");
    expect(await precision.textContent()).toContain("50%");
    await log.close();
  });
});

describe("on a post's own page, reached by in-app navigation", () => {
  const target = "you charged me TWICE";

  test("the focal post keeps its badge, and Insert uses the page's inline reply box", async () => {
    const id = await badgeIn(x, target).getAttribute("data-apaise-post-id");
    // X changes pages without reloading: the content script must follow.
    await article(x, target).locator("a[href*='/status/'] time").click();
    await x.waitForURL(`**/status/${id}`);
    const focal = x.locator('article[data-testid="tweet"][tabindex="-1"]');
    await focal.locator(`[data-apaise-post-id="${id}"]`).waitFor();

    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await showQueue(panel);
    await panel.locator(`[data-key="x:${id}"]`).click();
    const second = panel.getByTestId("suggestion").nth(1);
    await second.waitFor();
    const text = await second.locator("textarea").inputValue();
    expect(text).toMatch(/sorry|apolog/i);
    await second.getByTestId("insert").click();
    await second.getByRole("status").waitFor();
    await expect
      .poll(() => x.evaluate(() => (window as unknown as DemoWindow).__apaiseDemo.getComposerText()))
      .toBe(text);
    expect(await x.locator('[role="dialog"]').count()).toBe(0);
    expect(await x.locator('[data-testid="tweetButtonInline"]').isEnabled()).toBe(true);
    await panel.close();
  });
});

describe("a complaint the brand already answered in its thread", () => {
  const target = "Is @LumaTelecom down again?";

  test("its badge, the queue and the detail say so; the brand's own reply is no complaint", async () => {
    await x.goto("https://x.com/home");
    await badgeIn(x, target).waitFor();
    const id = await badgeIn(x, target).getAttribute("data-apaise-post-id");
    await article(x, target).locator("a[href*='/status/'] time").click();
    await x.waitForURL(`**/status/${id}`);
    // The brand's reply (LumaTelecom is one of the team's handles) is shown under the complaint.
    const reply = article(x, "Engineers are on site in your area");
    await reply.waitFor();
    const badge = x.locator(`[data-apaise-post-id="${id}"]`).first();
    await expect
      .poll(() => badge.evaluate((el) => el.shadowRoot?.textContent ?? ""))
      .toContain("answered by @LumaTelecom");
    expect(await reply.locator("[data-apaise-post-id]").count()).toBe(0);

    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await showQueue(panel);
    const item = panel.locator(`[data-key="x:${id}"]`);
    await expect.poll(() => item.getByTestId("brand-answered").textContent()).toContain("@LumaTelecom");
    await item.click();
    await expect.poll(() => panel.getByTestId("brand-reply").textContent()).toContain("@LumaTelecom");
    await panel.getByTestId("suggestion").first().waitFor();
    await panel.close();
  });
});

describe("a site turned off in options", () => {
  test("loses its badges at once, and gets them back when turned on again", async () => {
    await x.goto("https://x.com/home");
    await badgeIn(x, "you charged me TWICE").waitFor();
    const options = await extensionPage("options.html");
    const toggle = options.locator('input[name="site-x"]');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await options.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => x.locator("[data-apaise-post-id]").count()).toBe(0);
    await toggle.check();
    await options.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => x.locator("[data-apaise-post-id]").count()).toBeGreaterThan(0);
    await options.close();
  });
});

describe("the extension's own pages", () => {
  test("the toolbar icon opens the side panel", async () => {
    const sw = await worker();
    const behavior = await sw.evaluate(() => chrome.sidePanel.getPanelBehavior());
    expect(behavior.openPanelOnActionClick).toBe(true);
  });

  test.each([
    { lang: "fr", theme: "light" },
    { lang: "fr", theme: "dark" },
    { lang: "en", theme: "dark" },
  ])("side panel in $lang, $theme: screenshots", async ({ lang, theme }) => {
    const sw = await worker();
    await sw.evaluate(async (uiLanguage) => {
      const { settings } = (await chrome.storage.local.get("settings")) as { settings: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...settings, uiLanguage } });
    }, lang);
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}&theme=${theme}`);
    await panel.setViewportSize({ width: 400, height: 900 });
    await showQueue(panel);
    const title = await panel.locator("#queue-title").textContent();
    expect(title).toContain(lang === "fr" ? "Plaintes dans cet onglet" : "Complaints in this tab");
    await panel.screenshot({ path: outputPath(`sidepanel-queue-${lang}-${theme}.png`) });
    await panel.locator(`[data-key]`, { hasText: "je résilie" }).click();
    await panel.getByTestId("suggestion").first().waitFor();
    const suggestions = await panel
      .getByTestId("suggestion")
      .locator("textarea")
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(suggestions).toHaveLength(3);
    await panel.screenshot({ path: outputPath(`sidepanel-detail-${lang}-${theme}.png`), fullPage: true });
    await panel.close();
  });
});

describe("reading as the agent scrolls", () => {
  test("a 300-post timeline: only posts near the viewport are read; scrolling down reads the next ones", async () => {
    const page = await context.newPage();
    try {
      await page.goto("https://x.com/home?posts=300");
      await page.waitForSelector("[data-apaise-post-id]");
      // Where the badged posts are, in screens from the top of the viewport (1: one screen below its top).
      const badged = () =>
        page.evaluate(() =>
          [...document.querySelectorAll("[data-apaise-post-id]")].map(
            (b) => (b.closest("article")?.getBoundingClientRect().top ?? Number.NaN) / innerHeight,
          ),
        );
      const articles = await page.locator('article[data-testid="tweet"]').count();
      expect(articles).toBeGreaterThanOrEqual(300);
      // Settled: the scans after the first frames are done.
      await page.waitForTimeout(1500);
      const atTop = await badged();
      expect(atTop.length).toBeGreaterThan(0);
      // Read: the viewport and one screen below it (a post starting there may reach a little further).
      expect(Math.max(...atTop)).toBeLessThan(2.2);
      const queued = await page.evaluate(() => document.querySelectorAll("article").length);
      expect(atTop.length).toBeLessThan(queued / 10);

      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(async () => (await badged()).length, { timeout: 10_000 }).toBeGreaterThan(atTop.length);
      const atBottom = await badged();
      // The new badges are on the posts now in view (negative: above the new viewport's top), none in between.
      const fresh = atBottom.filter((top) => top > -1.6);
      expect(fresh.length).toBeGreaterThan(0);
      expect(atBottom.length).toBe(atTop.length + fresh.length);
    } finally {
      await page.close();
    }
  });

  test("the background judges the posts: stopped, it is woken by the next posts read, loads its model again and judges them", async () => {
    const page = await context.newPage();
    try {
      await page.goto("https://x.com/home?posts=120");
      await page.waitForSelector("[data-apaise-post-id]");
      const before = await page.locator("[data-apaise-post-id]").count();
      const cdp = await context.newCDPSession(page);
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.stopAllWorkers");
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect
        .poll(() => page.locator("[data-apaise-post-id]").count(), { timeout: 15_000 })
        .toBeGreaterThan(before);
      // Judged by the trained model, as before the stop (the log page reads the same database).
      const log = await extensionPage("log.html");
      const models = await complaintModels(log);
      await log.close();
      expect(models.length).toBeGreaterThan(before);
      for (const m of models) expect(m).toMatch(/^linear-/);
    } finally {
      await page.close();
    }
  });
});
