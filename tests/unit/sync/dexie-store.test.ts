/**
 * The extension's sync store on a real Dexie (fake-indexeddb): every change that must reach the team is queued in
 * the same transaction as the change itself, and pulled changes apply idempotently, in server order.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import "@/lib/zod-messages";
import { ApaiseDb } from "@/lib/db";
import {
  claimComplaint,
  dismissComplaint,
  recordComplaints,
  recordInsertion,
  recordMissedComplaint,
  recordOutcome,
} from "@/lib/db/repo";
import { colleagueClaims } from "@/lib/sync/claims";
import { DexieSyncStore, getMeta } from "@/lib/sync/dexie-store";
import { Change, CLAIM_TTL_MS, type ServerChange } from "@/lib/sync/protocol";
import { complaint, detection, post } from "../support/factories";

let db: ApaiseDb;
let store: DexieSyncStore;
let n = 0;
beforeEach(() => {
  db = new ApaiseDb(`sync-test-${++n}`);
  store = new DexieSyncStore(db);
});
afterEach(async () => {
  await db.delete();
});

const T = Date.parse("2026-11-22T10:05:00.000Z");
const kinds = async () => (await store.pending(100)).map((c) => `${c.kind}:${c.key}`);

describe("the outbox is written with the change", () => {
  test("insertion, posting, dismissal, missed complaint and claim each queue what the team needs", async () => {
    const c = complaint();
    await db.complaints.put(c);
    const e = await recordInsertion(db, {
      complaint: c,
      text: "Merci",
      suggestion: null,
      agent: "Julie",
      insertedAt: T,
    });
    await recordOutcome(db, e.id, "posted", T + 60_000);
    await recordComplaints(
      db,
      1,
      [{ post: post({ id: "2", url: "https://x.com/a/status/2" }), detection: detection() }],
      T,
    );
    await dismissComplaint(db, "x:2", "Julie", T);
    await recordMissedComplaint(
      db,
      1,
      { post: post({ id: "3", url: "https://x.com/a/status/3" }), detection: detection({ complaint: false }) },
      "Julie",
      T,
    );
    expect(await claimComplaint(db, "x:4", "Julie", T)).toBe(true);

    const feedbackId = async (verdict: string) => (await db.feedback.where("verdict").equals(verdict).first())?.id;
    expect(await kinds()).toEqual([
      `reply:${e.id}`,
      `outcome:${e.id}`,
      `status:${c.key}`,
      `claim:${c.key}`,
      `feedback:${await feedbackId("not-complaint")}`,
      "status:x:2",
      `feedback:${await feedbackId("missed-complaint")}`,
      "claim:x:4",
    ]);
    // Every queued change is a valid protocol change, with a unique id.
    const changes = await store.pending(100);
    for (const change of changes) expect(Change.parse(change)).toEqual(change);
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
    expect(changes[3]).toMatchObject({ kind: "claim", data: { state: "answered", agent: "Julie" } });
    expect(changes[7]).toMatchObject({ kind: "claim", data: { state: "answering", expiresAt: T + CLAIM_TTL_MS } });
  });

  test("a failed transaction queues nothing", async () => {
    const c = complaint();
    await db.complaints.put(c);
    const e = await recordInsertion(db, { complaint: c, text: "Merci", suggestion: null, agent: "J", insertedAt: T });
    const before = await store.pendingCount();
    // The same id again: the insert fails, and its outbox row must not stay behind.
    await expect(
      recordInsertion(db, { id: e.id, complaint: c, text: "Merci", suggestion: null, agent: "J", insertedAt: T }),
    ).rejects.toThrow();
    expect(await store.pendingCount()).toBe(before);
  });

  test("re-opening the same complaint does not claim it again until half the claim has run", async () => {
    expect(await claimComplaint(db, "x:1", "J", T)).toBe(true);
    expect(await claimComplaint(db, "x:1", "J", T + CLAIM_TTL_MS / 4)).toBe(false);
    expect(await claimComplaint(db, "x:2", "J", T + 1)).toBe(true);
    expect(await claimComplaint(db, "x:1", "J", T + 2)).toBe(true);
    expect(await store.pendingCount()).toBe(3);
  });
});

describe("settle and pull", () => {
  test("settle removes accepted and rejected changes and keeps the rejections", async () => {
    for (const k of ["x:1", "x:2", "x:3"]) await claimComplaint(db, k, "J", T + k.length);
    const [a, b, c] = await store.pending(10);
    await store.settle([a?.id ?? ""], [{ id: b?.id ?? "", reason: "forbidden", message: "no" }]);
    expect((await store.pending(10)).map((x) => x.id)).toEqual([c?.id]);
    expect((await getMeta(db, "rejected"))?.[0]).toMatchObject({ id: b?.id, reason: "forbidden" });
  });

  const colleague = (seq: number, change: Omit<ServerChange, "seq" | "agentId" | "agentName">): ServerChange =>
    ({ ...change, seq: String(seq), agentId: "agent-2", agentName: "Marc" }) as ServerChange;

  test("pulled changes apply idempotently, in server order, with the cursor", async () => {
    const c = complaint();
    await db.complaints.put(c);
    const entry = await recordInsertion(db, { complaint: c, text: "Hi", suggestion: null, agent: "J", insertedAt: T });
    const theirs = { ...entry, id: "0193a000-0000-7000-8000-000000000001", agent: "Marc" };
    const changes: ServerChange[] = [
      colleague(5, { id: "c1", kind: "reply", key: theirs.id, at: T, data: theirs }),
      colleague(6, { id: "c2", kind: "outcome", key: theirs.id, at: T, data: { postedAt: T + 5, responseMs: 5 } }),
      colleague(7, {
        id: "c3",
        kind: "claim",
        key: "x:9",
        at: T,
        data: { agent: "Marc", state: "answering", expiresAt: T + 1000 },
      }),
      colleague(8, {
        id: "c4",
        kind: "claim",
        key: "x:9",
        at: T,
        data: { agent: "Marc", state: "answered", expiresAt: T },
      }),
      colleague(9, { id: "c5", kind: "status", key: c.key, at: T, data: { status: "dismissed" } }),
      colleague(10, {
        id: "c6",
        kind: "review",
        key: theirs.id,
        at: T,
        data: { mark: "good", comment: "Bien", reviewer: "Ana" },
      }),
    ];
    await store.applyRemote(changes, "10", T);
    await store.applyRemote(changes, "10", T); // a worker stopped after applying, before it knew: harmless.
    expect(await store.getCursor()).toBe("10");
    expect(await db.replies.count()).toBe(2);
    expect((await db.replies.get(theirs.id))?.postedAt).toBe(T + 5);
    expect((await db.complaints.get(c.key))?.status).toBe("dismissed");
    expect((await db.reviews.get(theirs.id))?.mark).toBe("good");
    // An older claim arriving late does not override the newer one.
    await store.applyRemote([changes[2] as ServerChange], "10", T);
    expect((await db.claims.get("x:9"))?.state).toBe("answered");
    expect(colleagueClaims(await db.claims.toArray(), "me", T + 10 ** 9)).toEqual([
      { key: "x:9", agent: "Marc", state: "answered" },
    ]);
    expect(colleagueClaims(await db.claims.toArray(), "agent-2", T)).toEqual([]);
  });

  test("an expired 'answering' claim does not hold", async () => {
    await store.applyRemote(
      [
        colleague(1, {
          id: "c1",
          kind: "claim",
          key: "x:1",
          at: T,
          data: { agent: "Marc", state: "answering", expiresAt: T + 100 },
        }),
      ],
      "1",
      T,
    );
    expect(colleagueClaims(await db.claims.toArray(), "me", T + 50)).toHaveLength(1);
    expect(colleagueClaims(await db.claims.toArray(), "me", T + 100)).toHaveLength(0);
  });
});
