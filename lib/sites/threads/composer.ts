/**
 * Threads' reply composer: a modal dialog opened by a post's reply (comment) control, showing the post it replies
 * to above a Lexical contenteditable. Finds and opens it and tells whether the agent then posted. Never clicks
 * Post: the agent stays the one who publishes.
 */
import { resolveEditable } from "../../insert";
import { closestDeep, containsDeep, safeUrl, selectAll, selectFirst } from "../dom";
import { renderedText } from "../text";
import type { OpenOptions, PostOutcome, WatchOptions } from "../types";
import { waitForElement, watchComposer } from "../watch";
import { extractPost, postRefOf } from "./extract";
import { ACTION_LABELS, THREADS_SELECTORS as S, SUBMIT_LABELS } from "./selectors";

const POST = S.post.css.join(", ");
const BUTTON = S.button.css.join(", ");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function dialogs(doc: Document): { dialog: Element; editor: HTMLElement }[] {
  const out: { dialog: Element; editor: HTMLElement }[] = [];
  for (const dialog of selectAll(doc, S.dialog)) {
    if (out.some((o) => o.dialog.contains(dialog))) continue;
    const hit = selectFirst(dialog, S.editor);
    const editor = hit ? resolveEditable(hit) : null;
    if (editor) out.push({ dialog, editor });
  }
  return out;
}

/**
 * Does the dialog show `post`? It does when it links to the post itself, or names the post's author (a link to
 * "/@user") and shows the beginning of its text outside the editor.
 */
function dialogShows(dialog: Element, editor: HTMLElement, post: Element, doc: Document): boolean {
  const snapshot = extractPost(post, doc.location?.href ?? "https://www.threads.com/");
  if (!snapshot) return false;
  const links = [...dialog.querySelectorAll("a[href]")].filter((a) => !editor.contains(a));
  const path = new URL(snapshot.url).pathname;
  if (links.some((a) => postRefOf(a.getAttribute("href"))?.path === path)) return true;
  const namesAuthor = links.some(
    (a) => safeUrl(a.getAttribute("href"), snapshot.url)?.pathname.replace(/\/$/, "") === `/@${snapshot.author}`,
  );
  const clone = dialog.cloneNode(true) as Element;
  for (const e of clone.querySelectorAll(S.editor.css.join(", "))) e.remove();
  const text = squash(snapshot.text).slice(0, 60);
  return namesAuthor && text !== "" && squash(renderedText(clone)).includes(text);
}

/** The reply dialog already open for `post`, or null. */
export function findReplyComposer(post: Element, doc: Document): HTMLElement | null {
  for (const { dialog, editor } of dialogs(doc)) if (dialogShows(dialog, editor, post, doc)) return editor;
  return null;
}

const normalise = (label: string) =>
  label
    .trim()
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'");

/** The post's own reply control: the control around its icon labelled "Reply" (or "Comment"). */
export function replyButtonOf(post: Element): HTMLElement | null {
  for (const icon of post.querySelectorAll(S.actionIcon.css[0])) {
    if (!(ACTION_LABELS.reply as readonly string[]).includes(normalise(icon.getAttribute("aria-label") ?? "")))
      continue;
    const button = icon.closest(BUTTON);
    if (button && button.closest(POST) === post) return button as HTMLElement;
  }
  return null;
}

/** Presses the post's reply control and resolves with the dialog's editor once it shows the post. */
export async function openReplyComposer(post: Element, opts: OpenOptions = {}): Promise<HTMLElement> {
  const doc = opts.doc ?? post.ownerDocument;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const already = findReplyComposer(post, doc);
  if (already) return already;
  const button = replyButtonOf(post);
  if (!button) throw new Error("Threads: this post shows no reply button (signed out, or replies are limited).");
  const before = new Set(dialogs(doc).map((d) => d.editor));
  const probe = () => findReplyComposer(post, doc) ?? dialogs(doc).find((d) => !before.has(d.editor))?.editor ?? null;
  const found = waitForElement(doc, probe, {
    signal: opts.signal,
    timeoutMs,
    what: `Threads: the reply box did not open within ${timeoutMs} ms`,
  });
  button.click();
  return found;
}

function dialogOf(editor: HTMLElement): Element | null {
  return closestDeep(editor, S.dialog.css.join(", "));
}

/** The dialog's Post button: a control whose whole text is "Post" ("Publier"). */
function submitIn(dialog: Element): Element | null {
  return [...dialog.querySelectorAll(BUTTON)].find((b) => SUBMIT_LABELS.has(renderedText(b).toLowerCase())) ?? null;
}

/**
 * "posted" once the agent pressed Post (or Ctrl/Cmd+Enter) and the dialog then closed; "cancelled" when it closed
 * without that; "timeout" otherwise.
 */
export function watchPosted(editor: HTMLElement, opts: WatchOptions = {}): Promise<PostOutcome> {
  const dialog = dialogOf(editor);
  return watchComposer(editor, {
    ...opts,
    submitButton: (e) => {
      const scope = dialogOf(e);
      return scope ? submitIn(scope) : null;
    },
    isSubmit: (target) => {
      const button = closestDeep(target, BUTTON);
      return !!button && !!dialog && containsDeep(dialog, button) && submitIn(dialog) === button;
    },
    closed: (e) => !e.isConnected || (dialog !== null && !dialog.isConnected),
  });
}
