// Channel variants end to end on a real server and database: made from the master's head (409 for a channel made
// twice), measured per channel (X weighted, over the limit flagged), checked by the wording checker against the
// crisis's facts, saved with optimistic concurrency, stale only when the master's text really changed after the
// variant's base, reconciled, removed; every change writes its event; off the team 404, reporters 403; input
// validated (unknown channel, 100,000 characters).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { MAX_STATEMENT_CHARS, textToDoc } from '../contract.ts';
import { deriveVariant, type StatementVariant, statementVariant, variantList, weightedLength } from '../variants.ts';

const MASTER_1 = [
  '我們注意到網路上關於信義店餐點的討論，對造成顧客的不安深感抱歉。',
  '本公司已於今日上午暫停該批次食材的使用，並送交第三方檢驗機構檢驗，預計三個工作天內公布結果。',
  '若您於三月八日至十日間在信義店用餐並有身體不適，請撥打客服專線，我們將主動協助就醫與後續處理。',
  '我們會持續更新處理進度，並檢討供應商管理流程。',
].join('\n');
const MASTER_2 = MASTER_1.replace('三個工作天', '五個工作天');

describe('statement variants', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let pr: { client: Client; id: string };
  let outsider: { client: Client; id: string };
  let reporter: { client: Client; id: string };
  let crisisId = '';
  let statementId = '';
  let head = 1;

  const path = (ch?: string) => `/api/statements/${statementId}/variants${ch ? `/${ch}` : ''}`;
  const list = async (who: Client = pr.client) => {
    const r = await who.get(path());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return variantList.parse(r.body);
  };
  const variant = async (ch: string) => {
    const v = (await list()).variants.find((x) => x.channel === ch);
    assert.ok(v, `no ${ch} variant`);
    return v;
  };
  const saveMaster = async (text: string) => {
    const r = await pr.client.request('PUT', `/api/statements/${statementId}/text`, { base: head, body: textToDoc(text), autosave: false });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    head = r.body.head;
  };
  const events = async () =>
    (
      await ctx.server.db.execute<{ type: string; data: Record<string, unknown> }>(
        sql`SELECT type, data FROM events WHERE crisis_id = ${crisisId} AND type LIKE 'statement.variant_%' ORDER BY id`,
      )
    ).rows;

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    pr = await org.userWithRole('member', '公關 林');
    outsider = await org.userWithRole('member', '路人 李');
    reporter = await org.userWithRole('reporter');
    const c = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L2' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    crisisId = c.body.id;
    const t = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'pr_lead', userId: pr.id });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    const f = await pr.client.post(`/api/crises/${crisisId}/facts`, { kind: 'fact', text: '受影響的是 3 月 8 日的批次' });
    assert.equal(f.status, 201, JSON.stringify(f.body));
    const s = await pr.client.post(`/api/crises/${crisisId}/statements`, {
      kind: 'holding',
      language: 'zh-TW',
      title: '初步聲明',
      body: textToDoc(MASTER_1),
    });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    statementId = s.body.id;
    head = s.body.head;
  });

  test('made from the head text per channel; a channel made twice is 409; unknown channels 400', async () => {
    assert.deepEqual(await list(), { head, variants: [] });
    const x = await pr.client.post(path(), { channel: 'x' });
    assert.equal(x.status, 201, JSON.stringify(x.body));
    const v = statementVariant.parse(x.body);
    assert.equal(v.text, deriveVariant(MASTER_1, 'x', 'zh-TW'));
    assert.ok(v.text.endsWith('…'));
    assert.deepEqual([v.basedOn, v.stale, v.limit, v.weighted, v.over, v.version], [head, false, 280, true, false, 1]);
    assert.equal(v.length, weightedLength(v.text));
    assert.equal(v.updatedBy?.name, '公關 林');
    const mail = await pr.client.post(path(), { channel: 'email' });
    assert.equal(mail.status, 201);
    assert.ok(mail.body.text.startsWith('親愛的顧客您好：'));
    assert.equal(mail.body.limit, null);
    const again = await pr.client.post(path(), { channel: 'x' });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'conflict');
    assert.equal((await pr.client.post(path(), { channel: 'fax' })).status, 400);
    assert.equal((await pr.client.post(path(), { channel: 'x', extra: 1 })).status, 400);
    // Listed in channel order.
    assert.deepEqual(
      (await list()).variants.map((x) => x.channel),
      ['x', 'email'],
    );
  });

  test('saving: counted per channel, over the limit flagged, findings from the checker, version guarded', async () => {
    const x = await variant('x');
    const risky = `我們保證絕不再發生，受影響的是 3 月 10 日的批次。${'很'.repeat(150)}`;
    const saved = await pr.client.request('PUT', path('x'), { text: risky, version: x.version });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const v = statementVariant.parse(saved.body);
    assert.equal(v.version, 2);
    assert.equal(v.length, weightedLength(risky));
    assert.equal(v.over, true);
    assert.ok(v.findings >= 1, `findings: ${v.findings}`);
    // The same variant in plain words: no findings.
    const plain = await pr.client.request('PUT', path('x'), { text: '我們深感抱歉。', version: 2 });
    assert.deepEqual([plain.body.findings, plain.body.over, plain.body.length], [0, false, 14]);
    const stale = await pr.client.request('PUT', path('x'), { text: '別人的版本', version: 2 });
    assert.equal(stale.status, 409);
    assert.equal((await variant('x')).text, '我們深感抱歉。');
    // Saving the same text again changes nothing (no version, no event).
    const same = await pr.client.request('PUT', path('x'), { text: '我們深感抱歉。', version: 3 });
    assert.equal(same.body.version, 3);
    assert.equal((await pr.client.request('PUT', path('line'), { text: 'x', version: 1 })).status, 404);
    const tooLong = await pr.client.request('PUT', path('x'), { text: '字'.repeat(MAX_STATEMENT_CHARS + 1), version: 3 });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.errors[0].path, 'text');
    const atLimit = await pr.client.request('PUT', path('email'), { text: '字'.repeat(MAX_STATEMENT_CHARS), version: 1 });
    assert.equal(atLimit.status, 200);
    assert.deepEqual([atLimit.body.length, atLimit.body.over], [MAX_STATEMENT_CHARS, false]);
    // HTML is kept as inert text.
    const html = await pr.client.request('PUT', path('email'), { text: '<script>alert(1)</script>', version: 2 });
    assert.equal(html.body.text, '<script>alert(1)</script>');
  });

  test('stale only when the master text changed after the base; reconcile marks it checked', async () => {
    const made = head;
    await saveMaster(MASTER_2);
    let x = await variant('x');
    assert.deepEqual([x.basedOn, x.stale], [made, true]);
    // Back to the original text: the head differs in number but not in text from the base → not stale.
    await saveMaster(MASTER_1);
    x = await variant('x');
    assert.deepEqual([x.basedOn, x.stale], [made, false]);
    await saveMaster(MASTER_2);
    x = await variant('x');
    assert.equal(x.stale, true);
    // Reconcile without changing the text.
    const r = await pr.client.request('PUT', path('x'), { text: x.text, version: x.version, reconcile: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.basedOn, r.body.stale, r.body.version], [head, false, x.version + 1]);
    // A variant made now is based on the current head.
    const ig = await pr.client.post(path(), { channel: 'instagram' });
    assert.deepEqual([ig.body.basedOn, ig.body.stale], [head, false]);
    assert.ok(ig.body.text.includes('五個工作天'));
  });

  test('removal, events for every change, and who may see or change variants', async () => {
    assert.equal((await pr.client.request('DELETE', path('instagram'))).status, 204);
    assert.equal((await pr.client.request('DELETE', path('instagram'))).status, 404);
    assert.deepEqual(
      (await list()).variants.map((x) => x.channel),
      ['x', 'email'],
    );
    const ev = await events();
    assert.deepEqual(
      ev.map((e) => `${e.type}:${e.data.channel}`),
      [
        'statement.variant_created:x',
        'statement.variant_created:email',
        'statement.variant_changed:x',
        'statement.variant_changed:x',
        'statement.variant_changed:email',
        'statement.variant_changed:email',
        'statement.variant_changed:x',
        'statement.variant_created:instagram',
        'statement.variant_removed:instagram',
      ],
    );
    const reconciled = ev[6];
    assert.deepEqual(reconciled?.data.reconciled, { from: 1, to: head });
    assert.equal(reconciled?.data.textChanged, false);
    assert.equal(ev[0]?.data.statementId, statementId);
    // Off the team: 404 for everything; reporters have no crisis rights (403).
    assert.equal((await outsider.client.get(path())).status, 404);
    assert.equal((await outsider.client.post(path(), { channel: 'line' })).status, 404);
    assert.equal((await outsider.client.request('PUT', path('x'), { text: 'x', version: 1 })).status, 404);
    assert.equal((await outsider.client.request('DELETE', path('x'))).status, 404);
    assert.equal((await reporter.client.get(path())).status, 403);
    assert.equal((await reporter.client.post(path(), { channel: 'line' })).status, 403);
    assert.equal((await pr.client.get(`/api/statements/${crypto.randomUUID()}/variants`)).status, 404);
    const variants: StatementVariant[] = (await list()).variants;
    assert.equal(variants.length, 2);
  });

  test("stale by the master text's hash: an in-place autosave of the version a variant was made from makes it stale; reconcile makes it fresh", async () => {
    const autosave = async (text: string) => {
      const r = await pr.client.request('PUT', `/api/statements/${statementId}/text`, {
        base: head,
        body: textToDoc(text),
        autosave: true,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      head = r.body.head;
    };
    await autosave(`${MASTER_2}\n補充一`);
    const n = head;
    const made = await pr.client.post(path(), { channel: 'line' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual([made.body.basedOn, made.body.stale], [n, false]);
    const stored = await ctx.server.db.execute<{ base_hash: string | null }>(
      sql`SELECT base_hash FROM statement_variants WHERE statement_id = ${statementId} AND channel = 'line'`,
    );
    const hashOfHead = await ctx.server.db.execute<{ content_hash: string }>(
      sql`SELECT content_hash FROM statement_versions WHERE statement_id = ${statementId} AND number = ${n}`,
    );
    assert.equal(stored.rows[0]?.base_hash, hashOfHead.rows[0]?.content_hash);
    // The author keeps typing: the same version number, a new text.
    await autosave(`${MASTER_2}\n補充一，再補充二`);
    assert.equal(head, n, 'the autosave replaced the head in place');
    let line = await variant('line');
    assert.deepEqual([line.basedOn, line.stale], [n, true]);
    // Typing back to the text it was made from: fresh again (the hash, not the number, decides).
    await autosave(`${MASTER_2}\n補充一`);
    assert.equal((await variant('line')).stale, false);
    await autosave(`${MASTER_2}\n補充三`);
    line = await variant('line');
    assert.equal(line.stale, true);
    // Reconciling against the same number still binds to the current text.
    const r = await pr.client.request('PUT', path('line'), { text: line.text, version: line.version, reconcile: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.basedOn, r.body.stale, r.body.version], [n, false, line.version + 1]);
    const ev = (await events()).at(-1);
    assert.deepEqual([ev?.type, ev?.data.channel, ev?.data.reconciled], ['statement.variant_changed', 'line', { from: n, to: n }]);
    // Reconciling again changes nothing.
    const again = await pr.client.request('PUT', path('line'), { text: line.text, version: r.body.version, reconcile: true });
    assert.equal(again.body.version, r.body.version);

    // A row from before the hash was kept falls back to the number rule: the head's number equals its base, so fresh
    // even though the text changed in place (what the hash now catches).
    await ctx.server.db.execute(
      sql`UPDATE statement_variants SET base_hash = NULL WHERE statement_id = ${statementId} AND channel = 'line'`,
    );
    await autosave(`${MASTER_2}\n補充四`);
    assert.equal((await variant('line')).stale, false);
    await saveMaster(MASTER_1);
    assert.equal((await variant('line')).stale, true, 'a later version with other text is stale under the old rule too');
  });
});
