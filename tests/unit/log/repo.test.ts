/** The database work the manager's desk asks of the background: marks, imports, purges, and the chain. */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import "@/lib/zod-messages";
import { ApaiseDb } from "@/lib/db";
import { applyRetention, importLog, markReview, purgeBefore, recordInsertion } from "@/lib/db/repo";
import { verifyChain } from "@/lib/log/chain";
import { DAY_MS } from "@/lib/log/retention";
import { parseMessage, ToBackground } from "@/lib/messages";
import { ReplyLogEntry } from "@/lib/schemas";
import { complaint, post } from "../support/factories";
import { entry, MIN, T0 } from "./support";

let db: ApaiseDb;
let n = 0;
beforeEach(() => {
  db = new ApaiseDb(`log-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

async function insert(agent: string, at: number, postId = String(at)) {
  const c = complaint({ key: `x:${postId}`, post: post({ id: postId, url: `https://x.com/a/status/${postId}` }) });
  await db.complaints.put(c);
  return recordInsertion(db, {
    complaint: c,
    text: "Merci, écrivez-nous en DM.",
    suggestion: null,
    agent,
    insertedAt: at,
  });
}

describe("the chain, as recordInsertion writes it", () => {
  test("each agent's entries link to that agent's previous one, and the queued reply carries the hashes", async () => {
    const j1 = await insert("Julie", T0);
    const m1 = await insert("Marc", T0 + 1);
    const j2 = await insert("Julie", T0 + 2);
    expect(j1.prevHash).toBeNull();
    expect(m1.prevHash).toBeNull();
    expect(j2.prevHash).toBe(j1.hash);
    expect(ReplyLogEntry.parse(j2)).toEqual(j2);
    const queued = (await db.outbox.toArray()).filter((r) => r.change.kind === "reply").map((r) => r.change.data);
    expect(queued).toContainEqual(j2);
    expect((await verifyChain(await db.replies.toArray())).ok).toBe(true);
  });

  test("insertions at the same time still form one chain", async () => {
    await Promise.all([0, 1, 2, 3, 4].map((i) => insert("Julie", T0 + i * 10, `p${i}`)));
    const report = await verifyChain(await db.replies.toArray());
    expect(report).toMatchObject({ ok: true, checked: 5 });
    const rows = await db.replies.toArray();
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(5);
  });

  test("an entry deleted or edited in the database shows", async () => {
    const a = await insert("Julie", T0);
    const b = await insert("Julie", T0 + 1);
    const c = await insert("Julie", T0 + 2);
    await db.replies.update(a.id, { finalText: "Autre chose" });
    await db.replies.delete(b.id);
    const report = await verifyChain(await db.replies.toArray());
    expect(report.issues).toEqual([
      { kind: "edited", id: a.id, agent: "Julie" },
      { kind: "missing", id: c.id, agent: "Julie" },
    ]);
  });
});

describe("marks", () => {
  test("stored, queued for the team as a review, cleared with null", async () => {
    const e = await insert("Julie", T0);
    await db.outbox.clear();
    expect(await markReview(db, { replyId: e.id, mark: "coaching", comment: "Trop sec" }, "Ana", T0 + MIN)).toBe(true);
    expect(await db.reviews.get(e.id)).toEqual({
      replyId: e.id,
      mark: "coaching",
      comment: "Trop sec",
      reviewer: "Ana",
      at: T0 + MIN,
    });
    expect(await markReview(db, { replyId: e.id, mark: null, comment: "" }, "Ana", T0 + 2 * MIN)).toBe(true);
    expect((await db.reviews.get(e.id))?.mark).toBeNull();
    const changes = (await db.outbox.orderBy("seq").toArray()).map((r) => r.change);
    expect(changes.map((c) => [c.kind, c.key, c.data])).toEqual([
      ["review", e.id, { mark: "coaching", comment: "Trop sec", reviewer: "Ana" }],
      ["review", e.id, { mark: null, comment: "", reviewer: "Ana" }],
    ]);
  });

  test("a mark on an unknown entry is refused and queues nothing", async () => {
    expect(await markReview(db, { replyId: "nope", mark: "good", comment: "" }, "Ana", T0)).toBe(false);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("import", () => {
  test("merges by id, twice is once, nothing queued; the newer review wins; orphan reviews are dropped", async () => {
    const held = entry({}, 0);
    await db.replies.add(held);
    await db.reviews.put({ replyId: held.id, mark: "good", comment: "", reviewer: "Ana", at: 10 });
    const fresh = [entry({}, 1), entry({}, 2)];
    const reviews = [
      { replyId: held.id, mark: "coaching" as const, comment: "newer", reviewer: "Léa", at: 20 },
      { replyId: fresh[0]?.id as string, mark: "good" as const, comment: "", reviewer: "Léa", at: 5 },
      { replyId: "orphan", mark: "good" as const, comment: "", reviewer: "Léa", at: 5 },
    ];
    const edited = { ...held, finalText: "changed" };
    expect(await importLog(db, [edited, ...fresh], reviews)).toEqual({ added: 2, skipped: 1, reviews: 2 });
    expect(await importLog(db, [edited, ...fresh], reviews)).toEqual({ added: 0, skipped: 3, reviews: 0 });
    expect(await db.replies.count()).toBe(3);
    expect((await db.replies.get(held.id))?.finalText).toBe(held.finalText);
    expect((await db.reviews.get(held.id))?.comment).toBe("newer");
    expect(await db.reviews.get("orphan")).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("purge", () => {
  test("deletes the entries inserted before the cutoff and their reviews, nothing else", async () => {
    const old = entry({}, 0);
    const edge = entry({}, 10);
    const recent = entry({}, 20);
    await db.replies.bulkAdd([old, edge, recent]);
    await db.reviews.bulkPut([
      { replyId: old.id, mark: "good", comment: "", reviewer: "Ana", at: 1 },
      { replyId: recent.id, mark: "good", comment: "", reviewer: "Ana", at: 1 },
    ]);
    expect(await purgeBefore(db, T0 + 10 * MIN)).toBe(1);
    expect((await db.replies.toArray()).map((e) => e.id)).toEqual([edge.id, recent.id]);
    expect((await db.reviews.toArray()).map((r) => r.replyId)).toEqual([recent.id]);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("automatic retention (the background's daily alarm)", () => {
  test.each([
    { days: 0, entries: 0, complaints: 0, left: 3 },
    { days: 30, entries: 1, complaints: 1, left: 2 },
    { days: 100, entries: 0, complaints: 0, left: 3 },
  ])("$days days: $entries entries and $complaints complaints go", async ({ days, entries, complaints, left }) => {
    const now = T0 + 60 * DAY_MS;
    await db.replies.bulkAdd([entry({}, 0), entry({}, 45 * 24 * 60), entry({}, 59 * 24 * 60)]);
    await db.complaints.bulkPut([
      complaint({ key: "x:old", lastSeenAt: T0 }),
      complaint({ key: "x:new", lastSeenAt: now - DAY_MS }),
    ]);
    expect(await applyRetention(db, days, now)).toEqual({ entries, complaints });
    expect(await db.replies.count()).toBe(left);
    expect(await db.complaints.count()).toBe(2 - complaints);
    expect(await db.complaints.get("x:new")).toBeDefined();
  });
});

describe("messages from the log page", () => {
  test.each<[string, object, boolean]>([
    ["a good mark", { type: "review/mark", replyId: "r1", mark: "good", comment: "" }, true],
    ["a cleared mark", { type: "review/mark", replyId: "r1", mark: null, comment: "x" }, true],
    ["an unknown mark", { type: "review/mark", replyId: "r1", mark: "excellent", comment: "" }, false],
    ["a comment too long", { type: "review/mark", replyId: "r1", mark: "good", comment: "x".repeat(2_001) }, false],
    ["a purge", { type: "log/purge", before: T0 }, true],
    ["a purge without a time", { type: "log/purge", before: "yesterday" }, false],
    ["an import", { type: "log/import", entries: [entry()], reviews: [] }, true],
    [
      "an import with a javascript: link",
      { type: "log/import", entries: [{ ...entry(), postUrl: "javascript:alert(1)" }], reviews: [] },
      false,
    ],
    [
      "an import batch too large",
      { type: "log/import", entries: Array.from({ length: 1_001 }, () => entry()), reviews: [] },
      false,
    ],
  ])("%s: accepted %s", (_, msg, ok) => {
    expect(parseMessage(ToBackground, msg).ok).toBe(ok);
  });
});
