/**
 * One-click status actions for the complaint open in the side panel: not a complaint, escalate (to a lead,
 * communications or legal, with a note), mark posted (when the agent posted by hand), reopen.
 */
import { useState } from "preact/hooks";
import { t, type UiLang } from "@/lib/i18n";
import type { ToBackgroundFromPage } from "@/lib/messages";
import { type ComplaintRecord, ESCALATION_TARGETS } from "@/lib/schemas";

export function StatusActions({
  complaint,
  lang,
  send,
  onDone,
}: {
  complaint: ComplaintRecord;
  lang: UiLang;
  send: (msg: ToBackgroundFromPage) => Promise<unknown>;
  /** After an action that takes the complaint off the agent's list. */
  onDone: () => void;
}) {
  const [escalating, setEscalating] = useState(false);
  const [target, setTarget] = useState<(typeof ESCALATION_TARGETS)[number]>("lead");
  const [note, setNote] = useState("");
  const { key, status } = complaint;
  const setStatus = (next: ComplaintRecord["status"], withNote?: string) =>
    send({ type: "complaint/status", key, status: next, ...(withNote === undefined ? {} : { note: withNote }) });

  return (
    <div class="status-actions">
      <span class="chip status" data-testid="complaint-status">
        {t(lang, `status_${status}`)}
      </span>
      {status !== "dismissed" ? (
        <button
          type="button"
          class="link dismiss"
          onClick={() => void send({ type: "complaint/dismiss", key }).then(onDone)}
        >
          {t(lang, "dismiss")}
        </button>
      ) : null}
      {status !== "escalated" ? (
        <button type="button" class="link" aria-expanded={escalating} onClick={() => setEscalating(!escalating)}>
          {t(lang, "escalate")}
        </button>
      ) : null}
      {status === "inserted" ? (
        <button type="button" class="link" onClick={() => void setStatus("posted")}>
          {t(lang, "markPosted")}
        </button>
      ) : null}
      {status === "dismissed" || status === "escalated" || status === "posted" ? (
        <button type="button" class="link" onClick={() => void setStatus("new")}>
          {t(lang, "reopen")}
        </button>
      ) : null}
      {escalating ? (
        <form
          class="escalate"
          data-testid="escalate-form"
          onSubmit={(e) => {
            e.preventDefault();
            void setStatus("escalated", `${target}: ${note.trim()}`.slice(0, 2_000)).then(() => {
              setEscalating(false);
              onDone();
            });
          }}
        >
          <label>
            {t(lang, "escalateTo")}
            <select
              name="escalateTo"
              value={target}
              onChange={(e) => setTarget((e.target as HTMLSelectElement).value as typeof target)}
            >
              {ESCALATION_TARGETS.map((x) => (
                <option key={x} value={x}>
                  {t(lang, `escalate_${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(lang, "escalateNote")}
            <textarea
              name="escalateNote"
              rows={2}
              maxLength={1_900}
              value={note}
              onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <div class="actions">
            <button type="submit" class="primary">
              {t(lang, "escalateSend")}
            </button>
            <button type="button" onClick={() => setEscalating(false)}>
              {t(lang, "cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
