/**
 * CSV as spreadsheets read it: RFC 4180 (comma-separated, CRLF between records, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so Excel reads the accents.
 *
 * Formula injection: a text cell that starts with = + - @ or a tab or carriage return may be run as a formula by
 * Excel, LibreOffice or Google Sheets (`=HYPERLINK(...)` in a customer's post). Such a cell gets a leading `'`, which
 * spreadsheets show as text. Numbers are written as numbers and never escaped.
 */
import type { ReviewRow } from "../db";
import type { ReplyLogEntry } from "../schemas";
import { originOf } from "./query";

export const BOM = "\uFEFF";
export type Cell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** = + - @ tab CR: the first characters a spreadsheet may run as a formula. */
function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** One field, neutralised and quoted as needed. */
export function csvCell(value: Cell): string {
  if (typeof value === "string") {
    if (value === "") return "";
    const text = startsFormula(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return "";
}

export function csvRow(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? "" : ",") + csvCell(cells[i]);
  return line;
}

/** A whole file: BOM, header, records, CRLF after each record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [csvRow(header)];
  for (const r of rows) lines.push(csvRow(r));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const p3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const MAX_FAST = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/**
 * `new Date(ms).toISOString()`, by arithmetic (civil date from days, H. Hinnant's algorithm): the same text, a
 * good part of a 100,000-row export's time saved.
 */
export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_FAST) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${y}-${p2(m)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(sec)}.${p3(rest - sec * 1000)}Z`;
}

const iso = (ms: number | null) => (ms === null ? null : isoTime(ms));

/** The log's columns, in file order: stable names, so a team's spreadsheets keep working across versions. */
export const LOG_CSV_COLUMNS: ReadonlyArray<{ name: string; get(e: ReplyLogEntry, r: ReviewRow | undefined): Cell }> = [
  { name: "id", get: (e) => e.id },
  { name: "agent", get: (e) => e.agent },
  { name: "site", get: (e) => e.site },
  { name: "post_id", get: (e) => e.postId },
  { name: "post_url", get: (e) => e.postUrl },
  { name: "author", get: (e) => e.author },
  { name: "author_name", get: (e) => e.authorName },
  { name: "post_text", get: (e) => e.postText },
  { name: "complaint_score", get: (e) => e.detection.score },
  { name: "severity", get: (e) => e.detection.severity },
  { name: "category", get: (e) => e.detection.category },
  { name: "lang", get: (e) => e.detection.lang },
  { name: "reasons", get: (e) => e.detection.reasons.join(" | ") },
  { name: "suggestion_strategy", get: (e) => e.suggestion?.strategy ?? null },
  { name: "suggestion_text", get: (e) => e.suggestion?.text ?? null },
  { name: "reply_text", get: (e) => e.finalText },
  { name: "origin", get: (e) => originOf(e) },
  { name: "lint_overrides", get: (e) => e.lintOverride?.join(" | ") ?? null },
  { name: "published_at", get: (e) => iso(e.publishedAt) },
  { name: "detected_at", get: (e) => iso(e.detectedAt) },
  { name: "inserted_at", get: (e) => iso(e.insertedAt) },
  { name: "posted_at", get: (e) => iso(e.postedAt) },
  { name: "response_ms", get: (e) => e.responseMs },
  { name: "review_mark", get: (_, r) => r?.mark ?? null },
  { name: "review_comment", get: (_, r) => r?.comment ?? null },
  { name: "reviewer", get: (_, r) => r?.reviewer ?? null },
  { name: "reviewed_at", get: (_, r) => (r ? iso(r.at) : null) },
  { name: "prev_hash", get: (e) => e.prevHash ?? null },
  { name: "hash", get: (e) => e.hash ?? null },
];

/**
 * The log as CSV, in parts (a few hundred records each) that a Blob takes as they are: no 70 MB string is ever
 * joined for 100,000 entries. The parts concatenated are the file.
 */
export function logToCsvParts(entries: readonly ReplyLogEntry[], reviews: ReadonlyMap<string, ReviewRow>): string[] {
  // Small joined parts: flat strings the Blob encodes fast (one string built by += is a rope it must flatten).
  const PART = 250;
  const parts = [`${BOM}${csvRow(LOG_CSV_COLUMNS.map((c) => c.name))}\r\n`];
  let lines: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ReplyLogEntry;
    lines.push(csvRecord(e, reviews.size === 0 ? undefined : reviews.get(e.id)));
    if (lines.length === PART) {
      parts.push(`${lines.join("\r\n")}\r\n`);
      lines = [];
    }
  }
  if (lines.length > 0) parts.push(`${lines.join("\r\n")}\r\n`);
  return parts;
}

/**
 * One record: LOG_CSV_COLUMNS written out by hand, field by field (a test checks they agree), because 29 indirect
 * calls per record are a good part of a 100,000-row export.
 */
export function csvRecord(e: ReplyLogEntry, r: ReviewRow | undefined): string {
  const d = e.detection;
  const s = e.suggestion;
  return `${csvCell(e.id)},${csvCell(e.agent)},${csvCell(e.site)},${csvCell(e.postId)},${csvCell(e.postUrl)},${csvCell(
    e.author,
  )},${csvCell(e.authorName)},${csvCell(e.postText)},${d.score},${d.severity},${csvCell(d.category)},${csvCell(
    d.lang,
  )},${csvCell(d.reasons.join(" | "))},${s ? csvCell(s.strategy) : ""},${s ? csvCell(s.text) : ""},${csvCell(
    e.finalText,
  )},${originOf(e)},${e.lintOverride ? csvCell(e.lintOverride.join(" | ")) : ""},${
    e.publishedAt === null ? "" : isoTime(e.publishedAt)
  },${isoTime(e.detectedAt)},${isoTime(e.insertedAt)},${e.postedAt === null ? "" : isoTime(e.postedAt)},${csvCell(
    e.responseMs,
  )},${r ? csvCell(r.mark) : ""},${r ? csvCell(r.comment) : ""},${r ? csvCell(r.reviewer) : ""},${
    r ? isoTime(r.at) : ""
  },${csvCell(e.prevHash)},${csvCell(e.hash)}`;
}

export function logToCsv(entries: readonly ReplyLogEntry[], reviews: ReadonlyMap<string, ReviewRow>): string {
  return logToCsvParts(entries, reviews).join("");
}

/**
 * A CSV file back into records (RFC 4180, BOM skipped): for tests and for checking an export. Cells come back as
 * written, the injection guard's `'` included.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
