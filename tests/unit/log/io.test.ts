import { describe, expect, test } from "vitest";
import type { ReviewRow } from "@/lib/db";
import { buildExport, exportJson, importBatches, mergeById, parseExport } from "@/lib/log/io";
import { entry } from "./support";

const a = entry({ agent: "Julie" });
const b = entry({ agent: "Marc" });
const c = entry({ agent: "Ana" });
const review: ReviewRow = { replyId: a.id, mark: "good", comment: "Bien", reviewer: "Ana", at: 5 };
const now = Date.parse("2026-11-23T12:00:00.000Z");

describe("export", () => {
  test("shape: format, version, when, entries and only their reviews", () => {
    const other: ReviewRow = { ...review, replyId: "elsewhere" };
    expect(buildExport([a, b], [review, other], now)).toEqual({
      format: "apaise-log",
      version: 1,
      exportedAt: "2026-11-23T12:00:00.000Z",
      entries: [a, b],
      reviews: [review],
    });
  });

  test("round trip: what was exported is what is imported", () => {
    const parsed = parseExport(exportJson([a, b, c], [review], now));
    expect(parsed).toEqual({ ok: true, entries: [a, b, c], reviews: [review] });
  });

  test("an export from before reviews were exported still imports", () => {
    expect(parseExport(JSON.stringify({ format: "apaise-log", version: 1, entries: [a] }))).toEqual({
      ok: true,
      entries: [a],
      reviews: [],
    });
  });
});

describe("import refuses what is not a clean export", () => {
  test.each<[string, string, RegExp]>([
    ["not JSON", "{oops", /not JSON/],
    ["another format", JSON.stringify({ format: "other", version: 1, entries: [] }), /not an Apaise log export/],
    [
      "a later version",
      JSON.stringify({ format: "apaise-log", version: 2, entries: [] }),
      /unsupported export version 2/,
    ],
    [
      "a javascript: link",
      JSON.stringify({ format: "apaise-log", version: 1, entries: [{ ...a, postUrl: "javascript:alert(1)" }] }),
      /^entries\.0\.postUrl/,
    ],
    [
      "a missing field",
      JSON.stringify({ format: "apaise-log", version: 1, entries: [{ ...a, finalText: undefined }] }),
      /^entries\.0\.finalText/,
    ],
    [
      "a bad mark",
      JSON.stringify({ format: "apaise-log", version: 1, entries: [a], reviews: [{ ...review, mark: "great" }] }),
      /^reviews\.0\.mark/,
    ],
    ["null", "null", /not an Apaise log export/],
  ])("%s", (_, text, error) => {
    const parsed = parseExport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe("merge", () => {
  test.each([
    { held: [], incoming: [a, b], added: 2, skipped: 0, ids: [a.id, b.id] },
    { held: [a], incoming: [a, b], added: 1, skipped: 1, ids: [a.id, b.id] },
    { held: [a, b], incoming: [b, a], added: 0, skipped: 2, ids: [a.id, b.id] },
    { held: [a], incoming: [c, c], added: 1, skipped: 1, ids: [a.id, c.id] },
  ])("held $held.length + incoming $incoming.length → $added added", ({ held, incoming, added, skipped, ids }) => {
    const r = mergeById(held, incoming);
    expect(r.added).toBe(added);
    expect(r.skipped).toBe(skipped);
    expect(r.merged.map((e) => e.id)).toEqual(ids);
  });

  test("an entry already held is kept as it is", () => {
    const edited = { ...a, finalText: "changed" };
    expect(mergeById([a], [edited]).merged[0]).toBe(a);
  });
});

test("import batches: by count and by size, reviews after their entries", () => {
  const big = entry({ postText: "x".repeat(30_000) });
  const batches = importBatches([a, b, c, big, a], [review, review, review], 2, 32_000);
  expect(batches.map((x) => [x.entries.length, x.reviews.length])).toEqual([
    [2, 0],
    [1, 0],
    [1, 0],
    [1, 0],
    [0, 2],
    [0, 1],
  ]);
});
