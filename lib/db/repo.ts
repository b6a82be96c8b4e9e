/**
 * What the background does to the database, as functions of (db, input, now) so they are tested with
 * fake-indexeddb and no browser.
 */

import { chainTip, sealEntry } from "../log/chain";
import { retentionCutoff } from "../log/retention";
import { complaintKey } from "../messages";
import {
  type ComplaintRecord,
  type ComplaintStatus,
  type Detection,
  type DetectorFeedback,
  type FeedbackVerdict,
  type PostSnapshot,
  ReplyLogEntry,
  type SiteId,
  type Suggestion,
} from "../schemas";
import { type Change, CLAIM_TTL_MS } from "../sync/protocol";
import { uuidv7 } from "../uuid";
import { asComplaint } from "../verdict";
import type { ApaiseDb, ReviewRow } from "./index";

type ChangeOf<K extends Change["kind"]> = Extract<Change, { kind: K }>;

/**
 * Queue a change for the team endpoint. Call it inside the transaction that makes the change (with `db.outbox` in
 * its scope): the change and its outbox row are written together or not at all.
 */
export async function enqueue<K extends Change["kind"]>(
  db: ApaiseDb,
  kind: K,
  key: string,
  data: ChangeOf<K>["data"],
  at: number,
): Promise<void> {
  const id = uuidv7(at);
  await db.outbox.add({ id, change: { id, kind, key, at, data } as Change });
}

export async function recordComplaints(
  db: ApaiseDb,
  tabId: number,
  items: ReadonlyArray<{ post: PostSnapshot; detection: Detection }>,
  now: number,
): Promise<void> {
  if (items.length === 0) return;
  await db.transaction("rw", db.complaints, async () => {
    const keys = items.map((i) => complaintKey(i.post.site, i.post.id));
    const existing = await db.complaints.bulkGet(keys);
    const rows: ComplaintRecord[] = items.map((item, n) => {
      const old = existing[n];
      return {
        key: keys[n] as string,
        site: item.post.site,
        // The latest snapshot wins: counts grow while the agent watches.
        post: item.post,
        detection: item.detection,
        detectedAt: old?.detectedAt ?? now,
        lastSeenAt: now,
        tabId,
        status: old?.status ?? "new",
        ...(old?.brandReply ? { brandReply: old.brandReply } : {}),
      };
    });
    await db.complaints.bulkPut(rows);
  });
}

/**
 * A brand handle's replies seen in the threads of `site`'s complaints: each complaint keeps the first one seen.
 * Complaints not recorded (yet) are skipped. Returns how many complaints learnt they were answered.
 */
export async function recordBrandReplies(
  db: ApaiseDb,
  site: SiteId,
  items: ReadonlyArray<{ postId: string; by: string; replyId: string }>,
  now: number,
): Promise<number> {
  if (items.length === 0) return 0;
  return db.transaction("rw", db.complaints, async () => {
    const keys = items.map((i) => complaintKey(site, i.postId));
    const rows = await db.complaints.bulkGet(keys);
    const changed: ComplaintRecord[] = [];
    rows.forEach((row, n) => {
      const item = items[n];
      if (!row || !item || row.brandReply) return;
      changed.push({ ...row, brandReply: { by: item.by, replyId: item.replyId, seenAt: now } });
    });
    await db.complaints.bulkPut(changed);
    return changed.length;
  });
}

/** Statuses that still wait for an answer. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ["new", "in-progress"];

export async function openComplaintCount(db: ApaiseDb, tabId: number): Promise<number> {
  return db.complaints
    .where("[tabId+status]")
    .anyOf(OPEN_STATUSES.map((status) => [tabId, status]))
    .count();
}

/**
 * Move a complaint to `status` (with a note when escalated) and tell the team. Returns false when the complaint
 * is unknown or already there.
 */
export async function setComplaintStatus(
  db: ApaiseDb,
  key: string,
  status: ComplaintStatus,
  at: number,
  note?: string,
  /** Only move from these statuses (checked in the transaction: a concurrent insertion is not undone). */
  onlyFrom?: readonly ComplaintStatus[],
): Promise<boolean> {
  return db.transaction("rw", db.complaints, db.outbox, async () => {
    const row = await db.complaints.get(key);
    if (!row || (row.status === status && note === undefined)) return false;
    if (onlyFrom && !onlyFrom.includes(row.status)) return false;
    await db.complaints.update(key, { status });
    await enqueue(db, "status", key, note === undefined ? { status } : { status, note }, at);
    return true;
  });
}

/**
 * "Not a complaint": the complaint leaves the queue and the correction is kept, so managers see how often the
 * detector is wrong. Returns false when the complaint is unknown.
 */
export async function dismissComplaint(db: ApaiseDb, key: string, agent: string, at: number): Promise<boolean> {
  return db.transaction("rw", db.complaints, db.feedback, db.outbox, async () => {
    const row = await db.complaints.get(key);
    if (!row) return false;
    await db.complaints.update(key, { status: "dismissed" });
    const feedback = feedbackFor(row, "not-complaint", agent, at);
    await db.feedback.add(feedback);
    await enqueue(db, "feedback", feedback.id, feedback, at);
    await enqueue(db, "status", key, { status: "dismissed" }, at);
    return true;
  });
}

/**
 * "Missed complaint": the agent marks a post the detector let through. It joins the queue as a complaint, and
 * the correction is kept with what the detector had said.
 */
export async function recordMissedComplaint(
  db: ApaiseDb,
  tabId: number,
  item: { post: PostSnapshot; detection: Detection },
  agent: string,
  at: number,
): Promise<ComplaintRecord> {
  return db.transaction("rw", db.complaints, db.feedback, db.outbox, async () => {
    const key = complaintKey(item.post.site, item.post.id);
    const old = await db.complaints.get(key);
    const row: ComplaintRecord = {
      key,
      site: item.post.site,
      post: item.post,
      detection: asComplaint(item.detection),
      detectedAt: old?.detectedAt ?? at,
      lastSeenAt: at,
      tabId,
      status: "new",
    };
    await db.complaints.put(row);
    const feedback = feedbackFor({ ...row, detection: item.detection }, "missed-complaint", agent, at);
    await db.feedback.add(feedback);
    await enqueue(db, "feedback", feedback.id, feedback, at);
    return row;
  });
}

function feedbackFor(
  row: Pick<ComplaintRecord, "key" | "site" | "post" | "detection">,
  verdict: FeedbackVerdict,
  agent: string,
  at: number,
): DetectorFeedback {
  return {
    id: uuidv7(at),
    key: row.key,
    site: row.site,
    postId: row.post.id,
    verdict,
    detection: row.detection,
    agent,
    at,
  };
}

export interface JudgedPrecision {
  /** Flagged posts the agents answered: the detector was right. */
  confirmed: number;
  /** Flagged posts the agents dismissed as "not a complaint". */
  rejected: number;
  /** Posts the agents marked as complaints the detector missed. */
  missed: number;
  /** confirmed / (confirmed + rejected), null before any judgement. */
  precision: number | null;
}

/** The detector's precision as judged by the agents' actions; each post counts once, its last judgement wins. */
export function judgedPrecision(
  replies: ReadonlyArray<Pick<ReplyLogEntry, "site" | "postId" | "detection" | "insertedAt">>,
  feedback: ReadonlyArray<Pick<DetectorFeedback, "key" | "verdict" | "at">>,
): JudgedPrecision {
  const last = new Map<string, { at: number; verdict: "confirmed" | "rejected" | "missed" }>();
  const judge = (key: string, at: number, verdict: "confirmed" | "rejected" | "missed") => {
    const prev = last.get(key);
    if (!prev || prev.at <= at) last.set(key, { at, verdict });
  };
  // A post the agent had to mark by hand stays a miss even once answered (its logged detection says complaint).
  const missed = new Set(feedback.filter((f) => f.verdict === "missed-complaint").map((f) => f.key));
  for (const r of replies) {
    const key = complaintKey(r.site, r.postId);
    if (r.detection.complaint && !missed.has(key)) judge(key, r.insertedAt, "confirmed");
  }
  for (const f of feedback) judge(f.key, f.at, f.verdict === "not-complaint" ? "rejected" : "missed");
  const counts = { confirmed: 0, rejected: 0, missed: 0 };
  for (const { verdict } of last.values()) counts[verdict]++;
  const judged = counts.confirmed + counts.rejected;
  return { ...counts, precision: judged === 0 ? null : counts.confirmed / judged };
}

export interface InsertionInput {
  complaint: ComplaintRecord;
  text: string;
  suggestion: Suggestion | null;
  agent: string;
  insertedAt: number;
  id?: string;
  lintOverride?: string[];
}

export function buildLogEntry(input: InsertionInput): ReplyLogEntry {
  const { complaint: c, suggestion, text, insertedAt } = input;
  const publishedAt = c.post.postedAt ? Date.parse(c.post.postedAt) : null;
  const from = publishedAt ?? c.detectedAt;
  return ReplyLogEntry.parse({
    id: input.id ?? uuidv7(insertedAt),
    site: c.site,
    postId: c.post.id,
    postUrl: c.post.url,
    author: c.post.author,
    authorName: c.post.name,
    postText: c.post.text,
    detection: c.detection,
    suggestion,
    finalText: text,
    edited: suggestion ? suggestion.text.trim() !== text.trim() : true,
    ...(input.lintOverride?.length ? { lintOverride: input.lintOverride } : {}),
    agent: input.agent,
    publishedAt,
    detectedAt: c.detectedAt,
    insertedAt,
    postedAt: null,
    responseMs: Math.max(0, insertedAt - from),
  });
}

export async function recordInsertion(db: ApaiseDb, input: InsertionInput): Promise<ReplyLogEntry> {
  const built = buildLogEntry(input);
  // The hash is computed outside the transaction (an await on crypto.subtle would let IndexedDB commit it), so the
  // agent's chain head is read again inside: if another insertion moved it meanwhile, link again.
  for (let attempt = 0; ; attempt++) {
    const head = (await chainHead(db, built.agent))?.hash ?? null;
    const entry = await sealEntry(built, head);
    try {
      await db.transaction("rw", db.replies, db.complaints, db.outbox, async () => {
        if (((await chainHead(db, built.agent))?.hash ?? null) !== head) throw new ChainMoved();
        await db.replies.add(entry);
        await db.complaints.update(input.complaint.key, { status: "inserted" });
        await enqueue(db, "reply", entry.id, entry, input.insertedAt);
      });
      return entry;
    } catch (error) {
      if (!(error instanceof ChainMoved) || attempt >= 5) throw error;
    }
  }
}

/** The agent pressed the site's own Post: the response time now runs to that moment. */
export async function recordOutcome(
  db: ApaiseDb,
  logId: string,
  outcome: "posted" | "cancelled" | "timeout",
  at: number,
): Promise<ReplyLogEntry | undefined> {
  return db.transaction("rw", db.replies, db.complaints, db.outbox, async () => {
    const entry = await db.replies.get(logId);
    if (!entry) return undefined;
    const key = complaintKey(entry.site, entry.postId);
    if (outcome === "posted") {
      const from = entry.publishedAt ?? entry.detectedAt;
      const updated = { ...entry, postedAt: at, responseMs: Math.max(0, at - from) };
      await db.replies.put(updated);
      await db.complaints.update(key, { status: "posted" });
      await enqueue(db, "outcome", entry.id, { postedAt: at, responseMs: updated.responseMs }, at);
      await enqueue(db, "status", key, { status: "posted" }, at);
      await enqueue(db, "claim", key, { agent: entry.agent, state: "answered", expiresAt: at }, at);
      return updated;
    }
    // Cancelled: the log keeps the insertion (the agent did answer in the composer), the complaint is open again.
    await db.complaints.update(key, { status: "new" });
    return entry;
  });
}

/**
 * The agent opened a complaint: tell the team "I am answering this" for CLAIM_TTL_MS. Not repeated while the
 * agent's previous claim on the post still has more than half its time to run. Returns whether a claim was queued.
 */
export async function claimComplaint(db: ApaiseDb, key: string, agent: string, at: number): Promise<boolean> {
  return db.transaction("rw", db.outbox, db.syncMeta, async () => {
    const row = await db.syncMeta.get("lastClaim");
    const last = row?.key === "lastClaim" ? row.value : undefined;
    if (last && last.key === key && at - last.at < CLAIM_TTL_MS / 2) return false;
    await enqueue(db, "claim", key, { agent, state: "answering", expiresAt: at + CLAIM_TTL_MS }, at);
    await db.syncMeta.put({ key: "lastClaim", value: { key, at } });
    return true;
  });
}

class ChainMoved extends Error {}

/** The end of the agent's chain, among the agent's newest entries (ids are UUIDv7: the `agent` index sorts by time). */
async function chainHead(db: ApaiseDb, agent: string): Promise<ReplyLogEntry | undefined> {
  const recent = await db.replies
    .where("agent")
    .equals(agent)
    .reverse()
    .filter((r) => typeof r.hash === "string")
    .limit(CHAIN_TIP_WINDOW)
    .toArray();
  return chainTip(recent);
}

/** Insertions that can cross each other are a handful at most: the chain's end is among this many newest entries. */
const CHAIN_TIP_WINDOW = 32;

/** A manager marks a reply good or for coaching (`mark: null` clears it); the team gets the mark. */
export async function markReview(
  db: ApaiseDb,
  input: { replyId: string; mark: "good" | "coaching" | null; comment: string },
  reviewer: string,
  at: number,
): Promise<boolean> {
  return db.transaction("rw", db.replies, db.reviews, db.outbox, async () => {
    if (!(await db.replies.get(input.replyId))) return false;
    const data = { mark: input.mark, comment: input.comment, reviewer };
    await db.reviews.put({ replyId: input.replyId, ...data, at });
    await enqueue(db, "review", input.replyId, data, at);
    return true;
  });
}

export interface ImportResult {
  added: number;
  /** Entries already in the log (same id): kept as they are. */
  skipped: number;
  reviews: number;
}

/**
 * Merge an export into the log: entries by id (one already held is kept), reviews by reply (the newer mark wins).
 * Nothing is queued for the team: these entries came from somewhere that already had them.
 */
export async function importLog(
  db: ApaiseDb,
  entries: readonly ReplyLogEntry[],
  reviews: readonly ReviewRow[],
): Promise<ImportResult> {
  return db.transaction("rw", db.replies, db.reviews, async () => {
    const unique = [...new Map(entries.map((e) => [e.id, e])).values()];
    const held = await db.replies.bulkGet(unique.map((e) => e.id));
    const fresh = unique.filter((_, i) => held[i] === undefined);
    await db.replies.bulkAdd(fresh);
    // A review of an entry that is in neither the log nor the import has nothing to show on.
    const known = new Set(unique.map((e) => e.id));
    const replies = await db.replies.bulkGet(reviews.filter((r) => !known.has(r.replyId)).map((r) => r.replyId));
    for (const r of replies) if (r) known.add(r.id);
    const latest = new Map<string, ReviewRow>();
    for (const r of reviews)
      if (known.has(r.replyId) && (latest.get(r.replyId)?.at ?? -1) < r.at) latest.set(r.replyId, r);
    const wanted = [...latest.values()];
    const heldReviews = await db.reviews.bulkGet(wanted.map((r) => r.replyId));
    const newer = wanted.filter((r, i) => (heldReviews[i]?.at ?? -1) < r.at);
    await db.reviews.bulkPut(newer);
    return { added: fresh.length, skipped: entries.length - fresh.length, reviews: newer.length };
  });
}

/** Retention: delete the entries inserted before `before` (epoch ms) and their reviews. Returns how many went. */
/**
 * Retention, applied by the background once a day (and when the setting changes): log entries inserted, and
 * complaints last seen, more than `days` days before `now` are deleted; 0 days keeps everything. The log page
 * previews the same cutoff (lib/log/retention.ts). Returns what was deleted.
 */
export async function applyRetention(
  db: ApaiseDb,
  days: number,
  now: number,
): Promise<{ entries: number; complaints: number }> {
  const cutoff = retentionCutoff(now, days);
  if (cutoff === null) return { entries: 0, complaints: 0 };
  const entries = await purgeBefore(db, cutoff);
  const complaints = await db.complaints.where("lastSeenAt").below(cutoff).delete();
  return { entries, complaints };
}

export async function purgeBefore(db: ApaiseDb, before: number): Promise<number> {
  return db.transaction("rw", db.replies, db.reviews, async () => {
    const ids = await db.replies.where("insertedAt").below(before).primaryKeys();
    await db.replies.bulkDelete(ids);
    await db.reviews.bulkDelete(ids);
    return ids.length;
  });
}
