/**
 * The database, in the extension's origin. Only the background writes; extension pages read with liveQuery.
 * Content scripts never open it (in a page it would be the site's own IndexedDB).
 */
import Dexie, { type EntityTable } from "dexie";
import type { ComplaintRecord, ReplyLogEntry } from "../schemas";

export const DB_NAME = "apaise";

export class ApaiseDb extends Dexie {
  complaints!: EntityTable<ComplaintRecord, "key">;
  replies!: EntityTable<ReplyLogEntry, "id">;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1. Later versions add tables (outbox, reviews) with .upgrade() and a test per migration.
    this.version(1).stores({
      complaints: "key, tabId, status, detectedAt, lastSeenAt, [tabId+status]",
      replies: "id, site, postId, insertedAt, postedAt, agent",
    });
  }
}

let shared: ApaiseDb | undefined;
export function getDb(): ApaiseDb {
  shared ??= new ApaiseDb();
  return shared;
}
