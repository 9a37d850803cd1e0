// Running the response in the crisis room, on a real server and database with a test clock: editing tasks
// (assignee on the team, checklist, concurrent edits 409), role hand-over guarded by who the client saw,
// comments whose @mentions reach the mentioned person's live room, overdue escalation to the commander
// (once per due time, re-armed by a new due time), decision sign-off and who may sign, starring timeline
// entries, and the linked reports (never the reporter's name).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { type CrisisDetail, crisisDetail, taskComment } from '../contract.ts';
import { resolveMentions } from './comments.ts';
import { escalateOverdueTasks } from './escalation.ts';

const MIN = 60_000;

describe('the crisis room', () => {
  const clock = createTestClock(new Date('2026-04-01T01:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: { client: Client; id: string };
  let legal: { client: Client; id: string };
  let sponsor: { client: Client; id: string };
  let outsider: { client: Client; id: string };
  let crisis: CrisisDetail;
  const deps = () => ({ db: ctx.server.db, clock });
  const room = async (c: Client = org.admin) => crisisDetail.parse((await c.get(`/api/crises/${crisis.id}`)).body);
  /** Crisis messages queued for a person (notifyCrisisPeople's deliveries). */
  const queued = async (event: string, userId: string) =>
    (
      await ctx.server.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM notification_deliveries WHERE event = ${event} AND user_id = ${userId} AND crisis_id = ${crisis.id}`,
      )
    ).rows[0].n;
  const put = (c: Client, body: unknown) => c.request('PUT', `/api/crises/${crisis.id}/team`, body);

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    manager = await org.userWithRole('manager', '王經理');
    legal = await org.userWithRole('member', '林法務');
    sponsor = await org.userWithRole('member', '張執行長');
    outsider = await org.userWithRole('member', '陳路人');
    const r = await org.admin.post('/api/crises', { title: '門市食安', type: 'product_quality', severity: 'L2' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    crisis = crisisDetail.parse(r.body);
    assert.equal((await put(org.admin, { role: 'legal_counsel', userId: legal.id, expectedUserId: null })).status, 200);
    assert.equal((await put(org.admin, { role: 'executive_sponsor', userId: sponsor.id })).status, 200);
  });

  test('a role changed by someone else meanwhile is a 409; who the client saw is checked', async () => {
    // Two managers hand the PR lead role over at once, both having seen it unfilled.
    const [a, b] = await Promise.all([
      put(org.admin, { role: 'pr_lead', userId: legal.id, expectedUserId: null }),
      put(manager.client, { role: 'pr_lead', userId: sponsor.id, expectedUserId: null }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const lost = a.status === 409 ? a : b;
    assert.equal(lost.body.code, 'conflict');
    assert.match(lost.body.detail, /Someone else changed this role meanwhile: .+ holds it now/);
    const holder = (await room()).team.find((m) => m.role === 'pr_lead');
    assert.equal(holder?.userId, a.status === 200 ? legal.id : sponsor.id, 'the first change stands');
    // Seeing the right holder, the change goes through; without expectedUserId it is last-writer (older clients).
    assert.equal((await put(org.admin, { role: 'pr_lead', userId: null, expectedUserId: holder?.userId })).status, 200);
    assert.equal((await put(org.admin, { role: 'pr_lead', userId: null, expectedUserId: legal.id })).status, 200, 'no change: no conflict');
    assert.equal((await put(org.admin, { role: 'scribe', userId: legal.id, expectedUserId: sponsor.id })).status, 409);
  });

  test('editing a task: fields, assignee must be on the team, checklist ticks, stale versions 409', async () => {
    const task = crisis.tasks[0];
    const at = `/api/crises/${crisis.id}/tasks/${task.id}`;
    const off = await org.admin.patch(at, { version: task.version, assigneeId: outsider.id });
    assert.equal(off.status, 400);
    assert.deepEqual([off.body.errors[0].path, off.body.errors[0].code], ['assigneeId', 'not_on_team']);
    assert.equal((await outsider.client.get(`/api/crises/${crisis.id}`)).status, 404, 'a refused assignment gives no access');
    const due = new Date(clock.now().getTime() + 90 * MIN).toISOString();
    const ok = await legal.client.patch(at, {
      version: task.version,
      title: '確認事實（含門市監視器）',
      detail: '向門市調閱 3/31 監視器',
      role: 'legal_counsel',
      assigneeId: legal.id,
      dueAt: due,
      checklist: [
        { text: '調閱監視器', done: false },
        { text: '訪談店長', done: false },
      ],
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(
      [ok.body.title, ok.body.detail, ok.body.role, ok.body.assigneeName, ok.body.dueAt, ok.body.version],
      ['確認事實（含門市監視器）', '向門市調閱 3/31 監視器', 'legal_counsel', '林法務', due, task.version + 1],
    );
    assert.deepEqual(ok.body.checklist, [
      { text: '調閱監視器', done: false },
      { text: '訪談店長', done: false },
    ]);
    const tick = await legal.client.patch(at, {
      version: ok.body.version,
      checklist: [
        { text: '調閱監視器', done: true },
        { text: '訪談店長', done: false },
      ],
    });
    assert.equal(tick.status, 200);
    assert.equal(tick.body.checklist[0].done, true);
    const stale = await org.admin.patch(at, { version: ok.body.version, checklist: [{ text: '調閱監視器', done: false }] });
    assert.equal(stale.status, 409, 'a tick against an older version is refused');
    assert.equal((await org.admin.patch(at, { version: tick.body.version, checklist: [{ text: '', done: true }] })).status, 400);
    const ev = (await room()).timeline.find((e) => e.type === 'crisis.task_updated');
    assert.deepEqual(ev?.data.changes, { checklist: { from: '0/2', to: '1/2' } });
    // Creating a task for someone off the team is refused the same way.
    const add = await org.admin.post(`/api/crises/${crisis.id}/tasks`, { title: 'x', assigneeId: outsider.id });
    assert.equal(add.status, 400);
    assert.equal(add.body.errors[0].code, 'not_on_team');
  });

  test('@mentions are resolved to people who may read the crisis, the longest name first', () => {
    const people = [
      { id: 'a', name: 'Ada' },
      { id: 'b', name: 'Ada Admin' },
      { id: 'c', name: '林法務' },
    ];
    assert.deepEqual(
      resolveMentions('@Ada Admin 請看，@林法務請確認，@ada 也看 @林法務 @nobody a@b', people).map((p) => p.id),
      ['b', 'c', 'a'],
    );
    assert.deepEqual(resolveMentions('no mentions', people), []);
  });

  test('a comment @-mentioning the legal counsel reaches their own live room; the author is not told', async () => {
    const live = openLive(ctx.url, legal.client.cookie);
    const stranger = openLive(ctx.url, outsider.client.cookie);
    await Promise.all([live.opened, stranger.opened]);
    live.send({ type: 'subscribe', rooms: [`user:${legal.id}`] });
    await live.next((m) => m.type === 'subscribed' && m.room === `user:${legal.id}`);
    const task = crisis.tasks[1];
    const body = '@林法務 請在 30 分鐘內確認聲明用語 <b>不要</b> @陳路人';
    const r = await org.admin.post(`/api/crises/${crisis.id}/tasks/${task.id}/comments`, { body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const c = taskComment.parse(r.body);
    assert.equal(c.body, body, 'kept as written (plain text)');
    assert.deepEqual(c.mentions, [{ userId: legal.id, name: '林法務' }], 'someone off the team is not mentioned');
    const m = await live.next((x) => x.type === 'event' && x.room === `user:${legal.id}` && x.event.type === 'crisis.task_commented');
    assert.equal(m.event.id, task.id);
    assert.equal(await queued('crisis.mentioned', legal.id), 1, 'the mentioned person is told');
    assert.equal(await queued('crisis.mentioned', org.adminId), 0, 'the author is not');
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(
      stranger.messages.some((x) => x.type === 'event' && x.event.type === 'crisis.task_commented'),
      false,
    );
    const detail = await room(legal.client);
    assert.equal(detail.comments.at(-1)?.id, c.id);
    const ev = detail.timeline.find((e) => e.type === 'crisis.task_commented');
    assert.deepEqual(ev?.data.mentions, [{ userId: legal.id, name: '林法務' }]);
    assert.equal(ev?.data.title, task.title);
    // Reading is not commenting; unknown tasks are 404; empty comments 400.
    assert.equal((await outsider.client.post(`/api/crises/${crisis.id}/tasks/${task.id}/comments`, { body: 'x' })).status, 404);
    assert.equal((await org.admin.post(`/api/crises/${crisis.id}/tasks/${crypto.randomUUID()}/comments`, { body: 'x' })).status, 404);
    assert.equal((await org.admin.post(`/api/crises/${crisis.id}/tasks/${task.id}/comments`, { body: '  ' })).status, 400);
    for (const s of [live, stranger]) s.ws.close();
  });

  test('an overdue task escalates to the commander once, and again after its due time changes', async () => {
    const added = await org.admin.post(`/api/crises/${crisis.id}/tasks`, {
      title: '回覆消保官',
      role: 'legal_counsel',
      assigneeId: legal.id,
      dueAt: new Date(clock.now().getTime() + 10 * MIN).toISOString(),
    });
    assert.equal(added.status, 201);
    const overdueEvents = async () =>
      (
        await ctx.server.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM events WHERE type = 'crisis.task_overdue' AND subject_id = ${added.body.id}`,
        )
      ).rows[0].n;
    await escalateOverdueTasks(deps());
    assert.equal(await overdueEvents(), 0, 'not yet due');
    const live = openLive(ctx.url, org.admin.cookie);
    await live.subscribe([`user:${org.adminId}`]);
    clock.advance(11 * MIN);
    await escalateOverdueTasks(deps());
    await escalateOverdueTasks(deps());
    assert.equal(await overdueEvents(), 1, 'escalated once');
    assert.equal(await queued('crisis.task_overdue', org.adminId), 1, 'the commander is told once');
    await live.next((m) => m.type === 'event' && m.room === `user:${org.adminId}` && m.event.type === 'crisis.task_overdue');
    const d = await room();
    const ev = d.timeline.find((e) => e.type === 'crisis.task_overdue' && e.data.taskId === added.body.id);
    assert.deepEqual([ev?.data.title, ev?.data.commanderId, ev?.data.assigneeName], ['回覆消保官', org.adminId, '林法務']);
    const t = d.tasks.find((x) => x.id === added.body.id);
    assert.equal(t?.escalatedAt, clock.now().toISOString());
    // A new due time re-arms it: not before the new time, once after.
    const moved = await org.admin.patch(`/api/crises/${crisis.id}/tasks/${added.body.id}`, {
      version: t?.version,
      dueAt: new Date(clock.now().getTime() + 5 * MIN).toISOString(),
    });
    assert.equal(moved.body.escalatedAt, null);
    await escalateOverdueTasks(deps());
    assert.equal(await overdueEvents(), 1);
    clock.advance(6 * MIN);
    await escalateOverdueTasks(deps());
    assert.equal(await overdueEvents(), 2);
    assert.equal(await queued('crisis.task_overdue', org.adminId), 2, 'and again for the new due time');
    // Done tasks and closed crises do not escalate.
    const done = await org.admin.post(`/api/crises/${crisis.id}/tasks`, { title: '已完成', dueAt: clock.now().toISOString() });
    await org.admin.patch(`/api/crises/${crisis.id}/tasks/${done.body.id}`, { version: done.body.version, status: 'done' });
    clock.advance(MIN);
    await escalateOverdueTasks(deps());
    const n = await ctx.server.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM events WHERE type = 'crisis.task_overdue' AND subject_id = ${done.body.id}`,
    );
    assert.equal(n.rows[0].n, 0);
    live.ws.close();
  });

  test('decision sign-off: asked of the executive sponsor by default; only they (or an admin) sign, once', async () => {
    const none = await org.admin.post(`/api/crises/${crisis.id}/decisions`, {
      decision: 'x',
      requestSignoff: true,
      signoffFrom: outsider.id,
    });
    assert.equal(none.status, 400);
    assert.equal(none.body.errors[0].path, 'signoffFrom');
    const live = openLive(ctx.url, sponsor.client.cookie);
    await live.subscribe([`user:${sponsor.id}`]);
    const r = await org.admin.post(`/api/crises/${crisis.id}/decisions`, {
      decision: '全面下架問題批號',
      options: '下架／不下架',
      rationale: '安全優先',
      requestSignoff: true,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(
      [r.body.signoff.status, r.body.signoff.fromId, r.body.signoff.fromName, r.body.signoff.byName],
      ['requested', sponsor.id, '張執行長', null],
    );
    await live.next((m) => m.type === 'event' && m.room === `user:${sponsor.id}` && m.event.type === 'crisis.signoff_requested');
    assert.equal(await queued('crisis.signoff_requested', sponsor.id), 1);
    const at = `/api/crises/${crisis.id}/decisions/${r.body.id}/signoff`;
    assert.equal((await legal.client.post(at, { verdict: 'signed', version: r.body.version })).status, 403, 'another member');
    assert.equal((await manager.client.post(at, { verdict: 'signed', version: r.body.version })).status, 403, 'a manager');
    assert.equal((await outsider.client.post(at, { verdict: 'signed', version: r.body.version })).status, 404, 'off the team');
    assert.equal((await sponsor.client.post(at, { verdict: 'maybe', version: r.body.version })).status, 400);
    assert.equal((await sponsor.client.post(at, { verdict: 'signed', version: r.body.version - 1 })).status, 409, 'stale');
    const [a, b] = await Promise.all([
      sponsor.client.post(at, { verdict: 'signed', note: '同意', version: r.body.version }),
      org.admin.post(at, { verdict: 'declined', version: r.body.version }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], 'signed once');
    const ok = a.status === 200 ? a : b;
    const d = (await room(sponsor.client)).decisions.find((x) => x.id === r.body.id);
    assert.equal(d?.signoff?.status, ok.body.signoff.status);
    assert.equal(d?.signoff?.at, clock.now().toISOString());
    const types = (await room()).timeline.map((e) => e.type);
    assert.ok(types.includes('crisis.signoff_requested'));
    assert.ok(types.includes(a.status === 200 ? 'crisis.decision_signed' : 'crisis.decision_declined'));
    // Asking a named person; an admin may sign for them.
    const named = await org.admin.post(`/api/crises/${crisis.id}/decisions`, { decision: '暫停廣告', signoffFrom: manager.id });
    assert.equal(named.body.signoff.fromId, manager.id);
    const byAdmin = await org.admin.post(`/api/crises/${crisis.id}/decisions/${named.body.id}/signoff`, {
      verdict: 'declined',
      note: '先觀察',
      version: named.body.version,
    });
    assert.equal(byAdmin.status, 200);
    assert.deepEqual(
      [byAdmin.body.signoff.status, byAdmin.body.signoff.byName, byAdmin.body.signoff.note],
      ['declined', 'Ada Admin', '先觀察'],
    );
    // No sign-off asked: 409.
    const plain = await org.admin.post(`/api/crises/${crisis.id}/decisions`, { decision: '每日兩次更新' });
    assert.equal(plain.body.signoff, null);
    assert.equal(
      (await org.admin.post(`/api/crises/${crisis.id}/decisions/${plain.body.id}/signoff`, { verdict: 'signed', version: 1 })).status,
      409,
    );
    live.ws.close();
  });

  test('starring timeline entries for the review: live, idempotent, only entries of this crisis', async () => {
    const watcher = openLive(ctx.url, legal.client.cookie);
    await watcher.subscribe([`crisis:${crisis.id}`]);
    const entry = (await room()).timeline.at(-1);
    assert.ok(entry);
    assert.equal(entry.starred, false);
    const at = `/api/crises/${crisis.id}/timeline/${entry.id}/star`;
    const r = await legal.client.post(at, {});
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.starred, true);
    assert.equal((await legal.client.post(at, {})).status, 200, 'again: still starred');
    await watcher.next((m) => m.type === 'event' && m.event.type === 'crisis.timeline_starred');
    const d = await room();
    assert.equal(d.timeline.find((e) => e.id === entry.id)?.starred, true);
    assert.equal(
      d.timeline.some((e) => e.type.startsWith('crisis.timeline_')),
      false,
      'starring is not itself a timeline entry',
    );
    assert.equal((await outsider.client.post(at, {})).status, 404);
    const other = await org.admin.post('/api/crises', { title: '另一件', type: 'other', severity: 'L4' });
    assert.equal((await org.admin.post(`/api/crises/${other.body.id}/timeline/${entry.id}/star`, {})).status, 404);
    assert.equal((await org.admin.post(`/api/crises/${crisis.id}/timeline/abc/star`, {})).status, 400);
    const off = await legal.client.request('DELETE', at);
    assert.equal(off.status, 200);
    assert.equal(off.body.starred, false);
    watcher.ws.close();
  });

  test('linked reports are listed with what was reported, never who', async () => {
    const long = '門市員工拍到廚房地板有老鼠，影片已在 Threads 流傳。'.repeat(12);
    await ctx.server.db.execute(sql`
      INSERT INTO crisis_reports (org_id, number, reporter_id, what, urgency, status, crisis_id, created_at)
      VALUES (${org.orgId}, 1, ${legal.id}, ${long}, 'high', 'attached', ${crisis.id}, ${clock.now().toISOString()})`);
    const d = await room(sponsor.client);
    assert.equal(d.reports.length, 1);
    assert.equal(d.reports[0].number, 1);
    assert.equal(d.reports[0].what, long.slice(0, 200));
    assert.deepEqual([d.reports[0].urgency, d.reports[0].status], ['high', 'attached']);
    assert.equal(JSON.stringify(d.reports).includes('林法務'), false);
    assert.equal(JSON.stringify(d.reports).includes(legal.id), false);
  });
});
