// @vitest-environment jsdom
/**
 * Bluesky's composer modal, on the hand-written fixtures loaded into the test's document (bsky.app's own code is
 * played by small handlers: Reply mounts the modal, Reply/Cancel closes it). Insertion into a real TipTap editor is
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
} from "../../../../lib/sites/bluesky";

const THREAD = "https://bsky.app/profile/jordan-p.bsky.social/post/3mtnsrbwpfvdg";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/bluesky", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function post(id: string, base = THREAD): Element {
  const found = findPosts(document).find((el) => postIdOf(el, base) === id);
  if (!found) throw new Error(`no post ${id}`);
  return found;
}

/** The modal bsky.app mounts when Reply is pressed: a preview of the post, then a TipTap editor. */
function mountComposer(name: string, text: string): HTMLElement {
  document.body.insertAdjacentHTML(
    "beforeend",
    `<div role="dialog" aria-modal="true"><div data-testid="composePostView">
      <button data-testid="composerDiscardButton" type="button">Cancel</button>
      <button data-testid="composerPublishBtn" aria-label="Publish reply" type="button">Reply</button>
      <div><div dir="auto">${name}</div><div dir="auto">${text}</div></div>
      <div contenteditable="true" role="textbox" class="tiptap ProseMirror"><p><br></p></div>
    </div></div>`,
  );
  return document.querySelector('[role="dialog"]:last-of-type .ProseMirror') as HTMLElement;
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("the composer replying to a post", () => {
  test("the open modal replies to the anchor (its preview shows it); no other post of the thread", () => {
    load("thread.html");
    const editor = findReplyComposer(post("3mtnsrbwpfvdg"), document);
    expect(editor?.classList.contains("ProseMirror")).toBe(true);
    expect(findReplyComposer(post("3mtmernip5v3e"), document)).toBeNull();
    expect(findReplyComposer(post("3mtnxmu4hnv4h"), document)).toBeNull();
    expect(findReplyComposer(post("3mtnyajk2vv2g"), document)).toBeNull();
  });

  test("each post's own Reply button; the quoting post's, never one inside its quote", () => {
    load("home-timeline.html");
    const quoting = post("3mtnuth3q5vjz", "https://bsky.app/");
    expect(replyButtonOf(quoting)?.getAttribute("aria-label")).toBe("Reply (1,204 replies)");
    load("thread.html");
    expect(replyButtonOf(post("3mtnsrbwpfvdg"))?.getAttribute("aria-label")).toBe("Répondre (2 réponses)");
  });

  test("Reply opens the modal: the editor is found, takes the text, and is then found again", async () => {
    load("home-timeline.html");
    const target = post("3mtnpw3ow5v2b", "https://bsky.app/");
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(
        () =>
          mountComposer(
            "Claire Dumont",
            "Trois semaines que j’attends ma commande chez @acme.fr 😡 et toujours rien.\nLe suivi indique « livré » mais ma boîte aux lettres est vide ! Détails : https://suivi.example.org/colis/AB12345678",
          ),
        30,
      );
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor.classList.contains("ProseMirror")).toBe(true);
    expect(findReplyComposer(target, document)).toBe(editor);
    expect(findReplyComposer(post("3mtnuth3q5vjz", "https://bsky.app/"), document)).toBeNull();
    // jsdom has no editing commands: the text is set as TipTap would, and read back.
    editor.innerHTML = "<p>Bonjour Claire, nous sommes désolés 🙏</p>";
    expect(readEditorText(editor)).toBe("Bonjour Claire, nous sommes désolés 🙏");
    expect(findReplyComposer(target, document)).toBe(editor);
  });

  test("a modal that does not show the post still counts when it is the one the click opened", async () => {
    load("home-timeline.html");
    const target = post("3mtj73ab65v25", "https://bsky.app/");
    replyButtonOf(target)?.addEventListener("click", () => setTimeout(() => mountComposer("", ""), 20));
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor.getAttribute("role")).toBe("textbox");
  });

  test("no Reply button, a disabled one, or a click that opens nothing: a clear error", async () => {
    load("malformed.html");
    const hostile = findPosts(document).find((el) => el.getAttribute("data-case") === "hostile") as Element;
    await expect(openReplyComposer(hostile, { timeoutMs: 200 })).rejects.toThrow(/no Reply button/);
    load("home-timeline.html");
    const target = post("3mtnwrzsnfvw6", "https://bsky.app/");
    await expect(openReplyComposer(target, { timeoutMs: 200 })).rejects.toThrow(/did not open within 200 ms/);
    replyButtonOf(target)?.setAttribute("aria-disabled", "true");
    await expect(openReplyComposer(target, { timeoutMs: 200 })).rejects.toThrow(/limited who can reply/);
  });

  test("watchPosted: Reply pressed, then the modal closed, is 'posted'", async () => {
    load("thread.html");
    const editor = findReplyComposer(post("3mtnsrbwpfvdg"), document) as HTMLElement;
    editor.innerHTML = "<p>Bonjour Jordan, écrivez-nous en privé 🙏</p>";
    const publish = document.querySelector('[data-testid="composerPublishBtn"]') as HTMLButtonElement;
    publish.removeAttribute("disabled");
    publish.removeAttribute("aria-disabled");
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    publish.click();
    document.querySelector('[role="dialog"]')?.remove();
    expect(await outcome).toBe("posted");
  });

  test("watchPosted: closed without Reply is 'cancelled'; a disabled Reply is no submit; Ctrl+Enter is", async () => {
    load("thread.html");
    const editor = findReplyComposer(post("3mtnsrbwpfvdg"), document) as HTMLElement;
    const cancelled = watchPosted(editor, { timeoutMs: 5000 });
    // Still disabled (the editor is empty): pressing it sends nothing.
    (document.querySelector('[data-testid="composerPublishBtn"]') as HTMLButtonElement).click();
    document.querySelector('[role="dialog"]')?.remove();
    expect(await cancelled).toBe("cancelled");

    load("thread.html");
    const again = findReplyComposer(post("3mtnsrbwpfvdg"), document) as HTMLElement;
    again.innerHTML = "<p>Bonjour Jordan</p>";
    const publish = document.querySelector('[data-testid="composerPublishBtn"]') as HTMLButtonElement;
    publish.removeAttribute("disabled");
    publish.removeAttribute("aria-disabled");
    const posted = watchPosted(again, { timeoutMs: 5000 });
    again.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true }));
    document.querySelector('[role="dialog"]')?.remove();
    expect(await posted).toBe("posted");
  });
});
