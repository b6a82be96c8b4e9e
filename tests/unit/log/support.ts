/** Hand-written log entries for the log cores' tests: invented posts to invented brands. */
import type { ReplyLogEntry } from "@/lib/schemas";
import { detection } from "../support/factories";

export const T0 = Date.parse("2026-11-20T09:00:00.000Z");
export const MIN = 60_000;

let n = 0;
/** An entry inserted at T0 + `minutes`; ids are unique and sort by creation order. */
export function entry(overrides: Partial<ReplyLogEntry> = {}, minutes = 0): ReplyLogEntry {
  n++;
  const insertedAt = T0 + minutes * MIN;
  const id = `0190${String(n).padStart(4, "0")}-0000-7000-8000-${String(n).padStart(12, "0")}`;
  return {
    id,
    site: "x",
    postId: String(1_860_000_000_000_000_000n + BigInt(n)),
    postUrl: `https://x.com/claire_dlt/status/${1_860_000_000_000_000_000n + BigInt(n)}`,
    author: "claire_dlt",
    authorName: "Claire D.",
    postText: "@ColisExpress toujours pas reçu mon colis, 3 semaines de retard.",
    detection: detection(),
    suggestion: {
      id: "s1",
      strategy: "acknowledge-dm",
      lang: "fr",
      text: "Bonjour, désolés pour ce retard. Écrivez-nous en message privé.",
      length: 64,
      maxLength: 280,
    },
    finalText: "Bonjour, désolés pour ce retard. Écrivez-nous en message privé.",
    edited: false,
    agent: "Julie",
    publishedAt: insertedAt - 10 * MIN,
    detectedAt: insertedAt - 5 * MIN,
    insertedAt,
    postedAt: null,
    responseMs: 10 * MIN,
    ...overrides,
  };
}
