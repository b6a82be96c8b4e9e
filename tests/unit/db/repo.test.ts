import { afterEach, beforeEach, describe, expect, test } from "vitest";
import "@/lib/zod-messages";
import { ApaiseDb } from "@/lib/db";
import {
  buildLogEntry,
  dismissComplaint,
  judgedPrecision,
  openComplaintCount,
  recordBrandReplies,
  recordComplaints,
  recordInsertion,
  recordMissedComplaint,
  recordOutcome,
  setComplaintStatus,
} from "@/lib/db/repo";
import { DetectorFeedback, ReplyLogEntry } from "@/lib/schemas";
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
    expect(await dismissComplaint(db, "x:2", "Julie", T)).toBe(true);
    expect(await dismissComplaint(db, "x:404", "Julie", T)).toBe(false);
    expect(await openComplaintCount(db, 4)).toBe(2);
    expect(await openComplaintCount(db, 5)).toBe(0);
  });
});

describe("brand replies seen in a thread", () => {
  test("a complaint keeps the first brand reply seen, across later sightings; unknown posts are skipped", async () => {
    await recordComplaints(db, 1, [{ post: post(), detection: detection() }], T);
    const items = [
      { postId: "1860000000000000001", by: "AcmeHelp", replyId: "77" },
      { postId: "404", by: "AcmeHelp", replyId: "78" },
    ];
    expect(await recordBrandReplies(db, "x", items, T + 1_000)).toBe(1);
    expect(await recordBrandReplies(db, "x", [{ ...items[0], replyId: "99" } as (typeof items)[0]], T + 2_000)).toBe(0);
    await recordComplaints(db, 1, [{ post: post(), detection: detection() }], T + 3_000);
    const row = await db.complaints.get("x:1860000000000000001");
    expect(row?.brandReply).toEqual({ by: "AcmeHelp", replyId: "77", seenAt: T + 1_000 });
    expect(await db.complaints.get("x:404")).toBeUndefined();
    expect(await recordBrandReplies(db, "reddit", items, T)).toBe(0);
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

describe("detector feedback", () => {
  test("“not a complaint” dismisses and keeps what the detector said", async () => {
    await recordComplaints(db, 3, [{ post: post(), detection: detection({ score: 0.71 }) }], T);
    expect(await dismissComplaint(db, "x:1860000000000000001", "Julie", T + 5000)).toBe(true);
    const [fb] = await db.feedback.toArray();
    expect(fb).toMatchObject({ verdict: "not-complaint", agent: "Julie", at: T + 5000, postId: "1860000000000000001" });
    expect(fb?.detection.score).toBe(0.71);
    expect(DetectorFeedback.parse(fb)).toEqual(fb);
  });

  test("“missed complaint” queues the post as a complaint and records the detector's miss", async () => {
    const missed = detection({ complaint: false, severity: 0, score: 0.2 });
    const row = await recordMissedComplaint(db, 9, { post: post(), detection: missed }, "Julie", T);
    expect(row.detection).toMatchObject({ complaint: true, severity: 1, score: 0.2 });
    expect(row.status).toBe("new");
    expect(await openComplaintCount(db, 9)).toBe(1);
    const [fb] = await db.feedback.toArray();
    expect(fb).toMatchObject({ verdict: "missed-complaint", detection: { complaint: false, severity: 0 } });
  });

  const reply = (postId: string, at: number, complaint = true) => ({
    site: "x" as const,
    postId,
    insertedAt: at,
    detection: detection({ complaint }),
  });
  const fb = (postId: string, at: number, verdict: "not-complaint" | "missed-complaint") => ({
    key: `x:${postId}`,
    at,
    verdict,
  });

  test.each([
    {
      name: "nothing judged yet",
      replies: [],
      feedback: [],
      want: { confirmed: 0, rejected: 0, missed: 0, precision: null },
    },
    {
      name: "3 answered, 1 dismissed",
      replies: [reply("1", 1), reply("2", 2), reply("3", 3)],
      feedback: [fb("4", 4, "not-complaint")],
      want: { confirmed: 3, rejected: 1, missed: 0, precision: 0.75 },
    },
    {
      name: "two replies to one post count once",
      replies: [reply("1", 1), reply("1", 2)],
      feedback: [],
      want: { confirmed: 1, rejected: 0, missed: 0, precision: 1 },
    },
    {
      name: "dismissed after a reply: the last judgement wins",
      replies: [reply("1", 1)],
      feedback: [fb("1", 5, "not-complaint")],
      want: { confirmed: 0, rejected: 1, missed: 0, precision: 0 },
    },
    {
      name: "a missed complaint answered later is not a detector hit",
      replies: [reply("7", 9)],
      feedback: [fb("7", 8, "missed-complaint")],
      want: { confirmed: 0, rejected: 0, missed: 1, precision: null },
    },
  ])("judged precision: $name", ({ replies, feedback, want }) => {
    expect(judgedPrecision(replies, feedback)).toEqual(want);
  });
});

describe("statuses", () => {
  test("a status move is queued for the team, with the escalation note; 'only from' guards a concurrent change", async () => {
    await recordComplaints(db, 1, [{ post: post(), detection: detection() }], T);
    const key = "x:1860000000000000001";
    expect(await setComplaintStatus(db, key, "in-progress", T, undefined, ["new"])).toBe(true);
    expect(await setComplaintStatus(db, key, "in-progress", T)).toBe(false); // already there
    await db.complaints.update(key, { status: "inserted" }); // an insertion landed meanwhile
    expect(await setComplaintStatus(db, key, "in-progress", T, undefined, ["new"])).toBe(false);
    expect((await db.complaints.get(key))?.status).toBe("inserted");
    expect(await setComplaintStatus(db, key, "escalated", T, "legal: threatens to sue")).toBe(true);
    expect(await setComplaintStatus(db, "x:404", "escalated", T)).toBe(false);
    const queued = (await db.outbox.orderBy("seq").toArray()).map((r) => r.change);
    expect(queued.map((c) => [c.kind, c.key, c.data])).toEqual([
      ["status", key, { status: "in-progress" }],
      ["status", key, { status: "escalated", note: "legal: threatens to sue" }],
    ]);
    expect(await openComplaintCount(db, 1)).toBe(0);
  });
});
