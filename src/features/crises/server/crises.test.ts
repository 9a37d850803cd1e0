// Crises end to end on a real server and database with a test clock: declaring (from scratch and from an
// alert, whose escalation then stops), the playbook's team, tasks and clocks, who sees which crisis (404 off
// the team), concurrent task edits (409), the lifecycle and grading rules, numbering under concurrency, and
// a member dropped from the live crisis room the moment they leave the team.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { escalate } from '../../warnings/server/notify.ts';
import { alerts } from '../../warnings/server/schema.ts';
import { type CrisisDetail, crisisDetail } from '../contract.ts';
import { declareCrisis, getCrisis, listCrises } from './crises.ts';

const MIN = 60_000;

describe('crises', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: { client: Client; id: string };
  let member: { client: Client; id: string };
  let outsider: { client: Client; id: string };
  let reporter: { client: Client; id: string };
  let first: CrisisDetail;
  const deps = () => ({ db: ctx.server.db, clock });

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    manager = await org.userWithRole('manager', '王經理');
    member = await org.userWithRole('member', '林組員');
    outsider = await org.userWithRole('member', '陳路人');
    reporter = await org.userWithRole('reporter');
  });

  test('declaring at L1 from scratch: number, commander, playbook tasks with clocks, first decision, timeline', async () => {
    const r = await org.admin.post('/api/crises', {
      title: '信義店食安事件',
      type: 'product_quality',
      severity: 'L1',
      summary: '網路流傳小籠包異物影片',
      reason: '影片擴散快，已有媒體詢問',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    first = crisisDetail.parse(r.body);
    assert.equal(first.number, 1);
    assert.equal(first.status, 'declared');
    assert.equal(first.declaredBy, 'Ada Admin');
    assert.deepEqual(first.team, [{ role: 'commander', userId: org.adminId, name: 'Ada Admin', assignedAt: clock.now().toISOString() }]);
    assert.equal(first.rolesToFill.length, 7, 'L1 fills all eight roles; the commander is there');
    const due = (key: string) => {
      const t = first.tasks.find((x) => x.playbookKey === key);
      assert.ok(t, key);
      return (new Date(t.dueAt ?? 0).getTime() - clock.now().getTime()) / MIN;
    };
    assert.equal(due('confirm_facts'), 15);
    assert.equal(due('holding_statement'), 60);
    assert.ok(due('legal_review') < due('holding_statement'), 'legal review comes before the statement');
    assert.equal(due('pull_product'), 60);
    const facts = first.tasks.find((t) => t.playbookKey === 'confirm_facts');
    assert.equal(facts?.title, '確認事實並建立事實清單（已知／未知／待查）', 'titles in the organisation’s language');
    assert.equal(facts?.assigneeId, org.adminId, 'commander tasks go to the commander');
    const dues = first.tasks.map((t) => t.dueAt ?? '');
    assert.deepEqual(dues, [...dues].sort(), 'tasks ordered by due time');
    assert.equal(first.nextDueAt, first.tasks[0].dueAt);
    assert.equal(first.openTasks, first.tasks.length);
    assert.equal(first.overdueTasks, 0);
    assert.equal(first.decisions.length, 1);
    assert.equal(first.decisions[0].kind, 'severity');
    assert.match(first.decisions[0].decision, /L1/);
    assert.equal(first.decisions[0].rationale, '影片擴散快，已有媒體詢問');
    assert.equal(first.timeline[0].type, 'crisis.declared');
    assert.equal(first.timeline[0].actor, 'Ada Admin');
    assert.equal(first.timeline[0].data.severity, 'L1');
    assert.deepEqual(first.can, { manage: true, work: true });
    clock.advance(20 * MIN);
    const later = (await org.admin.get(`/api/crises/${first.id}`)).body as CrisisDetail;
    assert.equal(later.overdueTasks, 1, 'facts not confirmed by T+15 are overdue');
  });

  test('bad input is a 400 problem with field errors', async () => {
    const r = await org.admin.post('/api/crises', { title: '', type: 'nope', severity: 'L9' });
    assert.equal(r.status, 400);
    assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(r.body.code, 'validation_failed');
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['severity', 'title', 'type']);
    const p = await org.admin.get('/api/crises/playbook?type=data_breach&severity=L4');
    assert.equal(p.status, 200);
    assert.ok(p.body.tasks.some((t: { key: string }) => t.key === 'notify_regulator'));
    assert.equal((await org.admin.post(`/api/crises/${first.id}/tasks`, { title: 'x', dueAt: 'tomorrow' })).status, 400);
    const unknown = await org.admin.post('/api/crises', { title: 'x', type: 'other', severity: 'L4', alertId: crypto.randomUUID() });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.errors[0].path, 'alertId');
  });

  test('declaring from an alert: the alert becomes declared and linked, and its escalation stops', async () => {
    const topicId = (await org.admin.post('/api/topics', { name: '鼎泰豐', query: '鼎泰豐' })).body.id as string;
    const now = clock.now();
    const [a] = await ctx.server.db
      .insert(alerts)
      .values({
        orgId: org.orgId,
        topicId,
        risk: 85,
        severity: 'L1',
        signals: [],
        drivers: { mentions: 0, negativeMentions: 0, reach: 0, clusters: [], authors: [], negatives: [] },
        windowStart: now,
        windowEnd: now,
        openedAt: now,
        lastFiredAt: now,
      })
      .returning();
    const r = await manager.client.post('/api/crises', { title: '鼎泰豐負評擴散', type: 'misinformation', severity: 'L2', alertId: a.id });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(r.body.alertIds, [a.id]);
    assert.deepEqual(r.body.topicIds, [topicId]);
    assert.equal(r.body.team[0].userId, manager.id);
    const alert = await org.admin.get(`/api/alerts/${a.id}`);
    assert.equal(alert.body.status, 'declared');
    assert.equal(alert.body.crisisId, r.body.id);
    const inbox = await org.admin.get('/api/alerts?status=active');
    assert.equal(
      inbox.body.alerts.some((x: { id: string }) => x.id === a.id),
      false,
    );
    assert.equal(inbox.body.counts.declared, 1);
    assert.equal(await escalate(deps(), a.id, 1), 'answered', 'a declared alert no longer escalates');
    assert.equal((await org.admin.post(`/api/alerts/${a.id}/dismiss`, { reason: 'false_alarm' })).status, 409);
    const again = await org.admin.post('/api/crises', { title: 'again', type: 'other', severity: 'L4', alertId: a.id });
    assert.equal(again.status, 409);
    assert.ok(r.body.timeline.some((e: { type: string }) => e.type === 'alert.declared'));
  });

  test('who sees what: members only on the team (404 otherwise), reporters never, admins and managers all', async () => {
    assert.equal((await outsider.client.get(`/api/crises/${first.id}`)).status, 404);
    assert.equal((await outsider.client.post(`/api/crises/${first.id}/notes`, { text: 'hi' })).status, 404);
    assert.deepEqual((await outsider.client.get('/api/crises')).body.crises, []);
    assert.equal((await reporter.client.get('/api/crises')).status, 403);
    assert.equal((await reporter.client.get(`/api/crises/${first.id}`)).status, 403);
    assert.equal((await manager.client.get('/api/crises')).body.crises.length, 2);
    assert.equal((await member.client.post('/api/crises', { title: 'x', type: 'other', severity: 'L4' })).status, 403);
    const put = await org.admin.request('PUT', `/api/crises/${first.id}/team`, { role: 'pr_lead', userId: member.id });
    assert.equal(put.status, 200);
    assert.equal((await org.admin.request('PUT', `/api/crises/${first.id}/team`, { role: 'scribe', userId: reporter.id })).status, 400);
    const seen = await member.client.get(`/api/crises/${first.id}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.can, { manage: false, work: true });
    assert.deepEqual(
      (await member.client.get('/api/crises')).body.crises.map((c: { id: string }) => c.id),
      [first.id],
    );
    const task = await member.client.post(`/api/crises/${first.id}/tasks`, {
      title: '整理媒體詢問名單',
      role: 'pr_lead',
      assigneeId: member.id,
    });
    assert.equal(task.status, 201);
    assert.equal(task.body.assigneeName, '林組員');
    assert.equal((await member.client.post(`/api/crises/${first.id}/notes`, { text: '聯合報來電詢問' })).status, 201);
    assert.equal(
      (await member.client.post(`/api/crises/${first.id}/status`, { status: 'responding', version: seen.body.version })).status,
      403,
    );
    assert.equal((await member.client.post(`/api/crises/${first.id}/decisions`, { decision: '暫停門市營業' })).status, 403);
    // As commander a member manages the crisis.
    const list = await listCrises(deps(), { kind: 'system', orgId: org.orgId, label: 'operator' }, {});
    assert.equal(list.crises.length, 2, 'the operator sees every crisis of the organisation');
    const other = list.crises.find((c) => c.id !== first.id);
    assert.ok(other);
    await manager.client.request('PUT', `/api/crises/${other.id}/team`, { role: 'commander', userId: member.id });
    const mine = await member.client.get(`/api/crises/${other.id}`);
    assert.deepEqual(mine.body.can, { manage: true, work: true });
    const d = await member.client.post(`/api/crises/${other.id}/decisions`, {
      decision: '發布澄清聲明',
      options: '沉默／澄清',
      rationale: '謠言擴散中',
    });
    assert.equal(d.status, 201);
    assert.equal(d.body.decidedBy, '林組員');
  });

  test('two people editing the same task: the second gets 409, nothing is overwritten', async () => {
    const task = first.tasks.find((t) => t.playbookKey === 'holding_statement');
    assert.ok(task);
    const [a, b] = await Promise.all([
      org.admin.patch(`/api/crises/${first.id}/tasks/${task.id}`, { version: task.version, status: 'doing' }),
      member.client.patch(`/api/crises/${first.id}/tasks/${task.id}`, { version: task.version, title: '發布初步聲明（含道歉）' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const lost = a.status === 409 ? a : b;
    assert.equal(lost.body.code, 'conflict');
    assert.match(lost.body.detail, /Someone else changed this task/);
    const blocked = await org.admin.patch(`/api/crises/${first.id}/tasks/${task.id}`, { version: task.version + 1, status: 'blocked' });
    assert.equal(blocked.status, 400);
    assert.equal(blocked.body.errors[0].path, 'blockedReason');
    const b2 = await org.admin.patch(`/api/crises/${first.id}/tasks/${task.id}`, {
      version: task.version + 1,
      status: 'blocked',
      blockedReason: '等待法務意見',
    });
    assert.equal(b2.status, 200);
    assert.equal(b2.body.blockedReason, '等待法務意見');
    const done = await org.admin.patch(`/api/crises/${first.id}/tasks/${task.id}`, { version: b2.body.version, status: 'done' });
    assert.equal(done.body.doneAt, clock.now().toISOString());
    assert.equal(done.body.blockedReason, null);
    const detail = (await org.admin.get(`/api/crises/${first.id}`)).body as CrisisDetail;
    const ev = detail.timeline.find((e) => e.type === 'crisis.task_updated');
    assert.equal(ev?.data.status, 'done');
    assert.equal(ev?.data.title, task.title);
  });

  test('the lifecycle follows its transitions; reopening needs a reason; stale versions are 409', async () => {
    let c = (await org.admin.get(`/api/crises/${first.id}`)).body as CrisisDetail;
    const post = (body: unknown) => org.admin.post(`/api/crises/${first.id}/status`, body);
    assert.equal((await post({ status: 'recovering', version: c.version })).status, 409, 'declared cannot jump to recovering');
    const ok = await post({ status: 'responding', version: c.version });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, c.version + 1);
    const stale = await post({ status: 'monitoring', version: c.version });
    assert.equal(stale.status, 409);
    assert.match(stale.body.detail, /Someone else changed this crisis/);
    c = (await post({ status: 'closed', version: ok.body.version, reason: '聲量回落' })).body;
    assert.equal(c.closedAt, clock.now().toISOString());
    assert.equal(
      (await org.admin.get('/api/crises?status=active')).body.crises.some((x: { id: string }) => x.id === first.id),
      false,
    );
    const noReason = await post({ status: 'responding', version: c.version });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].path, 'reason');
    const reopened = await post({ status: 'responding', version: c.version, reason: '出現新爆料' });
    assert.equal(reopened.status, 200);
    assert.equal(reopened.body.closedAt, null);
    const ev = reopened.body.timeline[0];
    assert.deepEqual([ev.type, ev.data.from, ev.data.to, ev.data.reason], ['crisis.status_changed', 'closed', 'responding', '出現新爆料']);
  });

  test('changing the level needs a reason and is logged as a decision and on the timeline', async () => {
    const c = (await org.admin.get(`/api/crises/${first.id}`)).body as CrisisDetail;
    const post = (body: unknown) => org.admin.post(`/api/crises/${first.id}/severity`, body);
    const none = await post({ severity: 'L2', version: c.version });
    assert.equal(none.status, 400);
    assert.equal(none.body.errors[0].path, 'reason');
    const r = await post({ severity: 'L2', reason: '媒體關注下降', version: c.version });
    assert.equal(r.status, 200);
    assert.equal(r.body.severity, 'L2');
    const last = r.body.decisions.at(-1);
    assert.deepEqual([last.kind, last.rationale], ['severity', '媒體關注下降']);
    assert.match(last.decision, /L1.*L2/);
    const ev = r.body.timeline[0];
    assert.deepEqual([ev.type, ev.data.from, ev.data.to, ev.data.reason], ['crisis.severity_changed', 'L1', 'L2', '媒體關注下降']);
    assert.equal((await post({ severity: 'L3', reason: 'x', version: c.version })).status, 409);
  });

  test('concurrent declarations get distinct numbers; the operator declares without a commander', async () => {
    const rs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? manager.client : org.admin).post('/api/crises', { title: `同時宣告 ${i}`, type: 'service_failure', severity: 'L3' }),
      ),
    );
    assert.deepEqual(
      rs.map((r) => r.status),
      [201, 201, 201, 201, 201, 201],
    );
    const numbers = rs.map((r) => r.body.number as number).sort((a, b) => a - b);
    assert.deepEqual(numbers, [3, 4, 5, 6, 7, 8]);
    const system = { kind: 'system' as const, orgId: org.orgId, label: 'operator' };
    const d = await declareCrisis(deps(), system, { type: 'system', label: 'operator' }, { title: 'CLI', type: 'other', severity: 'L4' });
    assert.equal(d.number, 9);
    assert.deepEqual(d.team, []);
    assert.equal((await getCrisis(deps(), system, d.id)).declaredBy, 'operator');
  });

  test('a member removed from the team leaves the live crisis room at once', async () => {
    const live = openLive(ctx.url, member.client.cookie);
    const stranger = openLive(ctx.url, outsider.client.cookie);
    await Promise.all([live.opened, stranger.opened]);
    const room = `crisis:${first.id}`;
    live.send({ type: 'subscribe', rooms: [room] });
    stranger.send({ type: 'subscribe', rooms: [room] });
    await live.next((m) => m.type === 'subscribed' && m.room === room);
    await stranger.next((m) => m.type === 'denied' && m.room === room);
    await org.admin.post(`/api/crises/${first.id}/notes`, { text: '第一則' });
    await live.next((m) => m.type === 'event' && m.room === room && m.event.type === 'crisis.note_added');
    const cleared = await org.admin.request('PUT', `/api/crises/${first.id}/team`, { role: 'pr_lead', userId: null });
    assert.equal(cleared.status, 200);
    await live.next((m) => m.type === 'denied' && m.room === room);
    assert.equal(
      live.messages.some((m) => m.type === 'event' && m.room === room && m.event.type === 'crisis.role_assigned'),
      false,
      'the removal is not announced in a room they already left',
    );
    await org.admin.post(`/api/crises/${first.id}/notes`, { text: '第二則' });
    // The admin's own note reaches the admin; give the member the same time, then check nothing came.
    const watcher = openLive(ctx.url, org.admin.cookie);
    await watcher.opened;
    watcher.send({ type: 'subscribe', rooms: [room] });
    await watcher.next((m) => m.type === 'subscribed');
    await org.admin.post(`/api/crises/${first.id}/notes`, { text: '第三則' });
    await watcher.next((m) => m.type === 'event' && m.event.type === 'crisis.note_added');
    assert.equal(live.messages.filter((m) => m.type === 'event' && m.room === room).length, 1, 'only the first note reached them');
    assert.equal((await member.client.get(`/api/crises/${first.id}`)).status, 404);
    for (const s of [live, stranger, watcher]) s.ws.close();
  });
});
