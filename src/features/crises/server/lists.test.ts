// The organisation's crisis type and team role names over real HTTP and PostgreSQL: the shipped lists by
// default, renaming and hiding saved with their version (409 when stale), hiding every type refused with a field
// error, everyone signed in may read them but only admins save them, and each save is audited.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { crisisTypes, teamRoles } from '../contract.ts';

const URL = '/api/crisis-config/lists';
const put = (c: Client, body: unknown) => c.request('PUT', URL, body);
const blank = { 'zh-TW': '', en: '' };

describe('crisis type and role lists', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: { client: Client; id: string };
  let member: { client: Client; id: string };

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    manager = await org.userWithRole('manager', '王經理');
    member = await org.userWithRole('member', '陳組員');
  });

  test('defaults: every shipped type and role, shipped names, nothing hidden, version 0', async () => {
    const r = await org.admin.get(URL);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.version, 0);
    assert.deepEqual(
      r.body.types.map((x: { id: string }) => x.id),
      [...crisisTypes],
    );
    assert.deepEqual(
      r.body.roles.map((x: { id: string }) => x.id),
      [...teamRoles],
    );
    assert.ok(
      r.body.types.every((x: { hidden: boolean; label: unknown }) => !x.hidden && JSON.stringify(x.label) === JSON.stringify(blank)),
    );
  });

  test('permissions: a member reads the names; a member or manager cannot save them (403)', async () => {
    assert.equal((await member.client.get(URL)).status, 200);
    assert.equal((await manager.client.get(URL)).status, 200);
    const body = { types: [], roles: [], version: 0 };
    assert.equal((await put(member.client, body)).status, 403);
    assert.equal((await put(manager.client, body)).status, 403);
  });

  test('hiding every type is refused with a field error on types', async () => {
    const r = await put(org.admin, { types: crisisTypes.map((id) => ({ id, label: blank, hidden: true })), roles: [], version: 0 });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'validation_failed');
    const fields = JSON.stringify(r.body);
    assert.match(fields, /At least one crisis type must stay visible/);
    assert.match(fields, /"path":"types"/, fields);
    assert.equal((await org.admin.get(URL)).body.version, 0);
    const tooLong = await put(org.admin, {
      types: [{ id: 'other', label: { 'zh-TW': '長'.repeat(41), en: '' }, hidden: false }],
      roles: [],
      version: 0,
    });
    assert.equal(tooLong.status, 400);
  });

  test('saving renames and hides; stale version is a 409; audited', async () => {
    const r = await put(org.admin, {
      types: [
        { id: 'product_quality', label: { 'zh-TW': ' 食品安全 ', en: 'Food safety' }, hidden: false },
        { id: 'partner_influencer', label: blank, hidden: true },
      ],
      roles: [{ id: 'pr_lead', label: { 'zh-TW': '公關經理', en: '' } }],
      version: 0,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.version, 1);
    const got = (await member.client.get(URL)).body;
    assert.equal(got.version, 1);
    const type = (id: string) => got.types.find((x: { id: string }) => x.id === id);
    assert.deepEqual(type('product_quality'), { id: 'product_quality', label: { 'zh-TW': '食品安全', en: 'Food safety' }, hidden: false });
    assert.equal(type('partner_influencer').hidden, true);
    assert.equal(type('data_breach').hidden, false);
    assert.equal(got.types.length, crisisTypes.length);
    assert.deepEqual(got.roles.find((x: { id: string }) => x.id === 'pr_lead').label, { 'zh-TW': '公關經理', en: '' });

    const stale = await put(org.admin, { types: [], roles: [], version: 0 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');

    // A second save with the version seen: entries left out go back to shipped.
    const second = await put(org.admin, { types: [{ id: 'partner_influencer', label: blank, hidden: true }], roles: [], version: 1 });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.version, 2);
    assert.deepEqual(second.body.types.find((x: { id: string }) => x.id === 'product_quality').label, blank);

    const audit = await ctx.server.db.execute<{ type: string; data: { version: number; hiddenTypes: string[]; renamedTypes: string[] } }>(
      "SELECT type, data FROM events WHERE type = 'crisis_config.lists_saved' ORDER BY id" as never,
    );
    assert.deepEqual(
      audit.rows.map((x) => [x.data.version, x.data.renamedTypes, x.data.hiddenTypes]),
      [
        [1, ['product_quality'], ['partner_influencer']],
        [2, [], ['partner_influencer']],
      ],
    );
  });

  test('a crisis of a hidden type still declares through the API and keeps its type', async () => {
    // Hidden types are left out of the form only; the API accepts every shipped id so nothing breaks.
    const r = await org.admin.post('/api/crises', { title: '網紅合作爭議', type: 'partner_influencer', severity: 'L3' });
    assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
    assert.equal(r.body.type ?? r.body.crisis?.type, 'partner_influencer');
  });
});
