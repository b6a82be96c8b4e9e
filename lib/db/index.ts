/**
 * The database, in the extension's origin. Only the background writes; extension pages read with liveQuery.
 * Content scripts never open it (in a page it would be the site's own IndexedDB).
 */
import Dexie, { type EntityTable } from "dexie";
import type { ComplaintRecord, DetectorFeedback, ReplyLogEntry } from "../schemas";

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
  }
}

let shared: ApaiseDb | undefined;
export function getDb(): ApaiseDb {
  shared ??= new ApaiseDb();
  return shared;
}
