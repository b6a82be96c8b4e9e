/**
 * Synthetic 1,000-post pages of the supported sites, for `npm run bench`'s page-cost figures (bench/pages.ts).
 *
 * For each site, one post of its hand-written fixture (tests/fixtures/<site>/…) is parsed once, with jsdom, into an
 * h()-tree description (`FeedTemplate`): its feed unit's markup, with the post's id, author, name, title, times,
 * language and feed position turned into slots and its text element emptied. The page script
 * (bench/site-page-app.tsx, Preact, bundled here with esbuild) renders N posts from it, 100 per animation frame,
 * inside the fixture's own ancestors (the feed container and everything above it), with the X demo's texts and
 * authors (demo/posts.ts). The bench serves the page at the fixture's real URL with `context.route`, so the site's
 * content script runs on it as on the real site.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { JSDOM } from "jsdom";
import type { SiteId } from "../lib/schemas";
import { adapterFor } from "../lib/sites";
import { ROOT } from "../scripts/chromium";
import type { FeedTemplate, Slot, Str, TChild, TElement } from "./site-page-app";

/** Where the built pages go (git-ignored). */
export const PAGES_DIR = join(ROOT, ".bench-pages");
/** The page script's path on the site's host. */
export const PAGE_SCRIPT_PATH = "/__apaise-bench/page.js";

export interface SitePageSpec {
  site: SiteId;
  /** The fixture file, in tests/fixtures/<site>/. */
  fixture: string;
  /** The page the fixture stands for. */
  url: string;
  /** The chosen post, by the id its adapter reads. */
  postId: string;
  /** The part of the post's id found in the markup (default: the id itself); its end is varied per post. */
  idToken?: string;
  /** The characters ids are made of (default: digits, lower-case base 36 or base 62, from the token). */
  idAlphabet?: string;
  /** The repeated feed unit: the closest ancestor matching this selector, or this many levels up (default 0). */
  unit?: string | number;
  /** The element holding the post's text, inside the unit. */
  text: string;
  /** Elements dropped from the unit: other posts inside it (comments, replies). */
  drop?: string[];
  /** The author's handle as the markup writes it (in links, labels), and their display name. */
  author: string;
  name?: string;
  /** The post's title, where posts have one (Reddit). */
  title?: string;
}

/** One post per site, the first English or French complaint of a feed or comment list. */
export const SITE_PAGE_SPECS: readonly SitePageSpec[] = [
  {
    site: "reddit",
    fixture: "listing-new.html",
    url: "https://www.reddit.com/r/AcmeSupport/",
    postId: "t3_1wbb001",
    idToken: "1wbb001",
    unit: "article",
    text: '[id$="-post-rtjson-content"]',
    author: "jordan_p",
    title: "Order arrived broken and nobody answers",
  },
  {
    site: "bluesky",
    fixture: "home-timeline.html",
    url: "https://bsky.app/",
    postId: "3mtnpw3ow5v2b",
    // Record keys are TIDs, in base32-sortable.
    idAlphabet: "234567abcdefghijklmnopqrstuvwxyz",
    unit: 1,
    text: '[data-testid="postText"]',
    author: "claire-dmt",
    name: "Claire Dumont",
  },
  {
    site: "mastodon",
    fixture: "home-timeline.html",
    url: "https://piaille.fr/home",
    postId: "117137913937920042",
    unit: "article",
    text: ".status__content__text",
    author: "claire",
    name: "Claire Dumont",
  },
  {
    site: "linkedin",
    fixture: "feed.html",
    url: "https://www.linkedin.com/feed/",
    postId: "activity:7496598238004434567",
    idToken: "7496598238004434567",
    unit: 1,
    text: '.update-components-update-v2__commentary span[dir="ltr"]',
    author: "claire-dumont-4a1b2c",
    name: "Claire Dumont",
  },
  {
    site: "facebook",
    fixture: "page-timeline.html",
    url: "https://www.facebook.com/",
    postId: "pfbid0Zx8Kq2mVt7RbN3cLp9YwHd4Fs6Ja1Ug5Te8Mi2Ko7Qr3",
    unit: 1,
    text: '[data-ad-rendering-role="story_message"] span[lang]',
    // The post's comments are posts of their own to the adapter: one post per feed unit here.
    drop: ['[role="article"]'],
    author: "AcmeFrance",
    name: "Acme France",
  },
  {
    site: "instagram",
    fixture: "post-fr.html",
    url: "https://www.instagram.com/p/DAcmeFr01x/",
    postId: "18011122233344455",
    unit: 2,
    text: "span._aacu",
    author: "sam_k",
  },
  {
    site: "threads",
    fixture: "home-feed.html",
    url: "https://www.threads.com/",
    postId: "DNx1aBcD2eF",
    unit: 1,
    text: 'span[dir="auto"][style*="pre-wrap"]',
    author: "claire.dmt",
  },
  {
    site: "youtube",
    fixture: "watch-fr.html",
    url: "https://www.youtube.com/watch?v=AcmeVid0001",
    postId: "UgzK3mTq8Vb2XcL9pRw4AaABAg",
    idToken: "UgzK3mTq8Vb2XcL9pRw",
    unit: "ytd-comment-thread-renderer",
    text: "#content-text > span",
    drop: ["ytd-comment-replies-renderer"],
    author: "claire_dmt",
  },
  {
    site: "tiktok",
    fixture: "video-fr.html",
    url: "https://www.tiktok.com/@acme_fr/video/7675293818527340167",
    postId: "7676016713064390451",
    unit: '[class*="DivCommentObjectWrapper"]',
    text: '[data-e2e^="comment-level"] > span',
    author: "claire_dmt",
    name: "Claire D.",
  },
];

export function sitePageSpec(site: SiteId): SitePageSpec {
  const spec = SITE_PAGE_SPECS.find((s) => s.site === site);
  if (!spec) throw new Error(`no synthetic page for ${site}`);
  return spec;
}

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;
/** Attributes whose whole value is the post's language, or its place in the feed. */
const WHOLE_VALUE: Readonly<Record<string, Slot>> = {
  lang: "lang",
  "post-language": "lang",
  "aria-posinset": "index1",
  feedindex: "index",
  "data-finite-scroll-hotkey-item": "index",
};
const MARK = "data-apaise-bench-text";

function alphabetOf(token: string): string {
  if (/^\d+$/.test(token)) return "0123456789";
  if (/^[0-9a-z]+$/.test(token)) return "0123456789abcdefghijklmnopqrstuvwxyz";
  return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
}

/** Enough characters of `alphabet` to number a million posts. */
function widthFor(alphabet: string): number {
  return Math.ceil(Math.log(1_000_000) / Math.log(alphabet.length));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Turns the per-post strings of `text` into slots. */
function slotter(replacements: ReadonlyArray<[string, Slot]>): (text: string) => Str {
  const known = new Map(replacements);
  const originals = [...known.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp([...originals, ISO.source].join("|"), "g");
  return (text) => {
    const parts: Array<string | { slot: Slot }> = [];
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      if (at > last) parts.push(text.slice(last, at));
      parts.push({ slot: known.get(m[0]) ?? "iso" });
      last = at + m[0].length;
    }
    if (parts.length === 0) return text;
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  };
}

function hasSlot(node: TChild, slot: Slot): boolean {
  if (typeof node === "string") return false;
  if (Array.isArray(node)) return node.some((p) => typeof p !== "string" && p.slot === slot);
  if ("text" in node) return false;
  return Object.values(node.attrs).some((v) => hasSlot(v, slot)) || node.children.some((c) => hasSlot(c, slot));
}

function describe(el: Element, slots: (text: string) => Str): TElement {
  const attrs: Record<string, Str> = {};
  for (const { name, value } of [...el.attributes]) {
    if (name === MARK || name.startsWith("on")) continue;
    const whole = WHOLE_VALUE[name];
    attrs[name] = whole && value && value !== "und" ? [{ slot: whole }] : slots(value);
  }
  const node: TElement = { tag: el.localName, attrs, children: [] };
  if (el.namespaceURI === "http://www.w3.org/2000/svg") node.svg = true;
  if (el.hasAttribute(MARK)) {
    node.children.push({ text: true });
    return node;
  }
  for (const child of el.childNodes) {
    if (child.nodeType === 3) node.children.push(slots(child.nodeValue ?? ""));
    else if (child.nodeType === 1) node.children.push(describe(child as Element, slots));
  }
  return node;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function openTag(el: Element, extra = ""): string {
  const attrs = [...el.attributes].map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join("");
  return `<${el.localName}${attrs}${extra}>`;
}

export interface SitePage {
  site: SiteId;
  spec: SitePageSpec;
  template: FeedTemplate;
  /** The page, its script at PAGE_SCRIPT_PATH. */
  html: string;
  /** The page script (Preact and the template), minified. */
  js: string;
}

/**
 * Reads the spec's post out of its fixture: the feed unit as a template, and the page around it (the unit's
 * ancestors, empty but for the feed container, marked `data-apaise-bench-feed`).
 */
export function describeSitePage(spec: SitePageSpec): { template: FeedTemplate; html: string } {
  const file = join(ROOT, "tests/fixtures", spec.site, spec.fixture);
  const doc = new JSDOM(readFileSync(file, "utf8"), { url: spec.url }).window.document;
  const adapter = adapterFor(spec.site);
  const post = adapter.findPosts(doc).find((el) => adapter.postIdOf(el, spec.url) === spec.postId);
  if (!post) throw new Error(`${spec.site}: post ${spec.postId} not found in ${spec.fixture}`);
  let unit: Element | null = post;
  if (typeof spec.unit === "string") unit = post.closest(spec.unit);
  else for (let k = 0; k < (spec.unit ?? 0) && unit; k++) unit = unit.parentElement;
  if (!unit?.parentElement || unit === doc.body) throw new Error(`${spec.site}: no feed unit around the post`);
  const feed = unit.parentElement;

  const clone = unit.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll(["script", "template", ...(spec.drop ?? [])].join(", "))) el.remove();
  const textEl = clone.querySelector(spec.text);
  if (!textEl) throw new Error(`${spec.site}: no text element ${spec.text} in the unit`);
  textEl.setAttribute(MARK, "");
  const textWrap = textEl.firstElementChild?.localName === "p" ? "p" : null;

  const token = spec.idToken ?? spec.postId;
  const alphabet = spec.idAlphabet ?? alphabetOf(token);
  const replacements: Array<[string, Slot]> = [
    [token, "id"],
    [spec.author, "handle"],
  ];
  if (spec.name) replacements.push([spec.name, "name"]);
  if (spec.title) replacements.push([spec.title, "title"]);
  const unitTemplate = describe(clone, slotter(replacements));
  for (const slot of ["id", "handle"] as const) {
    if (!hasSlot(unitTemplate, slot)) throw new Error(`${spec.site}: the unit's markup has no ${slot} to vary`);
  }

  const ancestors: Element[] = [];
  for (let el: Element | null = feed; el && el !== doc.documentElement; el = el.parentElement) ancestors.unshift(el);
  const open = ancestors.map((el) => openTag(el, el === feed ? " data-apaise-bench-feed" : "")).join("\n");
  const close = ancestors
    .slice(1)
    .reverse()
    .map((el) => `</${el.localName}>`)
    .join("");
  const lang = doc.documentElement.getAttribute("lang") ?? "en";
  const html = [
    "<!doctype html>",
    `<html lang="${escapeAttr(lang)}"><head><meta charset="utf-8"><title>${escapeAttr(doc.title)}</title></head>`,
    open,
    `${close}\n<script src="${PAGE_SCRIPT_PATH}"></script>\n</body></html>\n`,
  ].join("\n");
  return {
    template: {
      site: spec.site,
      url: spec.url,
      unit: unitTemplate,
      textWrap,
      id: { token, alphabet, width: widthFor(alphabet) },
    },
    html,
  };
}

/** Builds a site's page: its HTML and its page script; with `write`, also into `.bench-pages/<site>/`. */
export async function buildSitePage(site: SiteId, opts: { write?: boolean } = {}): Promise<SitePage> {
  const spec = sitePageSpec(site);
  const { template, html } = describeSitePage(spec);
  const out = await build({
    stdin: {
      contents: `import { startFeedPage } from "./site-page-app";\nstartFeedPage(${JSON.stringify(template)});\n`,
      resolveDir: join(ROOT, "bench"),
      loader: "ts",
      sourcefile: `${site}-page.ts`,
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: true,
    write: false,
    logLevel: "warning",
  });
  const js = out.outputFiles[0]?.text ?? "";
  if (opts.write) {
    const dir = join(PAGES_DIR, site);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), html);
    writeFileSync(join(dir, "page.js"), js);
    writeFileSync(join(dir, "template.json"), `${JSON.stringify(template, null, 1)}\n`);
  }
  return { site, spec, template, html, js };
}
