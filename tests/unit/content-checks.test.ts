/**
 * The content script's checks without Zod (lib/post-check.ts, lib/content-messages.ts, lib/page-settings.ts) side
 * by side with the Zod schemas they follow, on tables of valid and broken values: for every row, the check returns
 * exactly what the schema's parse returns (null where it fails). The few rows where the check is stricter are
 * listed apart: those the check refuses and Zod would accept after normalising.
 */
import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { readClassifyResult, readToContent } from "@/lib/content-messages";
import { ClassifyResult, ToContent } from "@/lib/messages";
import { checkPageSettings } from "@/lib/page-settings";
import { checkDetection, checkPost } from "@/lib/post-check";
import { Detection, PageSettings, PostSnapshot } from "@/lib/schemas";

type Row = [label: string, value: unknown];

/** `base` with `path` (dotted) set to `value`; `undefined` deletes the field. */
function withField(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

function zodSays<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Each row: the check returns what Zod returns. At least one row of each kind (accepted, refused) is asserted. */
function agreeOn<T>(schema: z.ZodMiniType<T>, check: (raw: unknown) => T | null, rows: Row[]) {
  it.each(rows)("%s", (_label, value) => {
    expect(check(value)).toEqual(zodSays(schema, value));
  });
  it("the table holds values both accept and values both refuse", () => {
    const verdicts = rows.map(([, value]) => check(value) !== null);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
}

const post = {
  site: "reddit",
  id: "t1_abc",
  url: "https://www.reddit.com/r/acme/comments/1/x/abc/",
  author: "camille",
  name: "Camille",
  text: "Mon colis n'est jamais arrivé 😡\nDeux semaines !",
  langAttr: "fr",
  postedAt: "2026-11-20T09:15:00.000Z",
  promoted: false,
  metrics: { replies: 3, reposts: null, likes: 0, views: null },
  quoted: null,
};
const quoted = { id: "9", author: "acme", name: "Acme", text: "Nouveau !", url: "https://x.com/acme/status/9" };

describe("checkPost follows PostSnapshot", () => {
  agreeOn(PostSnapshot, checkPost, [
    ["a valid post", post],
    ["with a quoted post", withField(post, "quoted", quoted)],
    ["quoted, nulls", withField(post, "quoted", { ...quoted, id: null, author: null, name: null, url: null })],
    ["an extra field is left out", withField(post, "extra", "<b>x</b>")],
    ["every site id", withField(post, "site", "bluesky")],
    ["unknown site", withField(post, "site", "myspace")],
    ["empty id", withField(post, "id", "")],
    ["id of 64", withField(post, "id", "a".repeat(64))],
    ["id of 65", withField(post, "id", "a".repeat(65))],
    ["id not a string", withField(post, "id", 12)],
    ["no author", withField(post, "author", undefined)],
    ["empty author", withField(post, "author", "")],
    ["author of 101", withField(post, "author", "a".repeat(101))],
    ["name of 200", withField(post, "name", "n".repeat(200))],
    ["name of 201", withField(post, "name", "n".repeat(201))],
    ["text of 40,000", withField(post, "text", "t".repeat(40_000))],
    ["text of 40,001", withField(post, "text", "t".repeat(40_001))],
    ["empty text", withField(post, "text", "")],
    ["langAttr null", withField(post, "langAttr", null)],
    ["langAttr of 21", withField(post, "langAttr", "x".repeat(21))],
    ["http link", withField(post, "url", "http://old.reddit.com/r/a/comments/1/")],
    ["javascript: link", withField(post, "url", "javascript:alert(1)")],
    ["data: link", withField(post, "url", "data:text/html,<script>alert(1)</script>")],
    ["relative link", withField(post, "url", "/r/acme/comments/1/")],
    ["http without //", withField(post, "url", "https:example.com")],
    ["link of 2,001", withField(post, "url", `https://a.com/${"p".repeat(1_987)}`)],
    ["link not a string", withField(post, "url", null)],
    ["postedAt null", withField(post, "postedAt", null)],
    ["postedAt not a date", withField(post, "postedAt", "yesterday")],
    ["postedAt 30 February", withField(post, "postedAt", "2026-02-30T09:15:00.000Z")],
    ["postedAt a number", withField(post, "postedAt", 1_763_630_100_000)],
    ["promoted missing", withField(post, "promoted", undefined)],
    ["promoted a string", withField(post, "promoted", "false")],
    ["a negative count", withField(post, "metrics.likes", -1)],
    ["a fractional count", withField(post, "metrics.likes", 1.5)],
    ["a NaN count", withField(post, "metrics.views", Number.NaN)],
    ["an infinite count", withField(post, "metrics.views", Number.POSITIVE_INFINITY)],
    ["a count as text", withField(post, "metrics.replies", "3")],
    ["metrics missing", withField(post, "metrics", undefined)],
    ["a metric missing", withField(post, "metrics.reposts", undefined)],
    ["quoted text of 40,001", withField(post, "quoted", { ...quoted, text: "q".repeat(40_001) })],
    ["quoted javascript: link", withField(post, "quoted", { ...quoted, url: "javascript:void 0" })],
    ["quoted not an object", withField(post, "quoted", "yes")],
    ["not an object", "post"],
    ["null", null],
    ["an array", [post]],
  ]);

  it.each<Row>([
    ["a link with spaces around it", withField(post, "url", " https://x.com/a/status/1 ")],
    ["a link with a newline", withField(post, "url", "https://x.com/a/\nstatus/1")],
    ["a time with an offset", withField(post, "postedAt", "2026-11-20T10:15:00+01:00")],
    ["a time without milliseconds", withField(post, "postedAt", "2026-11-20T09:15:00Z")],
  ])("stricter than Zod: %s is refused (Zod would accept it)", (_label, value) => {
    expect(zodSays(PostSnapshot, value)).not.toBeNull();
    expect(checkPost(value)).toBeNull();
  });
});

const detection = {
  complaint: true,
  score: 0.91,
  severity: 2,
  category: "delivery",
  lang: "fr",
  reasons: ["jamais arrivé", "😡"],
  model: "nb-v3",
  risk: 0.6,
  brandDirected: true,
};

describe("checkDetection follows Detection", () => {
  agreeOn(Detection, checkDetection, [
    ["a valid verdict", detection],
    ["not a complaint, score 0", { ...detection, complaint: false, score: 0, severity: 0, reasons: [] }],
    ["score 1, risk 1", { ...detection, score: 1, risk: 1 }],
    ["score above 1", { ...detection, score: 1.01 }],
    ["score below 0", { ...detection, score: -0.1 }],
    ["score NaN", { ...detection, score: Number.NaN }],
    ["risk as text", { ...detection, risk: "0.5" }],
    ["severity 3", { ...detection, severity: 3 }],
    ["severity 4", { ...detection, severity: 4 }],
    ["severity 1.5", { ...detection, severity: 1.5 }],
    ["unknown category", { ...detection, category: "weather" }],
    ["lang und", { ...detection, lang: "und" }],
    ["unknown lang", { ...detection, lang: "nl" }],
    ["50 reasons", { ...detection, reasons: Array(50).fill("r") }],
    ["51 reasons", { ...detection, reasons: Array(51).fill("r") }],
    ["a reason of 201", { ...detection, reasons: ["r".repeat(201)] }],
    ["a reason not a string", { ...detection, reasons: [1] }],
    ["model of 51", { ...detection, model: "m".repeat(51) }],
    ["brandDirected missing", withField(detection, "brandDirected", undefined)],
    ["complaint as a number", { ...detection, complaint: 1 }],
    ["an extra field is left out", { ...detection, html: "<img onerror=alert(1)>" }],
    ["not an object", 42],
  ]);
});

const settings = {
  brandHandles: ["acme", "acme_help"],
  brandKeywords: ["Acme"],
  uiLanguage: "fr",
  complaintThreshold: 0.5,
  disabledSites: ["tiktok"],
};

describe("checkPageSettings follows PageSettings", () => {
  agreeOn(PageSettings, checkPageSettings, [
    ["valid settings", settings],
    ["the defaults", { ...settings, brandHandles: [], brandKeywords: [], uiLanguage: "auto", disabledSites: [] }],
    ["the full settings' other fields are left out", { ...settings, teamEndpoint: "https://team.example" }],
    ["an empty handle", { ...settings, brandHandles: [""] }],
    ["51 handles", { ...settings, brandHandles: Array.from({ length: 51 }, (_, i) => `h${i}`) }],
    ["100 keywords", { ...settings, brandKeywords: Array.from({ length: 100 }, (_, i) => `k${i}`) }],
    ["101 keywords", { ...settings, brandKeywords: Array.from({ length: 101 }, (_, i) => `k${i}`) }],
    ["a keyword of 101", { ...settings, brandKeywords: ["k".repeat(101)] }],
    ["unknown language", { ...settings, uiLanguage: "de" }],
    ["threshold 0.05", { ...settings, complaintThreshold: 0.05 }],
    ["threshold 0.95", { ...settings, complaintThreshold: 0.95 }],
    ["threshold 0.01", { ...settings, complaintThreshold: 0.01 }],
    ["threshold as text", { ...settings, complaintThreshold: "0.5" }],
    ["unknown site turned off", { ...settings, disabledSites: ["myspace"] }],
    ["every site turned off", { ...settings, disabledSites: ["x", "reddit", "mastodon", "bluesky", "instagram"] }],
    ["a field missing", withField(settings, "uiLanguage", undefined)],
    ["handles not a list", { ...settings, brandHandles: "acme" }],
    ["not an object", "settings"],
  ]);
});

describe("readToContent follows ToContent", () => {
  const insert = { type: "composer/insert", postId: "t1_abc", text: "Bonjour Camille,\nDésolés 🙏", logId: "l-1" };
  const claims = { type: "claims/update", claims: [{ postId: "t1_abc", agent: "Lea", state: "answering" }] };
  agreeOn(ToContent, readToContent, [
    ["insert", insert],
    ["insert, text of 5,000", { ...insert, text: "x".repeat(5_000) }],
    ["insert, text of 5,001", { ...insert, text: "x".repeat(5_001) }],
    ["insert, empty text", { ...insert, text: "" }],
    ["insert, no logId", withField(insert, "logId", undefined)],
    ["insert, postId of 65", { ...insert, postId: "p".repeat(65) }],
    ["reveal", { type: "post/reveal", postId: "t1_abc" }],
    ["reveal, empty postId", { type: "post/reveal", postId: "" }],
    ["mark-missed", { type: "post/mark-missed" }],
    ["mark-missed, extra field left out", { type: "post/mark-missed", postId: "1" }],
    ["claims", claims],
    ["claims, none", { type: "claims/update", claims: [] }],
    ["claims, 1,001", { type: "claims/update", claims: Array(1_001).fill(claims.claims[0]) }],
    ["claims, unknown state", { type: "claims/update", claims: [{ ...claims.claims[0], state: "done" }] }],
    ["claims, agent of 101", { type: "claims/update", claims: [{ ...claims.claims[0], agent: "a".repeat(101) }] }],
    ["claims, not a list", { type: "claims/update", claims: "all" }],
    ["unknown type", { type: "composer/submit", postId: "1" }],
    ["no type", { postId: "1" }],
    ["not an object", "composer/insert"],
    ["null", null],
  ]);
});

describe("readClassifyResult follows ClassifyResult", () => {
  agreeOn(ClassifyResult, readClassifyResult, [
    ["verdicts", { ok: true, detections: [detection, { ...detection, complaint: false }] }],
    ["no verdicts", { ok: true, detections: [] }],
    ["200 verdicts", { ok: true, detections: Array(200).fill(detection) }],
    ["201 verdicts", { ok: true, detections: Array(201).fill(detection) }],
    ["one verdict broken", { ok: true, detections: [detection, { ...detection, score: 2 }] }],
    ["a refusal", { ok: false, error: "the model failed to load" }],
    ["a refusal without its reason", { ok: false }],
    ["ok missing", { detections: [detection] }],
    ["detections not a list", { ok: true, detections: detection }],
    ["an HTML page", "<html><body>502</body></html>"],
    ["undefined (no listener answered)", undefined],
  ]);
});
