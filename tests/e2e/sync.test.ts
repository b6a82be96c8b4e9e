/**
 * Team sync in headless Chromium with the built extension and the reference team endpoint (PGlite, loopback):
 * the agent connects in options; the service worker is stopped in the middle of a sync and nothing is lost or
 * duplicated; a colleague's claim shows on the page's badge and in the side panel, and inserting over it asks for
 * confirmation; a manager's token pulls the whole team's log.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { routeDemo } from "../../scripts/demo-route";
import { addAgent, createTeam } from "../../server/admin";
import { type Db, openDb } from "../../server/db";
import { startServer } from "../../server/main";
import { migrate } from "../../server/migrations";
import { type Launched, launch, outputPath } from "./harness";

let browser: Launched;
let context: BrowserContext;
let db: Db;
let server: { url: string; close(): Promise<void> };
let proxy: Server;
let proxyUrl: string;
const tokens = { julie: "", marc: "", ana: "" };
const ids = { julie: "", marc: "" };

/** Loopback proxy in front of the server: can hold answers (the server has already stored the batch). */
const hold = { ms: 0, forwarded: 0 };

function startProxy(target: string): Promise<Server> {
  const to = new URL(target);
  const p = createServer((req, res) => {
    const upstream = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        const chunks: Buffer[] = [];
        up.on("data", (c: Buffer) => chunks.push(c));
        up.on("end", () => {
          if (req.url?.startsWith("/v1/sync")) hold.forwarded++;
          setTimeout(() => {
            if (res.destroyed) return;
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(Buffer.concat(chunks));
          }, hold.ms);
        });
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((ok) => p.listen(0, "127.0.0.1", () => ok(p)));
}

async function extensionPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Runs in an extension page: counts rows of a table of the extension's database. */
async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const open = indexedDB.open("apaise");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    const req = db.transaction(name).objectStore(name).count();
    const n = await new Promise<number>((ok) => {
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return n;
  }, table);
}

async function connect(page: Page, token: string): Promise<void> {
  await page.fill('input[name="teamEndpoint"]', proxyUrl);
  await page.fill('input[name="teamToken"]', token);
  await page.getByRole("button", { name: "Connect" }).click();
}

async function serverReplies(agentId: string): Promise<{ n: number; distinct: number }> {
  const [row] = await db.query<{ n: string; distinct: string }>(
    "select count(*) as n, count(distinct key) as distinct from changes where kind = 'reply' and agent_id = $1",
    [agentId],
  );
  return { n: Number(row?.n), distinct: Number(row?.distinct) };
}

beforeAll(async () => {
  db = await openDb({});
  await migrate(db);
  const team = await createTeam(db, "Acme");
  const julie = await addAgent(db, team.id, "Julie", "agent");
  const marc = await addAgent(db, team.id, "Marc", "agent");
  const ana = await addAgent(db, team.id, "Ana", "manager");
  Object.assign(tokens, { julie: julie.token, marc: marc.token, ana: ana.token });
  Object.assign(ids, { julie: julie.id, marc: marc.id });
  server = await startServer({ db });
  proxy = await startProxy(server.url);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  browser = await launch();
  context = browser.context;
  await routeDemo(context);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => proxy?.close(ok));
  await server?.close();
  await db?.close();
});

describe("team sync", () => {
  test("the agent connects in options and sees the team, their name and role", async () => {
    const options = await extensionPage("options.html");
    await options.fill('input[name="agentName"]', "Julie");
    await options.getByRole("button", { name: "Save", exact: true }).click();
    await connect(options, tokens.julie);
    const status = options.getByTestId("sync-status");
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain("Acme · Julie (agent)");
    expect(await status.getAttribute("data-state")).toBe("ok");
    await options.screenshot({ path: outputPath("options-team.png"), fullPage: true });
    await options.close();
  });

  test("a wrong token is refused in words, and the agent can fix it", async () => {
    const options = await extensionPage("options.html");
    await connect(options, "apt_not-a-token");
    const status = options.getByTestId("sync-status");
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 15_000 }).toBe("error");
    expect(await status.textContent()).toContain("The team token was refused");
    await connect(options, tokens.julie);
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 15_000 }).toBe("ok");
    await options.close();
  });

  test("the service worker stopped in the middle of a sync loses nothing and duplicates nothing", async () => {
    const page = await extensionPage("options.html");
    const N = 1_200;
    // 1,200 log entries and their outbox rows, as the background writes them (one transaction each batch).
    await page.evaluate(async (n) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const open = indexedDB.open("apaise");
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      const tx = db.transaction(["replies", "outbox"], "readwrite");
      const base = Date.parse("2026-11-22T09:00:00Z");
      for (let i = 0; i < n; i++) {
        const at = base + i * 1000;
        const hex = (v: number, w: number) => v.toString(16).padStart(w, "0");
        const id = `${hex(at, 12).slice(0, 8)}-${hex(at, 12).slice(8)}-7000-8000-${hex(i, 12)}`;
        const entry = {
          id,
          site: "x",
          postId: String(1_900_000_000_000_000_000n + BigInt(i)),
          postUrl: `https://x.com/client${i}/status/${1_900_000_000_000_000_000n + BigInt(i)}`,
          author: `client${i}`,
          authorName: `Client ${i}`,
          postText: `Colis ${i} toujours pas reçu`,
          detection: {
            complaint: true,
            score: 0.9,
            severity: 1,
            category: "delivery",
            lang: "fr",
            reasons: [],
            model: "e2e",
            risk: 0.4,
            brandDirected: true,
          },
          suggestion: null,
          finalText: `Bonjour, nous regardons votre colis ${i} en message privé.`,
          edited: true,
          agent: "Julie",
          publishedAt: at - 600_000,
          detectedAt: at - 300_000,
          insertedAt: at,
          postedAt: null,
          responseMs: 600_000,
        };
        tx.objectStore("replies").put(entry);
        const changeId = `${hex(at, 12).slice(0, 8)}-${hex(at, 12).slice(8)}-7000-9000-${hex(i, 12)}`;
        tx.objectStore("outbox").add({
          id: changeId,
          change: { id: changeId, kind: "reply", key: id, at, data: entry },
        });
      }
      await new Promise((ok, ko) => {
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
      db.close();
    }, N);
    expect(await countRows(page, "outbox")).toBe(N);

    // The server takes the first batch, then the answer is held while the worker is stopped.
    hold.ms = 3_000;
    hold.forwarded = 0;
    void page.evaluate(() => chrome.runtime.sendMessage({ type: "sync/now" }).catch(() => null));
    await expect.poll(() => hold.forwarded, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const cdp = await context.newCDPSession(page);
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    const afterStop = await serverReplies(ids.julie);
    expect(afterStop.n).toBeGreaterThanOrEqual(500);
    expect(afterStop.n).toBeLessThan(N);
    // The stopped worker never heard the answer: its outbox still holds the batch the server stored.
    expect(await countRows(page, "outbox")).toBe(N);

    // A new worker (woken by a message) pushes everything again; the server recognises the stored batch.
    hold.ms = 0;
    await expect
      .poll(
        async () => {
          await page.evaluate(() => chrome.runtime.sendMessage({ type: "sync/now" }).catch(() => null));
          return countRows(page, "outbox");
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(0);
    const after = await serverReplies(ids.julie);
    expect(after).toEqual({ n: N, distinct: N });
    expect(await countRows(page, "replies")).toBe(N);
    await page.close();
  });

  test("a colleague's claim marks the badge and the side panel; inserting over it asks first", async () => {
    const x = await context.newPage();
    await x.goto("https://x.com/home");
    const badge = x.locator("[data-apaise-post-id]").first();
    await badge.waitFor();
    const postId = (await badge.getAttribute("data-apaise-post-id")) ?? "";
    // Marc, on another computer, opens the same complaint: his extension pushes a claim.
    const now = Date.now();
    const claimId = `${now.toString(16).padStart(12, "0").slice(0, 8)}-${now.toString(16).padStart(12, "0").slice(8)}-7abc-8abc-0123456789ab`;
    const res = await fetch(`${server.url}/v1/sync`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.marc}` },
      body: JSON.stringify({
        cursor: "0",
        changes: [
          {
            id: claimId,
            kind: "claim",
            key: `x:${postId}`,
            at: now,
            data: { agent: "Marc", state: "answering", expiresAt: now + 600_000 },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).accepted).toEqual([claimId]);

    const panel = await extensionPage("sidepanel.html");
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: "sync/now" }));
    const claimed = x.locator(`[data-apaise-post-id="${postId}"]`);
    await expect.poll(() => claimed.getAttribute("data-apaise-claimed"), { timeout: 15_000 }).toBe("answering");
    expect(await claimed.evaluate((h) => h.shadowRoot?.textContent)).toContain("Marc answering");
    await x.locator(`[data-apaise-post-id="${postId}"]`).screenshot({ path: outputPath("badge-claimed.png") });

    await claimed.click();
    // The side panel opens on that post (in a tab here): the claim is said, and Insert asks first.
    const tabId = await panel.evaluate(async () => (await chrome.tabs.query({ url: "https://x.com/*" }))[0]?.id ?? -1);
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId("colleague-claim").waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId("colleague-claim").textContent()).toContain("Marc is already answering");
    await panel.getByTestId("insert").first().click();
    await panel.getByTestId("confirm-insert").waitFor();
    await panel.screenshot({ path: outputPath("sidepanel-claimed.png"), fullPage: true });
    await panel.getByRole("button", { name: "Cancel" }).click();
    expect(await panel.getByTestId("confirm-insert").count()).toBe(0);
    await panel.close();
    await x.close();
  });

  test("a manager's extension pulls the whole team's log", async () => {
    // Marc's own entry, pushed from his computer.
    const at = Date.now();
    const hex = at.toString(16).padStart(12, "0");
    const entryId = `${hex.slice(0, 8)}-${hex.slice(8)}-7def-8def-0123456789ab`;
    const entry = {
      id: entryId,
      site: "x",
      postId: "1999999999999999999",
      postUrl: "https://x.com/someone/status/1999999999999999999",
      author: "someone",
      authorName: "Someone",
      postText: "Facture en double ce mois-ci",
      detection: {
        complaint: true,
        score: 0.8,
        severity: 2,
        category: "billing",
        lang: "fr",
        reasons: [],
        model: "e2e",
        risk: 0.5,
        brandDirected: true,
      },
      suggestion: null,
      finalText: "Bonjour, écrivez-nous en message privé, nous corrigeons la facture.",
      edited: true,
      agent: "Marc",
      publishedAt: at - 60_000,
      detectedAt: at - 30_000,
      insertedAt: at,
      postedAt: at + 1000,
      responseMs: 61_000,
    };
    const res = await fetch(`${server.url}/v1/sync`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.marc}` },
      body: JSON.stringify({
        cursor: "0",
        changes: [
          {
            id: `${hex.slice(0, 8)}-${hex.slice(8)}-7def-9def-0123456789ab`,
            kind: "reply",
            key: entryId,
            at,
            data: entry,
          },
        ],
      }),
    });
    expect(res.status).toBe(200);

    const options = await extensionPage("options.html");
    await connect(options, tokens.ana);
    await expect
      .poll(() => options.getByTestId("sync-status").textContent(), { timeout: 15_000 })
      .toContain("Ana (manager)");
    const log = await extensionPage("log.html");
    await expect.poll(() => log.getByText("Facture en double ce mois-ci").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => countRows(log, "replies")).toBe(1_201);
    await log.close();
    await options.close();
  });
});
