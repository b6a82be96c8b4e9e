import { useMemo, useState } from "preact/hooks";
import { t, tf, type UiLang } from "@/lib/i18n";
import { isBlocking, type LintWarning, lintReply } from "@/lib/lint";
import type { Detection, Suggestion } from "@/lib/schemas";
import { limitFor } from "@/lib/sites/limits";
import type { InsertState } from "./complaint-detail";

/** "es" → "Spanish" / "espagnol"; "und" and unknown tags stay as they are. */
function languageName(code: string, lang: UiLang): string {
  try {
    return (code !== "und" && new Intl.DisplayNames([lang], { type: "language" }).of(code)) || code;
  } catch {
    return code;
  }
}

/** The linter's verdict on the draft, live: each warning says what is wrong and how to fix it. */
function LintList({ warnings, lang }: { warnings: LintWarning[]; lang: UiLang }) {
  if (warnings.length === 0) return null;
  return (
    <ul class="lint" data-testid="lint">
      {warnings.map((w) => (
        <li key={`${w.rule}:${w.start}`} class={`lint-${w.level}`} data-rule={w.rule}>
          <strong>{w.message[lang]}</strong> {w.excerpt && w.end - w.start < 80 ? <q>{w.excerpt}</q> : null}
          <span class="muted"> {w.fix[lang]}</span>
        </li>
      ))}
    </ul>
  );
}

export function SuggestionCard({
  suggestion,
  detection,
  index,
  lang,
  state,
  onInsert,
  site = "x",
}: {
  suggestion: Suggestion;
  detection: Detection;
  index: number;
  lang: UiLang;
  /** The post's site: its length rule measures the draft, as the site's own counter would. */
  site?: string;
  state: InsertState;
  onInsert: (text: string, overridden: LintWarning[]) => void;
}) {
  const [text, setText] = useState(suggestion.text);
  const [copied, setCopied] = useState(false);
  const [override, setOverride] = useState(false);
  const rule = limitFor(site);
  const length = rule.measure(text);
  const tooLong = length > suggestion.maxLength;
  const warnings = useMemo(
    () =>
      lintReply(text, {
        postLang: detection.lang,
        severity: detection.severity,
        maxLength: suggestion.maxLength,
        measure: rule.measure,
      }),
    [text, detection.lang, detection.severity, suggestion.maxLength, rule],
  );
  const blocking = isBlocking(warnings);
  const mine = state.kind !== "idle" && state.id === suggestion.id;
  const id = `suggestion-${index}`;
  return (
    <div class="suggestion" data-testid="suggestion" data-strategy={suggestion.strategy}>
      <label class="suggestion-head" for={id}>
        <span class="num">{index}</span>
        {t(lang, `strategy_${suggestion.strategy.replace(/-/g, "_")}` as "strategy_ask_detail")}
        {suggestion.strategy === "personalised" ? (
          <span class="chip" data-testid="ai-badge" title={t(lang, "aiHint")}>
            {t(lang, "aiBadge")}
          </span>
        ) : null}
      </label>
      {suggestion.fallbackFrom ? (
        <p class="notice muted" data-testid="lang-fallback">
          {tf(lang, "suggestionFallback", { lang: languageName(suggestion.fallbackFrom, lang) })}
        </p>
      ) : null}
      {suggestion.prompts?.length ? (
        <p class="notice" data-testid="prompts">
          {t(lang, "promptsToFill")}{" "}
          {suggestion.prompts.map((p, i) => (
            <span key={p.name}>
              {i > 0 ? ", " : ""}
              <q>{p.marker}</q> ({tf(lang, "promptExample", { example: p.example })})
            </span>
          ))}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={5}
        value={text}
        lang={suggestion.lang}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="suggestion-foot">
        <span class={`counter ${tooLong ? "over" : ""}`} title={tooLong ? t(lang, "tooLong") : undefined}>
          {length}/{suggestion.maxLength}
        </span>
        <span class="spacer" />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t(lang, "copied") : t(lang, "copy")}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="insert"
          disabled={tooLong || (blocking && !override) || text.trim() === "" || (state.kind === "busy" && mine)}
          onClick={() => onInsert(text, blocking ? warnings.filter((w) => w.level === "block") : [])}
        >
          {state.kind === "busy" && mine ? t(lang, "inserting") : t(lang, "insert")}
        </button>
      </div>
      <LintList warnings={warnings} lang={lang} />
      {blocking && !tooLong ? (
        <label class="override">
          <input
            type="checkbox"
            checked={override}
            onChange={(e) => setOverride((e.target as HTMLInputElement).checked)}
          />{" "}
          {t(lang, "lintOverride")}
        </label>
      ) : null}
      {mine && state.kind === "done" ? (
        <p class="status ok" role="status">
          ✓ {t(lang, "inserted")}
        </p>
      ) : null}
      {mine && state.kind === "error" ? (
        <p class="status error" role="alert">
          {t(lang, "insertFailed")}: {state.error}
        </p>
      ) : null}
    </div>
  );
}
