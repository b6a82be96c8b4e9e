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
 * shared and a page's scripting time varies by a tenth from one load to the next, so the median of a few is kept.
 */
export const PAGE_RUNS = 7;
