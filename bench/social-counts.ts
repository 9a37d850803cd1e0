// Labelled, synthetic social-media mention counts for the early-warning detector: what outside evaluation
// feeds it (bursty, seasonal, often near zero), which the NAB corpus in ../shared/data does not cover
// (its Twitter-volume series are deliberately left out). Deterministic from a seed; nothing is stored.
//
// Each series is four weeks of 5-minute buckets of one topic, in local time:
// - a base rate from 0.02 to 2,000 mentions a bucket, a daily rhythm (quiet nights, busy evenings), a
//   weekend effect (up for consumer brands, down for B2B), and for some a slow growth over the month;
// - over-dispersed noise (gamma–Poisson) and small repost waves that are normal for social media;
// - recurring non-events: a daily newsletter at 08:00, a weekly TV show on Saturday evening;
// - labelled incidents (fires) after the first week: a sudden viral spike that decays over hours, a
//   build-up doubling every 40 minutes, or a quiet topic going from nothing to a post every 5 minutes.
// Windows follow NAB's convention (10% of the series divided by its incidents, centred on the onset),
// so bench/nab-score.ts scores the detector's `alert` column exactly as it scores NAB.
import type { Window } from './nab-score.ts';

export type SocialSeries = {
  name: string;
  /** Naive local timestamps, `YYYY-MM-DD HH:MM:SS` (the CLI's input format). */
  timestamps: string[];
  values: number[];
  windows: Window[];
  /** Row of each incident's onset. */
  onsets: number[];
};

const BUCKET_MS = 5 * 60_000;
const PER_DAY = 288;
const DAYS = 28;
const START = Date.UTC(2026, 0, 5); // a Monday, 00:00 local (timestamps are local and naive)
const RATES = [0.02, 0.1, 0.5, 2, 10, 50, 300, 2000];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** Gamma(k, 1) by Marsaglia–Tsang (k ≥ 1). */
function gamma(k: number, r: () => number): number {
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = gauss(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function poisson(lambda: number, r: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(r)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

/** Usual share of the day's level at an hour (local): quiet nights, busy evenings. */
function hourShape(hour: number): number {
  if (hour < 1) return 0.8;
  if (hour < 7) return 0.15;
  if (hour < 9) return 0.5;
  if (hour < 19) return 1;
  return 1.6;
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** One labelled series; `i` picks its kind, `seed` its randomness. */
export function socialSeries(i: number, seed = 1): SocialSeries {
  const r = rng(seed * 7919 + i * 104_729);
  const base = RATES[i % RATES.length];
  const weekend = i % 3 === 0 ? 1.4 : i % 3 === 1 ? 0.6 : 1;
  const growth = i % 5 === 0 ? 1 : 0; // doubles over the month
  const newsletter = i % 4 === 0;
  const tvShow = i % 4 === 1;
  const n = DAYS * PER_DAY;
  const rate = (k: number) => {
    const day = Math.floor(k / PER_DAY);
    const hour = Math.floor((k % PER_DAY) / 12);
    return base * hourShape(hour) * (day % 7 >= 5 ? weekend : 1) * (1 + (growth * k) / n);
  };
  // Incidents: none for every sixth series, else one or two, after the first week, four days apart.
  const count = i % 6 === 5 ? 0 : 1 + (i % 2);
  const onsets: number[] = [];
  while (onsets.length < count) {
    const k = 7 * PER_DAY + Math.floor(r() * (DAYS - 8) * PER_DAY);
    if (onsets.every((o) => Math.abs(o - k) > 4 * PER_DAY)) onsets.push(k);
  }
  onsets.sort((a, b) => a - b);
  const kinds = onsets.map((_, j) => (base <= 0.1 ? 'quiet' : (['viral', 'buildup'] as const)[(i + j) % 2]));
  const size = 4 + r() * 11; // incidents 4–15 times the usual daytime level
  const values = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    let lambda = rate(k) * (gamma(8, r) / 8); // over-dispersed (negative binomial, k = 8)
    if (r() < 1 / 300) lambda += 3 * rate(k) + 2 * r(); // a small repost wave, about one a day: normal here
    const minute = (k % PER_DAY) * 5;
    if (newsletter && minute >= 480 && minute < 490) lambda += 5 * base + 5;
    if (tvShow && Math.floor(k / PER_DAY) % 7 === 5 && minute >= 1200 && minute < 1230) lambda += 3 * base + 5;
    for (const [j, o] of onsets.entries()) {
      const dt = k - o;
      if (dt < 0) continue;
      const day = Math.max(base, 0.05);
      if (kinds[j] === 'quiet') lambda += dt < 12 ? 1 : 0;
      else if (kinds[j] === 'viral') lambda += size * Math.max(day, 0.5) * Math.exp(-dt / 24);
      else if (dt < 72) lambda += Math.max(day, 0.5) * Math.min(size, 2 ** (dt / 8) - 1) * (dt < 48 ? 1 : (72 - dt) / 24);
    }
    values[k] = poisson(lambda, r);
  }
  const timestamps = Array.from({ length: n }, (_, k) => stamp(START + k * BUCKET_MS));
  const width = Math.floor((0.1 * n) / Math.max(1, onsets.length));
  const windows: Window[] = onsets.map((o) => [
    timestamps[Math.max(0, o - Math.floor(width / 2))],
    timestamps[Math.min(n - 1, o + Math.ceil(width / 2))],
  ]);
  const kind = `${base}/bucket${newsletter ? ', newsletter' : ''}${tvShow ? ', tv show' : ''}${growth ? ', growing' : ''}`;
  return {
    name: `social-${String(i).padStart(2, '0')} (${kind}; ${kinds.join(', ') || 'no incident'})`,
    timestamps,
    values,
    windows,
    onsets,
  };
}

/** The benchmark's corpus: 48 series. */
export function socialCorpus(seed = 1): SocialSeries[] {
  return Array.from({ length: 48 }, (_, i) => socialSeries(i, seed));
}
