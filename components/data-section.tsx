/**
 * Options → Your data: everything Apaise keeps on this computer, exported in one JSON file, or deleted in one
 * click (after a confirmation). The team token is never exported.
 */
import { useState } from "preact/hooks";
import { getDb } from "@/lib/db";
import { t, type UiLang } from "@/lib/i18n";
import { getSettings } from "@/lib/settings";

export async function exportEverything(): Promise<string> {
  const db = getDb();
  const [complaints, replies, feedback, reviews, outbox, settings] = await Promise.all([
    db.complaints.toArray(),
    db.replies.toArray(),
    db.feedback.toArray(),
    db.reviews.toArray(),
    db.outbox.count(),
    getSettings(),
  ]);
  const { teamToken: _secret, ...shareable } = settings;
  return JSON.stringify(
    {
      format: "apaise-data",
      version: 1,
      exportedAt: new Date().toISOString(),
      settings: shareable,
      complaints,
      replies,
      feedback,
      reviews,
      pendingSync: outbox,
    },
    null,
    2,
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataSection({ lang }: { lang: UiLang }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  return (
    <section class="options data" aria-labelledby="data-title">
      <h2 id="data-title">{t(lang, "dataTitle")}</h2>
      <p class="hint">{t(lang, "dataHint")}</p>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            void exportEverything().then((json) =>
              download(`apaise-data-${new Date().toISOString().slice(0, 10)}.json`, json),
            )
          }
        >
          {t(lang, "dataExport")}
        </button>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t(lang, "dataDelete")}
        </button>
        <span role="status">{message}</span>
      </div>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="wipe-q" data-testid="confirm-wipe">
          <p id="wipe-q">{t(lang, "dataDeleteConfirm")}</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              onClick={() =>
                void browser.runtime.sendMessage({ type: "data/wipe" }).then(() => {
                  setConfirming(false);
                  setMessage(t(lang, "dataDeleted"));
                })
              }
            >
              {t(lang, "dataDeleteYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t(lang, "cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
