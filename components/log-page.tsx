/**
 * The manager's desk: the reply log (the whole team's with sync) to review, filter, search and mark; its figures
 * and charts; export, import, retention and the integrity chain.
 *
 * Fast at 100,000 entries: the log is read once (one Dexie toArray, live), filtered and sorted as indices
 * (lib/log/query.ts), and only the rows in view are rendered. Everything else waits: the search text is built when
 * the browser is idle, the chain is verified in batches after the first paint, figures and charts when asked for.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { getDb, type ReviewRow } from "@/lib/db";
import { type JudgedPrecision, judgedPrecision } from "@/lib/db/repo";
import { percent, t, tf, type UiLang } from "@/lib/i18n";
import { type ChainIssueKind, type ChainReport, verifyChain } from "@/lib/log/chain";
import { logToCsvParts } from "@/lib/log/csv";
import { exportJson } from "@/lib/log/io";
import type { ComplaintLite } from "@/lib/log/metrics";
import {
  complaintMatches,
  DEFAULT_SORT,
  distinct,
  EMPTY_FILTER,
  type LogFilter,
  LogIndex,
  type LogSort,
  type Mark,
  pickEntries,
} from "@/lib/log/query";
import type { DetectorFeedback, ReplyLogEntry } from "@/lib/schemas";
import { LogDataView } from "./log/data-view";
import { EntryDetail } from "./log/entry-detail";
import { FilterBar } from "./log/filter-bar";
import { LogTable } from "./log/log-table";
import { MetricsView } from "./log/metrics-view";
import { formatInt, saveFile, stamp, timings } from "./log/page-io";
import { useLogEntries } from "./log/use-log-entries";
import { useLiveQuery, useSettings } from "./use-settings";

timings().script = performance.now();

type Tab = "review" | "metrics" | "data";
const TABS: readonly Tab[] = ["review", "metrics", "data"];
const TAB_LABEL = { review: "tabReview", metrics: "tabMetrics", data: "tabData" } as const;
const NO_ROWS = new Uint32Array(0);

function PrecisionSummary({ value, lang }: { value: JudgedPrecision | null; lang: UiLang }) {
  if (!value) return null;
  return (
    <p class="precision" data-testid="precision">
      <strong>{t(lang, "precisionTitle")}:</strong>{" "}
      {value.precision === null ? t(lang, "precisionNone") : percent(value.precision, lang)}{" "}
      <span class="muted">
        ({tf(lang, "precisionDetail", { confirmed: value.confirmed, rejected: value.rejected, missed: value.missed })})
      </span>
    </p>
  );
}

/** The chain verified in the background of the page once the log is in memory, again (incrementally) on changes. */
function useChain(entries: readonly ReplyLogEntry[] | null): {
  report: ChainReport | null;
  progress: number;
  issues: ReadonlyMap<string, ChainIssueKind[]>;
  checking: boolean;
} {
  const [report, setReport] = useState<ChainReport | null>(null);
  const [progress, setProgress] = useState(0);
  const [checking, setChecking] = useState(false);
  const cache = useMemo(() => new WeakMap<ReplyLogEntry, string>(), []);
  useEffect(() => {
    if (!entries) return;
    const abort = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      const start = performance.now();
      verifyChain(entries, {
        signal: abort.signal,
        cache,
        onProgress: (done, total) => setProgress(done / total),
      })
        .then((r) => {
          timings().chain = performance.now() - start;
          setReport(r);
          setChecking(false);
        })
        .catch(() => {});
    }, 300);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [entries, cache]);
  const issues = useMemo(() => {
    const map = new Map<string, ChainIssueKind[]>();
    for (const i of report?.issues ?? []) map.set(i.id, [...(map.get(i.id) ?? []), i.kind]);
    return map;
  }, [report]);
  return { report, progress, issues, checking };
}

export function LogPage() {
  const { settings, lang } = useSettings();
  const { entries, total: counted, complete } = useLogEntries();
  const reviewRows = useLiveQuery<ReviewRow[]>(() => getDb().reviews.toArray(), [], []);
  const feedback = useLiveQuery<DetectorFeedback[] | null>(() => getDb().feedback.toArray(), [], null);
  const [tab, setTab] = useState<Tab>("review");
  const complaints = useLiveQuery<ComplaintLite[] | null>(
    () => (tab === "metrics" ? getDb().complaints.toArray() : Promise.resolve(null)),
    [tab],
    null,
  );

  const reviews = useMemo(() => new Map(reviewRows.map((r) => [r.replyId, r])), [reviewRows]);
  const marks = useMemo(() => new Map<string, Mark | null>(reviewRows.map((r) => [r.replyId, r.mark])), [reviewRows]);
  const index = useMemo(() => (entries ? new LogIndex(entries) : null), [entries]);
  const [filter, setFilterState] = useState<LogFilter>(EMPTY_FILTER);
  const [sort, setSortState] = useState<LogSort>(DEFAULT_SORT);
  const changedAt = useRef<number | null>(null);
  const setFilter = (f: LogFilter) => {
    changedAt.current = performance.now();
    setFilterState(f);
  };
  const setSort = (s: LogSort) => {
    changedAt.current = performance.now();
    setSortState(s);
  };
  const view = useMemo(() => {
    if (!index) return NO_ROWS;
    index.setMarks(marks);
    return index.query(filter, sort);
  }, [index, marks, filter, sort]);

  const [activeId, setActiveId] = useState<string | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const active = useMemo(
    () => (activeId && entries ? (entries.find((e) => e.id === activeId) ?? null) : null),
    [activeId, entries],
  );
  const { report, progress, issues, checking } = useChain(complete ? entries : null);

  // Work the first paint does not need, once the browser is idle.
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!index || !complete) return;
    const id = requestIdleCallback(() => {
      index.prepareSearch();
      setIdle(true);
    });
    return () => cancelIdleCallback(id);
  }, [index, complete]);
  const agents = useMemo(() => (idle && entries ? distinct(entries, (e) => e.agent) : []), [idle, entries]);
  const precision = useMemo(
    () => (idle && entries && feedback ? judgedPrecision(entries, feedback) : null),
    [idle, entries, feedback],
  );

  // Timings for the bench and the tests: the first rows of the full log, then each filter to the table updated.
  const opened = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each new view is in the DOM, on purpose.
  useLayoutEffect(() => {
    if (!entries) return;
    if (!opened.current) {
      opened.current = true;
      Object.assign(timings(), { open: performance.now(), rows: entries.length });
    }
    if (changedAt.current !== null) {
      timings().filter = performance.now() - changedAt.current;
      changedAt.current = null;
    }
  }, [entries, view]);

  const [scope, setScope] = useState<"view" | "all">("view");
  const exported = () => (!entries ? [] : scope === "all" ? entries : pickEntries(entries, view));
  const exportCsv = () => {
    const start = performance.now();
    const parts = logToCsvParts(exported(), reviews);
    saveFile(`apaise-log-${stamp()}.csv`, parts, "text/csv;charset=utf-8");
    Object.assign(timings(), { csv: performance.now() - start, csvBytes: parts.reduce((n, p) => n + p.length, 0) });
  };
  const exportJsonFile = () => {
    saveFile(`apaise-log-${stamp()}.json`, exportJson(exported(), reviewRows, Date.now()), "application/json");
  };

  const metricsAsked = useRef<number | null>(null);
  const openTab = (next: Tab) => {
    if (next === "metrics") metricsAsked.current = performance.now();
    setTab(next);
  };
  const viewEntries = useMemo(
    () => (tab === "metrics" && entries ? pickEntries(entries, view) : []),
    [tab, entries, view],
  );
  const viewComplaints = useMemo(
    () => (complaints ? complaints.filter((c) => complaintMatches(filter, c)) : null),
    [complaints, filter],
  );

  const total = entries?.length ?? 0;
  const loading = !complete && entries !== null && counted !== null && counted > total;
  const n = (v: number) => formatInt(v, lang);
  const chainChip = !complete ? null : !report || checking ? (
    <span class="chip" data-testid="chain-status" data-state="checking">
      {tf(lang, "chainVerifying", { pct: `${Math.round(progress * 100)}%` })}
    </span>
  ) : report.checked === 0 ? (
    <span class="chip" data-testid="chain-status" data-state="empty">
      {t(lang, "chainNone")}
    </span>
  ) : report.ok ? (
    <span class="chip ok" data-testid="chain-status" data-state="ok">
      ✓ {t(lang, "chainOk")}
    </span>
  ) : (
    <button
      type="button"
      class="chip late chain-broken"
      data-testid="chain-status"
      data-state="broken"
      onClick={() => openTab("data")}
    >
      ⚠ {tf(lang, "chainBroken", { n: n(report.issues.length) })}
    </button>
  );

  return (
    <div class="desk">
      <header class="log-header">
        <h1>
          <img src="/icon/32.png" alt="" width={22} height={22} /> {t(lang, "logTitle")}
          <span class="muted subtitle">{t(lang, "deskSubtitle")}</span>
        </h1>
        <span class="muted count" data-testid="log-count" data-complete={complete}>
          {entries ? tf(lang, "logCount", { shown: n(view.length), total: n(total) }) : t(lang, "logLoading")}
        </span>
        {loading && (
          <span class="chip" data-testid="log-loading">
            {tf(lang, "logLoadingMore", { loaded: n(total), total: n(counted ?? 0) })}
          </span>
        )}
        {chainChip}
        <span class="spacer" />
        <label class="scope">
          <span class="visually-hidden">{t(lang, "exportScope")}</span>
          <select
            name="scope"
            value={scope}
            onChange={(e) => setScope((e.target as HTMLSelectElement).value as "view" | "all")}
          >
            <option value="view">{tf(lang, "scopeView", { n: n(view.length) })}</option>
            <option value="all">{tf(lang, "scopeAll", { n: n(total) })}</option>
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={total === 0}>
          {t(lang, "exportCsv")}
        </button>
        <button type="button" onClick={exportJsonFile} disabled={total === 0}>
          {t(lang, "exportJson")}
        </button>
      </header>
      <PrecisionSummary value={precision} lang={lang} />
      <div class="tabs" role="tablist" aria-label={t(lang, "logTitle")}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => openTab(k)}
            onKeyDown={(e) => {
              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (!step) return;
              const next = TABS[(TABS.indexOf(k) + step + TABS.length) % TABS.length] as Tab;
              openTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(lang, TAB_LABEL[k])}
          </button>
        ))}
      </div>

      {tab === "review" && (
        <section class="panel review-panel" role="tabpanel" id="panel-review" aria-labelledby="tab-review">
          <FilterBar filter={filter} onChange={setFilter} agents={agents} lang={lang} />
          {!entries ? (
            <p class="empty">{t(lang, "logLoading")}</p>
          ) : total === 0 ? (
            <p class="empty">{t(lang, "logEmpty")}</p>
          ) : (
            <div class={`review-area${detailOpen && active ? " with-detail" : ""}`}>
              {view.length === 0 ? (
                <p class="empty" data-testid="no-match">
                  {t(lang, "noMatch")}
                </p>
              ) : (
                <LogTable
                  entries={entries}
                  view={view}
                  marks={marks}
                  issues={issues}
                  sort={sort}
                  onSort={setSort}
                  activeId={activeId}
                  onActivate={setActiveId}
                  onOpen={(id) => {
                    setActiveId(id);
                    setDetailOpen(true);
                  }}
                  onClose={() => setDetailOpen(false)}
                  lang={lang}
                />
              )}
              {detailOpen && active && (
                <EntryDetail
                  entry={active}
                  review={reviews.get(active.id)}
                  issues={issues.get(active.id) ?? []}
                  sealed={typeof active.hash === "string"}
                  verified={report !== null}
                  lang={lang}
                  onClose={() => setDetailOpen(false)}
                />
              )}
            </div>
          )}
        </section>
      )}

      {tab === "metrics" && (
        <section class="panel scroll-panel" role="tabpanel" id="panel-metrics" aria-labelledby="tab-metrics">
          <FilterBar filter={filter} onChange={setFilter} agents={agents} lang={lang} />
          {entries && feedback && viewComplaints ? (
            <MetricsView
              entries={viewEntries}
              complaints={viewComplaints}
              feedback={feedback}
              targetMinutes={settings.responseTargetMinutes}
              lang={lang}
              onComputed={() => {
                const from = metricsAsked.current ?? changedAt.current;
                if (from !== null) timings().metrics = performance.now() - from;
                metricsAsked.current = null;
              }}
            />
          ) : (
            <p class="empty">{t(lang, "logLoading")}</p>
          )}
        </section>
      )}

      {tab === "data" && (
        <section class="panel scroll-panel" role="tabpanel" id="panel-data" aria-labelledby="tab-data">
          <LogDataView
            entries={entries ?? []}
            reviews={reviews}
            settings={settings}
            report={report}
            progress={progress}
            lang={lang}
            onShow={(id) => {
              setFilter(EMPTY_FILTER);
              setActiveId(id);
              setDetailOpen(true);
              setTab("review");
            }}
          />
        </section>
      )}
    </div>
  );
}
