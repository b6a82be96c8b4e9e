import { describe, expect, test } from "vitest";
import { adapterForUrl } from "../../../../lib/sites";
import { isPost, LINKEDIN_PAGES, linkedinSite } from "../../../../lib/sites/linkedin";

const detectors = Object.entries(LINKEDIN_PAGES);
const hit = (value: unknown): boolean => value !== false && value !== null;

/** LinkedIn pages the extension leaves alone (messaging, jobs, a profile's summary…), and other sites. */
const UNSUPPORTED = [
  "https://www.linkedin.com/messaging/thread/2-abc/",
  "https://www.linkedin.com/jobs/view/123456/",
  "https://www.linkedin.com/in/claire-dumont-4a1b2c/",
  "https://www.linkedin.com/mynetwork/",
  "https://www.linkedin.com/notifications/",
  "https://www.linkedin.com/company/acme-france/jobs/",
  "https://www.linkedin.com/feed/update/urn:li:aggregate:123/",
  "https://www.linkedin.com/feed/update/urn:li:activity:abc/",
  "https://www.linkedin.com/posts/claire-dumont_no-id-here/",
  "https://www.linkedin.com/search/results/people/?keywords=acme",
  "https://fr.linkedin.com/company/acme-france/",
  "https://linkedin.example/feed/",
  "ftp://www.linkedin.com/feed/",
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
    expect(linkedinSite.pageKind(url)).toBeNull();
  });

  test.each(detectors.flatMap(([name, detect]) => detect.examples.map((url) => [url, name] as const)))(
    "%s is a supported page (%s)",
    (url, name) => {
      expect(linkedinSite.pageKind(url)).toBe(name);
      expect(adapterForUrl(url)?.id).toBe("linkedin");
    },
  );
});

test.each([
  ["https://www.linkedin.com/feed/update/urn:li:activity:7496598238004434567/", "activity:7496598238004434567"],
  ["https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7496617615690025678/", "ugcPost:7496617615690025678"],
  [
    "https://www.linkedin.com/posts/claire-dumont-4a1b2c_colis-livraison-activity-7496598238004434567-Xy9Z/",
    "activity:7496598238004434567",
  ],
  ["https://www.linkedin.com/feed/update/urn:li:activity:7496598238004434567/extra/", null],
])("isPost(%s) → %s", (url, id) => {
  expect(isPost(url)).toBe(id);
});
