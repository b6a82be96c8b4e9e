import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { isPost, THREADS_PAGES, threadsSite } from "../../../../lib/sites/threads";

const detectors = Object.entries(THREADS_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Threads pages the extension leaves alone (settings, insights, a profile's followers…), and other sites. */
const UNSUPPORTED = [
  "https://www.threads.com/settings",
  "https://www.threads.com/settings/account",
  "https://www.threads.com/@claire.dmt/post/DNx1aBcD2eF/likes",
  "https://www.threads.com/@claire.dmt/post/x",
  "https://www.threads.com/@claire.dmt/followers",
  "https://www.threads.com/claire.dmt",
  "https://www.threads.com/search/extra",
  "https://www.threads.com/login",
  "https://www.instagram.com/@claire.dmt/post/DNx1aBcD2eF",
  "https://threads.example/@claire.dmt",
  "ftp://www.threads.com/",
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
    expect(threadsSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(threadsSite.pageKind(url)).toBe(name);
      expect(adapterForUrl(url)?.id).toBe("threads");
    },
  );
});

test.each([
  ["https://www.threads.com/@claire.dmt/post/DNx1aBcD2eF", "DNx1aBcD2eF"],
  ["https://www.threads.net/@sam_k/post/DNx2bCdE3fG?xmt=AQF0", "DNx2bCdE3fG"],
  ["https://threads.com/@acme.fr/post/DNw9zYxW8vU/media", "DNw9zYxW8vU"],
  ["https://www.threads.com/@acme.fr/post/DNw9zYxW8vU/likes", null],
  ["https://www.threads.com/acme.fr/post/DNw9zYxW8vU", null],
])("isPost(%s) → %s", (url, code) => {
  expect(isPost(url)).toBe(code);
});

test("threads.com and the older threads.net, with and without www", () => {
  expect(threadsSite.matches).toEqual([
    "https://www.threads.com/*",
    "https://threads.com/*",
    "https://www.threads.net/*",
    "https://threads.net/*",
  ]);
  for (const host of ["www.threads.com", "threads.com", "www.threads.net", "threads.net"]) {
    expect(adapterForUrl(`https://${host}/@acme.fr`)?.id).toBe("threads");
  }
});
