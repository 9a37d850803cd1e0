// The early-warning settings over HTTP: the detection bucket size is one of a few choices, 5 minutes until an
// admin picks another (also for settings stored before it was configurable), and kept when a save leaves it out.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';

describe('warning settings', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  const grading = { L1: 80, L2: 60, L3: 40 };

  before(async () => {
    ctx = await startTestServer();
    org = await setUpOrg(ctx.url);
  });

  test('the bucket size is 5 minutes until chosen, round-trips, and survives saves that leave it out', async () => {
    assert.equal((await org.admin.get('/api/warnings/settings')).body.bucketMinutes, 5, 'nothing stored yet');
    // Settings stored before the bucket was configurable still read, as 5 minutes.
    await ctx.server.deps.db.execute(
      `INSERT INTO warning_settings (org_id, settings) VALUES ('${org.orgId}', '{"grading":{"L1":85,"L2":60,"L3":40}}')` as never,
    );
    assert.deepEqual((await org.admin.get('/api/warnings/settings')).body, { grading: { L1: 85, L2: 60, L3: 40 }, bucketMinutes: 5 });
    const put = await org.admin.request('PUT', '/api/warnings/settings', { grading, bucketMinutes: 15 });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.bucketMinutes, 15);
    assert.equal((await org.admin.get('/api/warnings/settings')).body.bucketMinutes, 15);
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading, quietHoursBypassRisk: 90 })).status, 200);
    assert.equal((await org.admin.get('/api/warnings/settings')).body.bucketMinutes, 15, 'kept when a save leaves it out');
    const [event] = (await org.admin.get('/api/audit?type=warning.settings_updated&limit=2')).body.events.slice(-1);
    assert.deepEqual([event.data.before.bucketMinutes, event.data.after.bucketMinutes], [5, 15], 'the change is audited');
  });

  test('a bucket size that is not one of the choices is refused with a problem naming the field', async () => {
    for (const bucketMinutes of [7, 0, '5', 120]) {
      const r = await org.admin.request('PUT', '/api/warnings/settings', { grading, bucketMinutes });
      assert.equal(r.status, 400, String(bucketMinutes));
      assert.equal(r.headers.get('content-type')?.split(';')[0], 'application/problem+json');
      assert.equal(r.body.code, 'validation_failed');
      assert.deepEqual(
        r.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['bucketMinutes', 'invalid_value']],
      );
    }
    assert.equal((await org.admin.get('/api/warnings/settings')).body.bucketMinutes, 15, 'unchanged');
    const member = await org.userWithRole('member');
    assert.equal((await member.client.request('PUT', '/api/warnings/settings', { grading, bucketMinutes: 1 })).status, 403);
  });
});
