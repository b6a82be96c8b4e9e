import { useMemo, useState } from "preact/hooks";
import { t, type UiLang } from "@/lib/i18n";
import { isBlocking, type LintWarning, lintReply } from "@/lib/lint";
import type { Detection, Suggestion } from "@/lib/schemas";
import { weightedLength } from "@/lib/suggest";
import type { InsertState } from "./complaint-detail";

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
}: {
  suggestion: Suggestion;
  detection: Detection;
  index: number;
  lang: UiLang;
  state: InsertState;
  onInsert: (text: string, overridden: LintWarning[]) => void;
}) {
  const [text, setText] = useState(suggestion.text);
  const [copied, setCopied] = useState(false);
  const [override, setOverride] = useState(false);
  const length = weightedLength(text);
  const tooLong = length > suggestion.maxLength;
  const warnings = useMemo(
    () =>
      lintReply(text, {
        postLang: detection.lang,
        severity: detection.severity,
        maxLength: suggestion.maxLength,
        measure: weightedLength,
      }),
    [text, detection.lang, detection.severity, suggestion.maxLength],
  );
  const blocking = isBlocking(warnings);
  const mine = state.kind !== "idle" && state.id === suggestion.id;
  const id = `suggestion-${index}`;
  return (
    <div class="suggestion" data-testid="suggestion" data-strategy={suggestion.strategy}>
      <label class="suggestion-head" for={id}>
        <span class="num">{index}</span>
        {t(lang, `strategy_${suggestion.strategy.replace(/-/g, "_")}` as "strategy_ask_detail")}
      </label>
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
