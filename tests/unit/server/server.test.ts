/**
 * The endpoint over real HTTP: `startServer`, the extension's sync client (lib/sync/client.ts) against it, the
 * body limit on a real socket, and `npm run server` as a process (start, serve, stop on SIGTERM).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { syncUntilIdle } from "@/lib/sync/client";
import { MemorySyncStore } from "@/lib/sync/memory-store";
import { type Change, MAX_BODY_BYTES, SyncResponse } from "@/lib/sync/protocol";
import { REPO_ROOT } from "@/server/config";
import type { Db } from "@/server/db";
import { type RunningServer, startServer } from "@/server/main";
import {
  BACKENDS,
  changes,
  makeTeam,
  migratedDb,
  OPEN_TIMEOUT_MS,
  replyEntry,
  storedCount,
  type TestTeam,
  title,
} from "./helpers";

/** POST a body of `total` bytes in chunks with no Content-Length; resolve with the status and the bytes written. */
function postChunked(url: string, token: string, total: number): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let status = 0;
    const req = httpRequest(`${url}/v1/sync`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const finish = () => resolve({ status, written });
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on("end", finish);
    });
    // The server may close the socket once it has answered: what matters is the answer it sent before.
    req.on("error", (error) => (status ? finish() : reject(error)));
    req.write('{"cursor":"0","changes":[');
    const pump = () => {
      while (!status && written < total) {
        written += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end("]}");
    };
    pump();
  });
}

describe.each(BACKENDS)("over HTTP on $name", (backend) => {
  describe.skipIf(backend.skip)(title(backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;
    let server: RunningServer;
    let t: TestTeam;

    beforeAll(async () => {
      ({ db, dispose } = await migratedDb(backend));
      server = await startServer({ db, log: () => {} });
      t = await makeTeam(db);
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    test("startServer listens on a free port of 127.0.0.1 and serves the app", async () => {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ ok: true, db: backend.name });
      const res = await fetch(`${server.url}/v1/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${t.manager.token}`, "content-type": "application/json" },
        body: JSON.stringify({ cursor: "0", changes: [changes.playbook(1)] }),
      });
      expect(res.status).toBe(200);
      expect(SyncResponse.parse(await res.json()).accepted).toHaveLength(1);
    });

    test("a body over the limit on a real socket: 413, cut off without reading it all", async () => {
      const before = await storedCount(db, t.teamId);
      const declared = await fetch(`${server.url}/v1/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${t.julie.token}`, "content-type": "application/json" },
        body: " ".repeat(MAX_BODY_BYTES + 1),
      });
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ error: { code: "payload-too-large" } });

      const streamed = await postChunked(server.url, t.julie.token, 64 * 1024 * 1024);
      expect(streamed.status).toBe(413);
      expect(streamed.written).toBeLessThan(64 * 1024 * 1024);
      expect(await storedCount(db, t.teamId)).toBe(before);
      // The server still answers afterwards.
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    });

    test("the extension's sync client against the server: replies reach the manager, claims the team", async () => {
      const endpoint = server.url;
      const julie = new MemorySyncStore();
      const karim = new MemorySyncStore();
      const manager = new MemorySyncStore();
      const entries = Array.from({ length: 30 }, () => replyEntry());
      for (const entry of entries) await julie.addReply(entry);
      await julie.addLocal(changes.claim("x:1860000000000000001", "Julie"));

      const pushed = await syncUntilIdle(julie, { endpoint, token: t.julie.token, batchSize: 7 });
      expect(pushed).toMatchObject({ pushed: 31, rejected: [] });
      expect(pushed.rounds).toBeGreaterThanOrEqual(5);
      expect(await julie.pendingCount()).toBe(0);

      await syncUntilIdle(manager, { endpoint, token: t.manager.token });
      expect(manager.entries().map((e) => e.id)).toEqual(entries.map((e) => e.id).sort());
      await syncUntilIdle(karim, { endpoint, token: t.karim.token });
      expect(karim.entries()).toEqual([]);
      expect(karim.value("claim", "x:1860000000000000001")?.data).toMatchObject({ agent: "Julie" });
    });

    test("the client drops the changes an invalid-batch answer names, and pushes the rest", async () => {
      const store = new MemorySyncStore();
      const good = Array.from({ length: 4 }, () => replyEntry());
      const bad: Change = changes.reply(replyEntry({ finalText: "" }));
      await store.addReply(good[0] ?? replyEntry());
      await store.addLocal(bad); // an outbox written by an older, laxer version
      for (const entry of good.slice(1)) await store.addReply(entry);

      const result = await syncUntilIdle(store, { endpoint: server.url, token: t.karim.token });
      expect(result.pushed).toBe(4);
      expect(result.rejected.map((r) => [r.id, r.reason, r.field])).toEqual([[bad.id, "invalid", "data.finalText"]]);
      expect(store.rejections().map((r) => r.id)).toEqual([bad.id]);
      expect(await store.pendingCount()).toBe(0);
      const onServer = await db.query<{ id: string }>(
        "select c.id from changes c where c.team_id = $1 and c.agent_id = $2 order by seq",
        [t.teamId, t.karim.id],
      );
      expect(onServer.map((r) => r.id)).toEqual(good.map((e) => e.id));
    });

    test("close() stops listening, and is safe to call twice", async () => {
      const own = await startServer({ db, log: () => {} });
      expect((await fetch(`${own.url}/health`)).status).toBe(200);
      await Promise.all([own.close(), own.close()]);
      await expect(fetch(`${own.url}/health`)).rejects.toThrow();
    });

    test("npm run server: migrates, listens on PORT, logs its URL, exits 0 on SIGTERM", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "apaise-server-test-"));
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", APAISE_DATA: join(dataDir, "db") };
      if (backend.name === "pglite") delete env.DATABASE_URL;
      let child: ChildProcess | undefined;
      try {
        child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: REPO_ROOT, env });
        let output = "";
        child.stdout?.on("data", (d) => {
          output += d;
        });
        child.stderr?.on("data", (d) => {
          output += d;
        });
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL logged in time: ${output}`)), 50_000);
          child?.stdout?.on("data", () => {
            const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
            if (found) {
              clearTimeout(timer);
              resolve(found);
            }
          });
          child?.on("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
        });
        expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true, db: backend.name });
        const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
        child.kill("SIGTERM");
        expect(await exited).toBe(0);
        expect(output).toContain("SIGTERM: closing");
        if (backend.name === "pglite") expect(output).toContain(join(dataDir, "db"));
      } finally {
        if (child && child.exitCode === null) child.kill("SIGKILL");
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
