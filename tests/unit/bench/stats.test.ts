import { describe, expect, test } from "vitest";
import { SITE_PAGE_SPECS } from "../../../bench/site-pages";
import { controlUrl, median, ratioOf } from "../../../bench/stats";
import { SITE_MATCHES } from "../../../lib/sites/matches";

describe("median", () => {
  test.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5], 5],
    [[], Number.NaN],
  ])("median(%j) = %d", (xs, want) => {
    expect(median(xs)).toEqual(want);
  });
});

describe("ratioOf: the median of every with / without ratio", () => {
  test.each([
    // One reading a side: their ratio.
    [[2], [1], 2],
    // The same readings on both sides: 1, whatever their spread.
    [[1, 2, 4], [1, 2, 4], 1],
    [[300, 350, 517, 317, 420], [300, 350, 517, 317, 420], 1],
    // A side twice as slow, read by read: 2.
    [[200, 240, 260], [100, 120, 130], 2],
    // One stray slow load does not move it (the mean of the ratios would be 2.8).
    [[10, 10, 10, 10, 100], [10, 10, 10, 10, 10], 1],
    // Every pair counts: with 11, 12, 13 over 10, the nine ratios' median is 1.2.
    [[11, 12, 13], [10, 10, 10], 1.2],
    // Even count of pairs: the mean of the two middle ratios (1.0 and 1.1).
    [[10, 11], [10], 1.05],
    // A side without readings: no figure.
    [[], [1, 2], Number.NaN],
    [[1, 2], [], Number.NaN],
  ])("ratioOf(%j, %j) = %d", (withTimes, withoutTimes, want) => {
    const got = ratioOf(withTimes, withoutTimes);
    if (Number.isNaN(want)) expect(got).toBeNaN();
    else expect(got).toBeCloseTo(want, 10);
  });
});

describe("controlUrl: the same page at a host no content script matches", () => {
  // Every match pattern of ours names one host; Mastodon's bench instance is granted at run time.
  const ours = new Set([
    ...SITE_MATCHES.map((m) => new URL(m.replace("*", "")).host),
    ...SITE_PAGE_SPECS.map((s) => new URL(s.url).host),
  ]);
  test.each([
    ["https://x.com/home?posts=1000", "x", "https://x.apaise-bench.test/home?posts=1000"],
    ...SITE_PAGE_SPECS.map((s) => [
      s.url,
      s.site,
      `https://${s.site}.apaise-bench.test${new URL(s.url).pathname}${new URL(s.url).search}`,
    ]),
  ])("%s → %s", (url, site, want) => {
    const control = controlUrl(url, site);
    expect(control).toBe(want);
    expect(ours.has(new URL(control).host)).toBe(false);
  });
});
