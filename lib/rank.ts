/**
 * Which complaint to answer first. Most people who complain expect an answer within the hour, so time left
 * before the team's target weighs as much as severity; reach (engagement) decides between equals.
 */
import type { ComplaintRecord, ComplaintStatus } from "./schemas";

export const DEFAULT_TARGET_MINUTES = 60;

export interface Urgency {
  /** Minutes since the post was published (or detected when the page gave no date). */
  ageMinutes: number;
  /** Share of the response-time target already used: 1 = target reached. */
  targetUsed: number;
  /** "ok" before 80% of the target, "warning" from 80%, "late" past it. */
  level: "ok" | "warning" | "late";
}

export function startedAt(c: Pick<ComplaintRecord, "post" | "detectedAt">): number {
  const published = c.post.postedAt ? Date.parse(c.post.postedAt) : Number.NaN;
  return Number.isFinite(published) ? Math.min(published, c.detectedAt) : c.detectedAt;
}

export function urgency(
  c: Pick<ComplaintRecord, "post" | "detectedAt">,
  now: number,
  targetMinutes = DEFAULT_TARGET_MINUTES,
): Urgency {
  const ageMinutes = Math.max(0, (now - startedAt(c)) / 60_000);
  const targetUsed = ageMinutes / targetMinutes;
  const level = targetUsed >= 1 ? "late" : targetUsed >= 0.8 ? "warning" : "ok";
  return { ageMinutes, targetUsed, level };
}

/** Reach as a 0–1 figure: log-scaled engagement, so 10 likes and 10,000 views are comparable. */
export function reach(c: Pick<ComplaintRecord, "post">): number {
  const m = c.post.metrics;
  const weighted = (m.replies ?? 0) * 3 + (m.reposts ?? 0) * 4 + (m.likes ?? 0) + (m.views ?? 0) / 100;
  return Math.min(1, Math.log10(1 + weighted) / 4);
}

/**
 * Priority: higher first. Severity dominates (0–3 → 0–4.5), then the clock: a post still inside its target gets more
 * urgent as the target nears; a post long past it is still urgent but does not bury fresh severe ones.
 */
type Ranked = Pick<ComplaintRecord, "post" | "detectedAt" | "detection"> & Partial<Pick<ComplaintRecord, "brandReply">>;

/** A complaint the brand already answered in its thread still shows, below the unanswered ones of its severity. */
const BRAND_ANSWERED_PENALTY = 4;

export function priority(c: Ranked, now: number, targetMinutes = DEFAULT_TARGET_MINUTES): number {
  const u = urgency(c, now, targetMinutes);
  const clock = u.targetUsed <= 1 ? u.targetUsed : Math.max(0.5, 1 - (u.targetUsed - 1) / 24);
  const answered = c.brandReply ? BRAND_ANSWERED_PENALTY : 0;
  return 1.5 * c.detection.severity + 1.5 * clock + reach(c) + c.detection.score * 0.5 - answered;
}

export function byPriority<T extends Ranked>(
  items: readonly T[],
  now: number,
  targetMinutes = DEFAULT_TARGET_MINUTES,
): T[] {
  return items
    .map((item) => ({ item, p: priority(item, now, targetMinutes) }))
    .sort((a, b) => b.p - a.p)
    .map((x) => x.item);
}

/** The side panel's status filters: what is still to answer first. */
export const STATUS_FILTERS = {
  open: ["new", "in-progress"],
  replied: ["inserted", "posted"],
  escalated: ["escalated"],
  dismissed: ["dismissed"],
  all: null,
} as const satisfies Record<string, readonly ComplaintStatus[] | null>;
export type StatusFilter = keyof typeof STATUS_FILTERS;

/** The complaints a filter shows, in the order given. `site` "" means every site. */
export function filterQueue<T extends Pick<ComplaintRecord, "status" | "site">>(
  complaints: readonly T[],
  status: StatusFilter,
  site: string,
): T[] {
  const statuses: readonly ComplaintStatus[] | null = STATUS_FILTERS[status];
  return complaints.filter(
    (c) => (statuses === null || statuses.includes(c.status)) && (site === "" || c.site === site),
  );
}
