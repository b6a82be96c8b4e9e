/**
 * `npm run server`: the reference team sync endpoint over HTTP. The database is DATABASE_URL (PostgreSQL), else
 * PGlite in APAISE_DATA (default `.apaise-server/`); it is migrated at start. Listens on HOST:PORT (default
 * 127.0.0.1:8787) and closes cleanly on SIGINT/SIGTERM. `startServer` is the same server for tests and benchmarks.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { dbOptionsFromEnv, isMain } from "./config";
import { type Db, openDb } from "./db";
import { migrate } from "./migrations";

export interface StartOptions {
  db: Db;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where unexpected request errors are logged. Default: console.error. */
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stop listening and end open connections. The database stays open: it belongs to the caller. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 2_000;

export async function startServer({ db, port = 0, host = "127.0.0.1", log }: StartOptions): Promise<RunningServer> {
  const app = createApp(db, log ? { log } : {});
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => {
      s.off("error", reject);
      resolve(s);
    });
    s.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `cannot listen on ${host}:${port}: the port is in use (set PORT to another one)`
            : `cannot listen on ${host}:${port}: ${error.message}`,
        ),
      ),
    );
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" || host.includes(":") ? `[${address.address}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const http = server as Server;
        const force = setTimeout(() => http.closeAllConnections?.(), CLOSE_GRACE_MS);
        force.unref();
        http.close(() => {
          clearTimeout(force);
          resolve();
        });
        http.closeIdleConnections?.();
      });
      return closing;
    },
  };
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return 8787;
  const port = Number(value);
  if (!/^[0-9]+$/.test(value) || port > 65_535) {
    console.error(`error: PORT must be a port number (0 to 65535), not ${value}`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv(process.env.PORT);
  const host = process.env.HOST || "127.0.0.1";
  const where = dbOptionsFromEnv();
  let db: Db;
  try {
    db = await openDb(where);
    const applied = await migrate(db);
    if (applied.length > 0) console.log(`Database migrated to version ${applied[applied.length - 1]}`);
  } catch (error) {
    console.error(`error: cannot open the database (${where.description}): ${(error as Error).message}`);
    process.exit(1);
  }
  const running = await startServer({ db, port, host }).catch((error: Error) => {
    console.error(`error: ${error.message}`);
    return db.close().then(() => process.exit(1));
  });
  const teams = await db.query<{ n: string }>("select count(*) as n from teams");
  console.log(`Apaise team endpoint listening on ${running.url} (${where.description})`);
  if (Number(teams[0]?.n ?? 0) === 0) {
    console.log("No team yet: npm run --silent server:admin -- create-team NAME (or: server:admin -- demo)");
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: closing`);
    try {
      await running.close();
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error(`error while closing: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

if (isMain(import.meta.url)) await main();
