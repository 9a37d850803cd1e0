// NB-weighted logistic regression (NBSVM-style, Wang & Manning 2012) over binary hashed features:
// naive-Bayes log-count ratios r scale each feature, then logistic regression is fitted by AdaGrad SGD.
// The two collapse into one weight per bucket (w·r), so classifying is a sum of looked-up weights.

/** Training documents as compressed rows: features of doc d are feats[offsets[d] .. offsets[d+1]). */
export type Rows = { offsets: Int32Array; feats: Int32Array; count: number };

/** Hyper-parameters of the learner (recorded in the model's provenance). */
export type LearnParams = {
  /** Laplace smoothing of the NB counts. */
  alpha: number;
  epochs: number;
  /** AdaGrad base learning rate. */
  rate: number;
  /** L2 penalty per update (applied to the active features). */
  l2: number;
  /** Divide each document's feature sum by sqrt(number of features), so long reviews do not dominate. */
  lengthNorm: boolean;
  /** Seed for the shuffling order. */
  seed: number;
  /** Average the weights at the end of each epoch from this epoch on (0-based); epochs means no averaging. */
  averageFrom: number;
};

/** A fitted linear model: score(doc) = bias + norm(doc) · Σ weights[feature]. */
export type LinearModel = { weights: Float32Array; bias: number; lengthNorm: boolean };

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** NB log-count ratios over binary features; targets ≥ 0.75 count as positive, ≤ 0.25 as negative. */
export function nbRatios(rows: Rows, targets: Float32Array, buckets: number, alpha: number): { r: Float32Array; prior: number } {
  const p = new Float64Array(buckets).fill(alpha);
  const q = new Float64Array(buckets).fill(alpha);
  let np = 0;
  let nq = 0;
  for (let d = 0; d < rows.count; d++) {
    const y = targets[d];
    if (y > 0.25 && y < 0.75) continue;
    const into = y >= 0.75 ? p : q;
    if (y >= 0.75) np++;
    else nq++;
    for (let k = rows.offsets[d]; k < rows.offsets[d + 1]; k++) into[rows.feats[k]]++;
  }
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < buckets; j++) {
    sp += p[j];
    sq += q[j];
  }
  const r = new Float32Array(buckets);
  for (let j = 0; j < buckets; j++) r[j] = Math.log(p[j] / sp) - Math.log(q[j] / sq);
  return { r, prior: Math.log((np + 1) / (nq + 1)) };
}

/** Fits NB-weighted logistic regression; `sampleWeights` lets user corrections count more than base rows. */
export function fitNbLr(rows: Rows, targets: Float32Array, sampleWeights: Float32Array, buckets: number, params: LearnParams): LinearModel {
  const { r } = nbRatios(rows, targets, buckets, params.alpha);
  const w = new Float32Array(buckets);
  const g2 = new Float32Array(buckets).fill(1e-6);
  let bias = 0;
  let biasG2 = 1e-6;
  const order = new Int32Array(rows.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const rand = prng(params.seed);
  const avg = params.averageFrom < params.epochs ? new Float64Array(buckets) : undefined;
  let avgBias = 0;
  let averaged = 0;
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (const d of order) {
      const from = rows.offsets[d];
      const to = rows.offsets[d + 1];
      const scale = params.lengthNorm && to > from ? 1 / Math.sqrt(to - from) : 1;
      let z = bias;
      for (let k = from; k < to; k++) {
        const f = rows.feats[k];
        z += w[f] * r[f] * scale;
      }
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - targets[d]) * sampleWeights[d];
      for (let k = from; k < to; k++) {
        const f = rows.feats[k];
        const gf = g * r[f] * scale + params.l2 * w[f];
        g2[f] += gf * gf;
        w[f] -= (params.rate * gf) / Math.sqrt(g2[f]);
      }
      biasG2 += g * g;
      bias -= (params.rate * g) / Math.sqrt(biasG2);
    }
    if (avg && epoch >= params.averageFrom) {
      for (let j = 0; j < buckets; j++) avg[j] += w[j];
      avgBias += bias;
      averaged++;
    }
  }
  const weights = new Float32Array(buckets);
  for (let j = 0; j < buckets; j++) weights[j] = (avg ? avg[j] / averaged : w[j]) * r[j];
  return { weights, bias: avg ? avgBias / averaged : bias, lengthNorm: params.lengthNorm };
}

/** The raw score (log-odds of positive) of one document's features. */
export function scoreFeatures(model: LinearModel, feats: Int32Array): number {
  let s = 0;
  for (let k = 0; k < feats.length; k++) s += model.weights[feats[k]];
  const scale = model.lengthNorm && feats.length > 0 ? 1 / Math.sqrt(feats.length) : 1;
  return model.bias + s * scale;
}
