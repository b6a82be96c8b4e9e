/**
 * One sync attempt as the background runs it: backoff, the status the side panel and options show, and the team
 * identity (`/v1/me`). Called from an alarm and shortly after each change; never twice at once in one worker.
 */
import type { ApaiseDb, SyncStatus } from "../db";
import { backoffDelay, fetchMe, SyncError, syncUntilIdle } from "./client";
import { DexieSyncStore, getMeta, getSyncStatus, setMeta } from "./dexie-store";

export interface TeamConfig {
  teamEndpoint: string;
  teamToken: string;
}

export interface RunOptions {
  /** Ignore the backoff (the agent pressed "Sync now", or a change was just made). */
  force?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
}

export type RunOutcome = "synced" | "failed" | "not-configured" | "waiting" | "busy";

let running: Promise<RunOutcome> | null = null;

export function isConfigured(config: TeamConfig): boolean {
  return config.teamEndpoint.trim() !== "" && config.teamToken.trim() !== "";
}

export async function runSync(db: ApaiseDb, config: TeamConfig, options: RunOptions = {}): Promise<RunOutcome> {
  if (running) return "busy";
  running = attempt(db, config, options).finally(() => {
    running = null;
  });
  return running;
}

async function attempt(db: ApaiseDb, config: TeamConfig, options: RunOptions): Promise<RunOutcome> {
  if (!isConfigured(config)) return "not-configured";
  const now = options.now ?? Date.now;
  const status = await getSyncStatus(db);
  if (!options.force && now() < status.nextAttemptAt) return "waiting";
  const client = {
    endpoint: config.teamEndpoint.trim(),
    token: config.teamToken.trim(),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  };
  try {
    const me = await getMeta(db, "me");
    if (!me || me.endpoint !== client.endpoint) {
      const who = await fetchMe(client);
      await setMeta(db, "me", {
        teamId: who.team.id,
        teamName: who.team.name,
        agentId: who.agent.id,
        agentName: who.agent.name,
        role: who.agent.role,
        endpoint: client.endpoint,
      });
    }
    await syncUntilIdle(new DexieSyncStore(db), client);
    await setMeta(db, "status", { lastSuccessAt: now(), lastError: null, attempt: 0, nextAttemptAt: 0 });
    return "synced";
  } catch (error) {
    const e = error instanceof SyncError ? error : new SyncError("network", String(error));
    const failures = status.attempt + 1;
    const next: SyncStatus = {
      lastSuccessAt: status.lastSuccessAt,
      lastError: { kind: e.kind, message: e.message, at: now() },
      attempt: failures,
      nextAttemptAt: now() + backoffDelay(e.retryable ? failures : 10, options.random),
    };
    // A token refused means another identity may come: ask /v1/me again next time.
    if (e.kind === "auth") await setMeta(db, "me", null);
    await setMeta(db, "status", next);
    return "failed";
  }
}

/** The team endpoint settings changed: forget the cursor and identity of the previous one. */
export async function resetTeam(db: ApaiseDb): Promise<void> {
  await db.transaction("rw", db.syncMeta, db.claims, async () => {
    await db.syncMeta.bulkDelete(["cursor", "me", "status", "rejected"]);
    await db.claims.clear();
  });
}
