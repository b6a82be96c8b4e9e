import { expect, test } from "vitest";
// Only the rules, as a content script imports them: the words are not installed until fetched.
import { detect } from "@/lib/detect/detect";

test("without its lexicon the detector says so, instead of judging with no words", () => {
  expect(() => detect("colis jamais livré")).toThrow(/lexicon is not installed/);
});
