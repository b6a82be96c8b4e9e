/**
 * The database, in the extension's origin. Only the background writes; extension pages read with liveQuery.
 * Content scripts never open it (in a page it would be the site's own IndexedDB).
 */
import Dexie, { type EntityTable } from "dexie";
import type { ComplaintRecord, Detection, DetectorFeedback, ReplyLogEntry } from "../schemas";

/** Fields added to Detection after version 1 of the database, with the values that mean "unknown". */
export function withDetectionDefaults<T extends Partial<Detection>>(
  d: T,
): T & Pick<Detection, "risk" | "brandDirected"> {
  return { ...d, risk: d.risk ?? 0, brandDirected: d.brandDirected ?? false };
}

export const DB_NAME = "apaise";

export class ApaiseDb extends Dexie {
  complaints!: EntityTable<ComplaintRecord, "key">;
  replies!: EntityTable<ReplyLogEntry, "id">;
  feedback!: EntityTable<DetectorFeedback, "id">;

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
  }
}

let shared: ApaiseDb | undefined;
export function getDb(): ApaiseDb {
  shared ??= new ApaiseDb();
  return shared;
}
