/**
 * The background: the only writer of the database, the router of typed messages. It keeps nothing in memory it
 * cannot lose: MV3 stops service workers at any time.
 */
import "@/lib/zod-messages";
import { saveTabHealth } from "@/lib/content/health-store";
import { initContentRegistration } from "@/lib/content/registration";
import { getDb } from "@/lib/db";
import {
  applyRetention,
  claimComplaint,
  dismissComplaint,
  importLog,
  markReview,
  openComplaintCount,
  purgeBefore,
  recordBrandReplies,
  recordComplaints,
  recordInsertion,
  recordMissedComplaint,
  recordOutcome,
  setComplaintStatus,
} from "@/lib/db/repo";
import { judgePosts, modelLoader } from "@/lib/detect/service";
import {
  InsertResult,
  isFromContent,
  parseMessage,
  type ReplyInsertResponse,
  ToBackground,
  type ToBackgroundFromContent,
  type ToBackgroundFromPage,
  type ToContent,
  ToPage,
} from "@/lib/messages";
import { getSettings, selectionItem, settingsItem } from "@/lib/settings";
import { SITE_MATCHES } from "@/lib/sites/matches";
import { playbookFrom, playbookItem } from "@/lib/suggest/store";
import { colleagueClaims } from "@/lib/sync/claims";
import { getMeta } from "@/lib/sync/dexie-store";
import { adoptTeamPlaybook, publishPlaybook } from "@/lib/sync/playbook";
import { resetTeam, runSync } from "@/lib/sync/run";
import { uuidv7 } from "@/lib/uuid";

type Sender = Browser.runtime.MessageSender;

/** Chrome's side panel API: not in the polyfill's types, absent on Firefox (which has sidebarAction). */
interface SidePanelApi {
  setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void>;
  open(o: { tabId?: number; windowId?: number }): Promise<void>;
}
const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;

export default defineBackground(() => {
  // Chrome: the toolbar icon opens the side panel. Firefox: the sidebar has its own toolbar button.
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  initContentRegistration();

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const parsed = parseMessage(ToBackground, raw);
    if (!parsed.ok) {
      console.warn("Apaise: message refused:", parsed.error);
      return Promise.resolve({ ok: false, error: parsed.error });
    }
    const msg = parsed.value;
    // The side panel must be opened inside the user gesture that sent the message, so before any await.
    if (msg.type === "panel/open" && sender.tab?.id !== undefined) openPanel(sender.tab.id, sender.tab.windowId);
    return handle(msg, sender).catch((error: unknown) => {
      console.error("Apaise:", error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    });
  });

  // "Missed complaint": right-click a post the detector let through.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: a short setup in the options page.
    if (reason === "install") void browser.tabs.create({ url: browser.runtime.getURL("/options.html?setup=1") });
    browser.contextMenus.create({
      id: MARK_MISSED_MENU,
      title: browser.i18n.getMessage("menuMarkComplaint") || "Apaise: mark as a complaint",
      contexts: ["page", "link", "selection", "image"],
      documentUrlPatterns: SITE_MATCHES,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MARK_MISSED_MENU || tab?.id === undefined) return;
    void sendToTab(tab.id, { type: "post/mark-missed" }).catch(() => {});
  });

  // A manager's playbook edit goes to the team (lib/sync/playbook decides whether it is newer than the team's).
  playbookItem.watch((raw) => {
    void publishPlaybook(getDb(), playbookFrom(raw), Date.now()).then((queued) => queued && syncSoon());
  });

  // Keyboard commands: the panel opens (a command is a user gesture) and acts on the active tab's queue.
  browser.commands?.onCommand.addListener((command, tab) => {
    const parsed = parseMessage(ToPage, { type: "panel/command", command });
    if (!parsed.ok) return;
    if (tab?.id !== undefined) openPanel(tab.id, tab.windowId);
    // The panel may be opening: give it a moment to listen.
    setTimeout(() => void browser.runtime.sendMessage(parsed.value).catch(() => {}), 300);
  });

  // Team sync: every minute from an alarm (it wakes a stopped worker), and a moment after each change.
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncTeam(false);
  });

  // Retention: the log and the complaints older than the setting go, once a day, at start-up and when it changes.
  void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retention();
  });
  settingsItem.watch((next, previous) => {
    if (next && next.retentionDays !== previous?.retentionDays) void retention();
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void selectionItem.getValue().then((sel) => {
      if (!(String(tabId) in sel)) return;
      const { [String(tabId)]: _, ...rest } = sel;
      return selectionItem.setValue(rest);
    });
  });
});

async function handle(msg: ToBackground, sender: Sender): Promise<unknown> {
  if (isFromContent(msg)) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: "content message without a tab" };
    return handleContent(msg, tabId);
  }
  return handlePage(msg);
}

/** The trained model, loaded once per worker, for every tab's posts (lib/detect/service.ts). */
let workerModel: ReturnType<typeof modelLoader> | undefined;

const MARK_MISSED_MENU = "apaise-mark-missed";
const SYNC_ALARM = "apaise-sync";
const RETENTION_ALARM = "apaise-retention";

async function retention(): Promise<void> {
  const { retentionDays } = await getSettings();
  const gone = await applyRetention(getDb(), retentionDays, Date.now());
  if (gone.entries + gone.complaints > 0) {
    console.info(
      `Apaise: retention (${retentionDays} days) deleted ${gone.entries} log entries, ${gone.complaints} complaints`,
    );
  }
}
/** Changes made within this delay go in one round trip. */
const SYNC_DEBOUNCE_MS = 1_000;

let syncTimer: ReturnType<typeof setTimeout> | undefined;
/** A change was written to the outbox: push it soon. If the worker stops first, the alarm does it. */
function syncSoon(): void {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => void syncTeam(false), SYNC_DEBOUNCE_MS);
}

async function syncTeam(force: boolean): Promise<string> {
  const db = getDb();
  const outcome = await runSync(db, await getSettings(), { force });
  if (outcome === "synced") {
    await sendClaimsToTabs();
    const adopted = await adoptTeamPlaybook(db);
    if (typeof adopted === "object")
      console.warn("Apaise: the team's playbook is invalid, kept ours:", adopted.invalid);
  }
  return outcome;
}

/** Each tab with complaints learns which of its posts colleagues hold (its badges say so). */
async function sendClaimsToTabs(onlyTab?: number): Promise<void> {
  const db = getDb();
  const me = await getMeta(db, "me");
  const held = colleagueClaims(await db.claims.toArray(), me?.agentId, Date.now());
  const recent = Date.now() - 12 * 3_600_000;
  const rows = await db.complaints.where("lastSeenAt").above(recent).toArray();
  const byKey = new Map(held.map((c) => [c.key, c]));
  const perTab = new Map<number, Array<{ postId: string; agent: string; state: "answering" | "answered" }>>();
  for (const row of rows) {
    if (onlyTab !== undefined && row.tabId !== onlyTab) continue;
    const list = perTab.get(row.tabId) ?? [];
    const claim = byKey.get(row.key);
    if (claim) list.push({ postId: row.post.id, agent: claim.agent, state: claim.state });
    perTab.set(row.tabId, list);
  }
  for (const [tabId, claims] of perTab) {
    await sendToTab(tabId, { type: "claims/update", claims: claims.slice(0, 1_000) }).catch(() => {});
  }
}

async function handleContent(msg: ToBackgroundFromContent, tabId: number): Promise<unknown> {
  const db = getDb();
  switch (msg.type) {
    case "posts/classify": {
      workerModel ??= modelLoader(browser.runtime.getURL("/model/detect-v1.bin"));
      const [settings, model] = await Promise.all([getSettings(), workerModel()]);
      return { ok: true, detections: judgePosts(msg.items, settings, model) };
    }
    case "complaints/seen":
      await saveTabHealth(tabId, msg.health);
      await recordComplaints(db, tabId, msg.items, Date.now());
      if (msg.answered) await recordBrandReplies(db, msg.answered.site, msg.answered.items, Date.now());
      await refreshActionBadge(tabId);
      if ((await db.claims.count()) > 0) await sendClaimsToTabs(tabId);
      return { ok: true };
    case "panel/open":
      await selectionItem.setValue({ ...(await selectionItem.getValue()), [String(tabId)]: msg.key });
      return { ok: true };
    case "complaints/missed": {
      const { agentName } = await getSettings();
      await recordMissedComplaint(db, tabId, msg, agentName, Date.now());
      await refreshActionBadge(tabId);
      syncSoon();
      return { ok: true };
    }
    case "reply/outcome": {
      const entry = await recordOutcome(db, msg.logId, msg.outcome, msg.at);
      await refreshActionBadge(tabId);
      syncSoon();
      return { ok: entry !== undefined };
    }
  }
}

async function handlePage(msg: ToBackgroundFromPage): Promise<unknown> {
  const db = getDb();
  switch (msg.type) {
    case "reply/insert":
      return insertReply(msg);
    case "complaint/dismiss": {
      const row = await db.complaints.get(msg.key);
      const ok = await dismissComplaint(db, msg.key, (await getSettings()).agentName, Date.now());
      if (row) await refreshActionBadge(row.tabId);
      syncSoon();
      return { ok };
    }
    case "panel/select": {
      const sel = await selectionItem.getValue();
      const next = { ...sel };
      if (msg.key === null) delete next[String(msg.tabId)];
      else next[String(msg.tabId)] = msg.key;
      await selectionItem.setValue(next);
      if (msg.key) {
        const row = await db.complaints.get(msg.key);
        if (row) await sendToTab(msg.tabId, { type: "post/reveal", postId: row.post.id }).catch(() => {});
        if (row) await setComplaintStatus(db, msg.key, "in-progress", Date.now(), undefined, ["new"]);
        // "I am answering this": colleagues see it at their next sync.
        if (row && (await claimComplaint(db, msg.key, (await getSettings()).agentName, Date.now()))) syncSoon();
      }
      return { ok: true };
    }
    case "complaint/status": {
      const row = await db.complaints.get(msg.key);
      const ok = await setComplaintStatus(db, msg.key, msg.status, Date.now(), msg.note);
      if (row) await refreshActionBadge(row.tabId);
      if (ok) syncSoon();
      return { ok };
    }
    case "data/wipe": {
      await db.transaction("rw", db.tables, async () => {
        for (const table of db.tables) await table.clear();
      });
      await Promise.all([settingsItem.removeValue(), playbookItem.removeValue(), selectionItem.removeValue()]);
      return { ok: true };
    }
    case "sync/now": {
      if (msg.reset) await resetTeam(db);
      return { ok: true, outcome: await syncTeam(true) };
    }
    case "review/mark": {
      const reviewer = (await getSettings()).agentName || "—";
      const ok = await markReview(db, msg, reviewer, Date.now());
      if (ok) syncSoon();
      return { ok };
    }
    case "log/import":
      return { ok: true, ...(await importLog(db, msg.entries, msg.reviews)) };
    case "log/purge":
      return { ok: true, deleted: await purgeBefore(db, msg.before) };
  }
}

async function insertReply(msg: Extract<ToBackgroundFromPage, { type: "reply/insert" }>): Promise<ReplyInsertResponse> {
  const db = getDb();
  const complaint = await db.complaints.get(msg.key);
  if (!complaint) return { ok: false, error: "This complaint is no longer known: reload the page." };
  const insertedAt = Date.now();
  const logId = uuidv7(insertedAt);
  let raw: unknown;
  try {
    raw = await sendToTab(msg.tabId, { type: "composer/insert", postId: complaint.post.id, text: msg.text, logId });
  } catch (error) {
    return { ok: false, error: `The page did not answer (${error instanceof Error ? error.message : error}).` };
  }
  const result = parseMessage(InsertResult, raw);
  if (!result.ok) return { ok: false, error: `The page answered something unexpected: ${result.error}` };
  if (!result.value.ok) return { ok: false, error: result.value.error };
  const settings = await getSettings();
  await recordInsertion(db, {
    id: logId,
    complaint,
    text: msg.text,
    suggestion: msg.suggestion,
    agent: settings.agentName || "—",
    insertedAt,
    lintOverride: msg.lintOverride,
  });
  await refreshActionBadge(msg.tabId);
  syncSoon();
  return { ok: true, logId, method: result.value.method };
}

function sendToTab(tabId: number, msg: ToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, msg);
}

async function refreshActionBadge(tabId: number): Promise<void> {
  const count = await openComplaintCount(getDb(), tabId);
  // Firefox's Manifest V2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  await action?.setBadgeText({ tabId, text: count > 0 ? String(count) : "" }).catch(() => {});
  await action?.setBadgeBackgroundColor({ tabId, color: "#c2410c" }).catch(() => {});
}

function openPanel(tabId: number, windowId: number | undefined): void {
  if (sidePanel) {
    sidePanel.open({ tabId }).catch(() => {
      if (windowId !== undefined) sidePanel.open({ windowId }).catch(() => {});
    });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  sidebar?.open().catch(() => {});
}
