/**
 * The schema, as an ordered list of versioned migrations. Each is applied once, in its own transaction, and
 * recorded in `schema_migrations`; `migrate` is idempotent and safe to run from two processes at once (the second
 * waits on the table lock, then finds the work done). Never edit a migration that has shipped: add the next one.
 */
import { APPEND_ONLY, CHANGE_KINDS, ROLES } from "../lib/sync/protocol";
import type { Db } from "./db";

export interface Migration {
  version: number;
  name: string;
  /** One statement each (PGlite's extended protocol runs one statement per query). */
  statements: readonly string[];
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "teams, agents and the change log",
    statements: [
      `create table teams (
        id text primary key,
        name text not null,
        created_at bigint not null,
        last_seq bigint not null default 0 check (last_seq >= 0)
      )`,
      `create table agents (
        id text primary key,
        team_id text not null references teams (id) on delete cascade,
        name text not null,
        role text not null check (role in (${list(ROLES)})),
        token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
        created_at bigint not null
      )`,
      "create index agents_team on agents (team_id)",
      `create table changes (
        team_id text not null references teams (id) on delete cascade,
        seq bigint not null check (seq > 0),
        id text not null,
        kind text not null check (kind in (${list(CHANGE_KINDS)})),
        key text not null,
        agent_id text not null references agents (id),
        at bigint not null,
        data jsonb not null,
        server_at bigint not null,
        primary key (team_id, seq),
        unique (team_id, id)
      )`,
      // One change per key, ever, for the append-only kinds.
      `create unique index changes_append_only on changes (team_id, kind, key) where kind in (${list(APPEND_ONLY)})`,
      // The latest value of a (kind, key): outcomes merged into entries, the playbook.
      "create index changes_kind_key on changes (team_id, kind, key, seq)",
      // An agent's own changes, in order.
      "create index changes_agent on changes (team_id, agent_id, seq)",
    ],
  },
];

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name}: version ${m.version}, expected ${i + 1}`);
  });
}
checkOrder(MIGRATIONS);

/** The versions recorded as applied, in order (empty on a fresh database). */
export async function appliedMigrations(db: Db): Promise<number[]> {
  const exists = await db.query<{ found: string | null }>("select to_regclass('schema_migrations')::text as found");
  if (!exists[0]?.found) return [];
  const rows = await db.query<{ version: number }>("select version from schema_migrations order by version");
  return rows.map((r) => Number(r.version));
}

/**
 * Bring the schema up to date. Returns the versions applied by this call (empty when it was already current).
 * Refuses a database migrated by a newer server, rather than running against a schema it does not know.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  checkOrder(migrations);
  await db.query(
    `create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at bigint not null
    )`,
  );
  const newest = await db.query<{ version: number | null }>("select max(version) as version from schema_migrations");
  const version = Number(newest[0]?.version ?? 0);
  if (version > migrations.length) {
    throw new Error(
      `the database schema is at version ${version}, newer than this server knows (${migrations.length}): upgrade the server`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query("lock table schema_migrations in exclusive mode");
      const done = await tx.query("select 1 from schema_migrations where version = $1", [migration.version]);
      if (done.length > 0) return false;
      for (const statement of migration.statements) {
        try {
          await tx.query(statement);
        } catch (error) {
          throw new Error(
            `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}; nothing of it was applied`,
          );
        }
      }
      await tx.query("insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)", [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
