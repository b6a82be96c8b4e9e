/**
 * The content script of every site: wires a site adapter and the badge to the page, reads the posts that come near
 * the agent, has the background's detector judge them (lib/detect/service.ts), reports complaints and the adapter's
 * health to the background, and inserts replies into the site's own composer on request. Every observer and listener is tied to ctx, so an extension reload leaves nothing behind.
 *
 * A site's entry point is one line: `main: (ctx) => runContentScript(ctx, redditSite)`, with
 * `noScriptStartedPostMessage: true`: the script tells an older copy of itself (left in the page by an extension
 * update) to stop with a DOM event only. WXT also announces the start with `window.postMessage` by default, kept
 * for content scripts built by older WXT versions (none of ours): that message reaches every `message` listener of
 * the site's own scripts, and posting it captures the caller's stack, which, while DevTools or a test driver is
 * attached, re-parses the whole bundle (6 to 8 ms a page in traces of the bench's pages).
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import {
  CLASSIFY_BATCH,
  complaintKey,
  type InsertResult,
  readClassifyResult,
  readToContent,
} from "@/lib/content-messages";
import { resolveUiLang, type UiLang } from "@/lib/i18n/core";
import { insertText } from "@/lib/insert";
import type { ToBackgroundFromContent } from "@/lib/messages";
import { getPageSettings, type PageSettings, watchPageSettings } from "@/lib/page-settings";
import type { SiteAdapter } from "@/lib/sites/types";
import type { Detection, HealthReport, PostSnapshot } from "../schemas";
import { type BrandAnswer, brandAnswers, brandHandleSet } from "./answered";
import { type Claim, createBadge, updateBadge } from "./badge";
import { healthReport } from "./health";
import { NearViewport } from "./near";
import { ChangeSet, Scanner } from "./scanner";

type BrandReplies = NonNullable<Extract<ToBackgroundFromContent, { type: "complaints/seen" }>["answered"]>;

/** How often the adapter's health is checked while the page changes (it extracts a sample of posts). */
const HEALTH_EVERY_MS = 10_000;
/** The shortest time between two scans of a changing page (a badge shows at most this late, plus idle time). */
const SCAN_GAP_MS = 400;

export async function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  let settings: PageSettings = await getPageSettings();
  let lang: UiLang = resolveUiLang(settings.uiLanguage, navigator.language);
  let brand = brandHandleSet(settings.brandHandles);
  let brandChanged = false;
  const enabled = () => !settings.disabledSites.includes(adapter.id);
  const unwatch = watchPageSettings((next) => {
    const wasEnabled = enabled();
    settings = next;
    brand = brandHandleSet(next.brandHandles);
    brandChanged = true;
    // Verdicts depend on the brand's handles and the threshold: posts read from now on are judged afresh.
    verdicts = new WeakMap();
    asked = new WeakSet();
    schedule();
    // The agent turned this site off (or back on) in options: the page follows at once.
    if (wasEnabled && !enabled()) scanner.reset(document);
    if (!wasEnabled && enabled()) {
      changes.all();
      schedule();
    }
    lang = resolveUiLang(next.uiLanguage, navigator.language);
  });
  ctx.onInvalidated(unwatch);

  /** Colleagues' claims on posts of this page, pushed by the background after each sync. */
  let claims = new Map<string, Claim>();
  /** Complaints a brand handle already answered in the thread shown (lib/content/answered.ts), by post id. */
  let answered = new Map<string, BrandAnswer>();
  const badgeOptions = {
    get lang() {
      return lang;
    },
    // A colleague's claim, else the brand's own reply in the thread.
    claimOf: (postId: string): Claim | undefined => {
      const brand = answered.get(postId);
      return claims.get(postId) ?? (brand ? { agent: `@${brand.by}`, state: "answered" } : undefined);
    },
    now: () => Date.now(),
    onOpen: (post: { site: string; id: string }) => {
      void send({ type: "panel/open", key: complaintKey(post.site, post.id) });
    },
  };

  // Posts are read as the agent scrolls near them (lib/content/near.ts): a post, or content the page added, coming
  // near calls for a scan. Posts the last scan found that come near while nothing else changed are read alone
  // (scanner.readNear): scrolling a long feed does not look through the whole page every SCAN_GAP_MS.
  let lastFound: Set<Element> | null = null; // last.posts as a set, made when something first comes near after a scan
  let cameNear: Element[] = [];
  const near = new NearViewport((els) => {
    lastFound ??= new Set(last.posts);
    for (const el of els) {
      if (lastFound.has(el)) cameNear.push(el);
      else changes.note(el);
    }
    schedule();
  });
  ctx.onInvalidated(() => near.disconnect());
  // Verdicts come from the background's detector (lib/detect/service.ts: loaded once, warm for every tab), asked
  // for in batches after each scan; a post read waits for its verdict, then settle() marks it.
  let verdicts = new WeakMap<PostSnapshot, Detection>();
  let asked = new WeakSet<PostSnapshot>();
  let toAsk: PostSnapshot[] = [];
  /** After a failed request, the wait before asking again: doubled at each failure up to a minute, reset on success. */
  let retryMs = 2_000;
  const classify = (post: PostSnapshot): Detection | undefined => {
    const verdict = verdicts.get(post);
    if (verdict || asked.has(post)) return verdict;
    asked.add(post);
    toAsk.push(post);
    return undefined;
  };
  const askVerdicts = () => {
    while (toAsk.length > 0) {
      const batch = toAsk.slice(0, CLASSIFY_BATCH);
      toAsk = toAsk.slice(CLASSIFY_BATCH);
      void judge(batch)
        .then((detections) => {
          batch.forEach((post, i) => {
            const detection = detections[i];
            if (detection) verdicts.set(post, detection);
          });
          retryMs = 2_000;
          if (!ctx.isInvalid && enabled()) report(scanner.settle(), true);
        })
        .catch((error: unknown) => {
          // The worker was stopped or failed: ask again later (the posts keep waiting, nothing is lost).
          console.warn(`Apaise: the detector did not answer, asking again in ${retryMs / 1000} s:`, error);
          for (const post of batch) asked.delete(post);
          ctx.setTimeout(schedule, retryMs);
          retryMs = Math.min(retryMs * 2, 60_000);
        });
    }
  };

  const scanner = new Scanner(
    {
      findPosts: (root) => adapter.findPosts(root),
      postIdOf: (el) => adapter.postIdOf(el, location.href),
      extractPost: (el, base) => adapter.extractPost(el, base),
    },
    classify,
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
    near.has,
  );

  // Health: sent first (so a report left by the tab's previous page is replaced), then when it changes (broken
  // part, or back to working), checked at most every HEALTH_EVERY_MS.
  let lastHealth = "";
  let healthCheckedAt = 0;
  const healthNow = (found: readonly Element[]): HealthReport | null | undefined => {
    const now = Date.now();
    if (now - healthCheckedAt < HEALTH_EVERY_MS) return undefined;
    healthCheckedAt = now;
    const report = healthReport(adapter, document, location.href, now, found, (el) => scanner.postOf(el));
    const key = report ? `${report.broken}` : "null";
    if (key === lastHealth) return undefined;
    lastHealth = key;
    return report;
  };

  let answeredKey = "";
  /** The brand's replies in the thread, when they changed since last sent (undefined: nothing new to send). */
  const checkAnswered = (found: readonly Element[]): BrandReplies | undefined => {
    if (brand.size === 0 && answered.size === 0) return undefined;
    const posts = scanner.read(found);
    const kind = adapter.pageKind(location.href);
    const next = brandAnswers(
      posts.map((p) => ({ id: p.post.id, author: p.post.author, text: p.post.text, complaint: p.complaint })),
      brand,
      (outer, inner) => posts[outer]?.el.contains(posts[inner]?.el ?? null) === true,
      kind !== null && adapter.conversationPages.includes(kind),
    );
    const key = [...next].map(([id, a]) => `${id}:${a.by}:${a.replyId}`).join(",");
    if (key === answeredKey) return undefined;
    answeredKey = key;
    answered = next;
    for (const { host, post, detection } of scanner.marks(document)) updateBadge(host, post, detection, badgeOptions);
    const items = [...next].slice(0, 500).map(([postId, a]) => ({ postId, by: a.by, replyId: a.replyId }));
    return items.length > 0 ? { site: adapter.id, items } : undefined;
  };

  // What changed since the last scan: posts never seen are always read; a post already read is read again only
  // when something inside it changed (the site recycled its element), or at a full scan (start, new page, and
  // every 30 s as a safety net). Without this, a feed growing by batches re-derives every earlier post's id at
  // each batch: quadratic.
  const changes = new ChangeSet();
  let last: { scanned: number; posts: readonly Element[] } = { scanned: 0, posts: [] };
  const scan = () => {
    if (ctx.isInvalid || !enabled()) return;
    const came = cameNear;
    cameNear = [];
    const { fresh, extracted } = came.length > 0 && changes.quiet ? scanner.readNear(came, location.href) : scanAll();
    askVerdicts();
    report(fresh, extracted > 0 || fresh.length > 0);
  };
  const scanAll = () => {
    const result = scanner.scan(document, location.href, changes.take());
    last = { scanned: result.scanned, posts: result.posts };
    lastFound = null;
    return result;
  };
  /** Sends what a scan or a batch of verdicts found: complaints, and health and brand answers when they changed. */
  const report = (fresh: Array<{ post: PostSnapshot; detection: Detection }>, read: boolean) => {
    const { scanned, posts } = last;
    // Answers can only change when a post was read or judged, or the brand's handles were edited.
    const brandReplies = read || brandChanged ? checkAnswered(posts) : undefined;
    brandChanged = false;
    // Health is judged on the pages the adapter claims (its detectors), not on settings or message pages.
    const health = adapter.pageKind(location.href) === null ? undefined : healthNow(posts);
    if (fresh.length > 0 || health !== undefined || brandReplies !== undefined) {
      void send({
        type: "complaints/seen",
        items: fresh,
        scanned,
        ...(health !== undefined ? { health } : {}),
        ...(brandReplies !== undefined ? { answered: brandReplies } : {}),
      });
    }
  };

  // One observer for the whole page. Scans wait for idle time so the site's own scripting stays first, and come
  // at most every SCAN_GAP_MS: a feed loading its posts in a burst of frames is scanned a few times, not once per
  // frame (each scan looks through the whole page for posts).
  let pending = false;
  let lastScanAt = Number.NEGATIVE_INFINITY;
  const scanWhenIdle = () =>
    ctx.requestIdleCallback(
      () => {
        pending = false;
        lastScanAt = performance.now();
        scan();
      },
      { timeout: 250 },
    );
  const schedule = () => {
    if (pending) return;
    pending = true;
    const wait = lastScanAt + SCAN_GAP_MS - performance.now();
    if (wait > 0) ctx.setTimeout(scanWhenIdle, wait);
    else scanWhenIdle();
  };
  // Our own badges going in or out change the page too: those mutations alone do not call for a scan. Elements
  // the page adds are read once they come near the agent (near.watch); anything else (text, links, removals: a
  // recycled or re-rendered post) calls for a scan now. (A badge removed is the site re-rendering the post: that one
  // calls for a scan, to put the badge back.) A feed adds thousands of records as it loads: each record's lists are
  // read once, with plain loops.
  const observer = new MutationObserver((records) => {
    let now = false;
    for (const record of records) {
      if (record.type === "childList" && record.removedNodes.length === 0) {
        let text = false;
        const added = record.addedNodes;
        for (let i = 0; i < added.length; i++) {
          const node = added[i] as Node;
          if (node.nodeType !== Node.ELEMENT_NODE) text = true;
          else if (!isBadge(node as Element)) near.watch(node as Element);
        }
        if (!text) continue;
      }
      changes.note(record.target);
      now = true;
    }
    if (now) schedule();
  });
  // Text and link changes too: a recycled post may only get new text nodes' values or a new permalink.
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["href", "datetime"],
  });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, "wxt:locationchange", () => {
    changes.all();
    // The background forgets the tab's health when its URL changes: report it again for the new page.
    lastHealth = "";
    healthCheckedAt = Date.now() - HEALTH_EVERY_MS + 2_000;
    ctx.setTimeout(schedule, 2_500);
    schedule();
  });
  // Ages on the badges move with the clock; a page that stopped changing still gets its health checked.
  ctx.setInterval(() => {
    for (const { host, post, detection } of scanner.marks(document)) updateBadge(host, post, detection, badgeOptions);
    near.sweep();
    changes.all();
    schedule();
  }, 30_000);
  // The first health check waits for the page to render its posts.
  healthCheckedAt = Date.now() - HEALTH_EVERY_MS + 3_000;
  ctx.setTimeout(schedule, 3_500);
  lastScanAt = performance.now();
  scan();

  // The context menu says "this post", the page only tells us where the agent right-clicked.
  let lastContextTarget: Node | null = null;
  ctx.addEventListener(document, "contextmenu", (e) => {
    lastContextTarget = e.target instanceof Node ? e.target : null;
  });

  const onMessage = (raw: unknown): Promise<InsertResult> | undefined => {
    const msg = readToContent(raw);
    if (!msg) return undefined;
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
      const found = lastContextTarget ? scanner.postAt(document, lastContextTarget, location.href) : null;
      if (found) {
        void (found.detection ? Promise.resolve(found.detection) : judge([found.post]).then((d) => d[0]))
          .then((detection) => {
            if (!detection) return;
            scanner.markComplaint(found.el, found.post, detection);
            return send({ type: "complaints/missed", post: found.post, detection });
          })
          .catch((error: unknown) => console.warn("Apaise: the detector did not answer:", error));
      }
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

/** The background's verdicts on `posts`, in order; throws when it does not answer or answers nonsense. */
async function judge(posts: readonly PostSnapshot[]): Promise<Detection[]> {
  const result = readClassifyResult(await browser.runtime.sendMessage({ type: "posts/classify", items: posts }));
  if (!result) throw new Error("verdicts refused: not a ClassifyResult");
  if (!result.ok) throw new Error(result.error);
  if (result.detections.length !== posts.length) throw new Error("verdicts refused: one per post expected");
  return result.detections;
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

const isBadge = (el: Element): boolean => el.hasAttribute("data-apaise-badge");
