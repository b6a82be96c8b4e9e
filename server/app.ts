/**
 * The reference team sync endpoint as a Hono app: `createApp(db)` answers `app.request(...)` in tests and
 * `startServer` (server/main.ts) serves it over HTTP. The protocol is lib/sync/protocol.ts; docs/sync-protocol.md
 * says it in words; `/openapi.json` describes every route.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import * as z from "zod/mini";
import { Cursor, MAX_BODY_BYTES, parseChanges, SyncRequest } from "../lib/sync/protocol";
import { ENTRIES_DEFAULT_LIMIT, ENTRIES_MAX_LIMIT, Id } from "./api-schemas";
import { readBodyText } from "./body";
import type { Db } from "./db";
import { errorBody, HttpError } from "./errors";
import { openApiDocument } from "./openapi";
import { agentInTeam, findPrincipal, latestPlaybook, listEntries, me, type Principal, sync } from "./store";

// zod/mini ships without messages (the extension stays small); the server explains what is wrong in English.
z.config(z.locales.en());

export interface AppOptions {
  /** Where unexpected errors are logged, with their stack (never sent to the client). Default: console.error. */
  log?: (message: string) => void;
}

type Env = { Variables: { who: Principal } };

const MAX_TOKEN_LENGTH = 512;
/** PostgreSQL's bigint: no sequence number is larger. */
const MAX_SEQ = 9_223_372_036_854_775_807n;

/** The first issues of a failed parse, as `path: message` (the path `body` for the whole value). */
function describeIssues(error: z.core.$ZodError, top = "body"): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : top}: ${issue.message}`)
    .join("; ");
}

export function createApp(db: Db, options: AppOptions = {}): Hono<Env> {
  const log = options.log ?? ((message: string) => console.error(message));
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body(), error.status);
    log(`${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    return c.json(errorBody("internal", "the server failed to handle this request (the error is in its log)"), 500);
  });
  app.notFound((c) => c.json(errorBody("not-found", `no route ${c.req.method} ${c.req.path}`), 404));
  // Browser extensions call from their own origin. Bearer tokens, no cookies: any origin may ask, the token decides.
  app.use(
    "*",
    cors({
      origin: "*",
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["authorization", "content-type"],
      maxAge: 600,
    }),
  );

  /** Bearer token → the agent and team it belongs to, or 401. */
  const auth: MiddlewareHandler<Env> = async (c, next) => {
    c.header("cache-control", "no-store");
    const header = c.req.header("authorization");
    const unauthorized = (message: string) => {
      c.header("www-authenticate", 'Bearer realm="apaise"');
      return new HttpError(401, "unauthorized", message);
    };
    if (!header) throw unauthorized("missing token: send the header Authorization: Bearer <team token>");
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
    if (!match?.[1]) throw unauthorized("the Authorization header must be: Bearer <team token>");
    const token = match[1];
    const who = token.length <= MAX_TOKEN_LENGTH ? await findPrincipal(db, token) : null;
    if (!who) throw unauthorized("unknown or revoked token: ask your team manager for a new one");
    c.set("who", who);
    await next();
  };

  app.get("/health", async (c) => {
    try {
      await db.query("select 1");
    } catch (error) {
      log(`health check: the database does not answer: ${(error as Error).message}`);
      return c.json(errorBody("unavailable", "the database does not answer"), 503);
    }
    return c.json({ ok: true as const, db: db.dialect });
  });

  app.get("/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/v1/me", auth, (c) => c.json(me(c.get("who"))));

  app.post("/v1/sync", auth, async (c) => {
    const text = await readBodyText(c.req.raw, MAX_BODY_BYTES);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, "invalid-json", `the body is not JSON: ${(error as Error).message.slice(0, 200)}`);
    }
    const request = SyncRequest.safeParse(raw);
    if (!request.success) {
      throw new HttpError(
        400,
        "invalid-request",
        `not a sync request ({ cursor, changes }): ${describeIssues(request.error)}`,
      );
    }
    const { valid, rejected } = parseChanges(request.data.changes);
    if (rejected.length > 0) {
      const count = request.data.changes.length;
      throw new HttpError(
        400,
        "invalid-batch",
        `${rejected.length} of ${count} changes fail the Change schema, so nothing of this batch was stored ` +
          `(error.rejected names each); first: ${rejected[0]?.message}`,
        rejected,
      );
    }
    return c.json(await sync(db, c.get("who"), request.data.cursor, valid));
  });

  app.get("/v1/entries", auth, async (c) => {
    const who = c.get("who");
    const { since, limit, agent } = entriesQuery(c);
    let agentId: string | null = agent;
    if (who.role !== "manager") {
      if (agent !== null && agent !== who.agentId) {
        throw new HttpError(403, "forbidden", "an agent token reads its own entries only; a manager reads the team's");
      }
      agentId = who.agentId;
    } else if (agent !== null && !(await agentInTeam(db, who.teamId, agent))) {
      throw new HttpError(404, "not-found", `no agent ${agent} in this team`);
    }
    return c.json(await listEntries(db, who.teamId, agentId, since, limit));
  });

  app.get("/v1/playbook", auth, async (c) => {
    const playbook = await latestPlaybook(db, c.get("who").teamId);
    if (!playbook) throw new HttpError(404, "not-found", "no playbook has been pushed for this team yet");
    c.header("etag", `"${playbook.seq}"`);
    return c.json(playbook.data as object);
  });

  return app;
}

function entriesQuery(c: Context<Env>): { since: string; limit: number; agent: string | null } {
  const since = c.req.query("since") ?? "0";
  if (!Cursor.safeParse(since).success || BigInt(since) > MAX_SEQ) {
    throw new HttpError(400, "invalid-request", `since must be a sequence number (a previous cursor), not ${since}`);
  }
  const limitText = c.req.query("limit");
  const limit = limitText === undefined ? ENTRIES_DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > ENTRIES_MAX_LIMIT || !/^[0-9]+$/.test(limitText ?? "1")) {
    throw new HttpError(400, "invalid-request", `limit must be a whole number from 1 to ${ENTRIES_MAX_LIMIT}`);
  }
  const agent = c.req.query("agent") ?? null;
  if (agent !== null && !Id.safeParse(agent).success) {
    throw new HttpError(400, "invalid-request", "agent must be an agent id (1 to 64 characters)");
  }
  return { since, limit, agent };
}
