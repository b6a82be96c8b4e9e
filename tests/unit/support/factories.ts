/** Hand-written domain values for tests: invented posts to invented brands. */
import type { Category, ComplaintRecord, Detection, Lang, PostSnapshot, Severity } from "@/lib/schemas";

export function post(overrides: Partial<PostSnapshot> = {}): PostSnapshot {
  return {
    site: "x",
    id: "1860000000000000001",
    url: "https://x.com/claire_dlt/status/1860000000000000001",
    author: "claire_dlt",
    name: "Claire D.",
    text: "@ColisExpress toujours pas reçu mon colis, 3 semaines de retard. Inadmissible.",
    langAttr: "fr",
    postedAt: "2026-11-22T10:00:00.000Z",
    promoted: false,
    metrics: { replies: 2, reposts: 1, likes: 14, views: 900 },
    quoted: null,
    ...overrides,
  };
}

export function detection(overrides: Partial<Detection> = {}): Detection {
  return {
    complaint: true,
    score: 0.9,
    severity: 1,
    category: "delivery",
    lang: "fr",
    reasons: ["toujours pas reçu", "retard"],
    model: "test",
    risk: 0.4,
    brandDirected: true,
    ...overrides,
  };
}

export function complaint(overrides: Partial<ComplaintRecord> = {}): ComplaintRecord {
  const p = overrides.post ?? post();
  return {
    key: `x:${p.id}`,
    site: "x",
    post: p,
    detection: detection(),
    detectedAt: Date.parse("2026-11-22T10:05:00.000Z"),
    lastSeenAt: Date.parse("2026-11-22T10:05:00.000Z"),
    tabId: 7,
    status: "new",
    ...overrides,
  };
}

/** A detection of the given kind, as the reply engine and the linter receive it. */
export function detectionOf(lang: Lang, category: Category, severity: Severity, brandDirected = false): Detection {
  return {
    complaint: severity > 0,
    score: severity > 0 ? 0.9 : 0.1,
    severity,
    category,
    lang,
    reasons: [],
    model: "test",
    risk: severity > 0 ? 0.5 : 0.05,
    brandDirected,
  };
}
