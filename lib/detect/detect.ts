/**
 * Complaint detection. Two deciders behind one `detect()`:
 * - the trained linear model (./model.ts), when the caller passes one (the background fetches
 *   /model/detect-v1.bin once and decodes it with `loadModelFromBytes`, lib/detect/service.ts);
 * - else the lexicon baseline: a weighted lexicon with negation, sarcasm and intensity rules (./analyse.ts,
 *   ./lexicon.ts), so nothing breaks before the model is loaded or when it fails to load.
 * Either way severity, category, language and the quoted reasons come from the lexicon engine, made consistent
 * with the decision; `model` in the result says which decider judged.
 *
 * Pure and synchronous once the lexicon is installed (./index.ts installs the built-in one, `installLexicon`); a
 * call costs microseconds (it runs on every post of a timeline). Type-only imports from ../schemas.
 */
import type { Detection, PostMetrics, Severity } from "../schemas";
import { type AnalyseMeta, addReasonSpan, an, analyse, collectReasons } from "./analyse";
import { decodeModel, logitOfAnalysed, type Model, thresholdFor, topContributions, toScore } from "./model";

export { detectLang } from "./lang";
export { decodeModel, type Model, score } from "./model";

export const MODEL_ID = "baseline-lexicon-1";

export interface DetectMeta extends AnalyseMeta {
  /** The `lang` attribute the site put on the text. */
  langAttr?: string | null;
  /** The brand's own handles, with or without "@": a post addressed to the brand is more likely a complaint. */
  brandHandles?: readonly string[];
  /** Brand names and product names, as typed in the options. */
  brandKeywords?: readonly string[];
  /** Reach: raises `risk` (how much a reply is urgent), never the complaint verdict. */
  metrics?: PostMetrics;
  /**
   * The team's cut on `score` (settings): 0.5 is the model's own balance; higher flags fewer posts (fewer false
   * alarms, more misses), lower flags more.
   */
  threshold?: number;
}

/** Decodes public/model/detect-v1.bin; throws on a corrupted or incompatible file (then keep the baseline). */
export function loadModelFromBytes(bytes: Uint8Array): Model {
  return decodeModel(bytes);
}

/** Words the model may quote as reasons, on top of the lexicon's cues. */
const MODEL_REASONS = 3;
const spans = new Int32Array(2 * MODEL_REASONS);

function cutOf(meta: DetectMeta): number {
  const t = meta.threshold;
  return t !== undefined && t > 0 && t < 1 ? t : 0.5;
}

/** Classify one post. `meta` carries what the page knows besides the text; `model` the trained weights. */
export function detect(text: string, meta: DetectMeta = {}, model?: Model): Detection {
  analyse(text, meta);
  let score: number;
  // A post without a single word ("@Brand 🤬🤬") gives the model nothing it was trained on: the lexicon, which
  // knows anger emoji and hashtags, judges it.
  const judge = an.words > 0 ? model : undefined;
  if (judge) {
    score = toScore(logitOfAnalysed(judge), thresholdFor(judge, an.lang));
    if (score >= cutOf(meta)) {
      const found = topContributions(MODEL_REASONS, spans);
      for (let k = 0; k < found; k++) addReasonSpan(spans[2 * k] ?? 0, spans[2 * k + 1] ?? 0);
    }
  } else {
    score = Math.round(10_000 / (1 + Math.exp(-an.sum))) / 10_000;
  }
  const complaint = score >= cutOf(meta);
  // The decision rules severity: a complaint the lexicon found no severity for is a plain one (1); a post the
  // decider clears has none, whatever words it used.
  const severity = (complaint ? Math.max(1, an.maxSeverity) : 0) as Severity;
  return {
    complaint,
    score,
    severity,
    category: an.category,
    lang: an.lang,
    reasons: collectReasons(),
    model: judge ? judge.id : MODEL_ID,
    risk: riskOf(score, severity, meta.metrics),
    brandDirected: an.brand,
  };
}

/**
 * How urgent a reply is, 0–1: how likely a complaint (score), how heated (threats and accusations, capitals,
 * "!!!", anger hashtags and emoji such as #yenamarre #fail 😡, sarcasm), and how far it can travel (engagement
 * already gathered). A hand-set formula, not trained: no labelled data for urgency yet.
 * Weights: intensity and reach each move a sure complaint by up to 0.4 and 0.3 above a floor of 0.3.
 */
function riskOf(score: number, severity: number, metrics: PostMetrics | undefined): number {
  let heat = 0;
  if (severity >= 2) heat += 0.3;
  if (severity >= 3) heat += 0.2;
  if (an.caps >= 2 || an.capsCue) heat += 0.15;
  if (an.bangs > 0) heat += 0.1;
  if (an.anger > 0) heat += 0.2;
  if (an.hashtags > 0) heat += 0.05 * Math.min(an.hashtags, 2);
  if (an.sarcasm > 0) heat += 0.1;
  if (heat > 1) heat = 1;
  let reach = 0;
  if (metrics) {
    // Reposts and replies spread a post further than likes; views are plentiful and weak.
    const engagement =
      3 * (metrics.reposts ?? 0) + 2 * (metrics.replies ?? 0) + (metrics.likes ?? 0) + (metrics.views ?? 0) / 200;
    reach = Math.min(1, Math.log10(1 + engagement) / 4); // 10,000 weighted interactions: full reach
  }
  const risk = score * (0.3 + 0.4 * heat + 0.3 * reach);
  return Math.round(Math.min(1, Math.max(0, risk)) * 10_000) / 10_000;
}
