/**
 * The agent's desk: complaints of the current tab, most urgent first; the selected one with its reasons and three
 * editable replies; Insert puts the reply in the site's own reply box (the agent presses Post there).
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { ComplaintDetail } from "@/components/complaint-detail";
import { ComplaintQueue } from "@/components/complaint-queue";
import { SyncStatusLine, useColleagueClaims, useSyncView } from "@/components/sync-status";
import { useLiveQuery, useSettings } from "@/components/use-settings";
import { getDb } from "@/lib/db";
import { t } from "@/lib/i18n";
import type { ToBackgroundFromPage } from "@/lib/messages";
import { byPriority } from "@/lib/rank";
import type { ComplaintRecord } from "@/lib/schemas";
import { selectionItem } from "@/lib/settings";

function useCurrentTab(fixed: number | null): number | null {
  const [tabId, setTabId] = useState<number | null>(fixed);
  useEffect(() => {
    if (fixed !== null) return;
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    refresh();
    const onActivated = () => refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixed]);
  return tabId;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function sendToBackground(msg: ToBackgroundFromPage): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

export function SidePanel({ fixedTabId }: { fixedTabId: number | null }) {
  const { settings, lang } = useSettings();
  const tabId = useCurrentTab(fixedTabId);
  const now = useNow(15_000);
  const rows = useLiveQuery<ComplaintRecord[]>(
    () => (tabId === null ? Promise.resolve([]) : getDb().complaints.where("tabId").equals(tabId).toArray()),
    [tabId],
    [],
  );
  const target = settings.responseTargetMinutes;
  const queue = useMemo(() => byPriority(rows, now, target), [rows, now, target]);
  const [selection, setSelection] = useState<Record<string, string>>({});
  useEffect(() => {
    void selectionItem.getValue().then(setSelection);
    return selectionItem.watch((v) => setSelection(v ?? {}));
  }, []);
  const selectedKey = tabId === null ? undefined : selection[String(tabId)];
  const selected = queue.find((c) => c.key === selectedKey) ?? null;
  const sync = useSyncView();
  const claims = useColleagueClaims(now);
  // The first reply logged for the selected post, by this agent or (synced) a colleague.
  const answeredAt = useLiveQuery<number | null>(
    async () => {
      if (!selected) return null;
      const replies = await getDb()
        .replies.where("postId")
        .equals(selected.post.id)
        .filter((r) => r.site === selected.site)
        .toArray();
      return replies.length ? Math.min(...replies.map((r) => r.insertedAt)) : null;
    },
    [selected?.key],
    null,
  );

  const select = (key: string | null) => {
    if (tabId === null) return;
    setSelection((s) => {
      const next = { ...s };
      if (key === null) delete next[String(tabId)];
      else next[String(tabId)] = key;
      return next;
    });
    void sendToBackground({ type: "panel/select", tabId, key });
  };

  return (
    <div class="panel">
      <header class="panel-header">
        <div class="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          <span>{t(lang, "appName")}</span>
        </div>
        <nav class="header-links">
          <a href={browser.runtime.getURL("/log.html")} target="_blank" rel="noreferrer">
            {t(lang, "openLog")}
          </a>
          <a href={browser.runtime.getURL("/options.html")} target="_blank" rel="noreferrer">
            {t(lang, "options")}
          </a>
        </nav>
      </header>
      <main>
        {tabId === null ? (
          <p class="empty">{t(lang, "noTab")}</p>
        ) : selected ? (
          <ComplaintDetail
            key={selected.key}
            complaint={selected}
            tabId={tabId}
            settings={settings}
            lang={lang}
            now={now}
            onBack={() => select(null)}
            send={sendToBackground}
            colleague={claims.get(selected.key) ?? null}
            answeredAt={answeredAt}
          />
        ) : (
          <ComplaintQueue
            complaints={queue}
            lang={lang}
            now={now}
            targetMinutes={target}
            claimedBy={claims}
            onSelect={(key) => select(key)}
          />
        )}
      </main>
      <footer class="panel-footer">
        <SyncStatusLine
          settings={settings}
          view={sync}
          lang={lang}
          onSyncNow={() => void sendToBackground({ type: "sync/now" })}
        />
      </footer>
    </div>
  );
}
