// `firebreak sentiment train`: learns the Chinese model from the shared review corpora (plus user
// corrections), calibrates it, measures it on the held-out split, and writes the model file and its
// provenance (`sentiment-zh.meta.json`) into the output directory. Deterministic for the same inputs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as OpenCC from 'opencc-js';
import { calibrate, neutralBandStats } from './calibrate.ts';
import { bucketOf, dedupKey, type Example, isTest, keyHash, type Label, loadCorpus, SPLIT_RULE } from './data.ts';
import { metricsBySource } from './evaluate.ts';
import { createExtractor, type FeatureSpec } from './features.ts';
import { fitNbLr, type LearnParams, type LinearModel, type Rows, scoreFeatures } from './learn.ts';
import { createClassifier } from './model.ts';
import { decodeModel, encodeModel } from './model-file.ts';

/** Feature settings of the shipped model (chosen on a validation split inside the training data). */
export const DEFAULT_SPEC: FeatureSpec = { bits: 22, maxN: 3, boundaries: true, foldDigits: true };
/** Learner settings of the shipped model. */
export const DEFAULT_PARAMS: LearnParams = { alpha: 0.5, epochs: 6, rate: 0.15, l2: 0, lengthNorm: true, seed: 1, averageFrom: 1 };
/**
 * The neutral band is the widest |2P−1| band (in steps of 0.05) in which every text's sign is estimated to be
 * right at most this often — no better than a coin flip. The estimate is an isotonic regression of "sign right"
 * on |2P−1| over the calibration split (see MODEL_CARD.md). (Until 2026-11-30 the rule applied this bound to the
 * band's average accuracy, which also made neutral the texts at the band's edge that the sign got right 56–58%
 * of the time.)
 */
export const COIN_FLIP = 0.55;
const BAND_CANDIDATES = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
/** Buckets seen in fewer base training texts than this are dropped (unless a correction uses them). */
export const MIN_DF = 2;
/** A user correction counts this many times as much as one base review. */
export const CORRECTION_WEIGHT = 10;
/** Training texts with 10 ≤ bucket < 20 calibrate probabilities (with a model fitted without them). */
const CALIBRATION_BUCKETS = [10, 20] as const;

/** Options of one training run. */
export type TrainOptions = {
  dataDir: string;
  outDir: string;
  /**
   * User corrections, used on top of the base data: they replace a base text with the same dedup key, are
   * learned with CORRECTION_WEIGHT, and the model answers exactly those texts (after normalisation) as corrected.
   */
  extra?: Array<{ text: string; label: Label }>;
  log?: (message: string) => void;
};

function rowsOf(texts: string[], spec: FeatureSpec): Rows {
  const extract = createExtractor(spec);
  const offsets = new Int32Array(texts.length + 1);
  let feats = new Int32Array(texts.length * 64);
  let n = 0;
  texts.forEach((t, i) => {
    const f = extract(t);
    if (n + f.length > feats.length) {
      const bigger = new Int32Array(Math.max(feats.length * 2, n + f.length));
      bigger.set(feats.subarray(0, n));
      feats = bigger;
    }
    feats.set(f, n);
    n += f.length;
    offsets[i + 1] = n;
  });
  return { offsets, feats: feats.subarray(0, n), count: texts.length };
}

function subset(rows: Rows, keep: (d: number) => boolean): { rows: Rows; index: number[] } {
  const index: number[] = [];
  for (let d = 0; d < rows.count; d++) if (keep(d)) index.push(d);
  const offsets = new Int32Array(index.length + 1);
  let total = 0;
  for (let i = 0; i < index.length; i++) total += rows.offsets[index[i] + 1] - rows.offsets[index[i]];
  const feats = new Int32Array(total);
  let o = 0;
  index.forEach((d, i) => {
    feats.set(rows.feats.subarray(rows.offsets[d], rows.offsets[d + 1]), o);
    o += rows.offsets[d + 1] - rows.offsets[d];
    offsets[i + 1] = o;
  });
  return { rows: { offsets, feats, count: index.length }, index };
}

const targetOf = (l: Label) => (l === 'positive' ? 1 : l === 'negative' ? 0 : 0.5);

/** Trains, evaluates and writes the model; returns the provenance record that was written. */
export async function trainSentiment(opts: TrainOptions) {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const spec = DEFAULT_SPEC;
  const params = DEFAULT_PARAMS;
  log(`Reading ${opts.dataDir} …`);
  const { examples, report } = loadCorpus(opts.dataDir);

  // Corrections: last one per text wins; they replace a base text with the same key.
  const corrections = new Map<string, { text: string; label: Label; key: string }>();
  for (const e of opts.extra ?? []) {
    const key = dedupKey(e.text);
    if (key) corrections.set(key, { ...e, key });
  }
  const test = examples.filter((e) => isTest(e.key) && !corrections.has(e.key));
  const base = examples.filter((e) => !isTest(e.key) && !corrections.has(e.key));
  const extra = [...corrections.values()];
  const overlappingTest = examples.filter((e) => isTest(e.key) && corrections.has(e.key)).length;
  log(`${examples.length} texts after deduplication: ${base.length} train, ${test.length} held out; ${extra.length} corrections.`);

  const all: Array<Pick<Example, 'key' | 'label'>> = [...base, ...extra];
  const rows = rowsOf(
    all.map((e) => e.key),
    spec,
  );
  const targets = Float32Array.from(all, (e) => targetOf(e.label));
  const weights = Float32Array.from(all, (_, i) => (i < base.length ? 1 : CORRECTION_WEIGHT));
  const isCalib = (d: number) =>
    d < base.length && bucketOf(all[d].key) >= CALIBRATION_BUCKETS[0] && bucketOf(all[d].key) < CALIBRATION_BUCKETS[1];
  const B = 1 << spec.bits;

  // Stage 1: fit without the calibration texts, then fit P(positive) = σ(a·raw + b) on them.
  const fitPart = subset(rows, (d) => !isCalib(d));
  const calPart = subset(rows, isCalib);
  const pick = (arr: Float32Array, index: number[]) => Float32Array.from(index, (d) => arr[d]);
  log(`Stage 1: fitting on ${fitPart.rows.count} texts to calibrate on ${calPart.rows.count} …`);
  const m1 = fitNbLr(fitPart.rows, pick(targets, fitPart.index), pick(weights, fitPart.index), B, params);
  const calRaw = calPart.index.map((_, i) =>
    scoreFeatures(m1, calPart.rows.feats.subarray(calPart.rows.offsets[i], calPart.rows.offsets[i + 1])),
  );
  const calY = calPart.index.map((d) => targets[d]);
  const calibration = calibrate(calRaw, calY);
  const bandStats = neutralBandStats(calRaw, calY, calibration, BAND_CANDIDATES);
  const neutralBand = bandStats.filter((s) => s.signAccuracyAtEdge <= COIN_FLIP).reduce((m, s) => Math.max(m, s.band), 0);
  log(`Calibration: a=${calibration.a.toFixed(3)} b=${calibration.b.toFixed(3)}; neutral band |score| < ${neutralBand}.`);

  // Stage 2: fit on everything, prune rare buckets, quantise to int8.
  log(`Stage 2: fitting on all ${rows.count} training texts …`);
  const m2: LinearModel = fitNbLr(rows, targets, weights, B, params);
  const df = new Int32Array(B);
  for (let d = 0; d < rows.count; d++) {
    for (let k = rows.offsets[d]; k < rows.offsets[d + 1]; k++) df[rows.feats[k]] += d < base.length ? 1 : MIN_DF;
  }
  const kept: number[] = [];
  for (let j = 0; j < B; j++) if (df[j] >= MIN_DF && m2.weights[j] !== 0) kept.push(Math.abs(m2.weights[j]));
  kept.sort((x, y) => x - y);
  const clip = kept[Math.min(kept.length - 1, Math.floor(kept.length * 0.9999))] || 1;
  const scale = clip / 127;
  const q = new Int8Array(B);
  for (let j = 0; j < B; j++) if (df[j] >= MIN_DF) q[j] = Math.max(-127, Math.min(127, Math.round(m2.weights[j] / scale)));

  const files = report.files;
  const fingerprint = crypto
    .createHash('sha256')
    .update(
      JSON.stringify({
        spec,
        params,
        files,
        extra: extra.map((e) => [e.key, e.label]),
        neutralRule: { coinFlip: COIN_FLIP, estimate: 'isotonic' },
      }),
    )
    .digest('hex');
  const trainedAt = new Date().toISOString();
  const overrides = Object.fromEntries(extra.map((e) => [keyHash(e.key), e.label]));
  const header = {
    format: 'firebreak-sentiment-zh' as const,
    spec,
    bias: m2.bias,
    scale,
    lengthNorm: m2.lengthNorm,
    calibration,
    neutralBand,
    trainedAt,
    fingerprint,
    overrides,
  };
  const bytes = encodeModel(header, q);
  const classifier = createClassifier(decodeModel(bytes));

  log(`Evaluating on ${test.length} held-out texts (Simplified, and converted to Traditional) …`);
  const simplified = metricsBySource(
    test,
    test.map((e) => classifier.classify(e.text)),
  );
  const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const traditional = metricsBySource(
    test,
    test.map((e) => classifier.classify(toTrad(e.text))),
  );

  const modelName = 'sentiment-zh.model.gz';
  const meta = {
    model: modelName,
    bytes: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    fingerprint,
    trainedAt,
    trainingSeconds: Math.round((performance.now() - t0) / 100) / 10,
    node: process.version,
    data: {
      dir: path.relative(path.dirname(path.resolve(opts.outDir)), path.resolve(opts.dataDir)),
      files,
      emptyOrBad: report.emptyOrBad,
      duplicateRows: report.duplicates,
      conflictingTextsDropped: report.conflicting,
      textsAfterDedup: report.kept,
      train: base.length,
      heldOut: test.length,
      split: SPLIT_RULE,
      calibration: `training texts with ${CALIBRATION_BUCKETS[0]} ≤ bucket < ${CALIBRATION_BUCKETS[1]} (${calPart.rows.count}): Platt scaling fitted on them with a model trained without them`,
    },
    corrections: {
      used: extra.length,
      neutral: extra.filter((e) => e.label === 'neutral').length,
      weight: CORRECTION_WEIGHT,
      heldOutTextsReplaced: overlappingTest,
    },
    features: { ...spec, description: 'hashed (murmur3 mix) binary character 1–3-grams of normalise(text), whitespace collapsed' },
    learner: { ...params, method: 'NB-weighted logistic regression (NBSVM-style), AdaGrad SGD, epoch-averaged weights' },
    pruning: { minDf: MIN_DF, entries: classifier.header.entries, quantisation: 'int8, clip at the 99.99th percentile of |weight|' },
    calibration: {
      ...calibration,
      neutralBand,
      rule: `widest band in which every text's sign accuracy, estimated by isotonic regression on |score| over the calibration split (signAccuracyAtEdge), is ≤ ${COIN_FLIP}`,
      bandOnCalibrationSplit: bandStats,
    },
    heldOut: {
      simplified,
      traditional,
      traditionalConversion: 'opencc-js cn → tw (phrase-level), then the model normalises back to Simplified',
    },
  };
  fs.mkdirSync(opts.outDir, { recursive: true });
  const modelPath = path.join(opts.outDir, modelName);
  const metaPath = path.join(opts.outDir, 'sentiment-zh.meta.json');
  for (const [file, content] of [
    [modelPath, bytes],
    [metaPath, `${JSON.stringify(meta, null, 2)}\n`],
  ] as const) {
    fs.writeFileSync(`${file}.tmp`, content);
    fs.renameSync(`${file}.tmp`, file);
  }
  log(`Wrote ${modelPath} (${bytes.length} bytes) and ${metaPath} in ${meta.trainingSeconds} s.`);
  return meta;
}
