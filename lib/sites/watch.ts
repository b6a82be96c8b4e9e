/**
 * Composer watching shared by the adapters: wait for an element to appear, and tell whether the agent posted the
 * reply (clicked the composer's submit control or pressed Ctrl/Cmd+Enter, then the composer closed or emptied).
 * Everything is tied to an AbortSignal and a timeout, and observes with one MutationObserver.
 */
import { readEditorText } from "../insert";
import { closestDeep, containsDeep, isElement, isHidden } from "./dom";
import type { PostOutcome, WatchOptions } from "./types";

/** Resolves with the first non-null `probe()` result, re-probing on every DOM change. */
export function waitForElement<T>(
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
    const timer = setTimeout(() => done(() => reject(new Error(opts.what))), opts.timeoutMs);
    // Mutations inside shadow roots never reach an observer on the document: probe on a timer too.
    const poll = setInterval(() => {
      const hit = probe();
      if (hit !== null) done(() => resolve(hit));
    }, 100);
    const onAbort = () => done(() => reject(opts.signal?.reason));
    function done(settle: () => void) {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      opts.signal?.removeEventListener("abort", onAbort);
      settle();
    }
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    // Attributes too: composers often open by toggling `hidden` or a class, not by adding nodes.
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
    const hit = probe();
    if (hit !== null) done(() => resolve(hit));
  });
}

export interface ComposerWatch extends WatchOptions {
  /** The submit control of this composer, or null (then only Ctrl/Cmd+Enter counts). */
  submitButton(editor: HTMLElement): Element | null;
  /** Whether `el` (the target of a click) is this composer's submit control or inside it. */
  isSubmit(el: Element, editor: HTMLElement): boolean;
  /** The composer is gone: removed from the page or hidden. Defaults to "the editor is no longer connected". */
  closed?(editor: HTMLElement): boolean;
  /**
   * Plain Enter (without Shift) submits too: Facebook's comment boxes post on Enter. A mention picked with Enter
   * then counts as a submit, but "posted" still needs the composer emptied or closed afterwards.
   */
  enterSubmits?: boolean;
}

/**
 * The usual composer: an editor inside a box that holds its submit control. A click on a control matching
 * `submitCss` inside the box submits; the composer is closed once the editor or the box leaves the page, or the
 * editor is hidden.
 */
export function boxedComposer(box: Element | null, submitCss: string): Pick<ComposerWatch, "isSubmit" | "closed"> {
  return {
    isSubmit: (target) => {
      const submit = closestDeep(target, submitCss);
      return !!submit && !!box && containsDeep(box, submit);
    },
    closed: (e) => !e.isConnected || (box !== null && !box.isConnected) || isHidden(e),
  };
}

function isDisabled(btn: Element | null): boolean {
  return !!btn && (btn.hasAttribute("disabled") || btn.getAttribute("aria-disabled") === "true");
}

/**
 * "posted" once the agent submitted (click on the composer's submit control, or Ctrl/Cmd+Enter in it) and the
 * composer then closed or was emptied; "cancelled" when it closed without that; "timeout" otherwise. Rejects
 * with the signal's reason when aborted. A click the site then refused still counts as posted if the agent
 * closes the composer: the click is the only submit signal the page gives.
 */
export function watchComposer(editor: HTMLElement, opts: ComposerWatch): Promise<PostOutcome> {
  const doc = opts.doc ?? editor.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 15 * 60_000;
  const closed = opts.closed ?? ((e: HTMLElement) => !e.isConnected);
  let submitted = false;

  return new Promise<PostOutcome>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(opts.signal.reason);
      return;
    }
    // composedPath: a click inside a shadow root reaches the document retargeted to the host.
    const targetOf = (e: Event): Element | null => {
      const first = e.composedPath?.()[0] ?? e.target;
      return isElement(first) ? first : null;
    };
    const onClick = (e: Event) => {
      const target = targetOf(e);
      if (target && opts.isSubmit(target, editor) && !isDisabled(closestButton(target))) submitted = true;
    };
    const onKey = (e: KeyboardEvent) => {
      const target = targetOf(e);
      const plain = opts.enterSubmits === true && !e.shiftKey && !e.altKey && !e.isComposing;
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey || plain) && target && containsDeep(editor, target)) {
        if (!isDisabled(opts.submitButton(editor))) submitted = true;
      }
    };
    // Also from `submit`: a form can be sent by the site's own keyboard shortcut without any click.
    const onSubmit = (e: Event) => {
      const form = targetOf(e);
      if (form && containsDeep(form, editor)) submitted = true;
    };
    const check = () => {
      if (closed(editor)) return finish(submitted ? "posted" : "cancelled");
      // An inline composer often stays on the page after posting: the site empties it instead.
      if (submitted && readEditorText(editor).trim() === "") return finish("posted");
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    // Text fields change their value without any DOM mutation: poll them too.
    const poll = setInterval(check, 500);
    const onAbort = () => {
      cleanup();
      reject(opts.signal?.reason);
    };
    function cleanup() {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      doc.removeEventListener("click", onClick, true);
      doc.removeEventListener("keydown", onKey, true);
      doc.removeEventListener("submit", onSubmit, true);
      opts.signal?.removeEventListener("abort", onAbort);
    }
    function finish(outcome: PostOutcome) {
      cleanup();
      resolve(outcome);
    }
    // Capture phase: the site's own handlers may stop propagation or remove the button before bubbling ends.
    doc.addEventListener("click", onClick, true);
    doc.addEventListener("keydown", onKey, true);
    doc.addEventListener("submit", onSubmit, true);
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  });
}

function closestButton(el: Element): Element | null {
  return closestDeep(el, 'button, [role="button"], input[type="submit"]');
}
