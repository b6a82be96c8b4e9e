/**
 * What the routes do to the database: who a token is, one sync round trip, the reply log, the playbook.
 * Every query is scoped by the caller's team: a token never reaches another team's rows.
 *
 * Ordering: each team's changes are numbered by `teams.last_seq`, incremented while the team row is held with
 * `SELECT ... FOR UPDATE`, so numbers are contiguous per team and a later number never commits before an earlier
 * one. A pull reads `last_seq` first, then the changes up to it: everything up to that number has committed, so a
 * cursor handed out never skips a change that commits later.
 */

import type { ReplyLogEntry } from "../lib/schemas";
import {
  APPEND_ONLY,
  type Change,
  type ChangeKind,
  MANAGER_ONLY,
  MAX_BATCH,
  type Me,
  type Rejection,
  type Role,
  type ServerChange,
  type SyncResponse,
  TEAM_WIDE,
} from "../lib/sync/protocol";
import type { EntriesResponse, EntryItem } from "./api-schemas";
import type { Db } from "./db";
import { hashToken } from "./tokens";

/** Who a request is: one agent (or manager) of one team. */
export interface Principal {
  agentId: string;
  agentName: string;
  role: Role;
  teamId: string;
  teamName: string;
}

/** The principal a bearer token belongs to, or null for an unknown token. */
export async function findPrincipal(db: Db, token: string): Promise<Principal | null> {
  const rows = await db.query<{ id: string; name: string; role: Role; team_id: string; team_name: string }>(
    `select a.id, a.name, a.role, t.id as team_id, t.name as team_name
     from agents a join teams t on t.id = a.team_id
     where a.token_hash = $1`,
    [hashToken(token)],
  );
  const row = rows[0];
  return row
    ? { agentId: row.id, agentName: row.name, role: row.role, teamId: row.team_id, teamName: row.team_name }
    : null;
}

export function me(who: Principal): Me {
  return {
    team: { id: who.teamId, name: who.teamName },
    agent: { id: who.agentId, name: who.agentName, role: who.role },
  };
}

interface ChangeRow {
  seq: string;
  id: string;
  kind: ChangeKind;
  key: string;
  at: string;
  data: unknown;
  agent_id: string;
  agent_name: string;
}

function toServerChange(row: ChangeRow): ServerChange {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    at: Number(row.at),
    data: row.data,
    seq: row.seq,
    agentId: row.agent_id,
    agentName: row.agent_name,
  } as ServerChange;
}

const slotOf = (kind: string, key: string) => `${kind}\u0000${key}`;

/**
 * One round trip, in one transaction: store what may be stored of `changes` (already checked against the Change
 * schema), then pull what this token may read after `cursor`.
 */
export async function sync(db: Db, who: Principal, cursor: string, changes: readonly Change[]): Promise<SyncResponse> {
  return db.transaction(async (tx) => {
    const accepted: string[] = [];
    const rejected: Rejection[] = [];
    let lastSeq: bigint;

    if (changes.length > 0) {
      // Hold the team row: pushes of one team are serialised, and numbered in commit order.
      const team = await tx.query<{ last_seq: string }>("select last_seq from teams where id = $1 for update", [
        who.teamId,
      ]);
      lastSeq = BigInt(team[0]?.last_seq ?? "0");

      const ids = [...new Set(changes.map((c) => c.id))];
      const known = new Map<string, { kind: string; key: string }>();
      for (const row of await tx.query<{ id: string; kind: string; key: string }>(
        "select id, kind, key from changes where team_id = $1 and id = any($2::text[])",
        [who.teamId, ids],
      )) {
        known.set(row.id, row);
      }
      const appendKeys = [...new Set(changes.filter((c) => APPEND_ONLY.includes(c.kind)).map((c) => c.key))];
      const taken = new Map<string, string>();
      if (appendKeys.length > 0) {
        for (const row of await tx.query<{ id: string; kind: string; key: string }>(
          "select id, kind, key from changes where team_id = $1 and kind = any($2::text[]) and key = any($3::text[])",
          [who.teamId, [...APPEND_ONLY], appendKeys],
        )) {
          taken.set(slotOf(row.kind, row.key), row.id);
        }
      }

      // Whose reply each outcome is about: an agent records outcomes of their own replies only.
      const outcomeKeys = [...new Set(changes.filter((c) => c.kind === "outcome").map((c) => c.key))];
      const replyOwner = new Map<string, string>();
      if (outcomeKeys.length > 0) {
        for (const row of await tx.query<{ key: string; agent_id: string }>(
          "select key, agent_id from changes where team_id = $1 and kind = 'reply' and key = any($2::text[])",
          [who.teamId, outcomeKeys],
        )) {
          replyOwner.set(row.key, row.agent_id);
        }
      }

      const rows: { seq: string; id: string; kind: string; key: string; at: number; data: string }[] = [];
      changes.forEach((change, index) => {
        const { id, kind, key } = change;
        const prior = known.get(id);
        if (prior) {
          if (prior.kind === kind && prior.key === key)
            accepted.push(id); // a retry: already stored
          else {
            rejected.push({
              id,
              index,
              reason: "conflict",
              message: `id ${id} is already stored for a ${prior.kind} change with key ${prior.key}, not ${kind} ${key}`,
            });
          }
          return;
        }
        if (MANAGER_ONLY.includes(kind) && who.role !== "manager") {
          rejected.push({ id, index, reason: "forbidden", message: `only a manager may push ${kind} changes` });
          return;
        }
        // Entries and feedback are keyed by their own id: anything else would let one change shadow another.
        if ((change.kind === "reply" || change.kind === "feedback") && key !== change.data.id) {
          rejected.push({ id, index, reason: "invalid", message: `a ${kind} change's key must be its data.id` });
          return;
        }
        const owner = kind === "outcome" ? replyOwner.get(key) : undefined;
        if (owner !== undefined && owner !== who.agentId && who.role !== "manager") {
          rejected.push({
            id,
            index,
            reason: "forbidden",
            message: "an agent records outcomes of their own replies only",
          });
          return;
        }
        if (kind === "reply") replyOwner.set(key, who.agentId);
        if (APPEND_ONLY.includes(kind)) {
          const other = taken.get(slotOf(kind, key));
          if (other !== undefined) {
            rejected.push({
              id,
              index,
              reason: "duplicate",
              message: `a ${kind} with key ${key} is already stored (change ${other}): ${kind} changes are append-only`,
            });
            return;
          }
          taken.set(slotOf(kind, key), id);
        }
        known.set(id, { kind, key });
        lastSeq += 1n;
        rows.push({ seq: lastSeq.toString(), id, kind, key, at: change.at, data: JSON.stringify(change.data) });
        accepted.push(id);
      });

      if (rows.length > 0) {
        await tx.query(
          `insert into changes (team_id, seq, id, kind, key, agent_id, at, data, server_at)
           select $1, t.seq, t.id, t.kind, t.key, $2, t.at, t.data::jsonb, $3
           from unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[])
             as t (seq, id, kind, key, at, data)`,
          [
            who.teamId,
            who.agentId,
            Date.now(),
            rows.map((r) => r.seq),
            rows.map((r) => r.id),
            rows.map((r) => r.kind),
            rows.map((r) => r.key),
            rows.map((r) => r.at),
            rows.map((r) => r.data),
          ],
        );
        await tx.query("update teams set last_seq = $2 where id = $1", [who.teamId, lastSeq.toString()]);
      }
    } else {
      const team = await tx.query<{ last_seq: string }>("select last_seq from teams where id = $1", [who.teamId]);
      lastSeq = BigInt(team[0]?.last_seq ?? "0");
    }

    // A cursor past the team's last number comes from another history (a reset server): read from the start.
    const from = BigInt(cursor) > lastSeq ? 0n : BigInt(cursor);
    const readable = who.role === "manager" ? "" : "and (c.agent_id = $5 or c.kind = any($6::text[]))";
    const params: unknown[] = [who.teamId, from.toString(), lastSeq.toString(), MAX_BATCH + 1];
    if (who.role !== "manager") params.push(who.agentId, [...TEAM_WIDE]);
    const found = await tx.query<ChangeRow>(
      `select c.seq, c.id, c.kind, c.key, c.at, c.data, c.agent_id, a.name as agent_name
       from changes c join agents a on a.id = c.agent_id
       where c.team_id = $1 and c.seq > $2 and c.seq <= $3 ${readable}
       order by c.seq
       limit $4`,
      params,
    );
    const more = found.length > MAX_BATCH;
    const page = more ? found.slice(0, MAX_BATCH) : found;
    const last = page[page.length - 1];
    return {
      accepted: [...new Set(accepted)],
      rejected,
      changes: page.map(toServerChange),
      cursor: more && last ? last.seq : lastSeq.toString(),
      more,
      serverTime: Date.now(),
    };
  });
}

/** Whether `agentId` is an agent of the team. */
export async function agentInTeam(db: Db, teamId: string, agentId: string): Promise<boolean> {
  const rows = await db.query("select 1 from agents where id = $1 and team_id = $2", [agentId, teamId]);
  return rows.length > 0;
}

/**
 * Reply log entries after `since`, oldest first, each with the latest outcome its author pushed merged in.
 * `agentId` null: the whole team.
 */
export async function listEntries(
  db: Db,
  teamId: string,
  agentId: string | null,
  since: string,
  limit: number,
): Promise<EntriesResponse> {
  const rows = await db.query<{
    seq: string;
    data: ReplyLogEntry;
    agent_id: string;
    agent_name: string;
    outcome_seq: string | null;
    outcome: { postedAt: number | null; responseMs: number | null } | null;
  }>(
    `select r.seq, r.data, r.agent_id, a.name as agent_name, o.seq as outcome_seq, o.data as outcome
     from changes r
     join agents a on a.id = r.agent_id
     left join lateral (
       select seq, data from changes o
       where o.team_id = r.team_id and o.kind = 'outcome' and o.key = r.data ->> 'id' and o.agent_id = r.agent_id
       order by o.seq desc
       limit 1
     ) o on true
     where r.team_id = $1 and r.kind = 'reply' and r.seq > $2 and ($3::text is null or r.agent_id = $3::text)
     order by r.seq
     limit $4`,
    [teamId, since, agentId, limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const entries: EntryItem[] = page.map((row) => ({
    seq: row.seq,
    agentId: row.agent_id,
    agentName: row.agent_name,
    entry: row.outcome ? { ...row.data, postedAt: row.outcome.postedAt, responseMs: row.outcome.responseMs } : row.data,
    outcomeSeq: row.outcome_seq,
  }));
  return { entries, cursor: page[page.length - 1]?.seq ?? since, more };
}

/** The data of the team's latest playbook change, or null when none was pushed. */
export async function latestPlaybook(db: Db, teamId: string): Promise<{ seq: string; data: unknown } | null> {
  const rows = await db.query<{ seq: string; data: unknown }>(
    "select seq, data from changes where team_id = $1 and kind = 'playbook' order by seq desc limit 1",
    [teamId],
  );
  return rows[0] ?? null;
}
