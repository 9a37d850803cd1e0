// NAB scoring port: hand-computed cases from nab/sweeper.py's rules, the sweep against brute force,
// and the real NAB corpus (null detector -> 0, perfect detector -> 100).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  bestThreshold,
  loadProfiles,
  normalisedScore,
  PROFILES,
  parseTimestamp,
  probationLength,
  type ScoredFile,
  scaledSigmoid,
  scoreAtThreshold,
  scoreFile,
  type Window,
  windowRows,
} from '../../bench/nab-score.ts';

const std = PROFILES.standard; // tp 1, fn 1, fp 0.11
const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);
const pad = (v: number) => String(v).padStart(2, '0');

// n rows five minutes apart, stamped like NAB's data files ("2014-01-01 00:05:00").
function series(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2014, 0, 1) + i * 300_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
  });
}
// A window over rows a..b, stamped like combined_windows.json ("... 00:05:00.000000").
const win = (ts: string[], a: number, b: number): Window => [`${ts[a]}.000000`, `${ts[b]}.000000`];
const fire = (n: number, ...rows: number[]) => Array.from({ length: n }, (_, i) => rows.includes(i));

// 100 rows: probation = floor(0.15 * 100) = 15 rows; window on rows 50..59 (width 10).
const ts = series(100);
const W = [win(ts, 50, 59)];

test('helpers match NAB: scaled sigmoid, probation length, timestamps', () => {
  close(scaledSigmoid(-1), 0.98661429815143); // 2*sigmoid(5) - 1
  close(scaledSigmoid(-0.5), 0.84828363995751); // 2*sigmoid(2.5) - 1
  close(scaledSigmoid(0), 0);
  close(scaledSigmoid(1), -0.98661429815143);
  assert.equal(scaledSigmoid(3.0001), -1); // x > 3 -> -1.0
  assert.equal(probationLength(100), 15);
  assert.equal(probationLength(4999), 749); // floor(749.85)
  assert.equal(probationLength(10320), 750); // capped at 0.15 * 5000
  assert.equal(parseTimestamp('2014-02-19 10:50:00.000000'), parseTimestamp('2014-02-19 10:50:00'));
  assert.equal(parseTimestamp('2014-02-19 10:50:00'), Date.UTC(2014, 1, 19, 10, 50));
  assert.deepEqual(windowRows(ts, W), [[50, 59]]);
  assert.deepEqual(loadProfiles(), PROFILES);
});

test('a detection at the left edge of a window scores exactly tpWeight', () => {
  // position -(59 - 50 + 1)/10 = -1; NAB v1.1 divides by maxTP = scaledSigmoid(-1), so 0.9866/0.9866 = 1.
  const s = scoreFile(ts, fire(100, 50), W, std);
  close(s.raw, 1);
  // 85 scorable rows: 10 in the window (1 tp, 9 fn), 75 outside (tn).
  assert.deepEqual({ tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn }, { tp: 1, fp: 0, fn: 9, tn: 75 });
  close(scoreFile(ts, fire(100, 50), W, PROFILES.reward_low_FN_rate).raw, 1); // tpWeight 1 there too
});

test('a detection at the right edge of a wide window scores about 0', () => {
  // 1000 rows (probation 150), window rows 500..599 (width 100), detection at 599:
  // position -(599 - 599 + 1)/100 = -0.01 -> tanh(0.025)/tanh(2.5) = 0.0249948/0.9866143 = 0.025334.
  const t = series(1000);
  close(scoreFile(t, fire(1000, 599), [win(t, 500, 599)], std).raw, 0.025333905068325, 1e-12);
  // In the 10-row window the right edge is position -0.1 -> tanh(0.25)/tanh(2.5) = 0.248242.
  close(scoreFile(ts, fire(100, 59), W, std).raw, Math.tanh(0.25) / Math.tanh(2.5));
});

test('a missed window costs fnWeight', () => {
  close(scoreFile(ts, fire(100), W, std).raw, -1);
  close(scoreFile(ts, fire(100), W, PROFILES.reward_low_FN_rate).raw, -2);
});

test('a false positive with no preceding window costs fpWeight', () => {
  // Row 20 is after probation and before the window: -0.11, plus the missed window -1.
  const s = scoreFile(ts, fire(100, 20), W, std);
  close(s.raw, -1.11);
  assert.equal(s.fp, 1);
  close(scoreFile(ts, fire(100, 20), W, PROFILES.reward_low_FP_rate).raw, -1.22);
  close(scoreFile(ts, fire(100, 20), [], std).raw, -0.11); // a series without windows
});

test('a false positive right after a window costs less than one far after it', () => {
  // Row 60: position |59 - 60| / (10 - 1) = 1/9 -> 0.11 * (2*sigmoid(-5/9) - 1) = -0.0297932; plus -1 (FN).
  close(scoreFile(ts, fire(100, 60), W, std).raw, -1.029793183036839);
  // Row 99: position 40/9 > 3 -> -1.0 * 0.11; plus -1 (FN).
  close(scoreFile(ts, fire(100, 99), W, std).raw, -1.11);
  // With the window detected at its left edge: 1 - 0.0297932.
  close(scoreFile(ts, fire(100, 50, 60), W, std).raw, 1 - 0.029793183036839);
});

test('detections in the probation period are ignored', () => {
  const s = scoreFile(ts, fire(100, 0, 5, 14), W, std);
  close(s.raw, -1);
  assert.equal(s.tp + s.fp + s.fn + s.tn, 85); // only rows 15..99 are counted
  // A window wholly inside probation is never scored, not even as a miss (NAB's scoreParts only
  // holds windows with a scorable row), but it still precedes later false positives.
  close(scoreFile(ts, fire(100), [win(ts, 5, 10)], std).raw, 0);
  close(scoreFile(ts, fire(100, 99), [win(ts, 5, 10)], std).raw, -0.11); // (99 - 10)/(6 - 1) > 3
  // Row 16: position (16 - 10)/5 = 1.2 -> 0.11 * (2*sigmoid(-6) - 1) = -0.11 * tanh(3).
  close(scoreFile(ts, fire(100, 16), [win(ts, 5, 10)], std).raw, -0.11 * Math.tanh(3));
});

test('only the earliest detection in a window counts', () => {
  // Row 55 alone: position -(59 - 55 + 1)/10 = -0.5 -> tanh(1.25)/tanh(2.5) = 0.8597926.
  close(scoreFile(ts, fire(100, 55), W, std).raw, 0.859792566909784);
  const both = scoreFile(ts, fire(100, 50, 55, 59), W, std);
  close(both.raw, 1);
  assert.equal(both.tp, 3);
  close(scoreFile(ts, fire(100, 55, 57), W, std).raw, 0.859792566909784);
});

test('the null detector normalises to 0 and the perfect detector to 100', () => {
  const t2 = series(300);
  const files = [
    { timestamps: ts, windows: W, detections: fire(100) },
    { timestamps: t2, windows: [win(t2, 100, 129), win(t2, 200, 229)], detections: fire(300) },
  ];
  for (const profile of Object.values(PROFILES)) {
    const nul = normalisedScore(files, profile);
    close(nul.score, 0);
    close(nul.null, -3 * profile.fnWeight);
    close(nul.perfect, 3 * profile.tpWeight);
    const perfect = files.map((f, i) => ({ ...f, detections: i ? fire(300, 100, 200) : fire(100, 50) }));
    close(normalisedScore(perfect, profile).score, 100);
  }
  // Half the windows at the left edge, no FP: 100 * (1 - 1 + 1 - (-3)) / (3 - (-3)) = 66.67.
  const half = [
    { ...files[0], detections: fire(100, 50) },
    { ...files[1], detections: fire(300, 100) },
  ];
  close(normalisedScore(half, std).score, (100 * (1 + 1 - 1 + 3)) / 6);
});

// Deterministic PRNG (mulberry32) for the random corpus.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('bestThreshold equals a brute-force re-score over every threshold', () => {
  let nonTrivial = 0; // cases whose best threshold actually fires
  for (const seed of [1, 2, 3, 4, 5]) {
    const r = rng(seed);
    const files: ScoredFile[] = Array.from({ length: 4 }, (_, f) => {
      const n = 80 + Math.floor(r() * 200);
      const t = series(n);
      const windows: Window[] = [];
      const starts = f === 3 ? [] : [Math.floor(n * 0.3), Math.floor(n * 0.7)].slice(0, 1 + (f % 2));
      for (const s of starts) windows.push(win(t, s, s + 5 + Math.floor(r() * 10)));
      // Coarse scores (ties), higher near window starts so the best threshold is not trivial.
      const scores = t.map((_, i) => {
        const near = starts.some((s) => i >= s - 2 && i <= s + 6);
        return Math.round((near ? 0.5 + r() / 2 : r() ** 3) * 20) / 20;
      });
      return { timestamps: t, windows, scores };
    });
    for (const profile of Object.values(PROFILES)) {
      const fast = bestThreshold(files, profile);
      let brute = { threshold: 1.1, raw: scoreAtThreshold(files, 1.1, profile).raw };
      const thresholds = [...new Set(files.flatMap((f) => f.scores))].sort((a, b) => b - a);
      for (const th of thresholds) {
        const raw = scoreAtThreshold(files, th, profile).raw;
        if (raw > brute.raw + 1e-12) brute = { threshold: th, raw };
      }
      assert.equal(fast.threshold, brute.threshold, `seed ${seed}`);
      close(fast.raw, brute.raw);
      close(fast.score, scoreAtThreshold(files, brute.threshold, profile).score);
      if (fast.threshold < 1.1 && fast.score > 0) nonTrivial++;
    }
  }
  assert.ok(nonTrivial >= 10, `only ${nonTrivial} of 15 cases fire at their best threshold`);
});

const NAB = path.resolve(import.meta.dirname, '../../../shared/data/nab');
const labels = JSON.parse(fs.readFileSync(`${NAB}/combined_windows.json`, 'utf8')) as Record<string, Window[]>;
function loadSeries(rel: string): string[] {
  const lines = fs.readFileSync(`${NAB}/data/${rel}`, 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => l.slice(0, l.indexOf(',')));
}
// The perfect detector: one detection at the first row of every window.
function perfectDetections(timestamps: string[], windows: readonly Window[]): boolean[] {
  const d = new Array<boolean>(timestamps.length).fill(false);
  for (const [first] of windowRows(timestamps, windows)) d[first] = true;
  return d;
}

test('real data: nyc_taxi, perfect -> 100 and null -> 0', () => {
  const rel = 'realKnownCause/nyc_taxi.csv';
  const timestamps = loadSeries(rel);
  const windows = labels[rel];
  assert.equal(timestamps.length, 10320);
  assert.equal(windows.length, 5);
  const rows = windowRows(timestamps, windows);
  assert.equal(rows.length, 5);
  rows.forEach(([a, b], k) => {
    assert.equal(parseTimestamp(timestamps[a]), parseTimestamp(windows[k][0]));
    assert.equal(parseTimestamp(timestamps[b]), parseTimestamp(windows[k][1]));
    assert.ok(a >= probationLength(timestamps.length));
  });
  for (const profile of Object.values(PROFILES)) {
    const perfect = normalisedScore([{ timestamps, windows, detections: perfectDetections(timestamps, windows) }], profile);
    close(perfect.score, 100);
    close(perfect.raw, 5 * profile.tpWeight);
    const nul = normalisedScore([{ timestamps, windows, detections: timestamps.map(() => false) }], profile);
    close(nul.score, 0);
    close(nul.raw, -5 * profile.fnWeight);
  }
});

test('real data: the whole corpus, perfect -> 100, null -> 0, swept perfect scores -> 100', () => {
  const files = Object.entries(labels).map(([rel, windows]) => {
    const timestamps = loadSeries(rel);
    const detections = perfectDetections(timestamps, windows);
    return { timestamps, windows, detections, scores: detections.map((d) => (d ? 1 : 0)) };
  });
  assert.equal(files.length, 48);
  assert.equal(
    files.reduce((n, f) => n + f.windows.length, 0),
    83,
  );
  for (const profile of Object.values(PROFILES)) {
    close(normalisedScore(files, profile).score, 100);
    close(
      normalisedScore(
        files.map((f) => ({ ...f, detections: f.scores.map(() => false) })),
        profile,
      ).score,
      0,
    );
    const best = bestThreshold(files, profile);
    assert.equal(best.threshold, 1);
    close(best.score, 100);
  }
});
