import { useMemo, useState } from "preact/hooks";
import { categoryName, formatCount, percent, severityName, t, type UiLang } from "@/lib/i18n";
import type { LintWarning } from "@/lib/lint";
import type { ReplyInsertResponse, ToBackgroundFromPage } from "@/lib/messages";
import type { ComplaintRecord, Settings, Suggestion } from "@/lib/schemas";
import { suggest } from "@/lib/suggest";
import { UrgencyChip } from "./complaint-queue";
import { HighlightedText } from "./highlighted-text";
import { SuggestionCard } from "./suggestion-card";

export type InsertState =
  | { kind: "idle" }
  | { kind: "busy"; id: string }
  | { kind: "done"; id: string }
  | { kind: "error"; id: string; error: string };

export function ComplaintDetail({
  complaint,
  tabId,
  settings,
  lang,
  now,
  onBack,
  send,
}: {
  complaint: ComplaintRecord;
  tabId: number;
  settings: Settings;
  lang: UiLang;
  now: number;
  onBack: () => void;
  send: (msg: ToBackgroundFromPage) => Promise<unknown>;
}) {
  const { post, detection } = complaint;
  const suggestions = useMemo(
    () =>
      suggest({
        post,
        detection,
        agentName: settings.agentName,
        signature: settings.signature,
        brand: settings.brandHandles[0],
      }),
    [post, detection, settings.agentName, settings.signature, settings.brandHandles],
  );
  const [state, setState] = useState<InsertState>({ kind: "idle" });

  const insert = async (suggestion: Suggestion, text: string, overridden: LintWarning[]) => {
    setState({ kind: "busy", id: suggestion.id });
    const lintOverride = overridden.map((w) => w.rule);
    const raw = (await send({ type: "reply/insert", tabId, key: complaint.key, text, suggestion, lintOverride }).catch(
      (e: unknown) => ({ ok: false, error: String(e) }),
    )) as ReplyInsertResponse;
    setState(
      raw?.ok ? { kind: "done", id: suggestion.id } : { kind: "error", id: suggestion.id, error: raw?.error ?? "?" },
    );
  };

  const fallback = detection.lang !== "fr" && detection.lang !== "en";
  return (
    <article class="detail" aria-labelledby="detail-title">
      <button type="button" class="link back" onClick={onBack}>
        ← {t(lang, "back")}
      </button>
      <div class="post-card">
        <div class="post-head">
          <span class={`sev sev-${detection.severity}`} aria-hidden="true" />
          <h1 id="detail-title" class="who">
            {post.name || post.author} <span class="muted">@{post.author}</span>
          </h1>
          <UrgencyChip complaint={complaint} now={now} lang={lang} />
        </div>
        <p class="post-text" data-testid="post-text" lang={detection.lang === "und" ? undefined : detection.lang}>
          <HighlightedText text={post.text} reasons={detection.reasons} />
        </p>
        {post.quoted ? <blockquote class="quoted muted">{post.quoted.text}</blockquote> : null}
        <div class="post-meta muted">
          <span>
            {formatCount(post.metrics.replies, lang)} {t(lang, "replies")}
          </span>
          <span>
            {formatCount(post.metrics.reposts, lang)} {t(lang, "reposts")}
          </span>
          <span>
            {formatCount(post.metrics.likes, lang)} {t(lang, "likes")}
          </span>
          <span>
            {formatCount(post.metrics.views, lang)} {t(lang, "views")}
          </span>
          <a href={post.url} target="_blank" rel="noreferrer">
            {t(lang, "viewPost")}
          </a>
        </div>
        <div class="why">
          <span class="why-title">{t(lang, "why")}</span>
          <span class="chip">{severityName(lang, detection.severity)}</span>
          <span class="chip">{categoryName(lang, detection.category)}</span>
          <span class="chip">
            {t(lang, "confidence")} {percent(detection.score, lang)}
          </span>
          {detection.reasons.map((r) => (
            <span class="chip reason" key={r}>
              {r}
            </span>
          ))}
        </div>
        <button
          type="button"
          class="link dismiss"
          onClick={() => void send({ type: "complaint/dismiss", key: complaint.key }).then(onBack)}
        >
          {t(lang, "dismiss")}
        </button>
      </div>
      <h2 class="section-title">{t(lang, "suggestions")}</h2>
      {fallback ? <p class="notice">{t(lang, "langFallback")}</p> : null}
      <ol class="suggestions">
        {suggestions.map((s, i) => (
          <li key={s.id}>
            <SuggestionCard
              suggestion={s}
              detection={detection}
              index={i + 1}
              lang={lang}
              state={state}
              onInsert={(text, overridden) => void insert(s, text, overridden)}
            />
          </li>
        ))}
      </ol>
    </article>
  );
}
