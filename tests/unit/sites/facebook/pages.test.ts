import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { FACEBOOK_PAGES, facebookSite, isPost } from "../../../../lib/sites/facebook";

const detectors = Object.entries(FACEBOOK_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Facebook pages the extension leaves alone (messages, marketplace, settings…), and other sites. */
const UNSUPPORTED = [
  "https://www.facebook.com/messages/t/100012345678901",
  "https://www.facebook.com/marketplace/",
  "https://www.facebook.com/settings",
  "https://www.facebook.com/notifications",
  "https://www.facebook.com/watch/",
  "https://www.facebook.com/groups/feed/",
  "https://www.facebook.com/AcmeFrance/photos",
  "https://www.facebook.com/AcmeFrance/posts/not-an-id",
  "https://www.facebook.com/profile.php?id=abc",
  "https://www.facebook.com/search/people/?q=acme",
  "https://m.facebook.com/AcmeFrance",
  "https://facebook.example/AcmeFrance",
  "ftp://www.facebook.com/",
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
    expect(facebookSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(facebookSite.pageKind(url)).toBe(name);
      expect(adapterForUrl(url)?.id).toBe("facebook");
    },
  );
});

test.each([
  ["https://www.facebook.com/AcmeFrance/posts/1234567890123456", "1234567890123456"],
  [
    "https://www.facebook.com/permalink.php?story_fbid=pfbid0aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789&id=100064567890123",
    "pfbid0aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789",
  ],
  ["https://www.facebook.com/groups/clients.acme/permalink/987654321098765/", "987654321098765"],
  ["https://www.facebook.com/reel/4455667788990011", "4455667788990011"],
  ["https://www.facebook.com/watch/?v=2233445566778899", "2233445566778899"],
  ["https://www.facebook.com/photo.php?fbid=javascript", null],
  ["https://www.facebook.com/groups/posts/123/", null],
])("isPost(%s) → %s", (url, id) => {
  expect(isPost(url)).toBe(id);
});
