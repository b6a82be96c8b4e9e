/** The reply log: who answered what, how fast, with which reply. Newest first. */
import { getDb } from "@/lib/db";
import { type JudgedPrecision, judgedPrecision } from "@/lib/db/repo";
import { formatDateTime, formatDuration, percent, t, tf, type UiLang } from "@/lib/i18n";
import type { ReplyLogEntry } from "@/lib/schemas";
import { useLiveQuery, useSettings } from "./use-settings";

export function exportJson(entries: ReplyLogEntry[]): void {
  const blob = new Blob([JSON.stringify({ format: "apaise-log", version: 1, entries }, null, 2)], {
    type: "application/json",
  });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `apaise-log-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

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

export function LogPage() {
  const { lang } = useSettings();
  const precision = useLiveQuery<JudgedPrecision | null>(
    async () => {
      const db = getDb();
      return judgedPrecision(await db.replies.toArray(), await db.feedback.toArray());
    },
    [],
    null,
  );
  const entries = useLiveQuery<ReplyLogEntry[]>(
    () => getDb().replies.orderBy("insertedAt").reverse().limit(1000).toArray(),
    [],
    [],
  );
  return (
    <div class="log">
      <header class="log-header">
        <h1>
          <img src="/icon/32.png" alt="" width={22} height={22} /> {t(lang, "logTitle")}
        </h1>
        <span class="muted">
          {entries.length} {t(lang, entries.length === 1 ? "entry" : "entries")}
        </span>
        <span class="spacer" />
        <button type="button" onClick={() => exportJson(entries)} disabled={entries.length === 0}>
          {t(lang, "exportJson")}
        </button>
      </header>
      <PrecisionSummary value={precision} lang={lang} />
      {entries.length === 0 ? (
        <p class="empty">{t(lang, "logEmpty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, "colTime")}</th>
              <th scope="col">{t(lang, "colAgent")}</th>
              <th scope="col">{t(lang, "colPost")}</th>
              <th scope="col">{t(lang, "colReply")}</th>
              <th scope="col">{t(lang, "colResponse")}</th>
              <th scope="col">{t(lang, "colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="log-row" data-post-id={e.postId}>
                <td class="nowrap">{formatDateTime(e.insertedAt, lang)}</td>
                <td>{e.agent}</td>
                <td class="text">
                  <a href={e.postUrl} target="_blank" rel="noreferrer">
                    @{e.author}
                  </a>{" "}
                  <span class={`sev sev-${e.detection.severity}`} aria-hidden="true" />
                  <div class="clip">{e.postText}</div>
                </td>
                <td class="text">
                  <div class="clip reply">{e.finalText}</div>
                  <span class="muted small">{e.edited ? t(lang, "edited") : t(lang, "asSuggested")}</span>
                </td>
                <td class="nowrap">{formatDuration(e.responseMs)}</td>
                <td class="nowrap">
                  {e.postedAt ? (
                    <span class="chip ok">✓ {t(lang, "posted")}</span>
                  ) : (
                    <span class="chip">{t(lang, "notPosted")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
