// @vitest-environment jsdom
/**
 * YouTube's reply boxes, on the hand-written fixtures loaded into the test's document (YouTube's own code is played
 * by small handlers: Reply mounts a ytd-commentbox, posting removes it). Typing into the contenteditable with
 * execCommand is proven in Chromium by tests/e2e/insert-editors.test.ts.
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
} from "../../../../lib/sites/youtube";

function load(name: string): void {
  const html = readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/youtube", name), "utf8");
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, "").replace(/<\/html>\s*$/, "");
}

function comment(id: string): Element {
  const found = findPosts(document).find((el) => postIdOf(el) === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

const CLAIRE = "UgzK3mTq8Vb2XcL9pRw4AaABAg";
const ACME_REPLY = `${CLAIRE}.AHnB7c2kQxZAHnB7c2kQxZ`;
const CLAIRE_REPLY = `${CLAIRE}.AHnC0d4mRyaAHnC0d4mRya`;
const SAM = "UgwP5nR2sT7uV9wX1yZ3a4AaABAg";

/** The reply box as YouTube mounts it in a thread, under the replies (2025). */
function commentbox(text = ""): string {
  return `<ytd-commentbox id="commentbox" class="style-scope ytd-comment-replies-renderer"><div id="creation-box"><yt-formatted-string id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true" aria-label="Ajoutez une réponse…" dir="auto">${text}</div></yt-formatted-string></div><div id="buttons"><ytd-button-renderer id="cancel-button"><yt-button-shape><button aria-label="Annuler">Annuler</button></yt-button-shape></ytd-button-renderer><ytd-button-renderer id="submit-button"><yt-button-shape><button aria-label="Répondre">Répondre</button></yt-button-shape></ytd-button-renderer></div></ytd-commentbox>`;
}

afterEach(() => {
  document.documentElement.innerHTML = "<head></head><body></body>";
});

describe("finding the reply box", () => {
  test("the box open in a comment's #reply-dialog is that comment's, and no other's", () => {
    load("watch-fr.html");
    const editor = findReplyComposer(comment(SAM), document);
    expect(editor?.id).toBe("contenteditable-root");
    expect(comment(SAM).contains(editor)).toBe(true);
    for (const id of [CLAIRE, ACME_REPLY, CLAIRE_REPLY, "UgxMa11oryH0st1leTxt4AaABAg"]) {
      expect(findReplyComposer(comment(id), document), id).toBeNull();
    }
  });

  test("a box in the thread belongs to the comment its '@handle' names, else to the one it follows", () => {
    load("watch-fr.html");
    const contents = comment(CLAIRE)
      .closest("ytd-comment-thread-renderer")
      ?.querySelector("ytd-comment-replies-renderer #contents") as Element;
    // Under the thread's first comment, before the replies: the top-level comment's.
    contents.insertAdjacentHTML("beforebegin", commentbox());
    expect(findReplyComposer(comment(CLAIRE), document)?.id).toBe("contenteditable-root");
    expect(findReplyComposer(comment(ACME_REPLY), document)).toBeNull();
    contents.parentElement?.querySelector("ytd-commentbox")?.remove();
    // After the last reply, naming @AcmeFR: the brand's reply's, not the last one's.
    contents.insertAdjacentHTML("afterend", commentbox("@AcmeFR&nbsp;"));
    expect(findReplyComposer(comment(ACME_REPLY), document)?.id).toBe("contenteditable-root");
    expect(findReplyComposer(comment(CLAIRE_REPLY), document)).toBeNull();
    expect(findReplyComposer(comment(CLAIRE), document)).toBeNull();
  });

  test("a hidden box is no open box", () => {
    load("watch-fr.html");
    comment(SAM).querySelector("ytd-comment-reply-dialog-renderer")?.setAttribute("hidden", "");
    expect(findReplyComposer(comment(SAM), document)).toBeNull();
  });

  test("the 2023 markup: the box inside ytd-comment-renderer", () => {
    load("malformed.html");
    expect(findReplyComposer(comment("UgzLegacy2023Renderer04AaABAg"), document)?.getAttribute("aria-label")).toBe(
      "Add a reply...",
    );
    expect(replyButtonOf(comment("UgzLegacy2023Renderer04AaABAg"))?.getAttribute("aria-label")).toBe("Reply");
  });
});

describe("opening it", () => {
  test("each comment's own Reply button, a reply's too", () => {
    load("watch-fr.html");
    for (const id of [CLAIRE, ACME_REPLY, CLAIRE_REPLY, SAM]) {
      const button = replyButtonOf(comment(id));
      expect(button?.getAttribute("aria-label"), id).toBe("Répondre");
      expect(button?.closest("ytd-comment-view-model")).toBe(comment(id));
    }
    expect(replyButtonOf(comment("UgyGh0stAuth0rN0L1nk4AaABAg"))).toBeNull();
  });

  test("Reply mounts the box under the comment: the editor is found and takes text", async () => {
    load("watch-fr.html");
    const target = comment(CLAIRE_REPLY);
    replyButtonOf(target)?.addEventListener("click", () => {
      setTimeout(() => {
        target
          .closest("ytd-comment-replies-renderer #contents")
          ?.insertAdjacentHTML("afterend", commentbox("@claire_dmt&nbsp;"));
      }, 30);
    });
    const editor = await openReplyComposer(target, { timeoutMs: 2000 });
    expect(editor.id).toBe("contenteditable-root");
    expect(readEditorText(editor)).toBe("@claire_dmt ");
    // jsdom has no editing commands: the text is set as the fallback would, and read back.
    editor.textContent = "@claire_dmt Merci, nous revenons vers vous en message privé.";
    expect(findReplyComposer(target, document)).toBe(editor);
  });

  test("already open: resolved at once; no button, nothing opening: clear errors in time", async () => {
    load("watch-fr.html");
    const open = findReplyComposer(comment(SAM), document);
    expect(await openReplyComposer(comment(SAM), { timeoutMs: 200 })).toBe(open);
    await expect(openReplyComposer(comment("UgyGh0stAuth0rN0L1nk4AaABAg"), { timeoutMs: 200 })).rejects.toThrow(
      /no Reply button/,
    );
    await expect(openReplyComposer(comment(CLAIRE), { timeoutMs: 200 })).rejects.toThrow(/did not open within 200 ms/);
  });
});

describe("watchPosted", () => {
  test("the box's Reply pressed, then the box removed: 'posted'", async () => {
    load("watch-fr.html");
    const editor = findReplyComposer(comment(SAM), document) as HTMLElement;
    editor.textContent = "Hello Sam, we are sorry. Please contact us at acme.example/help.";
    const submit = comment(SAM).querySelector("#submit-button button") as HTMLButtonElement;
    submit.removeAttribute("disabled");
    submit.setAttribute("aria-disabled", "false");
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    submit.click();
    comment(SAM).querySelector("ytd-comment-reply-dialog-renderer")?.remove();
    expect(await outcome).toBe("posted");
  });

  test("a disabled Reply is no post; Cancel closing the box: 'cancelled'", async () => {
    load("watch-fr.html");
    const editor = findReplyComposer(comment(SAM), document) as HTMLElement;
    const outcome = watchPosted(editor, { timeoutMs: 5000 });
    (comment(SAM).querySelector("#submit-button button") as HTMLButtonElement).dispatchEvent(
      new MouseEvent("click", { bubbles: true }),
    );
    (comment(SAM).querySelector("#cancel-button button") as HTMLButtonElement).click();
    comment(SAM).querySelector("ytd-commentbox")?.setAttribute("hidden", "");
    expect(await outcome).toBe("cancelled");
  });

  test("the signal aborts the watch", async () => {
    load("watch-fr.html");
    const controller = new AbortController();
    const watch = watchPosted(findReplyComposer(comment(SAM), document) as HTMLElement, {
      timeoutMs: 5000,
      signal: controller.signal,
    });
    controller.abort(new Error("page left"));
    await expect(watch).rejects.toThrow("page left");
  });
});
