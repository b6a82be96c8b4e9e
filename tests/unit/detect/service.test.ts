/**
 * The detector as the background serves it (lib/detect/service.ts): verdicts in order, the brand's own posts never
 * complaints, the team's threshold, and the model loaded once per worker (or the lexicon baseline when it cannot be).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { detect } from "@/lib/detect";
import { judgePosts, modelLoader } from "@/lib/detect/service";
import { post } from "../support/factories";

const SETTINGS = { brandHandles: ["ColisExpress"], brandKeywords: [], complaintThreshold: 0.5 };
const ANGRY = "@ColisExpress toujours pas reçu mon colis, 3 semaines de retard. Inadmissible, je veux être remboursé.";
const BIN = join(import.meta.dirname, "../../../public/model/detect-v1.bin");

describe("judgePosts", () => {
  test.each([
    { name: "a customer's complaint", author: "claire_dlt", text: ANGRY, complaint: true },
    { name: "the same words from the brand's handle", author: "ColisExpress", text: ANGRY, complaint: false },
    { name: "the brand's handle with @ and another case", author: "@colisexpress", text: ANGRY, complaint: false },
    {
      name: "a thank-you",
      author: "claire_dlt",
      text: "Merci @ColisExpress, colis reçu ce matin 🙏",
      complaint: false,
    },
  ])("$name → complaint: $complaint", ({ author, text, complaint }) => {
    const [verdict] = judgePosts([post({ author, text })], SETTINGS, undefined);
    expect(verdict?.complaint).toBe(complaint);
  });

  test("one verdict per post, in order, the same as detect() with the settings", () => {
    const posts = [
      post({ id: "1", text: ANGRY }),
      post({ id: "2", text: "Belle journée" }),
      post({ id: "3", text: ANGRY }),
    ];
    const verdicts = judgePosts(posts, SETTINGS, undefined);
    expect(verdicts.map((v) => v.complaint)).toEqual([true, false, true]);
    expect(verdicts[1]).toEqual(
      detect("Belle journée", {
        langAttr: "fr",
        brandHandles: ["ColisExpress"],
        brandKeywords: [],
        metrics: posts[1]?.metrics,
        threshold: 0.5,
      }),
    );
  });

  test("the team's threshold decides: at 0.95 a mild grumble is no longer flagged", () => {
    const mild = post({ text: "@ColisExpress encore en retard ce colis" });
    const low = judgePosts([mild], { ...SETTINGS, complaintThreshold: 0.05 }, undefined)[0];
    const high = judgePosts([mild], { ...SETTINGS, complaintThreshold: 0.95 }, undefined)[0];
    expect(low?.complaint).toBe(true);
    expect(high?.complaint).toBe(false);
  });
});

describe("modelLoader", () => {
  test("fetches and decodes the model once, whatever the number of callers", async () => {
    const bytes = readFileSync(BIN);
    const fetcher = vi.fn(async () => new Response(bytes));
    const load = modelLoader("chrome-extension://id/model/detect-v1.bin", fetcher as unknown as typeof fetch);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBeDefined();
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(judgePosts([post({ text: ANGRY })], SETTINGS, a)[0]?.model).toMatch(/^linear-/);
  });

  test.each([
    { name: "a missing file", response: () => new Response("", { status: 404 }) },
    { name: "a damaged file", response: () => new Response(new Uint8Array([1, 2, 3, 4])) },
  ])("$name: no model, the lexicon baseline judges (said in the console)", async ({ response }) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const load = modelLoader("chrome-extension://id/model/detect-v1.bin", (async () => response()) as typeof fetch);
    expect(await load()).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(judgePosts([post({ text: ANGRY })], SETTINGS, undefined)[0]?.model).not.toMatch(/^linear-/);
    warn.mockRestore();
  });
});
