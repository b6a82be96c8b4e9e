import { describe, expect, test } from "vitest";
import { median, ratioOf } from "../../../bench/stats";

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
