// The detection tick's organisation settings and clock faults, on a real server and database with a
// test clock: a source whose clock runs ahead, the bucket size setting (detectors relearn), and the
// organisation's time zone reaching the detectors.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { MIN, START, STORY, startCalmTopic } from '../../../../test/helpers/warnings.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { runDetection } from './run.ts';

describe('detection settings and skewed clocks', () => {
  const clock = createTestClock(new Date(START.getTime() + 3 * 86_400_000));
  let ctx: Awaited<ReturnType<typeof startCalmTopic>>['ctx'];
  let org: Awaited<ReturnType<typeof startCalmTopic>>['org'];
  let push: Awaited<ReturnType<typeof startCalmTopic>>['push'];
  const deps = () => ({ db: ctx.server.db, clock });
  const q = async <T>(text: string) => ((await ctx.server.deps.db.execute(text as never)) as unknown as { rows: T[] }).rows;

  before(async () => {
    ({ ctx, org, push } = await startCalmTopic(clock));
  });

  test('the organisation time zone reaches every detector; the default is Asia/Taipei', async () => {
    assert.equal((await runDetection(deps())).opened, 0);
    const zones = await q<{ tz: string; bucket_ms: number }>(`SELECT state->>'timeZone' AS tz, bucket_ms FROM detector_states`);
    assert.equal(zones.length, 4);
    assert.deepEqual(new Set(zones.map((z) => z.tz)), new Set(['Asia/Taipei']));
    assert.deepEqual(new Set(zones.map((z) => z.bucket_ms)), new Set([5 * MIN]));
    await q(`UPDATE organisations SET time_zone = 'Europe/London'`);
    clock.set(new Date(clock.now().getTime() + 5 * MIN));
    const relearned = await runDetection(deps());
    // Hours of the day learned in Taipei would be read eight hours off in London: the topic relearns.
    assert.ok(relearned.buckets > 500, `relearned from history in the new zone (${relearned.buckets} buckets)`);
    assert.equal(relearned.opened, 0);
    clock.set(new Date(clock.now().getTime() + 5 * MIN));
    assert.ok((await runDetection(deps())).buckets <= 2, 'then carries on bucket by bucket');
    const after = await q<{ tz: string }>(`SELECT state->>'timeZone' AS tz FROM detector_states`);
    assert.deepEqual(new Set(after.map((z) => z.tz)), new Set(['Europe/London']));
  });

  test('a source whose clock runs three hours ahead: its burst counts when it is collected, and alerts now', async () => {
    const at = new Date(clock.now().getTime() + 2 * MIN);
    clock.set(at);
    // Published "three hours from now" by the source's clock; collected now.
    const ahead = new Date(at.getTime() + 3 * 3_600_000);
    await push(Array.from({ length: 30 }, (_, i) => ({ text: i % 3 ? `轉貼 ${STORY}` : STORY, at: new Date(ahead.getTime() + i * 1000) })));
    clock.set(new Date(Math.floor(at.getTime() / (5 * MIN)) * 5 * MIN + 5 * MIN + 61_000));
    const r = await runDetection(deps());
    assert.equal(r.opened, 1, 'the burst is judged in the bucket it arrived in, not three hours later');
    const [a] = (await org.admin.get('/api/alerts?status=active')).body.alerts;
    assert.ok(a, 'an open alert');
    const detail = (await org.admin.get(`/api/alerts/${a.id}`)).body;
    assert.ok(detail.drivers.mentions >= 30, `the drivers include the skewed mentions (${detail.drivers.mentions})`);
  });

  test('changing the bucket size makes every detector relearn from history at the new size, quietly', async () => {
    const current = (await org.admin.get('/api/warnings/settings')).body;
    const put = await org.admin.request('PUT', '/api/warnings/settings', { grading: current.grading, bucketMinutes: 15 });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    clock.set(new Date(clock.now().getTime() + 15 * MIN));
    const r = await runDetection(deps());
    assert.equal(r.opened, 0);
    assert.ok(r.buckets > 200, `relearned from stored history (${r.buckets} buckets)`);
    const rows = await q<{ bucket_ms: number; end: string }>(
      `SELECT bucket_ms, extract(epoch FROM last_bucket_end)::bigint AS end FROM detector_states`,
    );
    assert.equal(rows.length, 4);
    for (const row of rows) {
      assert.equal(row.bucket_ms, 15 * MIN);
      assert.equal((Number(row.end) * 1000) % (15 * MIN), 0, 'buckets end on the new grid');
    }
  });
});
