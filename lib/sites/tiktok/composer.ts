/**
 * TikTok's comment boxes: a comment's "Reply" opens a box inline in the comment list, right under the comment it
 * answers (the box at the foot of the panel answers the video, not a comment). The editor is Draft.js: lib/insert
 * pastes into it so Draft.js keeps its own state. TikTok posts on Enter, or on "Post"; this never does either:
 * the agent stays the one who publishes.
 */
import { resolveEditable } from "../../insert";
import { closestDeep, isHidden, type SelectorSpec, selectFirst } from "../dom";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { boxedComposer, waitForElement } from "../watch";
import { watchComposerPostingOnEnter } from "../watch-enter";
import { TIKTOK_SELECTORS as S } from "./selectors";

const join = (spec: SelectorSpec) => spec.css.join(", ");
/** Node.DOCUMENT_POSITION_FOLLOWING. */
const FOLLOWING = 4;

/** The Draft.js editor of a box, when it is shown. */
function editorIn(box: Element): HTMLElement | null {
  const hit = selectFirst(box, S.editor);
  const editor = hit ? resolveEditable(hit) : null;
  return editor && !isHidden(editor) ? editor : null;
}

/** Comment boxes under `scope`, outermost only. */
function boxesIn(scope: Element): Element[] {
  const css = join(S.inputBox);
  return [...(scope.matches(css) ? [scope] : []), ...scope.querySelectorAll(css)].filter(
    (b) => !b.parentElement?.closest(css),
  );
}

/**
 * Where the box Reply opens under `el` can be: in the comment's thread (under the comment, or under the replies)
 * and right after the thread in the list, up to the next thread. Not the whole list: it may hold hundreds of
 * comments, and this runs on every change while the box opens.
 */
function nearbyBoxes(el: Element, list: Element): Element[] {
  const thread = el.closest(join(S.thread));
  if (!thread || thread === list) return boxesIn(list);
  const found = boxesIn(thread);
  for (let next = thread.nextElementSibling; next && !next.matches(join(S.thread)); next = next.nextElementSibling) {
    found.push(...boxesIn(next));
  }
  return found;
}

/**
 * The reply box already open under the comment `el`, or null: a box inside the comment's block, or a box after it
 * with no other comment in between.
 */
export function findReplyComposer(el: Element, _doc: Document): HTMLElement | null {
  const list = el.closest(join(S.list)) ?? el.closest(join(S.thread));
  if (!list) {
    // No list around (markup changed): only a box inside the comment's own block counts.
    const inside = selectFirst(el, S.inputBox);
    return inside ? editorIn(inside) : null;
  }
  const texts = join(S.commentText);
  const mine = nearbyBoxes(el, list).filter((box) => {
    if (el.contains(box)) return true;
    if (!(el.compareDocumentPosition(box) & FOLLOWING)) return false;
    const scope = box.closest(join(S.thread)) ?? list;
    if (!scope.contains(el)) return false;
    return ![...scope.querySelectorAll(texts)].some(
      (t) => !el.contains(t) && el.compareDocumentPosition(t) & FOLLOWING && t.compareDocumentPosition(box) & FOLLOWING,
    );
  });
  for (const box of mine) {
    const editor = editorIn(box);
    if (editor) return editor;
  }
  return null;
}

/** The comment's own "Reply". */
export function replyButtonOf(el: Element): HTMLElement | null {
  return (selectFirst(el, S.replyButton) as HTMLElement | null) ?? null;
}

/** Presses the comment's Reply and resolves with the inline box's editor once it is shown. */
export async function openReplyComposer(el: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? el.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(el, doc);
  if (already) return already;
  const button = replyButtonOf(el);
  if (!button) throw new Error("TikTok: this comment shows no Reply (signed out, or comments are limited).");
  const found = waitForElement(doc, () => findReplyComposer(el, doc), {
    signal: opts.signal,
    timeoutMs,
    what: `TikTok: the reply box did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

function boxOf(editor: HTMLElement): Element | null {
  const boxes = S.inputBox.css.map((css) => closestDeep(editor, css)).filter((b): b is Element => b !== null);
  // The outermost box: the input container holds the editor and the Post button.
  return boxes.sort((a, b) => (a.contains(b) ? -1 : b.contains(a) ? 1 : 0))[0] ?? null;
}

function submitOf(editor: HTMLElement): Element | null {
  const box = boxOf(editor);
  return box ? selectFirst(box, S.submit) : null;
}

/**
 * "posted" once the agent pressed Post or Enter (TikTok posts on Enter) and the box then emptied or closed;
 * "cancelled" when it closed without that; "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const box = boxOf(editor);
  return watchComposerPostingOnEnter(editor, {
    ...opts,
    submitButton: submitOf,
    ...boxedComposer(box, join(S.submit)),
  });
}
