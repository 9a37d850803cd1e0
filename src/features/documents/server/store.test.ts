// The hub's copy of a published statement: created on the first publication, a new version only when different
// words go out, nothing when the same words go out again on another channel.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { systemClock } from '../../../platform/clock.ts';
import { mirrorPublishedStatement } from './store.ts';

let ctx: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let crisisId = '';
before(async () => {
  ctx = await startTestServer();
  org = await setUpOrg(ctx.url);
  crisisId = (await org.admin.post('/api/crises', { title: '豆干批號', type: 'product_quality', severity: 'L2' })).body.id;
});
after(() => ctx?.close());

test('a published statement is mirrored once, and versioned only when its words change', async () => {
  const statementId = randomUUID();
  const actor = { type: 'user' as const, id: org.adminId, label: 'Admin' };
  const publish = (text: string, note: string) =>
    ctx.server.db.transaction((tx) =>
      mirrorPublishedStatement(
        tx,
        systemClock,
        { orgId: org.orgId, statementId, crisisId, title: '致消費者的說明', text, ownerId: org.adminId, note },
        { actor },
      ),
    );
  const first = await publish('我們已下架該批號產品。', 'v2 → facebook');
  assert.equal(await publish('我們已下架該批號產品。', 'v2 → website'), first, 'the same words again: the same document');
  let doc = (await org.admin.get(`/api/documents/${first}`)).body;
  assert.equal(doc.kind, 'statement');
  assert.equal(doc.classification, 'public');
  assert.equal(doc.currentVersion, 1);
  assert.equal(await publish('我們已下架該批號產品，並全額退款。', 'v4 → facebook'), first);
  doc = (await org.admin.get(`/api/documents/${first}`)).body;
  assert.equal(doc.currentVersion, 2);
  assert.equal(doc.body, '我們已下架該批號產品，並全額退款。');
  const versions = (await org.admin.get(`/api/documents/${first}/versions`)).body;
  const list = Array.isArray(versions) ? versions : versions.items;
  assert.deepEqual(list.map((v: { number: number; note: string | null }) => [v.number, v.note]).sort(), [
    [1, null],
    [2, 'v4 → facebook'],
  ]);
  const found = (await org.admin.get(`/api/search?q=${encodeURIComponent('全額退款')}&kinds=document`)).body;
  assert.equal(found.hits[0]?.documentId, first, 'the new words are searchable');
});
