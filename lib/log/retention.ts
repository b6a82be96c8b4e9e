/**
 * Retention: which log entries a purge removes. Entries inserted more than `days` days before `now` go; 0 days keeps
 * everything. The page previews exactly this, then asks the background to purge before the same cutoff.
 */
import type { ReplyLogEntry } from "../schemas";

export const DAY_MS = 86_400_000;

/** The instant before which entries go, or null when the log is kept forever. */
export function retentionCutoff(now: number, days: number): number | null {
  if (!Number.isFinite(days) || days <= 0) return null;
  return now - Math.floor(days) * DAY_MS;
}

export interface PurgePreview {
  cutoff: number | null;
  count: number;
  /** Reviews of those entries, deleted with them. */
  reviews: number;
  oldest: number | null;
  newest: number | null;
  byAgent: Array<{ agent: string; count: number }>;
  /** Entries that stay. */
  kept: number;
}

export function purgePreview(
  entries: readonly Pick<ReplyLogEntry, "id" | "agent" | "insertedAt">[],
  reviewed: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  now: number,
  days: number,
): PurgePreview {
  const cutoff = retentionCutoff(now, days);
  const agents = new Map<string, number>();
  let count = 0;
  let reviews = 0;
  let oldest: number | null = null;
  let newest: number | null = null;
  if (cutoff !== null) {
    for (const e of entries) {
      if (e.insertedAt >= cutoff) continue;
      count++;
      if (reviewed.has(e.id)) reviews++;
      agents.set(e.agent, (agents.get(e.agent) ?? 0) + 1);
      if (oldest === null || e.insertedAt < oldest) oldest = e.insertedAt;
      if (newest === null || e.insertedAt > newest) newest = e.insertedAt;
    }
  }
  const byAgent = [...agents].map(([agent, n]) => ({ agent, count: n })).sort((a, b) => b.count - a.count);
  return { cutoff, count, reviews, oldest, newest, byAgent, kept: entries.length - count };
}

/** The entries a purge before `cutoff` removes (the same rule as lib/db/repo.ts `purgeBefore`). */
export function entriesToPurge<T extends Pick<ReplyLogEntry, "insertedAt">>(
  entries: readonly T[],
  cutoff: number,
): T[] {
  return entries.filter((e) => e.insertedAt < cutoff);
}
