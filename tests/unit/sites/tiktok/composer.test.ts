// @vitest-environment jsdom
/**
 * TikTok's comment boxes, on the hand-written fixtures loaded into the test's document (TikTok's own code is played
 * by small handlers: Reply mounts an inline box under the comment, posting empties or removes it). Pasting into a
 * real Draft.js editor is proven in Chromium by tests/e2e/insert-draftjs.test.ts.
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
} from "../../../../lib/sites/tiktok";

const VIDEO = "https://www.tiktok.com/@acme_fr/video/7675293818527340167";
const CLAIRE = "7676016713064390451";
const SAM = "7568503751686201345";
const ACME_REPLY = "7676423223131620072";
const HAPPY = "7676733062068915319";
const GONE = "7676747235463174658";
const MALLORY = "7676767851302911834";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/tiktok", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function comment(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el, VIDEO) === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

/** A Draft.js editor's DOM holding `text` (one block), or empty (the placeholder's <br data-text>). */
function draft(text: string): string {
  const leaf = text ? `<span data-text="true">${text}</span>` : '<br data-text="true">';
  return `<div data-contents="true"><div data-block="true" data-editor="x1" data-offset-key="x1-0-0"><div data-offset-key="x1-0-0" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr"><span data-offset-key="x1-0-0">${leaf}</span></div></div></div>`;
}

function inlineBox(): string {
  return `<div class="css-1gc3gda-DivCommentInputContainer e1fh0cur0"><div data-e2e="comment-input"><div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div class="notranslate public-DraftEditor-content" contenteditable="true" role="combobox">${draft("")}</div></div></div></div><div data-e2e="comment-post" role="button" tabindex="0" aria-disabled="true">Publier</div></div>`;
}

/** The inline box open under @sam_k's comment, with text typed and Post enabled (as TikTok does once typed). */
function typedSamBox(text: string): { editor: HTMLElement; post: HTMLElement } {
  const editor = findReplyComposer(comment(SAM), document) as HTMLElement;
  editor.innerHTML = draft(text);
  const post = editor
    .closest('[class*="DivCommentInputContainer"]')
    ?.querySelector('[data-e2e="comment-post"]') as HTMLElement;
  post.setAttribute("aria-disabled", "false");
  return { editor, post };
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("finding the reply box", () => {
  test("the inline box under @sam_k's comment is his, not his reply's nor anyone else's", () => {
    load("video-fr.html");
    const editor = findReplyComposer(comment(SAM), document);
    expect(editor?.classList.contains("public-DraftEditor-content")).toBe(true);
    expect(editor?.closest('[class*="DivCommentListContainer"]')).not.toBeNull();
    for (const id of [CLAIRE, ACME_REPLY, HAPPY, GONE, MALLORY])
      expect(findReplyComposer(comment(id), document), id).toBeNull();
  });

  test("the box at the panel's foot answers the video: never a comment's reply box", () => {
    load("video-fr.html");
    document.querySelector('[class*="DivCommentListContainer"] [class*="DivCommentInputContainer"]')?.remove();
    for (const id of [CLAIRE, SAM, ACME_REPLY, HAPPY, MALLORY])
      expect(findReplyComposer(comment(id), document), id).toBeNull();
    expect(document.querySelectorAll(".public-DraftEditor-content")).toHaveLength(1);
  });

  test("each comment's own Reply, a reply's too; none for a deleted account", () => {
    load("video-fr.html");
    expect(replyButtonOf(comment(CLAIRE))?.getAttribute("data-e2e")).toBe("comment-reply-1");
    expect(replyButtonOf(comment(ACME_REPLY))?.getAttribute("data-e2e")).toBe("comment-reply-2");
    expect(replyButtonOf(comment(SAM))?.closest('[class*="DivCommentItemWrapper"]')).toBe(comment(SAM));
    expect(replyButtonOf(comment(GONE))).toBeNull();
  });
});

describe("opening it", () => {
  test("Reply mounts a box under the comment: its Draft.js editor is found", async () => {
    load("video-fr.html");
    const target = comment(CLAIRE);
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => target.insertAdjacentHTML("afterend", inlineBox()), 30);
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor.getAttribute("contenteditable")).toBe("true");
    expect(readEditorText(editor)).toBe("");
    expect(findReplyComposer(target, document)).toBe(editor);
    // The box under Claire's comment is not Sam's: his own is still his.
    expect(findReplyComposer(comment(SAM), document)).not.toBe(editor);
  });

  test("already open: resolved at once; no Reply, nothing opening: clear errors in time", async () => {
    load("video-fr.html");
    expect(await openReplyComposer(comment(SAM), { timeoutMs: 200 })).toBe(findReplyComposer(comment(SAM), document));
    await expect(openReplyComposer(comment(GONE), { timeoutMs: 200 })).rejects.toThrow(/no Reply/);
    await expect(openReplyComposer(comment(HAPPY), { timeoutMs: 200 })).rejects.toThrow(/did not open within 200 ms/);
  });
});

describe("watchPosted", () => {
  test("Enter (TikTok posts on Enter) then the box emptied: 'posted'", async () => {
    load("video-fr.html");
    const { editor } = typedSamBox("Hi Sam, please DM us your order number.");
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    editor.innerHTML = draft("");
    expect(await outcome).toBe("posted");
  });

  test("Post clicked then the box closed: 'posted'", async () => {
    load("video-fr.html");
    const { editor, post } = typedSamBox("Hi Sam, please DM us your order number.");
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    post.click();
    post.closest('[class*="DivCommentInputContainer"]')?.remove();
    expect(await outcome).toBe("posted");
  });

  test("Post still disabled is no post; the box closed: 'cancelled'", async () => {
    load("video-fr.html");
    const { editor, post } = typedSamBox("Hi");
    post.setAttribute("aria-disabled", "true");
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    post.click();
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    post.closest('[class*="DivCommentInputContainer"]')?.remove();
    expect(await outcome).toBe("cancelled");
  });

  test("the signal aborts the watch", async () => {
    load("video-fr.html");
    const controller = new AbortController();
    const watch = watchPosted(typedSamBox("Hi").editor, { timeoutMs: 5000, signal: controller.signal });
    controller.abort(new Error("page left"));
    await expect(watch).rejects.toThrow("page left");
  });
});
