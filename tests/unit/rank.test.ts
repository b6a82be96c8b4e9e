import { describe, expect, test } from "vitest";
import { byPriority, filterQueue, priority, reach, STATUS_FILTERS, urgency } from "@/lib/rank";
import { complaint, detection, post } from "./support/factories";

const T0 = Date.parse("2026-11-22T10:00:00.000Z");
const min = 60_000;

describe("urgency", () => {
  test.each([
    { age: 0, level: "ok", used: 0 },
    { age: 30, level: "ok", used: 0.5 },
    { age: 47, level: "ok", used: 47 / 60 },
    { age: 48, level: "warning", used: 0.8 },
    { age: 59, level: "warning", used: 59 / 60 },
    { age: 60, level: "late", used: 1 },
    { age: 600, level: "late", used: 10 },
  ])("a post $age minutes old is $level", ({ age, level, used }) => {
    const c = complaint({ detectedAt: T0 + 5 * min });
    const u = urgency(c, T0 + age * min);
    expect(u.level).toBe(level);
    expect(u.targetUsed).toBeCloseTo(used, 5);
  });

  test("counts from detection when the page gave no date", () => {
    const c = complaint({ post: post({ postedAt: null }), detectedAt: T0 });
    expect(urgency(c, T0 + 30 * min).ageMinutes).toBe(30);
  });

  test("a custom target moves the thresholds", () => {
    const c = complaint({ detectedAt: T0 });
    expect(urgency(c, T0 + 20 * min, 15).level).toBe("late");
    expect(urgency(c, T0 + 20 * min, 120).level).toBe("ok");
  });
});

describe("reach", () => {
  test.each([
    { metrics: { replies: null, reposts: null, likes: null, views: null }, range: [0, 0] },
    { metrics: { replies: 0, reposts: 0, likes: 3, views: 100 }, range: [0.1, 0.2] },
    { metrics: { replies: 400, reposts: 2000, likes: 30000, views: 2_000_000 }, range: [1, 1] },
  ])("engagement $metrics gives reach in $range", ({ metrics, range }) => {
    const r = reach({ post: post({ metrics }) });
    expect(r).toBeGreaterThanOrEqual(range[0] as number);
    expect(r).toBeLessThanOrEqual(range[1] as number);
  });
});

describe("priority", () => {
  const now = T0 + 30 * min;
  const base = (id: string, sev: 0 | 1 | 2 | 3, minutesAgo: number, likes = 0) =>
    complaint({
      key: `x:${id}`,
      post: post({
        id,
        postedAt: new Date(now - minutesAgo * min).toISOString(),
        metrics: { replies: 0, reposts: 0, likes, views: 0 },
      }),
      detection: detection({ severity: sev }),
      detectedAt: now - minutesAgo * min,
    });

  test("severity first; a viral post near its deadline before a fresh mild one", () => {
    const items = [base("a", 1, 5), base("b", 3, 2), base("c", 1, 50), base("d", 1, 50, 5000), base("e", 2, 10)];
    expect(byPriority(items, now).map((c) => c.post.id)).toEqual(["b", "d", "e", "c", "a"]);
  });

  test("a post far past the target does not bury a fresh severe one", () => {
    expect(priority(base("old", 1, 60 * 24), now)).toBeLessThan(priority(base("new", 2, 1), now));
  });
});

describe("queue filters", () => {
  const statuses = ["new", "in-progress", "inserted", "posted", "dismissed", "escalated"] as const;
  const rows = statuses.flatMap((status) => [
    { status, site: "x" as const, key: `x:${status}` },
    { status, site: "reddit", key: `reddit:${status}` },
  ]);
  test.each([
    ["open", "", ["x:new", "reddit:new", "x:in-progress", "reddit:in-progress"]],
    ["replied", "x", ["x:inserted", "x:posted"]],
    ["escalated", "", ["x:escalated", "reddit:escalated"]],
    ["dismissed", "reddit", ["reddit:dismissed"]],
    ["all", "x", statuses.map((s) => `x:${s}`)],
  ] as const)("%s on site '%s'", (filter, site, keys) => {
    expect(filterQueue(rows as never[], filter, site).map((r: { key: string }) => r.key)).toEqual(keys);
  });
  test("every status is in exactly one filter besides 'all'", () => {
    for (const s of statuses) {
      const homes = Object.entries(STATUS_FILTERS).filter(([f, list]) => f !== "all" && list?.includes(s as never));
      expect(homes).toHaveLength(1);
    }
  });
});

describe("a complaint the brand already answered in its thread", () => {
  test("ranks below an unanswered one of the same severity, and still above nothing", () => {
    const now = T0 + 10 * min;
    const answered = {
      ...complaint({ key: "x:a" }),
      brandReply: { by: "AcmeHelp", replyId: "9", seenAt: now },
    };
    const open = complaint({ key: "x:b" });
    expect(priority(answered, now)).toBeLessThan(priority(open, now));
    expect(byPriority([answered, open], now).map((c) => c.key)).toEqual(["x:b", "x:a"]);
  });
});
