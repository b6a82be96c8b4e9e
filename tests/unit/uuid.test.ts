import { expect, test } from "vitest";
import { UUID_V7, uuidv7, uuidv7Time } from "@/lib/uuid";

test.each([0, 1, 1_700_000_000_000, Date.parse("2026-11-22T16:00:00Z"), 2 ** 48 - 1])(
  "uuidv7 at %d is well-formed and carries its time",
  (ms) => {
    const id = uuidv7(ms);
    expect(id).toMatch(UUID_V7);
    expect(uuidv7Time(id)).toBe(ms);
  },
);

test("ids sort by time and do not collide", () => {
  const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 10)));
  expect(new Set(ids).size).toBe(ids.length);
  const times = ids.map(uuidv7Time);
  expect([...times].sort((a, b) => a - b)).toEqual(times);
});
