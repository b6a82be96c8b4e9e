/** What every bench module returns and the one statistic they share. */

/** A figure of the printed table: `key value unit note`. */
export interface Row {
  key: string;
  value: number;
  unit: string;
  note: string;
}

/** The median (the mean of the two middle values for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Readings on each side (with and without the extension, alternating) for a page-cost ratio. The machines are
 * shared: on a two-core VM a light page's scripting time varied from 317 to 517 ms across 11 loads in one run, and
 * with the median of 7 (then 11) readings a side, a site's ratio moved by ±0.05 to ±0.07 from one run to the next,
 * as much as the extension's own share of the page's scripting (5 to 8% in traces). Even in one browser, a load's
 * scripting time varies by 10 to 17% (coefficient of variation, Reddit's and TikTok's pages, wall or thread time
 * alike): the estimate's spread falls as one over the square root of the loads, and 21 a side is what a run of the
 * ten pages can afford (about 35 minutes).
 */
export const PAGE_RUNS = 21;

/**
 * The ratio of two sets of timings, with over without: the Hodges–Lehmann estimate, the median of every ratio
 * `with[i] / without[j]`. As robust to a stray slow load as the ratio of the medians, and steadier: under normal
 * noise its spread is about 0.82 times theirs (asymptotic efficiency 0.95 against 0.64). NaN when a side is empty.
 */
export function ratioOf(withTimes: readonly number[], withoutTimes: readonly number[]): number {
  const ratios: number[] = [];
  for (const a of withTimes) for (const b of withoutTimes) ratios.push(a / b);
  return median(ratios);
}

/**
 * Where a page-cost figure measures its "without" side: the same page, in the same browser as the extension, at a
 * host no content script of ours matches (lib/sites/matches.ts; `.test` is reserved and never resolves, and the
 * bench serves it with `context.route`). Two browsers, one with and one without the extension, drifted apart by up
 * to 21% for minutes at a time on the side the extension does not touch; one browser cannot.
 */
export function controlUrl(url: string, site: string): string {
  const control = new URL(url);
  control.host = `${site}.apaise-bench.test`;
  return control.href;
}
