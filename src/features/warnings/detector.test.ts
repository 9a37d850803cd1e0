// The detector on the shapes mention counts take: quiet topics, huge steady ones, daily rhythm,
// sustained build-ups, gaps — and its promise of no look-ahead.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SeriesDetector } from './detector.ts';

const BUCKET = 5 * 60_000;
const START = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function poisson(lambda: number, r: () => number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(r)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}
function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
function run(values: number[], d = new SeriesDetector()) {
  return values.map((v, i) => d.step(START + i * BUCKET, v));
}
const alerts = (vs: ReturnType<typeof run>, from = 0, to = vs.length) => vs.slice(from, to).filter((v) => v.alert).length;

describe('SeriesDetector', () => {
  test('a quiet topic going from nothing to 12 posts in an hour alerts within that hour', () => {
    const r = rng(1);
    const calm = Array.from({ length: 3 * 288 }, () => poisson(0.05, r));
    const out = run([...calm, ...Array.from({ length: 12 }, () => 1)]);
    assert.equal(alerts(out, 288, calm.length), 0, 'no alert while calm (after the first day)');
    assert.ok(alerts(out, calm.length) >= 1, 'alerts during the hour of posts');
  });

  test('a topic that always has ~10,000 a bucket does not alarm on 10,100, and does on 13,000', () => {
    const r = rng(2);
    const calm = Array.from({ length: 2 * 288 }, () => poisson(10_000, r));
    const small = run([...calm, 10_100, 10_080, 10_120]);
    assert.equal(alerts(small, 288), 0);
    const big = run([...calm, 13_000]);
    assert.equal(big.at(-1)?.alert, true);
  });

  test('a daily rhythm is learned: busy days and quiet nights do not alarm, a spike at night does', () => {
    const r = rng(3);
    const rate = (i: number) => {
      const hour = ((i * 5) / 60) % 24;
      return hour >= 8 && hour < 23 ? 40 : 2;
    };
    const week = Array.from({ length: 7 * 288 }, (_, i) => poisson(rate(i), r));
    const out = run([...week, ...Array.from({ length: 3 }, () => 25)]);
    assert.equal(alerts(out.slice(0, week.length), 3 * 288), 0, 'no alerts on days 4–7');
    assert.ok(alerts(out, week.length) >= 1, 'the night-time spike alerts');
    assert.ok(out.at(-1) && out.at(-1)?.expected !== undefined && (out.at(-1)?.expected ?? 99) < 10, 'expected stays at the night level');
  });

  test('a sustained surge raises one alert, not one per bucket, and the model settles on the new level', () => {
    const r = rng(4);
    const calm = Array.from({ length: 2 * 288 }, () => poisson(20, r));
    const surge = Array.from({ length: 6 * 12 }, () => poisson(80, r));
    const out = run([...calm, ...surge]);
    assert.equal(alerts(out, calm.length), 1);
  });

  test('no look-ahead: each verdict depends only on the buckets up to it', () => {
    const r = rng(5);
    const a = Array.from({ length: 800 }, () => poisson(5, r));
    const b = [...a.slice(0, 500), ...Array.from({ length: 300 }, () => poisson(50, r))];
    const ra = run(a);
    const rb = run(b);
    assert.deepEqual(rb.slice(0, 500), ra.slice(0, 500));
  });

  test('scores are in [0, 1]; continuous values and gaps in time are handled', () => {
    const r = rng(6);
    const d = new SeriesDetector();
    let t = START;
    for (let i = 0; i < 1000; i++) {
      t += i === 500 ? 3 * 86_400_000 : BUCKET; // a three-day gap
      const v = d.step(t, 50 + 5 * gauss(r) + (i > 900 ? 60 : 0));
      assert.ok(v.score >= 0 && v.score <= 1, `score ${v.score}`);
      assert.ok(Number.isFinite(v.expected) && v.low <= v.expected && v.expected <= v.high);
    }
    assert.throws(() => d.step(t + BUCKET, Number.NaN), /finite/);
  });

  test('sensitivity: high alerts on a rise that normal and low let pass', () => {
    const r = rng(7);
    const calm = Array.from({ length: 2 * 288 }, () => poisson(30, r));
    const series = [...calm, 46, 45, 47, 46];
    const count = (s: 'low' | 'normal' | 'high') => alerts(run(series, new SeriesDetector({ sensitivity: s })), calm.length);
    assert.ok(count('high') >= 1);
    assert.equal(count('low'), 0);
  });
});

describe('SeriesDetector state', () => {
  test('a restored snapshot continues exactly as the original would', () => {
    const r = rng(8);
    const values = Array.from({ length: 1500 }, (_, i) => poisson(i > 1400 ? 40 : 8, r));
    const a = new SeriesDetector({ kind: 'count' });
    const first = run(values.slice(0, 1000), a);
    const b = SeriesDetector.restore(JSON.parse(JSON.stringify(a.snapshot())));
    const tail = (d: SeriesDetector) => values.slice(1000).map((v, i) => d.step(START + (1000 + i) * BUCKET, v));
    const fromA = tail(a);
    const fromB = tail(b);
    assert.deepEqual(fromB, fromA);
    assert.equal(first.length, 1000);
    assert.ok(fromA.some((v) => v.alert));
  });

  test('learn() never alerts; a fixed count series refuses fractions', () => {
    const d = new SeriesDetector({ kind: 'count' });
    for (let i = 0; i < 600; i++) d.learn(START + i * BUCKET, i > 590 ? 500 : 3);
    assert.throws(() => d.step(START + 600 * BUCKET, 2.5), /whole number/);
  });
});
