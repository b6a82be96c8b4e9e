/**
 * An in-memory `SyncStore`: the reference model of the sync contract, used by tests, the chaos run and the bench.
 * The extension's Dexie store must behave exactly like this one.
 *
 * - The outbox keeps local changes in insertion order; `pending` hands out the oldest first.
 * - `settle` drops the changes the server named (accepted or rejected) and keeps the rejections for the agent. A
 *   refused reply stays in the agent's own log: only the team copy is missing, and the rejection says why.
 * - `applyRemote` applies pulled changes and stores the cursor in one step (nothing async in between). Applying a
 *   change twice is harmless: append-only kinds are kept by key, first one wins (the server refuses a second change
 *   for a key, so there is never a different one); last-writer-wins kinds keep the change with the highest `seq`.
 * - A local write of a last-writer-wins kind shows at once, over the server's value, until the server echoes it
 *   back numbered (every token reads its own changes) or refuses it.
 * - A local reply writes the entry and its outbox change together, so neither exists without the other.
 */
import type { ReplyLogEntry } from "../schemas";
import type { SyncStore } from "./client";
import { APPEND_ONLY, type Change, type ChangeKind, type Rejection, type ServerChange } from "./protocol";

type Slot = `${ChangeKind}:${string}`;
const slot = (kind: ChangeKind, key: string): Slot => `${kind}:${key}`;

export class MemorySyncStore implements SyncStore {
  /** Local changes not yet settled, oldest first (Map keeps insertion order). */
  private readonly outbox = new Map<string, Change>();
  private readonly refused: Rejection[] = [];
  private cursor = "0";
  private lastServerTime: number | null = null;
  /** Reply entries held, local or pulled, by id. */
  private readonly replies = new Map<string, ReplyLogEntry>();
  /** Append-only changes (first one per key) and, for last-writer-wins kinds, the highest-seq server change. */
  private readonly held = new Map<Slot, Change | ServerChange>();
  /** Local last-writer-wins writes the server has not numbered yet: they show over `held`. */
  private readonly overlay = new Map<Slot, Change>();

  async pending(limit: number): Promise<Change[]> {
    return [...this.outbox.values()].slice(0, Math.max(0, limit));
  }

  async pendingCount(): Promise<number> {
    return this.outbox.size;
  }

  async settle(accepted: readonly string[], rejected: readonly Rejection[]): Promise<void> {
    for (const id of accepted) this.outbox.delete(id);
    for (const r of rejected) {
      const change = this.outbox.get(r.id);
      if (change) {
        this.outbox.delete(r.id);
        // A refused write no longer shows; the server's value does again.
        const s = slot(change.kind, change.key);
        if (this.overlay.get(s)?.id === change.id) this.overlay.delete(s);
      }
      this.refused.push(r);
    }
  }

  async getCursor(): Promise<string> {
    return this.cursor;
  }

  async applyRemote(changes: readonly ServerChange[], cursor: string, serverTime: number): Promise<void> {
    for (const change of changes) this.applyOne(change);
    this.cursor = cursor;
    this.lastServerTime = serverTime;
  }

  /** Record a reply the agent inserted: the entry and its outbox change, together. */
  async addReply(entry: ReplyLogEntry, at: number = entry.insertedAt): Promise<Change> {
    const change: Change = { id: entry.id, kind: "reply", key: entry.id, at, data: entry };
    return this.addLocal(change);
  }

  /** Record any local change: it shows in the store at once and waits in the outbox. */
  async addLocal(change: Change): Promise<Change> {
    if (this.outbox.has(change.id)) throw new Error(`change ${change.id} is already in the outbox`);
    const s = slot(change.kind, change.key);
    if (isAppendOnly(change.kind)) {
      if (this.held.has(s)) throw new Error(`${change.kind} ${change.key} already exists`);
      this.hold(change);
    } else {
      this.overlay.set(s, change);
    }
    this.outbox.set(change.id, change);
    return change;
  }

  /**
   * The reply entries held (this agent's, and the team's for a manager), oldest id first, each with its current
   * outcome (when the agent pressed Post) merged in.
   */
  entries(): ReplyLogEntry[] {
    return [...this.replies.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((entry) => {
        const outcome = this.value("outcome", entry.id);
        return outcome?.kind === "outcome" ? { ...entry, ...outcome.data } : entry;
      });
  }

  /** The current change for a (kind, key): a pending local write, else the server's last, else undefined. */
  value(kind: ChangeKind, key: string): Change | ServerChange | undefined {
    const s = slot(kind, key);
    return this.overlay.get(s) ?? this.held.get(s);
  }

  /** Changes the server refused for good, with its reasons. */
  rejections(): Rejection[] {
    return [...this.refused];
  }

  /** The server's clock at the last answer (epoch ms), to judge claim expiry; null before any sync. */
  serverTime(): number | null {
    return this.lastServerTime;
  }

  private applyOne(change: ServerChange): void {
    const s = slot(change.kind, change.key);
    if (isAppendOnly(change.kind)) {
      if (!this.held.has(s)) this.hold(change);
      return;
    }
    if (this.overlay.get(s)?.id === change.id) this.overlay.delete(s); // our write, now numbered
    const current = this.held.get(s);
    if (!current || seqOf(current) < BigInt(change.seq)) this.held.set(s, change);
  }

  private hold(change: Change): void {
    this.held.set(slot(change.kind, change.key), change);
    if (change.kind === "reply") this.replies.set(change.data.id, change.data);
  }
}

function isAppendOnly(kind: ChangeKind): boolean {
  return APPEND_ONLY.includes(kind);
}

/** A held change's sequence; a local one (not numbered yet) sorts first. */
function seqOf(change: Change | ServerChange): bigint {
  return "seq" in change ? BigInt(change.seq) : -1n;
}
