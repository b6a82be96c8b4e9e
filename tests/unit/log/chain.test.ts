import { describe, expect, test } from "vitest";
import {
  canonicalJson,
  chainPayload,
  HASHED_KEYS,
  hashEntry,
  sealAll,
  sealEntry,
  UNHASHED_FIELDS,
  verifyChain,
} from "@/lib/log/chain";
import { ReplyLogEntry } from "@/lib/schemas";
import { entry, MIN } from "./support";

/** One entry per agent named, five minutes apart, sealed in order. */
async function chain(agents: string[]): Promise<ReplyLogEntry[]> {
  return sealAll(agents.map((agent, i) => entry({ agent }, i * 5)));
}

describe("canonical form", () => {
  test.each([
    [{ b: 1, a: [2, { d: 1, c: null }] }, '{"a":[2,{"c":null,"d":1}],"b":1}'],
    [{ a: undefined, b: "é\n" }, '{"b":"é\\n"}'],
    [[undefined, 1], "[null,1]"],
    ["x", '"x"'],
  ])("%j → %s", (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  test("the outcome's fields and the hash itself are left out; the link is in", () => {
    const e = entry();
    const payload = chainPayload({ ...e, postedAt: 123, responseMs: 456, hash: "f".repeat(64), prevHash: null });
    expect(payload).not.toContain("postedAt");
    expect(payload).not.toContain("responseMs");
    expect(payload).not.toContain('"hash"');
    expect(payload).toContain('"prevHash":null');
    expect(payload).toBe(chainPayload(e));
  });
});

describe("sealing", () => {
  test("a sealed entry still parses, links to the previous hash, and posting it later keeps the hash valid", async () => {
    const first = await sealEntry(entry(), null);
    const second = await sealEntry(entry({}, 1), first.hash as string);
    expect(ReplyLogEntry.parse(second)).toEqual(second);
    expect(second.prevHash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const posted = { ...second, postedAt: second.insertedAt + MIN, responseMs: 11 * MIN };
    expect(await hashEntry(posted)).toBe(second.hash);
    expect((await verifyChain([first, posted])).ok).toBe(true);
  });

  test("the hash is SHA-256 of the canonical payload", async () => {
    const e = await sealEntry(entry(), null);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(chainPayload(e)));
    expect(Buffer.from(digest).toString("hex")).toBe(e.hash);
  });
});

describe("verification", () => {
  test("an intact log of several agents verifies, whatever the order it is read in", async () => {
    const log = await chain(["Julie", "Marc", "Julie", "Julie", "Marc"]);
    const report = await verifyChain([...log].reverse());
    expect(report).toMatchObject({ ok: true, checked: 5, agents: 2, unsealed: 0, issues: [], truncated: [] });
  });

  type Tamper = (log: ReplyLogEntry[]) => ReplyLogEntry[];
  const cases: Array<{ name: string; tamper: Tamper; expected: Array<{ kind: string; at: number }> }> = [
    {
      name: "an edited reply",
      tamper: (log) => log.map((e, i) => (i === 2 ? { ...e, finalText: "Vous auriez dû lire les conditions." } : e)),
      expected: [{ kind: "edited", at: 2 }],
    },
    {
      name: "an edited post time",
      tamper: (log) => log.map((e, i) => (i === 1 ? { ...e, publishedAt: (e.publishedAt as number) + 30 * MIN } : e)),
      expected: [{ kind: "edited", at: 1 }],
    },
    {
      name: "a deleted entry",
      tamper: (log) => log.filter((_, i) => i !== 2),
      expected: [{ kind: "missing", at: 3 }],
    },
    {
      name: "nothing changed",
      tamper: (log) => log,
      expected: [],
    },
    {
      name: "two entries swapped in time",
      tamper: (log) =>
        log.map((e, i) =>
          i === 1
            ? { ...e, insertedAt: (log[2] as ReplyLogEntry).insertedAt }
            : i === 2
              ? { ...e, insertedAt: (log[1] as ReplyLogEntry).insertedAt }
              : e,
        ),
      expected: [
        { kind: "edited", at: 1 },
        { kind: "edited", at: 2 },
        { kind: "reordered", at: 2 },
      ],
    },
    {
      name: "an entry moved back in time",
      tamper: (log) =>
        log.map((e, i) => (i === 3 ? { ...e, insertedAt: (log[0] as ReplyLogEntry).insertedAt + 1 } : e)),
      expected: [
        { kind: "edited", at: 3 },
        { kind: "reordered", at: 3 },
      ],
    },
    {
      name: "a copy of an entry under a new id",
      tamper: (log) => [...log, { ...(log[2] as ReplyLogEntry), id: "0190ffff-0000-7000-8000-0000000000ff" }],
      expected: [
        { kind: "edited", at: -1 },
        { kind: "restarted", at: -1 },
      ],
    },
    {
      name: "a forged entry starting a new chain in the middle",
      tamper: (log) => log.map((e, i) => (i === 3 ? { ...e, prevHash: null } : e)),
      expected: [
        { kind: "edited", at: 3 },
        { kind: "restarted", at: 3 },
      ],
    },
  ];

  test.each(cases)("$name: found where it is", async ({ tamper, expected }) => {
    const log = await chain(["Julie", "Julie", "Julie", "Julie", "Julie"]);
    const report = await verifyChain(tamper(log));
    expect(report.ok).toBe(expected.length === 0);
    const found = report.issues.map((i) => ({ kind: i.kind, at: log.findIndex((e) => e.id === i.id) }));
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found).toHaveLength(expected.length);
  });

  test("an edit whose hash was recomputed breaks the next entry's link", async () => {
    const log = await chain(["Julie", "Julie", "Julie"]);
    const forged = await sealEntry({ ...(log[1] as ReplyLogEntry), finalText: "Autre texte" }, log[0]?.hash ?? null);
    const report = await verifyChain([log[0] as ReplyLogEntry, forged, log[2] as ReplyLogEntry]);
    expect(report.issues).toEqual([{ kind: "missing", id: log[2]?.id, agent: "Julie" }]);
  });

  test("a log whose oldest entries were purged still verifies, and says its chain starts later", async () => {
    const log = await chain(["Julie", "Julie", "Marc", "Julie"]);
    const report = await verifyChain(log.slice(1));
    expect(report.ok).toBe(true);
    expect(report.truncated).toEqual(["Julie"]);
  });

  test("entries from before the chain are counted apart, not as problems", async () => {
    const sealed = await chain(["Julie"]);
    const report = await verifyChain([entry({}, -10), ...sealed]);
    expect(report).toMatchObject({ ok: true, checked: 1, unsealed: 1 });
  });

  test("entries inserted in the same millisecond follow their links", async () => {
    const a = await sealEntry(entry({ id: "0190ffff-0000-7000-8000-00000000000b" }, 0), null);
    const b = await sealEntry(entry({ id: "0190ffff-0000-7000-8000-00000000000a" }, 0), a.hash as string);
    expect((await verifyChain([b, a])).ok).toBe(true);
  });

  test("progress ends at the number of entries hashed", async () => {
    const log = await chain(Array.from({ length: 7 }, () => "Julie"));
    const seen: number[] = [];
    await verifyChain(log, { onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(7);
  });
});

describe("the fast canonical form", () => {
  /** Every key a zod/mini schema can hold, at any depth. */
  function schemaKeys(schema: unknown, out = new Set<string>()): Set<string> {
    const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === "object") {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(k);
        schemaKeys(v, out);
      }
    } else if (def.innerType) schemaKeys(def.innerType, out);
    else if (def.element) schemaKeys(def.element, out);
    return out;
  }

  test("lists every field of the schema but the three unhashed ones, sorted", () => {
    const keys = [...schemaKeys(ReplyLogEntry)].filter((k) => !UNHASHED_FIELDS.includes(k as "hash")).sort();
    expect([...new Set(HASHED_KEYS)]).toEqual(keys);
  });

  test.each([
    ["a plain entry", entry()],
    ["no suggestion, overrides", entry({ suggestion: null, lintOverride: ["blame", "personal-data"] })],
    [
      "a suggestion with prompts and a fallback",
      entry({
        suggestion: {
          id: "s",
          strategy: "ask-detail",
          lang: "en",
          text: "Hi {order}",
          length: 10,
          maxLength: 280,
          fallbackFrom: "de",
          prompts: [{ name: "order", marker: "[order]", label: "Order", example: "A123" }],
        },
      }),
    ],
    ["unicode and quotes", entry({ postText: 'Ça "marche" pas 🙃\n\t\\', publishedAt: null })],
  ])("gives what the generic canonical form gives: %s", async (_, e) => {
    const sealed = await sealEntry(e, "a".repeat(64));
    const { postedAt: _p, responseMs: _r, hash: _h, ...rest } = sealed;
    expect(chainPayload(sealed)).toBe(canonicalJson(rest));
  });
});

test("with a cache, a second verification hashes only the entries that changed, and still sees an edit", async () => {
  const log = await chain(["Julie", "Julie", "Marc", "Julie"]);
  const cache = new WeakMap<ReplyLogEntry, string>();
  const progress: number[] = [];
  expect((await verifyChain(log, { cache, onProgress: (_, total) => progress.push(total) })).ok).toBe(true);
  const edited = { ...(log[1] as ReplyLogEntry), finalText: "Autre" };
  const next = [log[0] as ReplyLogEntry, edited, log[2] as ReplyLogEntry, log[3] as ReplyLogEntry];
  const report = await verifyChain(next, { cache, onProgress: (_, total) => progress.push(total) });
  expect(progress).toEqual([4, 1]);
  expect(report.issues).toEqual([{ kind: "edited", id: edited.id, agent: "Julie" }]);
});

test("the bench's synchronous sealing (Node's SHA-256) gives the hashes sealAll gives", async () => {
  const { sealSync } = await import("../../../bench/log");
  const raw = ["Julie", "Marc", "Julie"].map((agent, i) => entry({ agent }, i));
  expect(sealSync(raw)).toEqual(await sealAll(raw));
});
