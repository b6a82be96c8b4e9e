import { describe, expect, test } from "vitest";
import { detect } from "../../../lib/detect";
import { polarityTable } from "../../../lib/detect/features";
import { decodeModel, encodeModel } from "../../../lib/detect/model";
import { bestThreshold, binaryMetrics, foldsOf, type TrainConfig, train } from "../../../lib/detect/train";
import { TRAIN_SAMPLE } from "./fixtures/train-sample";

/** Small table (2^12) so the test is fast; otherwise the shipped model's feature set. */
const CONFIG: TrainConfig = {
  features: { hashBits: 12, charMin: 3, charMax: 5, bigrams: true, handles: true, normalise: true },
  l2: 1e-5,
  epochs: 12,
  learningRate: 0.1,
  seed: 1,
  polarity: polarityTable([[123_456, -0.5]]),
};

describe("train", () => {
  test("is deterministic: the same rows and config give byte-identical models", () => {
    const a = encodeModel(train(TRAIN_SAMPLE, CONFIG));
    const b = encodeModel(train(TRAIN_SAMPLE, CONFIG));
    expect(b).toEqual(a);
    // ...and the seed matters (the shuffle is seeded, not a fixed order by accident).
    expect(encodeModel(train(TRAIN_SAMPLE, { ...CONFIG, seed: 2 }))).not.toEqual(a);
  });

  test("learns its training rows, and the model survives encode → decode → detect", () => {
    const model = decodeModel(encodeModel(train(TRAIN_SAMPLE, CONFIG)));
    const predicted = TRAIN_SAMPLE.map((r) => detect(r.text, {}, model).complaint);
    const m = binaryMetrics(
      predicted,
      TRAIN_SAMPLE.map((r) => r.label),
    );
    expect(m.macroF1).toBeGreaterThan(0.9);
  });

  test("folds are stratified and seeded", () => {
    const labels = TRAIN_SAMPLE.map((r) => r.label);
    const folds = foldsOf(labels.length, 5, 7, (i) => String(labels[i]));
    expect(foldsOf(labels.length, 5, 7, (i) => String(labels[i]))).toEqual(folds);
    for (let f = 0; f < 5; f++) {
      const inFold = labels.filter((_, i) => folds[i] === f);
      expect(inFold.length).toBeGreaterThanOrEqual(5);
      expect(inFold).toContain(1);
      expect(inFold).toContain(0);
    }
  });

  test("bestThreshold maximises macro-F1", () => {
    const { threshold, macroF1 } = bestThreshold([-2, -1, 0.5, 1, 2, 3], [0, 0, 0, 1, 1, 1]);
    expect(macroF1).toBe(1);
    expect(threshold).toBeGreaterThan(0.5);
    expect(threshold).toBeLessThan(1);
  });
});
