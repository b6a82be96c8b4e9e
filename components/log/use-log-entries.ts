/**
 * The whole reply log in memory, for the manager's desk.
 *
 * Reading 100,000 entries from IndexedDB takes seconds whatever the API (one getAll included: the browser
 * deserialises every record on the page's thread), so the log is read newest first in chunks: the first rows show
 * at once, the rest arrive without freezing the page, and the array is always in ascending id (time) order.
 *
 * Then it stays live without reading everything again: Dexie tells every page of the extension which keys the
 * background wrote (`storagemutated`, across contexts), and only those entries are read back. A write that names
 * no keys (a bulk write, an import) reads the log again, in the background of the page.
 */
import Dexie, { type IntervalTree, type ObservabilitySet } from "dexie";
import { useEffect, useState } from "preact/hooks";
import { DB_NAME, getDb } from "@/lib/db";
import type { ReplyLogEntry } from "@/lib/schemas";
import { timings } from "./page-io";

/** The first read: enough rows for a screen. */
const FIRST_CHUNK = 150;
const CHUNK = 5_000;
/** Beyond this many keys at once, reading everything again is as cheap. */
const MAX_KEYS = 5_000;

export interface LogEntries {
  /** Null until the first rows are read. */
  entries: ReplyLogEntry[] | null;
  /** Entries in the log, as counted at the start of the read (null until counted). */
  total: number | null;
  /** Every entry is in memory. */
  complete: boolean;
}

/** The single keys of a Dexie interval tree, or null when it holds a real range (or too many keys). */
export function treeKeys(tree: IntervalTree, limit = MAX_KEYS): string[] | null {
  const keys: string[] = [];
  const stack: IntervalTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as IntervalTree;
    if (!("from" in node)) continue;
    if (node.from !== node.to || typeof node.from !== "string") return null;
    keys.push(node.from);
    if (keys.length > limit) return null;
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

/** Entries changed by keys: replaced, added (at the end), or removed when no longer in the database. */
export function applyChanged(
  all: readonly ReplyLogEntry[],
  keys: readonly string[],
  rows: ReadonlyArray<ReplyLogEntry | undefined>,
): ReplyLogEntry[] {
  const at = new Map<string, number>();
  for (let i = 0; i < all.length; i++) at.set((all[i] as ReplyLogEntry).id, i);
  const next = all.slice();
  const gone = new Set<number>();
  keys.forEach((key, n) => {
    const row = rows[n];
    const i = at.get(key);
    if (row && i !== undefined) next[i] = row;
    else if (row) {
      at.set(key, next.length);
      next.push(row);
    } else if (i !== undefined) gone.add(i);
  });
  return gone.size === 0 ? next : next.filter((_, i) => !gone.has(i));
}

async function readAll(onChunk: ((all: ReplyLogEntry[]) => void) | null, cancelled: () => boolean) {
  const table = getDb().replies;
  let all: ReplyLogEntry[] = [];
  let lowest: string | undefined;
  let size = FIRST_CHUNK;
  for (;;) {
    const from = lowest === undefined ? table.orderBy(":id") : table.where(":id").below(lowest);
    const chunk = await from.reverse().limit(size).toArray();
    if (cancelled()) return null;
    if (chunk.length > 0) {
      lowest = (chunk[chunk.length - 1] as ReplyLogEntry).id;
      all = chunk.reverse().concat(all);
      onChunk?.(all);
    }
    if (chunk.length < size) return all;
    size = CHUNK;
  }
}

export function useLogEntries(): LogEntries {
  const [state, setState] = useState<LogEntries>({ entries: null, total: null, complete: false });
  useEffect(() => {
    let stopped = false;
    let all: ReplyLogEntry[] = [];
    let complete = false;
    let total: number | null = null;
    const pending = new Set<string>();
    let rereadAll = false;
    let busy = false;
    /** Nothing is shown before the first chunk: an empty array would say "the log is empty". */
    let read = false;
    const cancelled = () => stopped;
    const publish = () => !stopped && setState({ entries: read ? all : null, total, complete });

    /** Apply what changed while we were busy, one step at a time. */
    const drain = async () => {
      if (busy || !complete || stopped) return;
      busy = true;
      try {
        while ((rereadAll || pending.size > 0) && !stopped) {
          if (rereadAll) {
            rereadAll = false;
            pending.clear();
            const fresh = await readAll(null, cancelled);
            if (fresh) all = fresh;
          } else {
            const keys = [...pending];
            pending.clear();
            all = applyChanged(all, keys, await getDb().replies.bulkGet(keys));
          }
          publish();
        }
      } finally {
        busy = false;
      }
    };

    const part = `idb://${DB_NAME}/replies/`;
    const onMutated = (parts: ObservabilitySet) => {
      const tree = parts[part];
      if ("all" in parts) rereadAll = true;
      else if (!tree) return;
      else {
        const keys = treeKeys(tree);
        if (keys === null) rereadAll = true;
        else for (const k of keys) pending.add(k);
      }
      void drain();
    };
    Dexie.on.storagemutated.subscribe(onMutated);

    // Counting reads the whole table: asked after the first rows, or it would come before them.
    const count = () =>
      void getDb()
        .replies.count()
        .then((n) => {
          total = n;
          if (!complete) publish();
        });
    void readAll((chunk) => {
      all = chunk;
      if (!read) {
        timings().firstChunk = performance.now();
        count();
      }
      read = true;
      publish();
    }, cancelled).then((done) => {
      if (!done) return;
      all = done;
      read = true;
      complete = true;
      Object.assign(timings(), { loaded: performance.now(), loadedRows: all.length });
      publish();
      void drain();
    });
    return () => {
      stopped = true;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  }, []);
  return state;
}
