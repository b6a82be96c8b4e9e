/**
 * `npm run bench`: speed and size, measured here and printed as a table (`-- --json` for one JSON object).
 * Page costs are ratios of two measurements taken in the same run, alternating, so a noisy shared machine
 * affects both sides alike.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext } from "playwright-core";
import { detect } from "../lib/detect";
import { EXTENSION_DIR, launch, ROOT } from "../scripts/chromium";
import { routeDemo } from "../scripts/demo-route";

const json = process.argv.includes("--json");
const log = (...a: unknown[]) => {
  if (!json) console.error(...a);
};

interface Row {
  key: string;
  value: number;
  unit: string;
  note: string;
}
const rows: Row[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Texts to classify: the shared English test set when present (read, never copied), else our demo posts. */
function benchTexts(): { texts: string[]; source: string } {
  const shared = join(ROOT, "../shared/data/complaints-preotiuc-pietro-2019/test.jsonl");
  if (existsSync(shared)) {
    const texts = readFileSync(shared, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? ""));
    return { texts, source: "shared English test set" };
  }
  const demo = readFileSync(join(ROOT, "demo/posts.ts"), "utf8");
  const texts = [...demo.matchAll(/text:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  return { texts, source: "demo posts (../shared absent)" };
}

function benchDetect(): void {
  const { texts, source } = benchTexts();
  for (const t of texts) detect(t); // warm-up: let V8 optimise
  const perCall: number[] = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    let n = 0;
    while (n < 20_000) {
      for (const t of texts) detect(t);
      n += texts.length;
    }
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / n);
  }
  rows.push({ key: "detect_us_per_post", value: median(perCall), unit: "µs", note: `median of 15 rounds, ${source}` });
}

function benchBundle(): void {
  const file = join(EXTENSION_DIR, "content-scripts/x.js");
  if (!existsSync(file)) {
    log("no Chrome build: run `npm run build` for the bundle figures");
    return;
  }
  const raw = readFileSync(file);
  rows.push({ key: "content_script_kb", value: statSync(file).size / 1024, unit: "KB", note: "x.js, minified" });
  rows.push({ key: "content_script_gz_kb", value: gzipSync(raw).length / 1024, unit: "KB", note: "x.js, gzip" });
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
  await page.close();
  return metrics.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN;
}

async function benchPageCost(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    log("no Chrome build: skipping page-cost figures");
    return;
  }
  const withExt = await launch({ extension: true });
  const without = await launch({ extension: false });
  try {
    await routeDemo(withExt.context);
    await routeDemo(without.context);
    for (const posts of [100, 1000]) {
      const url = `https://x.com/home?posts=${posts}`;
      const a: number[] = [];
      const b: number[] = [];
      await scriptSeconds(withExt.context, url, true); // warm caches on both sides
      await scriptSeconds(without.context, url, false);
      for (let i = 0; i < 5; i++) {
        a.push(await scriptSeconds(withExt.context, url, true));
        b.push(await scriptSeconds(without.context, url, false));
      }
      const ratio = median(a) / median(b);
      rows.push({
        key: posts === 100 ? "content_script_overhead_ratio_100" : "content_script_overhead_ratio",
        value: ratio,
        unit: "×",
        note: `page scripting time with / without the extension, demo timeline of ${posts} posts, median of 5 (${(median(a) * 1000).toFixed(0)} ms / ${(median(b) * 1000).toFixed(0)} ms)`,
      });
    }
  } finally {
    await withExt.close();
    await without.close();
  }
}

benchDetect();
benchBundle();
await benchPageCost();

if (json) {
  console.log(JSON.stringify(Object.fromEntries(rows.map((r) => [r.key, Number(r.value.toFixed(3))]))));
} else {
  const w = Math.max(...rows.map((r) => r.key.length));
  console.log(`${"figure".padEnd(w)}  ${"value".padStart(10)}  unit  note`);
  for (const r of rows)
    console.log(`${r.key.padEnd(w)}  ${r.value.toFixed(3).padStart(10)}  ${r.unit.padEnd(4)}  ${r.note}`);
}
