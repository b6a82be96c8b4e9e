/**
 * Answers of the endpoint's read routes beyond the sync protocol itself (lib/sync/protocol.ts): the reply log for
 * dashboards, health. Zod schemas, so /openapi.json and the tests describe exactly what is sent.
 */
import * as z from "zod/mini";
import { ReplyLogEntry } from "../lib/schemas";
import { Cursor } from "../lib/sync/protocol";

export const ENTRIES_DEFAULT_LIMIT = 100;
export const ENTRIES_MAX_LIMIT = 500;

export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** One reply of the team log, with its latest outcome (posted time, response time) merged in. */
export const EntryItem = z.object({
  /** The reply change's sequence: pass the last one as `since` to read on. */
  seq: Cursor,
  agentId: Id,
  agentName: z.string().check(z.maxLength(100)),
  entry: ReplyLogEntry,
  /** The sequence of the outcome merged into `entry`, null when the reply has none yet. */
  outcomeSeq: z.nullable(Cursor),
});
export type EntryItem = z.infer<typeof EntryItem>;

export const EntriesResponse = z.object({
  entries: z.array(EntryItem),
  /** The last entry's `seq` (or `since` when none): the `since` of the next page. */
  cursor: Cursor,
  /** More entries wait after `cursor`. */
  more: z.boolean(),
});
export type EntriesResponse = z.infer<typeof EntriesResponse>;

export const Health = z.object({ ok: z.literal(true), db: z.enum(["pglite", "postgres"]) });
export type Health = z.infer<typeof Health>;
