/** The endpoint's routes: health, OpenAPI, me, tokens, limits and malformed requests, entries, playbook. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Change, MAX_BATCH, MAX_BODY_BYTES, Me } from "@/lib/sync/protocol";
import { EntriesResponse } from "@/server/api-schemas";
import { createApp } from "@/server/app";
import type { Db } from "@/server/db";
import {
  appFor,
  BACKENDS,
  changes,
  client,
  expectError,
  makeTeam,
  migratedDb,
  OPEN_TIMEOUT_MS,
  replyEntry,
  storedCount,
  title,
} from "./helpers";

/** A Db that fails every query: what a lost database looks like to the app. */
function brokenDb(message: string): Db {
  const fail = () => Promise.reject(new Error(message));
  return { dialect: "postgres", query: fail, transaction: fail, close: async () => {} };
}

describe("without a database", () => {
  test("GET /openapi.json is an OpenAPI 3.1 document of every route, its $refs all resolve", async () => {
    const api = client(createApp(brokenDb("unused")));
    const answer = await api.get("/openapi.json");
    expect(answer.status).toBe(200);
    const doc = answer.body as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    } & Record<string, unknown>;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/health", "/openapi.json", "/v1/entries", "/v1/me", "/v1/playbook", "/v1/sync"].sort(),
    );
    expect(Object.keys(doc.paths["/v1/sync"] ?? {})).toEqual(["post"]);
    expect(doc.paths["/v1/sync"]?.post?.security).toEqual([{ bearer: [] }]);
    expect(doc.components).toMatchObject({ securitySchemes: { bearer: { type: "http", scheme: "bearer" } } });
    const response = doc.components.schemas.SyncResponse;
    expect(response?.required?.sort()).toEqual(["accepted", "changes", "cursor", "more", "rejected", "serverTime"]);
    expect(doc.components.schemas.SyncRequest?.properties?.changes).toMatchObject({ maxItems: MAX_BATCH });
    const refs: string[] = [];
    JSON.stringify(doc, (key, value) => {
      if (key === "$ref") refs.push(value);
      return value;
    });
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.replace("#/components/schemas/", "");
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });

  test("a database that does not answer: /health is 503, other routes 500 without leaking the error", async () => {
    const log: string[] = [];
    const api = client(appFor(brokenDb("connection to 10.9.8.7 refused, password=hunter2"), log));
    expectError(await api.get("/health"), 503, "unavailable");
    const answer = await api.get("/v1/me", "apt_whatever");
    const error = expectError(answer, 500, "internal");
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("10.9.8.7");
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(error.message).toContain("log");
    // The details went to the log, with the stack.
    expect(log.some((line) => line.includes("hunter2") && line.includes("GET /v1/me"))).toBe(true);
  });

  test("an unknown route is a 404 in the error shape", async () => {
    const api = client(createApp(brokenDb("unused")));
    expect(expectError(await api.get("/v2/nothing"), 404, "not-found").message).toContain("/v2/nothing");
    expectError(await api.get("/v1/sync"), 404, "not-found");
  });
});

describe.each(BACKENDS)("routes on $name", (backend) => {
  describe.skipIf(backend.skip)(title(backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;
    let api: ReturnType<typeof client>;
    /** What the app logged: unexpected errors only, so it stays empty. */
    const log: string[] = [];

    beforeAll(async () => {
      ({ db, dispose } = await migratedDb(backend));
      api = client(appFor(db, log));
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => dispose?.());

    test("GET /health checks the database", async () => {
      const answer = await api.get("/health");
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ok: true, db: backend.name });
    });

    test("GET /v1/me says which team and agent a token is", async () => {
      const t = await makeTeam(db, "Care FR");
      const manager = await api.get("/v1/me", t.manager.token);
      expect(manager.status).toBe(200);
      expect(Me.parse(manager.body)).toEqual({
        team: { id: t.teamId, name: "Care FR" },
        agent: { id: t.manager.id, name: "Camille", role: "manager" },
      });
      expect(manager.headers.get("cache-control")).toBe("no-store");
      const julie = Me.parse((await api.get("/v1/me", t.julie.token)).body);
      expect(julie.agent).toEqual({ id: t.julie.id, name: "Julie", role: "agent" });
    });

    test("401 without a token, with another scheme, or with an unknown token, on every /v1 route", async () => {
      const t = await makeTeam(db);
      const routes: [string, RequestInit][] = [
        ["/v1/me", {}],
        ["/v1/entries", {}],
        ["/v1/playbook", {}],
        ["/v1/sync", { method: "POST", body: JSON.stringify({ cursor: "0", changes: [changes.reply()] }) }],
      ];
      for (const [path, init] of routes) {
        const missing = await api.call(path, init);
        expect(expectError(missing, 401, "unauthorized").message).toContain("Authorization: Bearer");
        expect(missing.headers.get("www-authenticate")).toContain("Bearer");
        const basic = await api.call(path, { ...init, headers: { authorization: `Basic ${t.julie.token}` } });
        expectError(basic, 401, "unauthorized");
        const unknown = await api.call(path, { ...init, token: `${t.julie.token}x` });
        expect(expectError(unknown, 401, "unauthorized").message).toContain("unknown");
        expectError(await api.call(path, { ...init, token: "a".repeat(5_000) }), 401, "unauthorized");
      }
      expect(await storedCount(db, t.teamId)).toBe(0);
      // The scheme is case-insensitive, as HTTP says.
      const lower = await api.call("/v1/me", { headers: { authorization: `bearer ${t.julie.token}` } });
      expect(lower.status).toBe(200);
    });

    test("413 for a body over the limit, by Content-Length or by the bytes actually sent; nothing stored", async () => {
      const t = await makeTeam(db);
      const declared = await api.call("/v1/sync", {
        method: "POST",
        token: t.julie.token,
        headers: { "content-length": String(MAX_BODY_BYTES + 1) },
        body: JSON.stringify({ cursor: "0", changes: [changes.reply()] }),
      });
      expect(expectError(declared, 413, "payload-too-large").message).toContain(String(MAX_BODY_BYTES));

      // Streamed without a length: counted as it comes, cut at the limit (never buffered whole).
      let sent = 0;
      const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`{"cursor":"0","changes":[${JSON.stringify(changes.reply())}]`));
        },
        pull(controller) {
          if (sent > 4 * MAX_BODY_BYTES) {
            controller.close();
            return;
          }
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const streamed = await api.call("/v1/sync", {
        method: "POST",
        token: t.julie.token,
        body,
        duplex: "half",
      } as RequestInit);
      expectError(streamed, 413, "payload-too-large");
      expect(sent).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);
      expect(await storedCount(db, t.teamId)).toBe(0);

      // Exactly at the limit (in bytes: the French text is not ASCII) is fine.
      const json = JSON.stringify({ cursor: "0", changes: [changes.reply()] });
      const room = MAX_BODY_BYTES - Buffer.byteLength(json);
      const atLimit = await api.sync(t.julie.token, json + " ".repeat(room));
      expect(atLimit.status).toBe(200);
      const overByOne = await api.sync(t.julie.token, json + " ".repeat(room + 1));
      expectError(overByOne, 413, "payload-too-large");
      expect(await storedCount(db, t.teamId)).toBe(1);
    });

    test("400 for a body that is not JSON, or not a sync request", async () => {
      const t = await makeTeam(db);
      const token = t.julie.token;
      expect(expectError(await api.sync(token, "{ not json"), 400, "invalid-json").message).toContain("not JSON");
      expectError(await api.sync(token, ""), 400, "invalid-json");
      const cases: [unknown, string][] = [
        [[], "body"],
        [{ changes: [] }, "cursor"],
        [{ cursor: "01", changes: [] }, "cursor"],
        [{ cursor: 5, changes: [] }, "cursor"],
        [{ cursor: "0", changes: {} }, "changes"],
        [{ cursor: "0" }, "changes"],
        [{ cursor: "0", changes: Array.from({ length: MAX_BATCH + 1 }, () => changes.reply()) }, "changes"],
      ];
      for (const [body, field] of cases) {
        const error = expectError(await api.sync(token, body), 400, "invalid-request");
        expect(error.message).toContain(field);
      }
      const bad = await api.call("/v1/sync", { method: "POST", token, headers: { "content-length": "12abc" } });
      expectError(bad, 400, "invalid-request");
      const latin1 = await api.call("/v1/sync", { method: "POST", token, body: new Uint8Array([0x7b, 0xe9, 0x7d]) });
      expectError(latin1, 400, "invalid-json");
      // A client gone mid-body: a 400, not an internal error in the server's log.
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"cursor":"0",'));
        },
        pull(controller) {
          controller.error(new Error("socket hang up"));
        },
      });
      const cut = await api.call("/v1/sync", { method: "POST", token, body: broken, duplex: "half" } as RequestInit);
      expect(expectError(cut, 400, "invalid-request").message).toContain("could not be read");
      expect(log).toEqual([]);
      expect(await storedCount(db, t.teamId)).toBe(0);
    });

    test("one invalid change refuses the whole batch with 400 invalid-batch naming it; nothing is stored", async () => {
      const t = await makeTeam(db);
      const good = [changes.reply(), changes.status("x:1", "posted"), changes.claim("x:1", "Julie")];
      const badEntry = changes.reply(replyEntry({ finalText: "" }));
      const badKind = { ...changes.status("x:2", "posted"), kind: "rating" };
      const batch: unknown[] = [good[0], badEntry, good[1], badKind, 42, good[2]];
      const answer = await api.sync(t.julie.token, { cursor: "0", changes: batch });
      const error = expectError(answer, 400, "invalid-batch");
      expect(error.message).toContain("nothing of this batch was stored");
      expect(error.rejected?.map((r) => [r.id, r.index, r.reason, r.field])).toEqual([
        [badEntry.id, 1, "invalid", "data.finalText"],
        [badKind.id, 3, "invalid", "kind"],
        ["#4", 4, "invalid", "change"],
      ]);
      expect(error.rejected?.[0]?.message).toContain("data.finalText");
      // Nothing of the batch, not even the valid changes, and no number was used.
      expect(await storedCount(db, t.teamId)).toBe(0);
      const pulled = await api.syncOk(t.manager.token, "0");
      expect(pulled).toMatchObject({ changes: [], cursor: "0" });
      // The valid ones, sent again alone, land numbered from 1.
      const retry = await api.syncOk(t.julie.token, "0", good);
      expect(retry.changes.map((c) => c.seq)).toEqual(["1", "2", "3"]);
    });

    describe("GET /v1/entries", () => {
      test("agents read their own entries with the latest outcome merged; another agent's is 403", async () => {
        const t = await makeTeam(db);
        const r1 = changes.reply(replyEntry({ agent: "Julie" }));
        const r2 = changes.reply(replyEntry({ agent: "Julie" }));
        await api.syncOk(t.julie.token, "0", [r1, r2, changes.outcome(r1.id, 1_000, 60_000)]);
        await api.syncOk(t.julie.token, "0", [changes.outcome(r1.id, 2_000, 61_000)]);
        const k1 = changes.reply(replyEntry({ agent: "Karim" }));
        await api.syncOk(t.karim.token, "0", [k1]);
        // Karim's outcome for Julie's reply is not Julie's: it is not merged.
        await api.syncOk(t.karim.token, "0", [changes.outcome(r2.id, 9, 9)]);

        for (const path of ["/v1/entries", `/v1/entries?agent=${t.julie.id}`]) {
          const answer = await api.get(path, t.julie.token);
          expect(answer.status).toBe(200);
          const page = EntriesResponse.parse(answer.body);
          expect(page.entries.map((e) => [e.entry.id, e.agentId, e.agentName])).toEqual([
            [r1.id, t.julie.id, "Julie"],
            [r2.id, t.julie.id, "Julie"],
          ]);
          expect(page.entries[0]?.entry).toMatchObject({
            postedAt: 2_000,
            responseMs: 61_000,
            finalText: expect.any(String),
          });
          expect(page.entries[0]?.outcomeSeq).toBe("4");
          expect(page.entries[1]?.entry).toMatchObject({ postedAt: null, responseMs: null });
          expect(page.entries[1]?.outcomeSeq).toBeNull();
        }
        const other = await api.get(`/v1/entries?agent=${t.karim.id}`, t.julie.token);
        expect(expectError(other, 403, "forbidden").message).toContain("own entries");
        expectError(await api.get(`/v1/entries?agent=${t.manager.id}`, t.julie.token), 403, "forbidden");
      });

      test("a manager reads the team's entries, or one agent's, page by page", async () => {
        const t = await makeTeam(db);
        const julies = Array.from({ length: 5 }, () => changes.reply(replyEntry()));
        const karims = Array.from({ length: 3 }, () => changes.reply(replyEntry({ agent: "Karim" })));
        await api.syncOk(t.julie.token, "0", julies);
        await api.syncOk(t.karim.token, "0", [...karims, changes.status("x:1", "posted")]);

        const all = EntriesResponse.parse((await api.get("/v1/entries", t.manager.token)).body);
        expect(all.entries.map((e) => e.entry.id)).toEqual([...julies, ...karims].map((c) => c.id));
        expect(all).toMatchObject({ cursor: "8", more: false });
        const karim = EntriesResponse.parse((await api.get(`/v1/entries?agent=${t.karim.id}`, t.manager.token)).body);
        expect(karim.entries.map((e) => e.entry.id)).toEqual(karims.map((c) => c.id));

        const seen: string[] = [];
        let since = "0";
        for (let i = 0; i < 10; i++) {
          const page = EntriesResponse.parse(
            (await api.get(`/v1/entries?since=${since}&limit=3`, t.manager.token)).body,
          );
          seen.push(...page.entries.map((e) => e.entry.id));
          since = page.cursor;
          if (!page.more) break;
        }
        expect(seen).toEqual([...julies, ...karims].map((c) => c.id));

        const empty = EntriesResponse.parse((await api.get("/v1/entries?since=8", t.manager.token)).body);
        expect(empty).toEqual({ entries: [], cursor: "8", more: false });
      });

      test("bad parameters are 400, an agent outside the team is 404", async () => {
        const t = await makeTeam(db);
        const other = await makeTeam(db, "Other team");
        for (const query of [
          "since=-1",
          "since=abc",
          "since=01",
          "since=9999999999999999999",
          "limit=0",
          "limit=501",
          "limit=2.5",
          "agent=",
        ]) {
          expectError(await api.get(`/v1/entries?${query}`, t.manager.token), 400, "invalid-request");
        }
        const outside = await api.get(`/v1/entries?agent=${other.julie.id}`, t.manager.token);
        expect(expectError(outside, 404, "not-found").message).toContain(other.julie.id);
        expectError(await api.get("/v1/entries?agent=nobody", t.manager.token), 404, "not-found");
      });
    });

    test("GET /v1/playbook: 404 before any, then the data of the latest; agents read it too", async () => {
      const t = await makeTeam(db);
      expect(expectError(await api.get("/v1/playbook", t.julie.token), 404, "not-found").message).toContain("playbook");
      const playbook = { strategies: { "acknowledge-dm": { fr: "Bonjour {author}" } }, voice: "vous" };
      await api.syncOk(t.manager.token, "0", [changes.playbook(1, { old: true })]);
      await api.syncOk(t.manager.token, "0", [changes.playbook(2, playbook)]);
      for (const token of [t.julie.token, t.manager.token]) {
        const answer = await api.get("/v1/playbook", token);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ version: 2, playbook });
        expect(answer.headers.get("etag")).toBe('"2"');
      }
    });

    test("team A's tokens never see team B's data: sync, entries, playbook", async () => {
      const a = await makeTeam(db, "A");
      const b = await makeTeam(db, "B");
      const bChanges: Change[] = [changes.reply(), changes.claim("x:1", "Julie B"), changes.status("x:1", "posted")];
      await api.syncOk(b.julie.token, "0", bChanges);
      await api.syncOk(b.manager.token, "0", [changes.playbook(1)]);

      for (const token of [a.manager.token, a.julie.token]) {
        const view = await api.pullAll(token);
        expect(view.changes).toEqual([]);
        expect(view.cursor).toBe("0");
        const entries = EntriesResponse.parse((await api.get("/v1/entries", token)).body);
        expect(entries.entries).toEqual([]);
        expectError(await api.get("/v1/playbook", token), 404, "not-found");
      }
      expectError(await api.get(`/v1/entries?agent=${b.julie.id}`, a.manager.token), 404, "not-found");
      expectError(await api.get(`/v1/entries?agent=${b.julie.id}`, a.julie.token), 403, "forbidden");
      // Cursors are per team: A syncing with B's cursor reads A's own (empty) history from the start.
      const withBCursor = await api.syncOk(a.manager.token, "3");
      expect(withBCursor).toMatchObject({ changes: [], cursor: "0" });
    });
  });
});
