/**
 * The extension's SyncStore: the outbox and the sync state in the Dexie database, and what pulled changes do to
 * it. Every method is one transaction, so a service worker stopped at any await loses nothing: an unsettled
 * change is pushed again (the server recognises its id), unapplied pulled changes are pulled again.
 */
import type { ApaiseDb, ClaimRow, SyncMetaRow, SyncStatus } from "../db";
import { withDetectionDefaults } from "../db";
import type { ReplyLogEntry } from "../schemas";
import type { SyncStore } from "./client";
import type { Change, Rejection, ServerChange } from "./protocol";

/** Rejections kept for the status line and the options page (the newest). */
const KEEP_REJECTED = 100;

export const IDLE_STATUS: SyncStatus = { lastSuccessAt: null, lastError: null, attempt: 0, nextAttemptAt: 0 };

type MetaValue<K extends SyncMetaRow["key"]> = Extract<SyncMetaRow, { key: K }>["value"];

export async function getMeta<K extends SyncMetaRow["key"]>(db: ApaiseDb, key: K): Promise<MetaValue<K> | undefined> {
  const row = (await db.syncMeta.get(key)) as { value: MetaValue<K> } | undefined;
  return row?.value;
}

export async function setMeta<K extends SyncMetaRow["key"]>(db: ApaiseDb, key: K, value: MetaValue<K>): Promise<void> {
  await db.syncMeta.put({ key, value } as SyncMetaRow);
}

export async function getSyncStatus(db: ApaiseDb): Promise<SyncStatus> {
  return (await getMeta(db, "status")) ?? IDLE_STATUS;
}

export class DexieSyncStore implements SyncStore {
  constructor(private readonly db: ApaiseDb) {}

  async pending(limit: number): Promise<Change[]> {
    const rows = await this.db.outbox.orderBy("seq").limit(limit).toArray();
    return rows.map((r) => r.change);
  }

  pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  async settle(accepted: readonly string[], rejected: readonly Rejection[]): Promise<void> {
    const { db } = this;
    if (accepted.length === 0 && rejected.length === 0) return;
    await db.transaction("rw", db.outbox, db.syncMeta, async () => {
      await db.outbox
        .where("id")
        .anyOf([...accepted, ...rejected.map((r) => r.id)])
        .delete();
      if (rejected.length > 0) {
        const at = Date.now();
        const kept = (await getMeta(db, "rejected")) ?? [];
        await setMeta(db, "rejected", [...kept, ...rejected.map((r) => ({ ...r, at }))].slice(-KEEP_REJECTED));
      }
    });
  }

  async getCursor(): Promise<string> {
    return (await getMeta(this.db, "cursor")) ?? "0";
  }

  async applyRemote(changes: readonly ServerChange[], cursor: string, serverTime: number): Promise<void> {
    const { db } = this;
    await db.transaction(
      "rw",
      [db.replies, db.feedback, db.complaints, db.claims, db.reviews, db.syncMeta],
      async () => {
        for (const change of changes) await applyOne(db, change, serverTime);
        await setMeta(db, "cursor", cursor);
      },
    );
  }
}

/** One pulled change. Applying it twice changes nothing; changes arrive in server order (last writer wins). */
async function applyOne(db: ApaiseDb, change: ServerChange, serverTime: number): Promise<void> {
  const seq = Number(change.seq);
  switch (change.kind) {
    case "reply": {
      // The local copy of one's own entry may be newer (posted since); a colleague's lands as it is.
      if (!(await db.replies.get(change.key))) {
        const entry: ReplyLogEntry = { ...change.data, detection: withDetectionDefaults(change.data.detection) };
        await db.replies.put(entry);
      }
      return;
    }
    case "outcome":
      await db.replies.update(change.key, { postedAt: change.data.postedAt, responseMs: change.data.responseMs });
      return;
    case "feedback":
      if (!(await db.feedback.get(change.data.id))) await db.feedback.put(change.data);
      return;
    case "status": {
      const row = await db.complaints.get(change.key);
      if (row && row.status !== change.data.status)
        await db.complaints.update(change.key, { status: change.data.status });
      return;
    }
    case "review":
      await db.reviews.put({ replyId: change.key, ...change.data, at: change.at });
      return;
    case "claim": {
      const old = await db.claims.get(change.key);
      if (old && old.seq >= seq) return;
      const row: ClaimRow = { key: change.key, agentId: change.agentId, seq, at: change.at, ...change.data };
      // A claim that ran out before we heard of it is nothing to show.
      if (row.state === "answering" && row.expiresAt <= serverTime) await db.claims.delete(change.key);
      else await db.claims.put(row);
      return;
    }
    case "playbook": {
      const old = await getMeta(db, "playbook");
      if (!old || old.seq < seq) {
        await setMeta(db, "playbook", {
          version: change.data.version,
          playbook: change.data.playbook,
          seq,
          at: change.at,
        });
      }
      return;
    }
  }
}
