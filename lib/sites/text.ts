/**
 * The text of a post body as a reader sees it, for sites whose bodies are HTML paragraphs (Reddit, Mastodon):
 * whitespace collapsed as the browser renders it, a blank line between paragraphs, a newline for `<br>` and
 * between list items, emoji images as their alt text, other images, controls and media skipped, every line
 * trimmed (code keeps its inner spacing, not its indentation). Text nodes are
 * read as they are, never parsed as markup. Iterative, so a hostile page nesting thousands of elements cannot
 * overflow the stack.
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose content is never post text. */
const SKIPPED: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "button",
  "video",
  "audio",
  "canvas",
  "iframe",
  "input",
  "select",
  "textarea",
]);

/** Paragraph-like blocks: a blank line around them. */
const PARAGRAPHS: ReadonlySet<string> = new Set([
  "p",
  "blockquote",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "table",
  "hr",
  "figure",
]);

/** Line-like blocks: a line of their own. */
const LINES: ReadonlySet<string> = new Set(["div", "li", "tr", "dt", "dd", "section", "article", "header", "footer"]);

export interface RenderedTextOptions {
  /** Sub-trees to leave out (a quoted post inside the post, a "hidden" span). */
  readonly skip?: (el: Element) => boolean;
  /**
   * "pre-wrap" for bodies a site renders with CSS `white-space: pre-wrap` (React apps: Threads, Facebook): their
   * text nodes hold the author's newlines, kept as they are. Default "normal": whitespace collapses as in HTML.
   */
  readonly whiteSpace?: "normal" | "pre-wrap";
}

/**
 * Images stand for text only when they are emoji: a Unicode emoji drawn as an image (Twemoji) or a custom emoji
 * whose alt is its ":shortcode:" (Mastodon, Reddit emotes). "Comment Image" and photo descriptions are not text.
 */
function isEmojiAlt(alt: string): boolean {
  const trimmed = alt.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  return (
    /^:[\w+-]+:$/u.test(trimmed) ||
    /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}])+$/u.test(trimmed)
  );
}

type Item = { kind: "text"; value: string; pre: boolean } | { kind: "break"; lines: 1 | 2 };

export function renderedText(root: Node, opts: RenderedTextOptions = {}): string {
  const items: Item[] = [];
  type Frame = { node: Node; pre: boolean; exit?: Element };
  const preWrap = opts.whiteSpace === "pre-wrap";
  const stack: Frame[] = [...root.childNodes].reverse().map((node) => ({ node, pre: preWrap }));
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { node, pre } = frame;
    if (frame.exit) {
      items.push({ kind: "break", lines: PARAGRAPHS.has(frame.exit.localName) ? 2 : 1 });
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      items.push({ kind: "text", value: node.nodeValue ?? "", pre });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.localName;
    if (SKIPPED.has(tag) || opts.skip?.(el)) continue;
    if (tag === "img") {
      const alt = el.getAttribute("alt") ?? "";
      if (isEmojiAlt(alt)) items.push({ kind: "text", value: alt, pre: true });
      continue;
    }
    if (tag === "br") {
      items.push({ kind: "text", value: "\n", pre: true });
      continue;
    }
    const paragraph = PARAGRAPHS.has(tag);
    const block = paragraph || LINES.has(tag);
    if (block) {
      items.push({ kind: "break", lines: paragraph ? 2 : 1 });
      stack.push({ node, pre, exit: el });
    }
    const childPre = pre || tag === "pre";
    for (let i = el.childNodes.length - 1; i >= 0; i--) {
      const child = el.childNodes[i];
      if (child) stack.push({ node: child, pre: childPre });
    }
  }
  return join(items);
}

/** Collapses whitespace outside `<pre>`, turns breaks into at most one blank line, trims every line's ends. */
function join(items: readonly Item[]): string {
  let out = "";
  let pending: 0 | 1 | 2 = 0;
  for (const item of items) {
    if (item.kind === "break") {
      if (out !== "") pending = Math.max(pending, item.lines) as 0 | 1 | 2;
      continue;
    }
    const value = item.pre ? item.value : item.value.replace(/[ \t\n\r\f]+/g, " ");
    if (value === "") continue;
    if (pending > 0) {
      const start = value.replace(/^ +/, "");
      if (start === "") continue;
      out = out.replace(/ +$/, "") + "\n".repeat(pending) + start;
      pending = 0;
      continue;
    }
    // One space between words across inline elements, never two.
    out += out.endsWith(" ") || out.endsWith("\n") || out === "" ? value.replace(/^ +/, "") : value;
  }
  return (
    out
      .split("\n")
      // No-break spaces at a line's ends are invisible too (Reddit's Markdown leaves them after sentences).
      .map((line) => line.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ""))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
