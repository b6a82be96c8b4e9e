import { describe, expect, test } from "vitest";
import { DAY_MS, entriesToPurge, purgePreview, retentionCutoff } from "@/lib/log/retention";
import { entry, T0 } from "./support";

const now = T0 + 400 * DAY_MS;

describe("cutoff", () => {
  test.each<[number, number | null]>([
    [0, null],
    [-5, null],
    [Number.NaN, null],
    [365, now - 365 * DAY_MS],
    [30, now - 30 * DAY_MS],
    [1.9, now - DAY_MS],
  ])("%d days → %s", (days, cutoff) => {
    expect(retentionCutoff(now, days)).toBe(cutoff);
  });
});

describe("preview", () => {
  const days = (d: number) => d * 24 * 60;
  const log = [
    entry({ agent: "Julie" }, days(0)), // 400 days old
    entry({ agent: "Marc" }, days(10)), // 390
    entry({ agent: "Julie" }, days(34)), // 366
    entry({ agent: "Julie" }, days(35)), // exactly 365: kept
    entry({ agent: "Ana" }, days(399)), // yesterday
  ];
  const reviewed = new Set([log[1]?.id as string, log[4]?.id as string]);

  test("a year: the three entries older than 365 days, their reviews, per agent", () => {
    expect(purgePreview(log, reviewed, now, 365)).toEqual({
      cutoff: now - 365 * DAY_MS,
      count: 3,
      reviews: 1,
      oldest: log[0]?.insertedAt,
      newest: log[2]?.insertedAt,
      byAgent: [
        { agent: "Julie", count: 2 },
        { agent: "Marc", count: 1 },
      ],
      kept: 2,
    });
  });

  test.each([
    [0, 0],
    [10_000, 0],
    [401, 0],
    [398, 1],
    [380, 2],
    [1, 4],
  ])("%d days of retention purge %d entries", (d, count) => {
    const p = purgePreview(log, reviewed, now, d);
    expect(p.count).toBe(count);
    if (p.cutoff !== null) expect(entriesToPurge(log, p.cutoff)).toHaveLength(count);
  });
});
