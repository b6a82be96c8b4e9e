import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { BLUESKY_PAGES, blueskySite, isPost } from "../../../../lib/sites/bluesky";

const detectors = Object.entries(BLUESKY_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** bsky.app pages the extension leaves alone (settings, messages, lists of people…), and other sites. */
const UNSUPPORTED = [
  "https://bsky.app/settings",
  "https://bsky.app/messages",
  "https://bsky.app/messages/3mtnpw3ow5v2b",
  "https://bsky.app/profile/acme.fr/followers",
  "https://bsky.app/profile/acme.fr/post/3mtnpw3ow5v2b/liked-by",
  "https://bsky.app/profile/acme.fr/post/not-a-tid",
  "https://bsky.app/profile/not_a_handle",
  "https://bsky.app/search/extra",
  "https://bsky.app/feeds",
  "https://bsky.social/profile/acme.fr",
  "https://example.com/profile/acme.fr/post/3mtnpw3ow5v2b",
  "ftp://bsky.app/",
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
    expect(blueskySite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(blueskySite.pageKind(url)).toBe(name);
      expect(adapterForUrl(url)?.id).toBe("bluesky");
    },
  );
});

test.each([
  ["https://bsky.app/profile/claire-dmt.bsky.social/post/3mtnpw3ow5v2b", "3mtnpw3ow5v2b"],
  ["https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3mtnsrbwpfvdg/", "3mtnsrbwpfvdg"],
  ["https://bsky.app/profile/acme.fr/post/3MTNPW3OW5V2B", null],
  ["https://bsky.app/profile/acme.fr/post/kmtnpw3ow5v2b", null],
  ["https://bsky.app/profile/acme.fr", null],
])("isPost(%s) → %s", (url, rkey) => {
  expect(isPost(url)).toBe(rkey);
});

test("the adapter's match pattern covers bsky.app only", () => {
  expect(blueskySite.matches).toEqual(["https://bsky.app/*"]);
  expect(adapterForUrl("https://bsky.app/settings")).toBeNull();
});

test("the feed sites' hosts are never taken for Mastodon instances", async () => {
  const { normaliseInstance } = await import("../../../../lib/content/registration");
  for (const host of ["bsky.app", "www.threads.com", "threads.net", "www.linkedin.com", "www.facebook.com"]) {
    expect(normaliseInstance(host), host).toBeNull();
  }
  expect(normaliseInstance("piaille.fr")).toBe("piaille.fr");
});
