/**
 * The page script of the bench's synthetic site pages (bench/site-pages.ts builds them): a Preact app that renders
 * N copies of one post, described once from a site's hand-written fixture (tests/fixtures/<site>/), into the feed
 * container of that fixture's page, with each copy's id, permalink, author, text and time changed. Posts arrive in
 * batches, one batch per animation frame, as an infinite feed loads them. Texts and authors are the X demo's
 * (demo/posts.ts): complaints and other posts, in French and English.
 *
 * Browser code, bundled by esbuild: it imports nothing from Node.
 */
import { type ComponentChild, Fragment, h, options, render } from "preact";
import { memo } from "preact/compat";
import { useCallback, useEffect, useState } from "preact/hooks";
import { makePosts, type Post } from "../demo/posts";

/** What changes from one post to the next. */
export type Slot = "id" | "handle" | "name" | "title" | "iso" | "lang" | "index" | "index1";
/** A string of the fixture, with the parts that change per post as slots. */
export type Str = string | Array<string | { slot: Slot }>;
export interface TElement {
  tag: string;
  /** An SVG element: attribute names are case-sensitive and set as they are. */
  svg?: true;
  attrs: Record<string, Str>;
  children: TChild[];
}
/** `{ text: true }`: where the post's text goes (the children of the fixture's text element). */
export type TChild = TElement | Str | { text: true };

export interface FeedTemplate {
  site: string;
  /** The page the fixture stands for: the bench serves the synthetic page there. */
  url: string;
  /** The repeated feed unit: the post element, or the wrapper the site repeats around it. */
  unit: TElement;
  /** The fixture's text element held its text in <p> paragraphs: the new text goes in one. */
  textWrap: string | null;
  /** The post id's token in the fixture: its last `width` characters are replaced by the post's index. */
  id: { token: string; alphabet: string; width: number };
}

export interface FeedState {
  total: number;
  rendered: number;
  done: boolean;
}

declare global {
  interface Window {
    __apaiseBenchFeed?: FeedState;
  }
}

/** `i` in `alphabet`, left-padded to `width` characters. */
export function encodeIndex(i: number, alphabet: string, width: number): string {
  let out = "";
  let n = i;
  for (let k = 0; k < width; k++) {
    out = (alphabet[n % alphabet.length] ?? "") + out;
    n = Math.floor(n / alphabet.length);
  }
  return out;
}

/** The alphanumeric form of a demo handle, valid on every site ("camille_rx" → "camillerx"). */
function plainHandle(handle: string): string {
  return handle.replace(/[^A-Za-z0-9]/g, "").toLowerCase() || "user";
}

/** A title made of the text's first words, for sites whose posts have one (Reddit). */
function titleOf(text: string): string {
  if (text.length <= 60) return text;
  const cut = text.slice(0, 60);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 30))}…`;
}

type Values = Record<Slot, string>;

export function slotValues(template: FeedTemplate, post: Post, i: number): Values {
  const { token, alphabet, width } = template.id;
  return {
    id: token.slice(0, token.length - width) + encodeIndex(i, alphabet, width),
    handle: plainHandle(post.author.handle),
    name: post.author.name,
    title: titleOf(post.text),
    iso: post.createdAt.toISOString(),
    lang: post.lang,
    index: String(i),
    index1: String(i + 1),
  };
}

function fill(s: Str, v: Values): string {
  return typeof s === "string" ? s : s.map((p) => (typeof p === "string" ? p : v[p.slot])).join("");
}

interface Ctx {
  values: Values;
  text: string;
  wrap: string | null;
  onAction: (e: Event) => void;
}

function renderChild(child: TChild, ctx: Ctx): ComponentChild {
  if (typeof child === "string" || Array.isArray(child)) return fill(child, ctx.values);
  if ("text" in child) return ctx.wrap ? h(ctx.wrap, null, ctx.text) : ctx.text;
  return renderElement(child, ctx);
}

function renderElement(el: TElement, ctx: Ctx, extra?: Record<string, unknown>) {
  const props: Record<string, unknown> = { ...extra };
  for (const [name, value] of Object.entries(el.attrs)) {
    // Capitalised, an HTML attribute name is no DOM property to Preact: it is set with setAttribute (which lowers
    // it again), so `hidden=""`, `draggable="false"` or `translate="no"` stay what the fixture says.
    props[el.svg ? name : name.charAt(0).toUpperCase() + name.slice(1)] = fill(value, ctx.values);
  }
  if (el.tag === "button" || el.attrs.role === "button") props.onClick = ctx.onAction;
  return h(el.tag, props, ...el.children.map((c) => renderChild(c, ctx)));
}

/** One post of the feed; memoised, as feeds' list items are: a new batch renders only its own posts. */
const FeedPost = memo(function FeedPost({
  template,
  post,
  index,
}: {
  template: FeedTemplate;
  post: Post;
  index: number;
}) {
  // A little state of its own, as a site's post components have (a pressed like button).
  const [pressed, setPressed] = useState(false);
  const onAction = useCallback((e: Event) => {
    e.preventDefault();
    setPressed((p) => !p);
  }, []);
  const ctx: Ctx = { values: slotValues(template, post, index), text: post.text, wrap: template.textWrap, onAction };
  return renderElement(template.unit, ctx, pressed ? { "Data-bench-pressed": "" } : undefined);
});

function Feed({
  template,
  posts,
  batch,
  state,
}: {
  template: FeedTemplate;
  posts: Post[];
  batch: number;
  state: FeedState;
}) {
  const [count, setCount] = useState(Math.min(batch, posts.length));
  useEffect(() => {
    state.rendered = count;
    if (count >= posts.length) {
      state.done = true;
      return;
    }
    const frame = requestAnimationFrame(() => setCount((c) => Math.min(c + batch, posts.length)));
    return () => cancelAnimationFrame(frame);
  }, [count, posts.length, batch, state]);
  return h(
    Fragment,
    null,
    posts.slice(0, count).map((post, i) => h(FeedPost, { key: i, template, post, index: i })),
  );
}

/** Renders `total` posts into `container`, `batch` per frame; `window.__apaiseBenchFeed.done` says when all are in. */
export function mountFeed(
  container: Element,
  template: FeedTemplate,
  opts: { total: number; batch?: number; now?: Date },
): FeedState {
  // Preact renders state updates in a promise job, and Chromium's `Performance.getMetrics` ScriptDuration (what the
  // bench reads) never counts promise jobs: the feed's batches would not count as the page's scripting. It counts
  // queueMicrotask callbacks, as it counts React's scheduler (a MessageChannel) on the X demo. Same timing, counted.
  options.debounceRendering = (run) => queueMicrotask(run);
  const state: FeedState = { total: opts.total, rendered: 0, done: false };
  window.__apaiseBenchFeed = state;
  const posts = makePosts(opts.now ?? new Date(), opts.total);
  render(h(Feed, { template, posts, batch: opts.batch ?? 100, state }), container);
  return state;
}

/** A positive integer URL parameter, or `fallback`. */
function param(name: string, fallback: number): number {
  const n = Number(new URLSearchParams(location.search).get(name));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The page's entry: `?posts=N` (default 1,000) posts into the fixture's feed container, `?batch=B` (100) a frame. */
export function startFeedPage(template: FeedTemplate): void {
  const container = document.querySelector("[data-apaise-bench-feed]");
  if (!container) throw new Error("no feed container in the page");
  mountFeed(container, template, { total: param("posts", 1000), batch: param("batch", 100) });
}
