import { afterEach, beforeEach, describe, expect, test } from "vitest";
import "@/lib/zod-messages";
import { ApaiseDb } from "@/lib/db";
import {
  buildLogEntry,
  dismissComplaint,
  openComplaintCount,
  recordComplaints,
  recordInsertion,
  recordOutcome,
} from "@/lib/db/repo";
import { ReplyLogEntry } from "@/lib/schemas";
import { complaint, detection, post } from "../support/factories";

let db: ApaiseDb;
let n = 0;
beforeEach(() => {
  db = new ApaiseDb(`test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const T = Date.parse("2026-11-22T10:05:00.000Z");

describe("complaints", () => {
  test("first sight sets detectedAt; later sights keep it, refresh the snapshot and move the tab", async () => {
    await recordComplaints(db, 1, [{ post: post(), detection: detection() }], T);
    const grown = post({ metrics: { replies: 9, reposts: 4, likes: 80, views: 5000 } });
    await recordComplaints(db, 2, [{ post: grown, detection: detection() }], T + 60_000);
    const row = await db.complaints.get("x:1860000000000000001");
    expect(row?.detectedAt).toBe(T);
    expect(row?.lastSeenAt).toBe(T + 60_000);
    expect(row?.tabId).toBe(2);
    expect(row?.post.metrics.likes).toBe(80);
    expect(row?.status).toBe("new");
  });

  test("open count per tab, dismissed ones excluded", async () => {
    await recordComplaints(
      db,
      4,
      ["1", "2", "3"].map((id) => ({
        post: post({ id, url: `https://x.com/a/status/${id}` }),
        detection: detection(),
      })),
      T,
    );
    expect(await openComplaintCount(db, 4)).toBe(3);
    expect(await dismissComplaint(db, "x:2")).toBe(true);
    expect(await dismissComplaint(db, "x:404")).toBe(false);
    expect(await openComplaintCount(db, 4)).toBe(2);
    expect(await openComplaintCount(db, 5)).toBe(0);
  });
});

describe("reply log", () => {
  const c = complaint();
  const suggestion = {
    id: "s1",
    strategy: "acknowledge-dm" as const,
    lang: "fr" as const,
    text: "Bonjour, nous sommes désolés.",
    length: 29,
    maxLength: 280,
  };

  test.each([
    { text: "Bonjour, nous sommes désolés.", edited: false },
    { text: "  Bonjour, nous sommes désolés. ", edited: false },
    { text: "Bonjour, nous sommes vraiment désolés.", edited: true },
  ])("an entry records whether the reply was edited ($edited)", ({ text, edited }) => {
    const e = buildLogEntry({ complaint: c, text, suggestion, agent: "Julie", insertedAt: T + 120_000 });
    expect(ReplyLogEntry.parse(e)).toEqual(e);
    expect(e.edited).toBe(edited);
  });

  test("insertion then posting: times and response time from the post's publication", async () => {
    await db.complaints.put(c);
    const insertedAt = Date.parse("2026-11-22T10:12:00.000Z");
    const e = await recordInsertion(db, { complaint: c, text: "Merci", suggestion, agent: "Julie", insertedAt });
    expect(e.publishedAt).toBe(Date.parse("2026-11-22T10:00:00.000Z"));
    expect(e.responseMs).toBe(12 * 60_000);
    expect(e.postedAt).toBeNull();
    expect((await db.complaints.get(c.key))?.status).toBe("inserted");

    const postedAt = Date.parse("2026-11-22T10:13:30.000Z");
    const done = await recordOutcome(db, e.id, "posted", postedAt);
    expect(done?.postedAt).toBe(postedAt);
    expect(done?.responseMs).toBe(13.5 * 60_000);
    expect((await db.replies.get(e.id))?.postedAt).toBe(postedAt);
    expect((await db.complaints.get(c.key))?.status).toBe("posted");
  });

  test("a cancelled composer reopens the complaint and keeps the entry", async () => {
    await db.complaints.put(c);
    const e = await recordInsertion(db, { complaint: c, text: "Merci", suggestion: null, agent: "", insertedAt: T });
    expect(e.edited).toBe(true);
    await recordOutcome(db, e.id, "cancelled", T + 1000);
    expect((await db.complaints.get(c.key))?.status).toBe("new");
    expect((await db.replies.get(e.id))?.postedAt).toBeNull();
  });

  test("an outcome for an unknown entry changes nothing", async () => {
    expect(await recordOutcome(db, "missing", "posted", T)).toBeUndefined();
    expect(await db.replies.count()).toBe(0);
  });

  test("response time counts from detection when the post has no date", () => {
    const undated = complaint({ post: post({ postedAt: null }) });
    const e = buildLogEntry({
      complaint: undated,
      text: "Hi",
      suggestion: null,
      agent: "",
      insertedAt: undated.detectedAt + 5000,
    });
    expect(e.publishedAt).toBeNull();
    expect(e.responseMs).toBe(5000);
  });
});
