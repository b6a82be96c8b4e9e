/**
 * `npm run test:chaos`: three agents and a manager sync through a proxy that breaks round trips (500s, timeouts,
 * dropped connections before and after the server stored a batch, truncated JSON, HTML, slow answers), while the
 * server restarts once mid-run on the same data. After a last clean sync, nothing may be lost or duplicated: the
 * server holds each agent's 1,000 replies once, each agent holds its own, the manager holds all, every outbox is
 * empty, and each agent's last outcome for a reply is the value everyone sees.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { backoffDelay, type SyncConfig, SyncError, syncOnce } from "@/lib/sync/client";
import { MemorySyncStore } from "@/lib/sync/memory-store";
import { uuidv7 } from "@/lib/uuid";
import { addAgent, createTeam } from "@/server/admin";
import { type Db, openDb } from "@/server/db";
import { type RunningServer, startServer } from "@/server/main";
import { migrate } from "@/server/migrations";
import { replyEntry } from "./entries";
import { FAULT_KINDS, type FaultProxy, seededRandom, startFaultProxy } from "./fault-proxy";

declare module "vitest" {
  interface TaskMeta {
    /** The run's summary line, printed last by the chaos reporter. */
    chaosSummary?: string;
  }
}

const AGENTS = 3;
const PER_AGENT = 1_000;
const TIMEOUT_MS = 300;
const HOLD_MS = 500;
const SEED = Number(process.env.CHAOS_SEED ?? 20261122);
/** The server restarts once this many entries exist in total. */
const RESTART_AT = Math.floor((AGENTS * PER_AGENT) / 2);

const random = seededRandom(SEED ^ 0x5eed);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Client {
  name: string;
  store: MemorySyncStore;
  config: SyncConfig;
  /** Ids of the replies this client created. */
  created: string[];
  /** The last outcome this client wrote per reply: the value everyone must end with. */
  lastOutcome: Map<string, string>;
  errors: number;
}

let dir: string;
let db: Db;
let server: RunningServer;
let proxy: FaultProxy;
let clients: Client[];
let manager: Client;
let restarts = 0;

async function boot(port: number): Promise<void> {
  // url "": PGlite in the temp dir even when DATABASE_URL is set in the environment.
  db = await openDb({ url: "", dataDir: join(dir, "pgdata") });
  await migrate(db);
  server = await startServer({ db, port });
}

/** Close the server and its database, and start both again on the same data dir (same port when free). */
async function restart(): Promise<void> {
  const port = server.port;
  await server.close();
  await db.close();
  try {
    await boot(port);
  } catch {
    await boot(0);
  }
  proxy.setTarget(server.url);
  restarts++;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "apaise-chaos-"));
  await boot(0);
  const { id: teamId } = await createTeam(db, "Chaos care team");
  proxy = await startFaultProxy({
    target: server.url,
    seed: SEED,
    faultRate: 0.3,
    holdMs: HOLD_MS,
    slowMs: [40, 160],
  });
  const make = async (name: string, role: "agent" | "manager"): Promise<Client> => {
    const { token } = await addAgent(db, teamId, name, role);
    return {
      name,
      store: new MemorySyncStore(),
      // Small batches: more round trips, so more faults, and each stays well under the timeout.
      config: { endpoint: proxy.url, token, timeoutMs: TIMEOUT_MS, batchSize: 50 },
      created: [],
      lastOutcome: new Map(),
      errors: 0,
    };
  };
  clients = [];
  for (const name of ["Lea", "Karim", "Sofia"].slice(0, AGENTS)) clients.push(await make(name, "agent"));
  manager = await make("Manon", "manager");
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Round trips until the outbox is empty and nothing more waits (at most `maxRounds` good ones), retrying each
 * failed one after a backoff scaled from seconds down to tens of milliseconds.
 */
async function sync(client: Client, maxRounds: number): Promise<void> {
  let attempt = 0;
  for (let rounds = 0; rounds < maxRounds; ) {
    try {
      const r = await syncOnce(client.store, client.config);
      rounds++;
      attempt = 0;
      if (!r.more && (await client.store.pendingCount()) === 0) return;
    } catch (error) {
      if (!(error instanceof SyncError) || !error.retryable) throw error;
      client.errors++;
      if (++attempt > 60) throw new Error(`${client.name}: 60 failed round trips in a row, last: ${error.message}`);
      await sleep(backoffDelay(Math.min(attempt - 1, 4), random) / 100);
    }
  }
}

let made = 0;
let restarting: Promise<void> | undefined;

async function runAgent(client: Client): Promise<void> {
  let now = Date.parse("2026-11-23T08:00:00.000Z") + clients.indexOf(client) * 1000;
  while (client.created.length < PER_AGENT) {
    const burst = Math.min(PER_AGENT - client.created.length, 1 + Math.floor(random() * 40));
    for (let i = 0; i < burst; i++) {
      now += 1 + Math.floor(random() * 20_000);
      const change = await client.store.addReply(replyEntry(client.name, now, random));
      client.created.push(change.id);
      made++;
    }
    // Now and then the agent presses Post on an earlier reply, or again on one already posted.
    if (random() < 0.5) {
      const key = client.created[Math.floor(random() * client.created.length)] as string;
      now += 1;
      const change = await client.store.addLocal({
        id: uuidv7(now),
        kind: "outcome",
        key,
        at: now,
        data: { postedAt: now, responseMs: Math.floor(random() * 3_600_000) },
      });
      client.lastOutcome.set(key, change.id);
    }
    if (!restarting && made >= RESTART_AT) restarting = restart();
    await sync(client, 1 + Math.floor(random() * 4));
    await sleep(random() * 15);
  }
}

async function runManager(done: () => boolean): Promise<void> {
  while (!done()) {
    await sync(manager, 5);
    await sleep(20 + random() * 40);
  }
}

interface ServerRow {
  id: string;
  entry_id: string;
}

/** The reply changes the server stored, read straight from its database. */
async function serverReplies(): Promise<ServerRow[]> {
  return db.query<ServerRow>("select id, data ->> 'id' as entry_id from changes where kind = 'reply' order by seq");
}

test("nothing is lost or duplicated through faults and a server restart", async ({ task }) => {
  const started = Date.now();
  let agentsDone = false;
  await Promise.all([
    Promise.all(clients.map(runAgent)).finally(() => {
      agentsDone = true;
    }),
    runManager(() => agentsDone),
  ]);
  await restarting;

  // The network heals: one clean sync for everyone, agents first so the manager sees every last write. No
  // faults means no artificial timeout either: a loaded machine may take more than 300 ms for a full page.
  proxy.setFaults(false);
  await proxy.drain();
  for (const c of [...clients, manager]) {
    c.config = { ...c.config, timeoutMs: 10_000 };
    await sync(c, 100);
  }
  await proxy.drain();

  const created = clients.flatMap((c) => c.created);
  const rows = await serverReplies();
  const onServer = new Set(rows.map((r) => r.id));
  const heldByManager = new Set(manager.store.entries().map((e) => e.id));
  const lostEntries = created.filter((id) => !onServer.has(id) || !heldByManager.has(id)).length;
  const duplicated =
    rows.length -
    onServer.size +
    (rows.length - new Set(rows.map((r) => r.entry_id)).size) +
    (manager.store.entries().length - heldByManager.size);
  // An outcome is lost when the last one an agent wrote is not the value the manager and the agent end with.
  const lostOutcomes = clients
    .flatMap((c) => [...c.lastOutcome].map(([key, id]) => ({ c, key, id })))
    .filter(
      ({ c, key, id }) => manager.store.value("outcome", key)?.id !== id || c.store.value("outcome", key)?.id !== id,
    ).length;
  const lost = lostEntries + lostOutcomes;
  const faults = proxy.totalFaults();
  const summary = `lost=${lost} duplicated=${duplicated} agents=${clients.length} entries=${rows.length} faults=${faults}`;
  task.meta.chaosSummary = summary;
  const errors = clients.map((c) => `${c.name} ${c.errors}`).join(", ");
  console.log(
    `chaos: ${((Date.now() - started) / 1000).toFixed(1)} s, faults ${JSON.stringify(proxy.counts)}, ` +
      `passed ${proxy.passed}, upstream down ${proxy.upstreamDown}, restarts ${restarts}, ` +
      `failed round trips: ${errors}, ${manager.name} ${manager.errors}; outcomes checked ${clients.reduce((n, c) => n + c.lastOutcome.size, 0)}`,
  );
  console.log(summary);

  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(rows).toHaveLength(AGENTS * PER_AGENT);
  expect(onServer.size).toBe(AGENTS * PER_AGENT);
  for (const c of clients) {
    expect(c.created).toHaveLength(PER_AGENT);
    expect(c.store.entries().map((e) => e.id)).toEqual([...c.created].sort());
    expect(c.store.entries().every((e) => e.agent === c.name)).toBe(true);
    expect(await c.store.pendingCount()).toBe(0);
    expect(c.store.rejections()).toEqual([]);
  }
  expect(manager.store.entries().map((e) => e.id)).toEqual([...created].sort());
  expect(await manager.store.pendingCount()).toBe(0);
  expect(manager.store.rejections()).toEqual([]);
  expect(restarts).toBe(1);
  for (const kind of FAULT_KINDS) expect(proxy.counts[kind], kind).toBeGreaterThan(0);
}, 120_000);
