import { describe, expect, test } from "vitest";
import {
  instanceMatch,
  MASTODON_SCRIPT_FILE,
  MASTODON_SCRIPT_ID,
  normaliseInstance,
  type RegistrationApi,
  syncMastodonRegistration,
} from "../../../lib/content/registration";

describe("normaliseInstance", () => {
  test.each([
    ["mastodon.social", "mastodon.social"],
    ["  Piaille.FR ", "piaille.fr"],
    ["https://mastodon.social/home", "mastodon.social"],
    ["https://mastodon.social/@claire/113000000000000001", "mastodon.social"],
    ["@claire@piaille.fr", "piaille.fr"],
    ["claire@piaille.fr", "piaille.fr"],
    ["social.example.co.uk.", "social.example.co.uk"],
    ["http://mastodon.social", null],
    ["https://user:pass@mastodon.social", null],
    ["https://mastodon.social:8443", null],
    ["localhost", null],
    ["127.0.0.1", null],
    ["https://[::1]/", null],
    ["x.com", null],
    ["www.reddit.com", null],
    ["javascript:alert(1)", null],
    ["not a host", null],
    ["", null],
  ])("%j → %j", (input, want) => {
    expect(normaliseInstance(input)).toBe(want);
  });

  test("the match pattern is the instance's https origin only", () => {
    expect(instanceMatch("piaille.fr")).toBe("https://piaille.fr/*");
  });
});

/** A fake of the scripting and permissions APIs, recording what was registered. */
function fakeApi(granted: string[]) {
  let registered: { id: string; matches: string[]; js?: string[] } | null = null;
  const calls: string[] = [];
  const api: RegistrationApi = {
    permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) => (registered && ids.includes(registered.id) ? [registered] : []),
      registerContentScripts: async ([script]) => {
        calls.push("register");
        if (registered) throw new Error("Duplicate script ID");
        registered = script as unknown as typeof registered;
      },
      updateContentScripts: async ([script]) => {
        calls.push("update");
        if (!registered) throw new Error("no such script");
        registered = { ...registered, matches: (script as { matches: string[] }).matches };
      },
      unregisterContentScripts: async () => {
        calls.push("unregister");
        registered = null;
      },
    },
  };
  return { api, calls, registered: () => registered, grant: (o: string) => granted.push(o), granted };
}

describe("syncMastodonRegistration", () => {
  test("registers the script for the listed instances that are granted, and nothing else", async () => {
    const fake = fakeApi(["https://piaille.fr/*", "https://mastodon.social/*"]);
    const matches = await syncMastodonRegistration(["piaille.fr", "mastodon.social", "not-granted.example"], fake.api);
    expect(matches).toEqual(["https://piaille.fr/*", "https://mastodon.social/*"]);
    expect(fake.registered()).toEqual({
      id: MASTODON_SCRIPT_ID,
      js: [MASTODON_SCRIPT_FILE],
      matches: ["https://piaille.fr/*", "https://mastodon.social/*"],
      runAt: "document_idle",
      persistAcrossSessions: true,
    });
  });

  test("updates on change, does nothing when nothing changed, unregisters when none is left", async () => {
    const fake = fakeApi(["https://piaille.fr/*"]);
    await syncMastodonRegistration(["piaille.fr"], fake.api);
    await syncMastodonRegistration(["piaille.fr"], fake.api);
    fake.grant("https://mastodon.social/*");
    await syncMastodonRegistration(["piaille.fr", "mastodon.social"], fake.api);
    expect(fake.registered()?.matches).toEqual(["https://piaille.fr/*", "https://mastodon.social/*"]);
    // The agent revoked both in the browser's settings.
    fake.granted.length = 0;
    expect(await syncMastodonRegistration(["piaille.fr", "mastodon.social"], fake.api)).toEqual([]);
    expect(fake.registered()).toBeNull();
    expect(fake.calls).toEqual(["register", "update", "unregister"]);
  });

  test("invalid and duplicate entries are ignored; never a pattern wider than one instance", async () => {
    const fake = fakeApi(["https://piaille.fr/*", "https://*/*"]);
    const matches = await syncMastodonRegistration(["piaille.fr", "PIAILLE.fr", "*", "https://*/*", "x.com"], fake.api);
    expect(matches).toEqual(["https://piaille.fr/*"]);
  });
});
