/** The log page's live view: which keys a Dexie mutation names, and how they change the array in memory. */
import { RangeSet } from "dexie";
import { describe, expect, test } from "vitest";
import { applyChanged, treeKeys } from "@/components/log/use-log-entries";
import { entry } from "./support";

describe("keys of a mutation", () => {
  test("single keys come back", () => {
    expect(treeKeys(new RangeSet().addKeys(["b", "a", "c"]))?.sort()).toEqual(["a", "b", "c"]);
  });
  test("an empty set names nothing", () => {
    expect(treeKeys(new RangeSet())).toEqual([]);
  });
  test("a range (a bulk write or a clear) means: read everything again", () => {
    expect(treeKeys(new RangeSet("a", "z"))).toBeNull();
    expect(treeKeys(new RangeSet().addKeys(["a"]).add({ from: "m", to: "p" }))).toBeNull();
  });
  test("too many keys: read everything again", () => {
    expect(treeKeys(new RangeSet().addKeys(["a", "b", "c"]), 2)).toBeNull();
  });
  test("a plain tree, as it arrives from another context (structured clone drops the class)", () => {
    const cloned = structuredClone({ ...new RangeSet().addKeys(["k1", "k2"]) });
    expect(treeKeys(cloned)?.sort()).toEqual(["k1", "k2"]);
  });
});

describe("applying changed entries", () => {
  const [a, b, c] = [entry({}, 0), entry({}, 1), entry({}, 2)];
  test.each([
    ["an outcome replaces the entry in place", [b.id], [{ ...b, postedAt: 5 }], [a.id, b.id, c.id], 5],
    ["a new entry goes at the end", ["new"], [{ ...c, id: "new" }], [a.id, b.id, c.id, "new"], null],
    ["a deleted entry goes", [a.id], [undefined], [b.id, c.id], null],
    ["an unknown key that is not there changes nothing", ["nope"], [undefined], [a.id, b.id, c.id], null],
  ])("%s", (_, keys, rows, ids, postedAt) => {
    const all = [a, b, c];
    const next = applyChanged(all, keys, rows);
    expect(next.map((e) => e.id)).toEqual(ids);
    expect(all.map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    if (postedAt !== null) expect(next[1]?.postedAt).toBe(postedAt);
    // Unchanged entries stay the same objects (the chain's cache relies on it).
    expect(next.includes(c) || !ids.includes(c.id)).toBe(true);
  });
});
