/**
 * The messages a content script receives, its insertion result, the message parser and the complaint key: the
 * part of lib/messages.ts a content script needs, kept apart so its bundle holds only these few Zod schemas.
 */
import * as z from "zod/mini";
import { Detection } from "./schemas";

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

/** At most this many posts per `posts/classify` message. */
export const CLASSIFY_BATCH = 200;

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

export function complaintKey(site: string, postId: string): string {
  return `${site}:${postId}`;
}
