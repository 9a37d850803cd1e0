// Generation from a scenario, without a database: deterministic per (seed, minute), waves that add up to
// their integral, posts exactly once, reposts of the named post, and a calm history with a daily rhythm.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { mentionInput } from '../../monitoring/contract.ts';
import { type Scenario, scenarioFile } from '../scenario-contract.ts';
import { baselineMentions, mentionsForMinute, postText, waveCount } from './generate.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const fixture = (locale = 'zh-TW'): Scenario =>
  scenarioFile.parse(YAML.parse(fs.readFileSync(path.join(root, `test/fixtures/scenarios/${locale}/fixture-mini.yaml`), 'utf8')));

const RUN = '3f1c2a4e-0000-4000-8000-000000000001';
const T0 = Date.parse('2026-03-10T04:00:00Z');
const at = (s: number) => new Date(T0 + s);
const minute = (s: Scenario, m: number, seed = 7) => mentionsForMinute(s, { runId: RUN, seed, minute: m, publishedAt: at });
const allMinutes = (s: Scenario, seed = 7) => Array.from({ length: s.durationMinutes + 1 }, (_, m) => minute(s, m, seed)).flat();

describe('generating a scenario minute by minute', () => {
  const s = fixture();

  test('the same seed and minute give the same items; other minutes and seeds differ', () => {
    assert.deepEqual(minute(s, 14), minute(s, 14));
    assert.ok(minute(s, 14).length > 10);
    assert.notDeepEqual(
      minute(s, 14).map((m) => m.text),
      minute(s, 15).map((m) => m.text),
    );
    assert.notDeepEqual(
      minute(s, 14, 7).map((m) => [m.text, m.author]),
      minute(s, 14, 8).map((m) => [m.text, m.author]),
    );
    const ids = allMinutes(s).map((m) => m.externalId);
    assert.equal(new Set(ids).size, ids.length, 'external ids are unique across the run');
    assert.ok(ids.every((id) => id?.startsWith(`${RUN}:`)));
  });

  test('every item passes the push API’s validation, with URLs only on example.invalid, published within its minute', () => {
    for (let m = 0; m <= s.durationMinutes; m++)
      for (const item of minute(s, m)) {
        assert.ok(mentionInput.safeParse(item).success, JSON.stringify(item));
        assert.equal(new URL(item.url ?? '').hostname, 'example.invalid');
        const t = Date.parse(item.publishedAt) - T0;
        assert.ok(t >= m * 60_000 && t < (m + 1) * 60_000, `minute ${m}: offset ${t}`);
        assert.doesNotMatch(item.text, /\{[a-z]\w*\}/, 'variables are filled');
      }
  });

  test('a wave’s mentions add up to its rate’s integral (±10%), ramping from start to end', () => {
    s.waves.forEach((w, wi) => {
      const [a, b] = typeof w.perMinute === 'number' ? [w.perMinute, w.perMinute] : w.perMinute;
      const integral = ((a + b) / 2) * (w.to - w.from);
      let total = 0;
      for (let m = 0; m <= s.durationMinutes; m++) total += waveCount(w, 7, wi, m);
      assert.ok(Math.abs(total - integral) <= Math.max(1, integral * 0.1), `${w.key}: ${total} vs ${integral}`);
      if (b > a) assert.ok(waveCount(w, 7, wi, w.to - 1) > waveCount(w, 7, wi, w.from), `${w.key} ramps up`);
    });
    // The generated minutes carry the same totals (the posts are extra).
    const generated = allMinutes(s).length - s.posts.length;
    const expected = s.waves.reduce((sum, w) => {
      const [a, b] = typeof w.perMinute === 'number' ? [w.perMinute, w.perMinute] : w.perMinute;
      return sum + ((a + b) / 2) * (w.to - w.from);
    }, 0);
    assert.ok(Math.abs(generated - expected) <= expected * 0.1, `${generated} vs ${expected}`);
  });

  test('fractional rates carry over: 0.3 a minute is 18 an hour, whatever the seed', () => {
    const slow: Scenario = { ...s, durationMinutes: 60, waves: [{ ...s.waves[0], from: 0, to: 60, perMinute: 0.3, reposts: [] }] };
    for (const seed of [1, 2, 3]) {
      const n = Array.from({ length: 60 }, (_, m) => waveCount(slow.waves[0], seed, 0, m)).reduce((x, y) => x + y, 0);
      assert.ok(n === 18 || n === 17 || n === 19, `seed ${seed}: ${n}`);
    }
  });

  test('each post is published once, at its minute, with its author, followers, title and metrics', () => {
    const items = allMinutes(s);
    for (const p of s.posts) {
      const text = postText(s, 7, p);
      const originals = items.filter((m) => m.text === text && m.author === p.author);
      assert.equal(originals.length, 1, p.key);
      const [o] = originals;
      assert.equal(o.authorFollowers, p.followers);
      assert.equal(o.title, p.title);
      assert.deepEqual(o.metrics, p.metrics);
      assert.equal(Date.parse(o.publishedAt), T0 + p.at * 60_000);
    }
  });

  test('a share of a wave’s mentions re-share the named post, only after it is published', () => {
    const origin = s.posts.find((p) => p.key === 'origin');
    assert.ok(origin);
    const text = postText(s, 7, origin);
    const reposts = allMinutes(s).filter((m) => m.author !== origin.author && m.text.includes(text));
    // spark: 30% of ~63, surge: 20% of ~240.
    assert.ok(reposts.length > 40 && reposts.length < 100, `${reposts.length} reposts`);
    assert.ok(reposts.every((m) => Date.parse(m.publishedAt) >= T0 + origin.at * 60_000));
    assert.ok(
      reposts.every((m) => m.title === origin.title),
      'a re-share keeps the headline',
    );
    assert.ok(new Set(reposts.map((m) => m.text)).size > 1, 'with a few different tails');
  });
});

describe('the calm history before a run', () => {
  const s = fixture();
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date('2026-03-15T00:00:00Z');
  const items = baselineMentions(s, { runId: RUN, seed: 3, from, to, timeZone: 'Asia/Taipei' });

  test('averages baseline.perHour, within [from, to), deterministic', () => {
    const hours = (to.getTime() - from.getTime()) / 3_600_000;
    assert.ok(Math.abs(items.length - s.baseline.perHour * hours) <= 1, `${items.length}`);
    assert.ok(items.every((m) => Date.parse(m.publishedAt) >= from.getTime() && Date.parse(m.publishedAt) < to.getTime()));
    assert.deepEqual(baselineMentions(s, { runId: RUN, seed: 3, from, to, timeZone: 'Asia/Taipei' }), items);
    assert.ok(items.every((m) => mentionInput.safeParse(m).success));
  });

  test('has a daily rhythm in the organisation’s zone: quiet at night, busy in the evening', () => {
    const hourOf = (iso: string) => (new Date(iso).getUTCHours() + 8) % 24;
    const count = (hs: number[]) => items.filter((m) => hs.includes(hourOf(m.publishedAt))).length;
    const night = count([2, 3, 4, 5]);
    const evening = count([19, 20, 21, 22]);
    const lunch = count([12, 13]);
    assert.ok(evening > 4 * night, `evening ${evening}, night ${night}`);
    assert.ok(lunch > 2 * count([3, 4]), `lunch ${lunch}`);
    // The same history in London peaks eight hours later in UTC.
    const london = baselineMentions(s, { runId: RUN, seed: 3, from, to, timeZone: 'Europe/London' });
    const utcEvening = london.filter((m) => [19, 20, 21].includes(new Date(m.publishedAt).getUTCHours())).length;
    const utcNight = london.filter((m) => [2, 3, 4].includes(new Date(m.publishedAt).getUTCHours())).length;
    assert.ok(utcEvening > 4 * utcNight, `London: evening ${utcEvening}, night ${utcNight}`);
  });
});
