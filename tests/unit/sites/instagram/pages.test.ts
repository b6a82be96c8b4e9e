import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { INSTAGRAM_PAGES, instagramSite, isPost, isReel } from "../../../../lib/sites/instagram";

const detectors = Object.entries(INSTAGRAM_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Pages the extension must leave alone, on Instagram and elsewhere. */
const UNSUPPORTED = [
  "https://www.instagram.com/",
  "https://www.instagram.com/acme_fr/",
  "https://www.instagram.com/acme_fr/reels/",
  "https://www.instagram.com/reels/",
  "https://www.instagram.com/explore/",
  "https://www.instagram.com/explore/tags/acmelin/",
  "https://www.instagram.com/direct/inbox/",
  "https://www.instagram.com/stories/acme_fr/3456789012345678901/",
  "https://www.instagram.com/accounts/edit/",
  "https://www.instagram.com/p/",
  "https://www.instagram.com/p/abc/",
  "https://www.instagram.com/p/DAcmeFr01x/liked_by/",
  "https://www.instagram.com/p/DAcmeFr01x/c/not-an-id/",
  "https://www.instagram.com/p/DAcmeFr01x/c/18043210987654321/r/",
  "https://www.instagram.com/explore/p/DAcmeFr01x/",
  "https://instagram.com.evil.example/p/DAcmeFr01x/",
  "https://evil.example/p/DAcmeFr01x/",
  "ftp://www.instagram.com/p/DAcmeFr01x/",
  "not a url",
];

describe("page detectors", () => {
  test.each(detectors)("%s recognises each of its own examples", (_name, detect) => {
    expect(detect.examples.length).toBeGreaterThan(1);
    for (const url of detect.examples) expect(hit(detect(url)), url).toBe(true);
  });

  const crossCases = detectors.flatMap(([name, detect]) =>
    detectors
      .filter(([other]) => other !== name)
      .flatMap(([other, { examples }]) => examples.map((url) => [name, other, url, detect] as const)),
  );
  test.each(crossCases)("%s rejects %s's example %s", (_name, _other, url, detect) => {
    expect(hit(detect(url))).toBe(false);
  });

  test.each(UNSUPPORTED)("no detector claims %s", (url) => {
    for (const [name, detect] of detectors) expect(hit(detect(url)), name).toBe(false);
    expect(instagramSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(instagramSite.pageKind(url)).toBe(name);
      expect(instagramSite.pageKind(new URL(url))).toBe(name);
      expect(instagramSite.pageKind({ href: url })).toBe(name);
      if (new URL(url).hostname === "www.instagram.com") expect(adapterForUrl(url)?.id).toBe("instagram");
    },
  );
});

describe("shortcodes", () => {
  test.each([
    ["https://www.instagram.com/p/DAcmeFr01x/", isPost, "DAcmeFr01x"],
    ["https://www.instagram.com/acme_fr/p/DAcmeFr01x/", isPost, "DAcmeFr01x"],
    ["https://www.instagram.com/p/C9xYz_1-AbC/c/18043210987654321/r/17999888777666555/", isPost, "C9xYz_1-AbC"],
    ["https://www.instagram.com/reel/DAcmeRe02y/?igsh=abc", isReel, "DAcmeRe02y"],
    ["https://www.instagram.com/reels/DAcmeRe02y/", isReel, "DAcmeRe02y"],
    ["https://www.instagram.com/reel/DAcmeRe02y/", isPost, null],
    ["https://www.instagram.com/p/DAcmeFr01x/", isReel, null],
  ] as const)("%s → %s", (url, detect, code) => {
    expect(detect(url)).toBe(code);
  });
});
