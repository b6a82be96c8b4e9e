/**
 * The content script of every site: wires a site adapter, the classifier and the badge to the page, reports
 * complaints and the adapter's health to the background, and inserts replies into the site's own composer on
 * request. Every observer and listener is tied to ctx, so an extension reload leaves nothing behind.
 *
 * A site's entry point is one line: `main: (ctx) => runContentScript(ctx, redditSite)`.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { detect, loadModelFromBytes, type Model } from "@/lib/detect";
import { resolveUiLang, type UiLang } from "@/lib/i18n";
import { insertText } from "@/lib/insert";
import { complaintKey, type InsertResult, parseMessage, type ToBackgroundFromContent, ToContent } from "@/lib/messages";
import type { Settings } from "@/lib/schemas";
import { getSettings, settingsItem } from "@/lib/settings";
import type { SiteAdapter } from "@/lib/sites/types";
import { type Claim, createBadge, updateBadge } from "./badge";
import { type HealthReport, healthReport } from "./health";
import { Scanner } from "./scanner";

/** How often the adapter's health is checked while the page changes (it extracts a sample of posts). */
const HEALTH_EVERY_MS = 10_000;

export async function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const [model, initial] = await Promise.all([loadModel(), getSettings()]);
  let settings: Settings = initial;
  let lang: UiLang = resolveUiLang(settings.uiLanguage, navigator.language);
  const unwatch = settingsItem.watch((next) => {
    if (!next) return;
    settings = next;
    lang = resolveUiLang(next.uiLanguage, navigator.language);
  });
  ctx.onInvalidated(unwatch);

  /** Colleagues' claims on posts of this page, pushed by the background after each sync. */
  let claims = new Map<string, Claim>();
  const badgeOptions = {
    get lang() {
      return lang;
    },
    claimOf: (postId: string) => claims.get(postId),
    now: () => Date.now(),
    onOpen: (post: { site: string; id: string }) => {
      void send({ type: "panel/open", key: complaintKey(post.site, post.id) });
    },
  };

  const scanner = new Scanner(
    {
      findPosts: (root) => adapter.findPosts(root),
      postIdOf: (el) => adapter.postIdOf(el, location.href),
      extractPost: (el, base) => adapter.extractPost(el, base),
    },
    (post) =>
      detect(
        post.text,
        {
          langAttr: post.langAttr,
          brandHandles: settings.brandHandles,
          brandKeywords: settings.brandKeywords,
          metrics: post.metrics,
          threshold: settings.complaintThreshold,
        },
        model,
      ),
    {
      mark(el, post, detection) {
        const host = createBadge(post, detection, badgeOptions);
        const spot = adapter.badgeSpot(el);
        if (spot.where === "after") spot.el.after(host);
        else if (spot.where === "append") spot.el.append(host);
        else spot.el.prepend(host);
        return host;
      },
      unmark(host) {
        host.remove();
      },
    },
  );

  // Health: sent first (so a report left by the tab's previous page is replaced), then when it changes (broken
  // part, or back to working), checked at most every HEALTH_EVERY_MS.
  let lastHealth = "";
  let healthCheckedAt = 0;
  const healthNow = (): HealthReport | null | undefined => {
    const now = Date.now();
    if (now - healthCheckedAt < HEALTH_EVERY_MS) return undefined;
    healthCheckedAt = now;
    const report = healthReport(adapter, document, location.href, now);
    const key = report ? `${report.broken}` : "null";
    if (key === lastHealth) return undefined;
    lastHealth = key;
    return report;
  };

  const scan = () => {
    if (ctx.isInvalid) return;
    const { scanned, fresh } = scanner.scan(document, location.href);
    // Health is judged on the pages the adapter claims (its detectors), not on settings or message pages.
    const health = adapter.pageKind(location.href) === null ? undefined : healthNow();
    if (fresh.length > 0 || health !== undefined) {
      void send({ type: "complaints/seen", items: fresh, scanned, ...(health !== undefined ? { health } : {}) });
    }
  };

  // One observer for the whole page; scans are batched to one per frame at most, and wait for idle time so the
  // site's own scripting stays first.
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    ctx.requestIdleCallback(
      () => {
        pending = false;
        scan();
      },
      { timeout: 250 },
    );
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, "wxt:locationchange", () => {
    // The background forgets the tab's health when its URL changes: report it again for the new page.
    lastHealth = "";
    healthCheckedAt = Date.now() - HEALTH_EVERY_MS + 2_000;
    ctx.setTimeout(schedule, 2_500);
    schedule();
  });
  // Ages on the badges move with the clock; a page that stopped changing still gets its health checked.
  ctx.setInterval(() => {
    for (const { host, post, detection } of scanner.marks(document)) updateBadge(host, post, detection, badgeOptions);
    schedule();
  }, 30_000);
  // The first health check waits for the page to render its posts.
  healthCheckedAt = Date.now() - HEALTH_EVERY_MS + 3_000;
  ctx.setTimeout(schedule, 3_500);
  scan();

  // The context menu says "this post", the page only tells us where the agent right-clicked.
  let lastContextTarget: Node | null = null;
  ctx.addEventListener(document, "contextmenu", (e) => {
    lastContextTarget = e.target instanceof Node ? e.target : null;
  });

  const onMessage = (raw: unknown): Promise<InsertResult> | undefined => {
    const parsed = parseMessage(ToContent, raw);
    if (!parsed.ok) return undefined;
    const msg = parsed.value;
    if (msg.type === "post/reveal") {
      revealPost(scanner.find(document, msg.postId));
      return undefined;
    }
    if (msg.type === "claims/update") {
      claims = new Map(msg.claims.map((c) => [c.postId, c]));
      for (const { host, post, detection } of scanner.marks(document)) updateBadge(host, post, detection, badgeOptions);
      return undefined;
    }
    if (msg.type === "post/mark-missed") {
      const item = lastContextTarget ? scanner.markMissed(document, lastContextTarget, location.href) : null;
      if (item) void send({ type: "complaints/missed", ...item });
      return undefined;
    }
    return insertReply(scanner.find(document, msg.postId), msg.text, msg.logId);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  async function insertReply(post: Element | null, text: string, logId: string): Promise<InsertResult> {
    if (!post) return { ok: false, error: "The post is no longer in the page: scroll back to it and try again." };
    try {
      const composer =
        adapter.findReplyComposer(post, document) ??
        (await adapter.openReplyComposer(post, { doc: document, signal: ctx.signal }));
      const result = await insertText(composer, text);
      if (!result.ok)
        return { ok: false, error: "The reply box did not take the text: paste it by hand (it is copied)." };
      // Posted or not is the agent's decision: we only watch for it.
      void adapter
        .watchPosted(composer, { doc: document, signal: ctx.signal, timeoutMs: 30 * 60_000 })
        .then((outcome) => send({ type: "reply/outcome", logId, outcome, at: Date.now() }));
      return { ok: true, method: result.method };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** The trained model, fetched once from the extension; without it the lexicon baseline still classifies. */
async function loadModel(): Promise<Model | undefined> {
  try {
    const response = await fetch(browser.runtime.getURL("/model/detect-v1.bin"));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return loadModelFromBytes(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    console.warn("Apaise: complaint model not loaded, using the lexicon baseline:", error);
    return undefined;
  }
}

function revealPost(post: Element | null): void {
  if (!(post instanceof HTMLElement)) return;
  post.scrollIntoView({ block: "center", behavior: "smooth" });
  const previous = post.style.outline;
  post.style.outline = "2px solid #ea580c";
  setTimeout(() => {
    post.style.outline = previous;
  }, 1500);
}

function send(msg: ToBackgroundFromContent): Promise<unknown> {
  return browser.runtime.sendMessage(msg).catch(() => undefined);
}
