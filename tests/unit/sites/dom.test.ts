// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { insertText, readEditorText, resolveEditable } from "../../../lib/insert";
import {
  closestDeep,
  containsDeep,
  countOf,
  deepQueryAll,
  isoDate,
  mergeInOrder,
  outermost,
  selfAndAll,
  selfAndAllOf,
} from "../../../lib/sites/dom";
import { renderedText } from "../../../lib/sites/text";

function html(markup: string): HTMLElement {
  const div = document.createElement("div");
  div.innerHTML = markup;
  return div;
}

describe("renderedText", () => {
  test.each([
    ["<p>  Hello\n   world  </p>", "Hello world"],
    ["<p>One</p><p>Two</p>", "One\n\nTwo"],
    ["<p>One<br>Two</p>", "One\nTwo"],
    ["<p>A <b>bold</b> and <i>i</i>talic</p>", "A bold and italic"],
    ["<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"],
    ["<blockquote><p>quoted</p></blockquote><p>reply</p>", "quoted\n\nreply"],
    // Spaces inside a line of code stay; a line's leading spaces (indentation) do not.
    ["<pre><code>a  =  1\n  b</code></pre>", "a  =  1\nb"],
    ['<p>Emoji <img alt="😡" src="x"> and <img alt=":blobcat:" src="y"> kept</p>', "Emoji 😡 and :blobcat: kept"],
    ['<p><img alt="Photo of a broken parcel" src="x">Text</p>', "Text"],
    [
      "<p>&lt;img src=x onerror=alert(1)&gt;</p><script>alert(1)</script><style>p{}</style>",
      "<img src=x onerror=alert(1)>",
    ],
    ["<p>Click <button>Show more</button> here</p>", "Click here"],
    ["<p>trailing&nbsp;</p><p>next</p>", "trailing\n\nnext"],
    ["", ""],
  ])("%j → %j", (markup, want) => {
    expect(renderedText(html(markup))).toBe(want);
  });

  test("skip leaves a sub-tree out", () => {
    const root = html('<p>own</p><div class="quote"><p>quoted</p></div><p>end</p>');
    expect(renderedText(root, { skip: (el) => el.classList.contains("quote") })).toBe("own\n\nend");
  });

  test("does not recurse: a page nesting 100 000 elements cannot overflow the stack", () => {
    type Fake = { nodeType: number; localName: string; childNodes: Fake[]; nodeValue?: string; getAttribute(): null };
    let node: Fake = { nodeType: 3, localName: "", childNodes: [], nodeValue: "deep", getAttribute: () => null };
    for (let i = 0; i < 100_000; i++) {
      node = { nodeType: 1, localName: "span", childNodes: [node], getAttribute: () => null };
    }
    expect(renderedText(node as unknown as Node)).toBe("deep");
  });
});

describe("numbers and dates", () => {
  test.each([
    ["5039", 5039],
    ["1,842 points", 1842],
    ["1.2k", 1200],
    ["3,4 K", 3400],
    ["2M", 2_000_000],
    ["-8", null],
    ["lots", null],
    ["", null],
    [null, null],
    ["9".repeat(20), null],
  ])("countOf(%j) → %j", (text, want) => {
    expect(countOf(text)).toBe(want);
  });

  test.each([
    ["2026-08-18T14:18:25.910000+0000", "2026-08-18T14:18:25.910Z"],
    ["2026-08-17T23:12:14+00:00", "2026-08-17T23:12:14.000Z"],
    ["2026-08-20T09:30:00+0200", "2026-08-20T07:30:00.000Z"],
    ["yesterday", null],
    ["+275760-09-13T00:00:00.000Z", null],
    [null, null],
  ])("isoDate(%j) → %j", (raw, want) => {
    expect(isoDate(raw)).toBe(want);
  });
});

describe("lookups through open shadow roots", () => {
  function composerInShadows(): { host: HTMLElement; editor: HTMLElement } {
    const host = document.createElement("comment-row");
    document.body.append(host);
    const outer = host.attachShadow({ mode: "open" });
    outer.innerHTML = "<shreddit-composer></shreddit-composer>";
    const composer = outer.querySelector("shreddit-composer") as HTMLElement;
    composer.attachShadow({ mode: "open" }).innerHTML = '<div role="textbox" contenteditable="true"><p>draft</p></div>';
    const editor = composer.shadowRoot?.querySelector('[role="textbox"]') as HTMLElement;
    return { host, editor };
  }

  test("deepQueryAll, closestDeep and containsDeep cross shadow boundaries", () => {
    const { host, editor } = composerInShadows();
    expect(deepQueryAll(document, '[role="textbox"]')).toEqual([editor]);
    expect(closestDeep(editor, "comment-row")).toBe(host);
    expect(containsDeep(host, editor)).toBe(true);
    expect(containsDeep(editor, host)).toBe(false);
    host.remove();
  });

  test("lib/insert finds the editor inside nested shadow roots and reads it", () => {
    const { host, editor } = composerInShadows();
    expect(resolveEditable(host)).toBe(editor);
    expect(readEditorText(host)).toBe("draft");
    host.remove();
  });

  test("a text field inside a wrapper's shadow root takes the reply (faceplate-textarea-input)", async () => {
    const host = document.createElement("faceplate-textarea-input");
    document.body.append(host);
    host.attachShadow({ mode: "open" }).innerHTML = "<textarea></textarea>";
    const result = await insertText(host, "Bonjour 👋\nMerci");
    expect(result).toEqual({ ok: true, method: "value", actual: "Bonjour 👋\nMerci" });
    expect(readEditorText(host)).toBe("Bonjour 👋\nMerci");
    host.remove();
  });
});

describe("outermost", () => {
  test.each([
    ["<section id=1><section id=2></section></section><section id=3></section>", ["1", "3"]],
    ["<div id=1><p><span id=2><b id=3></b></span></p></div>", ["1"]],
    ["<i id=1></i><i id=2></i>", ["1", "2"]],
    ["", []],
  ])("%s → %j", (markup, ids) => {
    expect(outermost([...html(markup).querySelectorAll("[id]")]).map((el) => el.id)).toEqual(ids);
  });
});

describe("mergeInOrder", () => {
  // Two queries' results (each in document order) merged, as the Facebook and LinkedIn adapters merge posts and
  // comments: the result is what one query for both would give, each element once.
  const page =
    "<article id=p1><ul><li class=c id=c1><li class=c id=c2></ul></article>" +
    "<article id=p2></article><div class=c id=c3><article id=p3><div class=c id=c4></div></article></div>" +
    "<article class=c id=both></article><div class=c id=c5></div>";
  test.each([
    ["article", ".c"],
    [".c", "article"],
    ["article", "article"],
    ["#p1, #c3", "#c1, #c4, #c5"],
    ["article", ".none"],
    [".none", ".c"],
    [".none", ".none"],
  ])("%s + %s = one query for both", (first, second) => {
    const root = html(page);
    const ids = (els: readonly Element[]) => els.map((el) => el.id);
    const merged = mergeInOrder([...root.querySelectorAll(first)], [...root.querySelectorAll(second)]);
    expect(ids(merged)).toEqual(ids([...root.querySelectorAll(`${first}, ${second}`)]));
  });
});

describe("selfAndAllOf", () => {
  const page =
    '<section class="post" id="p1"><div class="c" id="c1"><div class="c" id="c2"></div></div></section>' +
    '<section class="post c" id="p2"></section><x-item id="x1"><section class="post" id="p3"></section></x-item>';
  test.each([
    [["section", ".c"], null],
    [[".c", "section"], null],
    [["x-item", ".post", ".c"], null],
    [["section"], null],
    [["nothing", "section"], null],
    [[".c"], "#c1"],
    [["section", "div"], "#p1"],
  ])("%j under %s: what one query for them all finds", (selectors, rootCss) => {
    const doc = html(page);
    const root = rootCss ? (doc.querySelector(rootCss) as Element) : doc;
    const ids = (els: readonly Element[]) => els.map((el) => el.id);
    expect(ids(selfAndAllOf(root, selectors))).toEqual(ids(selfAndAll(root, selectors.join(", "))));
  });
});
