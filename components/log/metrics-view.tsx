/**
 * The manager's figures for the entries in view: response times, the target, the answer rate, how the tool is
 * used, a breakdown per agent, site, category, severity or day, and the charts (loaded on first display).
 */
import type { ComponentType } from "preact";
import { useEffect, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { categoryName, formatDuration, type MessageKey, percent, severityName, t, tf, type UiLang } from "@/lib/i18n";
import { type ComplaintLite, computeMetrics, type GroupStats, type LogMetrics } from "@/lib/log/metrics";
import type { Category, DetectorFeedback, ReplyLogEntry, Severity } from "@/lib/schemas";
import type { Charts as ChartsType } from "./charts";
import { formatInt } from "./page-io";

const DIMENSIONS = ["agent", "site", "category", "severity", "day"] as const;
type Dimension = (typeof DIMENSIONS)[number];
const DIMENSION_LABEL: Record<Dimension, MessageKey> = {
  agent: "dimAgent",
  site: "dimSite",
  category: "dimCategory",
  severity: "dimSeverity",
  day: "dimDay",
};
/** The day breakdown shows the newest days first, this many at most. */
const MAX_DAYS = 400;

const pct = (v: number | null, lang: UiLang) => (v === null ? "—" : percent(v, lang));
const dur = (v: number | null) => (v === null ? "—" : formatDuration(Math.round(v)));

function Card({
  title,
  value,
  detail,
  testId,
  tone,
}: {
  title: string;
  value: string;
  detail?: string;
  testId: string;
  tone?: "ok" | "warn";
}) {
  return (
    <div class={`card metric${tone ? ` ${tone}` : ""}`} data-testid={testId}>
      <div class="metric-title">{title}</div>
      <div class="metric-value">{value}</div>
      {detail && <div class="metric-detail muted">{detail}</div>}
    </div>
  );
}

function groupLabel(dim: Dimension, key: string, lang: UiLang): string {
  if (dim === "category") return categoryName(lang, key as Category);
  if (dim === "severity") return severityName(lang, Number(key) as Severity);
  if (dim === "day") {
    const [y, m, d] = key.split("-").map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium" }).format(
      new Date(y, m - 1, d),
    );
  }
  return key;
}

export function MetricsView({
  entries,
  complaints,
  feedback,
  targetMinutes,
  lang,
  onComputed,
}: {
  entries: readonly ReplyLogEntry[];
  complaints: readonly ComplaintLite[];
  feedback: readonly DetectorFeedback[];
  targetMinutes: number;
  lang: UiLang;
  /** After the figures are in the page (timings). */
  onComputed?: (m: LogMetrics) => void;
}) {
  const m = useMemo(
    () => computeMetrics({ entries, complaints, feedback, targetMinutes }),
    [entries, complaints, feedback, targetMinutes],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: reports each new computation, not each new callback.
  useLayoutEffect(() => onComputed?.(m), [m]);
  const [Charts, setCharts] = useState<ComponentType<Parameters<typeof ChartsType>[0]> | null>(null);
  useEffect(() => {
    void import("./charts").then((mod) => setCharts(() => mod.Charts));
  }, []);
  const [dim, setDim] = useState<Dimension>("agent");
  const groups: GroupStats[] = {
    agent: m.byAgent,
    site: m.bySite,
    category: m.byCategory,
    severity: m.bySeverity,
    day: [...m.byDay].reverse().slice(0, MAX_DAYS),
  }[dim];
  const n = (v: number) => formatInt(v, lang);
  const share = (part: number) => (m.replies === 0 ? "—" : percent(part / m.replies, lang));

  return (
    <div class="metrics" data-testid="metrics">
      <p class="muted small">{tf(lang, "metricsScope", { n: n(m.replies) })}</p>
      <div class="cards">
        <Card
          testId="m-first-pub"
          title={t(lang, "mFirstPub")}
          value={dur(m.fromPublication.median)}
          detail={`${t(lang, "mP90")} ${dur(m.fromPublication.p90)} · ${tf(lang, "mPosts", { n: n(m.fromPublication.count) })}`}
        />
        <Card
          testId="m-first-det"
          title={t(lang, "mFirstDet")}
          value={dur(m.fromDetection.median)}
          detail={`${t(lang, "mP90")} ${dur(m.fromDetection.p90)} · ${tf(lang, "mPosts", { n: n(m.fromDetection.count) })}`}
        />
        <Card
          testId="m-within"
          title={tf(lang, "mWithin", { target: targetMinutes })}
          value={pct(m.withinTarget, lang)}
          tone={m.withinTarget === null ? undefined : m.withinTarget >= 0.8 ? "ok" : "warn"}
          detail={tf(lang, "mPosts", { n: n(m.answered) })}
        />
        <Card
          testId="m-answer-rate"
          title={t(lang, "mAnswerRate")}
          value={pct(m.answerRate, lang)}
          detail={tf(lang, "mAnswerDetail", { answered: n(m.answered), detected: n(m.detected) })}
        />
        <Card
          testId="m-usage"
          title={t(lang, "mUsage")}
          value={share(m.usage.asSuggested)}
          detail={tf(lang, "mUsageDetail", {
            asSuggested: n(m.usage.asSuggested),
            edited: n(m.usage.edited),
            scratch: n(m.usage.scratch),
          })}
        />
        <Card
          testId="m-overrides"
          title={t(lang, "mOverrides")}
          value={n(m.usage.overridden)}
          detail={
            m.usage.overrideRules.length > 0
              ? m.usage.overrideRules
                  .slice(0, 3)
                  .map((r) => `${r.rule} ${n(r.count)}`)
                  .join(" · ")
              : share(m.usage.overridden)
          }
        />
        <Card
          testId="m-dismissed"
          title={t(lang, "dismiss")}
          value={n(m.dismissed)}
          detail={`${t(lang, "mPrecision")} ${pct(m.precision.precision, lang)}`}
        />
        <Card
          testId="m-escalated"
          title={t(lang, "status_escalated")}
          value={n(m.escalated)}
          detail={`${t(lang, "posted")} ${n(m.posted)} / ${n(m.replies)}`}
        />
      </div>

      {Charts ? (
        <Charts histogram={m.histogram} byDay={m.byDay} targetMinutes={targetMinutes} lang={lang} />
      ) : (
        <p class="muted">{t(lang, "chartLoading")}</p>
      )}

      <section class="card breakdown">
        <div class="breakdown-head">
          <h2>{t(lang, "breakdownBy")}</h2>
          <fieldset class="segmented" aria-label={t(lang, "breakdownBy")}>
            {DIMENSIONS.map((d) => (
              <button key={d} type="button" aria-pressed={dim === d} onClick={() => setDim(d)}>
                {t(lang, DIMENSION_LABEL[d])}
              </button>
            ))}
          </fieldset>
        </div>
        <div class="table-wrap">
          <table data-testid="breakdown">
            <thead>
              <tr>
                <th scope="col">{t(lang, DIMENSION_LABEL[dim])}</th>
                <th scope="col" class="num">
                  {t(lang, "colReplies")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "colAnswered")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "colMedianPub")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "colP90Pub")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "colMedianDet")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "colP90Det")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "colWithin")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "mAnswerRate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{groupLabel(dim, g.key, lang)}</th>
                  <td class="num">{n(g.replies)}</td>
                  <td class="num">{n(g.firstResponses)}</td>
                  <td class="num">{dur(g.fromPublication.median)}</td>
                  <td class="num">{dur(g.fromPublication.p90)}</td>
                  <td class="num">{dur(g.fromDetection.median)}</td>
                  <td class="num">{dur(g.fromDetection.p90)}</td>
                  <td class="num">{pct(g.withinTarget, lang)}</td>
                  <td class="num">{pct(g.answerRate, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
