/**
 * `npm run train`: trains the linear complaint model and writes public/model/detect-v1.bin (the weights the
 * extension fetches) and public/model/detect-v1.json (a human-readable summary: cross-validation figures,
 * hyper-parameters, data sources with counts and sha256, never any tweet text).
 *
 * Training data: the English set's train.jsonl only (its test.jsonl is for `npm run bench`), the train split of
 * data/fr-complaints when present, and, as weak signals, the Pattern French polarity lexicon (a dense feature)
 * and the negative UMSAB French tweets (background non-complaints, when cross-validation keeps them).
 * Hyper-parameters and the decision thresholds are chosen by repeated stratified k-fold cross-validation inside
 * the training data. Deterministic: fixed seeds, fixed epoch counts, so a re-run writes the same bytes.
 *
 * Exit codes: 0 done, 2 the shared data is absent.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { detect } from "../lib/detect";
import { DENSE_NAMES, type FeatureConfig, polarityTable } from "../lib/detect/features";
import { decodeModel, encodeModel, type Model, thresholdFor } from "../lib/detect/model";
import { fold } from "../lib/detect/normalize";
import {
  type BinaryMetrics,
  bestThreshold,
  binaryMetrics,
  crossValidate,
  type Featurised,
  featurise,
  foldsOf,
  logitOf,
  polarityEntries,
  type TrainConfig,
  type TrainRow,
  train,
} from "../lib/detect/train";
import {
  EN_DIR,
  FR_DIR,
  isBrandDirected,
  type LabelledText,
  loadEnglish,
  loadFrench,
  loadUmsab,
  MODEL_BIN,
  MODEL_JSON,
  PATTERN_FILE,
  ROOT,
  sha256,
  sharedPresent,
  UMSAB_DIR,
  umsabFiles,
} from "./detect-data";

/**
 * The feature set is fixed by the brief (word 1–2-grams, char 3–5-grams). 2^16 buckets: cross-validation scores
 * 2^16, 2^17 and 2^18 alike (±0.001), and a 64 KB table stays in cache on a page running the detector per post.
 */
const FEATURES: FeatureConfig = {
  hashBits: 16,
  charMin: 3,
  charMax: 5,
  bigrams: true,
  handles: true,
  normalise: true,
};
const FOLDS = 5;
/** Two different fold assignments: one 5-fold split of ~2,800 rows moves macro-F1 by ±0.005. */
const FOLD_SEEDS = [7, 8];
const TRAIN_SEED = 1;
/** Each model is the average of this many fits over different seeded shuffles (see fitWeights). */
const BAGGING = 4;
/** The grid, small on purpose: each point is 10 fits. */
const GRID = {
  learningRate: [0.05, 0.1],
  epochs: [8, 12],
  l2: [1e-5],
  frenchWeight: [3, 5],
  umsabWeight: [0, 0.2],
};
/** A language group needs this many out-of-fold rows, of both classes, for a threshold of its own. */
const MIN_THRESHOLD_ROWS = 40;

type Group = "en-brand" | "en-random" | "fr" | "umsab";

interface GridPoint {
  learningRate: number;
  epochs: number;
  l2: number;
  frenchWeight: number;
  umsabWeight: number;
}

interface CvResult {
  point: GridPoint;
  en: number;
  enBrand: number;
  fr: number | null;
  objective: number;
}

function fail(message: string, code = 2): never {
  console.error(`train: ${message}`);
  process.exit(code);
}

if (!sharedPresent()) {
  fail(
    `the English complaint set is absent (${relative(ROOT, EN_DIR)}/{train,test}.jsonl, from ../shared/data).\n` +
      "It is read at run time and never copied into the repository; run this in a checkout next to ../shared.",
  );
}

const english = loadEnglish("train");
const french = await loadFrench();
if (!french) console.error(`train: ${relative(ROOT, FR_DIR)} is absent: training on English only`);
const frenchTrain = french?.train ?? [];
const hasPattern = existsSync(PATTERN_FILE);
const polarity = hasPattern ? polarityTable(polarityEntries(readFileSync(PATTERN_FILE, "utf8"), fold)) : null;
const hasUmsab = existsSync(UMSAB_DIR);
// Negative tweets only: "negative but not a complaint" is what the complaint sets have least of.
const umsab = hasUmsab
  ? [...loadUmsab("train"), ...loadUmsab("val")].filter((r) => r.sentiment === 0).map((r) => r.text)
  : [];

const rows: TrainRow[] = [];
const groups: Group[] = [];
const push = (text: string, label: 0 | 1, group: Group) => {
  rows.push({ text, label });
  groups.push(group);
};
for (const r of english) push(r.text, r.label, isBrandDirected(r) ? "en-brand" : "en-random");
for (const r of frenchTrain) push(r.text, r.label, "fr");
for (const text of umsab) push(text, 0, "umsab");

console.error(
  `train: ${english.length} English, ${frenchTrain.length} French, ${umsab.length} UMSAB rows; featurising…`,
);
const data = featurise(rows, FEATURES, polarity);

const isEnglish = (i: number) => groups[i] === "en-brand" || groups[i] === "en-random";
const indices = (keep: (i: number) => boolean) => Array.from({ length: data.n }, (_, i) => i).filter(keep);
const EN_ROWS = indices(isEnglish);
const EN_BRAND_ROWS = indices((i) => groups[i] === "en-brand");
const FR_ROWS = indices((i) => groups[i] === "fr");

function setWeights(point: GridPoint): void {
  for (let i = 0; i < data.n; i++)
    data.weights[i] = groups[i] === "fr" ? point.frenchWeight : groups[i] === "umsab" ? point.umsabWeight : 1;
}

function configOf(point: GridPoint, thresholds?: Model["thresholds"]): TrainConfig {
  return {
    features: FEATURES,
    l2: point.l2,
    epochs: point.epochs,
    learningRate: point.learningRate,
    seed: TRAIN_SEED,
    bagging: BAGGING,
    polarity,
    ...(thresholds ? { thresholds } : {}),
  };
}

/** Out-of-fold logits, one array per fold seed. Folds are stratified by group × label. */
function outOfFold(point: GridPoint): Float64Array[] {
  setWeights(point);
  return FOLD_SEEDS.map((seed) => {
    const folds = foldsOf(data.n, FOLDS, seed, (i) => `${groups[i]}:${data.labels[i]}`);
    return crossValidate(data, folds, FOLDS, configOf(point));
  });
}

const pick = (xs: ArrayLike<number>, rowsOf: readonly number[]) => rowsOf.map((i) => xs[i] ?? 0);

/** Macro-F1 of a row set at its own best threshold, averaged over the fold seeds. */
function bestMacro(oof: Float64Array[], rowsOf: readonly number[]): number {
  const labels = pick(data.labels, rowsOf);
  return oof.reduce((s, logits) => s + bestThreshold(pick(logits, rowsOf), labels).macroF1, 0) / oof.length;
}

function evaluate(point: GridPoint): CvResult {
  const oof = outOfFold(point);
  const en = bestMacro(oof, EN_ROWS);
  // Brand-directed rows at the threshold chosen on all English rows: the subset is a report, not a target.
  const enBrand =
    oof.reduce((s, logits) => {
      const t = bestThreshold(pick(logits, EN_ROWS), pick(data.labels, EN_ROWS)).threshold;
      const predicted = EN_BRAND_ROWS.map((i) => (logits[i] ?? 0) >= t);
      return s + binaryMetrics(predicted, pick(data.labels, EN_BRAND_ROWS)).macroF1;
    }, 0) / oof.length;
  const fr = FR_ROWS.length > 0 ? bestMacro(oof, FR_ROWS) : null;
  return { point, en, enBrand, fr, objective: fr === null ? en : (en + fr) / 2 };
}

// ── Grid search ──────────────────────────────────────────────────────────────────────────────────────────
const points: GridPoint[] = [];
for (const learningRate of GRID.learningRate)
  for (const epochs of GRID.epochs)
    for (const l2 of GRID.l2)
      for (const frenchWeight of FR_ROWS.length > 0 ? GRID.frenchWeight : [1])
        for (const umsabWeight of umsab.length > 0 ? GRID.umsabWeight : [0])
          points.push({ learningRate, epochs, l2, frenchWeight, umsabWeight });

const results: CvResult[] = [];
for (const point of points) {
  const r = evaluate(point);
  results.push(r);
  console.error(
    `  lr ${point.learningRate} epochs ${point.epochs} l2 ${point.l2} fr×${point.frenchWeight} umsab×${point.umsabWeight}: ` +
      `EN ${r.en.toFixed(4)} (brand ${r.enBrand.toFixed(4)}) FR ${r.fr?.toFixed(4) ?? "-"}`,
  );
}
// Strictly better only: among ties the earlier (simpler, smaller) point of the grid wins.
const best = results.reduce((a, b) => (b.objective > a.objective + 1e-9 ? b : a));

// ── Thresholds: per detected language, from the best point's out-of-fold logits ────────────────────────────
const bestOof = outOfFold(best.point);
const scored = indices((i) => groups[i] !== "umsab");
const pooled = (rowsOf: readonly number[]) => {
  const logits: number[] = [];
  const labels: number[] = [];
  for (const oof of bestOof)
    for (const i of rowsOf) {
      logits.push(oof[i] ?? 0);
      labels.push(data.labels[i] ?? 0);
    }
  return { logits, labels };
};
function thresholdOf(rowsOf: readonly number[], fallback: number): { threshold: number; rows: number; own: boolean } {
  const { logits, labels } = pooled(rowsOf);
  // Counted per fold seed (the pooled arrays hold each row once per seed).
  const positives = labels.filter((y) => y === 1).length / FOLD_SEEDS.length;
  const negatives = labels.length / FOLD_SEEDS.length - positives;
  const enough = rowsOf.length >= MIN_THRESHOLD_ROWS && positives >= 10 && negatives >= 10;
  return enough
    ? { threshold: bestThreshold(logits, labels).threshold, rows: rowsOf.length, own: true }
    : { threshold: fallback, rows: rowsOf.length, own: false };
}
const overall = bestThreshold(pooled(scored).logits, pooled(scored).labels).threshold;
const byLang = {
  fr: thresholdOf(
    scored.filter((i) => data.langs[i] === "fr"),
    overall,
  ),
  en: thresholdOf(
    scored.filter((i) => data.langs[i] === "en"),
    overall,
  ),
  other: thresholdOf(
    scored.filter((i) => data.langs[i] !== "fr" && data.langs[i] !== "en"),
    overall,
  ),
};
const thresholds = { fr: byLang.fr.threshold, en: byLang.en.threshold, other: byLang.other.threshold };

/** Out-of-fold metrics with the chosen thresholds, as the shipped model decides (per detected language). */
function cvMetrics(rowsOf: readonly number[]): BinaryMetrics {
  const predicted: boolean[] = [];
  const labels: number[] = [];
  for (const oof of bestOof)
    for (const i of rowsOf) {
      const lang = data.langs[i] ?? "und";
      predicted.push(
        (oof[i] ?? 0) >= (lang === "fr" ? thresholds.fr : lang === "en" ? thresholds.en : thresholds.other),
      );
      labels.push(data.labels[i] ?? 0);
    }
  const m = binaryMetrics(predicted, labels);
  return { ...m, n: m.n / FOLD_SEEDS.length };
}
const cv = {
  en: cvMetrics(EN_ROWS),
  enBrand: cvMetrics(EN_BRAND_ROWS),
  fr: FR_ROWS.length > 0 ? cvMetrics(FR_ROWS) : null,
};

// ── Final model on every training row ──────────────────────────────────────────────────────────────────────
setWeights(best.point);
const weightedRows = rows.map((r, i) => ({ ...r, weight: data.weights[i] ?? 1 }));
const model = train(weightedRows, configOf(best.point, thresholds));
const bytes = encodeModel(model);
const decoded = decodeModel(bytes);
checkInference(decoded, data);

mkdirSync(dirname(MODEL_BIN), { recursive: true });
writeFileSync(MODEL_BIN, bytes);
const gz = gzipSync(bytes, { level: 9 }).length;

const round = (x: number) => Number(x.toFixed(4));
const roundMetrics = (m: BinaryMetrics | null) =>
  m === null ? null : Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round(v)]));
const probability = (logit: number) => round(1 / (1 + Math.exp(-logit)));
const count = (xs: readonly LabelledText[]) => ({
  rows: xs.length,
  complaints: xs.filter((r) => r.label === 1).length,
});
const rel = (file: string) => relative(ROOT, file);
const summary = {
  model: model.id,
  format: 1,
  file: { path: rel(MODEL_BIN), bytes: bytes.length, gzipBytes: gz, sha256: sha256(MODEL_BIN) },
  trainedBy: "scripts/train.ts (npm run train); deterministic: same inputs, same bytes",
  features: {
    ...FEATURES,
    words: "unigrams and bigrams (clause-start marker), lowercased, accent-folded; URL→url, @mention→@user, digits→0",
    chars: `${FEATURES.charMin}–${FEATURES.charMax}-grams within words ("<word>"), and within mentioned handles`,
    hash: "FNV-1a 32-bit + murmur3 finaliser, 2^hashBits int8 buckets",
    dense: DENSE_NAMES,
    denseNote: "each dense feature twice: shared, and a copy active on French posts only",
  },
  training: {
    algorithm: `logistic regression, L2, Adagrad SGD over seeded shuffles, fixed epochs, ${BAGGING} fits averaged`,
    seed: TRAIN_SEED,
    chosen: best.point,
    grid: GRID,
    selection: `mean of English and French macro-F1, ${FOLDS}-fold CV stratified by source × label, fold seeds ${FOLD_SEEDS.join(", ")}`,
    gridResults: results.map((r) => ({
      ...r.point,
      cvMacroF1En: round(r.en),
      cvMacroF1EnBrand: round(r.enBrand),
      cvMacroF1Fr: r.fr === null ? null : round(r.fr),
    })),
  },
  thresholds: {
    note: "decision: logit ≥ threshold of the post's detected language; score = sigmoid(logit − threshold)",
    logit: Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, round(v)])),
    probability: Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, probability(v)])),
    chosenOn: Object.fromEntries(
      Object.entries(byLang).map(([k, v]) => [
        k,
        v.own ? `${v.rows} out-of-fold rows` : "all rows (too few of its own)",
      ]),
    ),
  },
  crossValidation: {
    note: "out-of-fold predictions of the chosen point with the chosen thresholds (thresholds picked on the same predictions: slightly optimistic)",
    english: roundMetrics(cv.en),
    englishBrandDirected: roundMetrics(cv.enBrand),
    french: roundMetrics(cv.fr),
  },
  dataSources: [
    {
      name: "complaints-preotiuc-pietro-2019 train.jsonl",
      role: "training (English); its test.jsonl is only read by npm run bench",
      ...count(english),
      brandDirected: count(english.filter(isBrandDirected)),
      sha256: sha256(`${EN_DIR}/train.jsonl`),
    },
    french
      ? {
          name: "data/fr-complaints train split",
          role: "training (French); the test split is only read by npm run bench",
          ...count(frenchTrain),
          sha256: sha256(`${FR_DIR}/fr-complaints.jsonl`),
          splitSha256: sha256(`${FR_DIR}/split.mjs`),
        }
      : { name: "data/fr-complaints", role: "absent at training time", rows: 0 },
    {
      name: "pattern-fr-sentiment-lexicon fr-sentiment.xml",
      role: "French polarity dense feature; its single-word entries are compiled into the model file (PDDL)",
      entries: polarity ? polarity.keys.filter((k) => k !== 0).length : 0,
      sha256: hasPattern ? sha256(PATTERN_FILE) : null,
    },
    {
      name: "umsab-french-tweet-sentiment train+val, negative tweets",
      role:
        best.point.umsabWeight > 0
          ? `background non-complaints, weight ${best.point.umsabWeight}`
          : "offered to cross-validation as background non-complaints; not kept (weight 0)",
      rows: umsab.length,
      sha256: hasUmsab
        ? Object.fromEntries([...umsabFiles("train"), ...umsabFiles("val")].map((f) => [rel(f), sha256(f)]))
        : null,
    },
  ],
};
writeFileSync(MODEL_JSON, `${JSON.stringify(summary, null, 2)}\n`);
// In the repository's own style, so `npm run lint` stays clean after a retrain.
try {
  execFileSync(join(ROOT, "node_modules/.bin/biome"), ["format", "--write", MODEL_JSON], { stdio: "ignore" });
} catch {
  console.error("train: biome not found; detect-v1.json left as JSON.stringify wrote it");
}

// ── Table ────────────────────────────────────────────────────────────────────────────────────────────────
const line = (k: string, v: string) => console.log(`${k.padEnd(34)} ${v}`);
const fmt = (m: BinaryMetrics | null) =>
  m === null
    ? "-"
    : `macro-F1 ${m.macroF1.toFixed(4)}  F1 ${m.f1.toFixed(4)}  P ${m.precision.toFixed(4)}  R ${m.recall.toFixed(4)}  acc ${m.accuracy.toFixed(4)}  (n ${m.n})`;
console.log(`model ${model.id}`);
line("chosen", JSON.stringify(best.point));
line("CV English, all rows", fmt(cv.en));
line("CV English, brand-directed", fmt(cv.enBrand));
line("CV French", fmt(cv.fr));
line(
  "thresholds (probability)",
  `fr ${probability(thresholds.fr)}  en ${probability(thresholds.en)}  other ${probability(thresholds.other)}`,
);
line("file", `${rel(MODEL_BIN)}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
line("summary", rel(MODEL_JSON));

/**
 * The features the weights were fitted on must be the features inference computes: score training rows both
 * ways and stop if they differ (a refactor of either side would otherwise ship a silently wrong model).
 */
function checkInference(m: Model, d: Featurised): void {
  for (let i = 0; i < Math.min(d.n, 300); i++) {
    const row = rows[i] as TrainRow;
    const viaDetect = detect(row.text, {}, m).score;
    const z = logitOf(m, d, i);
    const t = thresholdFor(m, d.langs[i] ?? "und");
    const viaTrain = Math.round(10_000 / (1 + Math.exp(t - z))) / 10_000;
    if (Math.abs(viaTrain - viaDetect) > 1e-3) fail(`inference and training disagree on row ${i}`, 1);
  }
}
