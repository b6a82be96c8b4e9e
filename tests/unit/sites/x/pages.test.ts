import { describe, expect, test } from "vitest";
import { isStatus, isSupportedXPage, PAGE_DETECTORS, statusIdFromUrl, xAdapter } from "../../../../lib/sites/x";

const detectors = Object.entries(PAGE_DETECTORS);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Pages the extension must leave alone, on X and elsewhere. */
const UNSUPPORTED = [
  "https://x.com/settings/account",
  "https://x.com/messages",
  "https://x.com/i/bookmarks",
  "https://x.com/explore",
  "https://x.com/compose/post",
  "https://x.com/badlogicgames/status/1991612272289161300/analytics",
  "https://x.com/badlogicgames/lists",
  "https://example.com/home",
  "https://x.com.evil.example/home",
  "https://notx.com/jack/status/20",
  "file:///tmp/home-twitter-complete.html",
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
    expect(isSupportedXPage(url)).toBe(false);
    expect(xAdapter.matches(url)).toBe(false);
  });

  test.each(detectors.flatMap(([, detect]) => detect.examples))("%s is a supported page", (url) => {
    expect(isSupportedXPage(url)).toBe(true);
    expect(xAdapter.matches(new URL(url))).toBe(true);
    expect(xAdapter.matches({ href: url })).toBe(true);
  });
});

describe("isStatus", () => {
  test.each([
    ["https://x.com/arscontexta/status/2013045749580259680", "2013045749580259680"],
    ["https://x.com/badlogicgames/status/1991612272289161300/photo/1", "1991612272289161300"],
    ["https://twitter.com/jack/status/20", "20"],
    ["https://x.com/i/web/status/1991606465300426936", "1991606465300426936"],
    ["https://x.com/jack/status/20/", "20"],
    ["https://x.com/jack/status/20/quotes", null],
    ["https://x.com/jack/status/notanumber", null],
    ["https://x.com/jack", null],
  ])("%s → %s", (url, id) => {
    expect(isStatus(url)).toBe(id);
  });
});

describe("statusIdFromUrl", () => {
  test.each([
    ["https://x.com/jack/status/20", "20"],
    ["https://x.com/jack/status/20/analytics", "20"],
    ["https://x.com/jack/status/20/photo/2", "20"],
    ["https://mobile.twitter.com/jack/statuses/20", "20"],
    ["https://x.com/i/web/status/1991606465300426936", "1991606465300426936"],
    ["https://x.com/home", null],
    ["https://example.com/jack/status/20", null],
    ["https://x.com/jack/status/12345678901234567890123456789", null],
    ["", null],
  ])("%s → %s", (url, id) => {
    expect(statusIdFromUrl(url)).toBe(id);
  });
});

describe("one-off pages", () => {
  test.each([
    ["isHome", "https://x.com/home/", true],
    ["isHome", "https://x.com/homepage", false],
    ["isNotifications", "https://x.com/notifications/mentions?lang=fr", true],
    ["isNotifications", "https://x.com/jack/notifications", false],
    ["isSearch", "https://x.com/search?q=panne", true],
    ["isSearch", "https://x.com/hashtag", false],
    ["isProfile", "https://x.com/jack/with_replies", true],
    ["isProfile", "https://x.com/jack/followers", false],
    ["isProfile", "https://x.com/i", false],
  ] as const)("%s(%s) → %s", (name, url, expected) => {
    expect(PAGE_DETECTORS[name](url)).toBe(expected);
  });
});
