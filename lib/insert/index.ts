/**
 * Puts text into a site's own composer the way a user would, so the site's editor state (React, Draft.js, Lexical,
 * ProseMirror, Quill…) stays the single source of truth. DOM-only and site-independent; never submits anything.
 *
 * - <textarea>/<input>: React keeps a value tracker on the element instance, so setting `.value` directly is invisible
 *   to it. Calling the prototype's native setter and dispatching `input` makes React see a real change.
 * - contenteditable: rich editors own their DOM and revert foreign mutations, but they all handle `paste`. A
 *   synthetic paste carrying text/plain goes through the editor's own code path (Draft.js builds blocks from it).
 *   If that did not take, `execCommand('insertText')` fires the beforeinput/input events editors also listen to.
 */

export type InsertMethod = "paste" | "execCommand" | "value";

export interface InsertResult {
  ok: boolean;
  method: InsertMethod;
  /** The editor's text after insertion, as read back from the DOM (see readEditorText). */
  actual: string;
}

export interface InsertOptions {
  doc?: Document;
  /** Replace the composer's current content instead of appending at the end. */
  replace?: boolean;
}

// Not ZWJ/ZWNJ (\u200d, \u200c): they are part of emoji sequences and of some scripts' spelling.
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "LI",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "UL",
]);
/** How long an editor that accepted the paste (preventDefault) may take to show the text before we give up. */
const SETTLE_MS = 400;

export async function insertText(target: HTMLElement, text: string, opts: InsertOptions = {}): Promise<InsertResult> {
  const doc = opts.doc ?? target.ownerDocument;
  const wanted = text.replace(/\r\n?/g, "\n");

  if (isTextControl(target)) return setControlValue(target, wanted, opts.replace ?? false, doc);

  const editable = resolveEditable(target);
  if (!editable) {
    // A wrapper around a plain text field (Reddit's faceplate-textarea-input keeps its <textarea> in a shadow root).
    const field = findTextControl(target);
    if (field) return setControlValue(field, wanted, opts.replace ?? false, doc);
    throw new Error("insertText: target is neither a text field nor a contenteditable editor");
  }

  const before = readEditorText(editable);
  const done = () => landed(before, readEditorText(editable), wanted, opts.replace ?? false);

  await placeCaret(editable, doc, opts.replace ?? false);
  const handled = dispatchPaste(editable, doc, wanted);
  if (await waitUntil(doc, done, handled ? SETTLE_MS : 50)) {
    return { ok: true, method: "paste", actual: readEditorText(editable) };
  }
  // An editor that took the paste but changed its content differently (e.g. reformatted it) must not get the text a
  // second time: report the mismatch instead of doubling the reply.
  if (handled && readEditorText(editable) !== before) {
    return { ok: false, method: "paste", actual: readEditorText(editable) };
  }

  await placeCaret(editable, doc, opts.replace ?? false);
  const lines = wanted.split("\n");
  lines.forEach((line, i) => {
    // A line break (<br>), as Shift+Enter: the text then reads back line for line (innerText), blank lines
    // included, where paragraphs (<div>) would add a newline of their own around each blank one.
    if (i > 0 && !doc.execCommand("insertLineBreak")) doc.execCommand("insertParagraph");
    if (line) doc.execCommand("insertText", false, line);
  });
  const ok = await waitUntil(doc, done, SETTLE_MS);
  return { ok, method: "execCommand", actual: readEditorText(editable) };
}

/**
 * The text a composer shows: `.value` for fields; for contenteditable, one line per block (paragraph/div), with
 * Draft.js's placeholder <br> and editors' trailing <br> ignored, nbsp as space and zero-width characters removed.
 */
export function readEditorText(el: Element): string {
  if (isTextControl(el)) return el.value.replace(/\r\n?/g, "\n");
  const editable = resolveEditable(el);
  const field = editable ? null : findTextControl(el);
  if (field) return field.value.replace(/\r\n?/g, "\n");
  const root = editable ?? el;
  const lines = [""];
  let pendingBreak = false;
  const newLine = () => {
    lines.push("");
    pendingBreak = false;
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) return;
      if (pendingBreak) newLine();
      lines[lines.length - 1] += data;
      return;
    }
    if (node.nodeType !== 1) return;
    const elem = node as Element;
    if (elem.tagName === "BR") {
      if (elem.getAttribute("data-text") === "true" || isLastInBlock(elem, root)) return;
      if (pendingBreak) newLine();
      newLine();
      return;
    }
    const block = BLOCK_TAGS.has(elem.tagName);
    if (block && (pendingBreak || lines[lines.length - 1] !== "")) newLine();
    for (let c = elem.firstChild; c; c = c.nextSibling) visit(c);
    if (block) pendingBreak = true;
  };
  for (let c = root.firstChild; c; c = c.nextSibling) visit(c);
  return lines
    .join("\n")
    .replace(/\u00a0/g, " ")
    .replace(ZERO_WIDTH, "");
}

const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const TEXT_CONTROL = 'textarea, input:not([type]), input[type="text"], input[type="search"]';
/** How many shadow roots a lookup may open: a hostile page cannot make it walk forever. */
const MAX_SHADOW_ROOTS = 200;

/**
 * The element that actually takes input: the target itself, or the contenteditable inside a wrapper, also when
 * the wrapper keeps it in an open shadow root (custom elements, as new Reddit's composer does).
 */
export function resolveEditable(el: Element): HTMLElement | null {
  if (isContentEditable(el)) {
    // Climb to the editing host so the whole editor is read, not one paragraph of it.
    let host = el as HTMLElement;
    while (host.parentElement && isContentEditable(host.parentElement)) host = host.parentElement;
    return host;
  }
  const found = deepQuery(el, EDITABLE);
  return found ? resolveEditable(found) : null;
}

/** A plain text field inside a wrapper (light DOM first, then open shadow roots), or null. */
function findTextControl(el: Element): HTMLTextAreaElement | HTMLInputElement | null {
  const found = deepQuery(el, TEXT_CONTROL);
  return found && isTextControl(found) ? found : null;
}

/** The first element matching `css` under `root`, in the light DOM, then in open shadow roots however deep. */
function deepQuery(root: Element, css: string): HTMLElement | null {
  const light = root.querySelector<HTMLElement>(css);
  if (light) return light;
  const queue: ShadowRoot[] = [];
  const collect = (scope: Element | ShadowRoot) => {
    if ("shadowRoot" in scope && scope.shadowRoot) queue.push(scope.shadowRoot);
    for (const el of scope.querySelectorAll("*")) if (el.shadowRoot) queue.push(el.shadowRoot);
  };
  collect(root);
  for (let opened = 0; queue.length > 0 && opened < MAX_SHADOW_ROOTS; opened++) {
    const shadow = queue.shift() as ShadowRoot;
    const hit = shadow.querySelector<HTMLElement>(css);
    if (hit) return hit;
    collect(shadow);
  }
  return null;
}

function isTextControl(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === "TEXTAREA" || el.tagName === "INPUT";
}

function isContentEditable(el: Element): boolean {
  // jsdom has no isContentEditable, so read the attribute as a fallback.
  if ((el as HTMLElement).isContentEditable) return true;
  const v = el.getAttribute("contenteditable");
  return v === "" || v === "true" || v === "plaintext-only";
}

function isLastInBlock(br: Element, root: Element): boolean {
  let n: Node = br;
  while (n !== root) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 1 || (s.nodeType === 3 && (s as Text).data !== "")) return false;
    }
    const parent = n.parentNode;
    if (!parent || (parent.nodeType === 1 && BLOCK_TAGS.has((parent as Element).tagName))) return true;
    n = parent;
  }
  return true;
}

function normalizeForCompare(s: string): string {
  return s
    .replace(/\u00a0/g, " ")
    .replace(ZERO_WIDTH, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whitespace-insensitive, because editors differ in how they render blank lines and trailing breaks. When appending,
 * the text must occur once more than before, so a composer that already held the same reply does not pass as done.
 */
function landed(before: string, after: string, wanted: string, replace: boolean): boolean {
  const a = normalizeForCompare(after);
  const w = normalizeForCompare(wanted);
  if (replace) return a === w;
  return occurrences(a, w) > occurrences(normalizeForCompare(before), w);
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

async function setControlValue(
  el: HTMLTextAreaElement | HTMLInputElement,
  text: string,
  replace: boolean,
  doc: Document,
): Promise<InsertResult> {
  const next = replace ? text : el.value + text;
  el.focus();
  // The prototype setter, found on the element's own prototype chain so it works across realms (content scripts).
  let proto: object | null = Object.getPrototypeOf(el);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
    proto = Object.getPrototypeOf(proto);
  }
  if (setter) setter.call(el, next);
  else el.value = next;
  const win = doc.defaultView;
  const ev = win?.InputEvent
    ? new win.InputEvent("input", { bubbles: true, inputType: "insertText", data: text })
    : new Event("input", { bubbles: true });
  el.dispatchEvent(ev);
  try {
    el.setSelectionRange(next.length, next.length);
  } catch {
    // Some input types (email, number) do not support selection; the caret position does not matter there.
  }
  // A controlled component re-renders with its state; if it rejected the change, the value reverts.
  const ok = await waitUntil(doc, () => el.value === next, 100);
  return { ok, method: "value", actual: el.value };
}

async function placeCaret(editable: HTMLElement, doc: Document, selectAll: boolean): Promise<void> {
  if (selectAll) return selectAllIn(editable, doc);
  editable.focus();
  const sel = doc.getSelection();
  if (sel) {
    const range = doc.createRange();
    range.selectNodeContents(lastTextContainer(editable));
    range.collapse(false);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  // Editors (Draft.js via React's onSelect, ProseMirror, Lexical) learn the selection from `selectionchange`, which
  // the browser queues: hand it to them now and let it run before pasting, or the paste lands where the editor
  // last thought the caret was.
  announceSelection(doc);
  await nextFrame(doc);
}

/**
 * Selects the whole content, as a user's Ctrl+A does (the browser's own "selectAll" in the focused editing host:
 * editors are tested against its selection; a range on the host's element boundaries leaves Lexical's plain text
 * with a caret at the end). An editor finishing an earlier update may put its own selection back a moment later
 * (Lexical does), so the selection is checked after a frame and made again if it was lost.
 */
async function selectAllIn(editable: HTMLElement, doc: Document): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    editable.focus();
    // Only with the focus inside the editor: elsewhere "selectAll" selects the whole page.
    const focused = deepActiveElement(doc);
    const inEditor = focused !== null && (focused === editable || editable.contains(focused));
    if (!(inEditor && typeof doc.execCommand === "function" && doc.execCommand("selectAll"))) {
      const sel = doc.getSelection();
      const range = doc.createRange();
      range.selectNodeContents(editable);
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
    // Editors learn the selection from `selectionchange`, queued by the browser: hand it to them now, then let
    // them settle (ProseMirror and Lexical otherwise sometimes paste where their caret last was).
    announceSelection(doc);
    await nextFrame(doc);
    await nextFrame(doc);
    const selected = selectionIn(editable, doc)?.toString();
    // Unknown (no selection API for this root): trust the browser.
    if (selected === undefined) return;
    if (normalizeForCompare(selected) === normalizeForCompare(readEditorText(editable))) return;
  }
}

/** The focused element, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The selection as seen from the editor's own root: a shadow root's (Chromium) or the document's. */
function selectionIn(editable: HTMLElement, doc: Document): Selection | null | undefined {
  const root = editable.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if (root === doc) return doc.getSelection();
  return "getSelection" in root && typeof root.getSelection === "function" ? root.getSelection() : undefined;
}

/** The deepest last descendant that can hold the caret, so the collapsed range sits inside the last block. */
function lastTextContainer(editable: HTMLElement): Node {
  let n: Node = editable;
  while (n.lastChild && n.lastChild.nodeName !== "BR") n = n.lastChild;
  return n.nodeType === 3 || n.nodeType === 1 ? n : editable;
}

/** Returns whether some handler took the paste (preventDefault), i.e. an editor is processing it. */
function dispatchPaste(editable: HTMLElement, doc: Document, text: string): boolean {
  const win = doc.defaultView;
  if (!win?.DataTransfer || !win.ClipboardEvent) return false;
  const data = new win.DataTransfer();
  data.setData("text/plain", text);
  // ProseMirror splits pasted plain text on runs of newlines, so blank lines vanish; as HTML paragraphs they stay.
  // Only for ProseMirror: other editors read text/html first, and their plain-text paste keeps blank lines.
  if (/\n\s*\n/.test(text) && editable.classList.contains("ProseMirror"))
    data.setData("text/html", paragraphsHtml(text));
  const ev = new win.ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // Browsers that ignore clipboardData in the constructor would hand editors a null clipboard and crash them.
  if (!ev.clipboardData) Object.defineProperty(ev, "clipboardData", { value: data });
  const target = doc.getSelection()?.anchorNode;
  const el = target && editable.contains(target) ? (target.nodeType === 1 ? target : target.parentNode) : editable;
  (el ?? editable).dispatchEvent(ev);
  return ev.defaultPrevented;
}

/** A `selectionchange` of the document's own realm (a content script's Event would be foreign to the page's). */
function announceSelection(doc: Document): void {
  const EventOfPage = doc.defaultView?.Event ?? Event;
  doc.dispatchEvent(new EventOfPage("selectionchange"));
}

/** One `<p>` per line, text escaped, blank lines as empty paragraphs. */
function paragraphsHtml(text: string): string {
  const escapeHtml = (line: string) => line.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split("\n")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");
}

function nextFrame(doc: Document): Promise<void> {
  // rAF does not run in background tabs; the timeout keeps the insertion from hanging there.
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    doc.defaultView?.requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function waitUntil(doc: Document, check: () => boolean, ms: number): Promise<boolean> {
  await Promise.resolve();
  if (check()) return true;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await nextFrame(doc);
    if (check()) return true;
  }
  return check();
}
