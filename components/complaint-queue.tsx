import { categoryName, formatAge, formatCount, severityName, t, type UiLang } from "@/lib/i18n";
import { urgency } from "@/lib/rank";
import type { ComplaintRecord } from "@/lib/schemas";

export function UrgencyChip({ complaint, now, lang }: { complaint: ComplaintRecord; now: number; lang: UiLang }) {
  const u = urgency(complaint, now);
  const age = formatAge(u.ageMinutes * 60_000, lang);
  return (
    <span class={`chip ${u.level}`} title={u.level === "late" ? t(lang, "late") : undefined}>
      ⏱ {age}
    </span>
  );
}

export function ComplaintQueue({
  complaints,
  lang,
  now,
  onSelect,
}: {
  complaints: ComplaintRecord[];
  lang: UiLang;
  now: number;
  onSelect: (key: string) => void;
}) {
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title" class="section-title">
        {t(lang, "queueTitle")} <span class="count">{complaints.length}</span>
      </h1>
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
                  <UrgencyChip complaint={c} now={now} lang={lang} />
                </span>
                <span class="queue-text">{c.post.text}</span>
                <span class="queue-meta muted">
                  {severityName(lang, c.detection.severity)} · {categoryName(lang, c.detection.category)}
                  {c.post.metrics.likes !== null ? ` · ♥ ${formatCount(c.post.metrics.likes, lang)}` : ""}
                  {c.status !== "new" ? ` · ${t(lang, `status_${c.status}` as "status_new")}` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
