import { useEffect, useMemo, useState } from "preact/hooks";
import { categoryName, formatCount, percent, severityName, t, tf, type UiLang } from "@/lib/i18n";
import type { LintWarning } from "@/lib/lint";
import type { ReplyInsertResponse, ToBackgroundFromPage } from "@/lib/messages";
import type { ComplaintRecord, Settings, Suggestion } from "@/lib/schemas";
import { remediesFor, type SuggestInput, suggest } from "@/lib/suggest";
import { personalisedSuggestion } from "@/lib/suggest/ai";
import type { ColleagueClaim } from "@/lib/sync/claims";
import { UrgencyChip } from "./complaint-queue";
import { HighlightedText } from "./highlighted-text";
import { StatusActions } from "./status-actions";
import { SuggestionCard } from "./suggestion-card";
import { usePlaybook } from "./use-playbook";

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
  colleague = null,
  answeredAt = null,
}: {
  complaint: ComplaintRecord;
  tabId: number;
  settings: Settings;
  lang: UiLang;
  now: number;
  onBack: () => void;
  send: (msg: ToBackgroundFromPage) => Promise<unknown>;
  /** A colleague holds this post (team sync): say so, and confirm before inserting. */
  colleague?: ColleagueClaim | null;
  /** When the first reply to this post was logged (by anyone), null when none: confirm before inserting another. */
  answeredAt?: number | null;
}) {
  const { post, detection } = complaint;
  const playbook = usePlaybook();
  const answered = answeredAt !== null;
  // A reply logged before the agent opened this post, or a colleague's: the customer got an answer, so the
  // playbook follows up instead. The agent's own insertion from this view does not reshuffle the cards under them.
  const [openedAt] = useState(() => Date.now());
  // The brand's own reply seen in the thread counts too (lib/content/answered.ts).
  const alreadyAnswered =
    (answeredAt !== null && answeredAt < openedAt) ||
    colleague?.state === "answered" ||
    complaint.brandReply !== undefined;
  const input = useMemo<SuggestInput>(
    () => ({
      post,
      detection,
      agentName: settings.agentName,
      signature: settings.signature,
      brand: settings.brandHandles[0],
      alreadyAnswered,
      playbook,
    }),
    [post, detection, settings.agentName, settings.signature, settings.brandHandles, alreadyAnswered, playbook],
  );
  const suggestions = useMemo(() => suggest(input), [input]);
  const remedies = useMemo(() => remediesFor(playbook, detection), [playbook, detection]);
  // The on-device model's reply, when the browser has one: a fourth card that never holds up the other three.
  const [ai, setAi] = useState<Suggestion | null>(null);
  useEffect(() => {
    setAi(null);
    const controller = new AbortController();
    void personalisedSuggestion(input, { signal: controller.signal, examples: suggestions }).then((r) => {
      if (!controller.signal.aborted) setAi(r.suggestion);
    });
    return () => controller.abort();
  }, [input, suggestions]);
  const [state, setState] = useState<InsertState>({ kind: "idle" });

  // Inserting over a colleague's claim, or a second reply to the same post, takes a second, explicit click.
  const [confirming, setConfirming] = useState<Parameters<typeof doInsert> | null>(null);
  const question = colleague
    ? tf(lang, "confirmClaimed", { agent: colleague.agent || "—" })
    : answered
      ? t(lang, "confirmAnswered")
      : null;
  const insert = (suggestion: Suggestion, text: string, overridden: LintWarning[]) => {
    if (question) setConfirming([suggestion, text, overridden]);
    else void doInsert(suggestion, text, overridden);
  };

  const doInsert = async (suggestion: Suggestion, text: string, overridden: LintWarning[]) => {
    setConfirming(null);
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
        <StatusActions complaint={complaint} lang={lang} send={send} onDone={onBack} />
      </div>
      {colleague ? (
        <p class="notice colleague" role="alert" data-testid="colleague-claim">
          {tf(lang, colleague.state === "answered" ? "colleagueAnswered" : "colleagueAnswering", {
            agent: colleague.agent || "—",
          })}
        </p>
      ) : null}
      {complaint.brandReply ? (
        <p class="notice colleague" data-testid="brand-reply">
          {tf(lang, "brandAnswered", { handle: complaint.brandReply.by })}
        </p>
      ) : null}
      {confirming && question ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-q" data-testid="confirm-insert">
          <p id="confirm-q">{question}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void doInsert(...confirming)}>
              {t(lang, "insertAnyway")}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t(lang, "cancel")}
            </button>
          </div>
        </div>
      ) : null}
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
              site={complaint.site}
              onInsert={(text, overridden) => insert(s, text, overridden)}
            />
          </li>
        ))}
        {ai ? (
          <li key={ai.id} data-testid="ai-suggestion">
            <SuggestionCard
              suggestion={ai}
              detection={detection}
              index={suggestions.length + 1}
              lang={lang}
              state={state}
              site={complaint.site}
              onInsert={(text, overridden) => insert(ai, text, overridden)}
            />
          </li>
        ) : null}
      </ol>
      {remedies.length > 0 ? (
        <details class="remedies" data-testid="remedies">
          <summary>{t(lang, "remediesTitle")}</summary>
          <p class="muted">{t(lang, "remediesHint")}</p>
          <ul>
            {remedies.map((r) => (
              <li key={r.id}>
                <strong>{r.label}</strong> <span lang={r.lang}>{r.text}</span>{" "}
                <button type="button" class="link" onClick={() => void navigator.clipboard.writeText(r.text)}>
                  {t(lang, "copy")}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
