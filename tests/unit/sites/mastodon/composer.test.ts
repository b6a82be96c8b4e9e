// @vitest-environment jsdom
/**
 * Mastodon's compose form, on the hand-written fixtures loaded into the test's document (Mastodon's own React
 * code is played by small handlers). The React-controlled textarea itself is proven in Chromium by
 * tests/e2e/insert-editors.test.ts.
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
  replyIndicatorShows,
  watchPosted,
} from "../../../../lib/sites/mastodon";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/mastodon", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function status(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el, "https://piaille.fr/") === id);
  if (!found) throw new Error(`no status ${id}`);
  return found;
}

function press(button: HTMLButtonElement): void {
  button.type = "button";
  button.click();
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("the compose form replying to a status", () => {
  test("the focal status is the one the reply indicator shows; its replies are not", () => {
    load("thread.html");
    const focal = status("117138220646401234");
    expect(replyIndicatorShows(focal, document)).toBe(true);
    const textarea = findReplyComposer(focal, document) as HTMLTextAreaElement;
    expect(textarea.value).toBe("@jordan_p@piaille.fr ");
    expect(findReplyComposer(status("117138279628800077"), document)).toBeNull();
    expect(findReplyComposer(status("117138346475520005"), document)).toBeNull();
  });

  test("the focal status's Reply button is in its wrapper's action bar; a timeline status's is the first of its bar", () => {
    load("thread.html");
    expect(replyButtonOf(status("117138220646401234"))?.getAttribute("title")).toBe("Reply");
    load("home-timeline.html");
    expect(replyButtonOf(status("117137913937920042"))?.getAttribute("title")).toBe("Répondre");
    // The quoting status's button, never one of the quote (which has none anyway).
    const quoting = status("117138102681600042");
    expect(replyButtonOf(quoting)?.closest(".status")).toBe(quoting);
    expect(replyButtonOf(status("117138338611200042"))).toBeNull();
  });

  test("Reply fills the mention and shows the indicator: the composer is found and the reply appended", async () => {
    load("home-timeline.html");
    const target = status("117137913937920042");
    const textarea = document.querySelector("textarea.autosuggest-textarea__textarea") as HTMLTextAreaElement;
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => {
        textarea
          .closest("form")
          ?.insertAdjacentHTML(
            "afterbegin",
            '<div class="reply-indicator"><a class="detailed-status__display-name" href="/@claire"><strong class="display-name__html">Claire Dumont</strong> <span class="display-name__account">@claire</span></a>' +
              '<div class="reply-indicator__content"><p>Trois semaines que j’attends ma commande chez @AcmeFR 😡 et toujours rien.</p><p>Le suivi indique « livré » mais ma boîte aux lettres est vide !<br>Détails : https://suivi.example.org/colis/AB12345678</p></div></div>',
          );
        textarea.value = "@claire ";
        textarea.focus();
      }, 30);
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor).toBe(textarea);
    expect(findReplyComposer(target, document)).toBe(textarea);
    expect(findReplyComposer(status("117138259968000042"), document)).toBeNull();
    const result = await insertText(editor, "Bonjour Claire,\nnous sommes désolés 🙏");
    expect(result).toEqual({ ok: true, method: "value", actual: "@claire Bonjour Claire,\nnous sommes désolés 🙏" });
  });

  test("a status without a Reply button, or a click that opens nothing: a clear error", async () => {
    load("home-timeline.html");
    await expect(openReplyComposer(status("117138338611200042"), { timeoutMs: 200 })).rejects.toThrow(
      /no Reply button/,
    );
    await expect(openReplyComposer(status("117137913937920042"), { timeoutMs: 200 })).rejects.toThrow(
      /did not open within 200 ms/,
    );
  });

  test("watchPosted: Publish then the textarea emptied is 'posted'; without Publish, emptying is nothing", async () => {
    load("thread.html");
    const textarea = findReplyComposer(status("117138220646401234"), document) as HTMLTextAreaElement;
    textarea.value = "@jordan_p@piaille.fr Bonjour, écrivez-nous en privé 🙏";
    const outcome = watchPosted(textarea, { timeoutMs: 5000 });
    textarea.value = "";
    await new Promise((r) => setTimeout(r, 700));
    textarea.value = "@jordan_p@piaille.fr Bonjour, écrivez-nous en privé 🙏";
    press(document.querySelector(".compose-form__submit button") as HTMLButtonElement);
    textarea.value = "";
    expect(await outcome).toBe("posted");
  });

  test("watchPosted: the composer closed without Publish is 'cancelled'; Ctrl+Enter counts as Publish", async () => {
    load("thread.html");
    const textarea = findReplyComposer(status("117138220646401234"), document) as HTMLTextAreaElement;
    const cancelled = watchPosted(textarea, { timeoutMs: 5000 });
    textarea.closest("form")?.remove();
    expect(await cancelled).toBe("cancelled");

    load("thread.html");
    const again = findReplyComposer(status("117138220646401234"), document) as HTMLTextAreaElement;
    const posted = watchPosted(again, { timeoutMs: 5000 });
    again.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true }));
    again.value = "";
    expect(await posted).toBe("posted");
  });
});
