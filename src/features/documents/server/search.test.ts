// Search everywhere through the real API: Traditional finds Simplified and back, English words and phrases,
// crises, tasks, notes and statements found right after they change (the request's own catch-up of the
// indexer), ranking (title first, newer first among equals), snippets whose highlight ranges point at the
// right characters, mentions, and hostile queries that must never reach tsquery syntax.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import type { SearchHit } from '../contract.ts';
import { indexBatch } from './search-indexer.ts';
import { document } from './search-testkit.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const fixed = (daysAgo: number) => ({ now: () => new Date(NOW.getTime() - daysAgo * DAY) });
const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('search everywhere', () => {
  const clock = createTestClock(NOW);
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let server: Awaited<ReturnType<typeof startTestServer>>['server'];
  let onTeam: Client;
  let offTeam: Client;
  let crisisId = '';
  const docs: Record<string, string> = {};

  const search = async (c: Client, q: string, extra = '') => {
    const r = await c.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
    assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
    return r.body as { hits: SearchHit[]; total: number; facets: { kind: Record<string, number> } };
  };
  const ids = (r: { hits: SearchHit[] }) => r.hits.map((h) => h.id);
  const marked = (h: { snippet: string; highlights: Array<[number, number]> }) => h.highlights.map(([a, b]) => h.snippet.slice(a, b));
  const add = async (key: string, daysAgo: number, title: string, body: string) => {
    docs[key] = (
      await document(server.db, fixed(daysAgo), {
        orgId: org.orgId,
        ownerId: org.adminId,
        crisisId: null,
        classification: 'internal',
        title,
        body,
      })
    ).id;
  };

  before(async () => {
    const started = await startTestServer({ clock });
    server = started.server;
    org = await setUpOrg(started.url);
    const on = await org.userWithRole('member', 'On Team');
    onTeam = on.client;
    offTeam = (await org.userWithRole('member', 'Off Team')).client;
    const c = await org.admin.post('/api/crises', {
      title: '鼎泰豐食安事件',
      type: 'product_quality',
      severity: 'L2',
      summary: '網路流傳異物影片',
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    crisisId = c.body.id;
    await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'pr_lead', userId: on.id });
    await add('simp', 1, '客服纪录', '顾客投诉退款问题，门市已经处理');
    await add('trad', 2, '營業公告', '門市營業時間調整，請顧客見諒');
    await add('en', 3, 'Refund note', 'Customer complaint about the refund policy of the Xinyi store.');
    const filler = '這是一段與事件無關的背景文字。'.repeat(20);
    await add('long', 4, '長文件', `${filler}重點：冷凍櫃溫度異常。${filler}`);
    await add('rank-title-old', 200, '召回計畫', '內容另述');
    await add('rank-body-new', 0, '週報', '本週討論召回計畫的細節');
    await add('rank-body-older', 10, '月報', '本月討論召回計畫的細節');
  });

  test('Traditional finds Simplified and Simplified finds Traditional, with highlights on the original characters', async () => {
    const r = await search(org.admin, '顧客投訴');
    assert.deepEqual(ids(r), [docs.simp]);
    assert.deepEqual(marked(r.hits[0]), ['顾客投诉']);
    const back = await search(org.admin, '门市营业');
    assert.deepEqual(ids(back), [docs.trad]);
    assert.deepEqual(marked(back.hits[0]), ['門市營業']);
    // Two terms: both must be there (門市 is in both documents, 退款 only in one).
    assert.deepEqual(ids(await search(org.admin, '門市 退款')), [docs.simp]);
  });

  test('English: whole words, any case; quotes make a phrase', async () => {
    const r = await search(org.admin, 'REFUND');
    assert.deepEqual(ids(r), [docs.en]);
    assert.deepEqual(r.hits[0].titleHighlights, [[0, 6]]);
    assert.deepEqual(marked(r.hits[0]), ['refund']);
    assert.deepEqual(ids(await search(org.admin, 'fund')), [], 'a word is not found inside another');
    assert.deepEqual(ids(await search(org.admin, '"refund policy"')), [docs.en]);
    assert.deepEqual(ids(await search(org.admin, '"policy refund"')), [], 'a phrase keeps its order');
    assert.deepEqual(ids(await search(org.admin, 'policy refund')), [docs.en], 'words without quotes need only all be there');
  });

  test('crises, tasks, notes and statements are found right after they are made or changed', async () => {
    assert.deepEqual(
      (await search(org.admin, '鼎泰丰 食安', '&kinds=crisis')).hits.map((h) => [h.kind, h.id, h.path]),
      [['crisis', crisisId, `/crises/${crisisId}`]],
    );
    const task = await org.admin.post(`/api/crises/${crisisId}/tasks`, { title: '聯絡冷鏈物流供應商', detail: '確認運送溫度紀錄' });
    assert.equal(task.status, 201, JSON.stringify(task.body));
    const found = await search(org.admin, '運送溫度');
    assert.deepEqual(
      found.hits.map((h) => [h.kind, h.id, h.crisisId]),
      [['task', task.body.id, crisisId]],
    );
    const note = await org.admin.post(`/api/crises/${crisisId}/notes`, { text: '衛生局下午三點到店稽查' });
    assert.equal(note.status, 201, JSON.stringify(note.body));
    assert.deepEqual(
      (await search(org.admin, '衛生局 稽查')).hits.map((h) => h.kind),
      ['note'],
    );
    const st = await org.admin.post(`/api/crises/${crisisId}/statements`, {
      kind: 'holding',
      language: 'zh-TW',
      title: '初步聲明',
      body: para('我們已暫停販售相關批次的小籠包。'),
    });
    assert.equal(st.status, 201, JSON.stringify(st.body));
    const s = await search(org.admin, '暫停販售');
    assert.deepEqual(
      s.hits.map((h) => [h.kind, h.id, h.path]),
      [['statement', st.body.id, `/statements/${st.body.id}`]],
    );
    // A changed task title: the new one is found, the old one no longer.
    const patch = await org.admin.patch(`/api/crises/${crisisId}/tasks/${task.body.id}`, {
      version: task.body.version,
      title: '聯絡物流商',
    });
    assert.equal(patch.status, 200, JSON.stringify(patch.body));
    assert.deepEqual(ids(await search(org.admin, '冷鏈')), []);
    assert.deepEqual(ids(await search(org.admin, '物流商')), [task.body.id]);
    // The team sees them; a member off the team sees none of them (nor their counts).
    assert.equal((await search(onTeam, '衛生局 稽查')).total, 1);
    const off = await search(offTeam, '衛生局 稽查');
    assert.deepEqual([off.total, off.hits, off.facets.kind], [0, [], {}]);
    // Running the indexer again changes nothing (idempotent; the cursor is at the end).
    assert.equal(await indexBatch(server.db, clock), 0);
    await server.db.execute(sql`UPDATE search_indexer_state SET last_event_id = 0`);
    while (((await indexBatch(server.db, clock)) ?? 0) > 0);
    assert.deepEqual(ids(await search(org.admin, '物流商')), [task.body.id]);
  });

  test('ranking: a title match first, then newer first among equals', async () => {
    const r = await search(org.admin, '召回計畫');
    assert.deepEqual(ids(r), [docs['rank-title-old'], docs['rank-body-new'], docs['rank-body-older']]);
    // Pages: limit and offset over the same order.
    const page = await search(org.admin, '召回計畫', '&limit=1&offset=1');
    assert.deepEqual([ids(page), page.total], [[docs['rank-body-new']], 3]);
  });

  test('a snippet is cut around the first match and its ranges point at it', async () => {
    const r = await search(org.admin, '冷凍櫃');
    const h = r.hits[0];
    assert.equal(h.id, docs.long);
    assert.ok(h.snippet.startsWith('…') && h.snippet.endsWith('…'), h.snippet);
    assert.ok(h.snippet.length <= 162, String(h.snippet.length));
    assert.deepEqual(marked(h), ['冷凍櫃']);
  });

  test('mentions are searched for those who may read them', async () => {
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
    const collector = createClient(`http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`);
    collector.useToken(t.body.secret);
    const m = await collector.post('/api/mentions', {
      mentions: [{ source: 'ptt', externalId: 'm1', text: '冷凍櫃壞掉的門市還在營業', publishedAt: NOW.toISOString() }],
    });
    assert.equal(m.status, 200, JSON.stringify(m.body));
    const r = await search(org.admin, '冷凍櫃');
    assert.deepEqual(r.facets.kind, { document: 1, mention: 1 });
    const mention = r.hits.find((h) => h.kind === 'mention');
    assert.equal(mention?.path, `/monitoring/mentions/${m.body.items[0].id}`);
    assert.deepEqual(ids(await search(org.admin, '冷凍櫃', '&kinds=document')), [docs.long]);
  });

  test('hostile queries: too long is 400, empty or punctuation is nothing, operators are literal text', async () => {
    const long = await org.admin.get(`/api/search?q=${encodeURIComponent('退'.repeat(501))}`);
    assert.equal(long.status, 400);
    assert.equal(long.body.code, 'query_too_long');
    assert.equal((await org.admin.get(`/api/search?q=${encodeURIComponent('退'.repeat(500))}`)).status, 200);
    for (const q of ['', '   ', '!!! ??? ***', '&|!():*\\', '()', '-', '""', '「」'])
      assert.deepEqual((await search(org.admin, q)).hits, [], JSON.stringify(q));
    for (const q of ['refund & policy | !xinyi', 'refund:* policy', "o'brien\\ refund", 'refund\\', '(refund)', 'refund*', '-refund'])
      assert.deepEqual(ids(await search(org.admin, q)), q.includes('brien') ? [] : [docs.en], q);
    // AND/OR/NOT are words to find, not operators.
    assert.deepEqual(ids(await search(org.admin, 'refund OR nothingatall')), []);
    assert.deepEqual(ids(await search(org.admin, 'refund NOT policy')), []);
    assert.deepEqual(ids(await search(org.admin, 'refund AND policy')), []);
    const bad = await org.admin.get('/api/search?q=x&kinds=crisis,bogus');
    assert.equal(bad.status, 400);
  });
});
