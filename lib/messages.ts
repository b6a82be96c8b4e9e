/**
 * Typed messages, one protocol per receiver, named by direction. Every receiver parses what it gets with Zod
 * before using it: a content script lives in a page we do not control.
 */
import { z } from "zod";
import { Detection, PostSnapshot, Suggestion } from "./schemas";

const Key = z.string().min(3).max(80);

/** Content script → background. */
export const ToBackgroundFromContent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("complaints/seen"),
    items: z.array(z.object({ post: PostSnapshot, detection: Detection })).max(500),
    /** Posts of the page that are not complaints: only their count matters (health, action badge). */
    scanned: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal("panel/open"), key: Key }),
  z.object({
    type: z.literal("reply/outcome"),
    logId: z.string().min(1).max(64),
    outcome: z.enum(["posted", "cancelled", "timeout"]),
    at: z.number().int(),
  }),
]);
export type ToBackgroundFromContent = z.infer<typeof ToBackgroundFromContent>;

/** Extension pages (side panel, log, options) → background. */
export const ToBackgroundFromPage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("reply/insert"),
    tabId: z.number().int(),
    key: Key,
    text: z.string().min(1).max(5_000),
    suggestion: Suggestion.nullable(),
  }),
  z.object({ type: z.literal("complaint/dismiss"), key: Key }),
  z.object({ type: z.literal("panel/select"), tabId: z.number().int(), key: Key.nullable() }),
]);
export type ToBackgroundFromPage = z.infer<typeof ToBackgroundFromPage>;

export const ToBackground = z.discriminatedUnion("type", [
  ...ToBackgroundFromContent.options,
  ...ToBackgroundFromPage.options,
]);
export type ToBackground = z.infer<typeof ToBackground>;

/** Background → content script. */
export const ToContent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("composer/insert"),
    postId: z.string().min(1).max(64),
    text: z.string().min(1).max(5_000),
    logId: z.string().min(1).max(64),
  }),
  z.object({ type: z.literal("post/reveal"), postId: z.string().min(1).max(64) }),
]);
export type ToContent = z.infer<typeof ToContent>;

export const InsertResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), method: z.string().max(40) }),
  z.object({ ok: z.literal(false), error: z.string().max(500) }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

export const ReplyInsertResponse = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), logId: z.string(), method: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ReplyInsertResponse = z.infer<typeof ReplyInsertResponse>;

/** Parses or explains: the error names the field and the problem, for logs and tests. */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  raw: unknown,
): { ok: true; value: T } | { ok: false; error: string } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  return { ok: false, error: first ? `${first.path.join(".") || "message"}: ${first.message}` : "invalid message" };
}

export function complaintKey(site: string, postId: string): string {
  return `${site}:${postId}`;
}
