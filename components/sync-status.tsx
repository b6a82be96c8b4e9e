/**
 * The team sync, as the agent sees it: connected or not, changes waiting, the last success, the last error in
 * words. Live from the database the background writes.
 */
import { getDb, type SyncStatus as SyncState } from "@/lib/db";
import { formatDateTime, t, tf, type UiLang } from "@/lib/i18n";
import type { Settings } from "@/lib/schemas";
import { type ColleagueClaim, colleagueClaims } from "@/lib/sync/claims";
import { getMeta, IDLE_STATUS } from "@/lib/sync/dexie-store";
import { isConfigured } from "@/lib/sync/run";
import { useLiveQuery } from "./use-settings";

export interface SyncView {
  pending: number;
  status: SyncState;
  me: Awaited<ReturnType<typeof getMeta<"me">>> | null;
  rejected: number;
}

const EMPTY: SyncView = { pending: 0, status: IDLE_STATUS, me: null, rejected: 0 };

export function useSyncView(): SyncView {
  return useLiveQuery<SyncView>(
    async () => {
      const db = getDb();
      const [pending, status, me, rejected] = await Promise.all([
        db.outbox.count(),
        getMeta(db, "status"),
        getMeta(db, "me"),
        getMeta(db, "rejected"),
      ]);
      return { pending, status: status ?? IDLE_STATUS, me: me ?? null, rejected: rejected?.length ?? 0 };
    },
    [],
    EMPTY,
  );
}

/** Colleagues' claims that hold now, by complaint key. */
export function useColleagueClaims(now: number): Map<string, ColleagueClaim> {
  const claims = useLiveQuery(
    async () => {
      const db = getDb();
      const [rows, me] = await Promise.all([db.claims.toArray(), getMeta(db, "me")]);
      return { rows, me: me?.agentId ?? null };
    },
    [],
    { rows: [], me: null as string | null },
  );
  return new Map(colleagueClaims(claims.rows, claims.me, now).map((c) => [c.key, c]));
}

export function SyncStatusLine({
  settings,
  view,
  lang,
  onSyncNow,
}: {
  settings: Settings;
  view: SyncView;
  lang: UiLang;
  onSyncNow?: () => void;
}) {
  if (!isConfigured(settings)) {
    return (
      <p class="sync-line muted" data-testid="sync-status" data-state="off">
        {t(lang, "syncOff")}
      </p>
    );
  }
  const { status, pending, me } = view;
  const error = status.lastError;
  const failing = error !== null;
  const parts = [
    me ? tf(lang, "syncConnected", { team: me.teamName, agent: me.agentName, role: t(lang, `role_${me.role}`) }) : null,
    pending > 0 ? tf(lang, "syncPending", { n: pending }) : null,
    status.lastSuccessAt
      ? tf(lang, "syncLast", { time: formatDateTime(status.lastSuccessAt, lang) })
      : t(lang, "syncNever"),
  ].filter(Boolean);
  return (
    <div
      class={`sync-line${failing ? " failing" : ""}`}
      data-testid="sync-status"
      data-state={failing ? "error" : "ok"}
    >
      <span class={`sync-dot${failing ? " bad" : ""}`} aria-hidden="true" />
      <span class="sync-text">
        {parts.join(" · ")}
        {error ? (
          <span class="sync-error" role="alert">
            {" "}
            — {t(lang, `syncErr_${error.kind}` as "syncErr_network")} ({error.message})
          </span>
        ) : null}
        {view.rejected > 0 ? <span class="sync-error"> — {tf(lang, "syncRejected", { n: view.rejected })}</span> : null}
      </span>
      {onSyncNow ? (
        <button type="button" class="link" onClick={onSyncNow}>
          {t(lang, "syncNow")}
        </button>
      ) : null}
    </div>
  );
}
