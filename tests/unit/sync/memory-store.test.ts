import { describe, expect, test } from "vitest";
import type { ReplyLogEntry } from "@/lib/schemas";
import { MemorySyncStore } from "@/lib/sync/memory-store";
import type { Change, ServerChange } from "@/lib/sync/protocol";
import { uuidv7 } from "@/lib/uuid";
import { detection, post } from "../support/factories";

const T0 = Date.parse("2026-11-22T10:10:00.000Z");

function entry(n: number, overrides: Partial<ReplyLogEntry> = {}): ReplyLogEntry {
  const p = post({ id: String(1860000000000000000n + BigInt(n)) });
  return {
    id: uuidv7(T0 + n),
    site: "x",
    postId: p.id,
    postUrl: p.url,
    author: p.author,
    authorName: p.name,
    postText: p.text,
    detection: detection(),
    suggestion: null,
    finalText: `Bonjour, nous regardons votre commande n°${n} tout de suite.`,
    edited: false,
    agent: "Lea",
    publishedAt: T0 - 600_000,
    detectedAt: T0 - 300_000,
    insertedAt: T0 + n,
    postedAt: null,
    responseMs: 600_000 + n,
    ...overrides,
  };
}

/** The server's copy of a change: numbered and attributed. */
function served(change: Change, seq: number, agentName = "Lea"): ServerChange {
  return { ...change, seq: String(seq), agentId: "a1", agentName };
}

function outcome(key: string, postedAt: number, responseMs = 1000): Change {
  return { id: uuidv7(postedAt), kind: "outcome", key, at: postedAt, data: { postedAt, responseMs } };
}

describe("outbox", () => {
  test("a local reply writes the entry and its change together, oldest first", async () => {
    const store = new MemorySyncStore();
    const a = await store.addReply(entry(1));
    const b = await store.addReply(entry(2));
    const c = await store.addReply(entry(3));
    expect(store.entries().map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect(await store.pendingCount()).toBe(3);
    expect((await store.pending(2)).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(a).toMatchObject({ kind: "reply", key: a.id, data: { id: a.id } });
  });

  test("the outbox keeps insertion order, not id order", async () => {
    const store = new MemorySyncStore();
    const late = await store.addReply(entry(9));
    const early = await store.addReply(entry(1));
    expect((await store.pending(10)).map((x) => x.id)).toEqual([late.id, early.id]);
  });

  test("settle drops accepted and rejected changes and keeps the rejections", async () => {
    const store = new MemorySyncStore();
    const [a, b, c] = [await store.addReply(entry(1)), await store.addReply(entry(2)), await store.addReply(entry(3))];
    const refusal = { id: b.id, reason: "invalid" as const, message: "data.postUrl: invalid" };
    await store.settle([a.id], [refusal]);
    expect((await store.pending(10)).map((x) => x.id)).toEqual([c.id]);
    expect(store.rejections()).toEqual([refusal]);
    // The agent's own log still has the refused reply.
    expect(store.entries()).toHaveLength(3);
    // Settling again (a retried answer) changes nothing.
    await store.settle([a.id], []);
    expect(await store.pendingCount()).toBe(1);
  });

  test("the same change cannot be queued twice", async () => {
    const store = new MemorySyncStore();
    const e = entry(1);
    await store.addReply(e);
    await expect(store.addReply(e)).rejects.toThrow();
    expect(await store.pendingCount()).toBe(1);
  });
});

describe("applyRemote", () => {
  test("stores the cursor and server time with the changes", async () => {
    const store = new MemorySyncStore();
    expect(await store.getCursor()).toBe("0");
    const e = entry(1);
    await store.applyRemote([served({ id: e.id, kind: "reply", key: e.id, at: T0, data: e }, 7)], "7", T0 + 5);
    expect(await store.getCursor()).toBe("7");
    expect(store.serverTime()).toBe(T0 + 5);
    expect(store.entries()).toHaveLength(1);
  });

  test("applying the same changes twice is harmless", async () => {
    const store = new MemorySyncStore();
    const remote = [1, 2, 3].map((n) => {
      const e = entry(n);
      return served({ id: e.id, kind: "reply", key: e.id, at: T0, data: e }, n);
    });
    await store.applyRemote(remote, "3", T0);
    await store.applyRemote(remote, "3", T0);
    expect(store.entries()).toHaveLength(3);
    expect(await store.pendingCount()).toBe(0);
  });

  test("an echo of our own reply neither duplicates nor requeues it", async () => {
    const store = new MemorySyncStore();
    const c = await store.addReply(entry(1));
    await store.settle([c.id], []);
    await store.applyRemote([served(c, 1)], "1", T0);
    expect(store.entries()).toHaveLength(1);
    expect(await store.pendingCount()).toBe(0);
  });

  test("last writer wins by server sequence, whatever the order of arrival", async () => {
    const store = new MemorySyncStore();
    const key = uuidv7(T0);
    const older = served(outcome(key, T0 + 1), 10);
    const newer = served(outcome(key, T0 + 2), 20);
    await store.applyRemote([newer], "20", T0);
    await store.applyRemote([older], "20", T0);
    expect(store.value("outcome", key)?.id).toBe(newer.id);
    const newest = served(outcome(key, T0 + 3), 21);
    await store.applyRemote([newest, older], "21", T0);
    expect(store.value("outcome", key)?.id).toBe(newest.id);
  });

  test("sequences compare as numbers, not strings", async () => {
    const store = new MemorySyncStore();
    const key = uuidv7(T0);
    const nine = served(outcome(key, T0 + 1), 9);
    const ten = served(outcome(key, T0 + 2), 10);
    await store.applyRemote([ten, nine], "10", T0);
    expect(store.value("outcome", key)?.id).toBe(ten.id);
  });

  test("a local write shows until the server numbers it, then order is the server's", async () => {
    const store = new MemorySyncStore();
    const key = uuidv7(T0);
    const mine = await store.addLocal(outcome(key, T0 + 5));
    // A colleague's older write arrives first: ours still shows.
    await store.applyRemote([served(outcome(key, T0 + 1), 4)], "4", T0);
    expect(store.value("outcome", key)?.id).toBe(mine.id);
    await store.settle([mine.id], []);
    await store.applyRemote([served(mine, 5)], "5", T0);
    expect(store.value("outcome", key)).toMatchObject({ id: mine.id, seq: "5" });
    // A later write by someone else then wins.
    const later = served(outcome(key, T0 + 9), 6);
    await store.applyRemote([later], "6", T0);
    expect(store.value("outcome", key)?.id).toBe(later.id);
  });

  test("a refused local write stops showing: the server's value is back", async () => {
    const store = new MemorySyncStore();
    const key = uuidv7(T0);
    const theirs = served(outcome(key, T0 + 1), 3);
    await store.applyRemote([theirs], "3", T0);
    const mine = await store.addLocal(outcome(key, T0 + 5));
    expect(store.value("outcome", key)?.id).toBe(mine.id);
    await store.settle([], [{ id: mine.id, reason: "forbidden", message: "not yours" }]);
    expect(store.value("outcome", key)?.id).toBe(theirs.id);
    expect(await store.pendingCount()).toBe(0);
  });

  test("entries carry their current outcome", async () => {
    const store = new MemorySyncStore();
    const e = await store.addReply(entry(1, { postedAt: null, responseMs: 600_001 }));
    expect(store.entries()[0]).toMatchObject({ postedAt: null, responseMs: 600_001 });
    await store.applyRemote([served(outcome(e.key, T0 + 50), 3)], "3", T0);
    expect(store.entries()[0]).toMatchObject({ id: e.id, postedAt: T0 + 50, responseMs: 1000 });
    const later = await store.addLocal(outcome(e.key, T0 + 90, 2000));
    expect(store.entries()[0]).toMatchObject({ postedAt: T0 + 90, responseMs: 2000 });
    expect(store.value("outcome", e.key)?.id).toBe(later.id);
  });

  test("append-only kinds keep the first change per key", async () => {
    const store = new MemorySyncStore();
    const e = entry(1);
    const first = served({ id: e.id, kind: "reply", key: e.id, at: T0, data: e }, 1);
    const other = served({ id: uuidv7(T0 + 1), kind: "reply", key: e.id, at: T0, data: { ...e, finalText: "x" } }, 2);
    await store.applyRemote([first, other], "2", T0);
    expect(store.entries()).toEqual([e]);
  });
});
