// The early-warning detector for one series (a topic's mention volume, negative volume, …), strictly
// online: step(t, value) sees one bucket at a time and decides from that bucket and the past only.
//
// Model: a robust level plus a daily rhythm (per hour-of-day offsets, learned after two days) and a
// weekly one (per hour-of-week corrections, used after two weeks), a robust noise scale per hour of
// day, and evidence pooled over the last few buckets so a slow build-up counts as much as a single
// spike. Counts (whole non-negative numbers: mention volumes) are modelled through the
// Anscombe transform 2√(x + 3/8), in which Poisson noise has unit variance — so a quiet topic going
// from 0 to 12 posts an hour stands out, and a topic that always has 10,000 does not alarm on 10,100.
// Evidence must also be rare in the series' own history — unless the bucket is a new all-time extreme.
// No dependencies beyond the shared time-zone helper: the server, the CLI (`firebreak detect`) and the
// benchmark share it. ARCHITECTURE.md ("Early warning") describes the gates and why.

import { offsetAt } from '../../platform/time-zone.ts';

/** How readily a series alarms. */
export type Sensitivity = 'low' | 'normal' | 'high';

/** One bucket's verdict. */
export type Verdict = {
  /** 0..1; ≥ 0.5 means the evidence crossed the alert line (alerts may still be held back by the cool-down). */
  score: number;
  /** True when this bucket raises an alert. */
  alert: boolean;
  /** Standardised distance from expected (signed, in noise units) of the strongest evidence. */
  deviation: number;
  /** Expected value and its band (back in the original units). */
  expected: number;
  low: number;
  high: number;
};

/** Evidence (noise units) needed to alert, per sensitivity. */
const ALERT_AT: Record<Sensitivity, number> = { low: 6, normal: 5, high: 4 };
/** Buckets pooled for slow build-ups. */
const POOLS = [1, 4, 12, 48];
/** Buckets over which a rise in variability (not level) is judged, for series watched both ways. */
const SPREAD = [12, 48];
const EVIDENCE = POOLS.length + SPREAD.length;
/**
 * Evidence whose rarity is judged by a fitted tail: single buckets, short pools and variability are
 * heavy-tailed (one repost wave, one odd reading), so "rarer than 99% of the past" lets one through
 * every day or so; these must be as rare as TAIL_Q by a generalised Pareto fit of their history's
 * tail. Long pools average many buckets and are judged by the empirical share (RARITY).
 */
const FITTED_TAIL = [...POOLS.map((w) => w <= 4), ...SPREAD.map(() => true)];
/** Per bucket: with 5-minute buckets about once in 11 days per kind of evidence, on a topic's own noise. */
const TAIL_Q = 3e-4;
const HOUR = 3_600_000;
/** After an alert, the same series does not raise another for this long (it updates the open one). */
const COOLDOWN_MS = 12 * HOUR;
const RARITY = 0.99;
/**
 * Evidence must exceed what recurred at this time of day or week by this factor to be news. A
 * recurring event's evidence varies from day to day (a newsletter's burst is noisy counts too), so
 * 1.25 let the larger days through as alerts.
 */
const RECUR_MARGIN = 1.5;
/**
 * A bucket beyond every value the series has shown (a new all-time high, or low when watching both
 * ways) alerts without the rarity gate when its evidence is this many times the line: a record is
 * rare by definition, however heavy-tailed the series' own evidence has been.
 */
const RECORD_LINE = 1.5;
/**
 * A record alerts even during the cool-down once nothing has been over the line for this long: the
 * episode that started the cool-down is over, and a new all-time extreme after it is a new event
 * (a record inside the same burst — a TV show's counts climbing minute by minute — is not).
 */
const RECORD_GAP_MS = HOUR;
/** Evidence bins: 8 per doubling, from 0 to ~2^25 noise units. */
const RARITY_BINS = 200;
const binOf = (x: number) => Math.min(RARITY_BINS - 1, Math.floor(Math.log2(1 + x) * 8));
/** Per-bucket weight decay of past evidence (half-life ≈ 2 weeks of 5-minute buckets). */
/** The model's learning rates (exported for the benchmark's experiments; not per-topic settings). */
export const RATES = { halfLife: 4032, level: 0.05, scale: 0.02, dev: 0.05, profile: 0.15 };
/** Buckets of history before rarity is judged. */
const MIN_HISTORY = 100;
const DAY = 24 * HOUR;
/**
 * The weekly rhythm: each hour of the week keeps a correction to its hour of day's usual value
 * (Sunday evening is quieter than a weekday evening for a taxi fleet; a consumer brand is busier at
 * weekends), learned from the day the daily rhythm starts and used after two weeks. It moves by
 * WEEK_RATE per visit (its first visits are averaged), each bucket's pull clipped at WEEK_CLIP noise
 * units so one burst does not become next week's expectation, and is trusted by v/(v+1) after v
 * visits: one week is a hint, several are the rhythm.
 */
const WEEK_AFTER = 14 * DAY;
const WEEK_RATE = 0.3;
const WEEK_CLIP = 1;

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q0 = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
  if (q0 < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(q0));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (q0 > 1 - 0.02425) return -normalQuantile(1 - q0);
  const q = q0 - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * How surprising `seen` events are when `mean` were expected, as a signed z: the Poisson tail
 * (upper for more, lower for fewer) mapped to the standard normal. Exact for means up to 200,
 * the Anscombe normal approximation above.
 */
export function poissonZ(seen: number, mean: number): number {
  const lambda = Math.max(mean, 1e-6);
  const x = Math.round(seen);
  if (lambda > 200 || x > lambda + 40 * Math.sqrt(lambda) + 60) return 2 * (Math.sqrt(x + 0.375) - Math.sqrt(lambda + 0.375));
  if (x === Math.round(lambda)) return 0;
  // log P(X = k) summed in log space from the far side of the mode.
  const logP = (k: number) => k * Math.log(lambda) - lambda - logFactorial(k);
  let tail = 0;
  if (x > lambda) {
    for (let k = x; k < x + 1000; k++) {
      const p = Math.exp(logP(k));
      tail += p;
      if (p < tail * 1e-12) break;
    }
    return normalQuantile(1 - Math.min(tail, 0.5));
  }
  for (let k = x; k >= 0; k--) tail += Math.exp(logP(k));
  return -normalQuantile(1 - Math.min(tail, 0.5));
}

const LOG_FACT: number[] = [0];
function logFactorial(k: number): number {
  if (k > 2000) return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k);
  for (let i = LOG_FACT.length; i <= k; i++) LOG_FACT.push(LOG_FACT[i - 1] + Math.log(i));
  return LOG_FACT[k];
}

/** Options of a detector (defaults are the product's for a new topic). */
export type DetectorOptions = {
  sensitivity?: Sensitivity;
  /** Time after an alert during which no new alert is raised (the open alert is updated instead). */
  cooldownMs?: number;
  /** Evidence needed to alert, in noise units (overrides `sensitivity`; for experiments). */
  alertAt?: number;
  /** Share of this series' own past evidence that an alert must exceed (default 0.99). */
  rarity?: number;
  /** Alert on rises only (`up`: a fire), or on rises and falls (`both`, the default: any anomaly). */
  direction?: 'up' | 'both';
  /** What the values are: `count` (whole numbers ≥ 0) or `continuous`; unset, counts until a value says otherwise. */
  kind?: Mode;
  /** Buckets before the first alert can fire (the model learns; evidence needed is higher for a while after). */
  warmupBuckets?: number;
  /** IANA zone whose local hours, days and weeks (from Monday) the rhythm follows; unset = UTC. */
  timeZone?: string;
};

/** x mod n, never negative (timestamps before 1970 have negative day numbers). */
const mod = (x: number, n: number) => ((x % n) + n) % n;

/** The zone's offset from UTC at t, in ms. */
export const zoneOffset = offsetAt;

/** How values are modelled. */
export type Mode = 'count' | 'continuous';

/** Online detector state for one series. */
export class SeriesDetector {
  private alertAt: number;
  private readonly rarity: number;
  private readonly cooldown: number;
  private readonly warmup: number;
  private n = 0;
  private mode: Mode = 'count';
  private fixedMode = false;
  private upOnly = false;
  private timeZone: string | null = null;
  private quiet = false;
  private noiseFloor = 0;
  private level = Number.NaN; // recent level, for series without a learned rhythm yet
  private scale = Number.NaN;
  private readonly daily = new Float64Array(24); // usual value per hour of day
  private readonly dailySeen = new Uint32Array(24);
  private readonly hourScale = new Float64Array(24); // usual noise per hour of day (busy hours are noisier)
  private readonly hourScaleSeen = new Uint32Array(24);
  private dev = 0; // recent deviation from the usual value for the hour
  private firstT = Number.NaN;
  private lastT = Number.NaN;
  private readonly recent: number[] = []; // last z values, newest last
  private readonly recentY: number[] = [];
  private readonly recentX: number[] = []; // raw values (counts)
  private readonly recentMean: number[] = []; // expected raw values
  private readonly recentSpread: number[] = []; // z², capped (for counts, at what Poisson noise allows)
  private lastAlertT = Number.NEGATIVE_INFINITY;
  // How often each size of evidence has been seen in this series: log-spaced bins, older buckets
  // weighing less (half-life HALF_LIFE buckets; weights grow instead of decaying, renormalised).
  private readonly seen = Array.from({ length: EVIDENCE }, () => new Float64Array(RARITY_BINS));
  private readonly seenTotal = new Float64Array(EVIDENCE);
  private seenCount = 0;
  private weight = 1;
  private rhythm = false;
  private avgX = 0; // long-run mean raw value
  private readonly history: Array<{ t: number; v: number }> = []; // kept only until the mode is settled
  // Recurrence memory: the largest evidence seen in each hour of the last three days and in each hour
  // of the week over the last two weeks. What happened at this time yesterday and the day before, or
  // at this time last week, is the series' rhythm, not news.
  private readonly dayMax = new Float64Array(24 * 3);
  private readonly dayOf = new Float64Array(3).fill(-1);
  private readonly weekMax = new Float64Array(168 * 3);
  private readonly weekOf = new Float64Array(3).fill(-1);
  // The highest and lowest single values seen, and over how many buckets (records need a history).
  private recordHigh = Number.NEGATIVE_INFINITY;
  private recordLow = Number.POSITIVE_INFINITY;
  private recordBuckets = 0;
  // The weekly rhythm: per hour of the week (from Monday 00:00), the usual difference from the hour
  // of day's value, how many buckets taught it and on how many visits (weeks).
  private readonly weekly = new Float64Array(168);
  private readonly weeklySeen = new Uint32Array(168);
  private readonly weeklyVisits = new Uint32Array(168);

  constructor(opts: DetectorOptions = {}) {
    this.alertAt = opts.alertAt ?? ALERT_AT[opts.sensitivity ?? 'normal'];
    this.rarity = opts.rarity ?? RARITY;
    this.cooldown = opts.cooldownMs ?? COOLDOWN_MS;
    this.warmup = opts.warmupBuckets ?? 12;
    this.upOnly = opts.direction === 'up';
    this.timeZone = opts.timeZone ?? null;
    if (opts.kind) {
      this.mode = opts.kind;
      this.fixedMode = true;
    }
  }

  /** The detector's whole state, as JSON-safe data (restore with SeriesDetector.restore). */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) {
      if (k === 'seen') out[k] = (v as Float64Array[]).map((b) => Array.from(b));
      else if (v instanceof Float64Array || v instanceof Uint32Array) out[k] = Array.from(v);
      else if (typeof v === 'number' && !Number.isFinite(v)) out[k] = { n: String(v) };
      else out[k] = v;
    }
    return out;
  }

  /** A detector continuing from a snapshot (options come from the snapshot). */
  static restore(snapshot: Record<string, unknown>): SeriesDetector {
    const d = new SeriesDetector();
    const self = d as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(snapshot)) {
      if (!(k in d)) continue;
      const cur = self[k];
      if (k === 'seen') for (const [i, b] of (v as number[][]).entries()) (cur as Float64Array[])[i]?.set(b.slice(0, RARITY_BINS));
      else if (cur instanceof Float64Array || cur instanceof Uint32Array) cur.set((v as number[]).slice(0, cur.length));
      else if (Array.isArray(cur)) cur.splice(0, cur.length, ...(v as unknown[]));
      else if (v && typeof v === 'object' && 'n' in v) self[k] = Number((v as { n: string }).n);
      else self[k] = v;
    }
    // A snapshot from before variability was tracked: rebuild it from the recent residuals.
    if (d.recentSpread.length !== d.recent.length)
      d.recentSpread.splice(0, d.recentSpread.length, ...d.recent.map((z) => Math.min(25, z * z)));
    // A snapshot from before records were kept: start them from the recent values; they count only
    // once they cover MIN_HISTORY buckets again.
    if (!('recordBuckets' in snapshot) && d.recentX.length) {
      d.recordHigh = Math.max(...d.recentX);
      d.recordLow = Math.min(...d.recentX);
    }
    return d;
  }

  /** t shifted by the time zone's offset, so whole days and hours fall on local midnight and local hours. */
  private local(t: number): number {
    return this.timeZone ? t + zoneOffset(t, this.timeZone) : t;
  }

  private hourOfDay(t: number): number {
    return mod(Math.floor(this.local(t) / HOUR), 24);
  }

  /** Hour of the week, 0 = Monday 00:00 (1970-01-01 was a Thursday). */
  private hourOfWeek(t: number): number {
    return mod(Math.floor(this.local(t) / HOUR) + 72, 168);
  }

  /** The weekly rhythm's correction at t: none for two weeks, then trusted more with every week that taught it. */
  private weekOffset(t: number): number {
    if (t - this.firstT < WEEK_AFTER) return 0;
    const k = this.hourOfWeek(t);
    const v = this.weeklyVisits[k];
    return (this.weekly[k] * v) / (v + 1);
  }

  /** When this series last alerted (or was over the line after an alert); -Infinity if never. */
  lastAlertAt(): number {
    return this.lastAlertT;
  }

  /** Keeps the cool-down of an earlier detector of the same series (one relearning from history). */
  holdFrom(t: number): void {
    if (t > this.lastAlertT) this.lastAlertT = t;
  }

  /** Follows another time zone's hours and days from now on (what was learned shifts over the next days). */
  setTimeZone(timeZone: string | null): void {
    this.timeZone = timeZone;
  }

  /**
   * The least noise a continuous series is credited with, in its own units (default none beyond a thousandth of
   * its level). A series whose few values were alike learns almost no noise, and then any change is a deviation
   * of thousands: reach, modelled as log(1 + reach), is given 0.5 (an alert takes several times its usual reach).
   */
  setNoiseFloor(floor: number): void {
    this.noiseFloor = floor;
  }

  /** Changes how readily this series alarms, keeping everything learned. */
  setSensitivity(s: Sensitivity): void {
    this.alertAt = ALERT_AT[s];
  }

  /** The verdict `step` would give, without changing anything (a bucket still filling up). */
  peek(t: number, value: number): Verdict {
    return SeriesDetector.restore(this.snapshot()).step(t, value);
  }

  /** Learns from one bucket without ever alerting (cold start from history). */
  learn(t: number, value: number): void {
    this.quiet = true;
    try {
      this.step(t, value);
    } finally {
      this.quiet = false;
    }
  }

  private transform(v: number): number {
    return this.mode === 'count' ? 2 * Math.sqrt(Math.max(0, v) + 0.375) : v;
  }

  private untransform(y: number): number {
    return this.mode === 'count' ? Math.max(0, (Math.max(0, y) / 2) ** 2 - 0.375) : y;
  }

  private floor(): number {
    // Counts are also held to Poisson noise (poissonZ), so their learned scale may go low; continuous
    // series get a floor relative to their level.
    return this.mode === 'count' ? 0.1 : Math.max(1e-9, Math.abs(this.level) * 1e-3, this.noiseFloor);
  }

  /**
   * The noise expected at t: the hour's own once it has 24 buckets (judged against the hour's usual
   * value), else the series'. Busy hours are
   * noisier than quiet ones (over-dispersed counts vary with their level), so one scale for the whole
   * day over-alarms in the evening peak and under-alarms at night.
   */
  private scaleAt(t: number): number {
    const h = this.hourOfDay(t);
    if (!this.rhythm || this.hourScaleSeen[h] < 24 || !this.hourScale[h]) return this.scale;
    return this.hourScale[h];
  }

  /**
   * Expected transformed value at t: the hour's usual value, the weekly correction and the recent
   * deviation once two days are learned, else the level.
   */
  private expectedAt(t: number): number {
    const h = this.hourOfDay(t);
    if (t - this.firstT >= 2 * DAY && this.dailySeen[h] >= 2) return this.daily[h] + this.dev + this.weekOffset(t);
    return this.level;
  }

  /** Feeds one bucket (t in ms, value ≥ 0 for counts) and returns its verdict. */
  step(t: number, value: number): Verdict {
    if (!Number.isFinite(value)) throw new Error('value must be a finite number');
    if (Number.isNaN(this.firstT)) this.firstT = t;
    // A value that is not a whole non-negative number means this is not a count series: restart the
    // model in continuous units from the values seen so far (only ever once, early or late).
    if (this.mode === 'count' && (value < 0 || !Number.isInteger(value))) {
      if (this.fixedMode) throw new Error('a count must be a whole number ≥ 0');
      return this.becomeContinuous(t, value);
    }
    if (this.mode === 'count' && !this.fixedMode) this.history.push({ t, v: value });
    return this.observe(t, value, this.quiet);
  }

  private becomeContinuous(t: number, value: number): Verdict {
    const past = this.history.splice(0);
    this.mode = 'continuous';
    this.n = 0;
    this.level = Number.NaN;
    this.scale = Number.NaN;
    this.daily.fill(0);
    this.dailySeen.fill(0);
    this.weekly.fill(0);
    this.weeklySeen.fill(0);
    this.weeklyVisits.fill(0);
    this.dev = 0;
    this.rhythm = false;
    this.avgX = 0;
    this.recent.length = 0;
    this.recentY.length = 0;
    this.recentX.length = 0;
    this.recentMean.length = 0;
    this.recentSpread.length = 0;
    this.recordHigh = Number.NEGATIVE_INFINITY;
    this.recordLow = Number.POSITIVE_INFINITY;
    this.recordBuckets = 0;
    for (const p of past) this.observe(p.t, p.v, true);
    return this.observe(t, value);
  }

  private observe(t: number, value: number, replay = false): Verdict {
    const y = this.transform(value);
    this.n++;
    if (Number.isNaN(this.level)) {
      this.level = y;
      this.scale = this.floor();
      this.recordHigh = value;
      this.recordLow = value;
      this.remember(0, y, value, value);
      return this.verdict(0, 0, y, false);
    }
    const expected = this.expectedAt(t);
    // Evidence from the level-only model (first two days) is not comparable with the rhythm-aware
    // model's: the rarity history starts again when the rhythm comes into use.
    if (!this.rhythm && t - this.firstT >= 2 * DAY) {
      this.rhythm = true;
      this.dev = 0;
      for (const bins of this.seen) bins.fill(0);
      this.seenTotal.fill(0);
      this.seenCount = 0;
    }
    const sigma = Math.max(this.scaleAt(t), this.floor());
    const z = (y - expected) / sigma;
    // An hour that has always been empty still expects a quarter of the series' long-run rate: one
    // post there is news, not a certainty-level surprise.
    this.remember(z, y, value, Math.max(this.untransform(expected), 0.25 * this.avgX));
    this.avgX += (value - this.avgX) / Math.min(this.n, RATES.halfLife);
    // Evidence over the last w buckets for each pool length (1: a spike; longer: a build-up), in noise
    // units, each judged against the same pool's own history: a series full of spikes needs a bigger
    // spike, but a sustained rise still stands out.
    const learning = this.n < this.warmup ? Number.POSITIVE_INFINITY : this.n < 4 * this.warmup ? 1.5 : 1;
    const line = this.alertAt * learning;
    let score = 0;
    let deviation = 0;
    const pooledAll: number[] = [];
    const signed: number[] = [];
    // Until an hour of the day has its own noise scale, z is measured against the series' scale; if
    // what is known of the hour's noise is already above that (a busy hour), its z² are inflated, so a
    // rise in variability there is the model not knowing the hour yet, not news (a daily square wave's
    // busy phase alarmed on its third day).
    const hod = this.hourOfDay(t);
    const hourSeen = this.hourScaleSeen[hod];
    const hourNoiseUnknown = this.rhythm && hourSeen >= 1 && hourSeen < 24 && this.hourScale[hod] > this.scale;
    for (const w of POOLS) {
      if (this.recent.length < w) {
        pooledAll.push(0);
        signed.push(0);
        continue;
      }
      let sum = 0;
      let seen = 0;
      let mean = 0;
      for (let i = this.recent.length - w; i < this.recent.length; i++) {
        sum += this.recent[i];
        seen += this.recentX[i];
        mean += this.recentMean[i];
      }
      let pooled = sum / Math.sqrt(w);
      // Counts: never more surprising than Poisson noise allows (small counts are lumpy, not Gaussian).
      if (this.mode === 'count') pooled = Math.sign(pooled) * Math.min(Math.abs(pooled), Math.abs(poissonZ(seen, mean)));
      const size = this.upOnly ? Math.max(0, pooled) : Math.abs(pooled);
      pooledAll.push(size);
      signed.push(pooled);
    }
    // Variability: the sum of squared deviations over w buckets against its expected w (chi-square),
    // in noise units — a series that starts to swing wildly around the same level is news too.
    for (const w of SPREAD) {
      if (this.upOnly || this.recent.length < w) {
        pooledAll.push(0);
        signed.push(0);
        continue;
      }
      let ss = 0;
      for (let i = this.recent.length - w; i < this.recent.length; i++) ss += this.recentSpread[i];
      const v = Math.max(0, (ss - w) / Math.sqrt(2 * w));
      pooledAll.push(v);
      signed.push(v);
    }
    for (const [p, size] of pooledAll.entries()) {
      const pooled = signed[p];
      const lineScore = 1 / (1 + Math.exp(-(size - line) * 1.5));
      let rarityScore: number;
      if (FITTED_TAIL[p]) {
        // 0.5 when as rare as TAIL_Q, 1 when as rare as TAIL_Q².
        const tail = this.seenCount < MIN_HISTORY ? 0 : this.tailProbability(p, size);
        const s = tail <= 0 ? 2 : Math.log(tail) / Math.log(TAIL_Q);
        rarityScore = s >= 1 ? 0.5 + 0.5 * Math.min(1, s - 1) : 0.5 * Math.max(0, s);
      } else {
        const c = this.seenCount < MIN_HISTORY ? 1 : this.cdf(p, size);
        rarityScore = c >= this.rarity ? 0.5 + (0.5 * (c - this.rarity)) / (1 - this.rarity) : (0.5 * c) / this.rarity;
      }
      const sc = p >= POOLS.length && hourNoiseUnknown ? Math.min(lineScore, rarityScore, 0.49) : Math.min(lineScore, rarityScore);
      if (sc > score || (sc === score && Math.abs(pooled) > Math.abs(deviation))) {
        score = sc;
        deviation = pooled;
      }
    }
    // A new all-time extreme, far off what was expected: news even in a series whose evidence has been
    // as large before (its earlier large misses were within the range it had shown).
    const up = value > this.recordHigh && signed[0] > 0;
    const down = !this.upOnly && value < this.recordLow && signed[0] < 0;
    const record = (up || down) && this.recordBuckets >= MIN_HISTORY && pooledAll[0] >= RECORD_LINE * line;
    if (record && score < 0.5) {
      score = 0.5;
      deviation = signed[0];
    }
    this.recordHigh = Math.max(this.recordHigh, value);
    this.recordLow = Math.min(this.recordLow, value);
    this.recordBuckets++;
    const biggest = Math.max(...pooledAll);
    const usual = this.recurring(t);
    if (score >= 0.5 && biggest <= RECUR_MARGIN * usual) score = Math.min(score, 0.49);
    this.noteRecurrence(t, biggest);
    // Time for the cool-down runs forward only: a clock stepping back (skew) does not re-arm alerts.
    const now = Math.max(t, Number.isFinite(this.lastT) ? this.lastT : t);
    // A record after an episode has ended (nothing over the line for RECORD_GAP_MS) is a new event,
    // even within the cool-down (NAB speed_7578: a new low 95 minutes after the last bucket over the line).
    const fresh = now - this.lastAlertT >= this.cooldown || (record && score >= 0.5 && now - this.lastAlertT > RECORD_GAP_MS);
    const alert = !replay && score >= 0.5 && fresh;
    // The cool-down runs from the last bucket over the line, so one long episode alerts once.
    if (score >= 0.5 && !replay) this.lastAlertT = now;
    this.count(pooledAll);
    this.update(t, y, z, sigma);
    return this.verdict(score, deviation, expected, alert, sigma);
  }

  /** Evidence that has recurred at this time of day (both of the last two days) or of the week (last week). */
  private recurring(t: number): number {
    const hour = Math.floor(this.local(t) / HOUR);
    const day = Math.floor(hour / 24);
    const week = Math.floor((day + 3) / 7); // weeks start on Monday (1970-01-01 was a Thursday)
    const around = (max: Float64Array, base: number, slots: number, h: number) =>
      Math.max(max[base + ((h + slots - 1) % slots)], max[base + h], max[base + ((h + 1) % slots)]);
    let daily = Number.POSITIVE_INFINITY;
    for (const back of [1, 2]) {
      const k = mod(day - back, 3);
      daily = Math.min(daily, this.dayOf[k] === day - back ? around(this.dayMax, k * 24, 24, mod(hour, 24)) : 0);
    }
    const how = mod(hour - (week * 7 - 3) * 24, 168);
    let weekly = Number.POSITIVE_INFINITY;
    for (const back of [1, 2]) {
      const k = mod(week - back, 3);
      weekly = Math.min(weekly, this.weekOf[k] === week - back ? around(this.weekMax, k * 168, 168, how) : 0);
    }
    return Math.max(daily, weekly);
  }

  private noteRecurrence(t: number, size: number) {
    const hour = Math.floor(this.local(t) / HOUR);
    const day = Math.floor(hour / 24);
    const week = Math.floor((day + 3) / 7);
    const d = mod(day, 3);
    if (this.dayOf[d] !== day) {
      this.dayOf[d] = day;
      this.dayMax.fill(0, d * 24, d * 24 + 24);
    }
    const i = d * 24 + mod(hour, 24);
    this.dayMax[i] = Math.max(this.dayMax[i], size);
    const w = mod(week, 3);
    if (this.weekOf[w] !== week) {
      this.weekOf[w] = week;
      this.weekMax.fill(0, w * 168, w * 168 + 168);
    }
    const j = w * 168 + mod(hour - (week * 7 - 3) * 24, 168);
    this.weekMax[j] = Math.max(this.weekMax[j], size);
  }

  private count(pooled: number[]) {
    this.weight *= 2 ** (1 / RATES.halfLife);
    if (this.weight > 1e100) {
      for (const [p, bins] of this.seen.entries()) {
        for (let i = 0; i < RARITY_BINS; i++) bins[i] /= this.weight;
        this.seenTotal[p] /= this.weight;
      }
      this.weight = 1;
    }
    for (const [p, x] of pooled.entries()) {
      this.seen[p][binOf(Math.abs(x))] += this.weight;
      this.seenTotal[p] += this.weight;
    }
    this.seenCount++;
  }

  /** Share of pool p's past evidence (recent weighing more) below x. */
  /**
   * P(evidence ≥ x) for evidence p: the empirical share up to the 98th percentile, and beyond it a
   * generalised Pareto tail fitted to the excesses by moments (peaks over threshold), so how rare a
   * big value is can be judged beyond what the history has seen.
   */
  private tailProbability(p: number, x: number): number {
    const bins = this.seen[p];
    const total = this.seenTotal[p];
    if (total === 0) return 1;
    let acc = 0;
    let tb = 0;
    while (tb < RARITY_BINS - 1 && acc + bins[tb] < 0.98 * total) acc += bins[tb++];
    const t = 2 ** (tb / 8) - 1;
    let w = 0;
    let m1 = 0;
    let m2 = 0;
    let top = 0;
    for (let i = tb; i < RARITY_BINS; i++) {
      if (bins[i] === 0) continue;
      const e = Math.max(0, 2 ** ((i + 0.5) / 8) - 1 - t);
      w += bins[i];
      m1 += bins[i] * e;
      m2 += bins[i] * e * e;
      top = i;
    }
    if (x < t || w === 0) return 1 - this.cdf(p, x);
    const share = w / total;
    const mean = m1 / w;
    const variance = Math.max(1e-12, m2 / w - mean * mean);
    if (mean <= 0) return x > 2 ** ((top + 1) / 8) - 1 ? 0 : share;
    const xi = Math.max(-0.5, Math.min(0.9, 0.5 * (1 - (mean * mean) / variance)));
    const sigma = Math.max(1e-9, 0.5 * mean * ((mean * mean) / variance + 1));
    const e = x - t;
    if (Math.abs(xi) < 1e-6) return share * Math.exp(-e / sigma);
    const base = 1 + (xi * e) / sigma;
    return base <= 0 ? 0 : share * base ** (-1 / xi);
  }

  private cdf(p: number, x: number): number {
    if (this.seenTotal[p] === 0) return 0;
    const b = binOf(x);
    let below = 0;
    for (let i = 0; i < b; i++) below += this.seen[p][i];
    return below / this.seenTotal[p];
  }

  private remember(z: number, y: number, x: number, mean: number) {
    this.recent.push(z);
    this.recentY.push(y);
    this.recentX.push(x);
    this.recentMean.push(mean);
    const capped = this.mode === 'count' ? Math.min(Math.abs(z), Math.abs(poissonZ(x, mean))) : Math.abs(z);
    this.recentSpread.push(Math.min(25, capped ** 2));
    const keep = Math.max(...POOLS);
    if (this.recent.length > keep) {
      this.recent.shift();
      this.recentY.shift();
      this.recentX.shift();
      this.recentMean.shift();
      this.recentSpread.shift();
    }
    if (this.mode === 'count' && this.history.length > 4 * 288) this.history.shift();
  }

  private update(t: number, y: number, z: number, sigma: number) {
    // Robust updates: a single outlier moves level and scale by at most a few noise units.
    const clipped = Math.max(-3, Math.min(3, z)) * sigma;
    const fast = this.n < this.warmup * 4;
    this.level += (fast ? 0.2 : RATES.level) * clipped;
    this.scale += (fast ? 0.1 : RATES.scale) * (Math.abs(clipped) * 1.2533 - this.scale);
    const h = this.hourOfDay(t);
    // A robust average over the hour's last ~30 buckets (of at least 5 minutes each), from when the
    // hour's usual value is in use (before, misses say more about the young model than about the hour).
    if (this.rhythm && this.dailySeen[h] >= 2) {
      const hs = this.hourScale[h];
      const dtH = Math.max(0, Number.isFinite(this.lastT) ? t - this.lastT : HOUR);
      const rateH = Math.max(0.03 * Math.min(1, dtH / 300_000), 1 / ++this.hourScaleSeen[h]);
      this.hourScale[h] = hs + rateH * (Math.min(Math.abs(y - this.expectedAt(t)), 3 * sigma) * 1.2533 - hs);
    }
    // The weekly rhythm learns what this hour of the week leaves unexplained by the rest of the model
    // (so it grows only as far as the recent deviation does not already cover it, and settles
    // when it covers the whole difference), from when the hour's usual value is in use.
    const weekly = this.weekOffset(t);
    if (this.rhythm && this.dailySeen[h] >= 2) {
      const k = this.hourOfWeek(t);
      if (Number.isFinite(this.lastT) && this.hourOfWeek(this.lastT) !== k) this.weeklyVisits[k]++;
      const miss = y - this.daily[h] - this.dev - this.weekly[k];
      const dtW = Math.max(0, Number.isFinite(this.lastT) ? t - this.lastT : HOUR);
      const rateW = Math.max(WEEK_RATE * Math.min(1, dtW / HOUR), 1 / (++this.weeklySeen[k] + 1));
      this.weekly[k] += rateW * Math.max(-WEEK_CLIP * sigma, Math.min(WEEK_CLIP * sigma, miss));
    }
    // The hour of day's usual value learns the value without its weekly correction.
    const yd = y - weekly;
    const usual = this.dailySeen[h] === 0 ? yd : this.daily[h];
    // Only while the hour's usual value is what is expected (before, it would learn the young model's misses).
    if (this.rhythm && this.dailySeen[h] >= 2) this.dev += RATES.dev * clipped;
    // Each hour's usual value moves by ~15% a day, however many buckets the hour has.
    // The first buckets of an hour are simply averaged, so one odd first value is not remembered for days.
    const slow = RATES.profile * Math.min(1, Math.max(0, Number.isFinite(this.lastT) ? t - this.lastT : HOUR) / HOUR);
    const rate = Math.max(slow, 1 / (this.dailySeen[h] + 1));
    this.daily[h] = this.dailySeen[h] === 0 ? yd : usual + rate * (Math.max(usual - 3 * sigma, Math.min(yd, usual + 3 * sigma)) - usual);
    this.lastT = Math.max(t, Number.isFinite(this.lastT) ? this.lastT : t);
    this.dailySeen[h]++;
    // A lasting change of regime: most recent buckets far off on one side → re-anchor on them.
    if (this.recent.length >= 12) {
      let above = 0;
      let below = 0;
      for (let i = this.recent.length - 12; i < this.recent.length; i++) {
        const r = this.recent[i];
        if (r > 3) above++;
        else if (r < -3) below++;
      }
      if (above >= 10 || below >= 10) {
        let mean = 0;
        for (let i = this.recentY.length - 12; i < this.recentY.length; i++) mean += this.recentY[i] / 12;
        this.dev += mean - this.expectedAt(t);
        this.level = mean;
        this.recent.fill(0);
        this.recentSpread.fill(0);
      }
    }
  }

  private verdict(score: number, deviation: number, expectedY: number, alert: boolean, sigma = this.floor()): Verdict {
    return {
      score,
      alert,
      deviation,
      expected: this.untransform(expectedY),
      low: this.untransform(expectedY - this.alertAt * sigma),
      high: this.untransform(expectedY + this.alertAt * sigma),
    };
  }
}
