/**
 * Proof in real Chromium that lib/insert puts a reply into X-style composers without bypassing their state:
 * the Draft.js composer of the demo page (served at https://x.com/*), a React-controlled <textarea>, and a bare
 * contenteditable (execCommand fallback). Also checks that nothing is ever posted by us, and that watchPosted tells
 * "posted" from "cancelled" when the agent (here: the test) acts.
 */
import { build } from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Insert from "../../lib/insert/index.ts";
import type * as Composer from "../../lib/sites/x/composer.ts";
import { buildDemo, demoResponse } from "../../scripts/build-demo.mjs";
import { type Launched, launch, outputPath, ROOT } from "./harness.ts";

type Api = typeof Insert & typeof Composer;
interface TestWindow {
  __apaiseInsert: Api;
  __apaiseDemo: { getComposerText(): string | null; posted: Array<{ postId: string | null; text: string }> };
  __watch?: Promise<Composer.PostOutcome>;
  __reactValue?: () => string;
}

const REPLY = "Bonjour @camille_rx,\nDésolés pour ce retard 🙏\nOn regarde votre colis tout de suite.\n^JD";

let browser: Launched;
let context: BrowserContext;
let insertBundle: string;

/** lib/insert + the X composer helpers as one IIFE exposing window.__apaiseInsert. */
async function bundleInsert(): Promise<string> {
  const out = await build({
    stdin: {
      contents: 'export * from "./lib/insert/index.ts";\nexport * from "./lib/sites/x/composer.ts";\n',
      resolveDir: ROOT,
      loader: "ts",
      sourcefile: "insert-entry.ts",
    },
    bundle: true,
    format: "iife",
    globalName: "__apaiseInsert",
    target: "es2020",
    write: false,
  });
  return out.outputFiles[0]?.text ?? "";
}

/** A tiny page with a React 18 controlled textarea and a bare contenteditable (no editor library). */
async function bundleReactPage(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { useState } from "react";
        import { createRoot } from "react-dom/client";
        let current = "";
        window.__reactValue = () => current;
        function App() {
          const [value, setValue] = useState("");
          current = value;
          return (
            <div>
              <textarea data-testid="ta" value={value} onChange={(e) => setValue(e.target.value)} />
              <div data-testid="plain" contentEditable suppressContentEditableWarning style={{ whiteSpace: "pre-wrap" }} />
            </div>
          );
        }
        createRoot(document.getElementById("root")).render(<App />);
      `,
      resolveDir: ROOT,
      loader: "jsx",
      sourcefile: "react-page.jsx",
    },
    bundle: true,
    format: "iife",
    jsx: "automatic",
    jsxImportSource: "react",
    define: { "process.env.NODE_ENV": '"production"' },
    target: "es2020",
    write: false,
  });
  const js = out.outputFiles[0]?.text ?? "";
  return `<!doctype html><meta charset="utf-8"><div id="root"></div><script>${js.replace(/<\/script/g, "<\\/script")}</script>`;
}

async function openDemo(path = "/home"): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error("page error:", err.message));
  await page.goto(`https://x.com${path}`);
  await page.waitForFunction(() => (window as unknown as { __apaiseDemo?: { ready: boolean } }).__apaiseDemo?.ready);
  await page.addScriptTag({ content: insertBundle });
  return page;
}

beforeAll(async () => {
  const [, bundle, reactPage] = await Promise.all([buildDemo(), bundleInsert(), bundleReactPage()]);
  insertBundle = bundle;
  browser = await launch({ extension: false });
  context = browser.context;
  // Nothing leaves the machine: everything is aborted except the two hosts served below (later routes win).
  await context.route("**", (route) => route.abort());
  await context.route("https://x.com/**", (route) => {
    const { body, contentType, status } = demoResponse(new URL(route.request().url()).pathname);
    return route.fulfill({ status, contentType, body });
  });
  await context.route("https://apaise.test/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: reactPage }),
  );
});

afterAll(async () => {
  await browser?.close();
});

describe("insert into X's Draft.js reply dialog (demo)", () => {
  it("inserts a multi-line reply with emoji, enables Reply, posts nothing, then sees the agent post", async () => {
    const page = await openDemo();
    const result = await page.evaluate(async (text) => {
      const w = window as unknown as TestWindow;
      const { openReplyComposer, insertText, submitButtonFor, watchPosted, findReplyComposer } = w.__apaiseInsert;
      const article = document.querySelectorAll('article[data-testid="tweet"]')[0];
      if (!article) throw new Error("no post");
      const editor = await openReplyComposer(article, { timeoutMs: 5000 });
      const disabledBefore = submitButtonFor(editor)?.disabled ?? null;
      const res = await insertText(editor, text);
      const button = submitButtonFor(editor);
      w.__watch = watchPosted(editor, { timeoutMs: 20_000 });
      return {
        res,
        disabledBefore,
        composer: w.__apaiseDemo.getComposerText(),
        buttonTestId: button?.getAttribute("data-testid"),
        enabled: button ? !button.disabled : false,
        posted: w.__apaiseDemo.posted.length,
        editorTestId: editor.getAttribute("data-testid"),
        inDialog: !!editor.closest('div[role="dialog"]'),
        found: findReplyComposer(article, document) === editor,
      };
    }, REPLY);

    expect(result.editorTestId).toBe("tweetTextarea_0");
    expect(result.inDialog).toBe(true);
    expect(result.disabledBefore).toBe(true);
    expect(result.res.ok).toBe(true);
    expect(result.res.method).toBe("paste");
    expect(result.composer).toBe(REPLY);
    expect(result.res.actual).toBe(REPLY);
    expect(result.buttonTestId).toBe("tweetButton");
    expect(result.enabled).toBe(true);
    expect(result.posted).toBe(0);
    // The open dialog shows this post, so it is also "the composer that replies to it".
    expect(result.found).toBe(true);

    await page.screenshot({ path: outputPath("demo-composer.png") });

    // Still nothing posted a moment later: insertion never submits.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as TestWindow).__apaiseDemo.posted.length)).toBe(0);

    // The agent clicks Reply.
    await page.click('div[role="dialog"] [data-testid="tweetButton"]');
    const outcome = await page.evaluate(() => (window as unknown as TestWindow).__watch);
    expect(outcome).toBe("posted");
    const posted = await page.evaluate(() => (window as unknown as TestWindow).__apaiseDemo.posted);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toBe(REPLY);
    expect(await page.locator('div[role="dialog"]').count()).toBe(0);
    await page.close();
  });

  it("reports cancelled when the dialog is closed without posting", async () => {
    const page = await openDemo();
    await page.evaluate(async () => {
      const w = window as unknown as TestWindow;
      const { openReplyComposer, insertText, watchPosted } = w.__apaiseInsert;
      const article = document.querySelectorAll('article[data-testid="tweet"]')[2];
      if (!article) throw new Error("no post");
      const editor = await openReplyComposer(article);
      await insertText(editor, "Merci pour votre patience.");
      w.__watch = watchPosted(editor, { timeoutMs: 20_000 });
    });
    await page.click('div[role="dialog"] [data-testid="app-bar-close"]');
    expect(await page.evaluate(() => (window as unknown as TestWindow).__watch)).toBe("cancelled");
    expect(await page.evaluate(() => (window as unknown as TestWindow).__apaiseDemo.posted.length)).toBe(0);
    await page.close();
  });

  it("rejects with a clear error when no dialog opens", async () => {
    const page = await openDemo();
    const message = await page.evaluate(async () => {
      const { openReplyComposer } = (window as unknown as TestWindow).__apaiseInsert;
      const article = document.querySelector('article[data-testid="tweet"]');
      if (!article) throw new Error("no post");
      // The demo's Reply button does nothing once its handler is blocked, as if X changed its markup.
      article.querySelector('[data-testid="reply"]')?.addEventListener("click", (e) => e.stopPropagation(), true);
      return openReplyComposer(article, { timeoutMs: 300 }).then(
        () => "opened",
        (err: Error) => err.message,
      );
    });
    expect(message).toMatch(/did not open within 300 ms/);
    await page.close();
  });

  it("fills the inline composer of a status page (replace mode) and sees a Ctrl+Enter post", async () => {
    const home = await openDemo();
    const href = await home.locator('article[data-testid="tweet"] a[href*="/status/"]').first().getAttribute("href");
    await home.close();
    const page = await openDemo(href ?? "/");
    const result = await page.evaluate(async (text) => {
      const w = window as unknown as TestWindow;
      const { findReplyComposer, insertText, submitButtonFor, watchPosted } = w.__apaiseInsert;
      const focal = document.querySelector('article[data-testid="tweet"][tabindex="-1"]');
      if (!focal) throw new Error("no focal post");
      const editor = findReplyComposer(focal, document);
      if (!editor) throw new Error("no inline composer");
      await insertText(editor, "brouillon à remplacer");
      const res = await insertText(editor, text, { replace: true });
      const button = submitButtonFor(editor);
      w.__watch = watchPosted(editor, { timeoutMs: 20_000 });
      return {
        res,
        composer: w.__apaiseDemo.getComposerText(),
        button: button?.getAttribute("data-testid"),
        enabled: button ? !button.disabled : false,
        posted: w.__apaiseDemo.posted.length,
      };
    }, REPLY);
    expect(result.res.ok).toBe(true);
    expect(result.composer).toBe(REPLY);
    expect(result.button).toBe("tweetButtonInline");
    expect(result.enabled).toBe(true);
    expect(result.posted).toBe(0);

    await page.screenshot({ path: outputPath("demo-status-inline.png") });
    await page.locator('[data-testid="inline_reply_offscreen"] [data-testid="tweetTextarea_0"]').press("Control+Enter");
    expect(await page.evaluate(() => (window as unknown as TestWindow).__watch)).toBe("posted");
    const posted = await page.evaluate(() => (window as unknown as TestWindow).__apaiseDemo.posted);
    expect(posted.map((p) => p.text)).toEqual([REPLY]);
    await page.close();
  });

  it("looks right in dark mode", async () => {
    const page = await openDemo("/home?theme=dark");
    await page.click('article[data-testid="tweet"] [data-testid="reply"]');
    await page.waitForSelector('div[role="dialog"] [data-testid="tweetTextarea_0"]');
    await page.screenshot({ path: outputPath("demo-composer-dark.png") });
    await page.close();
  });
});

describe("insert into other editors", () => {
  it("sets a React-controlled textarea's state, and React keeps tracking it", async () => {
    const page = await context.newPage();
    await page.goto("https://apaise.test/");
    await page.addScriptTag({ content: insertBundle });
    const text = "Bonjour,\nnous sommes désolés 🙏\n^JD";
    const res = await page.evaluate(async (t) => {
      const w = window as unknown as TestWindow;
      const ta = document.querySelector<HTMLTextAreaElement>('[data-testid="ta"]');
      if (!ta) throw new Error("no textarea");
      return w.__apaiseInsert.insertText(ta, t);
    }, text);
    expect(res).toEqual({ ok: true, method: "value", actual: text });
    expect(await page.evaluate(() => (window as unknown as TestWindow).__reactValue?.())).toBe(text);
    // Typing afterwards appends to React's state rather than resetting it.
    await page.locator('[data-testid="ta"]').press("End");
    await page.keyboard.type("!");
    expect(await page.evaluate(() => (window as unknown as TestWindow).__reactValue?.())).toBe(`${text}!`);
    await page.close();
  });

  it("falls back to execCommand on a contenteditable that ignores paste", async () => {
    const page = await context.newPage();
    await page.goto("https://apaise.test/");
    await page.addScriptTag({ content: insertBundle });
    const res = await page.evaluate(async () => {
      const w = window as unknown as TestWindow;
      const el = document.querySelector<HTMLElement>('[data-testid="plain"]');
      if (!el) throw new Error("no contenteditable");
      return w.__apaiseInsert.insertText(el, "Ligne 1\nLigne 2 👋");
    });
    expect(res.ok).toBe(true);
    expect(res.method).toBe("execCommand");
    expect(res.actual).toBe("Ligne 1\nLigne 2 👋");
    await page.close();
  });
});
