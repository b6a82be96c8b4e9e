/**
 * What the content script costs a page, per site: `content_script_overhead_ratio_<site>`, the page's scripting time
 * with the extension over without it, on a synthetic 1,000-post page of each site besides X (bench/site-pages.ts:
 * one post of the site's fixture, rendered 1,000 times by a Preact feed, 100 a frame), served at the site's real URL
 * with `context.route` (nothing goes out). Measured like run.ts's X figure: in one browser with the extension, the
 * page at its site's URL (the content script runs) and at a control host no content script matches (controlUrl), a
 * warm-up, then alternating, PAGE_RUNS (bench/stats.ts) CDP `Performance.getMetrics` ScriptDuration readings on each
 * side, and the median of every with / without ratio (ratioOf: the Hodges–Lehmann estimate).
 *
 * ScriptDuration leaves out promise jobs (the page script renders in queueMicrotask jobs, which it counts: see
 * site-page-app.tsx). Unlike the X demo, which renders its posts at once, these feeds grow a batch at a time, as
 * infinite feeds do, and the content script scans the page again after each batch.
 *
 * Mastodon has no fixed matches: the background registers its content script for the instances the agent listed
 * and granted (lib/content/registration.ts). Headless Chromium cannot answer the permission prompt, so the bench
 * writes the grant in the profile as Chromium records an accepted prompt, then lists the instance in storage as the
 * options page does and waits for the background's registration (launchGranted).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Worker } from "playwright-core";
import type { SiteId } from "../lib/schemas";
import { EXTENSION_DIR, grantInProfile, type Launched, launch } from "../scripts/chromium";
import type { FeedState } from "./site-page-app";
import { buildSitePage, PAGE_SCRIPT_PATH, SITE_PAGE_SPECS, type SitePage } from "./site-pages";
import { controlUrl, median, PAGE_RUNS, type Row, ratioOf } from "./stats";

const POSTS = 1000;
/** Posts added per animation frame, as an infinite feed loads them (the X demo renders all of its at once). */
const BATCH = 100;

function pageUrl(page: SitePage): string {
  const url = new URL(page.spec.url);
  url.searchParams.set("posts", String(POSTS));
  url.searchParams.set("batch", String(BATCH));
  return url.href;
}

/** A transparent 1×1 GIF, for every image the pages show (avatars, media): cached, so each URL loads once. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * Every http(s) request: a site's page or page script on its host or its control host, a pixel for images (an
 * aborted image is fetched again for every post that shows it), anything else aborted.
 */
async function routePages(context: BrowserContext, pages: readonly SitePage[]): Promise<void> {
  const byHost = new Map(
    pages.flatMap((p) => [p.spec.url, controlUrl(p.spec.url, p.site)].map((u) => [new URL(u).hostname, p] as const)),
  );
  await context.route(
    (url) => url.protocol === "https:" || url.protocol === "http:",
    (route) => {
      const url = new URL(route.request().url());
      const page = byHost.get(url.hostname);
      const type = route.request().resourceType();
      if (page && type === "script" && url.pathname === PAGE_SCRIPT_PATH) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: page.js });
      }
      if (page && type === "document") {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: page.html });
      }
      if (type === "image") {
        return route.fulfill({
          status: 200,
          contentType: "image/gif",
          headers: { "cache-control": "public, max-age=86400" },
          body: PIXEL,
        });
      }
      return route.abort();
    },
  );
}

interface Reading {
  seconds: number;
  rendered: number;
  badges: number;
}

async function scriptSeconds(context: BrowserContext, url: string, expectBadges: boolean): Promise<Reading> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(
      () => (window as unknown as { __apaiseBenchFeed?: FeedState }).__apaiseBenchFeed?.done === true,
      null,
      { timeout: 120_000, polling: 100 },
    );
    if (expectBadges) await page.waitForSelector("[data-apaise-post-id]", { timeout: 15_000 });
    // Let idle-time work (ours included) finish: the same wait on both sides.
    await page.waitForTimeout(1200);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const counts = await page.evaluate(() => ({
      rendered: (window as unknown as { __apaiseBenchFeed?: FeedState }).__apaiseBenchFeed?.rendered ?? 0,
      badges: document.querySelectorAll("[data-apaise-post-id]").length,
    }));
    return { seconds: metrics.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN, ...counts };
  } finally {
    await page.close();
  }
}

/**
 * One site's figure, in one browser with the extension: its page at the site's URL (where the content script runs)
 * and at its control host (where none does: no badge may show there), alternating.
 */
async function measure(page: SitePage, context: BrowserContext): Promise<Row> {
  const withUrl = pageUrl(page);
  const withoutUrl = controlUrl(withUrl, page.site);
  await scriptSeconds(context, withUrl, true); // warm caches on both sides
  await scriptSeconds(context, withoutUrl, false);
  const a: Reading[] = [];
  const b: Reading[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) {
    a.push(await scriptSeconds(context, withUrl, true));
    b.push(await scriptSeconds(context, withoutUrl, false));
  }
  if (b.some((r) => r.badges > 0))
    throw new Error(`${new URL(withoutUrl).host}: a content script ran on the control page`);
  const ms = (r: Reading[]) => median(r.map((x) => x.seconds)) * 1000;
  const rendered = Math.min(...a.map((r) => r.rendered), ...b.map((r) => r.rendered));
  const badges = median(a.map((r) => r.badges));
  const spec = page.spec;
  return {
    key: `content_script_overhead_ratio_${page.site}`,
    value: ratioOf(
      a.map((r) => r.seconds),
      b.map((r) => r.seconds),
    ),
    unit: "×",
    note:
      `median of the ${PAGE_RUNS}×${PAGE_RUNS} with / without ratios (medians ${ms(a).toFixed(0)} ms / ${ms(b).toFixed(0)} ms), ` +
      `one browser, without = at ${new URL(withoutUrl).host}; ${rendered} posts, ` +
      `${BATCH} a frame (${badges} badged), built from tests/fixtures/${spec.site}/${spec.fixture} at ${new URL(spec.url).host}; ` +
      "the synthetic page's own scripting (a Preact feed) is far lighter than the real site's: pessimistic",
  };
}

/** scripts/chromium.ts's launch(), on a profile in `home` that outlives the browser, and its service worker. */
async function launchProfile(home: string): Promise<{ context: BrowserContext; worker: Worker }> {
  const { context } = await launch({ home });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  return { context, worker };
}

/**
 * The built extension with the Mastodon instance `host` granted and listed. Headless Chromium shows the
 * permission prompt but nothing can answer it, so the grant is written in the closed profile's Preferences as
 * Chromium records an accepted prompt (granted, active and runtime-granted hosts); at the next launch the
 * service worker lists the instance in storage as the options page does, and the background registers the
 * content script for it (lib/content/registration.ts).
 */
async function launchGranted(host: string): Promise<Launched> {
  const home = mkdtempSync(join(tmpdir(), "apaise-chromium-"));
  const remove = () => rmSync(home, { recursive: true, force: true });
  const origin = `https://${host}/*`;
  let context: BrowserContext | undefined;
  try {
    const first = await launchProfile(home);
    const extensionId = new URL(first.worker.url()).host;
    await first.context.close();
    grantInProfile(home, extensionId, [origin]);

    const second = await launchProfile(home);
    context = second.context;
    const state = await second.worker.evaluate(
      async ({ h, o }) => {
        const api = (globalThis as unknown as { chrome: GrantApi }).chrome;
        if (!(await api.permissions.contains({ origins: [o] }))) return "not granted";
        await api.storage.local.set({ mastodonInstances: [h] });
        for (let i = 0; i < 100; i++) {
          const [script] = await api.scripting.getRegisteredContentScripts({ ids: ["apaise-mastodon"] });
          if (script?.matches?.includes(o)) return "registered";
          await new Promise((r) => setTimeout(r, 100));
        }
        return "not registered";
      },
      { h: host, o: origin },
    );
    if (state !== "registered") throw new Error(`Mastodon content script for ${host}: ${state}`);
    const granted = context;
    return {
      context: granted,
      extensionId,
      async close() {
        await granted.close().catch(() => {});
        remove();
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    remove();
    throw error;
  }
}

interface GrantApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  storage: { local: { set(v: Record<string, unknown>): Promise<void> } };
  scripting: { getRegisteredContentScripts(f: { ids: string[] }): Promise<Array<{ matches?: string[] }>> };
}

/** `content_script_overhead_ratio_<site>` for the nine sites besides X (run.ts measures X on the demo). */
export async function benchSitePages(
  opts: { sites?: readonly SiteId[]; log?: (...a: unknown[]) => void } = {},
): Promise<Row[]> {
  const log = opts.log ?? console.error;
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    log("no Chrome build: skipping the per-site page-cost figures");
    return [];
  }
  const specs = SITE_PAGE_SPECS.filter((s) => !opts.sites || opts.sites.includes(s.site));
  const pages = await Promise.all(specs.map((s) => buildSitePage(s.site, { write: true })));
  const rows: Row[] = [];
  let withExt: Launched | undefined;
  try {
    for (const page of pages) {
      const started = Date.now();
      let granted: Launched | undefined;
      try {
        let context: BrowserContext;
        if (page.site === "mastodon") {
          granted = await launchGranted(new URL(page.spec.url).hostname);
          context = granted.context;
          await routePages(context, pages);
        } else {
          if (!withExt) {
            withExt = await launch({ extension: true });
            await routePages(withExt.context, pages);
          }
          context = withExt.context;
        }
        const row = await measure(page, context);
        if (page.site === "mastodon") {
          row.note +=
            "; the instance granted in the profile as Chromium records an accepted prompt (headless, nothing can " +
            "answer it), listed as the options page does, the content script registered by the background";
        }
        rows.push(row);
        log(`pages: ${page.site} ${row.value.toFixed(3)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      } catch (error) {
        log(`pages: ${page.site} not measured: ${(error as Error).message}`);
      } finally {
        await granted?.close();
      }
    }
  } finally {
    await withExt?.close();
  }
  return rows;
}
