/**
 * Team sync figures for `npm run bench`: a local server (PGlite in a temp dir; again on PostgreSQL when
 * DATABASE_URL is set, keys suffixed `_pg`) and the real client over loopback HTTP.
 *
 * - `sync_10k_ms`: one agent pushes 10,000 replies in batches of 500, then a manager pulls them all back.
 * - `sync_100_agents_*`: 100 agents each add 20 replies and sync at the same time, for several rounds: the latency
 *   of one round trip under that load (p50, p99) and the changes pushed per second.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SyncConfig, syncOnce, syncUntilIdle } from "../lib/sync/client";
import { MemorySyncStore } from "../lib/sync/memory-store";
import { MAX_BATCH } from "../lib/sync/protocol";
import { addAgent, createTeam } from "../server/admin";
import { openDb } from "../server/db";
import { startServer } from "../server/main";
import { migrate } from "../server/migrations";
import { replyEntry } from "../tests/chaos/entries";
import { seededRandom } from "../tests/chaos/fault-proxy";
import type { Row } from "./stats";

const BULK = 10_000;
const CROWD = 100;
const CROWD_ENTRIES = 20;
const CROWD_ROUNDS = 5;

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export async function benchSync(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), "apaise-bench-sync-"));
  try {
    // url "": PGlite even when DATABASE_URL is set (openDb falls back to it only when url is undefined).
    const rows = await benchOn({ url: "", dataDir: join(dir, "pgdata") }, "", "PGlite in a temp dir");
    if (process.env.DATABASE_URL) rows.push(...(await benchOn({ url: process.env.DATABASE_URL }, "_pg", "PostgreSQL")));
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchOn(dbOptions: { url?: string; dataDir?: string }, suffix: string, where: string) {
  const db = await openDb(dbOptions);
  await migrate(db);
  const server = await startServer({ db, port: 0 });
  const teams: string[] = [];
  try {
    const random = seededRandom(1122);
    const stamp = new Date().toISOString();
    const config = (token: string): SyncConfig => ({ endpoint: server.url, token, timeoutMs: 120_000 });
    const rows: Row[] = [];

    // One agent pushes 10,000 replies, a manager pulls them all.
    const { id: bulkTeam } = await createTeam(db, `bench bulk ${stamp}`);
    teams.push(bulkTeam);
    const agent = await addAgent(db, bulkTeam, "Bulk agent", "agent");
    const boss = await addAgent(db, bulkTeam, "Bulk manager", "manager");
    const agentStore = new MemorySyncStore();
    let now = Date.parse("2026-11-23T08:00:00.000Z");
    for (let i = 0; i < BULK; i++) {
      now += 997;
      await agentStore.addReply(replyEntry("Bulk agent", now, random));
    }
    const managerStore = new MemorySyncStore();
    const start = performance.now();
    await syncUntilIdle(agentStore, { ...config(agent.token), batchSize: MAX_BATCH }, 200);
    await syncUntilIdle(managerStore, config(boss.token), 200);
    const bulkMs = performance.now() - start;
    if ((await agentStore.pendingCount()) !== 0 || managerStore.entries().length !== BULK) {
      throw new Error(
        `sync bench: ${await agentStore.pendingCount()} left, manager holds ${managerStore.entries().length}`,
      );
    }
    rows.push({
      key: `sync_10k_ms${suffix}`,
      value: bulkMs,
      unit: "ms",
      note: `${where}: 1 agent pushes ${BULK} replies in batches of ${MAX_BATCH}, 1 manager pulls them all (loopback HTTP)`,
    });

    // 100 agents sync at once, several rounds.
    const { id: crowdTeam } = await createTeam(db, `bench crowd ${stamp}`);
    teams.push(crowdTeam);
    const crowd = await Promise.all(
      Array.from({ length: CROWD }, async (_, i) => {
        const { token } = await addAgent(db, crowdTeam, `Agent ${i + 1}`, "agent");
        return { name: `Agent ${i + 1}`, token, store: new MemorySyncStore() };
      }),
    );
    const latencies: number[] = [];
    let pushed = 0;
    const crowdStart = performance.now();
    for (let round = 0; round < CROWD_ROUNDS; round++) {
      for (const a of crowd) {
        for (let i = 0; i < CROWD_ENTRIES; i++) {
          now += 13;
          await a.store.addReply(replyEntry(a.name, now, random));
        }
      }
      await Promise.all(
        crowd.map(async (a) => {
          const t = performance.now();
          const r = await syncOnce(a.store, config(a.token));
          latencies.push(performance.now() - t);
          pushed += r.pushed;
        }),
      );
    }
    const crowdS = (performance.now() - crowdStart) / 1000;
    if (pushed !== CROWD * CROWD_ENTRIES * CROWD_ROUNDS) throw new Error(`sync bench: ${pushed} changes pushed`);
    const crowdNote = `${where}: ${CROWD} agents × ${CROWD_ENTRIES} replies, all syncing at once, ${CROWD_ROUNDS} rounds`;
    rows.push(
      {
        key: `sync_100_agents_p50_ms${suffix}`,
        value: percentile(latencies, 50),
        unit: "ms",
        note: `${crowdNote}, one round trip`,
      },
      {
        key: `sync_100_agents_p99_ms${suffix}`,
        value: percentile(latencies, 99),
        unit: "ms",
        note: `${crowdNote}, one round trip`,
      },
      {
        key: `sync_100_agents_changes_per_s${suffix}`,
        value: pushed / crowdS,
        unit: "/s",
        note: `${crowdNote}: ${pushed} changes in ${crowdS.toFixed(2)} s`,
      },
    );
    return rows;
  } finally {
    await server.close();
    // A real PostgreSQL keeps no trace of the bench: its teams go, with their agents and changes.
    await db.query("delete from teams where id = any($1::text[])", [teams]);
    await db.close();
  }
}
