// Trains the statement checker's learned layer (checker/model.ts) from the labelled tuning sets — dev, tune and
// tune-2 — never the holdout. Two steps, both deterministic:
//   node scripts/train-checker-model.ts              choose each category's threshold by cross-validation (below), print JSON
//   node scripts/train-checker-model.ts --out FILE   then train on dev + tune + tune-2 with those thresholds, write the
//                                                    model as JSON; score it with `node bench/statements.ts --model FILE`
//   --sets dev,tune,…                                other tuning sets to learn from (never the holdout)
// The checker runs no model by default: see ARCHITECTURE.md (Statements, the checker) for what this one measured.
// A clause is a positive example of a category when it overlaps a labelled excerpt of that category.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  clausesOf,
  featuresOf,
  type ModelCategory,
  type ModelData,
  modelCategories,
  scoreClause,
} from '../src/features/statements/checker/model.ts';
import { normalise } from '../src/platform/text/normalise.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    lambda: { type: 'string', default: '0.05' },
    epochs: { type: 'string', default: '40' },
    'min-count': { type: 'string', default: '2' },
    'min-precision': { type: 'string', default: '0.85' },
    // The tuning sets to learn from, comma-separated (never the blind holdout).
    sets: { type: 'string', default: 'dev,tune,tune-2' },
  },
});
const LAMBDA = Number(values.lambda);
const EPOCHS = Number(values.epochs);
const MIN_COUNT = Number(values['min-count']);
const MIN_PRECISION = Number(values['min-precision']);

type Line = { id: string; lang: string; text: string; labels: { category: string; excerpt: string }[]; facts?: unknown };
const load = (name: string): Line[] =>
  fs
    .readFileSync(path.join(root, 'test/fixtures/statement-risks', `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

type Example = { features: string[]; y: boolean[] };

function examplesOf(lines: Line[]): Example[] {
  const out: Example[] = [];
  for (const line of lines) {
    const norm = normalise(line.text);
    const gold = line.labels.map((l) => {
      const start = line.text.indexOf(l.excerpt);
      return { category: l.category, start, end: start + l.excerpt.length };
    });
    for (const cl of clausesOf(norm)) {
      const y = modelCategories.map((c) => gold.some((g) => g.category === c && g.start < cl.end && cl.start < g.end));
      out.push({ features: featuresOf(norm.slice(cl.start, cl.end)), y });
    }
  }
  return out;
}

/** A small deterministic PRNG (mulberry32) for the shuffles. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One-vs-rest L2 logistic regression by AdaGrad; positives weighted by the class ratio (capped). */
function train(examples: Example[], thresholds: Record<ModelCategory, number>): ModelData {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [f, n] of counts) if (n >= MIN_COUNT) vocab.set(f, vocab.size);
  const xs = examples.map((e) => e.features.map((f) => vocab.get(f)).filter((i): i is number => i !== undefined));
  const K = modelCategories.length;
  const W = Array.from({ length: K }, () => new Float64Array(vocab.size));
  const G = Array.from({ length: K }, () => new Float64Array(vocab.size).fill(1e-8));
  const bias = new Float64Array(K);
  const gBias = new Float64Array(K).fill(1e-8);
  const rate = 0.5;
  const posWeight = modelCategories.map((_, k) => {
    const pos = examples.filter((e) => e.y[k]).length;
    return Math.min(10, (examples.length - pos) / Math.max(1, pos));
  });
  const order = examples.map((_, i) => i);
  const random = rng(7);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const x = xs[i];
      for (let k = 0; k < K; k++) {
        let z = bias[k];
        for (const f of x) z += W[k][f];
        const p = 1 / (1 + Math.exp(-z));
        const y = examples[i].y[k] ? 1 : 0;
        const g = (p - y) * (y ? posWeight[k] : 1);
        gBias[k] += g * g;
        bias[k] -= (rate * g) / Math.sqrt(gBias[k]);
        for (const f of x) {
          const gf = g + LAMBDA * W[k][f];
          G[k][f] += gf * gf;
          W[k][f] -= (rate * gf) / Math.sqrt(G[k][f]);
        }
      }
    }
  }
  // Keep the weights that matter (rounded), so the shipped model stays small enough for the browser.
  const weights: Record<string, number[]> = {};
  for (const [f, i] of vocab) {
    const w = W.map((row) => Math.round(row[i] * 1000) / 1000);
    if (w.some((v) => Math.abs(v) >= 0.02)) weights[f] = w;
  }
  const categories = Object.fromEntries(
    modelCategories.map((c, k) => [c, { bias: Math.round(bias[k] * 1000) / 1000, threshold: thresholds[c] }]),
  ) as ModelData['categories'];
  return {
    version: 1,
    provenance: `trained by scripts/train-checker-model.ts on dev+tune+tune-2 (${examples.length} clauses); lambda ${LAMBDA}, epochs ${EPOCHS}, min count ${MIN_COUNT}`,
    categories,
    weights,
  };
}

const grid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.995, 1.01];
const defaults = Object.fromEntries(modelCategories.map((c) => [c, 1.01])) as Record<ModelCategory, number>;

/**
 * The rules were tuned on every tuning set, so no tuning set can say what the model adds where rules miss. So the
 * thresholds come from the model ALONE under 5-fold cross-validation over the tuning sets (folds by sentence):
 * per category, the lowest threshold whose out-of-fold precision is at least MIN_PRECISION — the false alarms it
 * would add on text it has not seen — with its out-of-fold recall reported for what it catches on its own.
 */
function chooseThresholds(lines: Line[]) {
  const folds = 5;
  const order = lines.map((_, i) => i);
  const random = rng(11);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  // Out-of-fold model scores per line, per clause.
  const oof: { line: Line; scores: { start: number; end: number; s: number[] }[] }[] = [];
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f).map((i) => lines[i]);
    const trainLines = order.filter((_, i) => i % folds !== f).map((i) => lines[i]);
    const model = train(examplesOf(trainLines), defaults);
    for (const line of test) {
      const norm = normalise(line.text);
      oof.push({ line, scores: clausesOf(norm).map((cl) => ({ ...cl, s: scoreClause(model, norm.slice(cl.start, cl.end)) })) });
    }
  }
  const chosen = { ...defaults };
  const report: Record<string, { threshold: number; precision: number; recall: number; predicted: number }> = {};
  modelCategories.forEach((c, k) => {
    for (const t of grid) {
      let gold = 0;
      let tp = 0;
      let predicted = 0;
      let matched = 0;
      for (const { line, scores } of oof) {
        const g = line.labels
          .filter((l) => l.category === c)
          .map((l) => ({ start: line.text.indexOf(l.excerpt), end: line.text.indexOf(l.excerpt) + l.excerpt.length }));
        const p = scores.filter((x) => x.s[k] >= t);
        const ov = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
        gold += g.length;
        tp += g.filter((x) => p.some((y) => ov(x, y))).length;
        predicted += p.length;
        matched += p.filter((y) => g.some((x) => ov(x, y))).length;
      }
      const precision = predicted ? matched / predicted : 1;
      if (process.env.CURVE) console.error(c, t, precision.toFixed(2), (tp / Math.max(1, gold)).toFixed(2), predicted);
      if (precision >= MIN_PRECISION || t === grid.at(-1)) {
        chosen[c] = t;
        report[c] = {
          threshold: t,
          precision: Math.round(precision * 1000) / 1000,
          recall: Math.round((tp / Math.max(1, gold)) * 1000) / 1000,
          predicted,
        };
        break;
      }
    }
  });
  return { chosen, report };
}

const setNames = (values.sets ?? '').split(',').filter(Boolean);
if (setNames.includes('holdout')) throw new Error('The blind holdout is never trained on.');
const all = setNames.flatMap((n) => load(n));
const { chosen, report } = chooseThresholds(all);
console.log(
  JSON.stringify(
    { crossValidatedOn: `${setNames.join('+')} (5 folds, model alone)`, minPrecision: MIN_PRECISION, perCategory: report },
    null,
    1,
  ),
);
if (values.out) {
  const model = train(examplesOf(all), chosen);
  const body = JSON.stringify(model);
  fs.writeFileSync(values.out, body);
  console.error(`wrote ${values.out}: ${Object.keys(model.weights).length} features, ${(body.length / 1024).toFixed(0)} kB`);
}
