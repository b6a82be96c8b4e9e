/**
 * The log's integrity chain. Each entry stores the SHA-256 of its agent's previous entry (`prevHash`, null for the
 * first) and of its own immutable fields (`hash`), so an entry edited, deleted or moved after the fact shows.
 *
 * What is hashed: every field of the entry except `postedAt` and `responseMs` (the outcome fills them in later) and
 * `hash` itself, as canonical JSON (keys sorted, absent and undefined fields left out), encoded as UTF-8.
 *
 * What it does not prove: anyone can recompute a whole chain after editing it; the copy the team endpoint holds is
 * the anchor that makes such a rewrite visible. Deleting an agent's newest entries, or the oldest ones (which is
 * what a retention purge does), leaves a chain that still verifies.
 */
import type { ReplyLogEntry } from "../schemas";
import { sha256HexSync } from "./sha256";

/** Hashing runs this long at most before the page gets the thread back. */
const SLICE_MS = 12;

/** Give the event loop a turn: `scheduler.yield` where the browser has it (no timer clamping), else a timer. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Fields left out of the hash: filled in after insertion. */
export const UNHASHED_FIELDS = ["postedAt", "responseMs", "hash"] as const;

type Sealable = Omit<ReplyLogEntry, "hash"> & { hash?: string };

/** JSON with object keys sorted at every depth and undefined members left out: the same value, the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * Every field name a log entry's hashed fields hold, at any depth, sorted: `JSON.stringify` with this list writes
 * each object's keys in this order, which is the canonical form (and native speed, where a walk in JavaScript costs
 * seconds at 100,000 entries). A test checks it against the schema and against `canonicalJson`. The unhashed
 * fields are simply not listed (no nested object uses their names).
 */
export const HASHED_KEYS: readonly string[] = [
  "agent",
  "author",
  "authorName",
  "brandDirected",
  "category",
  "complaint",
  "detectedAt",
  "detection",
  "edited",
  "example",
  "fallbackFrom",
  "finalText",
  "id",
  "insertedAt",
  "label",
  "lang",
  "length",
  "lintOverride",
  "marker",
  "maxLength",
  "model",
  "name",
  "postId",
  "postText",
  "postUrl",
  "prevHash",
  "prompts",
  "publishedAt",
  "reasons",
  "risk",
  "score",
  "severity",
  "site",
  "strategy",
  "suggestion",
  "text",
].sort();
const HASHED = HASHED_KEYS as string[];

/** The text an entry's hash is computed over. */
export function chainPayload(entry: Sealable): string {
  return JSON.stringify(entry.prevHash === undefined ? { ...entry, prevHash: null } : entry, HASHED);
}

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  let hex = "";
  for (const b of digest) hex += (b < 16 ? "0" : "") + b.toString(16);
  return hex;
}

export function hashEntry(entry: Sealable): Promise<string> {
  return sha256Hex(chainPayload(entry));
}

/** The entry linked after `prevHash` (the agent's previous entry's hash, null for the first). */
export async function sealEntry(entry: ReplyLogEntry, prevHash: string | null): Promise<ReplyLogEntry> {
  const { hash: _old, ...rest } = entry;
  const linked = { ...rest, prevHash };
  return { ...linked, hash: await hashEntry(linked) };
}

/** Seal a list in order, each agent's entries linked to that agent's previous one (tests, bench, demo data). */
export async function sealAll(entries: readonly ReplyLogEntry[]): Promise<ReplyLogEntry[]> {
  const heads = new Map<string, string>();
  const out: ReplyLogEntry[] = [];
  for (const e of [...entries].sort(chainOrder)) {
    const sealed = await sealEntry(e, heads.get(e.agent) ?? null);
    heads.set(e.agent, sealed.hash as string);
    out.push(sealed);
  }
  return out;
}

/** Entries by time (then by link for the same millisecond, then id): the order a chain is sealed in. */
export function chainOrder(a: Sealable, b: Sealable): number {
  if (a.insertedAt !== b.insertedAt) return a.insertedAt - b.insertedAt;
  if (a.hash !== undefined && b.prevHash === a.hash) return -1;
  if (b.hash !== undefined && a.prevHash === b.hash) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Two insertions under way together may be written in the other order than their times (the background stamps the
 * time before the page confirms the insertion): a link may go back in time by this much without being a reordering.
 */
export const REORDER_TOLERANCE_MS = 60_000;

/**
 * - edited: the entry's fields no longer give its stored hash.
 * - missing: the entry links to a hash no entry has: the agent's previous entry was deleted.
 * - reordered: the entry comes after its predecessor in the chain but before it in time: moved.
 * - restarted: the agent's chain starts again or splits here (an entry written elsewhere under the same name, or
 *   forged).
 */
export type ChainIssueKind = "edited" | "missing" | "reordered" | "restarted";

export interface ChainIssue {
  kind: ChainIssueKind;
  /** The entry where the problem shows. */
  id: string;
  agent: string;
}

export interface ChainReport {
  ok: boolean;
  /** Sealed entries checked. */
  checked: number;
  /** Entries logged before the chain existed (no hash): not verifiable. */
  unsealed: number;
  agents: number;
  /** Agents whose oldest entry links to one not held here (purged, or never pulled): not an error. */
  truncated: string[];
  issues: ChainIssue[];
}

export interface VerifyOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Hashes already recomputed, by entry object: a page that keeps unchanged entries as the same objects verifies
   * again after a change at the cost of the changed entries only.
   */
  cache?: WeakMap<ReplyLogEntry, string>;
}

/**
 * The chain is followed by its links, not by time: each entry's `prevHash` must be the hash of one of the agent's
 * entries, each entry has at most one successor, there is one start (the first entry, or the oldest one held when
 * older ones were purged), and no link goes back in time beyond REORDER_TOLERANCE_MS.
 */
export async function verifyChain(
  entries: readonly ReplyLogEntry[],
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const sealed: ReplyLogEntry[] = [];
  let unsealed = 0;
  for (const e of entries) {
    if (typeof e.hash === "string") sealed.push(e);
    else unsealed++;
  }
  const edited = new Set<ReplyLogEntry>();
  const cache = options.cache;
  const todo = cache ? sealed.filter((e) => !cache.has(e)) : sealed;
  // Hashed synchronously in slices of about SLICE_MS, the page answering between slices.
  let sliceStart = performance.now();
  for (let i = 0; i < todo.length; i++) {
    const e = todo[i] as ReplyLogEntry;
    const hash = sha256HexSync(chainPayload(e));
    if (cache) cache.set(e, hash);
    else if (hash !== e.hash) edited.add(e);
    if ((i & 63) === 63 && performance.now() - sliceStart > SLICE_MS) {
      options.onProgress?.(i + 1, todo.length);
      await yieldToPage();
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  options.onProgress?.(todo.length, todo.length);
  if (cache) for (const e of sealed) if (cache.get(e) !== e.hash) edited.add(e);

  const byAgent = new Map<string, ReplyLogEntry[]>();
  for (const e of sealed) {
    const list = byAgent.get(e.agent);
    if (list) list.push(e);
    else byAgent.set(e.agent, [e]);
  }
  const issues: ChainIssue[] = [];
  const truncated: string[] = [];
  for (const [agent, list] of byAgent) {
    list.sort(chainOrder);
    const found: ChainIssue[] = [];
    const flag = (kind: ChainIssueKind, e: ReplyLogEntry) => found.push({ kind, id: e.id, agent });
    const byHash = new Map<string, ReplyLogEntry>();
    for (const e of list) byHash.set(e.hash as string, e);
    const successors = new Map<string, ReplyLogEntry[]>();
    const starts: ReplyLogEntry[] = [];
    const dangling: ReplyLogEntry[] = [];
    for (const e of list) {
      if (edited.has(e)) flag("edited", e);
      const prev = e.prevHash ?? null;
      const before = prev === null ? undefined : byHash.get(prev);
      if (prev === null) starts.push(e);
      else if (!before) dangling.push(e);
      else {
        const next = successors.get(prev);
        if (next) next.push(e);
        else successors.set(prev, [e]);
        if (before.insertedAt - e.insertedAt > REORDER_TOLERANCE_MS) flag("reordered", e);
      }
    }
    // One start: the first entry; or, when it is not held, the oldest entry whose predecessor is gone (a purge).
    for (const e of starts.slice(1)) flag("restarted", e);
    dangling.forEach((e, i) => {
      if (i === 0 && starts.length === 0) truncated.push(agent);
      else flag("missing", e);
    });
    for (const next of successors.values()) for (const e of next.slice(1)) flag("restarted", e);
    issues.push(...found);
  }
  return { ok: issues.length === 0, checked: sealed.length, unsealed, agents: byAgent.size, truncated, issues };
}

/**
 * The entry a new one links to, among an agent's newest entries: the one no other entry follows (the end of the
 * chain as written, which is the newest by time unless two insertions crossed). `recent` holds sealed entries only.
 */
export function chainTip<T extends Sealable>(recent: readonly T[]): T | undefined {
  const followed = new Set<string>();
  for (const e of recent) if (e.prevHash) followed.add(e.prevHash);
  let tip: T | undefined;
  for (const e of recent) {
    if (e.hash !== undefined && !followed.has(e.hash) && (!tip || chainOrder(tip, e) < 0)) tip = e;
  }
  return tip;
}
