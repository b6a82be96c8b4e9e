/**
 * What the background does to the database, as functions of (db, input, now) so they are tested with
 * fake-indexeddb and no browser.
 */
import { complaintKey } from "../messages";
import { type ComplaintRecord, type Detection, type PostSnapshot, ReplyLogEntry, type Suggestion } from "../schemas";
import { uuidv7 } from "../uuid";
import type { ApaiseDb } from "./index";

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
      };
    });
    await db.complaints.bulkPut(rows);
  });
}

export async function openComplaintCount(db: ApaiseDb, tabId: number): Promise<number> {
  return db.complaints.where({ tabId, status: "new" }).count();
}

export async function dismissComplaint(db: ApaiseDb, key: string): Promise<boolean> {
  return (await db.complaints.update(key, { status: "dismissed" })) === 1;
}

export interface InsertionInput {
  complaint: ComplaintRecord;
  text: string;
  suggestion: Suggestion | null;
  agent: string;
  insertedAt: number;
  id?: string;
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
    agent: input.agent,
    publishedAt,
    detectedAt: c.detectedAt,
    insertedAt,
    postedAt: null,
    responseMs: Math.max(0, insertedAt - from),
  });
}

export async function recordInsertion(db: ApaiseDb, input: InsertionInput): Promise<ReplyLogEntry> {
  const entry = buildLogEntry(input);
  await db.transaction("rw", db.replies, db.complaints, async () => {
    await db.replies.add(entry);
    await db.complaints.update(input.complaint.key, { status: "inserted" });
  });
  return entry;
}

/** The agent pressed the site's own Post: the response time now runs to that moment. */
export async function recordOutcome(
  db: ApaiseDb,
  logId: string,
  outcome: "posted" | "cancelled" | "timeout",
  at: number,
): Promise<ReplyLogEntry | undefined> {
  return db.transaction("rw", db.replies, db.complaints, async () => {
    const entry = await db.replies.get(logId);
    if (!entry) return undefined;
    const key = complaintKey(entry.site, entry.postId);
    if (outcome === "posted") {
      const from = entry.publishedAt ?? entry.detectedAt;
      const updated = { ...entry, postedAt: at, responseMs: Math.max(0, at - from) };
      await db.replies.put(updated);
      await db.complaints.update(key, { status: "posted" });
      return updated;
    }
    // Cancelled: the log keeps the insertion (the agent did answer in the composer), the complaint is open again.
    await db.complaints.update(key, { status: "new" });
    return entry;
  });
}
