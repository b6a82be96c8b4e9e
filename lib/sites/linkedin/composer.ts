/**
 * LinkedIn's comment boxes (Quill editors, `.ql-editor`): the post's own box, shown under the post once its
 * Comment button was pressed (always shown on a post's page), and the reply box a comment's Reply button opens in
 * its thread, prefilled with a mention of the person replied to. Finds and opens them and tells whether the agent
 * then posted. Never clicks Comment/Reply: the agent stays the one who publishes.
 */
import { resolveEditable } from "../../insert";
import { closestDeep, containsDeep, selectAll, selectFirst } from "../dom";
import { renderedText } from "../text";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { waitForElement, watchComposer } from "../watch";
import { extractPost, isComment } from "./extract";
import { LINKEDIN_SELECTORS as S } from "./selectors";

const ITEM = `${S.post.css.join(", ")}, ${S.comment.css.join(", ")}`;
const BOX = S.commentBox.css.join(", ");
const REPLY_BOX = S.replyBox.css.join(", ");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The post or comment that owns `node`. */
function ownerOf(node: Element): Element | null {
  return node.closest(ITEM);
}

/** Outermost visible comment boxes owned by `item`, each with its editor. */
function boxesOf(item: Element): { box: Element; editor: HTMLElement }[] {
  const out: { box: Element; editor: HTMLElement }[] = [];
  for (const box of item.querySelectorAll(BOX)) {
    if (ownerOf(box) !== item || out.some((o) => o.box.contains(box))) continue;
    if (box.closest("[hidden]")) continue;
    const hit = selectFirst(box, S.editor);
    const editor = hit ? resolveEditable(hit) : null;
    if (editor) out.push({ box, editor });
  }
  return out;
}

/** The name a reply box mentions first ("Sam K"), or null when it holds no mention. */
function mentionIn(editor: HTMLElement): string | null {
  const mention = selectFirst(editor, S.mention);
  return mention ? squash(renderedText(mention)).replace(/^@/, "") : null;
}

/** The top-level comment whose thread holds `comment` (itself when it is one). */
function threadOf(comment: Element): Element {
  let top = comment;
  for (
    let up = comment.parentElement?.closest(S.comment.css.join(", "));
    up;
    up = up.parentElement?.closest(S.comment.css.join(", "))
  ) {
    top = up;
  }
  return top;
}

/**
 * The box already open that replies to `item`: a post's own comment box; for a comment, a reply box in its thread
 * that mentions its author (or, under a top-level comment, one that mentions nobody).
 */
export function findReplyComposer(item: Element, _doc: Document): HTMLElement | null {
  if (!isComment(item)) {
    return boxesOf(item).find((b) => !b.box.matches(REPLY_BOX) && !b.box.closest(REPLY_BOX))?.editor ?? null;
  }
  const post = extractPost(item);
  if (!post) return null;
  const top = threadOf(item);
  const name = squash(post.name);
  for (const { box, editor } of boxesOf(top)) {
    if (!box.matches(REPLY_BOX) && !box.closest(REPLY_BOX)) continue;
    const mention = mentionIn(editor);
    if (mention !== null ? name !== "" && mention === name : item === top) return editor;
  }
  return null;
}

/** The control that opens the box replying to `item`: a post's Comment button, a comment's Reply button. */
export function replyButtonOf(item: Element): HTMLElement | null {
  const spec = isComment(item) ? S.commentReplyButton : S.commentButton;
  return (selectAll(item, spec, (b) => ownerOf(b) === item)[0] as HTMLElement | undefined) ?? null;
}

/** Presses the item's Comment/Reply button and resolves with the box's editor once it is in the page. */
export async function openReplyComposer(item: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? item.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(item, doc);
  if (already) return already;
  const button = replyButtonOf(item);
  if (!button) {
    throw new Error(
      isComment(item)
        ? "LinkedIn: this comment shows no Reply button (are you signed in?)."
        : "LinkedIn: this post shows no Comment button (comments may be turned off).",
    );
  }
  const found = waitForElement(doc, () => findReplyComposer(item, doc), {
    signal: opts.signal,
    timeoutMs,
    what: `LinkedIn: the comment box did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

/** The box around an editor: the whole comment box (with its submit button) before the editor's own wrapper. */
function boxOf(editor: HTMLElement): Element | null {
  for (const css of S.commentBox.css) {
    const box = closestDeep(editor, css);
    if (box) return box;
  }
  return null;
}

function submitOf(editor: HTMLElement): Element | null {
  const box = boxOf(editor);
  return box ? selectFirst(box, S.submit) : null;
}

/**
 * "posted" once the agent pressed the box's Comment/Reply button (or Ctrl/Cmd+Enter) and LinkedIn then emptied
 * or removed the box; "cancelled" when it was removed without that; "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const box = boxOf(editor);
  return watchComposer(editor, {
    ...opts,
    submitButton: submitOf,
    isSubmit: (target) => {
      const button = closestDeep(target, S.submit.css.join(", "));
      return !!button && !!box && containsDeep(box, button);
    },
    closed: (e) => !e.isConnected || (box !== null && (!box.isConnected || box.closest("[hidden]") !== null)),
  });
}
