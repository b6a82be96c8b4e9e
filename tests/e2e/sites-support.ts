/**
 * Support for tests/e2e/sites.test.ts: the eight sites' cases (the hand-written fixture served at the site's real
 * host, the small page script that plays the site's own code where the fixture's composer must be mounted on
 * click, the posts expected to be badged or not, and a copy of the page whose markup the adapter no longer reads),
 * plus the Chromium launch on a profile kept between two runs (Mastodon's granted instance, see grantInProfile).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Worker } from "playwright-core";
import type { SiteId } from "../../lib/schemas";
import { launch, ROOT } from "./harness";

export { grantInProfile } from "../../scripts/chromium";

export const fixture = (site: string, name: string) => readFileSync(join(ROOT, "tests/fixtures", site, name), "utf8");

/** The reply the agent edits in the side panel and inserts: several lines and an emoji, in the post's language. */
export const REPLIES = {
  fr: "Bonjour, nous sommes vraiment désolés pour ce retard 🙏\nNous regardons votre commande tout de suite.\nÉcrivez-nous en message privé, merci !",
  en: "Hello, we are truly sorry about this 🙏\nWe are looking into your order right now.\nPlease send us a private message, thank you!",
} as const;

export interface SiteCase {
  site: SiteId;
  /** The name the side panel's health notice uses. */
  name: string;
  /** The page the fixture is served at (the adapter's page detectors must claim it). */
  url: string;
  html: string;
  /** Post ids the detector flags on that page: each gets a badge and is listed in the side panel. */
  complaints: string[];
  /** Post ids that are no complaint: no badge. */
  calm: string[];
  /** The complaint answered: its id, a bit of its text (as the side panel shows it), its language. */
  target: { id: string; text: string; lang: keyof typeof REPLIES };
  /** The composer the reply lands in once the site's own reply control opened it (Playwright selector). */
  composer: string;
  /** What only the site's own reply control puts in the page (the composer, a dialog, a reply indicator). */
  opened?: string;
  /** What the site's reply control prefilled the composer with (a mention), before the inserted reply. */
  prefix?: string;
  /** The site's own submit control of that composer, pressed by the agent (Playwright selector). */
  submit: string;
  /** The same kind of page after the site renamed the element the adapter finds posts by. */
  broken: { url: string; html: string; part: "posts" | "text" | "author" };
  /** tests/fixtures/<site>/malformed.html: broken, foreign and hostile items among readable ones. */
  malformed: { url: string; html: string; complaints: string[]; calm: string[] };
}

/**
 * Shared by the page scripts: `window.__posted` records what the site's own submit control sent, `setValue` sets a
 * React-controlled field as React's own code does (native setter, then an input event), `enableWhenTyped` enables
 * a submit control once its editor holds text (Bluesky, Threads, YouTube and TikTok disable it while empty).
 */
const PRELUDE = `
  window.__posted = [];
  const setValue = (field, value) => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value").set.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const textOf = (editor) => ("value" in editor ? editor.value : editor.innerText);
  const enableWhenTyped = (editor, button) => {
    editor.addEventListener("input", () => {
      const empty = textOf(editor).trim() === "";
      button.toggleAttribute("disabled", empty);
      button.setAttribute("aria-disabled", String(empty));
    });
  };
`;

const script = (body: string) => `<script>(() => {${PRELUDE}${body}})();</script>`;
const withScript = (html: string, body: string) => html.replace("</body>", `${script(body)}</body>`);

/** bsky.app: Reply opens the composer modal (a preview of the post above a TipTap editor); Reply in it posts. */
const BLUESKY_SCRIPT = `
  for (const button of document.querySelectorAll('[data-testid="replyBtn"]')) {
    button.addEventListener("click", () => {
      const item = button.closest('[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]');
      const modal = document.createElement("div");
      modal.setAttribute("role", "dialog");
      modal.setAttribute("aria-modal", "true");
      modal.innerHTML =
        '<div data-testid="composePostView"><button data-testid="composerDiscardButton" type="button">Cancel</button>' +
        '<button data-testid="composerPublishBtn" aria-label="Publish reply" aria-disabled="true" disabled type="button">Reply</button>' +
        '<div><div dir="auto" class="name"></div><div dir="auto" class="text"></div></div>' +
        '<div contenteditable="true" role="textbox" class="tiptap ProseMirror" style="white-space: pre-wrap"><p><br></p></div></div>';
      modal.querySelector(".name").textContent = item.querySelector('a[href^="/profile/"][dir="auto"]').textContent;
      modal.querySelector(".text").textContent = item.querySelector('[data-testid="postText"]').textContent;
      const editor = modal.querySelector(".ProseMirror");
      const publish = modal.querySelector('[data-testid="composerPublishBtn"]');
      enableWhenTyped(editor, publish);
      publish.addEventListener("click", () => {
        window.__posted.push(editor.innerText);
        modal.remove();
      });
      document.body.append(modal);
    });
  }
`;

/**
 * Mastodon: a status's Reply makes the one compose form reply to it (the reply indicator names the account and
 * shows the text; the textarea gets the mention and the focus); Publish sends the form, which Mastodon empties.
 */
const MASTODON_SCRIPT = `
  const form = document.querySelector("form.compose-form");
  const textarea = form.querySelector("textarea");
  for (const bar of document.querySelectorAll(".status__action-bar")) {
    const status = bar.closest(".status");
    bar.querySelector("button").addEventListener("click", () => {
      form.querySelector(".reply-indicator")?.remove();
      const indicator = document.createElement("div");
      indicator.className = "reply-indicator";
      indicator.innerHTML =
        '<div class="reply-indicator__main"><a class="detailed-status__display-name"><span class="display-name"><bdi>' +
        '<strong class="display-name__html"></strong></bdi> <span class="display-name__account"></span></span></a>' +
        '<div class="reply-indicator__content translate"></div></div>';
      const account = status.querySelector(".display-name__account").textContent.trim();
      indicator.querySelector(".display-name__html").textContent = status.querySelector(".display-name__html").textContent;
      indicator.querySelector(".display-name__account").textContent = account;
      indicator.querySelector(".reply-indicator__content").innerHTML = status.querySelector(".status__content__text").innerHTML;
      form.prepend(indicator);
      setValue(textarea, account + " ");
      textarea.focus();
    });
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    window.__posted.push(textarea.value);
    setValue(textarea, "");
    form.querySelector(".reply-indicator")?.remove();
  });
`;

/** Threads: a post's reply control opens a dialog (a link to the post above a Lexical editor); Publier posts. */
const THREADS_SCRIPT = `
  for (const icon of document.querySelectorAll('svg[aria-label="Répondre"], svg[aria-label="Reply"]')) {
    const button = icon.closest('[role="button"]');
    const post = button.closest("[data-pressable-container]");
    button.addEventListener("click", () => {
      const dialog = document.createElement("div");
      dialog.setAttribute("role", "dialog");
      dialog.innerHTML =
        '<a role="link"><time></time></a>' +
        '<div contenteditable="true" role="textbox" data-lexical-editor="true" style="white-space: pre-wrap"><p><br></p></div>' +
        '<div role="button" tabindex="0" aria-disabled="true"><span dir="auto">Publier</span></div>';
      dialog.querySelector("a").setAttribute("href", post.querySelector('a[href*="/post/"]').getAttribute("href"));
      const editor = dialog.querySelector('[contenteditable="true"]');
      const publish = dialog.querySelector('[role="button"]');
      enableWhenTyped(editor, publish);
      publish.addEventListener("click", () => {
        if (publish.getAttribute("aria-disabled") === "true") return;
        window.__posted.push(editor.innerText);
        dialog.remove();
      });
      document.body.append(dialog);
    });
  }
`;

/** LinkedIn: a post's Comment mounts its comment box (a Quill editor); the box's Comment sends it and empties it. */
const LINKEDIN_SCRIPT = `
  for (const button of document.querySelectorAll(".comment-button button")) {
    const post = button.closest(".feed-shared-update-v2");
    button.addEventListener("click", () => {
      const container = post.querySelector(".feed-shared-update-v2__comments-container");
      if (container.querySelector(".comments-comment-box")) return;
      container.insertAdjacentHTML("beforeend",
        '<div class="comments-comment-box comments-comment-box--cr"><form class="comments-comment-box__form">' +
        '<div class="ql-container"><div class="ql-editor ql-blank" contenteditable="true" role="textbox" style="white-space: pre-wrap"><p><br></p></div></div>' +
        '<button class="comments-comment-box__submit-button--cr" type="submit">Comment</button></form></div>');
      const form = container.querySelector("form");
      const editor = form.querySelector(".ql-editor");
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        window.__posted.push(editor.innerText);
        editor.innerHTML = "<p><br></p>";
      });
    });
  }
`;

/**
 * Facebook: a comment's Reply mounts a composer below it, labelled "Reply to <name>" and prefilled with a mention
 * of that name; its Comment control (the paper plane) sends the reply and removes the composer.
 */
const FACEBOOK_SCRIPT = `
  for (const comment of document.querySelectorAll('div[role="article"][aria-label]')) {
    const reply = [...comment.querySelectorAll('[role="button"]')].find(
      (b) => b.closest('[role="article"]') === comment && b.textContent.trim() === "Reply",
    );
    if (!reply) continue;
    reply.addEventListener("click", () => {
      const name = /^(?:Comment|Reply) by (.+) \\S+$/.exec(comment.getAttribute("aria-label"))[1];
      const box = document.createElement("div");
      box.innerHTML =
        '<form method="POST"><div contenteditable="true" role="textbox" data-lexical-editor="true" style="white-space: pre-wrap">' +
        '<p dir="auto"><span data-lexical-text="true"></span><span data-lexical-text="true"> </span></p></div>' +
        '<div aria-label="Comment" role="button" tabindex="0"><i style="display: inline-block; width: 16px; height: 16px"></i></div></form>';
      const editor = box.querySelector('[role="textbox"]');
      editor.setAttribute("aria-label", "Reply to " + name);
      editor.querySelector("span").textContent = name;
      box.querySelector('[aria-label="Comment"]').addEventListener("click", () => {
        window.__posted.push(editor.innerText);
        box.remove();
      });
      comment.after(box);
    });
  }
`;

/** Instagram: a comment's Reply fills the one comment box with "@username " and focuses it; Post sends it. */
const INSTAGRAM_SCRIPT = `
  const textarea = document.querySelector("form textarea");
  for (const reply of document.querySelectorAll('[role="button"]')) {
    if (reply.textContent.trim() !== "Reply") continue;
    reply.addEventListener("click", () => {
      let block = reply.parentElement;
      while (block && !block.querySelector('a[href^="/"] img[alt$="profile picture"]')) block = block.parentElement;
      const user = block.querySelector('a[href^="/"] img[alt$="profile picture"]').closest("a").getAttribute("href").split("/")[1];
      setValue(textarea, "@" + user + " ");
      textarea.focus();
    });
  }
  const post = [...textarea.form.querySelectorAll('[role="button"]')].find((b) => b.textContent.trim() === "Post");
  post.addEventListener("click", () => {
    window.__posted.push(textarea.value);
    setValue(textarea, "");
  });
`;

/** YouTube: a comment's Reply mounts a reply box in its #reply-dialog; the box's Répondre posts and removes it. */
const YOUTUBE_SCRIPT = `
  for (const button of document.querySelectorAll("#reply-button-end button")) {
    const comment = button.closest("ytd-comment-view-model, ytd-comment-renderer");
    button.addEventListener("click", () => {
      const dialog = comment.querySelector("#reply-dialog");
      if (dialog.querySelector("ytd-commentbox")) return;
      dialog.innerHTML =
        '<ytd-comment-reply-dialog-renderer><ytd-commentbox id="commentbox" is-reply=""><div id="creation-box">' +
        '<yt-formatted-string id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true" aria-label="Ajoutez une réponse…" dir="auto" style="white-space: pre-wrap"></div></yt-formatted-string></div>' +
        '<div id="buttons"><ytd-button-renderer id="cancel-button"><yt-button-shape><button aria-label="Annuler">Annuler</button></yt-button-shape></ytd-button-renderer>' +
        '<ytd-button-renderer id="submit-button"><yt-button-shape><button aria-label="Répondre" disabled aria-disabled="true">Répondre</button></yt-button-shape></ytd-button-renderer></div>' +
        '</ytd-commentbox></ytd-comment-reply-dialog-renderer>';
      const editor = dialog.querySelector("#contenteditable-root");
      const submit = dialog.querySelector("#submit-button button");
      enableWhenTyped(editor, submit);
      submit.addEventListener("click", () => {
        window.__posted.push(editor.innerText);
        dialog.innerHTML = "";
      });
    });
  }
`;

/** TikTok: a comment's Reply mounts an inline box (a Draft.js editor) under it; its Publier posts and closes it. */
const TIKTOK_SCRIPT = `
  for (const button of document.querySelectorAll('[data-e2e^="comment-reply-"]')) {
    const item = button.closest('[class*="DivCommentItemWrapper"]');
    button.addEventListener("click", () => {
      item.insertAdjacentHTML("afterend",
        '<div class="css-1gc3gda-DivCommentInputContainer e1fh0cur0"><div data-e2e="comment-input"><div class="DraftEditor-root">' +
        '<div class="DraftEditor-editorContainer"><div class="notranslate public-DraftEditor-content" contenteditable="true" role="combobox" style="white-space: pre-wrap">' +
        '<div data-contents="true"><div data-block="true"><div class="public-DraftStyleDefault-block"><span><br data-text="true"></span></div></div></div>' +
        '</div></div></div></div><div data-e2e="comment-post" role="button" tabindex="0" aria-disabled="true">Publier</div></div>');
      const box = item.nextElementSibling;
      const editor = box.querySelector('[contenteditable="true"]');
      const publish = box.querySelector('[data-e2e="comment-post"]');
      enableWhenTyped(editor, publish);
      publish.addEventListener("click", () => {
        if (publish.getAttribute("aria-disabled") === "true") return;
        window.__posted.push(editor.innerText);
        box.remove();
      });
    });
  }
`;

/** The Mastodon instance the agent grants (the fixture's own instance), and one listed but never granted. */
export const MASTODON_INSTANCE = "piaille.fr";
export const MASTODON_NOT_GRANTED = "mastodon.social";

export const SITE_CASES: SiteCase[] = [
  {
    site: "bluesky",
    name: "Bluesky",
    url: "https://bsky.app/",
    html: withScript(fixture("bluesky", "home-timeline.html"), BLUESKY_SCRIPT),
    complaints: ["3mtnpw3ow5v2b", "3mtnuth3q5vjz"],
    calm: ["3mtj73ab65v25", "3mtnwrzsnfvw6"],
    target: { id: "3mtnpw3ow5v2b", text: "Trois semaines que j’attends ma commande", lang: "fr" },
    composer: '[data-testid="composePostView"] .ProseMirror',
    opened: '[data-testid="composePostView"]',
    submit: '[data-testid="composerPublishBtn"]',
    broken: {
      url: "https://bsky.app/?lang=fr",
      html: fixture("bluesky", "home-timeline.html").replaceAll(
        'data-testid="feedItem-by-',
        'data-testid="feedItemV2-by-',
      ),
      part: "posts",
    },
    malformed: {
      url: "https://bsky.app/profile/acme.fr",
      html: fixture("bluesky", "malformed.html"),
      complaints: ["3mtnyzkmtfvo2"],
      calm: ["3mtnwrzsnfvw6"],
    },
  },
  {
    site: "mastodon",
    name: "Mastodon",
    url: `https://${MASTODON_INSTANCE}/home`,
    // The hostile status's live `<style>body { display: none; }</style>` would hide the whole page, composer
    // included (Mastodon's sanitiser never lets one through); its `<img onerror>` and `<script>` stay.
    html: withScript(
      fixture("mastodon", "home-timeline.html").replace("<style>body { display: none; }</style>", ""),
      MASTODON_SCRIPT,
    ),
    complaints: ["117137913937920042", "117138259968000042"],
    calm: ["117137630822400042", "117138338611200042"],
    target: { id: "117137913937920042", text: "Trois semaines que j’attends ma commande", lang: "fr" },
    composer: "form.compose-form textarea",
    opened: "form.compose-form .reply-indicator",
    prefix: "@claire ",
    submit: ".compose-form__submit button",
    broken: {
      url: `https://${MASTODON_INSTANCE}/public/local`,
      html: fixture("mastodon", "home-timeline.html").replaceAll('class="status ', 'class="toot '),
      part: "posts",
    },
    malformed: {
      url: `https://${MASTODON_INSTANCE}/tags/panne`,
      html: fixture("mastodon", "malformed.html"),
      complaints: ["113400000000000007"],
      calm: ["113400000000000004"],
    },
  },
  {
    site: "threads",
    name: "Threads",
    url: "https://www.threads.com/",
    html: withScript(fixture("threads", "home-feed.html"), THREADS_SCRIPT),
    complaints: ["DNx1aBcD2eF", "DNx2bCdE3fG"],
    calm: ["DNw7xWvU6tS", "DNx0pQrS1tU", "DNx3cDeF4gH"],
    target: { id: "DNx1aBcD2eF", text: "Trois semaines que j’attends ma commande", lang: "fr" },
    composer: '[role="dialog"] [data-lexical-editor="true"]',
    opened: '[role="dialog"]',
    submit: '[role="dialog"] [role="button"]:has-text("Publier")',
    broken: {
      url: "https://www.threads.com/following",
      html: fixture("threads", "home-feed.html").replaceAll("data-pressable-container=", "data-pressable="),
      part: "posts",
    },
    malformed: {
      url: "https://www.threads.com/@acme.fr",
      html: fixture("threads", "malformed.html"),
      complaints: ["DNx8hIjK9lM"],
      calm: ["DNx7gHiJ8kL"],
    },
  },
  {
    site: "linkedin",
    name: "LinkedIn",
    url: "https://www.linkedin.com/feed/",
    html: withScript(fixture("linkedin", "feed.html"), LINKEDIN_SCRIPT),
    complaints: ["activity:7496598238004434567", "activity:7496617615690025678", "activity:7496823975445047890"],
    calm: ["ugcPost:7496654357794176789", "activity:7496128895386490123", "activity:7496843604788101234"],
    target: { id: "activity:7496598238004434567", text: "Trois semaines que j’attends ma commande", lang: "fr" },
    composer: '[data-urn="urn:li:activity:7496598238004434567"] .comments-comment-box .ql-editor',
    opened: '[data-urn="urn:li:activity:7496598238004434567"] .comments-comment-box',
    submit: '[data-urn="urn:li:activity:7496598238004434567"] .comments-comment-box button[type="submit"]',
    broken: {
      url: "https://www.linkedin.com/feed/?shareActive=true",
      html: fixture("linkedin", "feed.html")
        .replaceAll('data-urn="urn:li:', 'data-entity="urn:li:')
        .replaceAll('data-id="urn:li:', 'data-entity="urn:li:'),
      part: "posts",
    },
    malformed: {
      url: "https://www.linkedin.com/company/acme-france/posts/",
      html: fixture("linkedin", "malformed.html"),
      complaints: ["activity:7496851154534623344"],
      calm: [],
    },
  },
  {
    site: "facebook",
    name: "Facebook",
    url: "https://www.facebook.com/AcmeFrance",
    html: withScript(fixture("facebook", "page-timeline.html"), FACEBOOK_SCRIPT),
    complaints: ["1234567890123456", "1234567890123457"],
    calm: ["1234567890123460", "1234567890123458", "1234567890123459"],
    target: { id: "1234567890123456", text: "Trois semaines que j’attends ma commande", lang: "fr" },
    composer: '[role="textbox"][aria-label="Reply to Claire Dumont"]',
    opened: '[role="textbox"][aria-label="Reply to Claire Dumont"]',
    prefix: "Claire Dumont ",
    submit: 'form:has([aria-label="Reply to Claire Dumont"]) [role="button"][aria-label="Comment"]',
    broken: {
      url: "https://www.facebook.com/AcmeFrance/reviews",
      html: fixture("facebook", "page-timeline.html")
        .replaceAll("aria-posinset=", "data-posinset=")
        .replaceAll("aria-describedby=", "data-describedby=")
        .replaceAll('aria-label="Comment by', 'data-label="Comment by')
        .replaceAll('aria-label="Reply by', 'data-label="Reply by'),
      part: "posts",
    },
    malformed: {
      // No complaint there (the hostile one scores below the threshold): the calm checks have no badge to wait for.
      url: "https://www.facebook.com/groups/clients.acme",
      html: fixture("facebook", "malformed.html"),
      complaints: [],
      calm: ["3344556677889900", "5566778899001122", "3334445556667779"],
    },
  },
  {
    site: "instagram",
    name: "Instagram",
    url: "https://www.instagram.com/p/DAcmeFr01x/",
    html: withScript(fixture("instagram", "post-fr.html"), INSTAGRAM_SCRIPT),
    complaints: ["18043210987654321", "18011122233344455"],
    calm: ["18000111222333444", "17888777666555444", "17966655544433322"],
    target: { id: "18043210987654321", text: "Commande #48213 passée il y a trois semaines", lang: "fr" },
    composer: "form textarea",
    // The one comment box is always there: Reply only fills it with the mention.
    prefix: "@claire_dmt ",
    submit: 'form [role="button"]:text-is("Post")',
    broken: {
      url: "https://www.instagram.com/p/DAcmeFr01x/?img_index=2",
      // Profile links became absolute: the comments are still found, but no author can be read.
      html: fixture("instagram", "post-fr.html").replaceAll('href="/', 'href="https://www.instagram.com/'),
      part: "author",
    },
    malformed: {
      url: "https://www.instagram.com/reel/DAcmeRe02y/",
      html: fixture("instagram", "malformed.html"),
      complaints: ["17850000000000001"],
      calm: ["18000000000000003", "18000000000000005"],
    },
  },
  {
    site: "youtube",
    name: "YouTube",
    url: "https://www.youtube.com/watch?v=AcmeVid0001",
    html: withScript(fixture("youtube", "watch-fr.html"), YOUTUBE_SCRIPT),
    complaints: ["UgzK3mTq8Vb2XcL9pRw4AaABAg", "UgwP5nR2sT7uV9wX1yZ3a4AaABAg"],
    calm: ["UgxPinH4pPyCu5t0m3rZQ4AaABAg", "UgxMa11oryH0st1leTxt4AaABAg"],
    target: { id: "UgzK3mTq8Vb2XcL9pRw4AaABAg", text: "Commande #48213 passée il y a trois semaines", lang: "fr" },
    composer:
      'ytd-comment-view-model:has(a[href$="lc=UgzK3mTq8Vb2XcL9pRw4AaABAg"]) #reply-dialog #contenteditable-root',
    submit: 'ytd-comment-view-model:has(a[href$="lc=UgzK3mTq8Vb2XcL9pRw4AaABAg"]) #reply-dialog #submit-button button',
    opened: 'ytd-comment-view-model:has(a[href$="lc=UgzK3mTq8Vb2XcL9pRw4AaABAg"]) #reply-dialog ytd-commentbox',
    broken: {
      url: "https://www.youtube.com/watch?v=AcmeVid0001&t=42s",
      html: fixture("youtube", "watch-fr.html").replaceAll("ytd-comment-view-model", "ytd-comment-entity-view"),
      part: "posts",
    },
    malformed: {
      url: "https://www.youtube.com/watch?v=AcmeVid0002",
      html: fixture("youtube", "malformed.html"),
      complaints: ["UgwElodieAccentHandle4AaABAg", "UgzLegacy2023Renderer04AaABAg"],
      calm: ["UgzOldChannelNoHandle04AaABAg", "UgxShortCommentFirst04AaABAg"],
    },
  },
  {
    site: "tiktok",
    name: "TikTok",
    url: "https://www.tiktok.com/@acme_fr/video/7675293818527340167",
    html: withScript(fixture("tiktok", "video-fr.html"), TIKTOK_SCRIPT),
    complaints: ["7676016713064390451", "7568503751686201345"],
    calm: ["7676423223131620072", "7676733062068915319", "7676767851302911834"],
    target: { id: "7676016713064390451", text: "Commande #48213 toujours pas livrée", lang: "fr" },
    composer:
      '[class*="DivCommentObjectWrapper"]:has([id="7676016713064390451"]) [class*="DivCommentInputContainer"] [contenteditable="true"]',
    submit:
      '[class*="DivCommentObjectWrapper"]:has([id="7676016713064390451"]) [class*="DivCommentInputContainer"] [data-e2e="comment-post"]',
    opened: '[class*="DivCommentObjectWrapper"]:has([id="7676016713064390451"]) [class*="DivCommentInputContainer"]',
    broken: {
      url: "https://www.tiktok.com/@acme_fr/video/7675293818527340167?lang=fr",
      html: fixture("tiktok", "video-fr.html").replaceAll('data-e2e="comment-level-', 'data-e2e="comment-lvl-'),
      part: "posts",
    },
    malformed: {
      url: "https://www.tiktok.com/@acme_fr/video/7400000000000000001",
      html: fixture("tiktok", "malformed.html"),
      complaints: ["7301665164519019060"],
      calm: ["tt-a503a8a3e1398859", "7676016713064399999"],
    },
  },
];

/** Every page of every case, by URL (origin, path and query), for the offline router. */
export function pagesOf(cases: readonly SiteCase[]): Map<string, string> {
  const pages = new Map<string, string>();
  for (const c of cases) {
    pages.set(c.url, c.html);
    pages.set(c.broken.url, c.broken.html);
    pages.set(c.malformed.url, c.malformed.html);
  }
  return pages;
}

/** Answers every http(s) request from `pages`; anything else (images, scripts of other hosts) is a 404: offline. */
export async function routeOffline(context: BrowserContext, pages: ReadonlyMap<string, string>): Promise<void> {
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    const body = pages.get(`${url.origin}${url.pathname}${url.search}`);
    return body !== undefined
      ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body })
      : route.fulfill({ status: 404, body: "" });
  });
}

export interface Profiled {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** Chromium with the built extension on a profile folder the caller keeps: a second launch finds what the first stored. */
export async function launchProfile(home: string): Promise<Profiled> {
  const { context, extensionId } = await launch({ home });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  return { context, worker, extensionId: extensionId ?? new URL(worker.url()).host };
}
