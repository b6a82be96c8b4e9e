/**
 * The bench's synthetic site pages (bench/site-pages.ts): for every site, the built page script, run in jsdom at the
 * site's URL, renders N posts that the site's own adapter reads back as N posts with distinct ids, the demo's texts
 * and authors, distinct permalinks, and complaints among them.
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { FeedState } from "../../../bench/site-page-app";
import { buildSitePage, SITE_PAGE_SPECS } from "../../../bench/site-pages";
import { makePosts } from "../../../demo/posts";
import { detect } from "../../../lib/detect";
import { PostSnapshot } from "../../../lib/schemas";
import { adapterFor } from "../../../lib/sites";

/** More than one batch (100 per frame): the feed's batching is part of what is checked. */
const N = 150;
const DEMO = makePosts(new Date(), 40);
const DEMO_TEXTS = new Set(DEMO.map((p) => p.text));
/** The demo's handles as the pages write them: letters and digits only ("camille_rx" → "camillerx"). */
const DEMO_HANDLES = [...new Set(DEMO.map((p) => p.author.handle.replace(/[^A-Za-z0-9]/g, "").toLowerCase()))];

async function renderPage(html: string, js: string, url: string): Promise<Document> {
  const dom = new JSDOM(html, { url, runScripts: "outside-only", pretendToBeVisual: true });
  dom.window.eval(js);
  const win = dom.window as unknown as { __apaiseBenchFeed?: FeedState };
  for (let waited = 0; !win.__apaiseBenchFeed?.done; waited += 10) {
    if (waited > 20_000) throw new Error(`feed not rendered: ${JSON.stringify(win.__apaiseBenchFeed)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return dom.window.document;
}

describe("synthetic site pages", () => {
  it("covers the nine sites besides X", () => {
    expect(SITE_PAGE_SPECS.map((s) => s.site).sort()).toEqual(
      ["bluesky", "facebook", "instagram", "linkedin", "mastodon", "reddit", "threads", "tiktok", "youtube"].sort(),
    );
  });

  for (const spec of SITE_PAGE_SPECS) {
    it(`${spec.site}: ${N} posts that its adapter reads back`, async () => {
      const page = await buildSitePage(spec.site);
      const url = `${spec.url}${spec.url.includes("?") ? "&" : "?"}posts=${N}`;
      const doc = await renderPage(page.html, page.js, url);
      const adapter = adapterFor(spec.site);
      const found = adapter.findPosts(doc);
      expect(found).toHaveLength(N);
      const posts = found.map((el) => PostSnapshot.parse(adapter.extractPost(el, url)));
      expect(new Set(posts.map((p) => p.id)).size).toBe(N);
      // TikTok comments have no permalink of their own: the adapter gives the video's.
      if (spec.site !== "tiktok") expect(new Set(posts.map((p) => p.url)).size).toBe(N);
      for (const p of posts) expect(p.text.trim()).not.toBe("");
      // The text is the demo's (Reddit puts the post's title first).
      for (const p of posts) expect(DEMO_TEXTS.has(p.text.split("\n\n").at(-1) ?? "")).toBe(true);
      for (const p of posts)
        expect(
          DEMO_HANDLES.some((h) => p.author.toLowerCase().includes(h)),
          p.author,
        ).toBe(true);
      expect(new Set(posts.map((p) => p.author)).size).toBeGreaterThan(5);
      expect(posts.map((p) => p.id)).not.toContain(spec.postId);
      // Complaints and other posts, as the badges on the bench's pages show (lexicon baseline here, no model).
      const complaints = posts.filter((p) => detect(p.text, { langAttr: p.langAttr }).complaint).length;
      expect(complaints).toBeGreaterThan(0);
      expect(complaints).toBeLessThan(N);
    });
  }
});
