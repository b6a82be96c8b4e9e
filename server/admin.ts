/**
 * Team administration: teams, agents and their tokens. A token is shown once, when made; the database keeps only
 * its SHA-256, so a leaked database does not leak working tokens. Used by the CLI (server/cli.ts), the demo and
 * tests.
 */
import { ROLES, type Role } from "../lib/sync/protocol";
import type { Db } from "./db";
import { hashToken, newId, newToken } from "./tokens";

/** A refused admin operation (bad name, unknown team...): its message is meant for the operator as is. */
export class AdminError extends Error {
  override name = "AdminError";
}

export const MAX_TEAM_NAME = 200;
export const MAX_AGENT_NAME = 100;

function checkName(what: string, name: string, max: number): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AdminError(`the ${what} name is empty`);
  if (trimmed.length > max) throw new AdminError(`the ${what} name is longer than ${max} characters`);
  return trimmed;
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new AdminError(`unknown role ${role}: use ${ROLES.join(" or ")}`);
  }
  return role as Role;
}

export async function createTeam(db: Db, name: string): Promise<{ id: string; name: string }> {
  const team = { id: newId("team"), name: checkName("team", name, MAX_TEAM_NAME) };
  await db.query("insert into teams (id, name, created_at, last_seq) values ($1, $2, $3, 0)", [
    team.id,
    team.name,
    Date.now(),
  ]);
  return team;
}

/** Add an agent (or manager) to a team. The token is returned once and never stored. */
export async function addAgent(
  db: Db,
  teamId: string,
  name: string,
  role: Role = "agent",
): Promise<{ id: string; token: string }> {
  const agentName = checkName("agent", name, MAX_AGENT_NAME);
  const agentRole = checkRole(role);
  const team = await db.query("select 1 from teams where id = $1", [teamId]);
  if (team.length === 0) throw new AdminError(`no team with id ${teamId}`);
  const agent = { id: newId("agt"), token: newToken() };
  await db.query(
    "insert into agents (id, team_id, name, role, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)",
    [agent.id, teamId, agentName, agentRole, hashToken(agent.token), Date.now()],
  );
  return agent;
}

export interface TeamListing {
  team: { id: string; name: string; createdAt: number; lastSeq: string };
  agents: { id: string; name: string; role: Role; createdAt: number; changes: number }[];
}

/** A team and its agents (never their tokens, which the database does not hold). */
export async function listTeam(db: Db, teamId: string): Promise<TeamListing> {
  const teams = await db.query<{ id: string; name: string; created_at: string; last_seq: string }>(
    "select id, name, created_at, last_seq from teams where id = $1",
    [teamId],
  );
  const team = teams[0];
  if (!team) throw new AdminError(`no team with id ${teamId}`);
  const agents = await db.query<{ id: string; name: string; role: Role; created_at: string; changes: string }>(
    `select a.id, a.name, a.role, a.created_at,
       (select count(*) from changes c where c.team_id = a.team_id and c.agent_id = a.id) as changes
     from agents a where a.team_id = $1 order by a.created_at, a.id`,
    [teamId],
  );
  return {
    team: { id: team.id, name: team.name, createdAt: Number(team.created_at), lastSeq: team.last_seq },
    agents: agents.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      createdAt: Number(a.created_at),
      changes: Number(a.changes),
    })),
  };
}

/** All teams, oldest first. */
export async function listTeams(db: Db): Promise<{ id: string; name: string; agents: number }[]> {
  const rows = await db.query<{ id: string; name: string; agents: string }>(
    `select t.id, t.name, (select count(*) from agents a where a.team_id = t.id) as agents
     from teams t order by t.created_at, t.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, agents: Number(r.agents) }));
}

/** Replace an agent's token: the old one stops working at once. Returns the new token (shown once). */
export async function rotateToken(db: Db, agentId: string): Promise<string> {
  const token = newToken();
  const rows = await db.query("update agents set token_hash = $2 where id = $1 returning id", [
    agentId,
    hashToken(token),
  ]);
  if (rows.length === 0) throw new AdminError(`no agent with id ${agentId}`);
  return token;
}

export const DEMO_TEAM_ID = "demo";
const DEMO_MANAGER = { id: "demo-manager", name: "Camille (manager)" };
const DEMO_AGENTS = [
  { id: "demo-julie", name: "Julie" },
  { id: "demo-karim", name: "Karim" },
];

export interface DemoTeam {
  teamId: string;
  manager: { id: string; token: string };
  agents: { id: string; name: string; token: string }[];
}

/**
 * The demo team (a manager and two agents), made on first call. Idempotent: when it exists, its agents get fresh
 * tokens (the old ones stop working), since tokens are never stored and cannot be shown again.
 */
export async function ensureDemoTeam(db: Db): Promise<DemoTeam> {
  return db.transaction(async (tx) => {
    await tx.query(
      "insert into teams (id, name, created_at, last_seq) values ($1, $2, $3, 0) on conflict (id) do nothing",
      [DEMO_TEAM_ID, "Demo team", Date.now()],
    );
    const upsert = async (id: string, name: string, role: Role): Promise<string> => {
      const token = newToken();
      const rows = await tx.query(
        `insert into agents (id, team_id, name, role, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (id) do update set token_hash = excluded.token_hash, name = excluded.name, role = excluded.role
         where agents.team_id = excluded.team_id
         returning id`,
        [id, DEMO_TEAM_ID, name, role, hashToken(token), Date.now()],
      );
      if (rows.length === 0) throw new AdminError(`agent id ${id} is taken by another team: cannot make the demo`);
      return token;
    };
    const manager = { id: DEMO_MANAGER.id, token: await upsert(DEMO_MANAGER.id, DEMO_MANAGER.name, "manager") };
    const agents: DemoTeam["agents"] = [];
    for (const a of DEMO_AGENTS) agents.push({ ...a, token: await upsert(a.id, a.name, "agent") });
    return { teamId: DEMO_TEAM_ID, manager, agents };
  });
}
