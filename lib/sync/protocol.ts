/**
 * The team sync protocol, shared by the extension (lib/sync/client.ts) and the reference endpoint (server/).
 * Any server that speaks it works; docs/sync-protocol.md describes it in words, `/openapi.json` as a schema.
 *
 * One round trip: `POST /v1/sync` with `Authorization: Bearer TOKEN` and a `SyncRequest` (the client's cursor and
 * at most MAX_BATCH changes); the answer is a `SyncResponse` (what was accepted, what was rejected and why, the
 * changes since the cursor that this token may read, and the new cursor).
 *
 * - Change ids are UUIDv7 made by the client: a retried batch is recognised and never duplicates.
 * - The server numbers the changes it accepts with a monotonic sequence; the cursor is the last number a client
 *   has seen, as a decimal string (sequences outgrow 2^53 only in theory, strings keep every server honest).
 * - Append-only kinds (`reply`, `feedback`): one change per key, ever; a second change with the same key and a new
 *   id is rejected as `duplicate`.
 * - Last-writer-wins kinds (`outcome`, `status`, `review`, `claim`, `playbook`): the change with the highest server
 *   sequence for a (kind, key) is the value.
 */
import * as z from "zod/mini";
import { ComplaintStatus, DetectorFeedback, ReplyLogEntry } from "../schemas";

/** At most this many changes per request, and per answer. */
export const MAX_BATCH = 500;
/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A claim lasts this long unless renewed: an agent who walks away does not block colleagues for long. */
export const CLAIM_TTL_MS = 10 * 60_000;

export const CHANGE_KINDS = ["reply", "outcome", "feedback", "status", "review", "claim", "playbook"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const APPEND_ONLY: readonly ChangeKind[] = ["reply", "feedback"];
/** Kinds only a manager token may push. */
export const MANAGER_ONLY: readonly ChangeKind[] = ["review", "playbook"];
/** Kinds every token of the team reads; agents read their own changes of the other kinds, managers read all. */
export const TEAM_WIDE: readonly ChangeKind[] = ["claim", "playbook", "status"];

export const ROLES = ["agent", "manager"] as const;
export type Role = (typeof ROLES)[number];

const Id = z.string().check(z.minLength(1), z.maxLength(64));
const Key = z.string().check(z.minLength(1), z.maxLength(120));
const EpochMs = z.int().check(z.nonnegative());
export const Cursor = z.string().check(z.regex(/^(0|[1-9][0-9]{0,18})$/));

/** The agent pressed the site's Post: the entry's response time now runs to that moment. Key: the reply's id. */
export const OutcomeData = z.object({
  postedAt: z.nullable(EpochMs),
  responseMs: z.nullable(z.int().check(z.nonnegative())),
});
export type OutcomeData = z.infer<typeof OutcomeData>;
/** A complaint's status changed (answered, dismissed, escalated...). Key: the complaint key `site:postId`. */
export const StatusData = z.object({
  status: ComplaintStatus,
  note: z.optional(z.string().check(z.maxLength(2_000))),
});
export type StatusData = z.infer<typeof StatusData>;
/** A manager's mark on a reply. Key: the reply's id. `mark: null` clears it. */
export const ReviewData = z.object({
  mark: z.nullable(z.enum(["good", "coaching"])),
  comment: z.string().check(z.maxLength(2_000)),
  reviewer: z.string().check(z.maxLength(100)),
});
export type ReviewData = z.infer<typeof ReviewData>;
/** "I am answering this post" (or "I answered it", or "I let it go"). Key: the complaint key. */
export const ClaimData = z.object({
  agent: z.string().check(z.maxLength(100)),
  state: z.enum(["answering", "answered", "released"]),
  /** Epoch ms after which an `answering` claim no longer holds. */
  expiresAt: EpochMs,
});
export type ClaimData = z.infer<typeof ClaimData>;
/** The team's playbook, validated by the client with lib/suggest's schema (the protocol only carries it). */
export const PlaybookData = z.object({
  version: z.int().check(z.nonnegative()),
  playbook: z.unknown(),
});

const base = { id: Id, key: Key, at: EpochMs };
export const Change = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("reply"), data: ReplyLogEntry }),
  z.object({ ...base, kind: z.literal("outcome"), data: OutcomeData }),
  z.object({ ...base, kind: z.literal("feedback"), data: DetectorFeedback }),
  z.object({ ...base, kind: z.literal("status"), data: StatusData }),
  z.object({ ...base, kind: z.literal("review"), data: ReviewData }),
  z.object({ ...base, kind: z.literal("claim"), data: ClaimData }),
  z.object({ ...base, kind: z.literal("playbook"), data: PlaybookData }),
]);
export type Change = z.infer<typeof Change>;

/** A change as the server hands it back: numbered, and attributed to the token that pushed it. */
export const ServerChange = z.intersection(
  Change,
  z.object({ seq: Cursor, agentId: Id, agentName: z.string().check(z.maxLength(100)) }),
);
export type ServerChange = z.infer<typeof ServerChange>;

export const SyncRequest = z.object({
  cursor: Cursor,
  changes: z.array(z.unknown()).check(z.maxLength(MAX_BATCH)),
});
export type SyncRequest = { cursor: string; changes: Change[] };

export const REJECT_REASONS = ["invalid", "duplicate", "forbidden", "conflict"] as const;
export const Rejection = z.object({
  /** The change's id, or `#N` (its index in the batch) when it had no readable id. */
  id: z.string().check(z.maxLength(64)),
  reason: z.enum(REJECT_REASONS),
  message: z.string().check(z.maxLength(500)),
  /** The change's index in the batch that was sent. */
  index: z.optional(z.int().check(z.nonnegative())),
  /** For `invalid`: the path of the first bad field, e.g. `data.finalText` (`change` for the change itself). */
  field: z.optional(z.string().check(z.maxLength(200))),
});
export type Rejection = z.infer<typeof Rejection>;

export const SyncResponse = z.object({
  accepted: z.array(Id),
  rejected: z.array(Rejection),
  changes: z.array(ServerChange).check(z.maxLength(MAX_BATCH)),
  cursor: Cursor,
  /** More changes wait after `cursor`: sync again at once. */
  more: z.boolean(),
  /** The server's clock, epoch ms, so clients can judge claim expiry without trusting their own clock. */
  serverTime: EpochMs,
});
export type SyncResponse = z.infer<typeof SyncResponse>;

/** `GET /v1/me`: who a token is. */
export const Me = z.object({
  team: z.object({ id: Id, name: z.string().check(z.maxLength(200)) }),
  agent: z.object({ id: Id, name: z.string().check(z.maxLength(100)), role: z.enum(ROLES) }),
});
export type Me = z.infer<typeof Me>;

/**
 * The `error.code` of every error answer. A batch with any change that fails the `Change` schema is refused whole
 * (400 `invalid-batch`, nothing stored) with `error.rejected` naming each bad change: the client drops those from its
 * outbox and pushes the rest again.
 */
export const ERROR_CODES = [
  "invalid-json",
  "invalid-request",
  "invalid-batch",
  "unauthorized",
  "forbidden",
  "not-found",
  "payload-too-large",
  "internal",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error answer: `{ "error": { "code", "message" } }` with a 4xx or 5xx status. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** With `invalid-batch`: each change of the batch that failed the schema (reason `invalid`). */
    rejected: z.optional(z.array(Rejection)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Check each raw change of a request on its own, so that every bad change of a batch is named with its index, id
 * and first bad field (the server then refuses the batch with 400 `invalid-batch`).
 */
export function parseChanges(raw: readonly unknown[]): { valid: Change[]; rejected: Rejection[] } {
  const valid: Change[] = [];
  const rejected: Rejection[] = [];
  raw.forEach((item, index) => {
    const result = Change.safeParse(item);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    const rawId = (item as { id?: unknown } | null)?.id;
    const id = typeof rawId === "string" && rawId.length > 0 && rawId.length <= 64 ? rawId : `#${index}`;
    const issue = result.error.issues[0];
    const field = (issue?.path.length ? issue.path.join(".") : "change").slice(0, 200);
    const message = `change #${index}: ${field}: ${issue?.message ?? "invalid"}`.slice(0, 500);
    rejected.push({ id, reason: "invalid", message, index, field });
  });
  return { valid, rejected };
}

/** Whether a claim by someone else holds at `now` (server time). */
export function claimHolds(claim: z.infer<typeof ClaimData>, now: number): boolean {
  return claim.state === "answered" || (claim.state === "answering" && claim.expiresAt > now);
}
