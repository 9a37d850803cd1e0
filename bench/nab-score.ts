// Numenta Anomaly Benchmark (NAB v1.1) scoring rules, ported from github.com/numenta/NAB (MIT licence,
// Copyright 2014-2015 Numenta Inc.): nab/sweeper.py (scaledSigmoid, Sweeper.calcSweepScore and
// calcScoreByThreshold), nab/util.py (getProbationPeriod), nab/runner.py (normalize) and
// nab/optimizer.py (optimizeThreshold). Used by the early-warning detector benchmark.
import fs from 'node:fs';

/** Cost matrix of one NAB application profile (config/profiles.json "CostMatrix"). */
export type Profile = { tpWeight: number; fnWeight: number; fpWeight: number };

/** NAB's three application profiles. */
export const PROFILES = {
  standard: { tpWeight: 1, fnWeight: 1, fpWeight: 0.11 },
  reward_low_FP_rate: { tpWeight: 1, fnWeight: 1, fpWeight: 0.22 },
  reward_low_FN_rate: { tpWeight: 1, fnWeight: 2, fpWeight: 0.11 },
} as const satisfies Record<string, Profile>;

/** Reads profiles in NAB's config/profiles.json format ({ name: { CostMatrix: {...} } }). */
export function loadProfiles(file = new URL('../../shared/data/nab/profiles.json', import.meta.url).pathname): Record<string, Profile> {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { CostMatrix: Profile }>;
  const out: Record<string, Profile> = {};
  for (const [name, { CostMatrix: m }] of Object.entries(json)) {
    out[name] = { tpWeight: m.tpWeight, fnWeight: m.fnWeight, fpWeight: m.fpWeight };
  }
  return out;
}

/** A timestamp: text like "2014-02-19 10:50:00[.000000]" (read as UTC) or epoch milliseconds. */
export type Time = string | number;
/** A labelled anomaly window, both ends inclusive. */
export type Window = readonly [start: Time, end: Time];

/** NAB's probationary percentage (runner.py `probationaryPercent`). */
export const PROBATION_PERCENT = 0.15;

/** Rows at the start of a series that are never scored: min(floor(0.15 N), 0.15 * 5000) (util.py). */
export function probationLength(numRows: number): number {
  return Math.min(Math.floor(PROBATION_PERCENT * numRows), PROBATION_PERCENT * 5000);
}

/** Standard logistic sigmoid (sweeper.py `sigmoid`). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** NAB's scaled sigmoid of a relative position: 2*sigmoid(-5x) - 1, or -1 when x > 3 (sweeper.py). */
export function scaledSigmoid(relativePosition: number): number {
  return relativePosition > 3.0 ? -1.0 : 2 * sigmoid(-5 * relativePosition) - 1.0;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/** Parses a timestamp to epoch milliseconds; NAB's naive timestamps are taken as UTC. */
export function parseTimestamp(t: Time): number {
  if (typeof t === 'number') return t;
  const m = STAMP.exec(t.trim());
  if (!m) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new Error(`unparseable timestamp: ${t}`);
    return ms;
  }
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
}

// Parsed timestamps per series array, so a benchmark re-scoring the same series parses them once.
const parsed = new WeakMap<readonly Time[], Float64Array>();
function parsedTimes(timestamps: readonly Time[]): Float64Array {
  let ts = parsed.get(timestamps);
  if (!ts || ts.length !== timestamps.length) {
    ts = Float64Array.from(timestamps, parseTimestamp);
    parsed.set(timestamps, ts);
  }
  return ts;
}

/**
 * Row ranges [first, last] of each window (sorted by start) that covers at least one row. Like NAB's
 * calcSweepScore, rows are scanned in file order (NAB data is not always ascending): a window opens
 * at the first row at/after its start and closes at the first later row stamped with its end.
 */
export function windowRows(timestamps: readonly Time[], windows: readonly Window[]): Array<[number, number]> {
  const ts = parsedTimes(timestamps);
  const limits = windows.map(([a, b]) => [parseTimestamp(a), parseTimestamp(b)]).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  let i = 0;
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const [start, end] of limits) {
    if (start <= prevEnd) throw new Error('overlapping anomaly windows');
    prevEnd = end;
    while (i < ts.length && ts[i] < start) i++;
    let j = i;
    while (j < ts.length && ts[j] < end) j++;
    const last = j < ts.length && ts[j] === end ? j : j - 1;
    if (i >= ts.length || last < i) continue; // NAB fails on a window matching no row; it cannot be scored
    out.push([i, last]);
    i = last + 1;
  }
  return out;
}

const PROBATION = -2;
const OUTSIDE = -1;

/** Per-row NAB sweep score (sweepScore) and window id (or OUTSIDE / PROBATION) of one series. */
type Sweep = { sweep: Float64Array; win: Int32Array; windowCount: number };

// Port of Sweeper.calcSweepScore: every row gets the score it would add if it were a detection.
function sweepFile(timestamps: readonly Time[], windows: readonly Window[], profile: Profile): Sweep {
  const n = timestamps.length;
  const ranges = windowRows(timestamps, windows);
  const win = new Int32Array(n).fill(OUTSIDE);
  for (const [k, [first, last]] of ranges.entries()) win.fill(k, first, last + 1);
  const sweep = new Float64Array(n);
  const maxTP = scaledSigmoid(-1.0);
  const probation = probationLength(n);
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const k = win[i];
    if (k >= 0) {
      const [first, last] = ranges[k];
      const width = last - first + 1;
      // positionInWindow = -(curWindowRightIndex - i + 1) / curWindowWidth: -1 at the left edge
      sweep[i] = (scaledSigmoid(-(last - i + 1) / width) * profile.tpWeight) / maxTP;
      if (i === last) {
        prevRight = i;
        prevWidth = width;
      }
    } else if (prevRight < 0) {
      sweep[i] = -1.0 * profile.fpWeight; // no preceding window
    } else {
      // positionPastWindow = abs(prevWindowRightIndex - i) / (prevWindowWidth - 1); a one-row
      // window divides by zero (ZeroDivisionError in NAB, Infinity -> -1 here)
      sweep[i] = scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1)) * profile.fpWeight;
    }
    if (i < probation) win[i] = PROBATION;
  }
  return { sweep, win, windowCount: ranges.length };
}

/** NAB result for one series (or a corpus) at one threshold: raw score and row counts. */
export type FileScore = { raw: number; tp: number; fp: number; fn: number; tn: number };

/** Scores one series' detections (one boolean per row) against its windows, as NAB's Sweeper does. */
export function scoreFile(
  timestamps: readonly Time[],
  detections: readonly boolean[],
  windows: readonly Window[],
  profile: Profile,
): FileScore {
  if (detections.length !== timestamps.length) throw new Error('timestamps and detections differ in length');
  const { sweep, win, windowCount } = sweepFile(timestamps, windows, profile);
  // scoreParts: one entry per window with a scorable row, starting at -fnWeight, kept at its best TP
  const parts = new Float64Array(windowCount);
  const scorable = new Uint8Array(windowCount);
  let fpSum = 0;
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < sweep.length; i++) {
    const k = win[i];
    if (k === PROBATION) continue;
    if (k >= 0 && !scorable[k]) {
      scorable[k] = 1;
      parts[k] = -profile.fnWeight;
    }
    if (detections[i]) {
      if (k >= 0) {
        c.tp++;
        parts[k] = Math.max(parts[k], sweep[i]);
      } else {
        c.fp++;
        fpSum += sweep[i];
      }
    } else if (k >= 0) c.fn++;
    else c.tn++;
  }
  let raw = fpSum;
  for (let k = 0; k < windowCount; k++) raw += parts[k];
  return { raw, ...c };
}

/** One series with a detector's detections. */
export type DetectedFile = { timestamps: readonly Time[]; detections: readonly boolean[]; windows: readonly Window[] };
/** One series with a detector's per-row anomaly scores (NAB expects [0, 1]). */
export type ScoredFile = { timestamps: readonly Time[]; scores: readonly number[]; windows: readonly Window[] };
/** Normalisation anchors of a corpus: the null detector's and the perfect detector's raw scores. */
export type Baseline = { null: number; perfect: number };

/** NAB's anchors: null = the never-firing detector through scoreFile; perfect = windows * tpWeight. */
export function corpusBaseline(
  files: ReadonlyArray<{ timestamps: readonly Time[]; windows: readonly Window[] }>,
  profile: Profile,
): Baseline {
  let nullRaw = 0;
  let windowCount = 0;
  for (const f of files) {
    nullRaw += scoreFile(f.timestamps, new Array<boolean>(f.timestamps.length).fill(false), f.windows, profile).raw;
    windowCount += f.windows.length; // runner.py normalize: tpCount = number of labelled windows
  }
  return { null: nullRaw, perfect: windowCount * profile.tpWeight };
}

/** runner.py normalize: 100 * (raw - null) / (perfect - null). */
export function normalise(raw: number, baseline: Baseline): number {
  return (100 * (raw - baseline.null)) / (baseline.perfect - baseline.null);
}

/** Corpus result: summed raw score and counts, with the normalised score and its anchors. */
export type CorpusScore = FileScore & Baseline & { score: number };

/** Scores a corpus of detections and normalises the total like NAB's runner. */
export function normalisedScore(files: readonly DetectedFile[], profile: Profile): CorpusScore {
  const total: FileScore = { raw: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const f of files) {
    const s = scoreFile(f.timestamps, f.detections, f.windows, profile);
    total.raw += s.raw;
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    total.tn += s.tn;
  }
  const baseline = corpusBaseline(files, profile);
  return { ...total, ...baseline, score: normalise(total.raw, baseline) };
}

/** Scores a corpus at a threshold: a row is a detection when its score >= threshold (as in NAB). */
export function scoreAtThreshold(files: readonly ScoredFile[], threshold: number, profile: Profile): CorpusScore {
  const detected = files.map((f) => ({ ...f, detections: f.scores.map((s) => s >= threshold) }));
  return normalisedScore(detected, profile);
}

/** Best corpus threshold, swept like NAB's calcScoreByThreshold + optimizeThreshold. */
export function bestThreshold(files: readonly ScoredFile[], profile: Profile): CorpusScore & { threshold: number } {
  // Collect every scorable row of the corpus, windows numbered across files.
  const rows = files.reduce((n, f) => n + f.timestamps.length, 0);
  const scores = new Float64Array(rows);
  const sweeps = new Float64Array(rows);
  const wins = new Int32Array(rows);
  let m = 0;
  let windowTotal = 0;
  for (const f of files) {
    if (f.scores.length !== f.timestamps.length) throw new Error('timestamps and scores differ in length');
    const { sweep, win, windowCount } = sweepFile(f.timestamps, f.windows, profile);
    for (let i = 0; i < sweep.length; i++) {
      if (win[i] === PROBATION) continue;
      if (Number.isNaN(f.scores[i])) throw new Error('anomaly scores must not be NaN');
      scores[m] = f.scores[i];
      sweeps[m] = sweep[i];
      wins[m++] = win[i] >= 0 ? windowTotal + win[i] : OUTSIDE;
    }
    windowTotal += windowCount;
  }
  // _prepareScoreByThresholdParts: only windows with a scorable row get a part (-fnWeight).
  const parts = new Float64Array(windowTotal).fill(Number.NaN);
  let winSum = 0;
  let fpSum = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let maxScore = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    const k = wins[j];
    if (k >= 0 && Number.isNaN(parts[k])) {
      parts[k] = -profile.fnWeight;
      winSum -= profile.fnWeight;
    }
    if (k >= 0) fn++;
    else tn++;
    maxScore = Math.max(maxScore, scores[j]);
  }
  // Highest anomaly score first; ties need no order as a threshold takes them all at once.
  const order = new Uint32Array(m).map((_, j) => j).sort((a, b) => scores[b] - scores[a]);
  // NAB starts at 1.1 ("eliminates all rows"); scores above that would break the convention.
  let cur = maxScore < 1.1 ? 1.1 : Number.POSITIVE_INFINITY;
  let best = { threshold: cur, raw: fpSum + winSum, tp, fp, fn, tn };
  const record = () => {
    // optimizer.py keeps the first (highest) threshold among equal best scores
    if (fpSum + winSum > best.raw) best = { threshold: cur, raw: fpSum + winSum, tp, fp, fn, tn };
  };
  for (const j of order) {
    if (scores[j] !== cur) {
      record();
      cur = scores[j];
    }
    const k = wins[j];
    if (k >= 0) {
      tp++;
      fn--;
      if (sweeps[j] > parts[k]) {
        winSum += sweeps[j] - parts[k];
        parts[k] = sweeps[j];
      }
    } else {
      fp++;
      tn--;
      fpSum += sweeps[j];
    }
  }
  record();
  // Re-score at the chosen threshold so the reported raw score is summed exactly as scoreFile does.
  const at = scoreAtThreshold(files, best.threshold, profile);
  return { ...at, threshold: best.threshold };
}
