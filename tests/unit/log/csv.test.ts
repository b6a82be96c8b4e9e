import { describe, expect, test } from "vitest";
import type { ReviewRow } from "@/lib/db";
import {
  BOM,
  csvCell,
  csvRecord,
  csvRow,
  isoTime,
  LOG_CSV_COLUMNS,
  logToCsv,
  logToCsvParts,
  parseCsv,
  toCsv,
} from "@/lib/log/csv";
import { entry } from "./support";

describe("one cell", () => {
  test.each<[string | number | boolean | null | undefined, string]>([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [-3, "-3"],
    [Number.NaN, ""],
    [true, "true"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["crlf\r\ninside", '"crlf\r\ninside"'],
    ["café ☕ 🙏", "café ☕ 🙏"],
    // Formula injection: neutralised with a leading quote.
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("https://evil.example","click")', `"'=HYPERLINK(""https://evil.example"",""click"")"`],
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    // Not at the start: harmless, left alone.
    ["total = 3", "total = 3"],
    ["a@b.example", "a@b.example"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("a file", () => {
  test("BOM, CRLF after every record, and it reads back", () => {
    const text = toCsv(
      ["a", "b"],
      [
        ["x,y", "=2"],
        [1, null],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\n"x,y",'=2\r\n1,\r\n`);
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x,y", "'=2"],
      ["1", ""],
    ]);
  });

  test("the log: a header of stable names, one record per entry, hostile text kept as text", () => {
    const hostile = entry({
      postText: '<img src=x onerror=alert(1)> =HYPERLINK("https://evil.example","win")',
      finalText: '=1+2, "quoted"\nand a new line',
      lintOverride: ["blame"],
    });
    const plain = entry({ postedAt: hostile.insertedAt + 1_000 });
    const reviews = new Map<string, ReviewRow>([
      [hostile.id, { replyId: hostile.id, mark: "coaching", comment: "-too curt", reviewer: "Ana", at: 1_000 }],
    ]);
    const rows = parseCsv(logToCsv([hostile, plain], reviews));
    expect(rows).toHaveLength(3);
    const header = rows[0] as string[];
    expect(header).toEqual(LOG_CSV_COLUMNS.map((c) => c.name));
    const get = (row: number, name: string) => rows[row]?.[header.indexOf(name)];
    expect(get(1, "post_text")).toBe(`<img src=x onerror=alert(1)> =HYPERLINK("https://evil.example","win")`);
    expect(get(1, "reply_text")).toBe('\'=1+2, "quoted"\nand a new line');
    expect(get(1, "review_mark")).toBe("coaching");
    expect(get(1, "review_comment")).toBe("'-too curt");
    expect(get(1, "lint_overrides")).toBe("blame");
    expect(get(1, "inserted_at")).toBe(new Date(hostile.insertedAt).toISOString());
    expect(get(2, "posted_at")).toBe(new Date(hostile.insertedAt + 1_000).toISOString());
    expect(get(2, "review_mark")).toBe("");
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

test.each([
  0,
  1,
  951_782_400_000, // 2000-02-29
  Date.parse("2026-11-22T23:59:59.999Z"),
  Date.parse("2024-02-29T12:00:00.005Z"),
  Date.parse("2100-03-01T00:00:00.000Z"),
  253_402_300_799_999,
  253_402_300_800_000,
  -1,
])("isoTime(%d) is toISOString", (ms) => {
  expect(isoTime(ms)).toBe(new Date(ms).toISOString());
});

test("isoTime agrees with toISOString on 20,000 instants over four centuries", () => {
  for (let i = 0; i < 20_000; i++) {
    const ms = ((i * 2_654_435_761) % 1_000_003) * 12_623_040 + (i % 1000);
    expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  }
});

test("the CSV in parts is the CSV", () => {
  const many = Array.from({ length: 600 }, (_, i) => entry({}, i));
  const parts = logToCsvParts(many, new Map());
  expect(parts.length).toBe(4);
  expect(parts.join("")).toBe(logToCsv(many, new Map()));
  expect(parseCsv(parts.join(""))).toHaveLength(601);
});

test("the hand-written record is the column table's record, whatever the entry holds", () => {
  const review: ReviewRow = { replyId: "x", mark: "good", comment: '@x "y"', reviewer: "=Ana", at: 1_700_000_000_123 };
  const cases = [
    entry(),
    entry({ suggestion: null, lintOverride: ["blame", "promise"], publishedAt: null, postedAt: 5, responseMs: null }),
    entry({ postText: '-1, "quoted"\nline', finalText: "+33 6", author: "@a", authorName: "=b", agent: "\tJ" }),
    { ...entry(), prevHash: null, hash: "f".repeat(64) },
  ];
  for (const e of cases)
    for (const r of [undefined, review, { ...review, mark: null }]) {
      expect(csvRecord(e, r)).toBe(csvRow(LOG_CSV_COLUMNS.map((c) => c.get(e, r))));
    }
});
