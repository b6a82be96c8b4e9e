/**
 * Proof in real Chromium that lib/insert puts a reply into the editor frameworks social sites use, from npm, and
 * that each editor's OWN state then holds the reply (not just its DOM): Lexical (rich and plain text: Reddit's
 * composer), ProseMirror through TipTap, Quill, a React-controlled <textarea> (Mastodon's compose box), a plain
 * contenteditable, and composers inside open shadow roots (new Reddit mounts its composer in custom elements'
 * shadow roots). Two small pages also follow the Reddit and Mastodon adapters' whole path: open the reply box with
 * the site's own control, insert, then see the agent post. No extension is needed: each page and lib/insert are
 * bundled with esbuild and served with `context.route`.
 */
import { build } from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Insert from "../../lib/insert/index.ts";
import type { SiteAdapter } from "../../lib/sites/types.ts";
import { type Launched, launch, ROOT } from "./harness.ts";

interface Api extends Pick<typeof Insert, "insertText" | "readEditorText"> {
  redditSite: SiteAdapter;
  mastodonSite: SiteAdapter;
}
interface TestWindow {
  __apaise: Api;
  /** The editor's own idea of its text (editor state, document model, React state). */
  __editorText: () => string;
  /** The element an adapter would hand to insertText. */
  __target: HTMLElement;
  __posted?: string[];
  __watch?: Promise<string>;
}

const REPLY = "Bonjour @camille_rx,\nDésolés pour ce retard 🙏\nOn regarde votre colis tout de suite 📦\n^JD";
const REPLY_EN = "Hi Sam, so sorry about this 😔\nCould you send us your order number by DM?\nThanks! 👍🏽 — Acme";
const REPLY_BLANK = "Bonjour Sam,\n\nMerci pour votre patience 🙂\n\n^JD";

let browser: Launched;
let context: BrowserContext;
let insertBundle: string;
const pages = new Map<string, string>();

async function bundle(contents: string, loader: "ts" | "jsx" = "ts", globalName?: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: ROOT, loader, sourcefile: "entry.tsx" },
    bundle: true,
    format: "iife",
    ...(globalName ? { globalName } : {}),
    jsx: "automatic",
    jsxImportSource: "react",
    define: { "process.env.NODE_ENV": '"production"' },
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  return out.outputFiles[0]?.text ?? "";
}

function html(body: string, js: string): string {
  return `<!doctype html><meta charset="utf-8"><body>${body}<script>${js.replace(/<\/script/g, "<\\/script")}</script></body>`;
}

/** Each editor page: its markup and the script that mounts the editor and exposes __editorText / __target. */
const EDITOR_PAGES: Record<string, { body: string; script: string; loader?: "ts" | "jsx" }> = {
  "lexical-rich": {
    body: '<div id="editor" contenteditable="true"></div>',
    script: `
      import { $getRoot, createEditor } from "lexical";
      import { registerRichText } from "@lexical/rich-text";
      const el = document.getElementById("editor");
      const editor = createEditor({ namespace: "apaise-test", onError: (e) => { throw e; } });
      editor.setRootElement(el);
      registerRichText(editor);
      // One line per paragraph (Lexical's own getTextContent puts a blank line between blocks).
      window.__editorText = () =>
        editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()).join("\\n"));
      window.__target = el;
    `,
  },
  "lexical-plain": {
    body: '<div id="editor" contenteditable="true"></div>',
    script: `
      import { $getRoot, createEditor } from "lexical";
      import { registerPlainText } from "@lexical/plain-text";
      const el = document.getElementById("editor");
      const editor = createEditor({ namespace: "apaise-test", onError: (e) => { throw e; } });
      editor.setRootElement(el);
      registerPlainText(editor);
      window.__editorText = () => editor.getEditorState().read(() => $getRoot().getTextContent());
      window.__target = el;
    `,
  },
  tiptap: {
    body: '<div id="host"></div>',
    script: `
      import { Editor } from "@tiptap/core";
      import StarterKit from "@tiptap/starter-kit";
      const editor = new Editor({ element: document.getElementById("host"), extensions: [StarterKit] });
      window.__editorText = () => editor.getText({ blockSeparator: "\\n" });
      window.__target = document.querySelector("#host .ProseMirror");
    `,
  },
  quill: {
    body: '<div id="editor"></div>',
    script: `
      import Quill from "quill";
      const quill = new Quill("#editor");
      // Quill's document always ends with a newline of its own.
      window.__editorText = () => quill.getText().replace(/\\n$/, "");
      window.__target = document.querySelector("#editor .ql-editor");
    `,
  },
  "react-textarea": {
    body: '<div id="root"></div>',
    loader: "jsx",
    script: `
      import { useState } from "react";
      import { createRoot } from "react-dom/client";
      let current = "";
      window.__editorText = () => current;
      function App() {
        const [value, setValue] = useState("");
        current = value;
        return <textarea id="ta" value={value} onChange={(e) => setValue(e.target.value)} />;
      }
      createRoot(document.getElementById("root")).render(<App />);
      const wait = () => document.getElementById("ta") ? (window.__target = document.getElementById("ta")) : requestAnimationFrame(wait);
      wait();
    `,
  },
  contenteditable: {
    body: '<div id="editor" contenteditable="true" style="white-space: pre-wrap"></div>',
    script: `
      const el = document.getElementById("editor");
      window.__editorText = () => el.innerText.replace(/\\n$/, "");
      window.__target = el;
    `,
  },
  "shadow-contenteditable": {
    body: "<composer-box></composer-box>",
    script: `
      customElements.define("composer-box", class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: "open" }).innerHTML =
            '<div class="frame"><div role="textbox" contenteditable="true" style="white-space: pre-wrap"></div></div>';
        }
      });
      const host = document.querySelector("composer-box");
      const box = host.shadowRoot.querySelector('[role="textbox"]');
      window.__editorText = () => box.innerText.replace(/\\n$/, "");
      // The adapter hands over the custom element: insertText must find the editor inside its shadow root.
      window.__target = host;
    `,
  },
  "shadow-lexical": {
    body: "<comment-row></comment-row>",
    script: `
      import { $getRoot, createEditor } from "lexical";
      import { registerRichText } from "@lexical/rich-text";
      // New Reddit's shape: a Lexical contenteditable slotted into shreddit-composer, itself inside a shadow root.
      customElements.define("shreddit-composer", class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: "open" }).innerHTML = '<slot name="rte"></slot><slot name="submit-button"></slot>';
        }
      });
      customElements.define("comment-row", class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: "open" }).innerHTML =
            '<shreddit-composer><div slot="rte" role="textbox" contenteditable="true"></div><button slot="submit-button" type="submit">Comment</button></shreddit-composer>';
        }
      });
      const host = document.querySelector("comment-row");
      const el = host.shadowRoot.querySelector('[slot="rte"]');
      const editor = createEditor({ namespace: "apaise-test", onError: (e) => { throw e; } });
      editor.setRootElement(el);
      registerRichText(editor);
      window.__editorText = () =>
        editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()).join("\\n"));
      window.__target = host;
    `,
  },
};

/**
 * A new-Reddit-like comment: the Reply button in its action row's light DOM (slot "comment-reply"); a click
 * mounts `comment-composer-host > faceplate-form > shreddit-composer` in the action row's shadow root, with a
 * Lexical editor slotted in; submitting empties nothing and removes the composer, as Reddit does.
 */
const REDDIT_PAGE = {
  body: `
    <shreddit-comment thingid="t1_abc123" author="sam_k" depth="0" postid="t3_xyz789" score="12"
      permalink="/r/AcmeSupport/comments/xyz789/comment/abc123/" created="2026-08-18T14:21:45.150000+0000">
      <div slot="commentMeta"><a href="/user/sam_k/">sam_k</a></div>
      <div id="t1_abc123-comment-rtjson-content" slot="comment"><p>Still no refund after 3 weeks 😡</p></div>
      <shreddit-comment-action-row slot="actionRow" comment-id="t1_abc123">
        <faceplate-tracker noun="reply_comment" slot="comment-reply"><button type="button">Reply</button></faceplate-tracker>
      </shreddit-comment-action-row>
    </shreddit-comment>`,
  script: `
    import { $getRoot, createEditor } from "lexical";
    import { registerRichText } from "@lexical/rich-text";
    let editor = null;
    window.__posted = [];
    window.__editorText = () =>
      editor ? editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()).join("\\n")) : "";
    customElements.define("shreddit-composer", class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: "open" }).innerHTML = '<slot name="rte"></slot><slot name="submit-button"></slot>';
      }
    });
    customElements.define("shreddit-comment-action-row", class extends HTMLElement {
      constructor() {
        super();
        const root = this.attachShadow({ mode: "open" });
        root.innerHTML = '<slot name="comment-reply"></slot><div class="composer-slot"></div>';
        this.addEventListener("click", (e) => {
          if (!e.target.closest('[slot="comment-reply"] button')) return;
          setTimeout(() => {
            root.querySelector(".composer-slot").innerHTML =
              '<comment-composer-host><faceplate-form><shreddit-composer>' +
              '<div slot="rte" role="textbox" contenteditable="true" aria-placeholder="Reply"></div>' +
              '<button slot="submit-button" type="submit">Comment</button>' +
              '</shreddit-composer></faceplate-form></comment-composer-host>';
            const el = root.querySelector('[slot="rte"]');
            editor = createEditor({ namespace: "reddit", onError: (err) => { throw err; } });
            editor.setRootElement(el);
            registerRichText(editor);
            root.querySelector('[slot="submit-button"]').addEventListener("click", () => {
              window.__posted.push(window.__editorText());
              root.querySelector(".composer-slot").replaceChildren();
            });
          }, 50);
        });
      }
    });
  `,
};

/**
 * A Mastodon-like page (React, Mastodon's class names): a status with its action bar, and the compose form whose
 * controlled textarea the Reply button fills with the mention and focuses, with a reply indicator; Publish
 * records the text and empties the form, as Mastodon does.
 */
const MASTODON_PAGE = {
  body: '<div id="mastodon"></div>',
  loader: "jsx" as const,
  script: `
    import { useRef, useState } from "react";
    import { createRoot } from "react-dom/client";
    let current = "";
    window.__posted = [];
    window.__editorText = () => current;
    function App() {
      const [text, setText] = useState("");
      const [replyTo, setReplyTo] = useState(false);
      const ref = useRef(null);
      current = text;
      const reply = () => { setReplyTo(true); setText("@sam_k@piaille.fr "); setTimeout(() => ref.current.focus(), 0); };
      const submit = (e) => { e.preventDefault(); window.__posted.push(text); setText(""); setReplyTo(false); };
      return (
        <div className="columns-area">
          <div className="drawer"><form className="compose-form" onSubmit={submit}>
            {replyTo ? (
              <div className="reply-indicator">
                <a className="detailed-status__display-name" href="/@sam_k@piaille.fr">
                  <span className="display-name"><bdi><strong className="display-name__html">Sam K.</strong></bdi>
                  <span className="display-name__account">@sam_k@piaille.fr</span></span>
                </a>
                <div className="reply-indicator__content translate"><p>Toujours pas remboursé après 3 semaines 😡</p></div>
              </div>
            ) : null}
            <div className="autosuggest-textarea">
              <textarea ref={ref} className="autosuggest-textarea__textarea" value={text} onChange={(e) => setText(e.target.value)} />
            </div>
            <div className="compose-form__submit"><button type="submit" className="button">Publish</button></div>
          </form></div>
          <div className="column"><article data-id="113000000000000001">
            <div className="status__wrapper focusable" tabIndex={0}>
              <div className="status status-public" data-id="113000000000000001">
                <div className="status__info">
                  <a href="/@sam_k@piaille.fr" className="status__display-name">
                    <span className="display-name"><bdi><strong className="display-name__html">Sam K.</strong></bdi>
                    <span className="display-name__account">@sam_k@piaille.fr</span></span>
                  </a>
                  <a href="/@sam_k@piaille.fr/113000000000000001" className="status__relative-time">
                    <time dateTime="2026-08-18T09:00:00.000Z">2h</time>
                  </a>
                </div>
                <div className="status__content"><div className="status__content__text status__content__text--visible" lang="fr">
                  <p>Toujours pas remboursé après 3 semaines 😡</p>
                </div></div>
                <div className="status__action-bar">
                  <div className="status__action-bar__button-wrapper">
                    <button type="button" className="status__action-bar__button icon-button" title="Reply" onClick={reply}>
                      <span className="icon-button__counter">2</span>
                    </button>
                  </div>
                </div>
              </div>
            </div>
          </article></div>
        </div>
      );
    }
    createRoot(document.getElementById("mastodon")).render(<App />);
  `,
};

async function open(name: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`page error (${name}):`, err.message));
  await page.goto(`https://editors.test/${name}`);
  await page.addScriptTag({ content: insertBundle });
  await page.waitForFunction(() => (window as unknown as TestWindow).__editorText !== undefined);
  return page;
}

beforeAll(async () => {
  const entry = [
    'export { insertText, readEditorText } from "./lib/insert/index.ts";',
    'export { redditSite } from "./lib/sites/reddit/index.ts";',
    'export { mastodonSite } from "./lib/sites/mastodon/index.ts";',
  ].join("\n");
  const all = { ...EDITOR_PAGES, reddit: REDDIT_PAGE, mastodon: MASTODON_PAGE };
  const [insert, ...built] = await Promise.all([
    bundle(entry, "ts", "__apaise"),
    ...Object.values(all).map((p) => bundle(p.script, "loader" in p ? p.loader : "ts")),
  ]);
  insertBundle = insert ?? "";
  Object.entries(all).forEach(([name, p], i) => {
    pages.set(name, html(p.body, built[i] ?? ""));
  });
  browser = await launch({ extension: false });
  context = browser.context;
  // Nothing leaves the machine: everything is aborted except the test host (later routes win).
  await context.route("**", (route) => route.abort());
  await context.route("https://editors.test/**", (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    const body = pages.get(name);
    return body
      ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body })
      : route.fulfill({ status: 404, body: "not found" });
  });
});

afterAll(async () => {
  await browser?.close();
});

/** How each editor takes the text: its own paste handler, React's value setter, or the browser's editing commands. */
const METHOD: Record<string, string> = {
  "lexical-rich": "paste",
  "lexical-plain": "paste",
  tiptap: "paste",
  quill: "paste",
  "react-textarea": "value",
  contenteditable: "execCommand",
  "shadow-contenteditable": "execCommand",
  "shadow-lexical": "paste",
};

describe("insertText puts the reply in each editor's own state", () => {
  it.each(Object.keys(EDITOR_PAGES))("%s", async (name) => {
    const page = await open(name);
    await page.waitForFunction(() => (window as unknown as TestWindow).__target !== undefined);
    const insert = (text: string, replace: boolean) =>
      page.evaluate(
        async ([t, r]) => {
          const w = window as unknown as TestWindow;
          const res = await w.__apaise.insertText(w.__target, t as string, { replace: r as boolean });
          return { res, state: w.__editorText() };
        },
        [text, replace] as const,
      );

    const first = await insert(REPLY, false);
    expect(first.res, JSON.stringify(first.res)).toMatchObject({ ok: true, method: METHOD[name] });
    expect(first.state).toBe(REPLY);
    expect(first.res.actual).toBe(REPLY);

    // Replace mode: the editor ends up holding the new reply only, once.
    const second = await insert(REPLY_EN, true);
    expect(second.res.ok, JSON.stringify(second.res)).toBe(true);
    expect(second.state).toBe(REPLY_EN);

    // Blank lines survive (ProseMirror drops them from pasted plain text: it gets paragraphs as HTML).
    const third = await insert(REPLY_BLANK, true);
    expect(third.res.ok, JSON.stringify(third.res)).toBe(true);
    expect(third.state).toBe(REPLY_BLANK);

    // The editor still works for the agent afterwards: typing goes into its state.
    await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      const editable = w.__target.shadowRoot?.querySelector<HTMLElement>('[contenteditable="true"]') ?? w.__target;
      editable.focus();
    });
    await page.keyboard.press("Control+End");
    await page.keyboard.type("!");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as TestWindow).__editorText()))
      .toBe(`${REPLY_BLANK}!`);
    await page.close();
  });
});

describe("the site adapters' whole path on Reddit- and Mastodon-like pages", () => {
  it("Reddit: opens the reply box in the comment's shadow root, inserts into Lexical, sees the agent post", async () => {
    const page = await open("reddit");
    const result = await page.evaluate(async (text) => {
      const w = window as unknown as TestWindow;
      const site = w.__apaise.redditSite;
      const comment = document.querySelector("shreddit-comment");
      if (!comment) throw new Error("no comment");
      const before = site.findReplyComposer(comment, document);
      const editor = await site.openReplyComposer(comment, { timeoutMs: 5000 });
      const res = await w.__apaise.insertText(editor, text);
      w.__watch = site.watchPosted(editor, { timeoutMs: 20_000 });
      return {
        before,
        res,
        state: w.__editorText(),
        inShadow: editor.getRootNode() !== document,
        found: site.findReplyComposer(comment, document) === editor,
        posted: w.__posted?.length,
      };
    }, REPLY);
    expect(result.before).toBeNull();
    expect(result.inShadow).toBe(true);
    expect(result.res.ok, JSON.stringify(result.res)).toBe(true);
    expect(result.state).toBe(REPLY);
    expect(result.found).toBe(true);
    expect(result.posted).toBe(0);
    // The agent presses Comment.
    await page.locator("shreddit-comment-action-row").locator('button[slot="submit-button"]').click();
    expect(await page.evaluate(() => (window as unknown as TestWindow).__watch)).toBe("posted");
    expect(await page.evaluate(() => (window as unknown as TestWindow).__posted)).toEqual([REPLY]);
    await page.close();
  });

  it("Mastodon: Reply fills the mention, the reply follows it in React's state, Publish is seen", async () => {
    const page = await open("mastodon");
    await page.waitForSelector(".status[data-id]");
    const result = await page.evaluate(async (text) => {
      const w = window as unknown as TestWindow;
      const site = w.__apaise.mastodonSite;
      const status = site.findPosts(document)[0];
      if (!status) throw new Error("no status");
      const post = site.extractPost(status, location.href);
      const before = site.findReplyComposer(status, document);
      const editor = await site.openReplyComposer(status, { timeoutMs: 5000 });
      const res = await w.__apaise.insertText(editor, text);
      w.__watch = site.watchPosted(editor, { timeoutMs: 20_000 });
      return {
        post,
        before,
        res,
        state: w.__editorText(),
        found: site.findReplyComposer(status, document) === editor,
      };
    }, REPLY);
    expect(result.post).toMatchObject({ id: "113000000000000001", author: "sam_k@piaille.fr", langAttr: "fr" });
    expect(result.before).toBeNull();
    expect(result.res.ok, JSON.stringify(result.res)).toBe(true);
    expect(result.state).toBe(`@sam_k@piaille.fr ${REPLY}`);
    expect(result.found).toBe(true);
    await page.click(".compose-form__submit button");
    expect(await page.evaluate(() => (window as unknown as TestWindow).__watch)).toBe("posted");
    expect(await page.evaluate(() => (window as unknown as TestWindow).__posted)).toEqual([
      `@sam_k@piaille.fr ${REPLY}`,
    ]);
    await page.close();
  });
});
