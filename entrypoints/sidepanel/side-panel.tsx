/**
 * The agent's desk: complaints of the current tab, most urgent first; the selected one with its reasons and three
 * editable replies; Insert puts the reply in the site's own reply box (the agent presses Post there).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ComplaintDetail } from "@/components/complaint-detail";
import { ComplaintQueue } from "@/components/complaint-queue";
import { HealthNotice } from "@/components/health-notice";
import { SyncStatusLine, useColleagueClaims, useSyncView } from "@/components/sync-status";
import { useLiveQuery, useSettings } from "@/components/use-settings";
import { getDb } from "@/lib/db";
import { t } from "@/lib/i18n";
import { type PanelCommand, parseMessage, type ToBackgroundFromPage, ToPage } from "@/lib/messages";
import { byPriority, filterQueue } from "@/lib/rank";
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

  // Keyboard: the browser's commands (Alt+Shift+J, Alt+Shift+1…) arrive as messages; in the panel itself, n/j next,
  // k previous, 1–3 insert that suggestion, Escape back to the list (never while typing in a field).
  const latest = useRef({ queue, selectedKey, select });
  latest.current = { queue, selectedKey, select };
  useEffect(() => {
    const step = (by: 1 | -1) => {
      const { queue: q, selectedKey: current, select: pick } = latest.current;
      const open = filterQueue(q, "open", "");
      if (open.length === 0) return;
      const at = open.findIndex((c) => c.key === current);
      const next = open[at < 0 ? 0 : (at + by + open.length) % open.length];
      if (next) pick(next.key);
    };
    const insertNth = (n: number) => {
      const button = document.querySelectorAll<HTMLButtonElement>('[data-testid="insert"]')[n - 1];
      if (button && !button.disabled) {
        button.focus();
        button.click();
      }
    };
    const run = (command: PanelCommand) => {
      if (command === "next-complaint") step(1);
      else insertNth(Number(command.slice(-1)));
    };
    const onMessage = (raw: unknown) => {
      const parsed = parseMessage(ToPage, raw);
      if (parsed.ok) run(parsed.value.command);
      return undefined;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
        if (e.key === "Escape") el.blur();
        return;
      }
      if (e.key === "n" || e.key === "j") step(1);
      else if (e.key === "k") step(-1);
      else if (e.key === "1" || e.key === "2" || e.key === "3") insertNth(Number(e.key));
      else if (e.key === "Escape") latest.current.select(null);
      else return;
      e.preventDefault();
    };
    browser.runtime.onMessage.addListener(onMessage);
    window.addEventListener("keydown", onKey);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

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
        <HealthNotice tabId={tabId} lang={lang} />
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
