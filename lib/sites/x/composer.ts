/**
 * X's reply composers: the inline one under a focal post on a status page and the modal one opened by a post's
 * Reply button. Finds/opens them and tells whether the agent then posted. Never clicks the post button itself:
 * the agent stays the one who publishes.
 */
import { readEditorText, resolveEditable } from "../../insert";

/**
 * Selectors as data so a markup change is a one-line fix. Ordered best first; later entries are fallbacks.
 * Last checked against x.com markup captured 2026-02-13 (status page with inline reply composer) and 2025-11-20
 * (home timeline with the "What's happening?" composer).
 */
export const X_COMPOSER_SELECTORS = {
  lastSeen: "2026-02-13",
  /** Draft.js renders data-testid on the contenteditable itself; the wrapper id is the fallback. */
  editor: [
    'div[data-testid="tweetTextarea_0"][contenteditable="true"]',
    '[data-testid="tweetTextarea_0"]',
    '[data-testid="tweetTextarea_0RichTextInputContainer"] [contenteditable="true"]',
  ],
  dialog: ['div[role="dialog"][aria-modal="true"]', 'div[role="dialog"]'],
  post: ['article[data-testid="tweet"]', 'article[role="article"]'],
  /** The post a status page is about; X gives it tabindex=-1 while timeline posts have 0. */
  focalPost: ['article[data-testid="tweet"][tabindex="-1"]'],
  replyButton: ['button[data-testid="reply"]', '[role="button"][data-testid="reply"]'],
  /** Modal composer first, inline (status page / home) second. */
  submitButton: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'],
  /** Quoted posts are role=link blocks inside the article; their controls are not the outer post's. */
  quotedPost: ['div[role="link"][tabindex="0"]'],
  cell: ['div[data-testid="cellInnerDiv"]'],
  column: ['div[data-testid="primaryColumn"]', "main"],
  statusLink: ['a[href*="/status/"] time'],
} as const;

type SelectorList = readonly string[];
const S = X_COMPOSER_SELECTORS;
const join = (list: SelectorList) => list.join(", ");

function first<T extends Element = HTMLElement>(root: ParentNode, list: SelectorList): T | null {
  for (const sel of list) {
    const el = root.querySelector<T & Element>(sel);
    if (el) return el;
  }
  return null;
}

function all(root: ParentNode, list: SelectorList): HTMLElement[] {
  for (const sel of list) {
    const found = Array.from(root.querySelectorAll<HTMLElement>(sel));
    if (found.length) return found;
  }
  return [];
}

function editorFrom(el: Element | null): HTMLElement | null {
  return el ? resolveEditable(el) : null;
}

/** "/handle/status/123" of a post, from its timestamp link, or null. */
export function statusPathOf(article: Element): string | null {
  for (const time of all(article, S.statusLink)) {
    const quoted = time.closest(join(S.quotedPost));
    if (quoted && article.contains(quoted)) continue;
    const a = time.closest("a");
    const href = a?.getAttribute("href");
    if (!href) continue;
    const path = new URL(href, article.ownerDocument.location?.href ?? "https://x.com/").pathname;
    const m = /^\/[^/]+\/status\/\d+/.exec(path);
    if (m) return m[0];
  }
  return null;
}

/**
 * The composer already on screen that replies to `article`: the inline composer of a focal post on its status page,
 * or an open reply dialog that shows this post. Null for timeline posts without an open dialog.
 */
export function findReplyComposer(article: Element, doc: Document): HTMLElement | null {
  const path = statusPathOf(article);
  if (path) {
    for (const dialog of all(doc, S.dialog)) {
      const ed = editorFrom(first(dialog, S.editor));
      if (ed && Array.from(dialog.querySelectorAll("a[href]")).some((a) => linkPath(a, doc) === path)) return ed;
    }
  }
  if (!article.matches(join(S.focalPost))) return null;
  // On a status page the inline composer shares the focal post's cell (div[data-testid="inline_reply_offscreen"]).
  const cell = article.closest(join(S.cell));
  const inCell = cell ? editorFrom(first(cell, S.editor)) : null;
  if (inCell && !inCell.closest(join(S.dialog))) return inCell;
  // Fallback: the first composer after the focal post in the column that is not in a dialog.
  const column = article.closest(join(S.column)) ?? doc;
  for (const el of all(column, S.editor)) {
    if (el.closest(join(S.dialog))) continue;
    // 4 = Node.DOCUMENT_POSITION_FOLLOWING, spelled out so no global Node is needed.
    if (article.compareDocumentPosition(el) & 4) return editorFrom(el);
  }
  return null;
}

function linkPath(a: Element, doc: Document): string | null {
  try {
    return new URL(a.getAttribute("href") ?? "", doc.location?.href ?? "https://x.com/").pathname;
  } catch {
    return null;
  }
}

/** The post's own Reply button, not one inside a quoted post. */
export function replyButtonOf(article: Element): HTMLElement | null {
  const quoted = join(S.quotedPost);
  const own = all(article, S.replyButton).filter((b) => {
    if (b.closest(join(S.post)) !== article) return false;
    const q = b.closest(quoted);
    return !(q && article.contains(q));
  });
  // The post's action bar comes after its content, so the last match is the outer post's.
  return own[own.length - 1] ?? null;
}

export interface OpenOptions {
  doc?: Document;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Clicks the post's Reply button and resolves with the modal composer's contenteditable once it is in the DOM. */
export async function openReplyComposer(article: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? article.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const button = replyButtonOf(article);
  if (!button) throw new Error('openReplyComposer: no button[data-testid="reply"] in this post');
  const dialogEditors = () =>
    all(doc, S.dialog)
      .map((d) => editorFrom(first(d, S.editor)))
      .filter((e): e is HTMLElement => e !== null);
  // A dialog left open from before is not the one this click opens.
  const before = new Set(dialogEditors());
  const found = waitForElement(doc, () => dialogEditors().find((e) => !before.has(e)) ?? null, {
    signal: opts.signal,
    timeoutMs,
    what: `reply composer (div[role="dialog"] [data-testid="tweetTextarea_0"]) did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

/** The composer's post button ("Reply"/"Post"): the dialog's, or the nearest one around an inline composer. */
export function submitButtonFor(editor: HTMLElement): HTMLButtonElement | null {
  const dialog = editor.closest(join(S.dialog));
  if (dialog) return first<HTMLButtonElement>(dialog, S.submitButton);
  // Walk up until an ancestor holds a post button, but stop before one that holds another composer too.
  for (let n = editor.parentElement; n; n = n.parentElement) {
    const editors = all(n, S.editor).filter((e) => resolveEditable(e) !== editor);
    if (editors.length > 0) return null;
    const btn = first<HTMLButtonElement>(n, S.submitButton);
    if (btn) return btn;
  }
  return null;
}

export type PostOutcome = "posted" | "cancelled" | "timeout";

export interface WatchOptions {
  doc?: Document;
  signal?: AbortSignal;
  /** Defaults to 15 minutes: an agent may edit the reply for a long time. */
  timeoutMs?: number;
}

/**
 * Resolves when the agent is done with the composer: "posted" once they clicked the post button (or pressed
 * Ctrl/Cmd+Enter, X's shortcut) and the composer then closed or was emptied; "cancelled" when it closed without that;
 * "timeout" otherwise. Rejects with the signal's reason when aborted. A post that X rejected after the click but whose
 * dialog the agent then closed still counts as posted: the click is the only submit signal the page gives.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const doc = opts.doc ?? editor.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 15 * 60_000;
  const dialog = editor.closest(join(S.dialog));
  const submitSel = join(S.submitButton);
  let submitted = false;

  return new Promise<PostOutcome>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(opts.signal.reason);
      return;
    }
    const isOurButton = (btn: Element) => (dialog ? dialog.contains(btn) : submitButtonFor(editor) === btn);
    const onClick = (e: Event) => {
      const btn = asElement(e.target)?.closest(submitSel) ?? null;
      if (btn && isOurButton(btn) && !isDisabled(btn)) submitted = true;
    };
    const onKey = (e: KeyboardEvent) => {
      const target = asElement(e.target);
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && target && editor.contains(target)) {
        const btn = submitButtonFor(editor);
        if (btn && !isDisabled(btn)) submitted = true;
      }
    };
    const check = () => {
      const closed = dialog ? !dialog.isConnected : !editor.isConnected;
      if (closed) return finish(submitted ? "posted" : "cancelled");
      // An inline composer stays on the page after posting; X empties it instead.
      if (submitted && !editor.isConnected) return finish("posted");
      if (submitted && readEditorText(editor).trim() === "") return finish("posted");
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    const onAbort = () => {
      cleanup();
      reject(opts.signal?.reason);
    };
    function cleanup() {
      observer.disconnect();
      clearTimeout(timer);
      doc.removeEventListener("click", onClick, true);
      doc.removeEventListener("keydown", onKey, true);
      opts.signal?.removeEventListener("abort", onAbort);
    }
    function finish(outcome: PostOutcome) {
      cleanup();
      resolve(outcome);
    }
    // Capture phase: the site's own handlers may stop propagation or remove the button before bubbling ends.
    doc.addEventListener("click", onClick, true);
    doc.addEventListener("keydown", onKey, true);
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    check();
  });
}

/** Duck-typed so it also works for nodes of another realm (page vs. content script, jsdom windows). */
function asElement(t: EventTarget | null): Element | null {
  return t && (t as Node).nodeType === 1 ? (t as Element) : null;
}

function isDisabled(btn: Element): boolean {
  return btn.hasAttribute("disabled") || btn.getAttribute("aria-disabled") === "true";
}

/** Resolves with the first non-null `probe()` result, re-probing on every DOM change. */
function waitForElement<T>(
  doc: Document,
  probe: () => T | null,
  opts: { signal?: AbortSignal; timeoutMs: number; what: string },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(opts.signal.reason);
      return;
    }
    const observer = new MutationObserver(() => {
      const hit = probe();
      if (hit !== null) done(() => resolve(hit));
    });
    const timer = setTimeout(() => done(() => reject(new Error(`X: ${opts.what}`))), opts.timeoutMs);
    const onAbort = () => done(() => reject(opts.signal?.reason));
    function done(settle: () => void) {
      observer.disconnect();
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      settle();
    }
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    const hit = probe();
    if (hit !== null) done(() => resolve(hit));
  });
}
