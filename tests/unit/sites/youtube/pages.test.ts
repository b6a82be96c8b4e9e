import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { isCommunityPost, isShorts, isWatch, YOUTUBE_PAGES, youtubeSite } from "../../../../lib/sites/youtube";

const detectors = Object.entries(YOUTUBE_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** Pages the extension must leave alone, on YouTube and elsewhere. */
const UNSUPPORTED = [
  "https://www.youtube.com/",
  "https://www.youtube.com/feed/subscriptions",
  "https://www.youtube.com/results?search_query=acme",
  "https://www.youtube.com/@AcmeFR",
  "https://www.youtube.com/@AcmeFR/videos",
  "https://www.youtube.com/@AcmeFR/community",
  "https://www.youtube.com/playlist?list=PL0123456789",
  "https://www.youtube.com/watch",
  "https://www.youtube.com/watch?v=short",
  "https://www.youtube.com/watch?v=AcmeVid0001/extra",
  "https://www.youtube.com/shorts/",
  "https://www.youtube.com/shorts/AcmeShort01/extra",
  "https://www.youtube.com/post/not-a-post-id",
  "https://studio.youtube.com/video/AcmeVid0001/comments",
  "https://m.youtube.com/watch?v=AcmeVid0001",
  "https://music.youtube.com/watch?v=AcmeVid0001",
  "https://youtu.be/AcmeVid0001",
  "https://www.youtube.com.evil.example/watch?v=AcmeVid0001",
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
    expect(youtubeSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(youtubeSite.pageKind(url)).toBe(name);
      expect(youtubeSite.pageKind(new URL(url))).toBe(name);
      expect(youtubeSite.pageKind({ href: url })).toBe(name);
      if (new URL(url).hostname === "www.youtube.com") expect(adapterForUrl(url)?.id).toBe("youtube");
    },
  );
});

describe("ids", () => {
  test.each([
    ["https://www.youtube.com/watch?v=AcmeVid0001&lc=UgzK3mTq8Vb2XcL9pRw4AaABAg", isWatch, "AcmeVid0001"],
    ["https://www.youtube.com/shorts/AcmeShort01", isShorts, "AcmeShort01"],
    [
      "https://www.youtube.com/@AcmeFR/community?lb=UgkxAcmePost0000000000000000000000000",
      isCommunityPost,
      "UgkxAcmePost0000000000000000000000000",
    ],
    ["https://www.youtube.com/shorts/AcmeShort01", isWatch, null],
  ] as const)("%s → %s", (url, detect, id) => {
    expect(detect(url)).toBe(id);
  });
});
