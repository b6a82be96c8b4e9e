/**
 * The data sets the complaint model is trained and measured on, read at run time and never copied into the
 * repository (their licences are research-only or unstated; the Pattern lexicon's PDDL aside):
 * - ../shared/data/complaints-preotiuc-pietro-2019: English tweets to brands, fixed train/test split;
 * - data/fr-complaints: our hand-written French set, split by its own split.mjs;
 * - ../shared/data/pattern-fr-sentiment-lexicon: French polarity lexicon (compiled into the model file);
 * - ../shared/data/umsab-french-tweet-sentiment: French tweets on politics and the environment, a weak signal.
 * Shared by scripts/train.ts and bench/run.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = resolve(import.meta.dirname, "..");
export const SHARED = resolve(ROOT, "../shared/data");
export const EN_DIR = join(SHARED, "complaints-preotiuc-pietro-2019");
export const FR_DIR = join(ROOT, "data/fr-complaints");
export const PATTERN_FILE = join(SHARED, "pattern-fr-sentiment-lexicon/fr-sentiment.xml");
export const UMSAB_DIR = join(SHARED, "umsab-french-tweet-sentiment");
export const MODEL_BIN = join(ROOT, "public/model/detect-v1.bin");
export const MODEL_JSON = join(ROOT, "public/model/detect-v1.json");

export interface LabelledText {
  id: string;
  text: string;
  label: 0 | 1;
  /** English set: the brand's domain, "random_reply"/"random_tweet" for background tweets. */
  domain?: string;
  /** French set: complaint, sarcasm, praise, question... */
  kind?: string;
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Brand-directed: the English set's own tweets to brands, not its background tweets. */
export const isBrandDirected = (row: LabelledText) => !(row.domain ?? "").startsWith("random_");

export function sharedPresent(): boolean {
  return existsSync(join(EN_DIR, "train.jsonl")) && existsSync(join(EN_DIR, "test.jsonl"));
}

export function loadEnglish(split: "train" | "test"): LabelledText[] {
  const file = join(EN_DIR, `${split}.jsonl`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<LabelledText>;
      if (typeof row.text !== "string" || (row.label !== 0 && row.label !== 1))
        throw new Error(`${file}:${i + 1}: expected {"text": string, "label": 0|1}`);
      return { id: String(row.id ?? i), text: row.text, label: row.label, domain: String(row.domain ?? "") };
    });
}

interface FrSplitModule {
  loadFrComplaints(dir: string): { train: LabelledText[]; test: LabelledText[] };
}

/** The French set through its own loader (which validates it); null while the set is absent. */
export async function loadFrench(): Promise<{ train: LabelledText[]; test: LabelledText[] } | null> {
  const loader = join(FR_DIR, "split.mjs");
  if (!existsSync(loader) || !existsSync(join(FR_DIR, "fr-complaints.jsonl"))) return null;
  // A computed specifier: the module is plain JS without types, its shape is declared above.
  const mod = (await import(pathToFileURL(loader).href)) as FrSplitModule;
  return mod.loadFrComplaints(FR_DIR);
}

/**
 * UMSAB French tweets of the given split with their sentiment (0 negative, 1 neutral, 2 positive). Sentiment is
 * not a complaint label; negative tweets on politics and the weather are "negative, yet not a complaint".
 */
export function loadUmsab(split: "train" | "val"): Array<{ text: string; sentiment: number }> {
  const lines = (name: string) => readFileSync(join(UMSAB_DIR, `${split}_${name}.txt`), "utf8").split("\n");
  const texts = lines("text");
  const labels = lines("labels");
  const out: Array<{ text: string; sentiment: number }> = [];
  texts.forEach((text, i) => {
    const sentiment = Number(labels[i]);
    if (text.trim() !== "" && (sentiment === 0 || sentiment === 1 || sentiment === 2)) out.push({ text, sentiment });
  });
  return out;
}

export const umsabFiles = (split: "train" | "val") =>
  [`${split}_text.txt`, `${split}_labels.txt`].map((name) => join(UMSAB_DIR, name));
