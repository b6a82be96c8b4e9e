/**
 * What a content script needs of the message protocol (lib/messages.ts): the messages it receives and the
 * background's verdicts, checked without Zod (lib/post-check.ts says why), the batch size and the complaint key.
 * `readToContent` and `readClassifyResult` follow the rules of ToContent and ClassifyResult in lib/messages.ts;
 * tests/unit/content-checks.test.ts holds them side by side. Only the extension can message a content script.
 */
import type { ClassifyResult, ToContent } from "./messages";
import { checkDetection, checkList, isObject, isText } from "./post-check";

export type { ClassifyResult, InsertResult, ToContent } from "./messages";

/** At most this many posts per `posts/classify` message. */
export const CLASSIFY_BATCH = 200;

const isPostId = (v: unknown): v is string => isText(v, 1, 64);

type Claim = Extract<ToContent, { type: "claims/update" }>["claims"][number];

function claimOf(v: unknown): Claim | null {
  if (!isObject(v)) return null;
  const { postId, agent, state } = v;
  if (!isPostId(postId) || !isText(agent, 0, 100) || (state !== "answering" && state !== "answered")) return null;
  return { postId, agent, state };
}

/** A message to the content script, as ToContent would parse it (a new object), or null when it is not one. */
export function readToContent(raw: unknown): ToContent | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case "composer/insert": {
      const { postId, text, logId } = raw;
      if (!isPostId(postId) || !isText(text, 1, 5_000) || !isPostId(logId)) return null;
      return { type: raw.type, postId, text, logId };
    }
    case "post/reveal":
      return isPostId(raw.postId) ? { type: raw.type, postId: raw.postId } : null;
    case "post/mark-missed":
      return { type: raw.type };
    case "claims/update": {
      const claims = checkList(raw.claims, 1_000, claimOf);
      return claims ? { type: raw.type, claims } : null;
    }
    default:
      return null;
  }
}

/** The background's answer to `posts/classify`, as ClassifyResult would parse it, or null when it is not one. */
export function readClassifyResult(raw: unknown): ClassifyResult | null {
  if (!isObject(raw)) return null;
  if (raw.ok === false) return typeof raw.error === "string" ? { ok: false, error: raw.error } : null;
  const detections = raw.ok === true ? checkList(raw.detections, CLASSIFY_BATCH, checkDetection) : null;
  return detections ? { ok: true, detections } : null;
}

export function complaintKey(site: string, postId: string): string {
  return `${site}:${postId}`;
}
