import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { isFeed, isPhoto, isVideo, TIKTOK_PAGES, tiktokSite } from "../../../../lib/sites/tiktok";

const detectors = Object.entries(TIKTOK_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Pages the extension must leave alone, on TikTok and elsewhere. */
const UNSUPPORTED = [
  "https://www.tiktok.com/@acme_fr",
  "https://www.tiktok.com/@acme_fr/video/",
  "https://www.tiktok.com/@acme_fr/video/123",
  "https://www.tiktok.com/@acme_fr/video/7675293818527340167/extra",
  "https://www.tiktok.com/acme_fr/video/7675293818527340167",
  "https://www.tiktok.com/explore",
  "https://www.tiktok.com/search?q=acme",
  "https://www.tiktok.com/tag/acmelin",
  "https://www.tiktok.com/messages",
  "https://www.tiktok.com/live",
  "https://www.tiktok.com/setting",
  "https://seller.tiktok.com/@acme_fr/video/7675293818527340167",
  "https://vm.tiktok.com/ZMabc123/",
  "https://www.tiktok.com.evil.example/@acme_fr/video/7675293818527340167",
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
    expect(tiktokSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(tiktokSite.pageKind(url)).toBe(name);
      expect(tiktokSite.pageKind(new URL(url))).toBe(name);
      expect(tiktokSite.pageKind({ href: url })).toBe(name);
      if (new URL(url).hostname === "www.tiktok.com") expect(adapterForUrl(url)?.id).toBe("tiktok");
    },
  );
});

describe("ids", () => {
  test.each([
    ["https://www.tiktok.com/@acme_fr/video/7675293818527340167", isVideo, "7675293818527340167"],
    ["https://www.tiktok.com/@acme.support/photo/7412345678901234999?lang=fr", isPhoto, "7412345678901234999"],
    ["https://www.tiktok.com/@acme_fr/photo/7400000000000000777", isVideo, null],
    ["https://www.tiktok.com/foryou", isFeed, true],
  ] as const)("%s → %s", (url, detect, id) => {
    expect(detect(url)).toBe(id);
  });
});
