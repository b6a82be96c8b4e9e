import { useState } from "preact/hooks";
import { categoryName, formatAge, formatCount, severityName, t, tf, type UiLang } from "@/lib/i18n";
import { DEFAULT_TARGET_MINUTES, filterQueue, STATUS_FILTERS, type StatusFilter, urgency } from "@/lib/rank";
import type { ComplaintRecord } from "@/lib/schemas";

/** The SLA clock: the post's age, amber from 80% of the team's target, red past it. */
export function UrgencyChip({
  complaint,
  now,
  lang,
  targetMinutes = DEFAULT_TARGET_MINUTES,
}: {
  complaint: ComplaintRecord;
  now: number;
  lang: UiLang;
  targetMinutes?: number;
}) {
  const u = urgency(complaint, now, targetMinutes);
  const age = formatAge(u.ageMinutes * 60_000, lang);
  const left = Math.round(targetMinutes - u.ageMinutes);
  const title = u.level === "late" ? t(lang, "late") : tf(lang, "targetLeft", { minutes: left, target: targetMinutes });
  return (
    <span class={`chip ${u.level}`} title={title} data-level={u.level}>
      ⏱ {age}
    </span>
  );
}

export function ComplaintQueue({
  complaints: all,
  lang,
  now,
  onSelect,
  targetMinutes = DEFAULT_TARGET_MINUTES,
  claimedBy,
}: {
  /** Every complaint of the tab, ranked; the filters pick what shows. */
  complaints: ComplaintRecord[];
  lang: UiLang;
  now: number;
  onSelect: (key: string) => void;
  targetMinutes?: number;
  /** Colleagues holding posts (team sync), by complaint key. */
  claimedBy?: ReadonlyMap<string, { agent: string }>;
}) {
  const [status, setStatus] = useState<StatusFilter>("open");
  const [site, setSite] = useState("");
  const sites = [...new Set(all.map((c) => c.site))].sort();
  const complaints = filterQueue(all, status, site);
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title" class="section-title">
        {t(lang, "queueTitle")} <span class="count">{complaints.length}</span>
      </h1>
      <fieldset class="filters" aria-label={t(lang, "filters")}>
        {Object.keys(STATUS_FILTERS).map((f) => (
          <button
            type="button"
            key={f}
            class={`filter${f === status ? " on" : ""}`}
            aria-pressed={f === status}
            data-filter={f}
            onClick={() => setStatus(f as StatusFilter)}
          >
            {t(lang, `filter_${f}` as "filter_open")}
          </button>
        ))}
        {sites.length > 1 ? (
          <select
            aria-label={t(lang, "filterSite")}
            value={site}
            onChange={(e) => setSite((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t(lang, "allSites")}</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        ) : null}
      </fieldset>
      <p class="keys-hint muted">{t(lang, "keysHint")}</p>
      {complaints.length === 0 ? (
        <p class="empty">{t(lang, "queueEmpty")}</p>
      ) : (
        <ul class="queue">
          {complaints.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                class="queue-item"
                data-key={c.key}
                data-testid="queue-item"
                onClick={() => onSelect(c.key)}
              >
                <span class="queue-top">
                  <span class={`sev sev-${c.detection.severity}`} aria-hidden="true" />
                  <span class="who">
                    <strong>{c.post.name || c.post.author}</strong> <span class="muted">@{c.post.author}</span>
                  </span>
                  <UrgencyChip complaint={c} now={now} lang={lang} targetMinutes={targetMinutes} />
                </span>
                <span class="queue-text">{c.post.text}</span>
                <span class="queue-meta muted">
                  {severityName(lang, c.detection.severity)} · {categoryName(lang, c.detection.category)}
                  {c.post.metrics.likes !== null ? ` · ♥ ${formatCount(c.post.metrics.likes, lang)}` : ""}
                  {c.status !== "new" ? ` · ${t(lang, `status_${c.status}`)}` : ""}
                </span>
                {claimedBy?.get(c.key) ? (
                  <span class="queue-claim">
                    {tf(lang, "badgeAnswering", { agent: claimedBy.get(c.key)?.agent || "—" })}
                  </span>
                ) : null}
                {c.brandReply ? (
                  <span class="queue-claim answered" data-testid="brand-answered">
                    {tf(lang, "brandAnsweredShort", { handle: c.brandReply.by })}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
