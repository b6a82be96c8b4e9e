/**
 * The client side of the sync protocol, pure of any browser API: a store (the extension's Dexie outbox, or an
 * in-memory one in tests) and a `fetch`. The background calls `syncUntilIdle` from an alarm; nothing here assumes
 * the service worker lives past one round trip.
 *
 * Safety rules (why nothing is lost or duplicated):
 * - A change leaves the outbox only when a server answer names it as accepted or rejected.
 * - Pulled changes and the new cursor are applied in one store transaction: a worker stopped in between pulls the
 *   same changes again, and applying them twice is harmless (by id and last-writer-wins order).
 * - Any answer that is not a valid `SyncResponse` (garbage, truncated, a proxy's HTML) is an error: nothing moves.
 * - A batch refused whole because some of its changes fail the schema (400 `invalid-batch`) stores nothing: the
 *   changes it names leave the outbox as rejected, the rest are pushed again by the next round.
 */
import { type Change, ErrorBody, MAX_BATCH, Me, type Rejection, type ServerChange, SyncResponse } from "./protocol";

export interface SyncStore {
  /** The oldest pending changes, at most `limit`. */
  pending(limit: number): Promise<Change[]>;
  /** How many changes wait in the outbox. */
  pendingCount(): Promise<number>;
  /** Drop these from the outbox: the server took them, or refused them for good (rejections are kept). */
  settle(accepted: readonly string[], rejected: readonly Rejection[]): Promise<void>;
  getCursor(): Promise<string>;
  /** Apply pulled changes and store the new cursor, in one transaction. */
  applyRemote(changes: readonly ServerChange[], cursor: string, serverTime: number): Promise<void>;
}

export interface SyncConfig {
  /** Base URL of the team endpoint, e.g. `https://apaise.example.com` (no trailing `/v1`). */
  endpoint: string;
  token: string;
  fetch?: typeof fetch;
  /** Abort one round trip after this long. */
  timeoutMs?: number;
  batchSize?: number;
}

export type SyncErrorKind = "network" | "timeout" | "auth" | "http" | "garbage" | "config";

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SyncError";
  }
  /** Worth retrying later without the agent doing anything. */
  get retryable(): boolean {
    return this.kind !== "auth" && this.kind !== "config" && !(this.kind === "http" && this.status === 400);
  }
}

export interface RoundResult {
  pushed: number;
  rejected: Rejection[];
  pulled: number;
  more: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The endpoint must be HTTPS, except on this machine (a team endpoint run by `npm start`). */
export function checkEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new SyncError("config", `not a URL: ${endpoint}`);
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new SyncError("config", "the team endpoint must use https:// (http:// is allowed for localhost only)");
  }
  return url;
}

/** One round trip: push up to one batch, pull what is new since the cursor. */
export async function syncOnce(store: SyncStore, config: SyncConfig): Promise<RoundResult> {
  const base = checkEndpoint(config.endpoint);
  if (!config.token) throw new SyncError("config", "no team token set");
  const changes = await store.pending(Math.min(config.batchSize ?? MAX_BATCH, MAX_BATCH));
  const cursor = await store.getCursor();
  const url = new URL("v1/sync", withSlash(base));
  const answer = await post(url, { cursor, changes }, config);
  if ("invalidBatch" in answer) {
    const rejected = inBatch(answer.invalidBatch.rejected ?? [], changes);
    if (rejected.length === 0) {
      throw new SyncError("http", `${url.host} answered 400: ${answer.invalidBatch.message.slice(0, 300)}`, 400);
    }
    await store.settle([], rejected);
    // Nothing was stored nor pulled: `more` asks for another round at once, which pushes the rest and pulls.
    return { pushed: 0, rejected, pulled: 0, more: true };
  }
  await store.settle(answer.accepted, answer.rejected);
  await store.applyRemote(answer.changes, answer.cursor, answer.serverTime);
  return {
    pushed: answer.accepted.length,
    rejected: answer.rejected,
    pulled: answer.changes.length,
    more: answer.more,
  };
}

/** Round trips until the outbox is empty and nothing more waits on the server (bounded by `maxRounds`). */
export async function syncUntilIdle(
  store: SyncStore,
  config: SyncConfig,
  maxRounds = 50,
): Promise<RoundResult & { rounds: number }> {
  const total: RoundResult & { rounds: number } = { pushed: 0, rejected: [], pulled: 0, more: false, rounds: 0 };
  for (let i = 0; i < maxRounds; i++) {
    const r = await syncOnce(store, config);
    total.rounds++;
    total.pushed += r.pushed;
    total.rejected.push(...r.rejected);
    total.pulled += r.pulled;
    total.more = r.more;
    const progressed = r.pushed + r.rejected.length > 0;
    if (!r.more && (!progressed || (await store.pendingCount()) === 0)) break;
  }
  return total;
}

/** Exponential backoff with full jitter: 2 s, 4 s, 8 s ... capped at 15 minutes. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(15 * 60_000, 2_000 * 2 ** Math.max(0, Math.min(attempt, 20)));
  return Math.round(cap / 2 + random() * (cap / 2));
}

function withSlash(url: URL): URL {
  const copy = new URL(url.href);
  if (!copy.pathname.endsWith("/")) copy.pathname += "/";
  return copy;
}

/**
 * The rejections of an `invalid-batch` answer that name a change of this batch (by index, else by id), with the
 * outbox's id: the outbox drops exactly those and nothing else.
 */
function inBatch(rejections: readonly Rejection[], changes: readonly Change[]): Rejection[] {
  const ids = new Set(changes.map((c) => c.id));
  const out = new Map<string, Rejection>();
  for (const r of rejections) {
    const index = r.index ?? (/^#\d+$/.test(r.id) ? Number(r.id.slice(1)) : undefined);
    const id = index !== undefined ? changes[index]?.id : ids.has(r.id) ? r.id : undefined;
    if (id !== undefined && !out.has(id)) out.set(id, { ...r, id });
  }
  return [...out.values()];
}

type InvalidBatch = { invalidBatch: ErrorBody["error"] };

async function post(url: URL, body: unknown, config: SyncConfig): Promise<SyncResponse | InvalidBatch> {
  const doFetch = config.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url.href, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${config.token}` },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw new SyncError("timeout", `no answer from ${url.host} in time`);
    throw new SyncError("network", `cannot reach ${url.host}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 401 || response.status === 403) {
    throw new SyncError("auth", `${url.host} refused the token (${response.status})`, response.status);
  }
  if (response.status === 400) {
    const error = invalidBatch(text);
    if (error) return { invalidBatch: error };
  }
  if (!response.ok) {
    throw new SyncError("http", `${url.host} answered ${response.status}: ${errorMessage(text)}`, response.status);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncError("garbage", `${url.host} answered something that is not JSON`);
  }
  const parsed = SyncResponse.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncError("garbage", `${url.host} answered an invalid sync response (${issue?.path.join(".")})`);
  }
  return parsed.data;
}

/** The error of a 400 `invalid-batch` answer, else undefined (an ordinary 400). */
function invalidBatch(text: string): ErrorBody["error"] | undefined {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.error.code === "invalid-batch") return parsed.data.error;
  } catch {
    // not JSON: an ordinary 400
  }
  return undefined;
}

function errorMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === "string") return message.slice(0, 300);
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 120) || "no details";
}

/** `GET /v1/me`: checks the endpoint and the token, and says which team and role they belong to. */
export async function fetchMe(config: SyncConfig): Promise<Me> {
  const base = checkEndpoint(config.endpoint);
  if (!config.token) throw new SyncError("config", "no team token set");
  const url = new URL("v1/me", withSlash(base));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await (config.fetch ?? fetch)(url.href, {
      headers: { authorization: `Bearer ${config.token}` },
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw new SyncError("timeout", `no answer from ${url.host} in time`);
    throw new SyncError("network", `cannot reach ${url.host}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 401 || response.status === 403) {
    throw new SyncError("auth", `${url.host} refused the token (${response.status})`, response.status);
  }
  if (!response.ok) {
    throw new SyncError("http", `${url.host} answered ${response.status}: ${errorMessage(text)}`, response.status);
  }
  try {
    return Me.parse(JSON.parse(text));
  } catch {
    throw new SyncError("garbage", `${url.host} is not an Apaise team endpoint (unexpected answer to /v1/me)`);
  }
}
