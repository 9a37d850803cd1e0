// The crisis room's pulse on a real server and database with a test clock: live metrics of the crisis's
// topics (per hour, since the declaration, now against the baseline before it); situation reports issued
// by one click (facts, actions, open items with overdue marked, metrics, next update) and by the schedule
// (sent to the team); who is in the room, pushed to the room as people come and go — and a member removed
// from the team leaves it at once. Off the team: 404; reporters: 403.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Client, createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { crisisMetrics, type Sitrep, sitrep, sitrepList } from '../pulse-contract.ts';
import { runScheduledSitreps } from './sitreps.ts';

const DECLARED = new Date('2026-03-10T12:30:00Z');
const HOUR = 3_600_000;

describe('crisis pulse', () => {
  const clock = createTestClock(new Date(DECLARED.getTime() - 2 * HOUR));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let member: { client: Client; id: string; email: string };
  let outsider: { client: Client; id: string; email: string };
  let reporter: { client: Client; id: string; email: string };
  /** Moves the test clock (past the sessions' idle limit), and signs everyone in again. */
  const moveTo = async (at: Date) => {
    clock.set(at);
    await org.admin.signIn(org.adminEmail, PASSWORD);
    for (const u of [member, outsider, reporter]) await u.client.signIn(u.email, PASSWORD);
  };
  let crisisId = '';
  const reach = new Map<string, number>();

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    member = await org.userWithRole('member', '林組員');
    outsider = await org.userWithRole('member', '陳路人');
    reporter = await org.userWithRole('reporter');
    const topic = await org.admin.post('/api/topics', { name: '鼎泰豐', query: '鼎泰豐' });
    assert.equal(topic.status, 201, JSON.stringify(topic.body));
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write', 'mentions:read'] });
    const machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
    const NEG = '鼎泰豐信義店吃到蟑螂，服務態度真的很差，再也不會去了';
    const fixtures = [
      { id: 'old', at: '2026-03-08T00:00:00Z', text: `${NEG}（舊文）`, sentiment: 'negative' }, // before everything
      { id: 'b1', at: '2026-03-09T20:00:00Z', text: '鼎泰豐 門市 營業時間', sentiment: 'neutral' }, // baseline
      { id: 'b2', at: '2026-03-10T00:10:00Z', text: `${NEG}！`, sentiment: 'negative' }, // baseline
      { id: 'a1', at: '2026-03-10T12:40:00Z', text: `${NEG}！！`, sentiment: 'negative', followers: 5000 },
      { id: 'a2', at: '2026-03-10T13:00:00Z', text: `鼎泰豐蟑螂事件，衛生局今天稽查`, sentiment: 'negative' },
      { id: 'a3', at: '2026-03-10T13:20:00Z', text: '鼎泰豐還是很好吃，支持', sentiment: 'positive' },
      { id: 'x1', at: '2026-03-10T13:10:00Z', text: '全聯雞蛋漲價又缺貨', sentiment: 'negative' }, // another subject
    ];
    const r = await machine.post('/api/mentions', {
      mentions: fixtures.map((m) => ({
        source: 'ptt',
        externalId: m.id,
        text: m.text,
        publishedAt: m.at,
        author: m.id,
        authorFollowers: m.followers,
      })),
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.accepted, fixtures.length);
    for (const [i, it] of (r.body.items as Array<{ id: number }>).entries()) {
      const f = fixtures[i];
      const m = await org.admin.get(`/api/mentions/${it.id}`);
      const stored = await ctx.server.db.execute<{ reach: string }>(`SELECT reach FROM mentions WHERE id = ${it.id}` as never);
      reach.set(f.id, Number(stored.rows[0].reach));
      if (m.body.sentiment !== f.sentiment) {
        const c = await org.admin.post(`/api/mentions/${it.id}/sentiment`, { sentiment: f.sentiment });
        assert.ok(c.status < 300, JSON.stringify(c.body));
      }
    }
    await moveTo(DECLARED);
    const c = await org.admin.post('/api/crises', {
      title: '信義店食安事件',
      type: 'product_quality',
      severity: 'L1',
      topicIds: [topic.body.id],
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    crisisId = c.body.id;
    const team = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'scribe', userId: member.id });
    assert.equal(team.status, 200);
    await moveTo(new Date(DECLARED.getTime() + HOUR)); // 13:30Z
  });

  test('metrics: the last 24 hours per hour, since the declaration, and the last hour against the day before it', async () => {
    const r = await member.client.get(`/api/crises/${crisisId}/metrics`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const m = crisisMetrics.parse(r.body);
    assert.deepEqual(
      m.topics.map((t) => t.name),
      ['鼎泰豐'],
    );
    const sum = (...ids: string[]) => ids.reduce((s, id) => s + (reach.get(id) ?? 0), 0);
    assert.deepEqual(m.last24h, { mentions: 5, negative: 3, reach: sum('b1', 'b2', 'a1', 'a2', 'a3'), negativeShare: 3 / 5 });
    assert.deepEqual(m.sinceDeclared, { mentions: 3, negative: 2, reach: sum('a1', 'a2', 'a3'), negativeShare: 2 / 3 });
    assert.equal(m.current.mentionsPerHour, 3);
    assert.equal(m.current.negativeShare, 2 / 3);
    assert.equal(m.baseline.hours, 24);
    assert.equal(m.baseline.mentionsPerHour, 2 / 24);
    assert.equal(m.baseline.negativeShare, 1 / 2);
    assert.equal(m.series.length, 25, 'every hour from 13:00 yesterday to 13:00 today, empty ones too');
    assert.equal(m.series[0].t, '2026-03-09T13:00:00.000Z');
    const nonZero = m.series.filter((p) => p.mentions > 0).map((p) => [p.t.slice(11, 16), p.mentions, p.negative]);
    assert.deepEqual(nonZero, [
      ['20:00', 1, 0],
      ['00:00', 1, 1],
      ['12:00', 1, 1],
      ['13:00', 2, 1],
    ]);
    assert.equal(m.declaredAt, DECLARED.toISOString());
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/metrics`)).status, 404, 'off the team: not found');
    assert.equal((await reporter.client.get(`/api/crises/${crisisId}/metrics`)).status, 403);
  });

  test('one click: a situation report with facts, actions, open items (overdue marked), metrics and the next update', async () => {
    const note = await member.client.post(`/api/crises/${crisisId}/notes`, { text: '已確認影片拍攝於信義店' });
    assert.equal(note.status, 201, JSON.stringify(note.body));
    const detail = (await org.admin.get(`/api/crises/${crisisId}`)).body;
    const pause = detail.tasks.find((t: { playbookKey: string }) => t.playbookKey === 'pause_campaigns');
    const done = await org.admin.patch(`/api/crises/${crisisId}/tasks/${pause.id}`, { version: pause.version, status: 'done' });
    assert.equal(done.status, 200, JSON.stringify(done.body));

    const none = sitrepList.parse((await member.client.get(`/api/crises/${crisisId}/sitreps`)).body);
    assert.deepEqual(none, { sitreps: [], nextSitrepAt: '2026-03-10T14:30:00.000Z', updateEveryHours: 2 }, 'first due 2 h after declaring');
    const r = await member.client.post(`/api/crises/${crisisId}/sitreps`, {});
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const s: Sitrep = sitrep.parse(r.body);
    assert.equal(s.kind, 'manual');
    assert.equal(s.createdBy, '林組員');
    assert.equal(s.nextSitrepAt, '2026-03-10T15:30:00.000Z', 'L1: every 2 hours');
    const lines = s.body.split('\n');
    assert.match(lines[0], /^【狀況報告】#1 信義店食安事件（L1・已宣告）$/);
    assert.match(lines[1], /^截至 2026\/03\/10 21:30（宣告於 2026\/03\/10 20:30）$/);
    assert.ok(lines.includes('一、已確認事實與決策'));
    assert.ok(lines.some((l) => /^・決策：宣告為 L1 危機（Ada Admin，2026\/03\/10 20:30）$/.test(l)));
    assert.ok(lines.some((l) => /^・已確認影片拍攝於信義店（林組員，2026\/03\/10 21:30）$/.test(l)));
    const section = (title: string) => {
      const from = lines.indexOf(title);
      const to = lines.indexOf('', from);
      return lines.slice(from + 1, to);
    };
    assert.deepEqual(section('二、已完成行動'), ['・暫停排程中的廣告與行銷貼文（行銷負責人，2026/03/10 21:30）']);
    const open = section('三、待辦事項');
    assert.match(open[0], /^・【逾期】確認事實並建立事實清單（已知／未知／待查）（指揮官，期限 2026\/03\/10 20:45）$/);
    assert.ok(open.includes('・發布初步聲明（holding statement）（公關負責人，期限 2026/03/10 21:30）'), 'due now: not yet overdue');
    assert.equal(open.filter((l) => l.includes('【逾期】')).length, s.counts.overdue);
    assert.equal(s.counts.done, 1);
    assert.deepEqual(section('四、輿情數據').slice(0, 2), [
      '・主題：鼎泰豐',
      `・過去 24 小時：提及 5 則，負面 3 則（60%），觸及約 ${(() => {
        const n = [...reach.entries()].filter(([k]) => ['b1', 'b2', 'a1', 'a2', 'a3'].includes(k)).reduce((a, [, v]) => a + v, 0);
        return n >= 1e4 ? `${(n / 1e4).toFixed(1)} 萬` : n.toLocaleString('zh-TW');
      })()}`,
    ]);
    assert.equal(lines.at(-1), '下次更新：2026/03/10 23:30');

    const list = sitrepList.parse((await org.admin.get(`/api/crises/${crisisId}/sitreps`)).body);
    assert.deepEqual(
      list.sitreps.map((x) => x.id),
      [s.id],
    );
    assert.equal(list.nextSitrepAt, '2026-03-10T15:30:00.000Z');
    assert.equal(list.updateEveryHours, 2);
    const timeline = (await org.admin.get(`/api/crises/${crisisId}`)).body.timeline as Array<{ type: string; data: any }>;
    const ev = timeline.find((e) => e.type === 'crisis.sitrep_issued');
    assert.ok(ev, 'on the timeline');
    assert.deepEqual([ev.data.sitrepId, ev.data.kind, ev.data.nextSitrepAt], [s.id, 'manual', '2026-03-10T15:30:00.000Z']);

    assert.equal((await outsider.client.post(`/api/crises/${crisisId}/sitreps`, {})).status, 404);
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/sitreps`)).status, 404);
    assert.equal((await reporter.client.post(`/api/crises/${crisisId}/sitreps`, {})).status, 403);
    const bad = await org.admin.post(`/api/crises/${crisisId}/sitreps`, { kind: 'scheduled' });
    assert.equal(bad.status, 400, 'nothing to choose: the report is built from the crisis');
  });

  test('the schedule: when the next update is due, a scheduled report is issued once and sent to the team', async () => {
    assert.equal(await runScheduledSitreps({ db: ctx.server.db, clock }), 0, 'not due yet');
    await moveTo(new Date('2026-03-10T15:31:00Z'));
    // The worker's own cron may win the race; either way exactly one scheduled report results.
    await runScheduledSitreps({ db: ctx.server.db, clock });
    assert.equal(await runScheduledSitreps({ db: ctx.server.db, clock }), 0, 'issued once');
    const list = sitrepList.parse((await org.admin.get(`/api/crises/${crisisId}/sitreps`)).body);
    assert.deepEqual(
      list.sitreps.map((x) => x.kind),
      ['scheduled', 'manual'],
    );
    assert.equal(list.sitreps[0].createdBy, '系統排程');
    assert.equal(list.nextSitrepAt, '2026-03-10T17:31:00.000Z');
    const sent = await ctx.server.db.execute<{ user_id: string; title: string }>(
      `SELECT user_id, payload->>'title' AS title FROM notification_deliveries WHERE crisis_id = '${crisisId}' AND event = 'crisis.sitrep' ORDER BY user_id` as never,
    );
    assert.deepEqual(sent.rows.map((x) => x.user_id).sort(), [org.adminId, member.id].sort(), 'everyone on the team');
    assert.equal(sent.rows[0].title, '【狀況報告 L1】#1 信義店食安事件');
  });

  test('who is in the room: announced as people come and go; a member taken off the team leaves at once', async () => {
    const room = `crisis:${crisisId}`;
    const a = openLive(ctx.url, org.admin.cookie);
    const b = openLive(ctx.url, member.client.cookie);
    const c = openLive(ctx.url, outsider.client.cookie);
    await Promise.all([a.opened, b.opened, c.opened]);
    await a.next((m) => m.type === 'hello');
    a.send({ type: 'subscribe', rooms: [room] });
    await a.next((m) => m.type === 'presence' && m.userIds.length === 1);
    await b.next((m) => m.type === 'hello');
    b.send({ type: 'subscribe', rooms: [room] });
    const both = [org.adminId, member.id].sort();
    await a.next((m) => m.type === 'presence' && m.room === room && JSON.stringify(m.userIds) === JSON.stringify(both));
    await b.next((m) => m.type === 'presence' && JSON.stringify(m.userIds) === JSON.stringify(both));
    await c.next((m) => m.type === 'hello');
    c.send({ type: 'subscribe', rooms: [room] });
    await c.next((m) => m.type === 'denied' && m.room === room);
    assert.deepEqual((await org.admin.get(`/api/crises/${crisisId}/presence`)).body, { userIds: both });
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/presence`)).status, 404);

    // A second tab of the same person: told who is there; nobody else hears of it.
    const before = a.messages.filter((m) => m.type === 'presence').length;
    const a2 = openLive(ctx.url, org.admin.cookie);
    await a2.opened;
    await a2.next((m) => m.type === 'hello');
    a2.send({ type: 'subscribe', rooms: [room] });
    await a2.next((m) => m.type === 'presence' && JSON.stringify(m.userIds) === JSON.stringify(both));
    a2.ws.close();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(a.messages.filter((m) => m.type === 'presence').length, before, 'the admin was there all along');

    const off = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'scribe', userId: null });
    assert.equal(off.status, 200);
    await b.next((m) => m.type === 'denied' && m.room === room);
    await a.next((m) => m.type === 'presence' && JSON.stringify(m.userIds) === JSON.stringify([org.adminId]));
    assert.deepEqual((await org.admin.get(`/api/crises/${crisisId}/presence`)).body, { userIds: [org.adminId] });
    for (const x of [a, b, c]) x.ws.close();
  });
});
