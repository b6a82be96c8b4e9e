/**
 * The log's data: import a JSON export (merged by id, in batches through the background), retention (a preview of
 * what a purge deletes, then the purge), and the integrity chain's report.
 */
import { useMemo, useState } from "preact/hooks";
import type { ReviewRow } from "@/lib/db";
import { formatDateTime, t, tf, type UiLang } from "@/lib/i18n";
import type { ChainReport } from "@/lib/log/chain";
import { importBatches, parseExport } from "@/lib/log/io";
import { purgePreview } from "@/lib/log/retention";
import { IMPORT_BATCH } from "@/lib/messages";
import type { ReplyLogEntry, Settings } from "@/lib/schemas";
import { saveSettings } from "@/lib/settings";
import { formatInt, send } from "./page-io";

type ImportState =
  | { kind: "idle" }
  | { kind: "busy"; done: number; total: number }
  | { kind: "done"; added: number; skipped: number; reviews: number }
  | { kind: "failed"; error: string };

function ImportSection({ lang }: { lang: UiLang }) {
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const run = async (file: File) => {
    const parsed = parseExport(await file.text());
    if (!parsed.ok) {
      setState({ kind: "failed", error: parsed.error });
      return;
    }
    const batches = importBatches(parsed.entries, parsed.reviews, IMPORT_BATCH);
    const total = { added: 0, skipped: 0, reviews: 0 };
    let done = 0;
    setState({ kind: "busy", done, total: parsed.entries.length });
    for (const batch of batches) {
      const res = await send<{ ok: boolean; error?: string } & typeof total>({ type: "log/import", ...batch });
      if (!res?.ok) {
        setState({ kind: "failed", error: res?.error ?? "?" });
        return;
      }
      total.added += res.added;
      total.skipped += res.skipped;
      total.reviews += res.reviews;
      done += batch.entries.length;
      setState({ kind: "busy", done, total: parsed.entries.length });
    }
    setState({ kind: "done", ...total });
  };
  const n = (v: number) => formatInt(v, lang);
  return (
    <section class="card data-card">
      <h2>{t(lang, "importTitle")}</h2>
      <p class="muted small">{t(lang, "importHelp")}</p>
      <label class="file">
        <span>{t(lang, "importChoose")}</span>
        <input
          type="file"
          name="import"
          accept="application/json,.json"
          disabled={state.kind === "busy"}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void run(file).finally(() => (input.value = ""));
          }}
        />
      </label>
      <p role="status" data-testid="import-status" class={state.kind === "failed" ? "chain-bad" : ""}>
        {state.kind === "busy" && tf(lang, "importing", { done: n(state.done), total: n(state.total) })}
        {state.kind === "done" &&
          tf(lang, "importDone", { added: n(state.added), skipped: n(state.skipped), reviews: n(state.reviews) })}
        {state.kind === "failed" && tf(lang, "importFailed", { error: state.error })}
      </p>
    </section>
  );
}

function RetentionSection({
  entries,
  reviews,
  settings,
  lang,
}: {
  entries: readonly ReplyLogEntry[];
  reviews: ReadonlyMap<string, ReviewRow>;
  settings: Settings;
  lang: UiLang;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const days = draft === null ? settings.retentionDays : Number(draft);
  const valid = Number.isInteger(days) && days >= 0 && days <= 36_500;
  // The preview is taken at one instant, and the purge deletes exactly what it showed (before that cutoff).
  const [now, setNow] = useState(() => Date.now());
  const preview = useMemo(
    () => (valid ? purgePreview(entries, reviews, now, days) : null),
    [entries, reviews, now, days, valid],
  );
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const n = (v: number) => formatInt(v, lang);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!valid) return;
    await saveSettings({ ...settings, retentionDays: days });
    setDraft(null);
    setStatus(t(lang, "saved"));
  };
  const purge = async () => {
    if (!preview || preview.cutoff === null) return;
    const res = await send<{ ok: boolean; deleted: number }>({ type: "log/purge", before: preview.cutoff });
    setConfirming(false);
    setNow(Date.now());
    setStatus(res.ok ? tf(lang, "purgeDone", { count: n(res.deleted) }) : t(lang, "reviewFailed"));
  };

  return (
    <section class="card data-card" data-testid="retention">
      <h2>{t(lang, "retentionTitle")}</h2>
      <p class="muted small">{t(lang, "retentionAuto")}</p>
      <form class="inline-form" onSubmit={(e) => void save(e)}>
        <label for="retention-days">{t(lang, "retentionDays")}</label>
        <div class="row">
          <input
            id="retention-days"
            type="number"
            name="retentionDays"
            min={0}
            max={36_500}
            step={1}
            value={draft ?? String(settings.retentionDays)}
            onInput={(e) => {
              setDraft((e.target as HTMLInputElement).value);
              setConfirming(false);
              setNow(Date.now());
            }}
          />
          <button type="submit" disabled={!valid || draft === null}>
            {t(lang, "save")}
          </button>
        </div>
      </form>
      {preview &&
        (preview.cutoff === null ? (
          <p class="muted">{t(lang, "retentionForever")}</p>
        ) : preview.count === 0 ? (
          <p class="muted" data-testid="retention-preview">
            {tf(lang, "retentionNothing", { days })}
          </p>
        ) : (
          <div data-testid="retention-preview">
            <p>
              {tf(lang, "retentionPreview", {
                count: n(preview.count),
                date: formatDateTime(preview.cutoff, lang),
                reviews: n(preview.reviews),
                kept: n(preview.kept),
              })}
            </p>
            <p class="muted small">
              {tf(lang, "retentionRange", {
                oldest: formatDateTime(preview.oldest ?? 0, lang),
                newest: formatDateTime(preview.newest ?? 0, lang),
              })}{" "}
              · {preview.byAgent.map((a) => `${a.agent} ${n(a.count)}`).join(" · ")}
            </p>
            {confirming ? (
              <p class="confirm">
                <button type="button" class="danger" onClick={() => void purge()}>
                  {tf(lang, "purgeConfirm", { count: n(preview.count) })}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t(lang, "cancel")}
                </button>
              </p>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                {tf(lang, "purge", { count: n(preview.count) })}
              </button>
            )}
          </div>
        ))}
      <p role="status" class="muted small">
        {status}
      </p>
    </section>
  );
}

function IntegritySection({
  report,
  progress,
  entries,
  lang,
  onShow,
}: {
  report: ChainReport | null;
  progress: number;
  entries: readonly ReplyLogEntry[];
  lang: UiLang;
  onShow: (id: string) => void;
}) {
  const byId = useMemo(() => {
    if (!report || report.issues.length === 0) return new Map<string, ReplyLogEntry>();
    const wanted = new Set(report.issues.map((i) => i.id));
    return new Map(entries.filter((e) => wanted.has(e.id)).map((e) => [e.id, e]));
  }, [report, entries]);
  const n = (v: number) => formatInt(v, lang);
  return (
    <section class="card data-card" data-testid="integrity">
      <h2>{t(lang, "integrityTitle")}</h2>
      <p class="muted small">{t(lang, "integrityHelp")}</p>
      {!report ? (
        <p>{tf(lang, "chainVerifying", { pct: `${Math.round(progress * 100)}%` })}</p>
      ) : (
        <>
          <p class={report.ok ? "chain-ok" : "chain-bad"}>
            {report.ok
              ? tf(lang, "integrityOk", { checked: n(report.checked), agents: n(report.agents) })
              : tf(lang, "chainBroken", { n: n(report.issues.length) })}
          </p>
          {report.unsealed > 0 && <p class="muted small">{tf(lang, "integrityUnsealed", { n: n(report.unsealed) })}</p>}
          {report.truncated.length > 0 && (
            <p class="muted small">{tf(lang, "integrityTruncated", { agents: report.truncated.join(", ") })}</p>
          )}
          {report.issues.length > 0 && (
            <ul class="issues" data-testid="chain-issues">
              {report.issues.slice(0, 200).map((i) => {
                const e = byId.get(i.id);
                return (
                  <li key={`${i.kind}:${i.id}`} data-kind={i.kind} data-id={i.id}>
                    <span class="chain-bad">⚠ {t(lang, `chain_${i.kind}`)}</span>{" "}
                    <span class="muted">
                      {i.agent} · {e ? formatDateTime(e.insertedAt, lang) : i.id}
                    </span>{" "}
                    <button type="button" class="link" onClick={() => onShow(i.id)}>
                      {t(lang, "showEntry")}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function LogDataView({
  entries,
  reviews,
  settings,
  report,
  progress,
  lang,
  onShow,
}: {
  entries: readonly ReplyLogEntry[];
  reviews: ReadonlyMap<string, ReviewRow>;
  settings: Settings;
  report: ChainReport | null;
  progress: number;
  lang: UiLang;
  onShow: (id: string) => void;
}) {
  return (
    <div class="data-view">
      <IntegritySection report={report} progress={progress} entries={entries} lang={lang} onShow={onShow} />
      <ImportSection lang={lang} />
      <RetentionSection entries={entries} reviews={reviews} settings={settings} lang={lang} />
    </div>
  );
}
