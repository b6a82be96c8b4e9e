import { describe, expect, test } from "vitest";
import { SITE_IDS, SITE_NAMES } from "../../../lib/constants";
import { adapterFor, adapterForUrl, SITE_ADAPTERS } from "../../../lib/sites";
import { SITE_LIMITS } from "../../../lib/sites/limits";
import { REDDIT_MATCHES, SITE_MATCHES, X_MATCHES } from "../../../lib/sites/matches";

const hit = (value: unknown): boolean => value !== false && value !== null;

describe("the registry", () => {
  test("one adapter per site id, in SITE_IDS order, each with its length rule", () => {
    expect(SITE_ADAPTERS.map((a) => a.id)).toEqual([...SITE_IDS]);
    for (const id of SITE_IDS) {
      expect(adapterFor(id).id).toBe(id);
      expect(SITE_LIMITS[id].site).toBe(id);
    }
  });

  test.each(SITE_ADAPTERS.map((a) => [a.id, a] as const))("%s: a complete adapter", (_id, adapter) => {
    expect(adapter.name).toBe(SITE_NAMES[adapter.id]);
    expect(() => new URL(adapter.defaultBase)).not.toThrow();
    expect(Object.keys(adapter.pages).length).toBeGreaterThan(1);
    expect(adapter.health.postLike.length).toBeGreaterThan(0);
    // Conversation pages ("already answered" by a brand reply) are some of the adapter's own page detectors.
    expect(adapter.conversationPages.length).toBeGreaterThan(0);
    for (const kind of adapter.conversationPages) expect(Object.keys(adapter.pages)).toContain(kind);
    for (const kind of adapter.conversationPages) {
      const example = (adapter.pages[kind] as { examples: readonly string[] }).examples[0];
      expect(example && adapter.pageKind(example)).toBe(kind);
    }
    for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    for (const fn of ["pageKind", "findPosts", "postIdOf", "extractPost", "findReplyComposer", "openReplyComposer"]) {
      expect(typeof (adapter as unknown as Record<string, unknown>)[fn]).toBe("function");
    }
  });

  test("host permissions: the fixed-host sites' patterns, never <all_urls>; Mastodon is granted at run time", () => {
    expect(SITE_MATCHES).toEqual(expect.arrayContaining([...X_MATCHES, ...REDDIT_MATCHES]));
    expect(
      SITE_MATCHES.some((m) => m.includes("<all_urls>") || m.includes("*://*/") || m.startsWith("https://*/")),
    ).toBe(false);
    for (const adapter of SITE_ADAPTERS) for (const m of adapter.matches) expect(SITE_MATCHES).toContain(m);
    expect(adapterFor("mastodon").matches).toEqual([]);
  });
});

describe("adapterForUrl", () => {
  test.each([
    ["https://x.com/home", "x"],
    ["https://twitter.com/jack/status/20", "x"],
    ["https://www.reddit.com/r/AcmeSupport/comments/1wabc12/colis/", "reddit"],
    ["https://old.reddit.com/r/AcmeSupport/", "reddit"],
    ["https://x.com/settings/account", null],
    ["https://www.reddit.com/settings/", null],
    ["https://piaille.fr/home", null],
    ["https://example.com/home", null],
    ["not a url", null],
  ])("%s → %s", (url, id) => {
    expect(adapterForUrl(url)?.id ?? null).toBe(id);
  });

  test("a Mastodon instance only once granted, and never a fixed-host site's host", () => {
    const granted = ["piaille.fr", "mastodon.social"];
    expect(adapterForUrl("https://piaille.fr/home", granted)?.id).toBe("mastodon");
    expect(adapterForUrl("https://mastodon.social/@claire/113000000000000001", granted)?.id).toBe("mastodon");
    expect(adapterForUrl("https://piaille.fr/settings/profile", granted)).toBeNull();
    expect(adapterForUrl("https://x.com/home", ["x.com"])?.id).toBe("x");
    expect(adapterForUrl("https://www.reddit.com/r/AcmeSupport/", ["www.reddit.com"])?.id).toBe("reddit");
  });
});

describe("detectors across sites", () => {
  const fixed = SITE_ADAPTERS.filter((a) => a.matches.length > 0);
  const cases = SITE_ADAPTERS.flatMap((owner) =>
    Object.values(owner.pages).flatMap((detect) =>
      detect.examples.flatMap((url) =>
        fixed.filter((other) => other.id !== owner.id).map((other) => [owner.id, url, other.id, other] as const),
      ),
    ),
  );
  test.each(cases)("%s's example %s is no %s page", (_owner, url, _other, other) => {
    for (const detect of Object.values(other.pages)) expect(hit(detect(url))).toBe(false);
    expect(other.pageKind(url)).toBeNull();
  });
});
