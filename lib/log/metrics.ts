/**
 * The manager's figures over a set of log entries: first-response times (median, 90th percentile) from the post's
 * publication and from its detection, the share answered within the team's target, the answer rate, each broken
 * down per agent, site, category, severity and day; and how the tool is used (suggestions sent as they were or
 * edited, linter overrides, complaints dismissed, escalations).
 *
 * Definitions:
 * - A post's first response is its reply log entry with the earliest response moment (posted, or else inserted).
 * - Within target: that moment minus the publication (the detection when the post had no date) is at most the target.
 * - Detected posts: the complaints table's rows plus the posts of the log's entries (one per `site:postId`);
 *   answered posts: those with an entry. Answer rate = answered / detected, per group by the post's site, category,
 *   severity and day of detection (not per agent: a complaint nobody answered belongs to no agent).
 */
import { type JudgedPrecision, judgedPrecision } from "../db/repo";
import type { ComplaintRecord, DetectorFeedback, ReplyLogEntry } from "../schemas";

export type ComplaintLite = Pick<ComplaintRecord, "key" | "site" | "detection" | "detectedAt" | "status" | "post">;

export interface MetricsInput {
  entries: readonly ReplyLogEntry[];
  complaints: readonly ComplaintLite[];
  feedback: readonly DetectorFeedback[];
  targetMinutes: number;
  /** The calendar day of an instant, as YYYY-MM-DD (default: the local time zone). */
  dayOf?: (ms: number) => string;
}

export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface GroupStats {
  key: string;
  /** Log entries in the group. */
  replies: number;
  /** First responses in the group (posts answered). */
  firstResponses: number;
  fromPublication: Spread;
  fromDetection: Spread;
  /** Share of first responses within the target, null without any. */
  withinTarget: number | null;
  /** Posts detected in the group, null where it means nothing (per agent). */
  detected: number | null;
  answerRate: number | null;
}

export interface Usage {
  asSuggested: number;
  edited: number;
  scratch: number;
  /** Entries inserted over blocking linter warnings. */
  overridden: number;
  overrideRules: Array<{ rule: string; count: number }>;
}

export interface Histogram {
  /** Bucket lower bounds in minutes; the last bucket has no upper bound. */
  edges: readonly number[];
  counts: number[];
}

export interface LogMetrics {
  targetMs: number;
  replies: number;
  posted: number;
  detected: number;
  answered: number;
  answerRate: number | null;
  fromPublication: Spread;
  fromDetection: Spread;
  withinTarget: number | null;
  usage: Usage;
  /** Posts the agents dismissed as "not a complaint". */
  dismissed: number;
  /** Complaints escalated to a lead, communications or legal. */
  escalated: number;
  precision: JudgedPrecision;
  byAgent: GroupStats[];
  bySite: GroupStats[];
  byCategory: GroupStats[];
  bySeverity: GroupStats[];
  /** Oldest day first. */
  byDay: GroupStats[];
  histogram: Histogram;
}

/** Response-time buckets of the distribution chart, in minutes. */
export const HISTOGRAM_EDGES = [0, 5, 10, 15, 30, 45, 60, 90, 120, 240, 480, 1440] as const;

/** Linear interpolation between closest ranks (Excel's PERCENTILE.INC): p = 0.5 is the usual median. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

/** YYYY-MM-DD in the local time zone, cached per hour (time zones change on hour boundaries). */
export function localDay(): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let day = cache.get(hour);
    if (day === undefined) {
      const d = new Date(ms);
      day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      cache.set(hour, day);
    }
    return day;
  };
}

class Group {
  replies = 0;
  pub: number[] = [];
  det: number[] = [];
  within = 0;
  first = 0;
  detected = 0;
  answered = 0;
}

function groupOf(map: Map<string, Group>, key: string): Group {
  let g = map.get(key);
  if (!g) {
    g = new Group();
    map.set(key, g);
  }
  return g;
}

function finish(map: Map<string, Group>, withAnswerRate: boolean): GroupStats[] {
  return [...map].map(([key, g]) => ({
    key,
    replies: g.replies,
    firstResponses: g.first,
    fromPublication: spread(g.pub),
    fromDetection: spread(g.det),
    withinTarget: g.first === 0 ? null : g.within / g.first,
    detected: withAnswerRate ? g.detected : null,
    answerRate: withAnswerRate && g.detected > 0 ? g.answered / g.detected : null,
  }));
}

const respondedAt = (e: ReplyLogEntry) => e.postedAt ?? e.insertedAt;

export function computeMetrics(input: MetricsInput): LogMetrics {
  const { entries, complaints, feedback } = input;
  const targetMs = input.targetMinutes * 60_000;
  const dayOf = input.dayOf ?? localDay();
  const byAgent = new Map<string, Group>();
  const bySite = new Map<string, Group>();
  const byCategory = new Map<string, Group>();
  const bySeverity = new Map<string, Group>();
  const byDay = new Map<string, Group>();
  const usage: Usage = { asSuggested: 0, edited: 0, scratch: 0, overridden: 0, overrideRules: [] };
  const rules = new Map<string, number>();

  // Each post's first response, and the per-entry counts.
  const first = new Map<string, ReplyLogEntry>();
  let posted = 0;
  for (const e of entries) {
    const key = `${e.site}:${e.postId}`;
    const held = first.get(key);
    if (!held || respondedAt(e) < respondedAt(held)) first.set(key, e);
    if (e.postedAt !== null) posted++;
    if (e.suggestion === null) usage.scratch++;
    else if (e.edited) usage.edited++;
    else usage.asSuggested++;
    if (e.lintOverride && e.lintOverride.length > 0) {
      usage.overridden++;
      for (const r of e.lintOverride) rules.set(r, (rules.get(r) ?? 0) + 1);
    }
    groupOf(byAgent, e.agent).replies++;
    groupOf(bySite, e.site).replies++;
    groupOf(byCategory, e.detection.category).replies++;
    groupOf(bySeverity, String(e.detection.severity)).replies++;
    groupOf(byDay, dayOf(e.insertedAt)).replies++;
  }
  usage.overrideRules = [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count);

  const pub: number[] = [];
  const det: number[] = [];
  let within = 0;
  const histogram: Histogram = { edges: HISTOGRAM_EDGES, counts: HISTOGRAM_EDGES.map(() => 0) };
  for (const e of first.values()) {
    const at = respondedAt(e);
    const fromPub = e.publishedAt === null ? null : Math.max(0, at - e.publishedAt);
    const fromDet = Math.max(0, at - e.detectedAt);
    const ok = (fromPub ?? fromDet) <= targetMs;
    const groups = [
      groupOf(byAgent, e.agent),
      groupOf(bySite, e.site),
      groupOf(byCategory, e.detection.category),
      groupOf(bySeverity, String(e.detection.severity)),
      groupOf(byDay, dayOf(at)),
    ];
    for (const g of groups) {
      g.first++;
      if (fromPub !== null) g.pub.push(fromPub);
      g.det.push(fromDet);
      if (ok) g.within++;
    }
    if (fromPub !== null) pub.push(fromPub);
    det.push(fromDet);
    if (ok) within++;
    const minutes = (fromPub ?? fromDet) / 60_000;
    let b = HISTOGRAM_EDGES.length - 1;
    while (b > 0 && minutes < (HISTOGRAM_EDGES[b] as number)) b--;
    histogram.counts[b] = (histogram.counts[b] ?? 0) + 1;
  }

  // Detected posts: the complaints' and the entries' (a post counts once), with the group they fall in.
  const detected = new Map<string, { site: string; category: string; severity: string; day: string }>();
  for (const c of complaints) {
    detected.set(c.key, {
      site: c.site,
      category: c.detection.category,
      severity: String(c.detection.severity),
      day: dayOf(c.detectedAt),
    });
  }
  for (const [key, e] of first) {
    if (detected.has(key)) continue;
    detected.set(key, {
      site: e.site,
      category: e.detection.category,
      severity: String(e.detection.severity),
      day: dayOf(e.detectedAt),
    });
  }
  for (const [key, d] of detected) {
    const answered = first.has(key);
    for (const g of [
      groupOf(bySite, d.site),
      groupOf(byCategory, d.category),
      groupOf(bySeverity, d.severity),
      groupOf(byDay, d.day),
    ]) {
      g.detected++;
      if (answered) g.answered++;
    }
  }

  const dismissedKeys = new Set<string>();
  for (const f of feedback) if (f.verdict === "not-complaint") dismissedKeys.add(f.key);
  for (const c of complaints) if (c.status === "dismissed") dismissedKeys.add(c.key);
  let escalated = 0;
  for (const c of complaints) if (c.status === "escalated") escalated++;

  const bySeverityList = finish(bySeverity, true).sort((a, b) => Number(b.key) - Number(a.key));
  const byKey = (a: GroupStats, b: GroupStats) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const byVolume = (a: GroupStats, b: GroupStats) => b.replies - a.replies || byKey(a, b);
  return {
    targetMs,
    replies: entries.length,
    posted,
    detected: detected.size,
    answered: first.size,
    answerRate: detected.size === 0 ? null : first.size / detected.size,
    fromPublication: spread(pub),
    fromDetection: spread(det),
    withinTarget: first.size === 0 ? null : within / first.size,
    usage,
    dismissed: dismissedKeys.size,
    escalated,
    precision: judgedPrecision(entries, feedback),
    byAgent: finish(byAgent, false).sort(byVolume),
    bySite: finish(bySite, true).sort(byVolume),
    byCategory: finish(byCategory, true).sort(byVolume),
    bySeverity: bySeverityList,
    byDay: finish(byDay, true).sort(byKey),
    histogram,
  };
}
