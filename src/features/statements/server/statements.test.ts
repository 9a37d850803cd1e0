// Statements end to end on a real server and database: the plan and fact sheet, drafting from a template (linked
// to the playbook task), versions, autosave in place, a conflict that keeps the loser's text, risk acceptance,
// the approval chain bound to the content hash (wrong person, stale hash, an edit resets and tells), publication
// completing the task, the commander's override, an approver leaving the team mid-chain, a 100,000-character
// paste, HTML kept as inert text and foreign nodes refused, and who may read statements at all.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { HEAD_MOVED, MAX_STATEMENT_CHARS, type StatementDetail, statementDetail, textToDoc } from '../contract.ts';

const MIN = 60_000;

describe('statements', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  type Person = { client: Client; id: string };
  let pr: Person;
  let legal: Person;
  let legal2: Person;
  let writer: Person;
  let outsider: Person;
  let reporter: Person;
  let guest: Person;
  let crisisId = '';
  let holding: StatementDetail;

  const assign = async (role: string, userId: string | null) => {
    const r = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role, userId });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const put = (who: Client, id: string, base: number, text: string, autosave = false) =>
    who.request('PUT', `/api/statements/${id}/text`, { base, body: textToDoc(text), autosave });
  const deliveries = async (kind: string) =>
    (
      await ctx.server.db.execute<{ user_id: string; title: string; body: string }>(sql`
        SELECT user_id, payload->>'title' AS title, payload->>'body' AS body FROM notification_deliveries
        WHERE crisis_id = ${crisisId} AND payload->>'kind' = ${kind} ORDER BY created_at, id`)
    ).rows;
  const events = async (type: string) =>
    (
      await ctx.server.db.execute<{ data: Record<string, unknown> }>(
        sql`SELECT data FROM events WHERE type = ${type} AND crisis_id = ${crisisId} ORDER BY id`,
      )
    ).rows;
  const decide = (who: Client, s: StatementDetail, decision: string, comment?: string) =>
    who.post(`/api/statements/${s.id}/decisions`, {
      versionNumber: s.headVersion.number,
      contentHash: s.headVersion.contentHash,
      decision,
      ...(comment ? { comment } : {}),
    });

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    pr = await org.userWithRole('member', '公關 林');
    legal = await org.userWithRole('member', '法務 陳');
    legal2 = await org.userWithRole('member', '法務 王');
    writer = await org.userWithRole('member', '文案 張');
    outsider = await org.userWithRole('member', '路人 李');
    reporter = await org.userWithRole('reporter');
    guest = await org.userWithRole('guest');
    const r = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L2' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    crisisId = r.body.id;
    await assign('pr_lead', pr.id);
    await assign('legal_counsel', legal.id);
    await assign('scribe', writer.id);
  });

  test('plan and fact sheet: versions guard every change, custom audiences need a name, facts retire and restore', async () => {
    const empty = await writer.client.get(`/api/crises/${crisisId}/plan`);
    assert.equal(empty.status, 200);
    assert.deepEqual([empty.body.version, empty.body.objectives, empty.body.audiences], [0, '', []]);
    const saved = await writer.client.request('PUT', `/api/crises/${crisisId}/plan`, {
      objectives: '止血、說明事實、恢復信任',
      version: 0,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 1);
    const stale = await pr.client.request('PUT', `/api/crises/${crisisId}/plan`, { objectives: '別的', version: 0 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    const noName = await writer.client.post(`/api/crises/${crisisId}/plan/audiences`, { kind: 'custom' });
    assert.equal(noName.status, 400);
    assert.equal(noName.body.errors[0].path, 'name');
    const cust = await writer.client.post(`/api/crises/${crisisId}/plan/audiences`, {
      kind: 'customers',
      channels: ['facebook', 'website'],
      keyMessages: '已下架相關批次，主動聯繫受影響顧客',
      spokespersonId: pr.id,
      timing: 'T+60 分鐘內',
    });
    assert.equal(cust.status, 201, JSON.stringify(cust.body));
    assert.equal(cust.body.spokesperson.name, '公關 林');
    const media = await writer.client.post(`/api/crises/${crisisId}/plan/audiences`, { kind: 'media' });
    assert.equal(media.body.position, 1);
    const patched = await writer.client.patch(`/api/crises/${crisisId}/plan/audiences/${cust.body.id}`, {
      timing: 'T+45 分鐘',
      version: 1,
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.timing, 'T+45 分鐘');
    assert.equal(
      (await writer.client.patch(`/api/crises/${crisisId}/plan/audiences/${cust.body.id}`, { timing: 'x', version: 1 })).status,
      409,
    );
    assert.equal((await writer.client.del(`/api/crises/${crisisId}/plan/audiences/${media.body.id}`)).status, 204);
    const plan = await writer.client.get(`/api/crises/${crisisId}/plan`);
    assert.deepEqual(
      plan.body.audiences.map((a: { kind: string }) => a.kind),
      ['customers'],
    );

    const fact = await writer.client.post(`/api/crises/${crisisId}/facts`, {
      kind: 'fact',
      text: '受影響顧客約1000人',
      source: '門市系統',
    });
    assert.equal(fact.status, 201, JSON.stringify(fact.body));
    assert.equal(fact.body.confirmedAt, clock.now().toISOString(), 'a fact is confirmed now unless told otherwise');
    const q = await writer.client.post(`/api/crises/${crisisId}/facts`, { kind: 'question', text: '原料批號為何？' });
    assert.equal(q.body.confirmedAt, null);
    const answered = await writer.client.patch(`/api/crises/${crisisId}/facts/${q.body.id}`, { answer: '批號 A123', version: 1 });
    assert.equal(answered.body.answer, '批號 A123');
    const retired = await writer.client.patch(`/api/crises/${crisisId}/facts/${q.body.id}`, { retired: true, version: 2 });
    assert.ok(retired.body.retiredAt);
    const restored = await writer.client.patch(`/api/crises/${crisisId}/facts/${q.body.id}`, { retired: false, version: 3 });
    assert.equal(restored.body.retiredAt, null);
    assert.equal((await writer.client.patch(`/api/crises/${crisisId}/facts/${q.body.id}`, { retired: true, version: 1 })).status, 409);
    const facts = await writer.client.get(`/api/crises/${crisisId}/facts`);
    assert.equal(facts.body.facts.length, 2);
    const types = (
      await ctx.server.db.execute<{ type: string }>(
        sql`SELECT type FROM events WHERE crisis_id = ${crisisId} AND type LIKE 'statement.%' ORDER BY id`,
      )
    ).rows.map((x) => x.type);
    assert.deepEqual([...new Set(types)].sort(), [
      'statement.audience_added',
      'statement.audience_changed',
      'statement.audience_removed',
      'statement.fact_added',
      'statement.fact_changed',
      'statement.plan_updated',
    ]);
    // Off the team: 404; reporters and guests have no crisis rights at all.
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/plan`)).status, 404);
    assert.equal((await outsider.client.post(`/api/crises/${crisisId}/facts`, { kind: 'fact', text: 'x' })).status, 404);
    assert.equal((await reporter.client.get(`/api/crises/${crisisId}/facts`)).status, 403);
    assert.equal((await guest.client.get(`/api/crises/${crisisId}/plan`)).status, 403);
  });

  test('a statement from a template: fields filled, unfilled ones visible, linked to the holding-statement task and its clock', async () => {
    const r = await writer.client.post(`/api/crises/${crisisId}/statements`, {
      kind: 'holding',
      language: 'zh-TW',
      title: '初步聲明',
      templateId: 'builtin:holding:zh-TW',
      fields: { company: 'Acme 食品', incident: '信義店食品異物事件' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    holding = statementDetail.parse(r.body);
    assert.match(holding.headVersion.text, /^Acme 食品關於信義店食品異物事件的說明/);
    assert.match(holding.headVersion.text, /【date】/);
    assert.match(holding.headVersion.text, /【next_update】/);
    assert.doesNotMatch(holding.headVersion.text, /\{\{/);
    assert.equal(holding.head, 1);
    assert.equal(holding.status, 'draft');
    const crisis = (await org.admin.get(`/api/crises/${crisisId}`)).body;
    const task = crisis.tasks.find((t: { playbookKey: string }) => t.playbookKey === 'holding_statement');
    assert.equal(holding.dueAt, task.dueAt, 'the statement clock is the playbook task’s');
    assert.equal((new Date(holding.dueAt ?? 0).getTime() - new Date(crisis.declaredAt).getTime()) / MIN, 120, 'L2: two hours');
    assert.deepEqual(
      holding.chain.map((s) => [s.role, s.holder?.name, s.state]),
      [
        ['pr_lead', '公關 林', 'waiting'],
        ['legal_counsel', '法務 陳', 'waiting'],
      ],
    );
    assert.deepEqual(holding.reference.facts, [{ text: '受影響顧客約1000人' }]);
    assert.deepEqual(holding.can, { edit: true, submit: true, decide: false, override: false, publish: false });
    const bad = await writer.client.post(`/api/crises/${crisisId}/statements`, {
      kind: 'holding',
      language: 'zh-TW',
      title: 'x',
      templateId: 'builtin:nope',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'templateId');
  });

  test('versions: every save is one, the checker flags it, autosave replaces the author’s own head, identical text adds nothing', async () => {
    const v2 = await put(writer.client, holding.id, 1, '我們保證絕不再發生。\n受影響顧客約100人。');
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    assert.equal(v2.body.head, 2);
    const cats = v2.body.headVersion.findings.map((f: { category: string }) => f.category);
    assert.ok(cats.includes('absolute_promise'), JSON.stringify(cats));
    assert.ok(cats.includes('inconsistent_fact'), 'compared with the fact sheet (1000 people)');
    assert.equal(v2.body.headVersion.contentHash.length, 64);
    const a1 = await put(writer.client, holding.id, 2, '我們將於今日下午三點前說明進度。', true);
    assert.equal(a1.body.head, 3, 'the head was a deliberate save: an autosave adds a version');
    const a2 = await put(writer.client, holding.id, 3, '我們將於今日下午三點前說明調查進度。', true);
    assert.equal(a2.body.head, 3, 'the author’s autosaved head is replaced in place');
    assert.equal(a2.body.headVersion.text, '我們將於今日下午三點前說明調查進度。');
    assert.notEqual(a2.body.headVersion.contentHash, a1.body.headVersion.contentHash);
    const same = await put(writer.client, holding.id, 3, '我們將於今日下午三點前說明調查進度。');
    assert.equal(same.body.head, 3, 'an identical text adds no version');
    assert.equal(same.body.versions.length, 3);
    const old = await writer.client.get(`/api/statements/${holding.id}/versions/2`);
    assert.equal(old.status, 200);
    assert.match(old.body.text, /保證絕不再發生/);
    assert.equal((await writer.client.get(`/api/statements/${holding.id}/versions/9`)).status, 404);
  });

  test('two editors at once: the second save is a 409 carrying the current head; nothing is lost', async () => {
    const mine = await put(pr.client, holding.id, 3, '公關版本：我們正在調查，將於下午三點更新。');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.head, 4, 'another author’s save never replaces an autosave in place');
    const theirs = await put(writer.client, holding.id, 3, '文案版本：我們保證絕不再發生。', true);
    assert.equal(theirs.status, 409);
    assert.equal(theirs.body.code, 'conflict');
    assert.deepEqual(theirs.body.errors[0], { path: 'base', code: HEAD_MOVED, limit: 4, message: 'The statement is now at version 4.' });
    assert.match(theirs.body.detail, /version 4/);
    const now = (await writer.client.get(`/api/statements/${holding.id}`)).body;
    assert.equal(now.head, 4);
    assert.match(now.headVersion.text, /^公關版本/);
  });

  test('accepting a finding as a risk: kept with the version, with who and why; a finding that is not there is refused', async () => {
    const v = await put(writer.client, holding.id, 4, '我們保證絕不再發生。我們將於下午三點更新。');
    const f = v.body.headVersion.findings.find((x: { category: string }) => x.category === 'absolute_promise');
    assert.ok(f);
    const open = v.body.openFindings;
    const none = await legal.client.post(`/api/statements/${holding.id}/versions/5/accepted`, {
      rule: 'nope',
      start: 0,
      end: 1,
      reason: 'x',
    });
    assert.equal(none.status, 400);
    const ok = await legal.client.post(`/api/statements/${holding.id}/versions/5/accepted`, {
      rule: f.rule,
      start: f.start,
      end: f.end,
      reason: '已與法務確認此承諾範圍',
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.openFindings, open - 1);
    assert.equal(ok.body.headVersion.accepted[0].by.name, '法務 陳');
    assert.equal(ok.body.headVersion.accepted[0].reason, '已與法務確認此承諾範圍');
    assert.equal(
      (await legal.client.post(`/api/statements/${holding.id}/versions/99/accepted`, { rule: f.rule, start: 0, end: 1, reason: 'x' }))
        .status,
      404,
    );
    assert.equal((await events('statement.risk_accepted')).length, 1);
  });

  test('approval: submit tells step 1, the wrong person is refused, a stale hash is a 409, an edit resets and tells the approver', async () => {
    let s = (
      await put(writer.client, holding.id, 5, 'Acme 食品已於今日得知相關訊息，並已成立專案小組了解經過。我們將於下午三點前公布最新進度。')
    ).body as StatementDetail;
    const sub = await writer.client.post(`/api/statements/${holding.id}/submit`, { head: s.head });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    s = sub.body;
    assert.equal(s.status, 'in_review');
    assert.equal(s.chain[0].state, 'current');
    assert.deepEqual(
      (await deliveries('statement_review')).map((d) => d.user_id),
      [pr.id],
    );
    assert.equal((await writer.client.post(`/api/statements/${holding.id}/submit`, { head: s.head })).status, 409, 'already in review');
    // Only the PR lead decides step 1: not legal (step 2), not the writer, not even an admin.
    for (const who of [legal.client, writer.client, org.admin]) assert.equal((await decide(who, s, 'approved')).status, 403);
    const stale = await pr.client.post(`/api/statements/${holding.id}/decisions`, {
      versionNumber: s.headVersion.number - 1,
      contentHash: '0'.repeat(64),
      decision: 'approved',
    });
    assert.equal(stale.status, 409);
    assert.match(stale.body.detail, /text changed/);
    const mine = await pr.client.get('/api/statements?awaitingMe=true');
    assert.deepEqual(
      mine.body.statements.map((x: { id: string }) => x.id),
      [holding.id],
    );
    assert.deepEqual((await legal.client.get('/api/statements?awaitingMe=true')).body.statements, []);
    const a1 = await decide(pr.client, s, 'approved');
    assert.equal(a1.status, 200, JSON.stringify(a1.body));
    assert.deepEqual(
      a1.body.chain.map((x: { state: string }) => x.state),
      ['approved', 'current'],
    );
    assert.equal(a1.body.status, 'in_review');
    assert.deepEqual(
      (await deliveries('statement_review')).map((d) => d.user_id),
      [pr.id, legal.id],
    );
    // The writer edits: the approval no longer counts and the PR lead is told.
    const edited = await put(writer.client, holding.id, s.head, `${s.headVersion.text}如有疑問，請洽客服專線。`);
    assert.equal(edited.body.status, 'draft');
    assert.equal(edited.body.approvedVersion, null);
    assert.ok(edited.body.approvals.every((a: { resetAt: string | null }) => a.resetAt !== null));
    assert.deepEqual(
      edited.body.chain.map((x: { state: string }) => x.state),
      ['waiting', 'waiting'],
    );
    const told = await deliveries('statement_changed');
    assert.deepEqual(
      told.map((d) => d.user_id),
      [pr.id],
    );
    assert.match(told[0].body, /先前的核准不再有效/);
    assert.equal((await events('statement.approvals_reset')).length, 1);
    // Both steps again, then approved.
    s = (await writer.client.post(`/api/statements/${holding.id}/submit`, { head: edited.body.head })).body;
    s = (await decide(pr.client, s, 'approved')).body;
    const noComment = await decide(legal.client, s, 'changes_requested');
    assert.equal(noComment.status, 400);
    assert.equal(noComment.body.errors[0].path, 'comment');
    s = (await decide(legal.client, s, 'approved')).body;
    assert.equal(s.status, 'approved');
    assert.equal(s.approvedVersion, s.head);
    assert.deepEqual(s.can, { edit: true, submit: false, decide: false, override: false, publish: true });
    const approved = await events('statement.approved');
    assert.equal(approved.length, 1);
    assert.equal(approved[0].data.version, s.head);
  });

  test('publication: two channels record the version and hash; the holding-statement task is done with its own event', async () => {
    const one = await writer.client.post(`/api/statements/${holding.id}/publications`, {
      channel: 'facebook',
      url: 'https://facebook.com/acme/posts/1',
    });
    assert.equal(one.status, 201, JSON.stringify(one.body));
    clock.advance(MIN);
    const two = await writer.client.post(`/api/statements/${holding.id}/publications`, { channel: 'website', note: '首頁公告' });
    assert.equal(two.status, 201);
    assert.equal(two.body.status, 'published');
    assert.deepEqual(
      two.body.publications.map((x: { channel: string; versionNumber: number; contentHash: string }) => [
        x.channel,
        x.versionNumber,
        x.contentHash,
      ]),
      [
        ['facebook', two.body.head, two.body.headVersion.contentHash],
        ['website', two.body.head, two.body.headVersion.contentHash],
      ],
    );
    const bad = await writer.client.post(`/api/statements/${holding.id}/publications`, { channel: 'x', url: 'javascript:alert(1)' });
    assert.equal(bad.status, 400);
    const crisis = (await org.admin.get(`/api/crises/${crisisId}`)).body;
    const task = crisis.tasks.find((t: { playbookKey: string }) => t.playbookKey === 'holding_statement');
    assert.equal(task.status, 'done');
    const taskEvents = (await events('crisis.task_updated')).filter((e) => e.data.statementId === holding.id);
    assert.equal(taskEvents.length, 1, 'the task is completed once, by the first publication');
    assert.equal((await events('statement.published')).length, 2);
    // What went out is in the documents hub once (public, the statement's words), not once per channel.
    const hub = (await org.admin.get(`/api/documents?kind=statement&crisisId=${crisisId}`)).body.items;
    assert.equal(hub.length, 1);
    assert.equal(hub[0].classification, 'public');
    const copy = (await org.admin.get(`/api/documents/${hub[0].id}`)).body;
    assert.equal(copy.statementId, holding.id);
    assert.equal(copy.body, two.body.headVersion.text);
    assert.equal(copy.currentVersion, 1);
    // A correction of a published statement returns it to draft; the publications stay on record.
    const fixed = await put(writer.client, holding.id, two.body.head, `更正：${two.body.headVersion.text}`);
    assert.equal(fixed.body.status, 'draft');
    assert.equal(fixed.body.publications.length, 2);
    const refused = await writer.client.post(`/api/statements/${holding.id}/publications`, { channel: 'line' });
    assert.equal(refused.status, 409, 'only an approved version can be published');
  });

  test('override: only the commander, with a reason; marked forever, even after an edit resets it', async () => {
    const s = (
      await writer.client.post(`/api/crises/${crisisId}/statements`, {
        kind: 'update',
        language: 'en',
        title: 'Update 1',
        body: textToDoc('We will share the next update at 3 pm.'),
      })
    ).body;
    assert.equal((await pr.client.post(`/api/statements/${s.id}/override`, { head: 1, reason: 'urgent' })).status, 403);
    assert.equal((await org.admin.post(`/api/statements/${s.id}/override`, { head: 1 })).status, 400, 'a reason is required');
    const o = await org.admin.post(`/api/statements/${s.id}/override`, { head: 1, reason: '媒體截稿在即，指揮官核准' });
    assert.equal(o.status, 200, JSON.stringify(o.body));
    assert.equal(o.body.status, 'approved');
    assert.equal(o.body.overridden, true);
    assert.equal(o.body.override.by.name, 'Ada Admin');
    assert.equal((await events('statement.overridden')).length, 1);
    const e = await put(writer.client, s.id, 1, 'We will share the next update at 4 pm.');
    assert.equal(e.body.status, 'draft');
    assert.equal(e.body.overridden, true, 'the override stays on record');
    assert.equal(e.body.override.reason, '媒體截稿在即，指揮官核准');
    // A manager sees every crisis but is not its commander.
    const manager = await org.userWithRole('manager', '經理');
    assert.equal((await manager.client.post(`/api/statements/${s.id}/override`, { head: 2, reason: 'x' })).status, 403);
  });

  test('an approver leaves the team mid-chain: the new role holder decides; the decision already given stays valid', async () => {
    let s = (
      await writer.client.post(`/api/crises/${crisisId}/statements`, {
        kind: 'apology',
        language: 'zh-TW',
        title: '致歉',
        body: textToDoc('對於此事帶給大家的困擾，我們誠摯致歉。'),
      })
    ).body;
    s = (await writer.client.post(`/api/statements/${s.id}/submit`, { head: 1 })).body;
    s = (await decide(pr.client, s, 'approved')).body;
    await assign('legal_counsel', legal2.id);
    assert.equal((await decide(legal.client, s, 'approved')).status, 404, 'off the team: the statement is not even readable');
    const now = (await legal2.client.get(`/api/statements/${s.id}`)).body;
    assert.equal(now.chain[1].holder.name, '法務 王');
    assert.equal(now.can.decide, true);
    await assign('pr_lead', null);
    const done = await decide(legal2.client, now, 'approved');
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'approved');
    assert.equal(done.body.chain[0].decision.approver.name, '公關 林', 'the PR lead’s approval stays valid after leaving');
    await assign('pr_lead', pr.id);
    await assign('legal_counsel', legal.id);
  });

  test('a 100,000-character paste is accepted; one more character is refused clearly; HTML stays inert text; foreign nodes are refused', async () => {
    const s = (await writer.client.post(`/api/crises/${crisisId}/statements`, { kind: 'media_qa', language: 'zh-TW', title: '問答' })).body;
    assert.equal(s.headVersion.text, '');
    const line = '說明'.repeat(499); // 998 characters + newline per line
    const big = `${Array.from({ length: 100 }, () => line).join('\n')}\n${'說'.repeat(MAX_STATEMENT_CHARS - 100 * 998 - 100)}`;
    assert.equal(big.length, MAX_STATEMENT_CHARS);
    const ok = await put(writer.client, s.id, 1, big);
    assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 300));
    assert.equal(ok.body.headVersion.chars, MAX_STATEMENT_CHARS);
    const over = await put(writer.client, s.id, 2, `${big}。`);
    assert.equal(over.status, 413);
    assert.match(over.body.detail, /100,001 characters long; the limit is 100,000/);
    const oneNode = await writer.client.request('PUT', `/api/statements/${s.id}/text`, {
      base: 2,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(MAX_STATEMENT_CHARS + 1) }] }] },
    });
    assert.equal(oneNode.status, 413, 'the same limit whatever the shape of the document');
    assert.equal(oneNode.body.code, 'payload_too_large');

    const html = '<script>alert(1)</script><img src=x onerror=alert(2)><b>粗體</b>';
    const h = await put(writer.client, s.id, 2, html);
    assert.equal(h.status, 200);
    assert.equal(h.body.headVersion.text, html, 'kept as text, exactly');
    assert.equal(h.body.headVersion.body.content[0].content[0].text, html);
    assert.match(h.headers.get('content-type') ?? '', /application\/json/);
    for (const body of [
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] },
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        ],
      },
      { type: 'doc', content: [{ type: 'paragraph', attrs: { style: 'x' }, content: [] }] },
      '<p>html</p>',
    ]) {
      const r = await writer.client.request('PUT', `/api/statements/${s.id}/text`, { base: 3, body });
      assert.equal(r.status, 400, JSON.stringify(body));
    }
  });

  test('who may read statements: team and officers only; reporters and guests never; other teams 404', async () => {
    assert.equal((await reporter.client.get('/api/statements')).status, 403);
    assert.equal((await guest.client.get('/api/statements')).status, 403);
    assert.equal((await reporter.client.get(`/api/statements/${holding.id}`)).status, 403);
    assert.equal((await guest.client.get(`/api/statements/${holding.id}/versions/1`)).status, 403);
    assert.equal((await outsider.client.get(`/api/statements/${holding.id}`)).status, 404);
    assert.equal((await outsider.client.get(`/api/statements/${holding.id}/versions/1`)).status, 404);
    assert.equal((await put(outsider.client, holding.id, 1, 'x')).status, 404);
    assert.deepEqual((await outsider.client.get('/api/statements')).body.statements, []);
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/statements`)).status, 404);
    const mine = await writer.client.get(`/api/crises/${crisisId}/statements`);
    assert.equal(mine.body.statements.length, 4);
    const drafts = await writer.client.get('/api/statements?status=draft');
    assert.ok(drafts.body.statements.every((x: { status: string }) => x.status === 'draft'));
    assert.ok(drafts.body.statements.length >= 2);
  });

  test('the length limit does not depend on the shape: one paragraph of exactly the limit is kept, one more is the same 413', async () => {
    const s = (await writer.client.post(`/api/crises/${crisisId}/statements`, { kind: 'media_qa', language: 'zh-TW', title: '單段' })).body;
    const oneNode = (text: string, base: number) =>
      writer.client.request('PUT', `/api/statements/${s.id}/text`, {
        base,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      });
    const ok = await oneNode('說'.repeat(MAX_STATEMENT_CHARS), 1);
    assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 300));
    assert.equal(ok.body.headVersion.chars, MAX_STATEMENT_CHARS);
    const single = await oneNode('x'.repeat(MAX_STATEMENT_CHARS + 1), 2);
    const split = await put(writer.client, s.id, 2, `${'x'.repeat(MAX_STATEMENT_CHARS / 2)}\n${'x'.repeat(MAX_STATEMENT_CHARS / 2)}`);
    for (const r of [single, split]) {
      assert.equal(r.status, 413, JSON.stringify(r.body).slice(0, 300));
      assert.equal(r.body.code, 'payload_too_large');
      assert.match(r.body.detail, /100,001 characters long; the limit is 100,000/);
    }
    assert.equal(single.body.type, split.body.type);
    // Two text nodes in one paragraph (bold in the middle) count together too.
    const marked = await writer.client.request('PUT', `/api/statements/${s.id}/text`, {
      base: 2,
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'x'.repeat(MAX_STATEMENT_CHARS) },
              { type: 'text', text: '!', marks: [{ type: 'bold' }] },
            ],
          },
        ],
      },
    });
    assert.equal(marked.status, 413);
    assert.equal(
      (await writer.client.get(`/api/statements/${s.id}`)).body.headVersion.chars,
      MAX_STATEMENT_CHARS,
      'nothing over the limit was kept',
    );
  });

  test('a named backup off the team reads the statement they back up and decides their step; nothing else of the crisis', async () => {
    const backup = await org.userWithRole('member', '備援 法務 吳');
    const chains = await org.admin.get('/api/statement-chains');
    const l3 = chains.body.chains.find((c: { severity: string; kindGroup: string }) => c.severity === 'L3' && c.kindGroup === 'external');
    const chain = await org.admin.request('PUT', '/api/statement-chains/L3/external', {
      steps: [{ role: 'pr_lead' }, { role: 'legal_counsel', backups: [backup.id] }],
      version: l3.version,
    });
    assert.equal(chain.status, 200, JSON.stringify(chain.body));
    const c = await org.admin.post('/api/crises', { title: '物流延誤', type: 'product_quality', severity: 'L3' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const l3Crisis: string = c.body.id;
    for (const [role, userId] of [
      ['pr_lead', pr.id],
      ['legal_counsel', legal.id],
      ['scribe', writer.id],
    ] as const)
      assert.equal((await org.admin.request('PUT', `/api/crises/${l3Crisis}/team`, { role, userId })).status, 200);
    const make = async (kind: string, title: string) => {
      const r = await writer.client.post(`/api/crises/${l3Crisis}/statements`, {
        kind,
        language: 'zh-TW',
        title,
        body: textToDoc(`${title}：配送延誤，我們正在處理。`),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body as StatementDetail;
    };
    const mine = await make('holding', '物流初步聲明');
    const draft = await make('update', '物流進度更新');
    const memo = await make('internal_memo', '物流內部說明');
    const path = (id: string) => `/api/statements/${id}`;

    // A first draft is the team's own: not even its backup reads it yet.
    assert.equal((await backup.client.get(path(mine.id))).status, 404);
    let st = statementDetail.parse((await writer.client.post(`${path(mine.id)}/submit`, { head: mine.head })).body);
    assert.equal(st.status, 'in_review');
    assert.equal((await writer.client.post(`${path(memo.id)}/submit`, { head: memo.head })).status, 200);

    const read = await backup.client.get(path(mine.id));
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.headVersion.text, '物流初步聲明：配送延誤，我們正在處理。');
    assert.equal((await backup.client.get(`${path(mine.id)}/versions/1`)).status, 200);
    // Not their step yet (the PR lead's is first); admins are no exception either.
    assert.equal((await decide(backup.client, st, 'approved')).status, 403);
    assert.equal((await decide(pr.client, st, 'approved')).status, 200);
    st = statementDetail.parse((await backup.client.get(path(mine.id))).body);
    // It waits for them in their list, alone: the draft and the memo (whose chain does not name them) are not there.
    const waiting = await backup.client.get('/api/statements?awaitingMe=true');
    assert.equal(waiting.status, 200, JSON.stringify(waiting.body));
    assert.deepEqual(
      waiting.body.statements.map((x: { id: string }) => x.id),
      [mine.id],
    );
    const listed = await backup.client.get('/api/statements');
    assert.deepEqual(
      listed.body.statements.map((x: { id: string }) => x.id),
      [mine.id],
    );
    // The legal counsel holds the role but is away: the named backup decides.
    const approved = await decide(backup.client, st, 'approved');
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    const step2 = approved.body.chain.find((x: { step: number }) => x.step === 2);
    assert.deepEqual([step2.decision.approver.id, step2.decision.asBackup], [backup.id, true]);

    // Reading is all: the statement cannot be changed by them, and nothing else of the crisis is theirs to read.
    assert.equal((await backup.client.request('PUT', `${path(mine.id)}/text`, { base: st.head, body: textToDoc('改寫') })).status, 403);
    assert.equal((await backup.client.get(path(draft.id))).status, 404, 'another statement (a draft) of the crisis');
    assert.equal((await backup.client.get(path(memo.id))).status, 404, 'another statement in review whose chain does not name them');
    assert.equal((await backup.client.get(`${path(memo.id)}/versions/1`)).status, 404);
    assert.equal((await backup.client.get(`/api/crises/${l3Crisis}`)).status, 404);
    assert.equal((await backup.client.get(`/api/crises/${l3Crisis}/tasks`)).status, 404);
    assert.equal((await backup.client.get(`/api/crises/${l3Crisis}/plan`)).status, 404);
    assert.equal((await backup.client.get(`/api/crises/${l3Crisis}/briefings`)).status, 404);
    // And a statement of the other crisis (L2, whose chain does not name them) stays 404.
    assert.equal((await backup.client.get(path(holding.id))).status, 404);
  });
});
