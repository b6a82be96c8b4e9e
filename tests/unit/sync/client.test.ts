/** lib/sync/client.ts against a scripted fetch: what leaves the outbox, and when, for each kind of answer. */
import { describe, expect, test } from "vitest";
import type { ReplyLogEntry } from "@/lib/schemas";
import { SyncError, syncOnce, syncUntilIdle } from "@/lib/sync/client";
import { MemorySyncStore } from "@/lib/sync/memory-store";
import type { Change, ErrorBody, Rejection, SyncResponse } from "@/lib/sync/protocol";
import { uuidv7 } from "@/lib/uuid";
import { detection, post } from "../support/factories";

const T0 = Date.parse("2026-11-22T10:10:00.000Z");
const endpoint = "http://127.0.0.1:8787";

function entry(n: number): ReplyLogEntry {
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
    responseMs: null,
  };
}

interface Sent {
  cursor: string;
  changes: Change[];
}

/** A fetch that records each request body and answers from a script (one answer per call, in order). */
function scripted(answers: ((sent: Sent) => { status: number; body: unknown })[]) {
  const sent: Sent[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Sent;
    sent.push(body);
    const answer = answers[sent.length - 1];
    if (!answer) throw new Error(`unexpected request #${sent.length}`);
    const { status, body: out } = answer(body);
    return new Response(JSON.stringify(out), { status, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

/** A server that accepts everything it is sent and echoes nothing back. */
const acceptAll = (sent: Sent): { status: number; body: SyncResponse } => ({
  status: 200,
  body: {
    accepted: sent.changes.map((c) => c.id),
    rejected: [],
    changes: [],
    cursor: "0",
    more: false,
    serverTime: T0,
  },
});

const invalidBatch = (rejected: Rejection[]): { status: number; body: ErrorBody } => ({
  status: 400,
  body: { error: { code: "invalid-batch", message: `${rejected.length} changes fail the Change schema`, rejected } },
});

async function storeWith(count: number): Promise<{ store: MemorySyncStore; changes: Change[] }> {
  const store = new MemorySyncStore();
  const changes: Change[] = [];
  for (let n = 0; n < count; n++) changes.push(await store.addReply(entry(n)));
  return { store, changes };
}

describe("400 invalid-batch", () => {
  test("the named changes leave the outbox as rejected; the next round pushes the rest", async () => {
    const { store, changes } = await storeWith(4);
    const bad = changes[2] as Change;
    const { fetch, sent } = scripted([
      () =>
        invalidBatch([
          {
            id: bad.id,
            reason: "invalid",
            message: "change #2: data.finalText: Too small",
            index: 2,
            field: "data.finalText",
          },
        ]),
      acceptAll,
    ]);

    const first = await syncOnce(store, { endpoint, token: "apt_x", fetch });
    expect(first).toEqual({
      pushed: 0,
      pulled: 0,
      more: true,
      rejected: [expect.objectContaining({ id: bad.id, reason: "invalid", field: "data.finalText" })],
    });
    expect(await store.pendingCount()).toBe(3);
    expect(store.rejections().map((r) => r.id)).toEqual([bad.id]);
    expect(await store.getCursor()).toBe("0");

    const second = await syncOnce(store, { endpoint, token: "apt_x", fetch });
    expect(second.pushed).toBe(3);
    expect(sent[1]?.changes.map((c) => c.id)).toEqual(changes.filter((c) => c !== bad).map((c) => c.id));
    expect(await store.pendingCount()).toBe(0);
  });

  test("a change named by its index only (#N, no readable id) is matched to the outbox's change", async () => {
    const { store, changes } = await storeWith(3);
    const { fetch } = scripted([
      () => invalidBatch([{ id: "#1", reason: "invalid", message: "change #1: change: Invalid input" }]),
      acceptAll,
    ]);
    const result = await syncUntilIdle(store, { endpoint, token: "apt_x", fetch });
    expect(result.rejected.map((r) => r.id)).toEqual([changes[1]?.id]);
    expect(result.pushed).toBe(2);
    expect(result.rounds).toBe(2);
    expect(store.rejections().map((r) => [r.id, r.message])).toEqual([
      [changes[1]?.id, "change #1: change: Invalid input"],
    ]);
  });

  test("when the whole batch was rejected, another round still pulls", async () => {
    const { store, changes } = await storeWith(1);
    const { fetch, sent } = scripted([
      () => invalidBatch([{ id: changes[0]?.id ?? "", reason: "invalid", message: "bad", index: 0 }]),
      () => ({
        status: 200,
        body: { accepted: [], rejected: [], changes: [], cursor: "12", more: false, serverTime: T0 },
      }),
    ]);
    const result = await syncUntilIdle(store, { endpoint, token: "apt_x", fetch });
    expect(sent.map((s) => s.changes.length)).toEqual([1, 0]);
    expect(result.rounds).toBe(2);
    expect(await store.getCursor()).toBe("12");
  });

  test("an invalid-batch answer naming nothing of the batch is an error, and nothing moves", async () => {
    const { store } = await storeWith(2);
    const { fetch } = scripted([
      () => invalidBatch([{ id: "someone-else", reason: "invalid", message: "bad" }]),
      () => invalidBatch([{ id: "#7", reason: "invalid", message: "bad" }]),
    ]);
    for (let i = 0; i < 2; i++) {
      const error = await syncOnce(store, { endpoint, token: "apt_x", fetch }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect(error).toMatchObject({ kind: "http", status: 400, retryable: false });
      expect(await store.pendingCount()).toBe(2);
      expect(store.rejections()).toEqual([]);
    }
  });

  test("other 400s are errors that leave the outbox as it was", async () => {
    const { store } = await storeWith(2);
    const { fetch } = scripted([
      () => ({ status: 400, body: { error: { code: "invalid-request", message: "cursor: Invalid string" } } }),
      () => ({ status: 400, body: "<html>Bad Request</html>" }),
    ]);
    const first = await syncOnce(store, { endpoint, token: "apt_x", fetch }).catch((e: unknown) => e);
    expect(first).toMatchObject({
      kind: "http",
      status: 400,
      message: expect.stringContaining("cursor: Invalid string"),
    });
    const second = await syncOnce(store, { endpoint, token: "apt_x", fetch }).catch((e: unknown) => e);
    expect(second).toMatchObject({ kind: "http", status: 400 });
    expect(await store.pendingCount()).toBe(2);
  });
});

describe("ordinary answers", () => {
  test("accepted and rejected changes leave the outbox; pulled changes and the cursor are applied", async () => {
    const { store, changes } = await storeWith(3);
    const [a, b, c] = changes as [Change, Change, Change];
    const { fetch } = scripted([
      () => ({
        status: 200,
        body: {
          accepted: [a.id, c.id],
          rejected: [{ id: b.id, reason: "duplicate", message: "already stored" }],
          changes: [{ ...a, seq: "41", agentId: "agt_1", agentName: "Lea" }],
          cursor: "41",
          more: false,
          serverTime: T0 + 5,
        },
      }),
    ]);
    const result = await syncOnce(store, { endpoint, token: "apt_x", fetch });
    expect(result).toMatchObject({ pushed: 2, pulled: 1, more: false });
    expect(await store.pendingCount()).toBe(0);
    expect(await store.getCursor()).toBe("41");
    expect(store.serverTime()).toBe(T0 + 5);
    expect(store.rejections().map((r) => [r.id, r.reason])).toEqual([[b.id, "duplicate"]]);
  });

  test("an answer that is not a SyncResponse moves nothing", async () => {
    const { store } = await storeWith(1);
    const { fetch } = scripted([() => ({ status: 200, body: { accepted: "all" } })]);
    await expect(syncOnce(store, { endpoint, token: "apt_x", fetch })).rejects.toMatchObject({ kind: "garbage" });
    expect(await store.pendingCount()).toBe(1);
  });

  test("401 is an auth error, not retried", async () => {
    const { store } = await storeWith(1);
    const { fetch } = scripted([() => ({ status: 401, body: { error: { code: "unauthorized", message: "no" } } })]);
    await expect(syncOnce(store, { endpoint, token: "apt_x", fetch })).rejects.toMatchObject({
      kind: "auth",
      retryable: false,
    });
    expect(await store.pendingCount()).toBe(1);
  });
});
