/**
 * YouTube's reply box: a comment's Reply opens a `ytd-commentbox` whose editor is a plain contenteditable
 * (`#contenteditable-root`; lib/insert types into it with execCommand, as a user would). YouTube has mounted it in
 * two places over the years: inside the comment (`#reply-dialog`, with `ytd-comment-renderer` and the first
 * `ytd-comment-view-model`s), and in the thread under the comment or the replies (current). A box in the thread
 * belongs to the comment whose "@handle" it starts with (YouTube prefills it when replying to a reply), else to the
 * comment it follows. Never presses Reply/Comment: the agent stays the one who publishes.
 */
import { readEditorText, resolveEditable } from "../../insert";
import { closestDeep, isHidden, type SelectorSpec, selectAll, selectFirst } from "../dom";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { boxedComposer, waitForElement, watchComposer } from "../watch";
import { authorOf } from "./extract";
import { YOUTUBE_SELECTORS as S } from "./selectors";

const join = (spec: SelectorSpec) => spec.css.join(", ");
/** Node.DOCUMENT_POSITION_FOLLOWING. */
const FOLLOWING = 4;

function ownerOf(node: Element): Element | null {
  return node.closest(join(S.comment));
}

/** The editor of a comment box, when it is shown. */
function editorIn(box: Element): HTMLElement | null {
  const hit = selectFirst(box, S.editor);
  const editor = hit ? resolveEditable(hit) : null;
  return editor && !isHidden(editor) ? editor : null;
}

/**
 * Who a box in the thread (outside every comment) replies to: the comment whose author its "@handle" names (YouTube
 * prefills it when replying to a reply), else the last comment before it.
 */
function boxOwner(box: Element, editor: HTMLElement, thread: Element): Element | null {
  const before = [...thread.querySelectorAll(join(S.comment))].filter(
    (c) => c.compareDocumentPosition(box) & FOLLOWING,
  );
  const mention = /^@([^\s@]+)/u.exec(readEditorText(editor).trimStart())?.[1]?.toLowerCase();
  const named = mention ? before.filter((c) => authorOf(c)?.toLowerCase() === mention).at(-1) : undefined;
  return named ?? before.at(-1) ?? null;
}

/** The reply box already open for the comment `el`, or null. */
export function findReplyComposer(el: Element, _doc: Document): HTMLElement | null {
  // Inside the comment itself (`#reply-dialog`).
  for (const box of selectAll(el, S.commentbox, (b) => ownerOf(b) === el)) {
    const editor = editorIn(box);
    if (editor) return editor;
  }
  // In the thread, after the comment.
  const thread = el.closest(join(S.thread));
  if (!thread) return null;
  for (const box of selectAll(thread, S.commentbox, (b) => ownerOf(b) === null)) {
    const editor = editorIn(box);
    if (editor && boxOwner(box, editor, thread) === el) return editor;
  }
  return null;
}

/** The comment's own Reply button (not a reply's: replies are elements of their own). */
export function replyButtonOf(el: Element): HTMLElement | null {
  return (selectAll(el, S.replyButton, (b) => ownerOf(b) === el)[0] as HTMLElement | undefined) ?? null;
}

/** Presses the comment's Reply and resolves with the reply box's editor once it is shown. */
export async function openReplyComposer(el: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? el.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(el, doc);
  if (already) return already;
  const button = replyButtonOf(el);
  if (!button) throw new Error("YouTube: this comment shows no Reply button (signed out, or replies are turned off).");
  const found = waitForElement(doc, () => findReplyComposer(el, doc), {
    signal: opts.signal,
    timeoutMs,
    what: `YouTube: the reply box did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

function boxOf(editor: HTMLElement): Element | null {
  return closestDeep(editor, join(S.commentbox));
}

function submitOf(editor: HTMLElement): Element | null {
  const box = boxOf(editor);
  return box ? selectFirst(box, S.submit) : null;
}

/**
 * "posted" once the agent pressed the box's Reply (or Ctrl/Cmd+Enter) and YouTube then closed or emptied the box;
 * "cancelled" when it closed without that (Cancel); "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const box = boxOf(editor);
  return watchComposer(editor, {
    ...opts,
    submitButton: submitOf,
    ...boxedComposer(box, join(S.submit)),
  });
}
