// @vitest-environment jsdom
/**
 * Reddit's composers, on the hand-written fixtures loaded into the test's document (the site's own scripts are
 * played by small handlers: Reply mounts a composer, Comment/save closes it). Insertion into the real editor
 * frameworks is proven in Chromium by tests/e2e/insert-editors.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { insertText, readEditorText } from "../../../../lib/insert";
import {
  findPosts,
  findReplyComposer,
  openReplyComposer,
  postIdOf,
  replyButtonOf,
  watchPosted,
} from "../../../../lib/sites/reddit";

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/reddit", name), "utf8");

function load(name: string): void {
  // innerHTML never runs the page's scripts; inline handlers (old Reddit's onclick="reply(this)") are dropped too.
  document.documentElement.innerHTML = fixture(name)
    .replace(/^[\s\S]*?<html[^>]*>/, "")
    .replace(/<\/html>\s*$/, "")
    .replace(/\son[a-z]+="[^"]*"/g, "");
}

/** A click on a site's submit button, without jsdom's form submission (not implemented there). */
function press(button: HTMLButtonElement): void {
  button.type = "button";
  button.click();
}

function item(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el) === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("new Reddit", () => {
  test("finds the composer open under a comment, and only for that comment", () => {
    load("comments-new.html");
    const editor = findReplyComposer(item("t1_q1aa002"), document);
    expect(editor?.getAttribute("slot")).toBe("rte");
    expect(findReplyComposer(item("t1_q1aa001"), document)).toBeNull();
    // The top-level box is still the "Join the conversation" trigger: nothing to type into yet.
    expect(findReplyComposer(item("t3_1wabc12"), document)).toBeNull();
  });

  test("the comment's own Reply button, not a nested reply's", () => {
    load("comments-new.html");
    const button = replyButtonOf(item("t1_q1aa001"));
    expect(button?.closest("shreddit-comment-action-row")?.getAttribute("comment-id")).toBe("t1_q1aa001");
    expect(replyButtonOf(item("t1_q1aa003"))).toBeNull();
  });

  test("Reply mounts the composer in the action row's shadow root: it is found there and takes the text", async () => {
    load("comments-new.html");
    const comment = item("t1_q1aa001");
    const row = comment.querySelector('shreddit-comment-action-row[comment-id="t1_q1aa001"]') as HTMLElement;
    const shadow = row.attachShadow({ mode: "open" });
    shadow.innerHTML = '<slot name="comment-reply"></slot><div class="composer"></div>';
    replyButtonOf(comment)?.addEventListener("click", () => {
      setTimeout(() => {
        (shadow.querySelector(".composer") as HTMLElement).innerHTML =
          '<comment-composer-host><faceplate-form><shreddit-composer><div slot="rte" role="textbox" contenteditable="true"></div><button slot="submit-button" type="submit">Comment</button></shreddit-composer></faceplate-form></comment-composer-host>';
      }, 30);
    });
    const editor = await openReplyComposer(comment, { timeoutMs: 2000 });
    expect(editor.getRootNode()).toBe(shadow);
    expect(findReplyComposer(comment, document)).toBe(editor);
    // jsdom has no editing commands: the text is set as the fallback would, and read back.
    editor.textContent = "Merci pour votre patience 🙏";
    expect(readEditorText(editor)).toBe("Merci pour votre patience 🙏");
  });

  test("the post's trigger opens the top-level composer; a feed card cannot be answered in place", async () => {
    load("comments-new.html");
    const trigger = document.querySelector('faceplate-textarea-input[data-testid="trigger-button"]') as HTMLElement;
    trigger.addEventListener("click", () => {
      const host = trigger.closest("comment-composer-host") as HTMLElement;
      host.insertAdjacentHTML(
        "beforeend",
        '<faceplate-form><shreddit-composer><div slot="rte" role="textbox" contenteditable="true"></div></shreddit-composer></faceplate-form>',
      );
    });
    const editor = await openReplyComposer(item("t3_1wabc12"), { timeoutMs: 2000 });
    expect(editor.getAttribute("slot")).toBe("rte");
    expect(editor.closest("shreddit-comment")).toBeNull();

    load("listing-new.html");
    await expect(openReplyComposer(item("t3_1wbb001"), { timeoutMs: 200 })).rejects.toThrow(/open the post's page/);
  });

  test("a Reply button that opens nothing: a clear error in time", async () => {
    load("comments-new.html");
    await expect(openReplyComposer(item("t1_q1aa004"), { timeoutMs: 200 })).rejects.toThrow(/no Reply button/);
    await expect(openReplyComposer(item("t1_q1aa001"), { timeoutMs: 200 })).rejects.toThrow(
      /did not open within 200 ms/,
    );
  });

  test("watchPosted: Comment pressed then the composer removed is 'posted'; removed without it, 'cancelled'", async () => {
    load("comments-new.html");
    const editor = findReplyComposer(item("t1_q1aa002"), document) as HTMLElement;
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    const submit = document.querySelector('button[slot="submit-button"]') as HTMLButtonElement;
    press(submit);
    submit.closest("comment-composer-host")?.remove();
    expect(await outcome).toBe("posted");

    load("comments-new.html");
    const again = findReplyComposer(item("t1_q1aa002"), document) as HTMLElement;
    const cancelled = watchPosted(again, { timeoutMs: 5000 });
    again.closest("comment-composer-host")?.remove();
    expect(await cancelled).toBe("cancelled");
  });
});

describe("old Reddit", () => {
  test("finds the reply form opened under a comment, and the top-level form for the post", () => {
    load("thread-old.html");
    const textarea = findReplyComposer(item("t1_r2bb001"), document) as HTMLTextAreaElement;
    expect(textarea.localName).toBe("textarea");
    expect(textarea.value).toBe("Brouillon de réponse");
    expect(findReplyComposer(item("t1_r2bb002"), document)).toBeNull();
    const top = findReplyComposer(item("t3_1wcc001"), document);
    expect(top?.closest(".commentarea")).not.toBeNull();
  });

  test("reply clones the form under the comment (as old Reddit's reply() does); insertion appends", async () => {
    load("thread-old.html");
    const comment = item("t1_r2bb002");
    const link = comment.querySelector(".reply-button a") as HTMLElement;
    link.addEventListener("click", () => {
      const form = document.querySelector("form.usertext.cloneable")?.cloneNode(true) as HTMLFormElement;
      form.classList.remove("cloneable");
      (form.querySelector('input[name="thing_id"]') as HTMLInputElement).value = "t1_r2bb002";
      comment.querySelector(":scope > .child")?.prepend(form);
    });
    const textarea = (await openReplyComposer(comment, { timeoutMs: 2000 })) as HTMLTextAreaElement;
    expect(textarea.closest("form")?.querySelector<HTMLInputElement>('input[name="thing_id"]')?.value).toBe(
      "t1_r2bb002",
    );
    const result = await insertText(textarea, "Hello,\nplease DM us your order number 🙏");
    expect(result).toEqual({ ok: true, method: "value", actual: "Hello,\nplease DM us your order number 🙏" });
  });

  test("watchPosted: save then the form hidden is 'posted'", async () => {
    load("thread-old.html");
    const textarea = findReplyComposer(item("t1_r2bb001"), document) as HTMLTextAreaElement;
    const outcome = watchPosted(textarea, { timeoutMs: 5000 });
    const form = textarea.closest("form") as HTMLFormElement;
    press(form.querySelector("button.save") as HTMLButtonElement);
    form.style.display = "none";
    expect(await outcome).toBe("posted");
  });

  test("watchPosted: the top-level form emptied after save is 'posted'; the signal aborts the watch", async () => {
    load("thread-old.html");
    const textarea = findReplyComposer(item("t3_1wcc001"), document) as HTMLTextAreaElement;
    textarea.value = "Bonjour Nadia, écrivez-nous en message privé.";
    const outcome = watchPosted(textarea, { timeoutMs: 5000 });
    press(textarea.closest("form")?.querySelector("button.save") as HTMLButtonElement);
    textarea.value = "";
    expect(await outcome).toBe("posted");

    const controller = new AbortController();
    const aborted = watchPosted(textarea, { timeoutMs: 5000, signal: controller.signal });
    controller.abort(new Error("page left"));
    await expect(aborted).rejects.toThrow("page left");
  });
});
