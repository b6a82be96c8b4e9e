import { useState } from "preact/hooks";
import { t, type UiLang } from "@/lib/i18n";
import type { Suggestion } from "@/lib/schemas";
import { weightedLength } from "@/lib/suggest";
import type { InsertState } from "./complaint-detail";

export function SuggestionCard({
  suggestion,
  index,
  lang,
  state,
  onInsert,
}: {
  suggestion: Suggestion;
  index: number;
  lang: UiLang;
  state: InsertState;
  onInsert: (text: string) => void;
}) {
  const [text, setText] = useState(suggestion.text);
  const [copied, setCopied] = useState(false);
  const length = weightedLength(text);
  const tooLong = length > suggestion.maxLength;
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
          disabled={tooLong || text.trim() === "" || (state.kind === "busy" && mine)}
          onClick={() => onInsert(text)}
        >
          {state.kind === "busy" && mine ? t(lang, "inserting") : t(lang, "insert")}
        </button>
      </div>
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
