/**
 * The trained complaint model: a logistic regression over hashed n-grams (./features.ts) and the lexicon's dense
 * features, stored as a compact binary file (public/model/detect-v1.bin) that the background fetches once
 * (lib/detect/service.ts), so the weights are not in a script bundle.
 *
 * File layout, little-endian:
 *   0  "APDM"                        magic
 *   4  u8  format version (1)
 *   5  u8  hashBits                  weight table = 2^hashBits int8
 *   6  u8  charMin, 7 u8 charMax     character n-gram lengths (0, 0: none)
 *   8  u8  flags                     bit 0 word bigrams, bit 1 √-normalised hashed part, bit 2 handle n-grams
 *   9  u8  reserved (0)
 *  10  u16 dense feature count
 *  12  u32 dense layout hash         must equal DENSE_LAYOUT of this code, else the file is refused
 *  16  f32 hashed weight scale       weight = int8 × scale
 *  20  f32 bias
 *  24  f32 threshold logit, French   decision: logit ≥ threshold (chosen by cross-validation)
 *  28  f32 threshold logit, English
 *  32  f32 threshold logit, other languages
 *  36  u32 polarity table size S     0 when none; else a power of two
 *  40  u8  id length L, then L bytes of ASCII id
 *      f32 × dense count             dense weights
 *      i8  × 2^hashBits              hashed weights
 *      u32 × S, then i8 × S          polarity table (word hash keys, polarity × 100)
 *      u32                           FNV-1a of every byte before it
 *
 * Pure and synchronous: decoding copies nothing big (the weight table is a view on the bytes) and scoring reads
 * the state ./analyse.ts left, with reused buffers.
 */
import type { AnalyseMeta } from "./analyse";
import { an, analyse, isFunctionWord, tokEnd, tokKind, tokStart } from "./analyse";
import {
  DENSE_COUNT,
  DENSE_LAYOUT,
  denseFeatures,
  type FeatureConfig,
  hashedSum,
  hashedTokenCount,
  hashFeatures,
  type PolarityTable,
  tokWeight,
} from "./features";
import { TOKEN_EMOJI, TOKEN_HASHTAG, TOKEN_WORD } from "./normalize";

export const MODEL_FORMAT = 1;
const MAGIC = 0x4d445041; // "APDM" read as a little-endian u32
const HEADER_FIXED = 41;

export interface Model {
  /** Goes into Detection.model: which weights judged. */
  id: string;
  config: FeatureConfig;
  /** Hashed weights, int8; multiply by `scale`. */
  weights: Int8Array;
  scale: number;
  /** Dense weights, in DENSE_NAMES order. */
  dense: Float64Array;
  bias: number;
  /** Decision thresholds on the logit, per language of the post. */
  thresholds: { fr: number; en: number; other: number };
  polarity: PolarityTable | null;
}

function fnvBytes(bytes: Uint8Array, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  return h >>> 0;
}

/** Serialises a model (the training script writes this to public/model/). Deterministic: same model, same bytes. */
export function encodeModel(model: Model): Uint8Array {
  const id = new TextEncoder().encode(model.id);
  if (id.length > 255) throw new Error("model id too long");
  const polSize = model.polarity?.keys.length ?? 0;
  const size = HEADER_FIXED + id.length + 4 * DENSE_COUNT + model.weights.length + 5 * polSize + 4;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  const c = model.config;
  view.setUint32(0, MAGIC, true);
  view.setUint8(4, MODEL_FORMAT);
  view.setUint8(5, c.hashBits);
  view.setUint8(6, c.charMin);
  view.setUint8(7, c.charMax);
  view.setUint8(8, (c.bigrams ? 1 : 0) | (c.normalise ? 2 : 0) | (c.handles ? 4 : 0));
  view.setUint16(10, DENSE_COUNT, true);
  view.setUint32(12, DENSE_LAYOUT, true);
  view.setFloat32(16, model.scale, true);
  view.setFloat32(20, model.bias, true);
  view.setFloat32(24, model.thresholds.fr, true);
  view.setFloat32(28, model.thresholds.en, true);
  view.setFloat32(32, model.thresholds.other, true);
  view.setUint32(36, polSize, true);
  view.setUint8(40, id.length);
  bytes.set(id, HEADER_FIXED);
  let at = HEADER_FIXED + id.length;
  for (let i = 0; i < DENSE_COUNT; i++, at += 4) view.setFloat32(at, model.dense[i] ?? 0, true);
  bytes.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.length), at);
  at += model.weights.length;
  if (model.polarity) {
    for (let i = 0; i < polSize; i++, at += 4) view.setUint32(at, model.polarity.keys[i] ?? 0, true);
    bytes.set(new Uint8Array(model.polarity.values.buffer, model.polarity.values.byteOffset, polSize), at);
    at += polSize;
  }
  view.setUint32(at, fnvBytes(bytes, at), true);
  return bytes;
}

/** Reads a model file; throws on a truncated, corrupted or incompatible file (never returns a half model). */
export function decodeModel(bytes: Uint8Array): Model {
  const fail = (why: string): never => {
    throw new Error(`detect-v1 model: ${why}`);
  };
  if (bytes.length < HEADER_FIXED + 4) fail("file too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) fail("not a model file");
  if (view.getUint8(4) !== MODEL_FORMAT) fail(`format ${view.getUint8(4)}, this code reads ${MODEL_FORMAT}`);
  const hashBits = view.getUint8(5);
  const charMin = view.getUint8(6);
  const charMax = view.getUint8(7);
  const flags = view.getUint8(8);
  if (hashBits < 8 || hashBits > 24) fail(`hashBits ${hashBits} out of range`);
  if (charMax > 0 && (charMin < 1 || charMin > charMax || charMax > 8)) fail("bad n-gram lengths");
  if (view.getUint16(10, true) !== DENSE_COUNT || view.getUint32(12, true) !== DENSE_LAYOUT)
    fail("dense features of another layout: retrain");
  const polSize = view.getUint32(36, true);
  if (polSize !== 0 && (polSize & (polSize - 1)) !== 0) fail("polarity table size not a power of two");
  const idLength = view.getUint8(40);
  const tableSize = 2 ** hashBits;
  const expected = HEADER_FIXED + idLength + 4 * DENSE_COUNT + tableSize + 5 * polSize + 4;
  if (bytes.length !== expected) fail(`size ${bytes.length}, expected ${expected}`);
  if (view.getUint32(expected - 4, true) !== fnvBytes(bytes, expected - 4)) fail("checksum mismatch");
  const id = new TextDecoder().decode(bytes.subarray(HEADER_FIXED, HEADER_FIXED + idLength));
  let at = HEADER_FIXED + idLength;
  const dense = new Float64Array(DENSE_COUNT);
  for (let i = 0; i < DENSE_COUNT; i++, at += 4) dense[i] = view.getFloat32(at, true);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, tableSize);
  at += tableSize;
  let polarity: PolarityTable | null = null;
  if (polSize > 0) {
    const keys = new Uint32Array(polSize);
    for (let i = 0; i < polSize; i++, at += 4) keys[i] = view.getUint32(at, true);
    polarity = { keys, values: new Int8Array(bytes.buffer, bytes.byteOffset + at, polSize) };
  }
  const num = (offset: number) => {
    const x = view.getFloat32(offset, true);
    return Number.isFinite(x) ? x : fail("non-finite number in header");
  };
  return {
    id,
    config: {
      hashBits,
      charMin,
      charMax,
      bigrams: (flags & 1) !== 0,
      normalise: (flags & 2) !== 0,
      handles: (flags & 4) !== 0,
    },
    weights,
    scale: num(16),
    dense,
    bias: num(20),
    thresholds: { fr: num(24), en: num(28), other: num(32) },
    polarity,
  };
}

// ── Scoring ────────────────────────────────────────────────────────────────────────────────────────────────

const denseBuf = new Float64Array(DENSE_COUNT);
/** The hashed part's multiplier in the last scored post (scale, divided by √count when normalised). */
let lastUnit = 0;

/** The model's logit for the post ./analyse.ts last read, before any threshold. */
export function logitOfAnalysed(model: Model): number {
  const count = hashFeatures(model.config, model.weights);
  const s = hashedSum;
  denseFeatures(denseBuf, model.polarity);
  lastUnit = model.config.normalise && count > 0 ? model.scale / Math.sqrt(count) : model.scale;
  let z = model.bias + s * lastUnit;
  const d = model.dense;
  // The second half of the dense features is the French copy, all zero on other posts.
  const end = an.lang === "fr" ? DENSE_COUNT : DENSE_COUNT / 2;
  for (let k = 0; k < end; k++) z += (d[k] ?? 0) * (denseBuf[k] ?? 0);
  return z;
}

/** The threshold for the post's language. */
export function thresholdFor(model: Model, lang: string): number {
  return lang === "fr" ? model.thresholds.fr : lang === "en" ? model.thresholds.en : model.thresholds.other;
}

/** Logit → score in [0, 1], shifted so that 0.5 is the model's decision threshold (as for the baseline). */
export function toScore(logit: number, threshold: number): number {
  return Math.round(10_000 / (1 + Math.exp(threshold - logit))) / 10_000;
}

/** Complaint score of a text in [0, 1]; ≥ 0.5 means complaint. */
export function score(model: Model, text: string, meta: AnalyseMeta = {}): number {
  analyse(text, meta);
  return toScore(logitOfAnalysed(model), thresholdFor(model, an.lang));
}

const topScores = new Float64Array(16);
/** A word must add at least this much to the logit to be quoted as a reason: below, agents see noise ("devant"). */
const MIN_REASON_LOGIT = 0.9;

/**
 * The tokens that pushed the last scored post most towards "complaint": up to `max` words, hashtags or emoji,
 * strongest first, as [start, end] offsets into an.src. Short words and function words ("my", "all", "pour")
 * are skipped: the UI highlights every occurrence of a reason.
 */
export function topContributions(max: number, out: Int32Array): number {
  let found = 0;
  const n = an.n;
  const scores = topScores;
  if (max > scores.length) max = scores.length;
  // Tokens past the hashed ones (a huge post that hit MAX_FEATURES) have stale weights: read what was hashed.
  const hashed = hashedTokenCount();
  for (let t = 0; t < hashed && t < n; t++) {
    const kind = tokKind[t];
    if (kind !== TOKEN_WORD && kind !== TOKEN_HASHTAG && kind !== TOKEN_EMOJI) continue;
    const v = (tokWeight[t] ?? 0) * lastUnit;
    if (v < MIN_REASON_LOGIT) continue;
    const start = tokStart[t] ?? 0;
    const end = tokEnd[t] ?? 0;
    if (kind === TOKEN_WORD && (end - start < 3 || isFunctionWord(t))) continue;
    // Insertion into a short list sorted by strength.
    let k: number;
    if (found < max) k = found++;
    else if (v > (scores[max - 1] ?? 0)) k = max - 1;
    else continue;
    while (k > 0 && (scores[k - 1] ?? 0) < v) {
      scores[k] = scores[k - 1] ?? 0;
      out[2 * k] = out[2 * k - 2] ?? 0;
      out[2 * k + 1] = out[2 * k - 1] ?? 0;
      k--;
    }
    scores[k] = v;
    out[2 * k] = start;
    out[2 * k + 1] = end;
  }
  return found;
}
