/**
 * NearViewport's rules around the browser's IntersectionObserver (lib/content/near.ts): what counts as near, what
 * is watched and let go. jsdom has no layout, so the observer here is a stand-in the test drives with entries as
 * Chromium reports them; the real one runs in tests/e2e/flow.test.ts ("reading as the agent scrolls").
 */
import { JSDOM } from "jsdom";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { NEAR_MARGIN, NearViewport } from "@/lib/content/near";

let doc: Document;
let io: StandIn | null;

class StandIn {
  readonly observed = new Set<Element>();
  readonly options: IntersectionObserverInit | undefined;
  constructor(
    readonly callback: (entries: IntersectionObserverEntry[]) => void,
    options?: IntersectionObserverInit,
  ) {
    this.options = options;
    io = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Reports `el` as Chromium does: intersecting or not, with its box (none: an empty rectangle at the origin). */
  report(el: Element, intersecting: boolean, box: { x: number; y: number; width: number; height: number }) {
    this.callback([
      { target: el, isIntersecting: intersecting, boundingClientRect: box } as unknown as IntersectionObserverEntry,
    ]);
  }
}

const FAR = { x: 0, y: 9_000, width: 600, height: 120 };
const CLOSE = { x: 0, y: 300, width: 600, height: 120 };
const NO_BOX = { x: 0, y: 0, width: 0, height: 0 };

function element(): Element {
  const el = doc.createElement("article");
  doc.body.append(el);
  return el;
}

beforeEach(() => {
  doc = new JSDOM("<!doctype html><body></body>").window.document;
  io = null;
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = StandIn;
});

afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

describe("NearViewport", () => {
  test("a post is not near until the observer says so; then it stays near and is no longer watched", () => {
    const came: Element[][] = [];
    const near = new NearViewport((els) => came.push(els));
    expect(io?.options?.rootMargin).toBe(NEAR_MARGIN);
    const el = element();
    expect(near.has(el)).toBe(false);
    expect(near.has(el)).toBe(false);
    expect(io?.observed.size).toBe(1);
    io?.report(el, false, FAR);
    expect(came).toEqual([]);
    io?.report(el, true, CLOSE);
    expect(came).toEqual([[el]]);
    expect(near.has(el)).toBe(true);
    expect(io?.observed.size).toBe(0);
  });

  test.each([
    { name: "intersecting the margin", intersecting: true, box: CLOSE, near: true },
    { name: "far below", intersecting: false, box: FAR, near: false },
    {
      name: "no box (display: contents or none): never intersects, counts as near",
      intersecting: false,
      box: NO_BOX,
      near: true,
    },
    {
      name: "an empty box elsewhere is a real position",
      intersecting: false,
      box: { ...NO_BOX, y: 9_000 },
      near: false,
    },
  ])("reported $name → near: $near", ({ intersecting, box, near: expected }) => {
    const near = new NearViewport(() => {});
    const el = element();
    near.has(el);
    io?.report(el, intersecting, box);
    expect(near.has(el)).toBe(expected);
  });

  test("content the page added is handed back once near, for the caller to note and scan", () => {
    const came: Element[] = [];
    const near = new NearViewport((els) => came.push(...els));
    const added = element();
    near.watch(added);
    near.watch(added);
    expect(io?.observed.size).toBe(1);
    io?.report(added, true, CLOSE);
    expect(came).toEqual([added]);
    near.watch(added); // already near: nothing to wait for
    expect(io?.observed.size).toBe(0);
  });

  test("sweep lets go of what the page removed before it came near, and keeps the rest", () => {
    const near = new NearViewport(() => {});
    const kept = element();
    const removed = element();
    near.has(kept);
    near.watch(removed);
    removed.remove();
    near.sweep();
    expect([...(io?.observed ?? [])]).toEqual([kept]);
  });

  test("past 20,000 elements waiting, all of them are let go as near (nothing is held without end)", () => {
    const came: number[] = [];
    const near = new NearViewport((els) => came.push(els.length));
    const els = Array.from({ length: 20_001 }, () => doc.createElement("article"));
    for (const el of els) near.has(el);
    expect(came).toEqual([20_001]);
    expect(io?.observed.size).toBe(0);
    expect(near.has(els[0] as Element)).toBe(true);
  });

  test("without IntersectionObserver everything is near at once", () => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    const came: Element[] = [];
    const near = new NearViewport((els) => came.push(...els));
    const el = element();
    expect(near.has(el)).toBe(true);
    near.watch(el);
    expect(came).toEqual([el]);
  });
});
