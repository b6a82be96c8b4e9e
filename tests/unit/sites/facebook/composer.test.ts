// @vitest-environment jsdom
/**
 * Facebook's comment composers, on the hand-written fixtures loaded into the test's document (Facebook's own code
 * is played by small handlers: Reply mounts a composer labelled with the author's name, Enter empties it). Insertion
 * into a real Lexical editor is proven in Chromium by tests/e2e/insert-editors.test.ts.
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
} from "../../../../lib/sites/facebook";

const PAGE = "https://www.facebook.com/AcmeFrance";
const POST = "pfbid0Zx8Kq2mVt7RbN3cLp9YwHd4Fs6Ja1Ug5Te8Mi2Ko7Qr3";
const CLAIRE = "1234567890123456";
const SAM = "1234567890123457";
const ACME_REPLY = "1234567890123460";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/facebook", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function item(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el, PAGE) === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const composer = (label: string) => document.querySelector(`[role="textbox"][aria-label="${label}"]`) as HTMLElement;

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("comment composers", () => {
  test("the post's own composer; the reply composer labelled with the comment author's name", () => {
    load("page-timeline.html");
    expect(findReplyComposer(item(POST), document)).toBe(composer("Comment as Acme France"));
    expect(findReplyComposer(item(SAM), document)).toBe(composer("Reply to Sam K"));
    expect(findReplyComposer(item(CLAIRE), document)).toBeNull();
    // The brand's own reply under Sam's comment: the composer is Sam's, not the brand's.
    expect(findReplyComposer(item(ACME_REPLY), document)).toBeNull();
  });

  test("each item's own control: the post's Comment, a comment's Reply", () => {
    load("page-timeline.html");
    expect(replyButtonOf(item(POST))?.getAttribute("aria-label")).toBe("Leave a comment");
    const reply = replyButtonOf(item(CLAIRE));
    expect(reply?.textContent).toBe("Reply");
    expect(reply?.closest('[role="article"]')).toBe(item(CLAIRE));
  });

  test("Reply mounts a composer below the comment: it is found and takes the text", async () => {
    load("page-timeline.html");
    const target = item(CLAIRE);
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => {
        target.insertAdjacentHTML(
          "afterend",
          '<div><form method="POST"><div aria-label="Reply to Claire Dumont" contenteditable="true" role="textbox" data-lexical-editor="true"><p dir="auto"><span data-lexical-text="true">Claire Dumont</span><span data-lexical-text="true"> </span></p></div><div aria-label="Comment" role="button" tabindex="0"></div></form></div>',
        );
      }, 30);
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor).toBe(composer("Reply to Claire Dumont"));
    expect(findReplyComposer(item(SAM), document)).toBe(composer("Reply to Sam K"));
    // jsdom has no editing commands: the text is set as Lexical would, and read back.
    editor.innerHTML =
      '<p dir="auto"><span>Claire Dumont</span><span> Bonjour Claire, écrivez-nous en privé 🙏</span></p>';
    expect(readEditorText(editor)).toBe("Claire Dumont Bonjour Claire, écrivez-nous en privé 🙏");
  });

  test("no Reply control, or a click that opens nothing: a clear error", async () => {
    load("malformed.html");
    const bare = document.querySelector('[data-case="group-member"]') as Element;
    await expect(openReplyComposer(bare, { timeoutMs: 200 })).rejects.toThrow(/no Reply control/);
    load("page-timeline.html");
    await expect(openReplyComposer(item(CLAIRE), { timeoutMs: 200 })).rejects.toThrow(/did not open within 200 ms/);
  });

  test("watchPosted: Enter sends a Facebook comment; the composer then emptied is 'posted'", async () => {
    load("page-timeline.html");
    const editor = findReplyComposer(item(POST), document) as HTMLElement;
    editor.innerHTML = "<p>Bonjour, écrivez-nous en message privé 🙏</p>";
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    // Shift+Enter is a new line, not a send.
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", shiftKey: true, bubbles: true }));
    editor.innerHTML = "<p><br></p>";
    await new Promise((r) => setTimeout(r, 700));
    editor.innerHTML = "<p>Bonjour, écrivez-nous en message privé 🙏</p>";
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    editor.innerHTML = "<p><br></p>";
    expect(await outcome).toBe("posted");
  });

  test("watchPosted: the send control counts too; the reply composer removed without it is 'cancelled'", async () => {
    load("page-timeline.html");
    const editor = findReplyComposer(item(SAM), document) as HTMLElement;
    const cancelled = watchPosted(editor, { timeoutMs: 5000 });
    editor.closest("form")?.remove();
    expect(await cancelled).toBe("cancelled");

    load("page-timeline.html");
    const again = findReplyComposer(item(SAM), document) as HTMLElement;
    const posted = watchPosted(again, { timeoutMs: 5000 });
    (again.closest("form")?.querySelector('[aria-label="Comment"]') as HTMLElement | null)?.click();
    again.innerHTML = "<p><br></p>";
    expect(await posted).toBe("posted");
  });
});
