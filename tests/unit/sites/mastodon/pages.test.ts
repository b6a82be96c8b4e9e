import { describe, expect, test } from "vitest";
import { isStatus, MASTODON_PAGES, mastodonSite } from "../../../../lib/sites/mastodon";

const detectors = Object.entries(MASTODON_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Mastodon pages the extension leaves alone (settings, admin, the public profile's about page…). */
const UNSUPPORTED = [
  "https://mastodon.social/settings/profile",
  "https://mastodon.social/admin/dashboard",
  "https://mastodon.social/@claire/113000000000000001/reblogs",
  "https://mastodon.social/@claire/following",
  "https://mastodon.social/about",
  "https://mastodon.social/publish",
  "https://mastodon.social/",
  "https://mastodon.social/public/local/extra",
  "ftp://mastodon.social/home",
  "file:///tmp/home.html",
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
    expect(mastodonSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(mastodonSite.pageKind(url)).toBe(name);
    },
  );
});

test.each([
  ["https://mastodon.example/@alice/12345678", "12345678"],
  ["https://piaille.fr/deck/@claire@mastodon.social/113000000000000001", "113000000000000001"],
  ["https://mastodon.social/@alice", null],
  ["https://mastodon.social/@alice/abc", null],
  ["https://mastodon.social/users/alice/statuses/123", null],
])("isStatus(%s) → %s", (url, id) => {
  expect(isStatus(url)).toBe(id);
});
