// @vitest-environment jsdom
/**
 * Threads' reply dialog, on the hand-written fixtures loaded into the test's document (Threads' own code is played
 * by small handlers: the reply control mounts the dialog, Post closes it). Insertion into a real Lexical editor is
 * proven in Chromium by tests/e2e/insert-editors.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { readEditorText } from "../../../../lib/insert";
import {
  findPosts,
  findReplyComposer,
  openReplyComposer,
  postIdOf,
  replyButtonOf,
  watchPosted,
} from "../../../../lib/sites/threads";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/threads", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function post(code: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el) === code);
  if (!found) throw new Error(`no post ${code}`);
  return found;
}

function dialog(): Element {
  return document.querySelector('[role="dialog"]') as Element;
}

/** The Post control of the open dialog (Threads enables it once the editor holds text). */
function postControl(): HTMLElement {
  const control = [...dialog().querySelectorAll('[role="button"]')].find((b) => b.textContent?.trim() === "Post");
  return control as HTMLElement;
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("the reply dialog", () => {
  test("the open dialog replies to the focal post (it names its author and shows its text); not to the replies", () => {
    load("post.html");
    const editor = findReplyComposer(post("DNx4dEfG5hI"), document);
    expect(editor?.getAttribute("data-lexical-editor")).toBe("true");
    expect(findReplyComposer(post("DNx5eFgH6iJ"), document)).toBeNull();
    expect(findReplyComposer(post("DNx6fGhI7jK"), document)).toBeNull();
  });

  test("the post's own reply control (French and English icons), never the quoted post's", () => {
    load("home-feed.html");
    const quoting = post("DNx2bCdE3fG");
    const button = replyButtonOf(quoting);
    expect(button?.querySelector("svg")?.getAttribute("aria-label")).toBe("Répondre");
    expect(button?.closest("[data-pressable-container]")).toBe(quoting);
    load("post.html");
    expect(replyButtonOf(post("DNx5eFgH6iJ"))?.querySelector("svg")?.getAttribute("aria-label")).toBe("Reply");
  });

  test("the reply control opens a dialog linking to the post: its editor is found and takes the text", async () => {
    load("home-feed.html");
    const target = post("DNx1aBcD2eF");
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => {
        document.body.insertAdjacentHTML(
          "beforeend",
          '<div role="dialog"><a href="/@claire.dmt/post/DNx1aBcD2eF" role="link"><time datetime="2026-08-22T07:12:00.000Z">2 h</time></a>' +
            '<div contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div>' +
            '<div role="button" aria-disabled="true"><span dir="auto">Publier</span></div></div>',
        );
      }, 30);
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor.getAttribute("role")).toBe("textbox");
    expect(findReplyComposer(target, document)).toBe(editor);
    expect(findReplyComposer(post("DNx2bCdE3fG"), document)).toBeNull();
    // jsdom has no editing commands: the text is set as Lexical would, and read back.
    editor.innerHTML = "<p>Bonjour Claire, écrivez-nous en privé 🙏</p>";
    expect(readEditorText(editor)).toBe("Bonjour Claire, écrivez-nous en privé 🙏");
  });

  test("no reply control, or a click that opens nothing: a clear error", async () => {
    load("malformed.html");
    const hostile = findPosts(document).find((el) => el.getAttribute("data-case") === "hostile") as Element;
    await expect(openReplyComposer(hostile, { timeoutMs: 200 })).rejects.toThrow(/no reply button/);
    load("home-feed.html");
    await expect(openReplyComposer(post("DNx3cDeF4gH"), { timeoutMs: 200 })).rejects.toThrow(
      /did not open within 200 ms/,
    );
  });

  test("watchPosted: Post pressed, then the dialog closed, is 'posted'; a disabled Post is no submit", async () => {
    load("post.html");
    const editor = findReplyComposer(post("DNx4dEfG5hI"), document) as HTMLElement;
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    postControl().click();
    editor.innerHTML = "<p>Hi Jordan, please DM us your order number.</p>";
    postControl().removeAttribute("aria-disabled");
    postControl().click();
    dialog().parentElement?.remove();
    expect(await outcome).toBe("posted");
  });

  test("watchPosted: closed without Post is 'cancelled'", async () => {
    load("post.html");
    const editor = findReplyComposer(post("DNx4dEfG5hI"), document) as HTMLElement;
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    postControl().click();
    dialog().parentElement?.remove();
    expect(await outcome).toBe("cancelled");
  });
});
