// Probability calibration (Platt scaling) of raw model scores, and what a neutral band would cost.

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Fits P(y=1) = σ(a·raw + b) by Newton's method on (raw score, target in [0,1]) pairs, with Platt's smoothed targets. */
export function calibrate(raw: number[], y: number[]): { a: number; b: number } {
  const pos = y.filter((v) => v >= 0.5).length;
  const neg = y.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = y.map((v) => (v >= 0.75 ? hi : v <= 0.25 ? lo : v));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < raw.length; i++) {
      const p = sigmoid(a * raw[i] + b);
      const d = p - t[i];
      const w = p * (1 - p);
      ga += d * raw[i];
      gb += d;
      haa += w * raw[i] * raw[i];
      hab += w * raw[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

/**
 * How often the sign is right as a function of |score|: isotonic (pool-adjacent-violators) regression of
 * "sign right" on |2·P − 1|, over (raw score, target) pairs. Returns the blocks, ascending in |score|; each
 * block's accuracy applies to every text in [from, to].
 */
export function signAccuracyCurve(raw: number[], y: number[], cal: { a: number; b: number }) {
  const pts = raw
    .map((r, i) => {
      const score = 2 * sigmoid(cal.a * r + cal.b) - 1;
      return { m: Math.abs(score), ok: score > 0 === y[i] >= 0.5 ? 1 : 0 };
    })
    .sort((p, q) => p.m - q.m);
  const blocks: Array<{ from: number; to: number; n: number; right: number }> = [];
  for (const p of pts) {
    blocks.push({ from: p.m, to: p.m, n: 1, right: p.ok });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.right / prev.n < last.right / last.n) break;
      prev.n += last.n;
      prev.right += last.right;
      prev.to = last.to;
      blocks.pop();
    }
  }
  return blocks.map((b) => ({ from: b.from, to: b.to, n: b.n, accuracy: b.right / b.n }));
}

/**
 * For each candidate band: the share of polar texts that would be called neutral, how often the sign is right
 * inside it (on average) and outside it, and `signAccuracyAtEdge`: the isotonic estimate of how often the sign is
 * right for the best-placed text inside the band (the one with the largest |score|), i.e. the most that a neutral
 * answer inside this band gives up.
 */
export function neutralBandStats(raw: number[], y: number[], cal: { a: number; b: number }, bands: number[]) {
  const curve = signAccuracyCurve(raw, y, cal);
  return bands.map((band) => {
    let inside = 0;
    let right = 0;
    let rightOutside = 0;
    for (let i = 0; i < raw.length; i++) {
      const score = 2 * sigmoid(cal.a * raw[i] + cal.b) - 1;
      const ok = score > 0 === y[i] >= 0.5;
      if (Math.abs(score) < band) {
        inside++;
        if (ok) right++;
      } else if (ok) rightOutside++;
    }
    let edge = 0;
    for (const b of curve) if (b.from < band) edge = b.accuracy;
    const r4 = (x: number) => Math.round(x * 10000) / 10000;
    return {
      band,
      shareNeutral: r4(inside / raw.length),
      signAccuracyInside: r4(inside ? right / inside : 0),
      signAccuracyAtEdge: r4(edge),
      accuracyOutside: r4(rightOutside / Math.max(1, raw.length - inside)),
    };
  });
}
