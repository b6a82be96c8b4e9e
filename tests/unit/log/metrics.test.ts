import { describe, expect, test } from "vitest";
import { computeMetrics, HISTOGRAM_EDGES, percentile, spread } from "@/lib/log/metrics";
import type { DetectorFeedback, ReplyLogEntry } from "@/lib/schemas";
import { complaint, detection, post } from "../support/factories";
import { entry, MIN, T0 } from "./support";

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("percentiles", () => {
  test.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[10, 20], 0, 10],
    [[10, 20], 1, 20],
  ])("%j at %d → %s", (xs, p, expected) => {
    const v = percentile(xs, p);
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 9);
  });
  test("spread sorts first", () => {
    expect(spread([5, 1, 3])).toEqual({ count: 3, median: 3, p90: 4.6 });
  });
});

describe("a day of replies", () => {
  // Four posts answered, one post answered twice, one complaint never answered, one dismissed, one escalated.
  const entries: ReplyLogEntry[] = [
    // Julie: post A, 10 min after publication (5 after detection), posted 2 min later → 12 / 7.
    entry({ agent: "Julie", postId: "A", postedAt: T0 + 2 * MIN }, 0),
    // Marc answers post A again later: not the first response.
    entry({ agent: "Marc", postId: "A", edited: true }, 30),
    // Marc: post B, 90 min after publication (late), edited, with a linter override.
    entry(
      {
        agent: "Marc",
        postId: "B",
        edited: true,
        lintOverride: ["blame", "personal-data"],
        publishedAt: T0 - 80 * MIN,
        detectedAt: T0 - 20 * MIN,
        detection: detection({ category: "billing", severity: 3 }),
      },
      10,
    ),
    // Julie: post C, undated post: within target from detection; typed from scratch.
    entry({ agent: "Julie", postId: "C", suggestion: null, edited: true, publishedAt: null }, 20),
    // Ana: post D, the next day, 30 min after publication.
    entry(
      {
        agent: "Ana",
        postId: "D",
        publishedAt: T0 + 24 * 60 * MIN - 30 * MIN,
        detectedAt: T0 + 24 * 60 * MIN - 25 * MIN,
        lintOverride: ["blame"],
      },
      24 * 60,
    ),
  ];
  const complaints = [
    complaint({ key: "x:A", post: post({ id: "A" }), status: "posted", detectedAt: T0 }),
    complaint({ key: "x:E", post: post({ id: "E" }), status: "new", detectedAt: T0 }),
    complaint({ key: "x:F", post: post({ id: "F" }), status: "dismissed", detectedAt: T0 }),
    complaint({ key: "x:G", post: post({ id: "G" }), status: "escalated", detectedAt: T0 }),
  ];
  const feedback: DetectorFeedback[] = [
    {
      id: "f1",
      key: "x:F",
      site: "x",
      postId: "F",
      verdict: "not-complaint",
      detection: detection(),
      agent: "Julie",
      at: T0 + 5 * MIN,
    },
  ];
  const m = computeMetrics({ entries, complaints, feedback, targetMinutes: 60, dayOf });

  test("first responses: one per post, the earliest", () => {
    expect(m.answered).toBe(4);
    expect(m.replies).toBe(5);
    expect(m.posted).toBe(1);
    // From publication: A 12, B 90, D 30 (C has no date); from detection: A 7, B 30, C 5, D 25.
    expect(m.fromPublication).toEqual({ count: 3, median: 30 * MIN, p90: 78 * MIN });
    expect(m.fromDetection).toEqual({ count: 4, median: 16 * MIN, p90: 28.5 * MIN });
  });

  test("within the target: A, C (from detection) and D; not B", () => {
    expect(m.withinTarget).toBe(3 / 4);
    expect(m.targetMs).toBe(60 * MIN);
  });

  test("answer rate: 4 answered of 7 detected (A, B, C, D, E, F, G)", () => {
    expect(m.detected).toBe(7);
    expect(m.answerRate).toBe(4 / 7);
  });

  test("usage: as suggested, edited, from scratch, overrides by rule", () => {
    expect(m.usage).toEqual({
      asSuggested: 2,
      edited: 2,
      scratch: 1,
      overridden: 2,
      overrideRules: [
        { rule: "blame", count: 2 },
        { rule: "personal-data", count: 1 },
      ],
    });
    expect(m.dismissed).toBe(1);
    expect(m.escalated).toBe(1);
    expect(m.precision).toMatchObject({ confirmed: 4, rejected: 1 });
  });

  test.each([
    ["Julie", { replies: 2, firstResponses: 2, withinTarget: 1, answerRate: null }],
    ["Marc", { replies: 2, firstResponses: 1, withinTarget: 0, answerRate: null }],
    ["Ana", { replies: 1, firstResponses: 1, withinTarget: 1, answerRate: null }],
  ])("per agent: %s", (agent, expected) => {
    expect(m.byAgent.find((g) => g.key === agent)).toMatchObject(expected);
  });

  test("per severity, most severe first; per category", () => {
    expect(m.bySeverity.map((g) => g.key)).toEqual(["3", "1"]);
    expect(m.byCategory.find((g) => g.key === "billing")).toMatchObject({ replies: 1, detected: 1, answerRate: 1 });
    expect(m.byCategory.find((g) => g.key === "delivery")).toMatchObject({ replies: 4, detected: 6, answerRate: 0.5 });
  });

  test("per day, oldest first, by the day of the reply, the response and the detection", () => {
    expect(m.byDay.map((g) => g.key)).toEqual(["2026-11-20", "2026-11-21"]);
    expect(m.byDay[0]).toMatchObject({ replies: 4, firstResponses: 3, detected: 6 });
    expect(m.byDay[1]).toMatchObject({ replies: 1, firstResponses: 1, withinTarget: 1, detected: 1 });
  });

  test("distribution: each first response in its bucket", () => {
    expect(m.histogram.edges).toBe(HISTOGRAM_EDGES);
    const at = (min: number) => HISTOGRAM_EDGES.findLastIndex((e) => e <= min);
    const expected = HISTOGRAM_EDGES.map(() => 0);
    for (const minutes of [12, 90, 5, 30]) expected[at(minutes)] = (expected[at(minutes)] ?? 0) + 1;
    expect(m.histogram.counts).toEqual(expected);
    expect(m.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

test("an empty log gives nulls, not NaN", () => {
  const m = computeMetrics({ entries: [], complaints: [], feedback: [], targetMinutes: 60 });
  expect(m).toMatchObject({
    answerRate: null,
    withinTarget: null,
    fromPublication: { count: 0, median: null, p90: null },
    byAgent: [],
  });
});
