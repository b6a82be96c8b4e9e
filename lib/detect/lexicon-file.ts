/**
 * The lexicon as the file content scripts fetch (model/lexicon-v1.json, written by the extension build from
 * ./lexicon.ts): parsed with Zod like every input, then installed, so a content script's bundle carries the rules
 * but not the words.
 */
import * as z from "zod/mini";
import { CATEGORIES } from "../constants";
import { installLexicon } from "./analyse";
import type { CueKind, LexiconWords } from "./lexicon";

/** Where the extension build writes the lexicon (wxt.config.ts) and where content scripts fetch it. */
export const LEXICON_FILE = "model/lexicon-v1.json" as const;

const KINDS = ["neg", "exp", "pos", "neutral", "rep", "topic", "irony", "wait"] as const satisfies readonly CueKind[];
const Words = z.string().check(z.maxLength(20_000));

export const LexiconFile = z.object({
  groups: z
    .array(
      z.object({
        lang: z.enum(["fr", "en", "any"]),
        kind: z.enum(KINDS),
        weight: z.number().check(z.minimum(-10), z.maximum(10)),
        severity: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])),
        category: z.optional(z.enum(CATEGORIES)),
        after: z.optional(z.boolean()),
        res: z.optional(z.boolean()),
        generic: z.optional(z.boolean()),
        phrases: Words,
      }),
    )
    .check(z.minLength(1), z.maxLength(2_000)),
  negators: Words,
  afterNegators: Words,
  barriers: Words,
  durationContext: Words,
  numberWords: Words,
  durationUnits: Words,
  acronyms: Words,
});

/** The lexicon file's words, or an error naming the first bad field. */
export function parseLexiconFile(raw: unknown): { ok: true; words: LexiconWords } | { ok: false; error: string } {
  const parsed = z.safeParse(LexiconFile, raw);
  if (parsed.success) return { ok: true, words: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join(".") || "lexicon"}: ${issue?.message ?? "invalid"}` };
}

/** Fetches, checks and installs the lexicon from `url`; throws with the reason when it cannot. */
export async function fetchAndInstallLexicon(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${LEXICON_FILE}: HTTP ${response.status}`);
  const parsed = parseLexiconFile(await response.json());
  if (!parsed.ok) throw new Error(`${LEXICON_FILE}: ${parsed.error}`);
  installLexicon(parsed.words);
}
