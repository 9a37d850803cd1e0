// The detector on the shapes mention counts take: quiet topics, huge steady ones, daily rhythm,
// sustained build-ups, gaps — and its promise of no look-ahead.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SeriesDetector, zoneOffset } from './detector.ts';

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

  test('a lasting step re-anchors on the buckets after it, not on the hours before', () => {
    const r = rng(11);
    const calm = Array.from({ length: 3 * 288 }, () => 10 + 0.5 * gauss(r));
    const after = Array.from({ length: 16 }, () => 40 + 0.5 * gauss(r));
    const out = run([...calm, ...after]);
    assert.equal(alerts(out, calm.length), 1);
    // Re-anchored on the new level within a dozen buckets (averaging the last four hours would expect ~16).
    const settled = out[out.length - 1].expected;
    assert.ok(Math.abs(settled - 40) < 6, `expected ≈ 40 after the step, got ${settled.toFixed(1)}`);
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

  test('a noise floor: a continuous series of near-identical values does not alarm on a small change, and does on a big one', () => {
    // Reach as log(1 + reach) in a quiet topic: a few posts, each reaching about the same number of people.
    const run = (floor: number | null, last: number) => {
      const d = new SeriesDetector({ kind: 'continuous', direction: 'up' });
      if (floor !== null) d.setNoiseFloor(floor);
      for (let i = 0; i < 600; i++) d.step(START + i * BUCKET, 10 + (i % 2) * 0.001);
      return d.step(START + 600 * BUCKET, last);
    };
    assert.equal(run(null, 10.13).alert, true, 'without a floor, 14% more reach is a deviation of hundreds');
    assert.equal(run(0.5, 10.13).alert, false, 'with it, 14% more reach is nothing');
    assert.equal(run(0.5, 16).alert, true, 'four hundred times the reach still alarms');
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

describe('SeriesDetector: rhythm, episodes and variability', () => {
  test('a burst at the same time every day is news at first, and not once it has recurred two days running; a bigger one at noon alerts', () => {
    const r = rng(11);
    const days = 6;
    const values = Array.from({ length: days * 288 }, (_, i) => poisson(20, r) + (i % 288 >= 96 && i % 288 < 99 ? 60 : 0));
    // Day 7: a bigger burst, at noon.
    const out = run([...values, ...Array.from({ length: 150 }, (_, i) => poisson(20, r) + (i >= 144 ? 150 : 0))]);
    const perDay = Array.from({ length: days }, (_, d) => alerts(out, d * 288 + 96, d * 288 + 99));
    assert.ok(perDay[0] + perDay[1] >= 1, `the burst is news the first days (${perDay})`);
    assert.deepEqual(perDay.slice(3), [0, 0, 0], `not news from day 4 on (${perDay})`);
    assert.ok(alerts(out, days * 288 + 144) >= 1, 'a bigger burst at 12:00 alerts');
  });

  test('a burst every Saturday evening is learned from the two Saturdays before', () => {
    const r = rng(12);
    const weeks = 4;
    // START is a Monday: Saturday 20:00 is bucket 5 * 288 + 240.
    const saturday = (i: number) => i % 2016 >= 5 * 288 + 240 && i % 2016 < 5 * 288 + 246;
    const values = Array.from({ length: weeks * 2016 }, (_, i) => poisson(20, r) + (saturday(i) ? 50 : 0));
    const out = run(values);
    const at = (w: number) => alerts(out, w * 2016 + 5 * 288 + 240, w * 2016 + 5 * 288 + 246);
    assert.ok(at(0) + at(1) >= 1, 'news the first Saturdays');
    assert.equal(at(3), 0, 'the fourth Saturday is the rhythm');
  });

  test('a quieter Sunday evening every week is learned as the weekly rhythm, and a weekday evening stays busy', () => {
    const r = rng(31);
    // START is a Monday: Sunday 18:00–23:00 is buckets 6 * 288 + 216 … 6 * 288 + 275 of each week.
    const sunday = (i: number) => i % 2016 >= 6 * 288 + 216 && i % 2016 < 6 * 288 + 276;
    // Over-dispersed counts (±20% beyond Poisson): 200 a bucket, 120 on Sunday evenings.
    const values = Array.from({ length: 5 * 2016 }, (_, i) => poisson(Math.max(0, (sunday(i) ? 120 : 200) * (1 + 0.2 * gauss(r))), r));
    const out = run(values);
    const evening = (w: number, day: number) => out[w * 2016 + day * 288 + 216].expected;
    assert.ok(evening(1, 6) > 180, 'the second Sunday evening starts out expected like any other evening');
    // The recent deviation alone would still expect ~190 as the evening starts, every week.
    assert.ok(evening(4, 6) < 160, `the fifth Sunday evening is expected quieter from its first bucket (${evening(4, 6)})`);
    assert.ok(evening(4, 0) > 180, `a Monday evening is still expected busy (${evening(4, 0)})`);
    assert.equal(alerts(out, 3 * 2016), 0, 'no alerts in weeks 4 and 5');
  });

  test('busy hours are noisier: an over-dispersed evening peak does not alarm, and a rise at night still does', () => {
    const r = rng(16);
    const evening = (i: number) => i % 288 >= 228; // 19:00–24:00
    // Evenings: 400 a bucket, ±30% from bucket to bucket beyond Poisson; the rest of the day: 20.
    const noisy = (i: number) => (evening(i) ? poisson(Math.max(0, 400 * (1 + 0.3 * gauss(r))), r) : poisson(20, r));
    const days = Array.from({ length: 8 * 288 }, (_, i) => noisy(i));
    const out = run([...days, ...Array.from({ length: 6 }, () => poisson(80, r))]);
    const eveningAlerts = out.filter((v, i) => i >= 3 * 288 && i < days.length && evening(i) && v.alert).length;
    assert.equal(eveningAlerts, 0, 'no alerts in the evening peaks of days 4–8');
    assert.ok(alerts(out, days.length) >= 1, 'the night-time rise alerts');
  });

  test('one long episode alerts once: the cool-down runs from the last bucket over the line', () => {
    const r = rng(13);
    const calm = Array.from({ length: 3 * 288 }, () => poisson(10, r));
    // 30 hours at four times the usual volume: longer than the 12-hour cool-down.
    const out = run([...calm, ...Array.from({ length: 360 }, () => poisson(40, r))]);
    assert.equal(alerts(out, calm.length), 1);
  });

  test('variability: a series that starts to swing around the same level alerts when watched both ways, not when watching rises only', () => {
    const r = rng(14);
    const calm = Array.from({ length: 3 * 288 }, () => 50 + 2 * gauss(r));
    const swings = Array.from({ length: 48 }, (_, i) => 50 + (i % 2 ? 7 : -7) + 2 * gauss(r));
    const both = run([...calm, ...swings], new SeriesDetector());
    const up = run([...calm, ...swings], new SeriesDetector({ direction: 'up' }));
    assert.equal(alerts(both, 288, calm.length), 0);
    assert.ok(alerts(both, calm.length) >= 1, 'both ways: the swings are news');
    assert.equal(alerts(up, calm.length), 0, 'rises only: no rise, no alert');
  });

  test('a new all-time high alerts in a series whose evidence has been as large before; the same spike within the range it has shown does not', () => {
    // Six days around 50 with two deep one-bucket dips a day: the single-bucket evidence of a spike
    // to 75 is smaller than the dips', so it is not rare — but 75 is beyond anything the series has
    // shown, unless it once reached 90.
    const r = rng(21);
    const dips = new Set<number>();
    for (let day = 0; day < 6; day++) for (let k = 0; k < 2; k++) dips.add(day * 288 + 20 + Math.floor(r() * 250));
    const history = Array.from({ length: 6 * 288 }, (_, i) => (dips.has(i) ? 10 : 50 + 2 * gauss(r)));
    const spikeAfter = (values: number[]) => {
      const d = new SeriesDetector();
      run(values, d);
      return d.step(START + values.length * BUCKET, 75);
    };
    assert.equal(spikeAfter(history).alert, true, 'a record alerts');
    const withEarlierHigh = history.slice();
    withEarlierHigh[100] = 90; // on the first day, before the rarity history starts
    const v = spikeAfter(withEarlierHigh);
    assert.equal(v.alert, false, 'not a record: judged by its rarity, and not rare here');
    assert.ok(v.score < 0.5);
  });

  test('a new all-time low after the episode has ended alerts within the cool-down; one inside the same burst does not', () => {
    const r = rng(11);
    const calm = Array.from({ length: 3 * 288 }, () => 50 + 2 * gauss(r));
    const drop = [30, 30, 30];
    // Two hours back to normal, then 10: lower than anything before, and the drop's episode is over.
    const after = run([...calm, ...drop, ...Array.from({ length: 24 }, () => 50 + 2 * gauss(r)), 10]);
    assert.equal(alerts(after, calm.length, calm.length + 3), 1, 'the drop alerts');
    assert.equal(after.at(-1)?.alert, true, 'a new record after the episode is a new event');
    // Straight after the drop: the same episode going further, which updates the open alert.
    const within = run([...calm, ...drop, 50, 10]);
    assert.equal(alerts(within, calm.length + 3), 0);
  });

  test('a busy hour whose own noise is not known yet does not alarm on its variability', () => {
    // A daily square wave: 20 ± 1, and 70 ± 3 from 09:00 to 12:00. Until each busy hour has its own
    // noise scale (two days into the rhythm), its residuals are measured against the whole day's.
    let busyAlerts = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const busy = (i: number) => i % 288 >= 108 && i % 288 < 144;
      const out = run(Array.from({ length: 5 * 288 }, (_, i) => (busy(i) ? 70 + 3 * gauss(r) : 20 + gauss(r))));
      busyAlerts += out.filter((v, i) => v.alert && i >= 3 * 288 && busy(i)).length;
    }
    assert.equal(busyAlerts, 0);
  });

  test('dates before 1970 behave like any others (whole weeks earlier, the same verdicts)', () => {
    const r = rng(17);
    const values = Array.from({ length: 6 * 288 }, (_, i) => poisson(20, r) + (i % 288 >= 96 && i % 288 < 99 ? 60 : 0));
    const old = START - 3000 * 7 * 86_400_000; // a Monday in 1968
    const d = new SeriesDetector();
    const before1970 = values.map((v, i) => d.step(old + i * BUCKET, v));
    assert.deepEqual(before1970, run(values));
  });

  test('zoneOffset follows the zone, daylight saving included', () => {
    assert.equal(zoneOffset(Date.UTC(2026, 0, 5), 'Asia/Taipei'), 8 * 3_600_000);
    assert.equal(zoneOffset(Date.UTC(2026, 0, 5), 'America/New_York'), -5 * 3_600_000);
    assert.equal(zoneOffset(Date.UTC(2026, 6, 5), 'America/New_York'), -4 * 3_600_000);
  });

  test('a time zone moves the day: a burst at 09:00 Taipei every day is learned the same as at 09:00 UTC without one', () => {
    const r = rng(15);
    const make = (offsetBuckets: number) =>
      Array.from(
        { length: 6 * 288 },
        (_, i) => poisson(20, r) + ((i + offsetBuckets) % 288 >= 108 && (i + offsetBuckets) % 288 < 111 ? 60 : 0),
      );
    // 09:00 Taipei is 01:00 UTC.
    const taipei = run(make(96), new SeriesDetector({ timeZone: 'Asia/Taipei' }));
    assert.equal(alerts(taipei, 5 * 288), 0);
    const d = new SeriesDetector({ timeZone: 'Asia/Taipei' });
    const back = SeriesDetector.restore(JSON.parse(JSON.stringify(d.snapshot())));
    assert.equal((back.snapshot() as { timeZone: string }).timeZone, 'Asia/Taipei');
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

  test('a detector relearning from history keeps the cool-down of the one it replaces', () => {
    const r = rng(18);
    const calm = Array.from({ length: 3 * 288 }, () => poisson(10, r));
    const first = new SeriesDetector({ kind: 'count' });
    const out = run([...calm, 60, 60], first);
    assert.ok(alerts(out, calm.length) >= 1);
    const again = new SeriesDetector({ kind: 'count' });
    for (const [i, v] of calm.entries()) again.learn(START + i * BUCKET, v);
    again.holdFrom(first.lastAlertAt());
    assert.equal(again.step(START + (calm.length + 2) * BUCKET, 60).alert, false, 'still in the cool-down');
    const fresh = new SeriesDetector({ kind: 'count' });
    for (const [i, v] of calm.entries()) fresh.learn(START + i * BUCKET, v);
    assert.equal(fresh.step(START + (calm.length + 2) * BUCKET, 60).alert, true, 'without it, the same bucket alerts');
  });

  test('a snapshot saved before variability was tracked restores with it rebuilt', () => {
    const d = new SeriesDetector();
    for (let i = 0; i < 400; i++) d.step(START + i * BUCKET, 50 + (i % 5));
    const old = d.snapshot() as Record<string, unknown>;
    delete old.recentSpread;
    const back = SeriesDetector.restore(JSON.parse(JSON.stringify(old)));
    for (let i = 400; i < 460; i++) assert.ok(Number.isFinite(back.step(START + i * BUCKET, 50 + (i % 5)).score));
    const snap = back.snapshot() as { recent: number[]; recentSpread: number[]; dayMax: number[] };
    assert.equal(snap.recentSpread.length, snap.recent.length);
    assert.ok(snap.dayMax.every(Number.isFinite));
  });

  test('a snapshot saved before records were kept does not treat the next high as a record', () => {
    const r = rng(21);
    const values = Array.from({ length: 6 * 288 }, (_, i) => (i % 144 === 77 ? 10 : 50 + 2 * gauss(r)));
    const d = new SeriesDetector();
    run(values, d);
    const saved = JSON.stringify(d.snapshot());
    const old = JSON.parse(saved) as Record<string, unknown>;
    for (const k of ['recordHigh', 'recordLow', 'recordBuckets']) delete old[k];
    const t = START + values.length * BUCKET;
    assert.equal(SeriesDetector.restore(JSON.parse(saved)).step(t, 75).alert, true, 'with its records: a new high');
    const back = SeriesDetector.restore(old);
    assert.equal(back.step(t, 75).alert, false, 'records restart from the recent values and count once they have a history');
    const snap = back.snapshot() as { recordHigh: number; recordBuckets: number };
    assert.equal(snap.recordHigh, 75);
    assert.equal(snap.recordBuckets, 1);
  });

  test('the weekly rhythm is restored bit for bit, and a snapshot saved before it existed restores with it empty', () => {
    const r = rng(32);
    const sunday = (i: number) => i % 2016 >= 6 * 288 + 216 && i % 2016 < 6 * 288 + 276;
    const values = Array.from({ length: 3 * 2016 + 600 }, (_, i) => poisson(sunday(i) ? 120 : 200, r));
    const a = new SeriesDetector();
    run(values.slice(0, 3 * 2016), a);
    const saved = JSON.stringify(a.snapshot());
    const tail = (d: SeriesDetector) => values.slice(3 * 2016).map((v, i) => d.step(START + (3 * 2016 + i) * BUCKET, v));
    const b = SeriesDetector.restore(JSON.parse(saved));
    assert.deepEqual(tail(b), tail(a));
    assert.deepEqual(b.snapshot(), a.snapshot());
    const old = JSON.parse(saved) as Record<string, unknown>;
    assert.ok(
      (old.weekly as number[]).some((x) => x !== 0),
      'three weeks taught the weekly rhythm',
    );
    for (const k of ['weekly', 'weeklySeen', 'weeklyVisits']) delete old[k];
    const back = SeriesDetector.restore(old);
    const snap = back.snapshot() as { weekly: number[]; weeklyVisits: number[] };
    assert.ok(snap.weekly.every((x) => x === 0) && snap.weeklyVisits.every((x) => x === 0));
    assert.ok(tail(back).every((v) => Number.isFinite(v.score) && Number.isFinite(v.expected)));
  });

  test('learn() never alerts; a fixed count series refuses fractions', () => {
    const d = new SeriesDetector({ kind: 'count' });
    for (let i = 0; i < 600; i++) d.learn(START + i * BUCKET, i > 590 ? 500 : 3);
    assert.throws(() => d.step(START + 600 * BUCKET, 2.5), /whole number/);
  });
});
