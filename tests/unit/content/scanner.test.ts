/**
 * The content script's scanner on a plain DOM (jsdom): which posts it reads, how often, and the marks it keeps,
 * as a feed grows, recycles its elements and re-renders.
 */
import { JSDOM } from "jsdom";
import { beforeEach, describe, expect, test } from "vitest";
import { ChangeSet, Scanner } from "@/lib/content/scanner";
import type { Detection, PostSnapshot } from "@/lib/schemas";
import { detection, post } from "../support/factories";

let doc: Document;
let calls: { id: number; extract: number; mark: number };

const adapter = {
  findPosts: (root: ParentNode) => [...root.querySelectorAll("article")],
  postIdOf: (el: Element) => {
    calls.id++;
    return el.getAttribute("data-id");
  },
  extractPost: (el: Element): PostSnapshot | null => {
    calls.extract++;
    const id = el.getAttribute("data-id");
    return id ? post({ id, text: el.textContent ?? "", url: `https://x.com/a/status/${id}` }) : null;
  },
};
const classify = (p: PostSnapshot): Detection => detection({ complaint: p.text.includes("!") });
const marker = {
  mark(el: Element) {
    calls.mark++;
    const host = el.ownerDocument.createElement("span");
    host.setAttribute("data-apaise-badge", "");
    el.append(host);
    return host;
  },
  unmark(host: HTMLElement) {
    host.remove();
  },
};

function feed(...posts: Array<[string, string]>): void {
  for (const [id, text] of posts) {
    const a = doc.createElement("article");
    a.setAttribute("data-id", id);
    a.textContent = text;
    doc.body.append(a);
  }
}

beforeEach(() => {
  doc = new JSDOM("<!doctype html><body></body>").window.document;
  calls = { id: 0, extract: 0, mark: 0 };
});

describe("Scanner", () => {
  test("a post never seen is extracted once, its id not derived twice; complaints are marked and reported", () => {
    const scanner = new Scanner(adapter, classify, marker);
    feed(["1", "late again!"], ["2", "thanks"]);
    const r = scanner.scan(doc, "https://x.com/");
    expect(r.fresh.map((f) => f.post.id)).toEqual(["1"]);
    expect(calls).toEqual({ id: 0, extract: 2, mark: 1 });
  });

  test("a feed growing by batches: posts already read are not read again unless something changed in them", () => {
    const scanner = new Scanner(adapter, classify, marker);
    const changes = new ChangeSet();
    for (let batch = 0; batch < 10; batch++) {
      feed(...Array.from({ length: 100 }, (_, i): [string, string] => [`${batch * 100 + i}`, i % 2 ? "ok" : "no!"]));
      scanner.scan(doc, "https://x.com/", changes.take());
      changes.note(doc.body);
    }
    // 1,000 extractions, and no id re-derived: the batches only added children to <body>.
    expect(calls.extract).toBe(1_000);
    expect(calls.id).toBe(0);
    expect(calls.mark).toBe(500);
  });

  test("a full scan (null) checks every post's id; an element recycled for another post is read again", () => {
    const scanner = new Scanner(adapter, classify, marker);
    feed(["1", "late!"], ["2", "fine"]);
    scanner.scan(doc, "https://x.com/");
    const first = doc.querySelector("article") as Element;
    first.setAttribute("data-id", "3");
    first.textContent = "all good";
    const r = scanner.scan(doc, "https://x.com/", null);
    expect(calls.id).toBe(2);
    expect(calls.extract).toBe(3);
    expect(r.fresh).toEqual([]);
    expect(doc.querySelectorAll("[data-apaise-badge]").length).toBe(0);
  });

  test("a change inside one post re-checks that post only; a badge the site removed is put back", () => {
    const scanner = new Scanner(adapter, classify, marker);
    const changes = new ChangeSet();
    feed(["1", "late!"], ["2", "broken!"], ["3", "fine"]);
    scanner.scan(doc, "https://x.com/", changes.take());
    const second = doc.querySelectorAll("article")[1] as Element;
    const badge = second.querySelector("[data-apaise-badge]") as Element;
    badge.remove();
    changes.note(second);
    scanner.scan(doc, "https://x.com/", changes.take());
    expect(calls.id).toBe(1);
    expect(second.querySelector("[data-apaise-badge]")).not.toBeNull();
    expect(calls.mark).toBe(3);
  });

  test("reset takes every mark off and forgets what was read", () => {
    const scanner = new Scanner(adapter, classify, marker);
    feed(["1", "late!"], ["2", "broken!"]);
    scanner.scan(doc, "https://x.com/");
    scanner.reset(doc);
    expect(doc.querySelectorAll("[data-apaise-badge]").length).toBe(0);
    expect(scanner.scan(doc, "https://x.com/").fresh.length).toBe(2);
  });
});

describe("reading as the agent scrolls (near)", () => {
  test("a post is read only once near says so; the scan that follows reads it, even when nothing else changed", () => {
    const near = new Set<string>(["1"]);
    const asked: string[] = [];
    const scanner = new Scanner(adapter, classify, marker, (el) => {
      const id = el.getAttribute("data-id") ?? "";
      asked.push(id);
      return near.has(id);
    });
    const changes = new ChangeSet();
    feed(["1", "late!"], ["2", "broken!"], ["3", "fine"]);
    const first = scanner.scan(doc, "https://x.com/", changes.take());
    expect(first.fresh.map((f) => f.post.id)).toEqual(["1"]);
    expect(first.extracted).toBe(1);
    expect(calls.extract).toBe(1);
    expect(doc.querySelectorAll("[data-apaise-badge]")).toHaveLength(1);
    // The agent scrolls: 2 and 3 come near (the content script schedules a scan; no mutation in the page).
    near.add("2").add("3");
    asked.length = 0;
    const second = scanner.scan(doc, "https://x.com/", changes.take());
    expect(second.fresh.map((f) => f.post.id)).toEqual(["2"]);
    expect(second.extracted).toBe(2);
    // A post read is never asked about again; a far one is asked at each scan (a set lookup) until it comes near.
    expect(asked).toEqual(["2", "3"]);
    expect(scanner.read(second.posts).map((r) => r.post.id)).toEqual(["1", "2", "3"]);
  });

  test("readNear: posts of the last scan that came near are read alone, as that scan would have read them", () => {
    const near = new Set<string>(["1"]);
    let searches = 0;
    const counting = {
      ...adapter,
      findPosts: (root: ParentNode) => {
        searches++;
        return adapter.findPosts(root);
      },
    };
    const scanner = new Scanner(counting, classify, marker, (el) => near.has(el.getAttribute("data-id") ?? ""));
    feed(["1", "late!"], ["2", "broken!"], ["3", "fine"], ["4", "gone!"]);
    const first = scanner.scan(doc, "https://x.com/");
    const [p1, p2, p3, p4] = first.posts as [Element, Element, Element, Element];
    expect(searches).toBe(1);
    p4.remove();
    // 2, 3 and 4 come near; 1 again (already read); 4 was removed meanwhile.
    const r = scanner.readNear([p2, p3, p1, p4], "https://x.com/");
    expect(searches).toBe(1);
    expect(r.fresh.map((f) => f.post.id)).toEqual(["2"]);
    expect(r.extracted).toBe(2);
    expect(calls.extract).toBe(3);
    expect(
      [...doc.querySelectorAll("[data-apaise-badge]")].map((b) => b.parentElement?.getAttribute("data-id")),
    ).toEqual(["1", "2"]);
    // Nothing read twice: a scan that follows finds them all read.
    near.add("2").add("3");
    expect(scanner.scan(doc, "https://x.com/", new ChangeSet().take()).extracted).toBe(0);
    expect(scanner.read([p1, p2, p3]).map((x) => x.post.id)).toEqual(["1", "2", "3"]);
  });

  test("readNear settles the posts waiting for their verdict, the new ones and the earlier ones", () => {
    const known = new Map<string, Detection>();
    const scanner = new Scanner(
      adapter,
      (p) => known.get(p.id),
      marker,
      (el) => el.getAttribute("data-id") === "1",
    );
    feed(["1", "late!"], ["2", "broken!"]);
    const first = scanner.scan(doc, "https://x.com/");
    expect(first.fresh).toEqual([]);
    known.set("1", detection({ complaint: true })).set("2", detection({ complaint: true }));
    const r = scanner.readNear([first.posts[1] as Element], "https://x.com/");
    expect(r.fresh.map((f) => f.post.id)).toEqual(["1", "2"]);
    expect(doc.querySelectorAll("[data-apaise-badge]")).toHaveLength(2);
  });

  test("a post far away is not marked, reported or counted as read; find() and postAt() still reach it", () => {
    const scanner = new Scanner(adapter, classify, marker, () => false);
    feed(["1", "late!"]);
    const r = scanner.scan(doc, "https://x.com/");
    expect(r).toMatchObject({ scanned: 1, fresh: [], extracted: 0 });
    expect(scanner.read(r.posts)).toEqual([]);
    const el = scanner.find(doc, "1");
    expect(el?.getAttribute("data-id")).toBe("1");
    expect(scanner.postAt(doc, el as Element, "https://x.com/")).toMatchObject({ post: { id: "1" }, detection: null });
  });
});

describe("verdicts that come later (the background's detector)", () => {
  test("a post read waits for its verdict; settle() marks and reports it without looking through the page", () => {
    const known = new Map<string, Detection>();
    const asked: string[] = [];
    let searches = 0;
    const scanner = new Scanner(
      {
        ...adapter,
        findPosts: (root: ParentNode) => {
          searches++;
          return adapter.findPosts(root);
        },
      },
      (p) => {
        asked.push(p.id);
        return known.get(p.id);
      },
      marker,
    );
    feed(["1", "late!"], ["2", "fine"]);
    const r = scanner.scan(doc, "https://x.com/");
    expect(r).toMatchObject({ fresh: [], extracted: 2, waiting: 2 });
    expect(doc.querySelectorAll("[data-apaise-badge]")).toHaveLength(0);
    // Nothing known yet: still waiting; the posts are not extracted again.
    expect(scanner.settle()).toEqual([]);
    known.set("1", detection({ complaint: true })).set("2", detection({ complaint: false }));
    const fresh = scanner.settle();
    expect(fresh.map((f) => f.post.id)).toEqual(["1"]);
    expect(searches).toBe(1);
    expect(calls.extract).toBe(2);
    expect(doc.querySelectorAll("[data-apaise-badge]")).toHaveLength(1);
    // Judged once: neither settle() nor a scan asks again, and nothing is reported twice.
    const count = asked.length;
    expect(scanner.settle()).toEqual([]);
    expect(scanner.scan(doc, "https://x.com/")).toMatchObject({ fresh: [], waiting: 0 });
    expect(asked).toHaveLength(count);
    expect(scanner.read(r.posts).map((p) => [p.post.id, p.complaint])).toEqual([
      ["1", true],
      ["2", false],
    ]);
  });

  /** Post 1 read (its verdict not known yet), then its element recycled for post 9. */
  function readThenRecycle(known: Map<string, Detection>): Scanner {
    const scanner = new Scanner(adapter, (p) => known.get(p.id), marker);
    feed(["1", "late!"]);
    scanner.scan(doc, "https://x.com/");
    const el = doc.querySelector("article") as Element;
    el.setAttribute("data-id", "9");
    el.textContent = "all good";
    return scanner;
  }

  test("a verdict that comes after the element was recycled for another post is not put on it", () => {
    const known = new Map<string, Detection>();
    const scanner = readThenRecycle(known);
    scanner.scan(doc, "https://x.com/");
    known.set("1", detection({ complaint: true })).set("9", detection({ complaint: false }));
    expect(scanner.settle()).toEqual([]);
    expect(doc.querySelectorAll("[data-apaise-badge]")).toHaveLength(0);
  });

  test("recycled before any scan noticed: settle() leaves it for the scan that reads the new post", () => {
    const known = new Map<string, Detection>();
    const scanner = readThenRecycle(known);
    known.set("1", detection({ complaint: true })).set("9", detection({ complaint: false }));
    expect(scanner.settle()).toEqual([]);
    expect(doc.querySelectorAll("[data-apaise-badge]")).toHaveLength(0);
    expect(scanner.scan(doc, "https://x.com/")).toMatchObject({ fresh: [], extracted: 1, waiting: 0 });
  });

  test("the agent marks a missed post: postAt() gives the verdict already known, markComplaint() marks it", () => {
    const scanner = new Scanner(adapter, classify, marker);
    feed(["1", "all fine"]);
    scanner.scan(doc, "https://x.com/");
    const el = doc.querySelector("article") as Element;
    const found = scanner.postAt(doc, el.firstChild as Node, "https://x.com/");
    expect(found?.detection?.complaint).toBe(false);
    const shown = scanner.markComplaint(el, found?.post as PostSnapshot, found?.detection as Detection);
    expect(shown.complaint).toBe(true);
    expect(scanner.marks(doc).map((m) => m.post.id)).toEqual(["1"]);
  });
});

describe("ChangeSet", () => {
  test("starts with everything; then only the changed nodes and their ancestors; all() again on demand", () => {
    feed(["1", "a"], ["2", "b"]);
    const [a, b] = [...doc.querySelectorAll("article")] as unknown as [Element, Element];
    const changes = new ChangeSet();
    expect(changes.take()).toBeNull();
    changes.note(a.firstChild as Node);
    const changed = changes.take();
    expect(changed?.(a)).toBe(true);
    expect(changed?.(doc.body)).toBe(true);
    expect(changed?.(b)).toBe(false);
    expect(changes.take()?.(a)).toBe(false);
    changes.all();
    expect(changes.take()).toBeNull();
  });

  test("quiet: nothing noted since the last take, and no full scan asked for", () => {
    const changes = new ChangeSet();
    expect(changes.quiet).toBe(false);
    changes.take();
    expect(changes.quiet).toBe(true);
    changes.note(doc.body);
    expect(changes.quiet).toBe(false);
    changes.take();
    expect(changes.quiet).toBe(true);
    changes.all();
    expect(changes.quiet).toBe(false);
  });

  test("past 5,000 changed nodes the next scan reads everything", () => {
    const changes = new ChangeSet();
    changes.take();
    for (let i = 0; i < 5_001; i++) changes.note(doc.createElement("i"));
    expect(changes.take()).toBeNull();
  });
});

describe("what a scan returns for the content script's next steps", () => {
  test("the posts found in order, how many were extracted, and read() over them without querying again", () => {
    const scanner = new Scanner(adapter, classify, marker);
    const changes = new ChangeSet();
    feed(["1", "late!"], ["2", "fine"]);
    const first = scanner.scan(doc, "https://x.com/", changes.take());
    expect(first.posts.map((el) => el.getAttribute("data-id"))).toEqual(["1", "2"]);
    expect(first.extracted).toBe(2);
    expect(scanner.read(first.posts).map((r) => [r.post.id, r.complaint])).toEqual([
      ["1", true],
      ["2", false],
    ]);
    // Nothing new or changed: nothing extracted, so the content script skips what depends on the posts' content.
    expect(scanner.scan(doc, "https://x.com/", changes.take()).extracted).toBe(0);
  });
});
