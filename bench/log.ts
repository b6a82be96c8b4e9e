/**
 * The manager's desk at 100,000 entries, in Chromium with the built extension: a generated team log (sealed, as
 * the background seals it) is written into the extension's IndexedDB from an extension page, then the log page is
 * opened and driven. The page measures itself (`window.__apaiseLogTimings`, see components/log/page-io.ts):
 *
 * - `log_open_100k_ms`: navigation to the first rows of the full log in the page (median of 5 fresh opens).
 * - `log_filter_100k_ms`: a search typed or a filter picked, to the table updated (median of 8 changes).
 * - `log_csv_100k_ms`: the CSV of everything built, from the click.
 * - `log_metrics_100k_ms`: from the Metrics tab's click to every figure computed and in the page.
 * - `log_chain_100k_ms`: the integrity chain verified (after the first paint, in batches).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { LogTimings } from "../components/log/page-io";
import { chainOrder, chainPayload } from "../lib/log/chain";
import { CATEGORIES, type Category, type ReplyLogEntry, type Severity, STRATEGIES } from "../lib/schemas";
import { uuidv7 } from "../lib/uuid";
import { EXTENSION_DIR, launch } from "../scripts/chromium";
import { median, type Row } from "./stats";

export const BENCH_ENTRIES = 100_000;

/** A small seeded PRNG (mulberry32): the same log every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AGENTS = ["Julie", "Marc", "Ana", "Karim", "Léa", "Tom", "Inès", "Hugo", "Sofia", "Yann", "Chloé", "Omar"];
const AUTHORS = [
  ["claire_dlt", "Claire D."],
  ["mdupont75", "Marc Dupont"],
  ["sam_k", "Sam K."],
  ["nina.rossi", "Nina Rossi"],
  ["jb_martin", "J-B Martin"],
  ["the_real_tom", "Tom"],
  ["lucie_b", "Lucie B."],
  ["raph_io", "Raphaël"],
] as const;
const POSTS: ReadonlyArray<readonly ["fr" | "en", Category, string]> = [
  ["fr", "delivery", "@ColisExpress toujours pas reçu mon colis, {n} jours de retard. Inadmissible."],
  ["fr", "billing", "@EnergiePlus prélevé deux fois ce mois-ci ({n} €) et personne ne répond au téléphone !!"],
  ["en", "outage", "@StreamBox app down again during the match. Third time this week, order {n}. Unacceptable."],
  ["en", "account", "@ShopNow locked out of my account for {n} days, support keeps sending the same email"],
  ["fr", "product", "@CafeMaison la machine fuit depuis le premier jour (commande {n}), remboursez-moi."],
  ["en", "service", "@FlyHigh {n} minutes on hold and then the line just dropped. Great service."],
  ["fr", "pricing", "@LumaTelecom +{n} € sur ma facture sans prévenir, c'est du vol"],
  ["en", "delivery", "@ColisExpress parcel {n} marked delivered but nothing at my door"],
];
const REPLIES = {
  fr: [
    "Bonjour, nous sommes désolés pour ce désagrément. Pouvez-vous nous écrire en message privé avec votre numéro de commande ?",
    "Bonjour, merci de votre patience. Nous regardons votre dossier tout de suite et revenons vers vous aujourd'hui.",
    "Toutes nos excuses. Écrivez-nous en DM, on s'en occupe personnellement.",
  ],
  en: [
    "Hi, we're sorry about this. Could you DM us your order number so we can look into it right away?",
    "Hi, thanks for your patience. We're on it and will get back to you today.",
    "So sorry for the trouble. Please send us a private message and we'll sort it out.",
  ],
} as const;
const LINT_RULES = ["blame", "personal-data", "public-compensation", "promise"] as const;

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)] as T;

/**
 * `n` log entries of a team of twelve over the 364 days before `end`, sealed per agent: inside the default
 * retention (365 days), which the background applies on its own and would otherwise trim the oldest.
 */
export async function generateLog(n: number, end: number, seed = 7): Promise<ReplyLogEntry[]> {
  const random = seeded(seed);
  const span = 364 * 86_400_000;
  const out: ReplyLogEntry[] = [];
  for (let i = 0; i < n; i++) {
    const insertedAt = end - span + Math.floor((i / n) * span) + Math.floor(random() * 1000);
    const [author, authorName] = pick(AUTHORS, random);
    const [lang, category, template] = pick(POSTS, random);
    const postId = String(1_850_000_000_000_000_000n + BigInt(i) * 7919n);
    const publishedAt = random() < 0.95 ? insertedAt - 60_000 - Math.floor(random() ** 2 * 6 * 3_600_000) : null;
    const detectedAt = (publishedAt ?? insertedAt - 600_000) + Math.floor(random() * 120_000);
    const suggested = pick(REPLIES[lang], random);
    const scratch = random() < 0.1;
    const edited = scratch || random() < 0.25;
    const finalText = scratch
      ? `${pick(REPLIES[lang], random)} (${i})`
      : edited
        ? `${suggested} ^${i % 97}`
        : suggested;
    const posted = random() < 0.7;
    const postedAt = posted ? insertedAt + Math.floor(random() * 90_000) : null;
    const from = publishedAt ?? detectedAt;
    const severity = pick([1, 1, 1, 2, 2, 3] as Severity[], random);
    out.push({
      id: uuidv7(insertedAt),
      site: "x",
      postId,
      postUrl: `https://x.com/${author}/status/${postId}`,
      author,
      authorName,
      postText: template.replace("{n}", String(i)),
      detection: {
        complaint: true,
        score: 0.55 + Math.round(random() * 45) / 100,
        severity,
        category: CATEGORIES.includes(category) ? category : "other",
        lang,
        reasons: ["retard", "remboursez", "unacceptable"].slice(0, 1 + Math.floor(random() * 3)),
        model: "linear-bench",
        risk: Math.round(random() * 100) / 100,
        brandDirected: true,
      },
      suggestion: scratch
        ? null
        : {
            id: `s-${i}`,
            strategy: pick(STRATEGIES.slice(0, 3), random),
            lang,
            text: suggested,
            length: suggested.length,
            maxLength: 280,
          },
      finalText,
      edited,
      ...(random() < 0.03 ? { lintOverride: [pick(LINT_RULES, random)] } : {}),
      agent: AGENTS[i % AGENTS.length] as string,
      publishedAt,
      detectedAt,
      insertedAt,
      postedAt,
      responseMs: Math.max(0, (postedAt ?? insertedAt) - from),
    });
  }
  return sealSync(out);
}

/**
 * lib/log/chain.ts's `sealAll` with Node's synchronous SHA-256: the same hashes (a unit test checks it), without
 * 100,000 awaits one after the other.
 */
export function sealSync(entries: readonly ReplyLogEntry[]): ReplyLogEntry[] {
  const heads = new Map<string, string>();
  return [...entries].sort(chainOrder).map((e) => {
    const { hash: _old, ...rest } = e;
    const linked = { ...rest, prevHash: heads.get(e.agent) ?? null };
    const hash = createHash("sha256").update(chainPayload(linked)).digest("hex");
    heads.set(e.agent, hash);
    return { ...linked, hash };
  });
}

/** Write entries (and optionally reviews) straight into the extension's database, from one of its pages. */
export async function seedLog(
  page: Page,
  entries: readonly ReplyLogEntry[],
  reviews: ReadonlyArray<{ replyId: string; mark: string | null; comment: string; reviewer: string; at: number }> = [],
): Promise<void> {
  const CHUNK = 5_000;
  for (let i = 0; i < Math.max(entries.length, reviews.length); i += CHUNK) {
    await page.evaluate(
      async ({ rows, marks }) => {
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const open = indexedDB.open("apaise");
          open.onsuccess = () => ok(open.result);
          open.onerror = () => ko(open.error);
        });
        const tx = db.transaction(["replies", "reviews"], "readwrite");
        for (const r of rows) tx.objectStore("replies").put(r);
        for (const m of marks) tx.objectStore("reviews").put(m);
        await new Promise<void>((ok, ko) => {
          tx.oncomplete = () => ok();
          tx.onerror = () => ko(tx.error);
        });
        db.close();
      },
      { rows: entries.slice(i, i + CHUNK), marks: reviews.slice(i, i + CHUNK) },
    );
  }
}

export type PageTimings = LogTimings;

export function pageTimings(page: Page): Promise<PageTimings> {
  return page.evaluate(() => ({ ...(window as { __apaiseLogTimings?: object }).__apaiseLogTimings }));
}

/** Wait until the page reports `key` (a fresh value when `before` is given). */
export async function waitTiming(page: Page, key: keyof PageTimings, before?: number, timeout = 60_000) {
  await page.waitForFunction(
    ({ key, before }) => {
      const v = (window as { __apaiseLogTimings?: Record<string, number> }).__apaiseLogTimings?.[key];
      return typeof v === "number" && v !== before;
    },
    { key, before },
    { timeout, polling: 20 },
  );
  return (await pageTimings(page))[key] as number;
}

export async function benchLog(): Promise<Row[]> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    console.error("no Chrome build: skipping the log page figures");
    return [];
  }
  const browser = await launch();
  try {
    const { context, extensionId } = browser;
    const url = `chrome-extension://${extensionId}/log.html`;
    const setup = await context.newPage();
    await setup.goto(url);
    await setup.getByTestId("log-count").waitFor();
    const entries = await generateLog(BENCH_ENTRIES, Date.now());
    await seedLog(setup, entries);
    await setup.close();

    // Opens: the first rows, then the whole log in memory. Extension pages share one renderer: a closed page's
    // 100,000 entries are garbage the next page would pay for in a major GC before its script even starts, so
    // the garbage is collected (from an idle extension page) before each open: each open is a first open.
    const idle = await context.newPage();
    await idle.goto(`chrome-extension://${extensionId}/options.html`);
    const cdp = await context.newCDPSession(idle);
    const opens: number[] = [];
    const loads: number[] = [];
    const scripts: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < 5; i++) {
      await page?.close();
      await cdp.send("HeapProfiler.collectGarbage");
      await idle.waitForTimeout(500);
      page = await context.newPage();
      await page.goto(url);
      opens.push(await waitTiming(page, "open"));
      loads.push(await waitTiming(page, "loaded", undefined, 120_000));
      const t = await pageTimings(page);
      scripts.push(t.script ?? Number.NaN);
      if (t.loadedRows !== BENCH_ENTRIES) throw new Error(`log bench: the page loaded ${t.loadedRows} entries`);
    }
    if (!page) throw new Error("log bench: no page");
    const p = page;
    await p.getByTestId("log-row").first().waitFor();
    const chain = await waitTiming(p, "chain", undefined, 180_000);
    const chainState = await p.getByTestId("chain-status").getAttribute("data-state");

    // Filters: a search typed at once (a full scan), then narrowed, then filters picked, then cleared.
    const filters: number[] = [];
    const step = async (act: () => Promise<void>) => {
      const before = (await pageTimings(p)).filter;
      await act();
      filters.push(await waitTiming(p, "filter", before));
    };
    const search = page.locator('input[name="q"]');
    await step(() => search.fill("remboursez"));
    await step(() => search.fill("remboursez-moi 12"));
    await step(() => search.fill("parcel"));
    await step(() => search.fill(""));
    await step(() => p.selectOption('select[name="agent"]', "Léa").then(() => {}));
    await step(() => p.selectOption('select[name="status"]', "posted").then(() => {}));
    await step(() => p.selectOption('select[name="category"]', "billing").then(() => {}));
    await step(() => p.getByRole("button", { name: "Clear filters" }).click());

    // CSV of everything, three times.
    await p.selectOption('select[name="scope"]', "all");
    const csvs: number[] = [];
    let csvBytes = 0;
    for (let i = 0; i < 3; i++) {
      const before = (await pageTimings(p)).csv;
      const [download] = await Promise.all([
        p.waitForEvent("download", { timeout: 60_000 }),
        p.getByRole("button", { name: "Export CSV" }).click(),
      ]);
      csvs.push(await waitTiming(p, "csv", before));
      csvBytes = (await pageTimings(p)).csvBytes ?? 0;
      await download.delete();
    }
    const csv = median(csvs);

    // Metrics: from the tab's click, twice (the second without the charts' first load).
    const metrics: number[] = [];
    for (let i = 0; i < 2; i++) {
      const before = (await pageTimings(p)).metrics;
      await p.getByRole("tab", { name: "Metrics" }).click();
      metrics.push(await waitTiming(p, "metrics", before));
      await p.getByTestId("chart-within").locator("canvas").first().waitFor({ timeout: 120_000 });
      await p.getByRole("tab", { name: "Review" }).click();
    }

    const n = "100,000 generated entries, 12 agents, one year";
    return [
      {
        key: "log_open_100k_ms",
        value: median(opens),
        unit: "ms",
        note: `navigation to the first (newest) rows, median of 5 opens (${opens.map((v) => v.toFixed(0)).join(", ")}; script started at ${median(scripts).toFixed(0)}); ${n}`,
      },
      {
        key: "log_load_100k_ms",
        value: median(loads),
        unit: "ms",
        note: `navigation to the whole log in memory, read newest first in chunks (${loads.map((v) => v.toFixed(0)).join(", ")})`,
      },
      {
        key: "log_filter_100k_ms",
        value: median(filters),
        unit: "ms",
        note: `search or filter to the table updated, median of ${filters.length} (max ${Math.max(...filters).toFixed(0)})`,
      },
      {
        key: "log_csv_100k_ms",
        value: csv,
        unit: "ms",
        note: `CSV of everything built, median of 3 (${csvs.map((v) => v.toFixed(0)).join(", ")}; ${(csvBytes / 1e6).toFixed(1)} M characters)`,
      },
      {
        key: "log_metrics_100k_ms",
        value: median(metrics),
        unit: "ms",
        note: `Metrics tab's click to every figure in the page (${metrics.map((v) => v.toFixed(0)).join(", ")})`,
      },
      {
        key: "log_chain_100k_ms",
        value: chain,
        unit: "ms",
        note: `integrity chain verified once the log is in memory, in slices (SHA-256 in JavaScript): ${chainState}`,
      },
    ];
  } finally {
    await browser.close();
  }
}
