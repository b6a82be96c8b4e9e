/**
 * The database, in the extension's origin. Only the background writes; extension pages read with liveQuery.
 * Content scripts never open it (in a page it would be the site's own IndexedDB).
 */
import Dexie, { type EntityTable } from "dexie";
import type { ComplaintRecord, Detection, DetectorFeedback, ReplyLogEntry } from "../schemas";
import type { Change, ClaimData, Rejection, ReviewData } from "../sync/protocol";
import { uuidv7 } from "../uuid";

/** Fields added to Detection after version 1 of the database, with the values that mean "unknown". */
export function withDetectionDefaults<T extends Partial<Detection>>(
  d: T,
): T & Pick<Detection, "risk" | "brandDirected"> {
  return { ...d, risk: d.risk ?? 0, brandDirected: d.brandDirected ?? false };
}

export const DB_NAME = "apaise";

/** A change waiting to reach the team endpoint; written in the same transaction as what it describes. */
export interface OutboxRow {
  /** Local order (auto-increment): the oldest changes are pushed first. */
  seq?: number;
  id: string;
  change: Change;
}

/** Who holds a post, as the team endpoint last said. Key: the complaint key `site:postId`. */
export interface ClaimRow extends ClaimData {
  key: string;
  agentId: string;
  /** The server's sequence number of the claim, as a number (ordering only). */
  seq: number;
  at: number;
}

/** A manager's mark on a reply. Key: the reply's id. */
export interface ReviewRow extends ReviewData {
  replyId: string;
  at: number;
}

/** The sync state, one row per key: see lib/sync/dexie-store.ts. */
export type SyncMetaRow =
  | { key: "cursor"; value: string }
  | { key: "status"; value: SyncStatus }
  | { key: "rejected"; value: Array<Rejection & { at: number }> }
  | {
      key: "me";
      value: {
        teamId: string;
        teamName: string;
        agentId: string;
        agentName: string;
        role: "agent" | "manager";
        endpoint: string;
      } | null;
    }
  | { key: "lastClaim"; value: { key: string; at: number } }
  | { key: "playbook"; value: { version: number; playbook: unknown; seq: number; at: number } | null };

export interface SyncStatus {
  /** Epoch ms of the last round trip that went through. */
  lastSuccessAt: number | null;
  lastError: { kind: string; message: string; at: number } | null;
  /** Failed attempts in a row: drives the backoff. */
  attempt: number;
  /** Epoch ms before which an alarm does not retry (backoff). */
  nextAttemptAt: number;
}

export class ApaiseDb extends Dexie {
  complaints!: EntityTable<ComplaintRecord, "key">;
  replies!: EntityTable<ReplyLogEntry, "id">;
  feedback!: EntityTable<DetectorFeedback, "id">;
  outbox!: EntityTable<OutboxRow, "seq">;
  claims!: EntityTable<ClaimRow, "key">;
  reviews!: EntityTable<ReviewRow, "replyId">;
  syncMeta!: EntityTable<SyncMetaRow, "key">;

  constructor(name = DB_NAME) {
    super(name);
    // Every version stays declared, so a profile on any older one upgrades step by step (tested in db/migrations).
    this.version(1).stores({
      complaints: "key, tabId, status, detectedAt, lastSeenAt, [tabId+status]",
      replies: "id, site, postId, insertedAt, postedAt, agent",
    });
    // 2: agents' corrections of the detector.
    this.version(2).stores({ feedback: "id, key, verdict, at" });
    // 3: detections carry risk and brandDirected; older rows get neutral values so they still parse.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        for (const table of ["complaints", "replies", "feedback"]) {
          await tx
            .table(table)
            .toCollection()
            .modify((row: { detection: Partial<Detection> }) => {
              row.detection = withDetectionDefaults(row.detection);
            });
        }
      });
    // 4: team sync: the outbox, the state of the sync, colleagues' claims and managers' reviews.
    // The log written before sync existed is queued too, so a team that connects later sees its history.
    this.version(4)
      .stores({
        outbox: "++seq, &id",
        claims: "key, agentId",
        reviews: "replyId, mark",
        syncMeta: "key",
      })
      .upgrade(async (tx) => {
        const rows: OutboxRow[] = [];
        const queue = (kind: Change["kind"], key: string, data: unknown, at: number) => {
          const id = uuidv7(at);
          rows.push({ id, change: { id, kind, key, at, data } as Change });
        };
        await tx
          .table<ReplyLogEntry>("replies")
          .orderBy("insertedAt")
          .each((r) => {
            queue("reply", r.id, r, r.insertedAt);
            if (r.postedAt !== null)
              queue("outcome", r.id, { postedAt: r.postedAt, responseMs: r.responseMs }, r.postedAt);
          });
        await tx
          .table<DetectorFeedback>("feedback")
          .orderBy("at")
          .each((f) => queue("feedback", f.id, f, f.at));
        await tx.table<OutboxRow>("outbox").bulkAdd(rows);
      });
  }
}

let shared: ApaiseDb | undefined;
export function getDb(): ApaiseDb {
  shared ??= new ApaiseDb();
  return shared;
}
