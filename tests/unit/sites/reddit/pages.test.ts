import { describe, expect, test } from "vitest";
import { isComments, postIdFromPath, REDDIT_PAGES, redditSite } from "../../../../lib/sites/reddit";

const detectors = Object.entries(REDDIT_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Pages the extension must leave alone, on Reddit and elsewhere. */
const UNSUPPORTED = [
  "https://www.reddit.com/settings/account",
  "https://www.reddit.com/message/inbox/",
  "https://old.reddit.com/prefs/",
  "https://www.reddit.com/r/AcmeSupport/about/rules/",
  "https://www.reddit.com/r/AcmeSupport/wiki/index",
  "https://www.reddit.com/r/AcmeSupport/submit",
  "https://www.reddit.com/user/sam_k/saved/",
  "https://example.com/r/AcmeSupport/",
  "https://reddit.com.evil.example/r/AcmeSupport/",
  "https://notreddit.com/r/x/comments/abc/",
  "file:///tmp/reddit-thread.htm",
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
    expect(redditSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(redditSite.pageKind(url)).toBe(name);
      expect(redditSite.pageKind(new URL(url))).toBe(name);
      expect(redditSite.pageKind({ href: url })).toBe(name);
    },
  );
});

describe("isComments", () => {
  test.each([
    ["https://www.reddit.com/r/mildlyinfuriating/comments/1vrqi5a/how_cooked_the_uk_is_right_now/", "1vrqi5a"],
    ["https://old.reddit.com/r/nottheonion/comments/1vr826t/woman_dies/p4bfgg4/", "1vr826t"],
    ["https://www.reddit.com/comments/1vrqi5a", "1vrqi5a"],
    ["https://www.reddit.com/user/sam_k/comments/1wabc12/x/", "1wabc12"],
    ["https://www.reddit.com/r/x/comments/", null],
    ["https://www.reddit.com/r/x/comments/NOT_AN_ID!/", null],
    ["https://www.reddit.com/a/b/c/comments/1vrqi5a/", null],
  ])("%s → %s", (url, id) => {
    expect(isComments(url)).toBe(id);
    expect(postIdFromPath(new URL(url))).toBe(id);
  });
});
