import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neutralBandStats, signAccuracyCurve } from './calibrate.ts';
import { createExtractor, type FeatureSpec } from './features.ts';
import { fitNbLr, type Rows, scoreFeatures } from './learn.ts';
import { decodeModel, encodeModel } from './model-file.ts';

const spec: FeatureSpec = { bits: 12, maxN: 3, boundaries: true, foldDigits: true };

function rows(texts: string[]): Rows {
  const x = createExtractor(spec);
  const parts = texts.map((t) => x(t).slice());
  const offsets = new Int32Array(texts.length + 1);
  parts.forEach((p, i) => {
    offsets[i + 1] = offsets[i] + p.length;
  });
  const feats = new Int32Array(offsets[texts.length]);
  parts.forEach((p, i) => {
    feats.set(p, offsets[i]);
  });
  return { offsets, feats, count: texts.length };
}

test('features: distinct buckets, separators collapsed, digits folded', () => {
  const x = createExtractor(spec);
  const a = x('好吃 好吃').slice();
  assert.equal(new Set(a).size, a.length);
  assert.deepEqual([...x('价格 199元')].sort(), [...x('价格   288元')].sort());
  assert.notDeepEqual([...x('好吃')].sort(), [...x('吃好')].sort());
});

test('learns a separable toy problem, deterministically', () => {
  const pos = ['很好', '非常好', '好吃', '满意', '很满意', '推荐'];
  const neg = ['很差', '非常差', '难吃', '失望', '很失望', '退货'];
  const r = rows([...pos, ...neg]);
  const y = Float32Array.from([...pos, ...neg], (_, i) => (i < pos.length ? 1 : 0));
  const w = new Float32Array(y.length).fill(1);
  const params = { alpha: 0.5, epochs: 20, rate: 0.3, l2: 0, lengthNorm: true, seed: 7, averageFrom: 5 };
  const m = fitNbLr(r, y, w, 1 << spec.bits, params);
  const x = createExtractor(spec);
  assert.ok(scoreFeatures(m, x('很好吃')) > 0);
  assert.ok(scoreFeatures(m, x('很难吃')) < 0);
  const again = fitNbLr(r, y, w, 1 << spec.bits, params);
  assert.deepEqual(again.weights, m.weights);
});

test('model file round trip, and corrupt files are refused', () => {
  const weights = new Int8Array(1 << spec.bits);
  weights[3] = 5;
  weights[200] = -127;
  weights[4095] = 127;
  const header = {
    format: 'firebreak-sentiment-zh' as const,
    spec,
    bias: 0.1,
    scale: 0.02,
    lengthNorm: true,
    calibration: { a: 1, b: 0 },
    neutralBand: 0.2,
    trainedAt: '2025-01-01T00:00:00.000Z',
    fingerprint: 'x',
  };
  const bytes = encodeModel(header, weights);
  const back = decodeModel(bytes);
  assert.deepEqual(back.weights, weights);
  assert.equal(back.header.entries, 3);
  assert.throws(() => decodeModel(Buffer.from('not gzip')));
  assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 8)));
});

test('neutral band: isotonic sign accuracy at the band edge, not the band average', () => {
  // Identity calibration (a = 1, b = 0): |score| = |2σ(raw) − 1|. Near 0 the sign is right half the time,
  // further out always; the band average stays low well past the point where the sign becomes reliable.
  const raw: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 40; i++) {
    raw.push(0.01 + i * 0.004); // |score| < 0.09: right every other time
    y.push((i + 1) % 2);
  }
  for (let i = 0; i < 10; i++) {
    raw.push(0.35 + i * 0.01); // |score| ≈ 0.17–0.22: always right
    y.push(1);
  }
  const cal = { a: 1, b: 0 };
  const curve = signAccuracyCurve(raw, y, cal);
  for (let k = 1; k < curve.length; k++) assert.ok(curve[k].accuracy > curve[k - 1].accuracy);
  const stats = neutralBandStats(raw, y, cal, [0.1, 0.2]);
  assert.ok(stats[0].signAccuracyAtEdge <= 0.55, JSON.stringify(stats));
  assert.equal(stats[1].signAccuracyAtEdge, 1);
  assert.ok(stats[1].signAccuracyInside <= 0.65, 'the average alone would have allowed the wider band');
});
