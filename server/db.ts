/**
 * The team endpoint's database: one tiny interface over PostgreSQL (`pg.Pool`, for a real deployment) and PGlite
 * (PostgreSQL compiled to WebAssembly, in a directory or in memory: no install, for a laptop, the demo and tests).
 * Both run the same plain PostgreSQL SQL; nothing else in server/ knows which one it talks to.
 *
 * Values come back as PostgreSQL's text forms where JavaScript numbers would lose precision: `bigint` columns
 * (sequences, epoch milliseconds, counts) are strings on both backends. `jsonb` comes back parsed.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import pg from "pg";

export type Dialect = "pglite" | "postgres";

export interface Db {
  /** Run one statement (`$1`, `$2`... placeholders) and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Run `fn` in a transaction: committed when it resolves, rolled back when it throws (the error is rethrown).
   * Called on a transaction's `tx`, it nests as a savepoint.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Release the pool or the PGlite instance. The Db is unusable afterwards. */
  close(): Promise<void>;
  readonly dialect: Dialect;
}

export interface OpenDbOptions {
  /** A PostgreSQL connection string (`postgresql://user:pass@host:5432/db`); defaults to env DATABASE_URL. */
  url?: string;
  /** PGlite's data directory when no URL is given; undefined or `memory://` keeps everything in memory. */
  dataDir?: string;
}

/**
 * PostgreSQL when a URL is given (or, with neither `url` nor `dataDir`, when env DATABASE_URL is set), else PGlite in
 * `dataDir` (or in memory). An explicit `dataDir` wins over the environment: `{ dataDir: "memory://" }` is always
 * PGlite.
 */
export async function openDb(opts: OpenDbOptions = {}): Promise<Db> {
  const url = opts.url || (opts.dataDir === undefined ? process.env.DATABASE_URL || undefined : undefined);
  return url ? openPostgres(url) : openPglite(opts.dataDir);
}

/** The connection string without its password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.href;
  } catch {
    return "(unparseable connection string)";
  }
}

type Runner = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** A Db whose `transaction` is a savepoint inside the transaction `run` belongs to. */
function savepointDb(run: Runner, dialect: Dialect, depth: number): Db {
  return {
    dialect,
    query: <T>(sql: string, params?: readonly unknown[]) => run(sql, params) as Promise<T[]>,
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const name = `apaise_sp_${depth}`;
      await run(`savepoint ${name}`);
      try {
        const result = await fn(savepointDb(run, dialect, depth + 1));
        await run(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await run(`rollback to savepoint ${name}`);
        throw error;
      }
    },
    close: () => Promise.reject(new Error("close() the Db itself, not a transaction")),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  const inMemory = dataDir === undefined || dataDir === "" || dataDir === "memory://";
  if (!inMemory) mkdirSync(resolve(dataDir), { recursive: true });
  const lite = await PGlite.create({
    ...(inMemory ? {} : { dataDir: resolve(dataDir) }),
    // int8 as text, as node-postgres does: sequences must not lose precision.
    parsers: { [pgliteTypes.INT8]: (value: string) => value },
  });
  const run: Runner = async (sql, params) => (await lite.query<Record<string, unknown>>(sql, params as unknown[])).rows;
  return {
    dialect: "pglite",
    query: <T>(sql: string, params?: readonly unknown[]) => run(sql, params) as Promise<T[]>,
    transaction: (fn) =>
      lite.transaction(async (tx) => {
        const txRun: Runner = async (sql, params) =>
          (await tx.query<Record<string, unknown>>(sql, params as unknown[])).rows;
        return fn(savepointDb(txRun, "pglite", 0));
      }),
    close: async () => {
      if (!lite.closed) await lite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process: the pool drops it and connects anew.
  pool.on("error", (error) => console.error(`PostgreSQL connection lost (${describeUrl(url)}): ${error.message}`));
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to PostgreSQL at ${describeUrl(url)}: ${(error as Error).message}`);
  }
  const poolRun: Runner = async (sql, params) => (await pool.query(sql, params as unknown[])).rows;
  return {
    dialect: "postgres",
    query: <T>(sql: string, params?: readonly unknown[]) => poolRun(sql, params) as Promise<T[]>,
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const run: Runner = async (sql, params) => (await client.query(sql, params as unknown[])).rows;
      let broken: Error | undefined;
      try {
        await run("begin");
        const result = await fn(savepointDb(run, "postgres", 0));
        await run("commit");
        return result;
      } catch (error) {
        try {
          await run("rollback");
        } catch (rollbackError) {
          broken = rollbackError as Error; // the connection is unusable: the pool must not hand it out again
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
