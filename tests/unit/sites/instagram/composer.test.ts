// @vitest-environment jsdom
/**
 * Instagram's comment box, on the hand-written fixtures loaded into the test's document (Instagram's own React code
 * is played by small handlers: Reply fills the box with "@username ", posting empties it). The React-controlled
 * textarea itself is proven in Chromium by tests/e2e/insert-editors.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { insertText } from "../../../../lib/insert";
import {
  findPosts,
  findReplyComposer,
  openReplyComposer,
  postIdOf,
  replyButtonOf,
  watchPosted,
} from "../../../../lib/sites/instagram";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/instagram", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function comment(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el) === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

const textarea = () => document.querySelector("form textarea") as HTMLTextAreaElement;
const postButton = () => document.querySelector("form [role='button'][tabindex='0']:last-child") as HTMLElement;

/** What React does: the value through the native setter, then an input event. */
function setValue(el: HTMLTextAreaElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

function pressEnter(el: HTMLElement, init: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, ...init }));
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("the comment box replying to a comment", () => {
  test("the box starting with '@jordan_p' replies to jordan_p's comment, and to no other", () => {
    load("reel-en.html");
    expect(findReplyComposer(comment("18066655544433322"), document)).toBe(textarea());
    expect(findReplyComposer(comment("18055544433322211"), document)).toBeNull();
    expect(findReplyComposer(comment("18077766655544433"), document)).toBeNull();
  });

  test("an empty box replies to nobody; '@claire_dmtx' is not '@claire_dmt'; case does not matter", () => {
    load("post-fr.html");
    expect(findReplyComposer(comment("18043210987654321"), document)).toBeNull();
    setValue(textarea(), "@claire_dmtx hello");
    expect(findReplyComposer(comment("18043210987654321"), document)).toBeNull();
    setValue(textarea(), "@Claire_DMT\nBonjour");
    expect(findReplyComposer(comment("18043210987654321"), document)).toBe(textarea());
  });

  test("each comment's own Reply, a reply's too; none on a comment whose author is gone", () => {
    load("post-fr.html");
    for (const id of ["18043210987654321", "17999888777666555", "18011122233344455", "17966655544433322"]) {
      const button = replyButtonOf(comment(id));
      expect(button?.textContent).toBe("Reply");
      expect(comment(id).contains(button)).toBe(true);
    }
    expect(replyButtonOf(comment("18022233344455566"))).toBeNull();
  });

  test("Reply fills the box with the mention: the box is found and the reply appended to it", async () => {
    load("post-fr.html");
    const target = comment("18011122233344455");
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => {
        setValue(textarea(), "@sam_k ");
        textarea().focus();
      }, 30);
    });
    const editor = (await openReplyComposer(target, { timeoutMs: 2000 })) as HTMLTextAreaElement;
    expect(editor).toBe(textarea());
    const result = await insertText(editor, "Hello Sam, sorry about this. Could you DM us your order number?");
    expect(result).toEqual({
      ok: true,
      method: "value",
      actual: "@sam_k Hello Sam, sorry about this. Could you DM us your order number?",
    });
  });

  test("no Reply, no box, nothing happening: clear errors in time", async () => {
    load("post-fr.html");
    await expect(openReplyComposer(comment("18022233344455566"), { timeoutMs: 200 })).rejects.toThrow(
      /no Reply button/,
    );
    await expect(openReplyComposer(comment("18043210987654321"), { timeoutMs: 200 })).rejects.toThrow(
      /did not take the reply within 200 ms/,
    );
    document.querySelector("form")?.remove();
    await expect(openReplyComposer(comment("18043210987654321"), { timeoutMs: 200 })).rejects.toThrow(/no comment box/);
  });
});

describe("watchPosted", () => {
  test("Enter (Instagram posts on Enter) then the box emptied: 'posted'", async () => {
    load("reel-en.html");
    const box = textarea();
    setValue(box, "@jordan_p Hi Jordan, we are looking into it.");
    const outcome = watchPosted(box, { timeoutMs: 5000 });
    pressEnter(box);
    setValue(box, "");
    expect(await outcome).toBe("posted");
  });

  test("Post clicked then the box emptied: 'posted'", async () => {
    load("reel-en.html");
    const box = textarea();
    setValue(box, "@jordan_p Hi Jordan, we are looking into it.");
    const outcome = watchPosted(box, { timeoutMs: 5000 });
    expect(postButton().textContent).toBe("Post");
    postButton().click();
    setValue(box, "");
    expect(await outcome).toBe("posted");
  });

  test("Shift+Enter is a new line, not a post; the agent emptying the box is not a post either", async () => {
    load("reel-en.html");
    const box = textarea();
    setValue(box, "@jordan_p Hi");
    const outcome = watchPosted(box, { timeoutMs: 700 });
    pressEnter(box, { shiftKey: true });
    setValue(box, "");
    expect(await outcome).toBe("timeout");
  });

  test("the box gone without a post: 'cancelled'; the signal aborts the watch", async () => {
    load("reel-en.html");
    const outcome = watchPosted(textarea(), { timeoutMs: 5000 });
    document.querySelector("form")?.remove();
    expect(await outcome).toBe("cancelled");

    load("reel-en.html");
    const controller = new AbortController();
    const aborted = watchPosted(textarea(), { timeoutMs: 5000, signal: controller.signal });
    controller.abort(new Error("page left"));
    await expect(aborted).rejects.toThrow("page left");
  });
});
