/**
 * Mastodon's composer: one compose form per page (the compose column, or /publish on narrow screens) whose
 * React-controlled <textarea> replies to a status once that status's Reply button was pressed (the form then shows
 * a reply indicator and prefills the mentions). Never clicks Publish: the agent stays the one who posts.
 */
import { closestDeep, containsDeep, selectAll, selectFirst } from "../dom";
import { renderedText } from "../text";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { waitForElement, watchComposer } from "../watch";
import { extractPost } from "./extract";
import { MASTODON_SELECTORS as S } from "./selectors";

const POST = `${S.detailed.css[0]}, .status`;
const join = (list: readonly string[]) => list.join(", ");

function composeTextarea(doc: Document): HTMLTextAreaElement | null {
  const form = selectFirst(doc, S.composeForm);
  const textarea = selectFirst(form ?? doc, S.composeTextarea);
  return textarea?.localName === "textarea" ? (textarea as HTMLTextAreaElement) : null;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Does the compose form's reply indicator show `status`? Mastodon's indicator names the account and shows the
 * status's text (no id, no link to it), so both must agree: the author's display name or handle, and the text.
 */
export function replyIndicatorShows(status: Element, doc: Document): boolean {
  const indicator = selectFirst(doc, S.replyIndicator);
  if (!indicator) return false;
  const post = extractPost(status, doc.location?.href ?? "https://mastodon.social/");
  if (!post) return false;
  const shown = selectFirst(indicator, S.replyIndicatorContent);
  const shownText = squash(shown ? renderedText(shown) : "");
  const ownText = squash(post.text);
  const sameText = shownText !== "" && ownText !== "" && (ownText.includes(shownText) || shownText.includes(ownText));
  const header = squash(indicator.textContent ?? "");
  const user = post.author.split("@")[0] ?? "";
  const sameAuthor = (post.name !== "" && header.includes(squash(post.name))) || header.includes(`@${user}`);
  return sameText && sameAuthor;
}

/** The compose textarea when it is already replying to `status`, else null. */
export function findReplyComposer(status: Element, doc: Document): HTMLElement | null {
  const textarea = composeTextarea(doc);
  return textarea && replyIndicatorShows(status, doc) ? textarea : null;
}

/** The detailed status's action bar is a sibling of `.detailed-status`, in the same wrapper. */
function actionScope(status: Element): Element {
  if (!status.matches(S.detailed.css[0])) return status;
  return status.closest(".detailed-status__wrapper") ?? status.parentElement ?? status;
}

/** The status's own Reply button: the first button of its action bar (not of a quoted status inside it). */
export function replyButtonOf(status: Element): HTMLElement | null {
  const scope = actionScope(status);
  const owner = (el: Element) => el.closest(POST);
  const buttons = selectAll(scope, S.actionButton, (b) => owner(b) === status || (scope !== status && !owner(b)));
  return (buttons[0] as HTMLElement | undefined) ?? null;
}

/**
 * Presses the status's Reply button and resolves with the compose textarea once it replies to this status.
 * Mastodon asks before replacing a draft ("Replying now will overwrite the message you are currently composing"):
 * the agent answers that dialog, which this waits for up to `timeoutMs`.
 */
export async function openReplyComposer(status: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? status.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 8000;
  const button = replyButtonOf(status);
  if (!button) throw new Error("Mastodon: this post shows no Reply button (signed out, or the page changed).");
  // The indicator compares texts; when the status has none the focused textarea with an indicator will do.
  const probe = () => {
    const found = findReplyComposer(status, doc);
    if (found) return found;
    const textarea = composeTextarea(doc);
    return textarea && doc.activeElement === textarea && selectFirst(doc, S.replyIndicator) ? textarea : null;
  };
  const found = waitForElement(doc, probe, {
    signal: opts.signal,
    timeoutMs,
    what: `Mastodon: the reply box did not open within ${timeoutMs} ms (a dialog may be asking to replace your draft)`,
  });
  button.click();
  return found;
}

function formOf(editor: HTMLElement): Element | null {
  return closestDeep(editor, join(S.composeForm.css));
}

/**
 * "posted" once the agent pressed Publish (or Ctrl/Cmd+Enter) and Mastodon then emptied the textarea or closed
 * the composer (/publish on narrow screens); "cancelled" when it closed without that; "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const form = formOf(editor);
  return watchComposer(editor, {
    ...opts,
    submitButton: (e) => {
      const scope = formOf(e);
      return scope ? selectFirst(scope, S.composeSubmit) : null;
    },
    isSubmit: (target) => {
      const button = closestDeep(target, join(S.composeSubmit.css));
      return !!button && !!form && containsDeep(form, button);
    },
  });
}
