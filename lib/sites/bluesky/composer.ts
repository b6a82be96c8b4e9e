/**
 * Bluesky's composer: a modal (`composePostView`) opened by a post's Reply button, with a TipTap (ProseMirror)
 * editor under a preview of the post it replies to (display name and text; no link). Finds and opens it and tells
 * whether the agent then posted. Never clicks the Reply/Post button: the agent stays the one who publishes.
 */
import { resolveEditable } from "../../insert";
import { closestDeep, containsDeep, selectAll, selectFirst } from "../dom";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { waitForElement, watchComposer } from "../watch";
import { previewOf } from "./extract";
import { BLUESKY_SELECTORS as S } from "./selectors";

const ITEM = `${S.feedItem.css[0]}, ${S.threadItem.css[0]}`;
const join = (list: readonly string[]) => list.join(", ");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every open composer, outermost, with its editor. */
function composers(doc: Document): { box: Element; editor: HTMLElement }[] {
  const out: { box: Element; editor: HTMLElement }[] = [];
  for (const box of selectAll(doc, S.composer)) {
    if (out.some((o) => o.box.contains(box))) continue;
    const hit = selectFirst(box, S.composerEditor);
    const editor = hit ? resolveEditable(hit) : null;
    if (editor) out.push({ box, editor });
  }
  return out;
}

/**
 * Does the composer's reply preview show `post`? The preview names the author and shows the text (clamped by CSS,
 * whole in the DOM), so both must be found in the box outside the editor.
 */
function previewShows(box: Element, editor: HTMLElement, post: Element): boolean {
  const shownPost = previewOf(post);
  if (!shownPost.author) return false;
  const shown = squash(textOutside(box, editor));
  const text = squash(shownPost.text).slice(0, 80);
  const name = squash(shownPost.name);
  const sameText = text !== "" && shown.includes(text);
  const sameAuthor = (name !== "" && shown.includes(name)) || shown.includes(`@${shownPost.author}`);
  return sameText && sameAuthor;
}

/** The text of `box` outside `editor` (what the agent types is no part of the preview). */
function textOutside(box: Element, editor: Element): string {
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  let out = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!editor.contains(node)) out += ` ${node.nodeValue ?? ""}`;
  }
  return out;
}

/** The composer already open that replies to `post`, or null. */
export function findReplyComposer(post: Element, doc: Document): HTMLElement | null {
  for (const { box, editor } of composers(doc)) if (previewShows(box, editor, post)) return editor;
  return null;
}

/** The post's own Reply button, not one of a quoted post (quotes have none) nor of another item. */
export function replyButtonOf(post: Element): HTMLElement | null {
  const own = selectAll(post, S.replyButton, (b) => b.closest(ITEM) === post);
  return (own[0] as HTMLElement | undefined) ?? null;
}

/** Presses the post's Reply button and resolves with the composer's editor once it shows the post. */
export async function openReplyComposer(post: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? post.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(post, doc);
  if (already) return already;
  const button = replyButtonOf(post);
  if (!button) throw new Error("Bluesky: this post shows no Reply button (signed out, or replies are closed).");
  if (button.getAttribute("aria-disabled") === "true" || button.hasAttribute("disabled")) {
    throw new Error("Bluesky: the author limited who can reply to this post.");
  }
  // A composer left open from before is not the one this click opens.
  const before = new Set(composers(doc).map((c) => c.editor));
  const probe = () => findReplyComposer(post, doc) ?? composers(doc).find((c) => !before.has(c.editor))?.editor ?? null;
  const found = waitForElement(doc, probe, {
    signal: opts.signal,
    timeoutMs,
    what: `Bluesky: the reply box did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

function boxOf(editor: HTMLElement): Element | null {
  return closestDeep(editor, join(S.composer.css));
}

/**
 * "posted" once the agent pressed Reply (or Ctrl/Cmd+Enter) and the modal then closed; "cancelled" when it
 * closed without that (Cancel, Escape); "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const box = boxOf(editor);
  return watchComposer(editor, {
    ...opts,
    submitButton: (e) => {
      const scope = boxOf(e);
      return scope ? selectFirst(scope, S.composerSubmit) : null;
    },
    isSubmit: (target) => {
      const button = closestDeep(target, join(S.composerSubmit.css));
      return !!button && !!box && containsDeep(box, button);
    },
    closed: (e) => !e.isConnected || (box !== null && !box.isConnected),
  });
}
