/**
 * The log's JSON export, and its import: `{ format: "apaise-log", version: 1, exportedAt, entries, reviews }`.
 * An import is parsed with Zod before anything is used (a file is as untrusted as a web page), then merged into the
 * log by id: an entry already held stays as it is, so importing the same file twice changes nothing.
 */
import * as z from "zod/mini";
import type { ReviewRow } from "../db";
import { ReplyLogEntry } from "../schemas";

export const LOG_FORMAT = "apaise-log";
export const LOG_VERSION = 1;

export const ReviewRecord = z.object({
  replyId: z.string().check(z.minLength(1), z.maxLength(64)),
  mark: z.nullable(z.enum(["good", "coaching"])),
  comment: z.string().check(z.maxLength(2_000)),
  reviewer: z.string().check(z.maxLength(100)),
  at: z.int(),
});

export const LogExport = z.object({
  format: z.literal(LOG_FORMAT),
  version: z.literal(LOG_VERSION),
  /** Absent in exports made before reviews were exported. */
  exportedAt: z.optional(z.iso.datetime({ offset: true })),
  entries: z.array(ReplyLogEntry),
  reviews: z.optional(z.array(ReviewRecord)),
});
export type LogExport = z.infer<typeof LogExport>;

export function buildExport(
  entries: readonly ReplyLogEntry[],
  reviews: readonly ReviewRow[],
  now: number,
): Required<LogExport> {
  const ids = new Set(entries.map((e) => e.id));
  return {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    exportedAt: new Date(now).toISOString(),
    entries: [...entries],
    // Only the reviews of the exported entries: a filtered export carries its own marks, no one else's.
    reviews: reviews.filter((r) => ids.has(r.replyId)),
  };
}

export function exportJson(entries: readonly ReplyLogEntry[], reviews: readonly ReviewRow[], now: number): string {
  return JSON.stringify(buildExport(entries, reviews, now));
}

export type ParsedExport = { ok: true; entries: ReplyLogEntry[]; reviews: ReviewRow[] } | { ok: false; error: string };

/** A file's text into entries and reviews, or the first problem (with its place: `entries.12.postUrl`). */
export function parseExport(text: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (head === null || typeof head !== "object" || head.format !== LOG_FORMAT)
    return { ok: false, error: `not an Apaise log export (format "${LOG_FORMAT}" expected)` };
  if (head.version !== LOG_VERSION) return { ok: false, error: `unsupported export version ${String(head.version)}` };
  const parsed = LogExport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, entries: parsed.data.entries, reviews: parsed.data.reviews ?? [] };
}

export interface MergeResult<T> {
  merged: T[];
  added: number;
  skipped: number;
}

/** `incoming` merged into `held` by id: held entries win, duplicates inside `incoming` count once. */
export function mergeById<T extends { id: string }>(held: readonly T[], incoming: readonly T[]): MergeResult<T> {
  const seen = new Set(held.map((e) => e.id));
  const merged = [...held];
  let added = 0;
  for (const e of incoming) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    merged.push(e);
    added++;
  }
  return { merged, added, skipped: incoming.length - added };
}

/**
 * An import cut into messages for the background: at most `size` entries and reviews each, and about `maxChars` of
 * text (a runtime message has a size limit).
 */
export function importBatches(
  entries: readonly ReplyLogEntry[],
  reviews: readonly ReviewRow[],
  size: number,
  maxChars = 8_000_000,
): Array<{ entries: ReplyLogEntry[]; reviews: ReviewRow[] }> {
  const out: Array<{ entries: ReplyLogEntry[]; reviews: ReviewRow[] }> = [];
  let current: ReplyLogEntry[] = [];
  let chars = 0;
  for (const e of entries) {
    const weight = 1_000 + e.postText.length + e.finalText.length + (e.suggestion?.text.length ?? 0);
    if (current.length > 0 && (current.length >= size || chars + weight > maxChars)) {
      out.push({ entries: current, reviews: [] });
      current = [];
      chars = 0;
    }
    current.push(e);
    chars += weight;
  }
  if (current.length > 0) out.push({ entries: current, reviews: [] });
  // Reviews go after their entries (the background keeps a review only when its entry is held).
  for (let i = 0; i < reviews.length; i += size) out.push({ entries: [], reviews: reviews.slice(i, i + size) });
  return out;
}
