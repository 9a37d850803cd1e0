// Documents through the real server: create, list (keyset pages), edit (versions, 409 on a stale version,
// classification changes re-checked), the visibility table (each classification × every kind of reader, a
// document someone may not open is a 404 and absent from the list), legal holds on a document and on a crisis
// blocking deletion for admins too until released, and guests' reads on the event spine.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Client } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { classifications } from '../contract.ts';
import { declare, documentsOrg, joinTeam } from './documents-fixtures.ts';

describe('documents', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof documentsOrg>>;
  let crisisId: string;
  before(async () => {
    ctx = await startTestServer();
    org = await documentsOrg(ctx.url, ctx.server.db);
    crisisId = await declare(org.admin);
  });

  const create = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.post('/api/documents', { kind: 'internal_memo', classification: 'internal', title: '說明', ...body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };

  test('create, read, edit with versions, 409 on a stale version, keyset pages', async () => {
    const d = await create(org.admin, { title: '對外說明稿', body: '第一版', tags: ['媒體'], crisisId });
    assert.equal(d.currentVersion, 1);
    assert.equal(d.crisisTitle, '信義店食安事件');
    assert.deepEqual(d.can, { edit: true, delete: true, hold: true, exportEvidence: false });
    const e = await org.admin.patch(`/api/documents/${d.id}`, { version: d.version, body: '第二版', note: '修正數字' });
    assert.equal(e.status, 200, JSON.stringify(e.body));
    assert.equal(e.body.currentVersion, 2);
    const stale = await org.admin.patch(`/api/documents/${d.id}`, { version: d.version, title: '衝突' });
    assert.equal(stale.status, 409);
    const meta = await org.admin.patch(`/api/documents/${d.id}`, { version: e.body.version, tags: ['媒體', '法務'] });
    assert.equal(meta.body.currentVersion, 2, 'metadata changes make no version');
    assert.deepEqual(meta.body.tags, ['媒體', '法務']);
    const versions = await org.admin.get(`/api/documents/${d.id}/versions`);
    assert.deepEqual(
      versions.body.items.map((v: { number: number; body: string; note: string | null }) => [v.number, v.body, v.note]),
      [
        [2, '第二版', '修正數字'],
        [1, '第一版', null],
      ],
    );
    assert.equal((await org.admin.get(`/api/documents/${d.id}/versions/1`)).body.body, '第一版');
    assert.equal((await org.admin.get(`/api/documents/${d.id}/versions/9`)).status, 404);
    const entry = await ctx.server.db.execute(sql`SELECT body FROM search_entries WHERE kind = 'document' AND ref_id = ${d.id}`);
    assert.equal(entry.rows[0].body, '第二版', 'the search entry follows the edit');
    for (let i = 0; i < 4; i++) await create(org.admin, { title: `頁 ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await org.admin.get(
        `/api/documents?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, new Set(seen).size);
    assert.ok(seen.length >= 5);
    assert.equal((await org.admin.get('/api/documents?tag=法務')).body.items.length, 1);
    assert.equal((await org.admin.post('/api/documents', { kind: 'memo', classification: 'internal', title: 'x' })).status, 400);
  });

  test('visibility: each classification × admin, manager, members, reporter and guests; 404 and absent when not allowed', async () => {
    const manager = await org.person('manager');
    const onTeam = await org.person('member', 'on team');
    const offTeam = await org.person('member', 'off team');
    const owner = await org.person('member', 'owner');
    const lawyer = await org.lawyer();
    const reporter = await org.person('reporter');
    const c2 = await declare(org.admin, '另一事件');
    await joinTeam(org.admin, crisisId, onTeam.id);
    const docs: Record<string, { crisis: string; free: string; owned: string }> = {};
    for (const cl of classifications) {
      docs[cl] = {
        crisis: (await create(org.admin, { classification: cl, title: `${cl} crisis`, crisisId })).id,
        free: (await create(org.admin, { classification: cl, title: `${cl} free` })).id,
        owned: (await create(org.admin, { classification: cl, title: `${cl} owned`, ownerId: owner.id })).id,
      };
    }
    const gConf = await org.guest(crisisId, ['confidential']);
    const gOther = await org.guest(c2, ['public', 'internal', 'confidential', 'legal_privileged']);
    const gExpired = await org.guest(crisisId, ['public', 'confidential'], { expired: true });
    const gRevoked = await org.guest(crisisId, ['public', 'confidential'], { revoked: true });
    const gNoNda = await org.guest(crisisId, ['public'], { nda: false });
    // Expected: which of crisis/free/owned each reader opens, per classification (p, i, c, l).
    const Y = true;
    const N = false;
    const table: [string, Client, Record<string, [boolean, boolean, boolean]>][] = [
      ['admin', org.admin, { public: [Y, Y, Y], internal: [Y, Y, Y], confidential: [Y, Y, Y], legal_privileged: [Y, Y, Y] }],
      ['manager', manager.client, { public: [Y, Y, Y], internal: [Y, Y, Y], confidential: [Y, Y, Y], legal_privileged: [N, N, N] }],
      ['member on team', onTeam.client, { public: [Y, Y, Y], internal: [Y, Y, Y], confidential: [Y, N, N], legal_privileged: [N, N, N] }],
      ['member off team', offTeam.client, { public: [N, Y, Y], internal: [N, Y, Y], confidential: [N, N, N], legal_privileged: [N, N, N] }],
      ['member owner', owner.client, { public: [N, Y, Y], internal: [N, Y, Y], confidential: [N, N, Y], legal_privileged: [N, N, Y] }],
      ['legal department', lawyer.client, { public: [N, Y, Y], internal: [N, Y, Y], confidential: [N, N, N], legal_privileged: [N, Y, Y] }],
      [
        'guest (confidential grant)',
        gConf.client,
        { public: [N, N, N], internal: [N, N, N], confidential: [Y, N, N], legal_privileged: [N, N, N] },
      ],
      [
        'guest (other crisis)',
        gOther.client,
        { public: [N, N, N], internal: [N, N, N], confidential: [N, N, N], legal_privileged: [N, N, N] },
      ],
      [
        'guest (expired)',
        gExpired.client,
        { public: [N, N, N], internal: [N, N, N], confidential: [N, N, N], legal_privileged: [N, N, N] },
      ],
      [
        'guest (revoked)',
        gRevoked.client,
        { public: [N, N, N], internal: [N, N, N], confidential: [N, N, N], legal_privileged: [N, N, N] },
      ],
    ];
    for (const [who, client, expect] of table) {
      const list = await client.get('/api/documents?limit=100');
      assert.equal(list.status, 200, `${who}: ${JSON.stringify(list.body)}`);
      const listed = new Set(list.body.items.map((x: { id: string }) => x.id));
      for (const cl of classifications) {
        for (const [i, where] of (['crisis', 'free', 'owned'] as const).entries()) {
          const id = docs[cl][where];
          const r = await client.get(`/api/documents/${id}`);
          const want = expect[cl][i];
          assert.equal(r.status, want ? 200 : 404, `${who} × ${cl} ${where}: ${r.status}`);
          assert.equal(listed.has(id), want, `${who} × ${cl} ${where} in the list`);
          if (!want) assert.ok(!JSON.stringify(r.body).includes(`${cl} ${where}`), 'no title in a 404');
        }
      }
    }
    assert.equal((await reporter.client.get('/api/documents')).status, 403);
    const noNda = await gNoNda.client.get(`/api/documents/${docs.public.crisis}`);
    assert.equal(noNda.status, 403);
    assert.equal(noNda.body.code, 'nda_required');
    // Guests never write; members off the team cannot move a document into a crisis they cannot see.
    assert.equal((await gConf.client.patch(`/api/documents/${docs.confidential.crisis}`, { version: 1, title: 'x' })).status, 403);
    const mine = await create(offTeam.client, { title: '我的' });
    const moved = await offTeam.client.patch(`/api/documents/${mine.id}`, { version: mine.version, crisisId });
    assert.equal(moved.status, 403);
    const onTeamEdit = await onTeam.client.patch(`/api/documents/${docs.internal.crisis}`, { version: 1, body: '團隊修改' });
    assert.equal(onTeamEdit.status, 200, 'the crisis team edits its documents');
    const offEdit = await offTeam.client.patch(`/api/documents/${docs.internal.free}`, { version: 1, body: '不是我的' });
    assert.equal(offEdit.status, 403, 'a member who is neither owner nor on the team may read but not edit');
  });

  test('legal holds on a document and on its crisis block deletion for admins too; releasing unblocks', async () => {
    const d = await create(org.admin, { title: '保全文件', crisisId });
    const hold = await org.admin.post(`/api/documents/${d.id}/holds`, { reason: '訴訟保全' });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    const held = await org.admin.get(`/api/documents/${d.id}`);
    assert.equal(held.body.onHold, true);
    assert.equal(held.body.can.delete, false);
    const refused = await org.admin.del(`/api/documents/${d.id}?version=${held.body.version}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'legal_hold');
    assert.equal(
      (await org.admin.get(`/api/documents?onHold=true`)).body.items.some((x: { id: string }) => x.id === d.id),
      true,
    );
    const noReason = await org.admin.request('DELETE', `/api/documents/${d.id}/holds/${hold.body.id}`, {});
    assert.equal(noReason.status, 400);
    const released = await org.admin.request('DELETE', `/api/documents/${d.id}/holds/${hold.body.id}`, { reason: '和解' });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    assert.equal(released.body.releaseReason, '和解');
    // The crisis's hold covers it too.
    const ch = await org.admin.post(`/api/crises/${crisisId}/holds`, { reason: '主管機關調查' });
    assert.equal(ch.status, 201);
    assert.equal((await org.admin.del(`/api/documents/${d.id}?version=${held.body.version}`)).body.code, 'legal_hold');
    const list = await org.admin.get(`/api/crises/${crisisId}/holds`);
    assert.equal(list.body.items[0].id, ch.body.id);
    assert.equal((await org.admin.request('DELETE', `/api/crises/${crisisId}/holds/${ch.body.id}`, { reason: '結案' })).status, 200);
    const stale = await org.admin.del(`/api/documents/${d.id}?version=${held.body.version + 5}`);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    assert.equal((await org.admin.del(`/api/documents/${d.id}?version=${held.body.version}`)).status, 204);
    assert.equal((await org.admin.get(`/api/documents/${d.id}`)).status, 404);
    const entries = await ctx.server.db.execute(sql`SELECT 1 FROM search_entries WHERE ref_id = ${d.id}`);
    assert.equal(entries.rows.length, 0, 'deleting removes the search entry');
    const events = await ctx.server.db.execute<{ type: string }>(sql`
      SELECT type FROM events WHERE (subject_id = ${d.id} OR subject_id = ${crisisId}) AND type LIKE '%hold%' ORDER BY id`);
    assert.deepEqual(
      events.rows.map((e) => e.type),
      ['document.hold_placed', 'document.hold_released', 'crisis.hold_placed', 'crisis.hold_released'],
    );
    const member = await org.person('member');
    assert.equal((await member.client.post(`/api/crises/${crisisId}/holds`, { reason: 'x' })).status, 403);
  });

  test('a guest’s views are events on the spine; staff views of ordinary documents are not', async () => {
    const d = await create(org.admin, { classification: 'confidential', title: '給律師', crisisId });
    const g = await org.guest(crisisId, ['confidential']);
    assert.equal((await g.client.get(`/api/documents/${d.id}`)).status, 200);
    assert.equal((await org.admin.get(`/api/documents/${d.id}`)).status, 200);
    const ev = await ctx.server.db.execute<{ type: string; actor_id: string }>(sql`
      SELECT type, actor_id FROM events WHERE subject_id = ${d.id} AND type = 'document.viewed'`);
    assert.deepEqual(
      ev.rows.map((e) => e.actor_id),
      [g.id],
    );
  });
});
