/**
 * `npm run bench`: speed, size and the detector's accuracy on held-out data, measured here and printed as a table
 * (`-- --json` for one JSON object, `-- --only=pages,bundle` for some groups). ../shared is read at run time; figures that need it are skipped without it.
 * Page costs are ratios of two measurements taken in the same run, alternating, so a noisy shared machine
 * affects both sides alike.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext } from "playwright-core";
import { detect, loadModelFromBytes, type Model } from "../lib/detect";
import { LEXICON_WORDS } from "../lib/detect/lexicon";
import { binaryMetrics } from "../lib/detect/train";
import { EXTENSION_DIR, launch, ROOT } from "../scripts/chromium";
import { routeDemo } from "../scripts/demo-route";
import {
  isBrandDirected,
  type LabelledText,
  loadEnglish,
  loadFrench,
  MODEL_BIN,
  sharedPresent,
} from "../scripts/detect-data";
import { controlUrl, median, PAGE_RUNS, type Row, ratioOf } from "./stats";

const json = process.argv.includes("--json");
const log = (...a: unknown[]) => {
  if (!json) console.error(...a);
};

const rows: Row[] = [];

/** Texts to classify: the shared English test set when present (read, never copied), else our demo posts. */
function benchTexts(): { texts: string[]; source: string } {
  if (sharedPresent()) return { texts: loadEnglish("test").map((r) => r.text), source: "shared English test set" };
  const demo = readFileSync(join(ROOT, "demo/posts.ts"), "utf8");
  const texts = [...demo.matchAll(/text:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  return { texts, source: "demo posts (../shared absent)" };
}

/** The trained model, when `npm run train` has written it (and it decodes). */
function loadModel(): Model | undefined {
  if (!existsSync(MODEL_BIN)) {
    log("no public/model/detect-v1.bin: run `npm run train` for the model figures");
    return undefined;
  }
  try {
    return loadModelFromBytes(new Uint8Array(readFileSync(MODEL_BIN)));
  } catch (error) {
    log(`public/model/detect-v1.bin unreadable (${(error as Error).message}): skipping the model figures`);
    return undefined;
  }
}

/** Median µs per detect call over 15 rounds of ≥ 20,000 calls, after a warm-up pass. */
function timeDetect(texts: readonly string[], model: Model | undefined): number {
  for (const t of texts) detect(t, {}, model); // warm-up: let V8 optimise
  const perCall: number[] = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    let n = 0;
    while (n < 20_000) {
      for (const t of texts) detect(t, {}, model);
      n += texts.length;
    }
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / n);
  }
  return median(perCall);
}

function benchDetect(model: Model | undefined): void {
  const { texts, source } = benchTexts();
  if (model) {
    rows.push({
      key: "detect_us_per_post",
      value: timeDetect(texts, model),
      unit: "µs",
      note: `trained model (${model.id}), median of 15 rounds, ${source}`,
    });
  }
  rows.push({
    key: model ? "detect_baseline_us_per_post" : "detect_us_per_post",
    value: timeDetect(texts, undefined),
    unit: "µs",
    note: `lexicon baseline alone, median of 15 rounds, ${source}`,
  });
}

function macroF1(data: readonly LabelledText[], model: Model): number {
  return binaryMetrics(
    data.map((r) => detect(r.text, {}, model).complaint),
    data.map((r) => r.label),
  ).macroF1;
}

/**
 * Accuracy on the held-out test splits, which training never reads: text only, no site metadata (no lang
 * attribute, no brand handles), as on a page that gives none.
 */
async function benchAccuracy(model: Model | undefined): Promise<void> {
  if (!model) return;
  if (!sharedPresent()) {
    log("../shared/data absent: skipping the English accuracy figures");
  } else {
    const test = loadEnglish("test");
    const brand = test.filter(isBrandDirected);
    rows.push({
      key: "detect_macro_f1_en",
      value: macroF1(test, model),
      unit: "",
      note: `complaints-preotiuc-pietro-2019 test.jsonl, all ${test.length} rows`,
    });
    rows.push({
      key: "detect_macro_f1_en_brand",
      value: macroF1(brand, model),
      unit: "",
      note: `the same, ${brand.length} brand-directed rows (domain not random_*)`,
    });
  }
  const french = await loadFrench();
  if (!french) log("data/fr-complaints absent: skipping the French accuracy figure");
  else
    rows.push({
      key: "detect_macro_f1_fr",
      value: macroF1(french.test, model),
      unit: "",
      note: `data/fr-complaints test split, ${french.test.length} rows`,
    });
}

/**
 * What the model costs to ship: the gzipped .bin plus the lexicon's words gzipped (as JSON), both loaded once by the
 * background, which judges every tab's posts (lib/detect/service.ts).
 */
function benchModelSize(): void {
  if (!existsSync(MODEL_BIN)) return;
  const bin = gzipSync(readFileSync(MODEL_BIN), { level: 9 }).length;
  const lex = gzipSync(JSON.stringify(LEXICON_WORDS), { level: 9 }).length;
  rows.push({
    key: "detect_model_gz_kb",
    value: (bin + lex) / 1024,
    unit: "KB",
    note: `detect-v1.bin ${(bin / 1024).toFixed(1)} KB gzip + lexicon words ${(lex / 1024).toFixed(1)} KB gzip`,
  });
}

function benchBundle(): void {
  const dir = join(EXTENSION_DIR, "content-scripts");
  const file = join(dir, "x.js");
  if (!existsSync(file)) {
    log("no Chrome build: run `npm run build` for the bundle figures");
    return;
  }
  const raw = readFileSync(file);
  rows.push({ key: "content_script_kb", value: statSync(file).size / 1024, unit: "KB", note: "x.js, minified" });
  rows.push({ key: "content_script_gz_kb", value: gzipSync(raw).length / 1024, unit: "KB", note: "x.js, gzip" });
  // Every site's content script (one bundle each; Mastodon's is registered at run time).
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort();
  for (const name of scripts) {
    rows.push({
      key: `content_script_gz_kb_${name.slice(0, -".js".length)}`,
      value: gzipSync(readFileSync(join(dir, name))).length / 1024,
      unit: "KB",
      note: `content-scripts/${name}, gzip (${(statSync(join(dir, name)).size / 1024).toFixed(1)} KB minified)`,
    });
  }
}

async function scriptSeconds(context: BrowserContext, url: string, expectBadges: boolean): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector('article[data-testid="tweet"]');
  if (expectBadges) await page.waitForSelector("[data-apaise-post-id]", { timeout: 15_000 });
  // Let idle-time work (ours included) finish: the same wait on both sides.
  await page.waitForTimeout(1200);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const badges = await page.locator("[data-apaise-post-id]").count();
  await page.close();
  if (!expectBadges && badges > 0) throw new Error(`${new URL(url).host}: a content script ran on the control page`);
  return metrics.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN;
}

async function benchPageCost(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    log("no Chrome build: skipping page-cost figures");
    return;
  }
  // One browser: the demo at x.com (the content script runs) and at a control host no content script matches.
  const browser = await launch({ extension: true });
  try {
    await routeDemo(browser.context, ["https://x.com/**", `${new URL(controlUrl("https://x.com/", "x")).origin}/**`]);
    for (const posts of [100, 1000]) {
      const url = `https://x.com/home?posts=${posts}`;
      const control = controlUrl(url, "x");
      const a: number[] = [];
      const b: number[] = [];
      await scriptSeconds(browser.context, url, true); // warm caches on both sides
      await scriptSeconds(browser.context, control, false);
      for (let i = 0; i < PAGE_RUNS; i++) {
        a.push(await scriptSeconds(browser.context, url, true));
        b.push(await scriptSeconds(browser.context, control, false));
      }
      const ratio = ratioOf(a, b);
      rows.push({
        key: posts === 100 ? "content_script_overhead_ratio_100" : "content_script_overhead_ratio",
        value: ratio,
        unit: "×",
        note: `page scripting time with / without the extension, demo timeline of ${posts} posts, ${PAGE_RUNS} loads a side, median of the ratios (medians ${(median(a) * 1000).toFixed(0)} ms / ${(median(b) * 1000).toFixed(0)} ms), one browser, without = at ${new URL(control).host}`,
      });
    }
  } finally {
    await browser.close();
  }
}

/** `-- --only detect,pages`: run only the named groups (detect, suggest, bundle, pages, desk, sync, log). */
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const want = (group: string) => !only || only.includes(group);

const model = want("detect") ? loadModel() : undefined;
if (want("detect")) benchDetect(model);
if (want("suggest")) rows.push(...(await import("./suggest")).benchSuggest());
if (want("detect")) await benchAccuracy(model);
if (want("detect")) benchModelSize();
if (want("bundle")) benchBundle();
if (want("pages")) await benchPageCost();
if (want("pages")) rows.push(...(await (await import("./pages")).benchSitePages({ log })));
if (want("desk")) rows.push(...(await (await import("./desk")).benchDesk()));
if (want("sync")) rows.push(...(await (await import("./sync")).benchSync()));
if (want("log")) rows.push(...(await (await import("./log")).benchLog()));

if (json) {
  console.log(JSON.stringify(Object.fromEntries(rows.map((r) => [r.key, Number(r.value.toFixed(3))]))));
} else {
  const w = Math.max(...rows.map((r) => r.key.length));
  console.log(`${"figure".padEnd(w)}  ${"value".padStart(10)}  unit  note`);
  for (const r of rows)
    console.log(`${r.key.padEnd(w)}  ${r.value.toFixed(3).padStart(10)}  ${r.unit.padEnd(4)}  ${r.note}`);
}
