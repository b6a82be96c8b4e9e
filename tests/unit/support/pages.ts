/** Hand-written and saved pages for the site adapters' tests: parsed once per file (and per edit), with jsdom. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { expect } from "vitest";
import { PostSnapshot } from "../../../lib/schemas";

/** `page(name, edit?)` reads `dir/name`, applies `edit` to its HTML, and parses it once. */
export function fixturePages(dir: string): (name: string, edit?: (html: string) => string) => Document {
  const parsed = new Map<string, Document>();
  return (name, edit = (h) => h) => {
    const key = `${name}:${edit.toString()}`;
    const known = parsed.get(key);
    if (known) return known;
    const document = new JSDOM(edit(readFileSync(path.join(dir, name), "utf8"))).window.document;
    parsed.set(key, document);
    return document;
  };
}

/** Every post an adapter finds in `document`, each extracted (never null) and valid. */
export function extractAll(
  site: { findPosts(root: ParentNode): Element[]; extractPost(el: Element, base: string): PostSnapshot | null },
  document: Document,
  base: string,
): PostSnapshot[] {
  return site.findPosts(document).map((el) => {
    const snapshot = site.extractPost(el, base);
    expect(snapshot, el.outerHTML.slice(0, 200)).not.toBeNull();
    return PostSnapshot.parse(snapshot);
  });
}
