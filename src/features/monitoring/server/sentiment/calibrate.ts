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

/** For each candidate band: the share of polar texts that would be called neutral, and how often the sign is right inside it. */
export function neutralBandStats(raw: number[], y: number[], cal: { a: number; b: number }, bands: number[]) {
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
    const r4 = (x: number) => Math.round(x * 10000) / 10000;
    return {
      band,
      shareNeutral: r4(inside / raw.length),
      signAccuracyInside: r4(inside ? right / inside : 0),
      accuracyOutside: r4(rightOutside / Math.max(1, raw.length - inside)),
    };
  });
}
