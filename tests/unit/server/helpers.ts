/**
 * Shared by the server tests: the two backends (PGlite in memory always; PostgreSQL when DATABASE_URL is set, each
 * run in its own throwaway schema), a team factory, protocol changes, and a small client over `app.request`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect } from "vitest";
import type { ReplyLogEntry } from "@/lib/schemas";
import { type Change, ErrorBody, type ServerChange, SyncResponse } from "@/lib/sync/protocol";
import { addAgent, createTeam } from "@/server/admin";
import { createApp } from "@/server/app";
import { type Db, openDb } from "@/server/db";
import { migrate } from "@/server/migrations";
import { detection } from "../support/factories";

const DATABASE_URL = process.env.DATABASE_URL || undefined;

export interface Backend {
  name: "pglite" | "postgres";
  /** Why this backend's tests are skipped, or undefined when they run. */
  skip: string | undefined;
  /** A fresh, empty database (not migrated) and how to throw it away. */
  open(): Promise<{ db: Db; dispose(): Promise<void> }>;
}

export const BACKENDS: Backend[] = [
  {
    name: "pglite",
    skip: undefined,
    async open() {
      const db = await openDb({ dataDir: "memory://" });
      return { db, dispose: () => db.close() };
    },
  },
  {
    name: "postgres",
    skip: DATABASE_URL ? undefined : "DATABASE_URL is not set (scripts/with-postgres.sh sets one up)",
    async open() {
      if (!DATABASE_URL) throw new Error("DATABASE_URL is not set");
      const schema = `apaise_test_${process.pid}_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const url = new URL(DATABASE_URL);
      url.searchParams.set("options", `-c search_path=${schema}`);
      const db = await openDb({ url: url.href });
      return {
        db,
        async dispose() {
          await db.close();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
        },
      };
    },
  },
];

if (!DATABASE_URL) {
  console.info(
    "server tests: DATABASE_URL is not set, the PostgreSQL variants are skipped (run them with scripts/with-postgres.sh)",
  );
}

/** The title of a backend's describe block, with the reason when it is skipped. */
export const title = (b: Backend) => (b.skip ? `${b.name} (skipped: ${b.skip})` : b.name);

/** PGlite starts a whole PostgreSQL in WebAssembly: allow it time on a busy two-core machine. */
export const OPEN_TIMEOUT_MS = 60_000;

export async function migratedDb(backend: Backend): Promise<{ db: Db; dispose(): Promise<void> }> {
  const opened = await backend.open();
  await migrate(opened.db);
  return opened;
}

export interface Member {
  id: string;
  name: string;
  token: string;
}

export interface TestTeam {
  teamId: string;
  manager: Member;
  julie: Member;
  karim: Member;
}

/** A team with a manager and two agents. */
export async function makeTeam(db: Db, name = "Support"): Promise<TestTeam> {
  const team = await createTeam(db, name);
  const member = async (memberName: string, role: "agent" | "manager"): Promise<Member> => ({
    name: memberName,
    ...(await addAgent(db, team.id, memberName, role)),
  });
  return {
    teamId: team.id,
    manager: await member("Camille", "manager"),
    julie: await member("Julie", "agent"),
    karim: await member("Karim", "agent"),
  };
}

let counter = 0;
/** A unique, time-ordered change id. */
export function uid(): string {
  counter += 1;
  return `${Date.now().toString(16)}-${counter.toString(16).padStart(6, "0")}-${randomBytes(4).toString("hex")}`;
}

const T0 = Date.parse("2026-11-22T10:00:00.000Z");

export function replyEntry(overrides: Partial<ReplyLogEntry> = {}): ReplyLogEntry {
  return {
    id: uid(),
    site: "x",
    postId: "1860000000000000001",
    postUrl: "https://x.com/claire_dlt/status/1860000000000000001",
    author: "claire_dlt",
    authorName: "Claire D.",
    postText: "@ColisExpress toujours pas reçu mon colis, 3 semaines de retard. Inadmissible.",
    detection: detection(),
    suggestion: null,
    finalText: "Bonjour Claire, nous sommes désolés pour ce retard. Pouvez-vous nous écrire en message privé ?",
    edited: false,
    agent: "Julie",
    publishedAt: T0,
    detectedAt: T0 + 60_000,
    insertedAt: T0 + 120_000,
    postedAt: null,
    responseMs: null,
    ...overrides,
  };
}

/** Protocol changes of every kind, valid against the Change schema. */
export const changes = {
  reply(entry: ReplyLogEntry = replyEntry()): Change {
    return { id: entry.id, kind: "reply", key: entry.id, at: entry.insertedAt, data: entry };
  },
  outcome(replyId: string, postedAt: number, responseMs: number): Change {
    return { id: uid(), kind: "outcome", key: replyId, at: postedAt, data: { postedAt, responseMs } };
  },
  /** Feedback is keyed by its own id (one correction, one change); `key` is the complaint it is about. */
  feedback(key = "x:1860000000000000001"): Change {
    const id = uid();
    return {
      id,
      kind: "feedback",
      key: id,
      at: T0,
      data: {
        id,
        key,
        site: "x",
        postId: key.split(":")[1] ?? "1",
        verdict: "not-complaint",
        detection: detection(),
        agent: "Julie",
        at: T0,
      },
    };
  },
  status(key: string, status: "new" | "inserted" | "posted" | "dismissed", at = T0): Change {
    return { id: uid(), kind: "status", key, at, data: { status } };
  },
  review(replyId: string, mark: "good" | "coaching" | null = "good"): Change {
    return { id: uid(), kind: "review", key: replyId, at: T0, data: { mark, comment: "", reviewer: "Camille" } };
  },
  claim(key: string, agent: string, state: "answering" | "answered" | "released" = "answering"): Change {
    return { id: uid(), kind: "claim", key, at: T0, data: { agent, state, expiresAt: T0 + 600_000 } };
  },
  playbook(version: number, playbook: unknown = { strategies: { "acknowledge-dm": "Bonjour" } }): Change {
    return { id: uid(), kind: "playbook", key: "team", at: T0, data: { version, playbook } };
  },
};

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Anything that answers a Request: a Hono app (`app.request`, no socket). */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A client of the app through Hono's `app.request` (no socket). */
export function client(app: Requester) {
  const call = async (path: string, init: RequestInit & { token?: string } = {}): Promise<Answer> => {
    const { token, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== undefined) headers.set("authorization", `Bearer ${token}`);
    const res = await app.request(path, { ...rest, headers });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text, the test says what it expected
    }
    return { status: res.status, body, headers: res.headers };
  };
  const sync = (token: string, body: unknown) =>
    call("/v1/sync", {
      method: "POST",
      token,
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return {
    call,
    get: (path: string, token?: string) => call(path, token === undefined ? {} : { token }),
    sync,
    /** A sync that must succeed: the answer is checked against the protocol's SyncResponse. */
    async syncOk(token: string, cursor: string, batch: readonly Change[] = []): Promise<SyncResponse> {
      const answer = await sync(token, { cursor, changes: batch });
      if (answer.status !== 200) throw new Error(`sync answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return SyncResponse.parse(answer.body);
    },
    /** Pull everything this token reads from `cursor` on, page by page; every page checked. */
    async pullAll(token: string, cursor = "0"): Promise<{ changes: ServerChange[]; cursor: string; pages: number }> {
      const all: ServerChange[] = [];
      let at = cursor;
      for (let pages = 1; pages < 100; pages++) {
        const answer = await sync(token, { cursor: at, changes: [] });
        expect(answer.status).toBe(200);
        const page = SyncResponse.parse(answer.body);
        all.push(...page.changes);
        at = page.cursor;
        if (!page.more) return { changes: all, cursor: at, pages };
      }
      throw new Error("pullAll: more than 100 pages");
    },
  };
}

export function appFor(db: Db, log: string[] = []) {
  return createApp(db, { log: (message) => log.push(message) });
}

/** An error answer: the protocol's ErrorBody, with this status and code. */
export function expectError(answer: Answer, status: number, code: string): ErrorBody["error"] {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const body = ErrorBody.parse(answer.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

/** The change rows the database holds for a team. */
export async function storedCount(db: Db, teamId: string): Promise<number> {
  const rows = await db.query<{ n: string }>("select count(*) as n from changes where team_id = $1", [teamId]);
  return Number(rows[0]?.n);
}
