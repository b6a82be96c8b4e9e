// @vitest-environment jsdom
/**
 * LinkedIn's comment boxes, on the hand-written fixtures loaded into the test's document (LinkedIn's own code is
 * played by small handlers: Comment mounts the post's box, Reply fills the thread's reply box with a mention).
 * Insertion into a real Quill editor is proven in Chromium by tests/e2e/insert-editors.test.ts.
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
} from "../../../../lib/sites/linkedin";

const POST = "activity:7496815922381256789";
const SAM = "comment:(activity:7496815922381256789,7496834796749478901)";
const ACME = "comment:(activity:7496815922381256789,7496841088205589012)";
const NADIA = "comment:(activity:7496815922381256789,7496847379660912233)";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/linkedin", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function item(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el) === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const replyBox = () => document.querySelector(".comments-comment-box--reply") as Element;
const replyEditor = () => replyBox().querySelector(".ql-editor") as HTMLElement;

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("comment boxes", () => {
  test("the post's own box replies to the post; the thread's reply box to the comment it mentions", () => {
    load("post.html");
    const postBox = findReplyComposer(item(POST), document);
    expect(postBox?.classList.contains("ql-editor")).toBe(true);
    expect(postBox?.closest(".comments-comment-box--reply")).toBeNull();
    expect(findReplyComposer(item(SAM), document)).toBe(replyEditor());
    // The box mentions Sam K: it replies to neither the brand's reply in that thread nor another comment.
    expect(findReplyComposer(item(ACME), document)).toBeNull();
    expect(findReplyComposer(item(NADIA), document)).toBeNull();
  });

  test("each item's own control: the post's Comment, a comment's Reply (not one of its replies')", () => {
    load("post.html");
    expect(replyButtonOf(item(POST))?.getAttribute("aria-label")).toBe("Commenter");
    expect(replyButtonOf(item(SAM))?.getAttribute("aria-label")).toBe("Répondre au commentaire de Sam K");
    expect(replyButtonOf(item(ACME))?.getAttribute("aria-label")).toBe("Répondre au commentaire de Acme France");
  });

  test("Reply on a reply: LinkedIn mentions its author in the thread's box, which is then found", async () => {
    load("post.html");
    replyButtonOf(item(ACME))?.addEventListener("click", () => {
      setTimeout(() => {
        replyEditor().innerHTML =
          '<p><a class="ql-mention" href="#" data-entity-urn="urn:li:fsd_company:1234567">Acme France</a>&nbsp;</p>';
      }, 30);
    });
    const editor = await openReplyComposer(item(ACME), { timeoutMs: 2000 });
    expect(editor).toBe(replyEditor());
    expect(findReplyComposer(item(SAM), document)).toBeNull();
    // jsdom has no editing commands: the text is set as Quill would, and read back.
    editor.innerHTML += "<p>Merci de votre retour.</p>";
    expect(readEditorText(editor)).toBe("Acme France \nMerci de votre retour.");
  });

  test("Comment on a feed post mounts its box: the editor is found", async () => {
    load("feed.html");
    const target = item("activity:7496598238004434567");
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => {
        target
          .querySelector(".feed-shared-update-v2__comments-container")
          ?.insertAdjacentHTML(
            "beforeend",
            '<div class="comments-comment-box comments-comment-box--cr"><form class="comments-comment-box__form"><div class="ql-container"><div class="ql-editor ql-blank" contenteditable="true" role="textbox"><p><br></p></div></div><button class="comments-comment-box__submit-button--cr" type="submit">Comment</button></form></div>',
          );
      }, 30);
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor.classList.contains("ql-editor")).toBe(true);
    expect(findReplyComposer(item("activity:7496617615690025678"), document)).toBeNull();
  });

  test("no Comment button, or a click that opens nothing: a clear error", async () => {
    load("malformed.html");
    const hostile = document.querySelector('[data-case="hostile-post"]') as Element;
    await expect(openReplyComposer(hostile, { timeoutMs: 200 })).rejects.toThrow(/no Comment button/);
    load("feed.html");
    await expect(openReplyComposer(item("activity:7496843604788101234"), { timeoutMs: 200 })).rejects.toThrow(
      /did not open within 200 ms/,
    );
  });

  test("watchPosted: Comment pressed, then the box emptied, is 'posted'; emptied without it is not", async () => {
    load("post.html");
    const editor = findReplyComposer(item(POST), document) as HTMLElement;
    editor.innerHTML = "<p>Bonjour Jordan, écrivez-nous en message privé 🙏</p>";
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    editor.innerHTML = "<p><br></p>";
    await new Promise((r) => setTimeout(r, 700));
    editor.innerHTML = "<p>Bonjour Jordan, écrivez-nous en message privé 🙏</p>";
    const submit = editor.closest(".comments-comment-box")?.querySelector("button[type=submit]") as HTMLButtonElement;
    submit.addEventListener("click", (e) => e.preventDefault());
    submit.click();
    editor.innerHTML = "<p><br></p>";
    expect(await outcome).toBe("posted");
  });

  test("watchPosted: the reply box removed (or hidden) without Reply is 'cancelled'", async () => {
    load("post.html");
    const removed = watchPosted(replyEditor(), { timeoutMs: 5000 });
    replyBox().remove();
    expect(await removed).toBe("cancelled");

    load("post.html");
    const hidden = watchPosted(replyEditor(), { timeoutMs: 5000 });
    replyBox().setAttribute("hidden", "");
    expect(await hidden).toBe("cancelled");
  });
});
