/**
 * Reddit's reply composers, new and old Reddit: find the one already open for a post or comment, open it with the
 * item's own reply control, and tell whether the agent then posted. Never clicks a submit button: the agent stays
 * the one who publishes.
 *
 * New Reddit builds its composer from custom elements (`comment-composer-host > faceplate-form > shreddit-composer`)
 * that a comment's action row mounts inside its shadow root, so every lookup here also walks into open shadow
 * roots (lib/sites/dom.ts `deepQueryAll`). The editor is a Lexical contenteditable (`div[slot="rte"]`) or, in
 * Markdown mode, a textarea; lib/insert handles both.
 */
import { resolveEditable } from "../../insert";
import { closestDeep, deepQueryAll, isHidden, selectAll } from "../dom";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { boxedComposer, waitForElement, watchComposer } from "../watch";
import { isNewRedditItem, postIdOf } from "./extract";
import { REDDIT_SELECTORS as S } from "./selectors";

const ITEM = "shreddit-post, shreddit-comment, .thing[data-fullname]";
const join = (list: readonly string[]) => list.join(", ");

/** An element whose inline style or `hidden` attribute hides it or an ancestor (computed style needs layout). */
/** The contenteditable or text field inside a composer element (itself, a light child or in its shadow root). */
function editorIn(composer: Element): HTMLElement | null {
  if (composer.localName === "textarea" || composer.getAttribute("contenteditable") === "true") {
    return composer as HTMLElement;
  }
  for (const css of S.composerEditor.css) {
    for (const hit of deepQueryAll(composer, css)) {
      const editor = hit.localName === "textarea" ? (hit as HTMLElement) : resolveEditable(hit);
      if (editor && !isHidden(editor)) return editor;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// New Reddit

/** The post or comment that owns `node` (crossing shadow roots). */
function ownerItem(node: Element): Element | null {
  return closestDeep(node, ITEM);
}

/** Open composers owned by `item` (a comment's reply composer sits in its action row's shadow root). */
function ownComposers(item: Element): HTMLElement[] {
  const editors: HTMLElement[] = [];
  for (const css of S.composer.css) {
    for (const composer of deepQueryAll(item, css)) {
      if (ownerItem(composer) !== item) continue;
      const editor = editorIn(composer);
      if (editor && !editors.includes(editor)) editors.push(editor);
    }
    if (editors.length > 0) break;
  }
  return editors;
}

/** The comments page's top-level composer (replying to the post), outside every comment. */
function topLevelComposer(doc: Document): HTMLElement | null {
  for (const css of S.composer.css) {
    for (const composer of deepQueryAll(doc, css)) {
      if (closestDeep(composer, "shreddit-comment")) continue;
      const editor = editorIn(composer);
      if (editor) return editor;
    }
  }
  return null;
}

/** Is `post` the post of the comments page it is shown on (where the top-level composer replies to it)? */
function isPagePost(post: Element, doc: Document): boolean {
  if (post.getAttribute("view-context") === "CommentsPage") return true;
  return doc.querySelectorAll(S.post.css[0]).length === 1;
}

function newFind(item: Element, doc: Document): HTMLElement | null {
  if (item.localName === "shreddit-comment") return ownComposers(item)[0] ?? null;
  return isPagePost(item, doc) ? topLevelComposer(doc) : null;
}

/** The comment's own Reply button: in its action row's light DOM (slot "comment-reply") or in its shadow root. */
export function replyButtonOf(item: Element): HTMLElement | null {
  const fullname = postIdOf(item);
  const rows = selectAll(item, S.commentActionRow, (row) => ownerItem(row) === item);
  const row =
    rows.find((r) => r.getAttribute("comment-id")?.toLowerCase() === fullname) ??
    rows.find((r) => !r.hasAttribute("comment-id")) ??
    null;
  const scope: Element = row ?? item;
  for (const css of S.commentReplyButton.css) {
    const hit = deepQueryAll(scope, css).find((b) => ownerItem(b) === item);
    if (hit) return hit as HTMLElement;
  }
  return null;
}

function postTrigger(doc: Document): HTMLElement | null {
  for (const css of S.postComposerTrigger.css) {
    const hit = deepQueryAll(doc, css).find((el) => !closestDeep(el, "shreddit-comment"));
    if (hit) return hit as HTMLElement;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Old Reddit

function thingIdOf(form: Element): string | null {
  return form.querySelector('input[name="thing_id"]')?.getAttribute("value")?.toLowerCase() ?? null;
}

/** The reply form for a `.thing`: a `form.usertext` naming it in `thing_id`, outside its own `.entry` (the
 * comment's own body form, used to edit it, names it too). */
function oldForms(thing: Element, doc: Document): HTMLFormElement[] {
  const fullname = postIdOf(thing);
  if (!fullname) return [];
  return selectAll(doc, S.oldForm, (form) => thingIdOf(form) === fullname)
    .filter((form) => !form.closest(".entry"))
    .filter((form) => !isHidden(form)) as HTMLFormElement[];
}

function oldFind(thing: Element, doc: Document): HTMLElement | null {
  for (const form of oldForms(thing, doc)) {
    const textarea = selectAll(form, S.oldTextarea)[0];
    if (textarea && !isHidden(textarea)) return textarea as HTMLElement;
  }
  return null;
}

function oldReplyButton(thing: Element): HTMLElement | null {
  const entry = [...thing.children].find((c) => c.classList.contains("entry")) ?? thing;
  return (selectAll(entry, S.oldReplyButton, (a) => a.closest(".thing") === thing)[0] as HTMLElement) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Public

/** The composer already open that replies to `item` (a post or a comment), or null. */
export function findReplyComposer(item: Element, doc: Document): HTMLElement | null {
  return isNewRedditItem(item) ? newFind(item, doc) : oldFind(item, doc);
}

/**
 * Opens the composer replying to `item` with the site's own control (a comment's Reply button; the post's "Join
 * the conversation" box) and resolves with its editor once it is in the page. Rejects with a clear message when
 * there is no such control (a feed card: open the post first) or nothing opens in time.
 */
export async function openReplyComposer(item: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? item.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(item, doc);
  if (already) return already;
  const isNew = isNewRedditItem(item);
  let control: HTMLElement | null;
  if (!isNew) control = oldReplyButton(item);
  else if (item.localName === "shreddit-comment") control = replyButtonOf(item);
  else control = isPagePost(item, doc) ? postTrigger(doc) : null;
  if (!control) {
    throw new Error(
      item.localName === "shreddit-post" || item.getAttribute("data-type") === "link"
        ? "Reddit: open the post's page to reply to it (no comment box here)."
        : "Reddit: this comment shows no Reply button yet (is the page still loading, or are you signed out?).",
    );
  }
  const found = waitForElement(doc, () => findReplyComposer(item, doc), {
    signal: opts.signal,
    timeoutMs,
    what: `Reddit: the reply box did not open within ${timeoutMs} ms`,
  });
  control.click();
  return found;
}

/** The composer element around an editor: new Reddit's `shreddit-composer`, old Reddit's form. */
function composerOf(editor: HTMLElement): Element | null {
  return closestDeep(editor, `${join(S.composer.css)}, ${S.oldForm.css[0]}`);
}

function submitOf(editor: HTMLElement): Element | null {
  const composer = composerOf(editor);
  if (!composer) return null;
  for (const css of [...S.composerSubmit.css, ...S.oldSubmit.css]) {
    const hit = deepQueryAll(composer, css)[0];
    if (hit) return hit;
  }
  return null;
}

/**
 * "posted" once the agent pressed the composer's submit button (or Ctrl/Cmd+Enter) and the composer then closed,
 * hid or emptied; "cancelled" when it closed without that; "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const composer = composerOf(editor);
  return watchComposer(editor, {
    ...opts,
    submitButton: submitOf,
    ...boxedComposer(composer, join([...S.composerSubmit.css, ...S.oldSubmit.css])),
  });
}
