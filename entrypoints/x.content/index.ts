/**
 * X content script: wires the X adapter, the classifier and the badge to the page, and inserts replies on request.
 * Every observer and listener is tied to ctx, so an extension reload leaves nothing behind.
 */

import { Scanner } from "@/lib/content/scanner";
import { detect, loadModelFromBytes, type Model } from "@/lib/detect";
import { resolveUiLang, type UiLang } from "@/lib/i18n";
import { insertText } from "@/lib/insert";
import { complaintKey, type InsertResult, parseMessage, type ToBackgroundFromContent, ToContent } from "@/lib/messages";
import type { Settings } from "@/lib/schemas";
import { getSettings, settingsItem } from "@/lib/settings";
import { X_MATCHES } from "@/lib/sites/matches";
import { extractPost, findPosts, postIdOf } from "@/lib/sites/x";
import { findReplyComposer, openReplyComposer, watchPosted } from "@/lib/sites/x/composer";
import { type Claim, createBadge, updateBadge } from "./badge";

export default defineContentScript({
  matches: X_MATCHES,
  runAt: "document_idle",
  async main(ctx) {
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
      { findPosts, postIdOf, extractPost },
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
          // Right after the author's name, handle and time: read with them, and away from X's own buttons.
          const anchor = el.querySelector('[data-testid="User-Name"]');
          if (anchor) anchor.append(host);
          else el.prepend(host);
          return host;
        },
        unmark(host) {
          host.remove();
        },
      },
    );

    const scan = () => {
      if (ctx.isInvalid) return;
      const { scanned, fresh } = scanner.scan(document, location.href);
      if (fresh.length > 0) void send({ type: "complaints/seen", items: fresh, scanned });
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
    ctx.addEventListener(window, "wxt:locationchange", schedule);
    // Ages on the badges move with the clock.
    ctx.setInterval(() => {
      for (const { host, post, detection } of scanner.marks(document)) updateBadge(host, post, detection, badgeOptions);
    }, 30_000);
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
        for (const { host, post, detection } of scanner.marks(document))
          updateBadge(host, post, detection, badgeOptions);
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

    async function insertReply(article: Element | null, text: string, logId: string): Promise<InsertResult> {
      if (!article) return { ok: false, error: "The post is no longer in the page: scroll back to it and try again." };
      try {
        const composer =
          findReplyComposer(article, document) ??
          (await openReplyComposer(article, { doc: document, signal: ctx.signal }));
        const result = await insertText(composer, text);
        if (!result.ok)
          return { ok: false, error: "The reply box did not take the text: paste it by hand (it is copied)." };
        // Posted or not is the agent's decision: we only watch for it.
        void watchPosted(composer, { doc: document, signal: ctx.signal, timeoutMs: 30 * 60_000 }).then((outcome) =>
          send({ type: "reply/outcome", logId, outcome, at: Date.now() }),
        );
        return { ok: true, method: result.method };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
  },
});

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

function revealPost(article: Element | null): void {
  if (!(article instanceof HTMLElement)) return;
  article.scrollIntoView({ block: "center", behavior: "smooth" });
  const previous = article.style.outline;
  article.style.outline = "2px solid #ea580c";
  setTimeout(() => {
    article.style.outline = previous;
  }, 1500);
}

function send(msg: ToBackgroundFromContent): Promise<unknown> {
  return browser.runtime.sendMessage(msg).catch(() => undefined);
}
