/**
 * Typed messages, one protocol per receiver, named by direction. Every receiver parses what it gets with Zod
 * before using it: a content script lives in a page we do not control.
 *
 * The one exception is the content script itself, which loads in every page of every supported site and carries
 * no Zod: ./content-messages.ts checks what it receives (ToContent, ClassifyResult) with plain functions that
 * follow these schemas, tested side by side with them.
 */
import * as z from "zod/mini";
import { CLASSIFY_BATCH } from "./content-messages";
import { ComplaintStatus, Detection, HealthReport, PostSnapshot, ReplyLogEntry, SiteId, Suggestion } from "./schemas";

export const PostId = z.string().check(z.minLength(1), z.maxLength(64));
export const LogId = PostId;
export const ReplyText = z.string().check(z.minLength(1), z.maxLength(5_000));

/** Background → content script. */
export const ToContent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("composer/insert"),
    postId: PostId,
    text: ReplyText,
    logId: LogId,
  }),
  z.object({ type: z.literal("post/reveal"), postId: PostId }),
  /** From the page's context menu: the post under the last right-click is a complaint the detector missed. */
  z.object({ type: z.literal("post/mark-missed") }),
  /** Colleagues' claims on posts of this tab, so their badges say "a colleague is answering". */
  z.object({
    type: z.literal("claims/update"),
    claims: z
      .array(
        z.object({
          postId: PostId,
          agent: z.string().check(z.maxLength(100)),
          state: z.enum(["answering", "answered"]),
        }),
      )
      .check(z.maxLength(1_000)),
  }),
]);
export type ToContent = z.infer<typeof ToContent>;

export const InsertResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), method: z.string().check(z.maxLength(40)) }),
  z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(500)) }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

/** The background's answer to `posts/classify`: one verdict per post, in order. */
export const ClassifyResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), detections: z.array(Detection).check(z.maxLength(CLASSIFY_BATCH)) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ClassifyResult = z.infer<typeof ClassifyResult>;

/** Parses or explains: the error names the field and the problem, for logs and tests. */
export function parseMessage<T>(
  schema: z.ZodMiniType<T>,
  raw: unknown,
): { ok: true; value: T } | { ok: false; error: string } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  return { ok: false, error: first ? `${first.path.join(".") || "message"}: ${first.message}` : "invalid message" };
}

const Handle = z.string().check(z.minLength(1), z.maxLength(100));
const Key = z.string().check(z.minLength(3), z.maxLength(80));
const ReviewMark = z.nullable(z.enum(["good", "coaching"]));
const ReviewComment = z.string().check(z.maxLength(2_000));
/** At most this many entries (and reviews) per `log/import` message: an export is sent in batches. */
export const IMPORT_BATCH = 1_000;

/** Content script → background. */
const FROM_CONTENT = [
  z.object({
    type: z.literal("complaints/seen"),
    items: z.array(z.object({ post: PostSnapshot, detection: Detection })).check(z.maxLength(500)),
    /** Posts of the page that are not complaints: only their count matters (health, action badge). */
    scanned: z.int().check(z.nonnegative()),
    /** The adapter health check (lib/content/health.ts): null once the adapter reads the page again. */
    health: z.optional(z.nullable(HealthReport)),
    /**
     * Complaints of the page a brand handle already answered in the thread (lib/content/answered.ts), sent when
     * that set changes; recorded after `items`, so a complaint and its answer can come in one message.
     */
    answered: z.optional(
      z.object({
        site: SiteId,
        items: z.array(z.object({ postId: PostId, by: Handle, replyId: PostId })).check(z.maxLength(500)),
      }),
    ),
  }),
  /** Posts read near the agent's viewport, for the background's detector (lib/detect/service.ts) to judge. */
  z.object({ type: z.literal("posts/classify"), items: z.array(PostSnapshot).check(z.maxLength(CLASSIFY_BATCH)) }),
  z.object({ type: z.literal("panel/open"), key: Key }),
  /** The agent marked a post the detector let through ("missed complaint"). */
  z.object({ type: z.literal("complaints/missed"), post: PostSnapshot, detection: Detection }),
  z.object({
    type: z.literal("reply/outcome"),
    logId: LogId,
    outcome: z.enum(["posted", "cancelled", "timeout"]),
    at: z.int(),
  }),
] as const;
export const ToBackgroundFromContent = z.discriminatedUnion("type", [...FROM_CONTENT]);
export type ToBackgroundFromContent = z.infer<typeof ToBackgroundFromContent>;

/** Extension pages (side panel, log, options) → background. */
const FROM_PAGE = [
  z.object({
    type: z.literal("reply/insert"),
    tabId: z.int(),
    key: Key,
    text: ReplyText,
    suggestion: z.nullable(Suggestion),
    /** Blocking linter rules the agent chose to override for this reply: kept in the log. */
    lintOverride: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
  }),
  z.object({ type: z.literal("complaint/dismiss"), key: Key }),
  /** One-click status actions in the side panel; escalations carry who to and a note. */
  z.object({
    type: z.literal("complaint/status"),
    key: Key,
    status: ComplaintStatus,
    note: z.optional(z.string().check(z.maxLength(2_000))),
  }),
  z.object({ type: z.literal("panel/select"), tabId: z.int(), key: z.nullable(Key) }),
  /** Options → Your data → Delete all local data. */
  z.object({ type: z.literal("data/wipe") }),
  /** "Sync now" in the side panel or options, and "Connect" after the endpoint or token changed. */
  z.object({ type: z.literal("sync/now"), reset: z.optional(z.boolean()) }),
  /** The log page (manager's desk): a mark on a reply (`mark: null` clears it), synced as a `review` change. */
  z.object({ type: z.literal("review/mark"), replyId: LogId, mark: ReviewMark, comment: ReviewComment }),
  /** One batch of a JSON export being imported: merged by id, not queued for the team. */
  z.object({
    type: z.literal("log/import"),
    entries: z.array(ReplyLogEntry).check(z.maxLength(IMPORT_BATCH)),
    reviews: z
      .array(
        z.object({
          replyId: LogId,
          mark: ReviewMark,
          comment: ReviewComment,
          reviewer: z.string().check(z.maxLength(100)),
          at: z.int(),
        }),
      )
      .check(z.maxLength(IMPORT_BATCH)),
  }),
  /** Retention: delete the log entries inserted before `before` (epoch ms). */
  z.object({ type: z.literal("log/purge"), before: z.int() }),
] as const;
export const ToBackgroundFromPage = z.discriminatedUnion("type", [...FROM_PAGE]);
export type ToBackgroundFromPage = z.infer<typeof ToBackgroundFromPage>;

/** Every content-script message type, listed once: a missing or extra one is a type error. */
const CONTENT_TYPES: Record<ToBackgroundFromContent["type"], true> = {
  "complaints/seen": true,
  "complaints/missed": true,
  "posts/classify": true,
  "panel/open": true,
  "reply/outcome": true,
};

export function isFromContent(msg: { type: string }): msg is ToBackgroundFromContent {
  return Object.hasOwn(CONTENT_TYPES, msg.type);
}

export { CLASSIFY_BATCH, complaintKey } from "./content-messages";

export const ToBackground = z.discriminatedUnion("type", [...FROM_CONTENT, ...FROM_PAGE]);
export type ToBackground = z.infer<typeof ToBackground>;

export const ReplyInsertResponse = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), logId: z.string(), method: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ReplyInsertResponse = z.infer<typeof ReplyInsertResponse>;

export const PANEL_COMMANDS = ["next-complaint", "insert-1", "insert-2", "insert-3"] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

/** Background → extension pages (the side panel): a keyboard command the browser delivered. */
export const ToPage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("panel/command"), command: z.enum(PANEL_COMMANDS) }),
]);
export type ToPage = z.infer<typeof ToPage>;
