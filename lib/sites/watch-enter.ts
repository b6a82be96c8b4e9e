/**
 * For composers that post on a plain Enter (Instagram's comment box, TikTok's): lib/sites/watch.ts counts a click
 * on the submit control and Ctrl/Cmd+Enter, but these sites post on Enter alone (Shift+Enter is a new line), then
 * empty the box and leave it in the page. This counts that Enter as the agent posting.
 */
import { readEditorText } from "../insert";
import { containsDeep, isElement } from "./dom";
import type { PostOutcome } from "./types";
import { type ComposerWatch, watchComposer } from "./watch";

function isDisabled(btn: Element | null): boolean {
  return !!btn && (btn.hasAttribute("disabled") || btn.getAttribute("aria-disabled") === "true");
}

/**
 * `watchComposer`, where Enter (no Shift, not while an IME composes) in a non-empty editor is a submit too: once
 * pressed, the editor emptied or closed is "posted".
 */
export function watchComposerPostingOnEnter(editor: HTMLElement, opts: ComposerWatch): Promise<PostOutcome> {
  const doc = opts.doc ?? editor.ownerDocument;
  let entered = false;
  const onKey = (e: KeyboardEvent) => {
    const target = e.composedPath?.()[0] ?? e.target;
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || !isElement(target) || !containsDeep(editor, target)) return;
    // Captured before the site's own handler empties the box: the text is still there.
    if (readEditorText(editor).trim() !== "" && !isDisabled(opts.submitButton(editor))) entered = true;
  };
  doc.addEventListener("keydown", onKey, true);
  const closed = opts.closed ?? ((e: HTMLElement) => !e.isConnected);
  return watchComposer(editor, {
    ...opts,
    closed: (e) => closed(e) || (entered && readEditorText(e).trim() === ""),
  })
    .then((outcome): PostOutcome => (outcome === "cancelled" && entered ? "posted" : outcome))
    .finally(() => doc.removeEventListener("keydown", onKey, true));
}
