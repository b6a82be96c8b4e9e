/**
 * Instagram's comment box: one React-controlled `<textarea>` under the post or reel. A comment's "Reply" fills it
 * with "@username " and focuses it (Instagram then posts the reply in that comment's thread); the box replies to a
 * comment while it starts with that mention. Never presses Post: the agent stays the one who publishes. lib/insert
 * sets the textarea through its native setter so React sees the text.
 */
import { readEditorText } from "../../insert";
import { closestDeep, containsDeep, type SelectorSpec, selectAll, selectFirst } from "../dom";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { waitForElement } from "../watch";
import { watchComposerPostingOnEnter } from "../watch-enter";
import { authorOf } from "./extract";
import { CONTROL_WORDS, INSTAGRAM_SELECTORS as S } from "./selectors";

const join = (spec: SelectorSpec) => spec.css.join(", ");
const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** The comment box of the post `el` is shown under: in the same dialog, article or page. */
function textareaFor(el: Element, doc: Document): HTMLTextAreaElement | null {
  const scope = el.closest(join(S.postScope)) ?? doc;
  const found = selectFirst(scope, S.textarea) ?? selectFirst(doc, S.textarea);
  return found?.localName === "textarea" ? (found as HTMLTextAreaElement) : null;
}

/** Does the box's text start with "@<author>" (then a space, a line or nothing)? */
function mentions(text: string, author: string): boolean {
  const prefix = `@${author.toLowerCase()}`;
  const start = text.trimStart().toLowerCase();
  return start.startsWith(prefix) && (start.length === prefix.length || /\s/.test(start.charAt(prefix.length)));
}

/** The comment box while it replies to the comment `el` (it starts with "@author"), else null. */
export function findReplyComposer(el: Element, doc: Document): HTMLElement | null {
  const author = authorOf(el);
  const textarea = textareaFor(el, doc);
  if (!author || !textarea) return null;
  return mentions(readEditorText(textarea), author) ? textarea : null;
}

/** The comment's own "Reply" control (its block holds no other comment's). */
export function replyButtonOf(el: Element): HTMLElement | null {
  const found = selectAll(el, S.control, (c) => CONTROL_WORDS.reply.test(squash(c.textContent)));
  return (found[0] as HTMLElement | undefined) ?? null;
}

/** Presses the comment's Reply and resolves with the comment box once it mentions the comment's author. */
export async function openReplyComposer(el: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? el.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(el, doc);
  if (already) return already;
  const button = replyButtonOf(el);
  if (!button) throw new Error("Instagram: this comment shows no Reply button (signed out, or comments are limited).");
  if (!textareaFor(el, doc)) throw new Error("Instagram: this post has no comment box (comments may be turned off).");
  const found = waitForElement(doc, () => findReplyComposer(el, doc), {
    signal: opts.signal,
    timeoutMs,
    what: `Instagram: the comment box did not take the reply within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

function formOf(editor: HTMLElement): Element | null {
  return closestDeep(editor, "form");
}

function submitOf(editor: HTMLElement): Element | null {
  const form = formOf(editor);
  if (!form) return null;
  return selectFirst(form, S.submit, (b) => b.localName === "button" || CONTROL_WORDS.post.test(squash(b.textContent)));
}

/**
 * "posted" once the agent pressed Post or Enter (Instagram posts on Enter) and the box then emptied or closed;
 * "cancelled" when it closed without that; "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const form = formOf(editor);
  return watchComposerPostingOnEnter(editor, {
    ...opts,
    submitButton: submitOf,
    isSubmit: (target) => {
      const submit = submitOf(editor);
      return !!submit && !!form && containsDeep(form, target) && (submit === target || submit.contains(target));
    },
  });
}
