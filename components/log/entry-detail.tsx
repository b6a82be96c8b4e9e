/**
 * One log entry in full: the post as it was seen, why it was flagged, the suggestion offered, the final reply, the
 * linter overrides, every timestamp, links, the chain's verdict, and the manager's mark. Post and reply text are
 * rendered as text nodes only (a post is written by anyone); links are shown only when they are http(s).
 */
import { useEffect, useState } from "preact/hooks";
import type { ReviewRow } from "@/lib/db";
import {
  categoryName,
  formatDateTime,
  formatDuration,
  type MessageKey,
  percent,
  severityName,
  t,
  tf,
  type UiLang,
} from "@/lib/i18n";
import type { ChainIssueKind } from "@/lib/log/chain";
import { type Mark, originOf } from "@/lib/log/query";
import type { ReplyLogEntry } from "@/lib/schemas";
import { safeHref, send } from "./page-io";

/** Where the replies to a post are listed, when the site has such a page. */
function threadUrl(e: ReplyLogEntry): string | null {
  if (e.site === "x" && /^\d+$/.test(e.postId))
    return `https://x.com/search?q=${encodeURIComponent(`conversation_id:${e.postId}`)}&f=live`;
  return null;
}

function Time({ label, ms, lang }: { label: string; ms: number | null; lang: UiLang }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{ms === null ? <span class="muted">{t(lang, "unknown")}</span> : formatDateTime(ms, lang)}</dd>
    </>
  );
}

export function EntryDetail({
  entry: e,
  review,
  issues,
  sealed,
  verified,
  lang,
  onClose,
}: {
  entry: ReplyLogEntry;
  review: ReviewRow | undefined;
  issues: readonly ChainIssueKind[];
  sealed: boolean;
  /** The chain check has run over this entry. */
  verified: boolean;
  lang: UiLang;
  onClose: () => void;
}) {
  const postHref = safeHref(e.postUrl);
  const thread = threadUrl(e);
  const respondedAt = e.postedAt ?? e.insertedAt;
  const origin = originOf(e);
  return (
    <aside class="detail" aria-labelledby="detail-title" data-testid="entry-detail" data-id={e.id}>
      <header class="detail-head">
        <h2 id="detail-title">
          <span class={`sev sev-${e.detection.severity}`} aria-hidden="true" /> @{e.author}
          {e.authorName && <span class="muted small"> · {e.authorName}</span>}
        </h2>
        <button type="button" class="link close" onClick={onClose} aria-label={t(lang, "close")}>
          ✕
        </button>
      </header>

      <section>
        <h3>{t(lang, "postAsSeen")}</h3>
        <p class="quote post-text" data-testid="detail-post">
          {e.postText}
        </p>
        <p class="links">
          {postHref && (
            <a href={postHref} target="_blank" rel="noreferrer noopener">
              {t(lang, "viewPost")} ↗
            </a>
          )}
          {thread && (
            <a href={thread} target="_blank" rel="noreferrer noopener">
              {t(lang, "openReplies")} ↗
            </a>
          )}
        </p>
      </section>

      <section>
        <h3>{t(lang, "why")}</h3>
        <dl class="facts">
          <dt>{t(lang, "filterSeverity")}</dt>
          <dd>{severityName(lang, e.detection.severity)}</dd>
          <dt>{t(lang, "filterCategory")}</dt>
          <dd>{categoryName(lang, e.detection.category)}</dd>
          <dt>{t(lang, "score")}</dt>
          <dd>
            {percent(e.detection.score, lang)} · {t(lang, "risk")} {percent(e.detection.risk, lang)}
            {e.detection.brandDirected ? ` · ${t(lang, "brandDirected")}` : ""}
          </dd>
          <dt>{t(lang, "detector")}</dt>
          <dd>
            {e.detection.model} · {e.detection.lang}
          </dd>
        </dl>
        {e.detection.reasons.length > 0 && (
          <ul class="reasons">
            {e.detection.reasons.map((r) => (
              <li key={r} class="chip">
                {r}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h3>{t(lang, "suggestionOffered")}</h3>
        {e.suggestion ? (
          <>
            <p class="muted small">{t(lang, `strategy_${e.suggestion.strategy.replace(/-/g, "_")}` as MessageKey)}</p>
            <p class="quote">{e.suggestion.text}</p>
          </>
        ) : (
          <p class="muted">{t(lang, "noSuggestion")}</p>
        )}
      </section>

      <section>
        <h3>
          {t(lang, "finalReply")}{" "}
          <span class="tag">
            {origin === "edited"
              ? t(lang, "edited")
              : origin === "scratch"
                ? t(lang, "tagTyped")
                : t(lang, "asSuggested")}
          </span>
        </h3>
        <p class="quote reply" data-testid="detail-reply">
          {e.finalText}
        </p>
        <h3>{t(lang, "lintTitle")}</h3>
        {e.lintOverride && e.lintOverride.length > 0 ? (
          <ul class="reasons">
            {e.lintOverride.map((r) => (
              <li key={r} class="chip warning">
                {r}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t(lang, "lintNone")}</p>
        )}
      </section>

      <section>
        <h3>{t(lang, "timesTitle")}</h3>
        <dl class="facts">
          <Time label={t(lang, "tPublished")} ms={e.publishedAt} lang={lang} />
          <Time label={t(lang, "tDetected")} ms={e.detectedAt} lang={lang} />
          <Time label={t(lang, "tInserted")} ms={e.insertedAt} lang={lang} />
          <Time label={t(lang, "tPosted")} ms={e.postedAt} lang={lang} />
          <dt>{t(lang, "fromPublication")}</dt>
          <dd>{e.publishedAt === null ? "—" : formatDuration(Math.max(0, respondedAt - e.publishedAt))}</dd>
          <dt>{t(lang, "fromDetection")}</dt>
          <dd>{formatDuration(Math.max(0, respondedAt - e.detectedAt))}</dd>
          <dt>{t(lang, "colAgent")}</dt>
          <dd>{e.agent}</dd>
        </dl>
      </section>

      <section>
        <h3>{t(lang, "integrityTitle")}</h3>
        <p class={issues.length > 0 ? "chain-bad" : "muted"} data-testid="detail-chain">
          {!sealed
            ? t(lang, "chainEntryUnsealed")
            : issues.length > 0
              ? issues.map((k) => t(lang, `chain_${k}`)).join(" · ")
              : verified
                ? t(lang, "chainEntryOk")
                : t(lang, "chainChecking")}
        </p>
      </section>

      <ReviewForm entry={e} review={review} lang={lang} />
    </aside>
  );
}

function ReviewForm({ entry, review, lang }: { entry: ReplyLogEntry; review: ReviewRow | undefined; lang: UiLang }) {
  const [mark, setMark] = useState<Mark | null>(review?.mark ?? null);
  const [comment, setComment] = useState(review?.comment ?? "");
  const [status, setStatus] = useState<"idle" | "busy" | "saved" | "failed">("idle");
  // Another entry: start afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new entry resets the form.
  useEffect(() => setStatus("idle"), [entry.id]);
  // The stored review changed (this save, or a colleague's synced): show it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the review's time says when it changed.
  useEffect(() => {
    setMark(review?.mark ?? null);
    setComment(review?.comment ?? "");
  }, [entry.id, review?.at]);

  const save = async (e: Event) => {
    e.preventDefault();
    setStatus("busy");
    try {
      const res = await send({ type: "review/mark", replyId: entry.id, mark, comment: comment.trim() });
      setStatus(res.ok ? "saved" : "failed");
    } catch {
      setStatus("failed");
    }
  };

  const choices: Array<[Mark | null, string]> = [
    ["good", t(lang, "markGood")],
    ["coaching", t(lang, "markCoaching")],
    [null, t(lang, "markNone")],
  ];
  return (
    <form class="review" onSubmit={(e) => void save(e)} data-testid="review-form">
      <fieldset>
        <legend>{t(lang, "reviewTitle")}</legend>
        {review?.mark && (
          <p class="muted small" data-testid="review-current">
            {tf(lang, "reviewedBy", {
              mark: t(lang, review.mark === "good" ? "markGood" : "markCoaching"),
              who: review.reviewer || "—",
              when: formatDateTime(review.at, lang),
            })}
          </p>
        )}
        <div class="marks" role="radiogroup">
          {choices.map(([value, label]) => (
            <label key={String(value)} class={`mark-choice mark-${value ?? "none"}`}>
              <input
                type="radio"
                name="mark"
                value={value ?? ""}
                checked={mark === value}
                onChange={() => setMark(value)}
              />
              {label}
            </label>
          ))}
        </div>
        <label class="comment">
          <span>{t(lang, "reviewComment")}</span>
          <textarea
            name="comment"
            rows={3}
            maxLength={2_000}
            value={comment}
            onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <div class="review-actions">
          <button type="submit" class="primary" disabled={status === "busy"}>
            {t(lang, "saveReview")}
          </button>
          <span role="status" class={status === "failed" ? "chain-bad" : "muted"}>
            {status === "saved" ? t(lang, "reviewSaved") : status === "failed" ? t(lang, "reviewFailed") : ""}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
