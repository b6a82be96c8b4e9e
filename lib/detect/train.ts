/**
 * Training of the linear complaint model (./model.ts): logistic regression with an L2 penalty, fitted by
 * Adagrad SGD over a seeded shuffle for a fixed number of epochs (optionally several such fits averaged), so the
 * same rows and config always give the same bytes. Features come from the very code inference runs
 * (./analyse.ts then ./features.ts).
 *
 * Pure: no I/O, no clock, no Math.random. scripts/train.ts reads the data sets, chooses the hyper-parameters and
 * thresholds by cross-validation inside the training data, and writes the file.
 */
import { an, analyse, installLexicon, lexiconInstalled } from "./analyse";
import {
  DENSE_COUNT,
  denseFeatures,
  type FeatureConfig,
  featIdx,
  hashFeatures,
  type PolarityTable,
  wordHash,
} from "./features";
import { LEXICON_WORDS } from "./lexicon";
import type { Model } from "./model";

// Training runs in Node, never in a content script: the built-in lexicon is installed here.
if (!lexiconInstalled()) installLexicon(LEXICON_WORDS);

export interface TrainRow {
  text: string;
  label: 0 | 1;
  /** Importance in the loss (default 1): weak labels weigh less, a small language more. */
  weight?: number;
  /** What the site would say about the language; omit to let the detector guess, as on an unmarked page. */
  langAttr?: string | null;
}

export interface TrainConfig {
  features: FeatureConfig;
  /** L2 penalty per update (hashed and dense weights; not the bias). */
  l2: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Fits over this many seeded shuffles, weights averaged (default 1). */
  bagging?: number;
  /** Decision thresholds on the logit (scripts/train.ts picks them by cross-validation); default 0. */
  thresholds?: { fr: number; en: number; other: number };
  /** French polarity lexicon for the dense features; null for none. */
  polarity?: PolarityTable | null;
}

/** Rows turned into feature vectors once, reused by every fold and every config sharing the features. */
export interface Featurised {
  n: number;
  /** Sorted distinct hashed indices of each row, and how many times each occurs. */
  idx: Int32Array[];
  count: Float64Array[];
  /** Multiplier of the hashed part (1/√total count when normalised). */
  norm: Float64Array;
  /** Dense features, row-major (n × DENSE_COUNT). */
  dense: Float64Array;
  labels: Uint8Array;
  weights: Float64Array;
  /** Language the detector settled on for each row ("fr", "en", other). */
  langs: string[];
}

export function featurise(
  rows: readonly TrainRow[],
  features: FeatureConfig,
  polarity: PolarityTable | null = null,
): Featurised {
  const n = rows.length;
  const out: Featurised = {
    n,
    idx: [],
    count: [],
    norm: new Float64Array(n),
    dense: new Float64Array(n * DENSE_COUNT),
    labels: new Uint8Array(n),
    weights: new Float64Array(n),
    langs: [],
  };
  const denseRow = new Float64Array(DENSE_COUNT);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as TrainRow;
    analyse(row.text, { langAttr: row.langAttr ?? null });
    const total = hashFeatures(features);
    denseFeatures(denseRow, polarity);
    out.dense.set(denseRow, i * DENSE_COUNT);
    const sorted = featIdx.slice(0, total).sort();
    const idx: number[] = [];
    const count: number[] = [];
    for (let f = 0; f < total; f++) {
      const x = sorted[f] ?? 0;
      if (idx.length > 0 && idx[idx.length - 1] === x) count[count.length - 1] = (count[count.length - 1] ?? 0) + 1;
      else {
        idx.push(x);
        count.push(1);
      }
    }
    out.idx.push(Int32Array.from(idx));
    out.count.push(Float64Array.from(count));
    out.norm[i] = features.normalise && total > 0 ? 1 / Math.sqrt(total) : 1;
    out.labels[i] = row.label;
    out.weights[i] = row.weight ?? 1;
    out.langs.push(an.lang);
  }
  return out;
}

/** Mulberry32: a tiny seeded PRNG, so shuffles are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Fitted {
  hashed: Float64Array;
  dense: Float64Array;
  bias: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Fits on the given rows of `data` (indices), deterministically. */
export function fitWeights(data: Featurised, rows: ArrayLike<number>, cfg: TrainConfig): Fitted {
  const runs = cfg.bagging ?? 1;
  if (runs <= 1) return fitOnce(data, rows, cfg);
  // Several fits over different shuffles, averaged: the average of linear models is a linear model, so this
  // costs nothing at inference and removes most of what one particular SGD order happened to learn.
  const sum = fitOnce(data, rows, cfg);
  for (let r = 1; r < runs; r++) {
    const f = fitOnce(data, rows, { ...cfg, seed: cfg.seed + 7_919 * r });
    for (let j = 0; j < sum.hashed.length; j++) sum.hashed[j] = (sum.hashed[j] ?? 0) + (f.hashed[j] ?? 0);
    for (let k = 0; k < sum.dense.length; k++) sum.dense[k] = (sum.dense[k] ?? 0) + (f.dense[k] ?? 0);
    sum.bias += f.bias;
  }
  for (let j = 0; j < sum.hashed.length; j++) sum.hashed[j] = (sum.hashed[j] ?? 0) / runs;
  for (let k = 0; k < sum.dense.length; k++) sum.dense[k] = (sum.dense[k] ?? 0) / runs;
  sum.bias /= runs;
  return sum;
}

function fitOnce(data: Featurised, rows: ArrayLike<number>, cfg: TrainConfig): Fitted {
  const size = 2 ** cfg.features.hashBits;
  const w = new Float64Array(size);
  const gw = new Float64Array(size);
  const d = new Float64Array(DENSE_COUNT);
  const gd = new Float64Array(DENSE_COUNT);
  let b = 0;
  let gb = 0;
  const lr = cfg.learningRate;
  const l2 = cfg.l2;
  const eps = 1e-8;
  // Rows of weight 0 are left out entirely (their features would still feel the L2 pull otherwise).
  const order = Int32Array.from(Array.from(rows).filter((r) => (data.weights[r] ?? 1) > 0));
  const random = prng(cfg.seed);
  for (let epoch = 0; epoch < cfg.epochs; epoch++) {
    // Fisher–Yates with the seeded PRNG: a new order each epoch, the same orders each run.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = tmp;
    }
    for (let o = 0; o < order.length; o++) {
      const r = order[o] ?? 0;
      const idx = data.idx[r] as Int32Array;
      const cnt = data.count[r] as Float64Array;
      const norm = data.norm[r] ?? 1;
      const base = r * DENSE_COUNT;
      let z = b;
      let s = 0;
      for (let f = 0; f < idx.length; f++) s += (w[idx[f] ?? 0] ?? 0) * (cnt[f] ?? 0);
      z += s * norm;
      for (let k = 0; k < DENSE_COUNT; k++) z += (d[k] ?? 0) * (data.dense[base + k] ?? 0);
      const g = (data.weights[r] ?? 1) * (sigmoid(z) - (data.labels[r] ?? 0));
      for (let f = 0; f < idx.length; f++) {
        const j = idx[f] ?? 0;
        const wj = w[j] ?? 0;
        const grad = g * norm * (cnt[f] ?? 0) + l2 * wj;
        const acc = (gw[j] ?? 0) + grad * grad;
        gw[j] = acc;
        w[j] = wj - (lr * grad) / (Math.sqrt(acc) + eps);
      }
      for (let k = 0; k < DENSE_COUNT; k++) {
        const x = data.dense[base + k] ?? 0;
        if (x === 0) continue;
        const dk = d[k] ?? 0;
        const grad = g * x + l2 * dk;
        const acc = (gd[k] ?? 0) + grad * grad;
        gd[k] = acc;
        d[k] = dk - (lr * grad) / (Math.sqrt(acc) + eps);
      }
      gb += g * g;
      b -= (lr * g) / (Math.sqrt(gb) + eps);
    }
  }
  return { hashed: w, dense: d, bias: b };
}

function fnvOfNumbers(h: number, xs: ArrayLike<number>): number {
  let x = h;
  for (let i = 0; i < xs.length; i++) x = Math.imul(x ^ ((xs[i] ?? 0) & 0xffff), 0x01000193);
  return x >>> 0;
}

/**
 * Float weights → the stored model: int8 hashed weights with one scale, float32 everything else (what the file
 * keeps, so a model evaluated here scores exactly like the decoded file).
 */
export function quantise(fitted: Fitted, cfg: TrainConfig): Model {
  let max = 0;
  for (let i = 0; i < fitted.hashed.length; i++) {
    const a = Math.abs(fitted.hashed[i] ?? 0);
    if (a > max) max = a;
  }
  const scale = Math.fround(max > 0 ? max / 127 : 1);
  const weights = new Int8Array(fitted.hashed.length);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round((fitted.hashed[i] ?? 0) / scale);
  const dense = Float64Array.from(fitted.dense, (x) => Math.fround(x));
  const t = cfg.thresholds ?? { fr: 0, en: 0, other: 0 };
  // The id names the weights and thresholds: a model that decides differently gets another id in the reply log.
  let h = fnvOfNumbers(0x811c9dc5, weights);
  h = fnvOfNumbers(
    h,
    Int32Array.from(dense, (x) => Math.round(x * 1000)),
  );
  h = fnvOfNumbers(
    h,
    [fitted.bias, t.fr, t.en, t.other].map((x) => Math.round(x * 10_000)),
  );
  return {
    id: `linear-1-${h.toString(16).padStart(8, "0")}`,
    config: { ...cfg.features },
    weights,
    scale,
    dense,
    bias: Math.fround(fitted.bias),
    thresholds: { fr: Math.fround(t.fr), en: Math.fround(t.en), other: Math.fround(t.other) },
    polarity: cfg.polarity ?? null,
  };
}

/** The model's logit for row r of featurised data: the same sum inference computes. */
export function logitOf(model: Model, data: Featurised, r: number): number {
  const idx = data.idx[r] as Int32Array;
  const cnt = data.count[r] as Float64Array;
  let s = 0;
  for (let f = 0; f < idx.length; f++) s += (model.weights[idx[f] ?? 0] ?? 0) * (cnt[f] ?? 0);
  let z = model.bias + s * model.scale * (data.norm[r] ?? 1);
  const base = r * DENSE_COUNT;
  for (let k = 0; k < DENSE_COUNT; k++) z += (model.dense[k] ?? 0) * (data.dense[base + k] ?? 0);
  return z;
}

/** Trains one model on all rows. Deterministic: the same rows and config give byte-identical weights. */
export function train(rows: readonly TrainRow[], config: TrainConfig): Model {
  const data = featurise(rows, config.features, config.polarity ?? null);
  const all = Int32Array.from({ length: data.n }, (_, i) => i);
  return quantise(fitWeights(data, all, config), config);
}

/**
 * Fold of each row for k-fold cross-validation, stratified by `stratum(i)` (language × label): each fold gets its
 * share of every stratum, in a seeded order.
 */
export function foldsOf(n: number, k: number, seed: number, stratum: (i: number) => string): Int32Array {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = stratum(i);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const random = prng(seed);
  const fold = new Int32Array(n);
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key) ?? [];
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = members[i] ?? 0;
      members[i] = members[j] ?? 0;
      members[j] = tmp;
    }
    // Continue the round-robin where the previous stratum stopped, so small strata do not all start at fold 0.
    members.forEach((r, m) => {
      fold[r] = (offset + m) % k;
    });
    offset = (offset + members.length) % k;
  }
  return fold;
}

/** Out-of-fold logits: each row scored by the model trained on the other folds (only rows in `scored`). */
export function crossValidate(data: Featurised, fold: Int32Array, k: number, cfg: TrainConfig): Float64Array {
  const out = new Float64Array(data.n).fill(Number.NaN);
  for (let f = 0; f < k; f++) {
    const trainRows: number[] = [];
    for (let i = 0; i < data.n; i++) if (fold[i] !== f) trainRows.push(i);
    const model = quantise(fitWeights(data, trainRows, cfg), cfg);
    for (let i = 0; i < data.n; i++) if (fold[i] === f) out[i] = logitOf(model, data, i);
  }
  return out;
}

export interface BinaryMetrics {
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
}

/** Metrics of predictions against labels (positive class: complaint). */
export function binaryMetrics(predicted: ArrayLike<boolean>, labels: ArrayLike<number>): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] === 1;
    const p = predicted[i] === true;
    if (y && p) tp++;
    else if (p) fp++;
    else if (y) fn++;
    else tn++;
  }
  const f1 = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  const pos = f1(tp, fp, fn);
  const neg = f1(tn, fn, fp);
  const n = tp + fp + fn + tn;
  return {
    n,
    accuracy: n === 0 ? 0 : (tp + tn) / n,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f1: pos,
    macroF1: (pos + neg) / 2,
  };
}

/**
 * The logit threshold that maximises macro-F1 over (logit, label) pairs. Among equally good cut points, the
 * middle one: a plateau's centre is less of an accident of these particular rows than its edge.
 */
export function bestThreshold(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
): { threshold: number; macroF1: number } {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < logits.length; i++) pairs.push([logits[i] ?? 0, labels[i] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pos = pairs.reduce((s, p) => s + p[1], 0);
  const total = pairs.length;
  // Threshold before index i: rows i.. are predicted complaints.
  let tp = pos;
  let fp = total - pos;
  const score = (tpv: number, fpv: number) => {
    const fn = pos - tpv;
    const tn = total - pos - fpv;
    const f = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
    return (f(tpv, fpv, fn) + f(tn, fn, fpv)) / 2;
  };
  const cuts: Array<[number, number]> = [];
  for (let i = 0; i <= total; i++) {
    const prev = pairs[i - 1]?.[0];
    const cur = pairs[i]?.[0];
    if (prev === undefined || cur === undefined || cur > prev) {
      const t = prev === undefined ? (cur ?? 0) - 1 : cur === undefined ? prev + 1 : (prev + cur) / 2;
      cuts.push([t, score(tp, fp)]);
    }
    const p = pairs[i];
    if (p) {
      if (p[1] === 1) tp--;
      else fp--;
    }
  }
  let best = 0;
  for (const [, s] of cuts) if (s > best) best = s;
  const top = cuts.filter(([, s]) => s >= best - 1e-12);
  const mid = top[Math.floor((top.length - 1) / 2)] ?? [0, 0];
  return { threshold: mid[0], macroF1: best };
}

/**
 * The Pattern French lexicon (fr-sentiment.xml) as (word hash, polarity) pairs: single-word forms only, folded
 * like post text, duplicates averaged. The caller supplies the folding (./normalize.ts's fold).
 */
export function polarityEntries(xml: string, foldWord: (s: string) => string): Array<[number, number]> {
  const sums = new Map<string, [number, number]>();
  for (const m of xml.matchAll(/<word form="([^"]+)"[^>]*polarity="(-?[\d.]+)"/g)) {
    const form = foldWord(m[1] ?? "");
    const polarity = Number(m[2]);
    if (!/^[a-z]+$/.test(form) || !Number.isFinite(polarity) || polarity === 0) continue;
    const s = sums.get(form) ?? [0, 0];
    s[0] += polarity;
    s[1]++;
    sums.set(form, s);
  }
  return [...sums.keys()].sort().map((form) => {
    const [total, count] = sums.get(form) ?? [0, 1];
    return [wordHash(form), total / count] as [number, number];
  });
}
