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
 * Readings on each side (with and without the extension, alternating) for a page-cost ratio: the machines are
 * shared, and a light page's scripting time varied from 317 to 517 ms across 11 loads in one run (two-core VM), so
 * the median of many is kept. At 7, a site's ratio moved by ±0.07 from one run to the next.
 */
export const PAGE_RUNS = 11;
