import { expect, test } from "vitest";
import { highlight } from "@/lib/highlight";

test.each([
  { text: "Colis toujours pas reçu !", reasons: ["toujours pas reçu"], marked: ["toujours pas reçu"] },
  { text: "Colis TOUJOURS PAS REÇU", reasons: ["toujours pas recu"], marked: ["TOUJOURS PAS REÇU"] },
  { text: "late late late", reasons: ["late"], marked: ["late", "late", "late"] },
  { text: "refund refunded", reasons: ["refund", "refunded"], marked: ["refund", "refunded"] },
  { text: "nothing here", reasons: ["scam"], marked: [] },
  { text: "", reasons: ["x"], marked: [] },
  { text: "<img src=x onerror=alert(1)> scam", reasons: ["scam"], marked: ["scam"] },
  { text: "a", reasons: ["a"], marked: [] },
])("highlights $reasons in $text", ({ text, reasons, marked }) => {
  const segs = highlight(text, reasons);
  expect(segs.map((s) => s.text).join("")).toBe(text);
  expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(marked);
});
