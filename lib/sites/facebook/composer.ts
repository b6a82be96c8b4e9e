/**
 * Facebook's comment composers (Lexical contenteditables, `div[role="textbox"]`): the post's own ("Write a
 * comment…", "Comment as <Page>"), under the post, and the reply composer a comment's Reply control opens below
 * it, labelled "Reply to <name>" and prefilled with a mention. Finds and opens them and tells whether the agent
 * then posted. Never presses Enter or the send control: the agent stays the one who publishes.
 */
import { resolveEditable } from "../../insert";
import { closestDeep, containsDeep, selectAll } from "../dom";
import { renderedText } from "../text";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { waitForElement, watchComposer } from "../watch";
import { authorNameOf, findPosts, isComment } from "./extract";
import { REPLY_LABELS, REPLY_TO, FACEBOOK_SELECTORS as S, SUBMIT_LABELS } from "./selectors";

const EDITOR = S.editor.css.join(", ");
const BUTTON = S.button.css[0];
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The post or comment that owns `node`, as the extractor sees it. */
function ownerIn(node: Element, doc: Document): Element | null {
  const items = findPosts(doc);
  let best: Element | null = null;
  for (const item of items) if (item.contains(node) && (!best || best.contains(item))) best = item;
  return best;
}

function editorsIn(scope: ParentNode): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const hit of scope.querySelectorAll(EDITOR)) {
    const editor = resolveEditable(hit);
    if (editor && !out.includes(editor)) out.push(editor);
  }
  return out;
}

/** The name a reply composer is labelled with ("Reply to Sam K" → "Sam K"), or null for a post's composer. */
function replyTarget(editor: HTMLElement): string | null {
  return REPLY_TO.exec(editor.getAttribute("aria-label") ?? "")?.[1] ?? null;
}

/** The post a comment is under: the post element that contains it. */
function postOf(comment: Element, doc: Document): Element | null {
  return findPosts(doc).find((p) => !isComment(p) && p.contains(comment)) ?? null;
}

/**
 * The composer already open that replies to `item`: the post's own composer (not a reply composer), or, for a
 * comment, the reply composer below it labelled with its author's name.
 */
export function findReplyComposer(item: Element, doc: Document): HTMLElement | null {
  if (!isComment(item)) {
    return editorsIn(item).find((e) => replyTarget(e) === null && ownerIn(e, doc) === item) ?? null;
  }
  const name = squash(authorNameOf(item));
  if (!name) return null;
  const scope = postOf(item, doc) ?? item.parentElement ?? doc;
  // The reply composer comes after the comment (and its replies), before the next comment of its level.
  return (
    editorsIn(scope).find(
      (e) =>
        replyTarget(e) !== null && squash(replyTarget(e) ?? "") === name && (item.compareDocumentPosition(e) & 4) !== 0,
    ) ?? null
  );
}

/** The control that opens the composer replying to `item`: the post's Comment control, a comment's Reply. */
export function replyButtonOf(item: Element): HTMLElement | null {
  const doc = item.ownerDocument;
  if (isComment(item)) {
    const own = selectAll(item, S.button, (b) => ownerIn(b, doc) === item);
    return (own.find((b) => REPLY_LABELS.has(renderedText(b))) as HTMLElement | undefined) ?? null;
  }
  for (const css of S.commentButton.css) {
    for (const hit of item.querySelectorAll(css)) {
      const button = hit.matches(BUTTON) ? hit : (hit.closest(BUTTON) ?? hit);
      if (ownerIn(button, doc) === item) return button as HTMLElement;
    }
  }
  return null;
}

/** Presses the item's Comment/Reply control and resolves with the composer once it is in the page. */
export async function openReplyComposer(item: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? item.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(item, doc);
  if (already) return already;
  const button = replyButtonOf(item);
  if (!button) {
    throw new Error(
      isComment(item)
        ? "Facebook: this comment shows no Reply control (are you signed in as someone who may reply?)."
        : "Facebook: this post shows no Comment control (comments may be limited).",
    );
  }
  const found = waitForElement(doc, () => findReplyComposer(item, doc), {
    signal: opts.signal,
    timeoutMs,
    what: `Facebook: the comment box did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

/** The composer's send control: the nearest control around the editor labelled "Comment"/"Reply"/"Commenter"… */
function submitOf(editor: HTMLElement): Element | null {
  let n: Element | null = editor.parentElement;
  for (let depth = 0; n && depth < 8; depth++, n = n.parentElement) {
    if (editorsIn(n).some((e) => e !== editor)) return null;
    const hit = [...n.querySelectorAll(BUTTON)].find((b) => SUBMIT_LABELS.has(b.getAttribute("aria-label") ?? ""));
    if (hit) return hit;
  }
  return null;
}

/**
 * "posted" once the agent sent the comment (Enter, which is how Facebook sends a comment, or the send control)
 * and Facebook then emptied or removed the composer; "cancelled" when it was removed without that; "timeout"
 * otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const submit = submitOf(editor);
  return watchComposer(editor, {
    ...opts,
    enterSubmits: true,
    submitButton: (e) => submitOf(e),
    isSubmit: (target) => {
      const button = closestDeep(target, BUTTON);
      return !!button && !!submit && (button === submit || containsDeep(submit, button));
    },
  });
}
