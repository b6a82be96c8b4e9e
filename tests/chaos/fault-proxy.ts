/**
 * A loopback HTTP proxy that stands between sync clients and the team endpoint and, by a seeded PRNG, breaks
 * round trips the ways real networks and middleboxes do. Each kind of fault is counted.
 *
 * - `error500`: answers 500 without forwarding.
 * - `timeout`: holds the request past the client's timeout, then delivers it late (the client has given up and
 *   may already have retried: the late copy must change nothing).
 * - `dropBefore`: destroys the socket before forwarding.
 * - `dropAfter`: forwards, the server stores the batch, then the socket is destroyed: the client never hears, and
 *   its retry must not duplicate.
 * - `truncated`: forwards and answers the first half of the server's JSON.
 * - `garbage`: forwards and answers an HTML error page with status 200.
 * - `slow`: forwards and answers late, but within the client's timeout.
 *
 * The first faults go through every kind once (in a seeded order) so a run always exercises them all.
 */
import { createServer, type IncomingHttpHeaders, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAULT_KINDS = ["error500", "timeout", "dropBefore", "dropAfter", "truncated", "garbage", "slow"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:4321`. */
  target: string;
  seed: number;
  /** Share of requests that get a fault, 0..1. */
  faultRate: number;
  /** How long a `timeout` fault holds a request: more than the client's timeout. */
  holdMs: number;
  /** `slow` answers wait a random time in [min, max) ms. */
  slowMs: readonly [number, number];
}

export interface FaultProxy {
  url: string;
  readonly counts: Readonly<Record<FaultKind, number>>;
  /** Requests forwarded and answered untouched. */
  readonly passed: number;
  /** Requests answered 502 because the server could not be reached (while it restarts). */
  readonly upstreamDown: number;
  totalFaults(): number;
  /** Point the proxy at another server (a restarted one on a new port). */
  setTarget(target: string): void;
  /** Turn fault injection on or off (off: a plain forwarding proxy). */
  setFaults(on: boolean): void;
  /** Wait until no request is in the proxy's hands (held ones included). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** mulberry32: small, fast, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Headers that belong to one connection and must not be forwarded as they are. */
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "host",
  "upgrade",
  "te",
  "trailer",
];
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name.toLowerCase())));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const counts = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  // Every kind once first, shuffled by the seed; then uniform picks.
  const firstRound: FaultKind[] = [...FAULT_KINDS];
  for (let i = firstRound.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [firstRound[i], firstRound[j]] = [firstRound[j] as FaultKind, firstRound[i] as FaultKind];
  }
  let target = new URL(options.target);
  let faults = true;
  let passed = 0;
  let upstreamDown = 0;
  const inFlight = new Set<Promise<void>>();

  async function drain(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  function pick(): FaultKind | null {
    if (!faults || random() >= options.faultRate) return null;
    return firstRound.shift() ?? (FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)] as FaultKind);
  }

  function forward(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
    const to = target;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: to.hostname,
          port: to.port,
          method,
          path,
          // A fresh connection each time: nothing pooled survives a server restart.
          agent: false,
          headers: { ...endToEnd(headers), host: to.host, connection: "close", "content-length": String(body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  function answer(res: ServerResponse, status: number, contentType: string, body: Buffer | string): void {
    if (res.destroyed) return;
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    res.writeHead(status, { "content-type": contentType, "content-length": String(bytes.length), connection: "close" });
    res.end(bytes);
  }

  async function handle(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer, res: ServerResponse) {
    const fault = pick();
    if (fault) counts[fault]++;
    switch (fault) {
      case "error500":
        return answer(res, 500, "application/json", '{"error":{"code":"internal","message":"injected fault"}}');
      case "dropBefore":
        res.socket?.destroy();
        return;
      case "timeout":
        await sleep(options.holdMs);
        res.socket?.destroy();
        await forward(method, path, headers, body).catch(() => undefined); // the late copy; nobody listens
        return;
      default:
        break;
    }
    let up: Upstream;
    try {
      up = await forward(method, path, headers, body);
    } catch {
      upstreamDown++;
      return answer(res, 502, "application/json", '{"error":{"code":"bad-gateway","message":"server unreachable"}}');
    }
    const type = String(up.headers["content-type"] ?? "application/json");
    switch (fault) {
      case "dropAfter":
        res.socket?.destroy();
        return;
      case "truncated":
        return answer(res, up.status, type, up.body.subarray(0, Math.floor(up.body.length / 2)));
      case "garbage":
        return answer(res, 200, "text/html", "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>");
      case "slow": {
        const [min, max] = options.slowMs;
        await sleep(min + random() * (max - min));
        return answer(res, up.status, type, up.body);
      }
      default:
        passed++;
        return answer(res, up.status, type, up.body);
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve) => {
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("error", () => resolve());
      req.on("end", () => {
        handle(req.method ?? "GET", req.url ?? "/", req.headers, Buffer.concat(chunks), res)
          .catch(() => res.socket?.destroy())
          .finally(resolve);
      });
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    get passed() {
      return passed;
    },
    get upstreamDown() {
      return upstreamDown;
    },
    totalFaults: () => Object.values(counts).reduce((a, b) => a + b, 0),
    setTarget(next) {
      target = new URL(next);
    },
    setFaults(on) {
      faults = on;
    },
    drain,
    async close() {
      await drain();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
