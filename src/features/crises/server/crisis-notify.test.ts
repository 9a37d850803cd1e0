// Crisis messages for real: a crisis declared through the API, then its messages queued by
// notifyCrisisPeople inside a transaction and delivered by the job queue to receivers on loopback — an SMTP
// server for the people, a Slack endpoint and a signed generic webhook for the organisation's channels — in
// the organisation's language, once per cause; quiet hours hold back an overdue task at L3, never a page at L1.

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { bodyOf, headerOf, type Mail, startMailbox, waitFor } from '../../../../test/helpers/mail.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { verifyWebhook } from '../../warnings/server/notify-send.ts';
import { notifyCrisisPeople } from './crisis-notify.ts';

type Got = { path: string; headers: http.IncomingHttpHeaders; body: string };
const SECRET = 'a-webhook-secret-of-enough-length';
/** 02:00 in Taipei: inside the member's quiet hours (23:00–07:00 Asia/Taipei). */
const NIGHT = new Date('2026-03-10T18:00:00Z');
/** 14:00 in Taipei: outside them. */
const DAY = new Date('2026-03-10T06:00:00Z');

describe('crisis messages', () => {
  const got: Got[] = [];
  const mail: Mail[] = [];
  let receiver: http.Server;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let base = '';
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let member: { client: Client; id: string; email: string };
  let crisisId = '';
  let number = 0;

  const notify = (m: Parameters<typeof notifyCrisisPeople>[1]) => ctx.server.db.transaction((tx) => notifyCrisisPeople(tx, m));
  const mailFor = (email: string, cause: string) =>
    mail.find((x) => x.to.includes(email) && headerOf(x.raw, 'Idempotency-Key').includes(`:${cause}`));
  const postFor = (path: string, cause: string) =>
    got.find((g) => g.path === path && String(g.headers['idempotency-key']).endsWith(`:${cause}`));

  before(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    base = `http://127.0.0.1:${await new Promise<number>((r) => receiver.listen(0, '127.0.0.1', () => r((receiver.address() as AddressInfo).port)))}`;
    mailbox = await startMailbox(mail);
    const smtpPort = mailbox.port;
    ctx = await startTestServer({
      env: {
        FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1',
        FIREBREAK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        FIREBREAK_PUBLIC_URL: 'https://firebreak.example',
      },
    });
    org = await setUpOrg(ctx.url);
    member = await org.userWithRole('member', '林法務');
    const q = await member.client.request('PUT', '/api/me/notification-preferences', {
      quietHours: { from: '23:00', to: '07:00', timeZone: 'Asia/Taipei' },
    });
    assert.equal(q.status, 200, JSON.stringify(q.body));
    for (const [name, config, minSeverity] of [
      ['Slack #crisis', { kind: 'slack', url: `${base}/slack` }, 'L2'],
      ['SIEM', { kind: 'webhook', url: `${base}/hook`, secret: SECRET }, 'L4'],
      ['Only L2+ but off', { kind: 'slack', url: `${base}/off` }, 'L4'],
    ] as const) {
      const r = await org.admin.post('/api/notification-channels', { name, config, minSeverity, enabled: name !== 'Only L2+ but off' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    const c = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L1' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    crisisId = c.body.id;
    number = c.body.number;
    const t = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'legal_counsel', userId: member.id });
    assert.equal(t.status, 200, JSON.stringify(t.body));
  });

  after(async () => {
    receiver.close();
    await mailbox.close();
  });

  test('paging the team of an L1 crisis: an e-mail per person in zh-TW (quiet hours overridden), the channels, signed; once', async () => {
    const n = await notify({
      orgId: org.orgId,
      crisisId,
      kind: 'team_paged',
      userIds: [org.adminId, member.id],
      data: { cause: 'page-1' },
      at: NIGHT,
    });
    assert.equal(n, 4, 'two people, the Slack channel (L2 and above) and the webhook; not the disabled channel');
    const again = await notify({
      orgId: org.orgId,
      crisisId,
      kind: 'team_paged',
      userIds: [member.id],
      data: { cause: 'page-1' },
      at: NIGHT,
    });
    assert.equal(again, 0, 'the same cause is queued once');

    const toMember = await waitFor('the member’s e-mail', () => mailFor(member.email, 'page-1'));
    const subject = headerOf(toMember.raw, 'Subject');
    assert.equal(subject, `【危機召集 L1】#${number} 信義店食安事件`);
    const text = bodyOf(toMember.raw);
    assert.match(text, new RegExp(`已宣告 L1 危機 #${number}「信義店食安事件」（已宣告）。你被指派為法務，請立即進入危機室。`));
    assert.match(text, new RegExp(`開啟危機室: https://firebreak\\.example/crises/${crisisId}\\s*$`));
    const toAdmin = await waitFor('the commander’s e-mail', () => mailFor(org.adminEmail, 'page-1'));
    assert.match(bodyOf(toAdmin.raw), /你被指派為指揮官/);
    assert.equal(headerOf(toAdmin.raw, 'Idempotency-Key').trim(), `crisis:${crisisId}:team_paged:user:${org.adminId}:page-1`);

    const slack = await waitFor('the Slack post', () => postFor('/slack', 'page-1'));
    assert.match(
      JSON.parse(slack.body).text,
      new RegExp(`^\\*【危機召集 L1】#${number} 信義店食安事件\\*\\n已宣告 L1 危機.*應變小組已召集。`, 's'),
    );
    assert.match(JSON.parse(slack.body).text, /https:\/\/firebreak\.example\/crises\//);
    const hook = await waitFor('the webhook', () => postFor('/hook', 'page-1'));
    assert.ok(verifyWebhook(hook.body, String(hook.headers['firebreak-signature']), SECRET, new Date()), 'HMAC-signed');
    assert.equal(verifyWebhook(hook.body.replace('L1', 'L4'), String(hook.headers['firebreak-signature']), SECRET, new Date()), false);
    const json = JSON.parse(hook.body);
    assert.equal(json.type, 'crisis.team_paged');
    assert.deepEqual(json.crisis, { id: crisisId, number, severity: 'L1', kind: 'team_paged' });
    assert.equal(json.url, `https://firebreak.example/crises/${crisisId}`);
    assert.equal(hook.headers['firebreak-event'], 'crisis.team_paged');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(got.filter((g) => g.path === '/off').length, 0, 'a disabled channel hears nothing');

    const rows = await ctx.server.db.execute<{ crisis_id: string; status: string; payload: { title: string; link: string } }>(
      `SELECT crisis_id, status, payload FROM notification_deliveries WHERE idempotency_key LIKE '%:page-1' ORDER BY created_at` as never,
    );
    assert.equal(rows.rows.length, 4);
    for (const r of rows.rows) {
      assert.equal(r.crisis_id, crisisId);
      assert.equal(r.payload.link, `/crises/${crisisId}`, 'the words are fixed in the row; the link is a path');
    }
  });

  test('quiet hours: an overdue task at L3 waits for the end of quiet hours; at L1 it does not; informing reaches no channel', async () => {
    const l3 = await org.admin.post('/api/crises', { title: '客服回覆爭議', type: 'service_failure', severity: 'L3' });
    assert.equal(l3.status, 201);
    const overdue = (id: string, at: Date, cause: string) =>
      notify({
        orgId: org.orgId,
        crisisId: id,
        kind: 'task_overdue',
        userIds: [org.adminId, member.id],
        data: { taskTitle: '發布初步聲明', dueAt: '2026-03-10T17:00:00Z', cause },
        at,
      });
    // Read the queued jobs inside the queuing transaction, before the worker (on the real clock, for which
    // this night is long past) can run them.
    const runAt = await ctx.server.db.transaction(async (tx) => {
      const queued = await notifyCrisisPeople(tx, {
        orgId: org.orgId,
        crisisId: l3.body.id,
        kind: 'task_overdue',
        userIds: [org.adminId, member.id],
        data: { taskTitle: '發布初步聲明', dueAt: '2026-03-10T17:00:00Z', cause: 'night-l3' },
        at: NIGHT,
      });
      assert.equal(queued, 2, 'both are queued; the member’s waits for the end of quiet hours');
      const held = await tx.execute<{ user_id: string; run_at: Date }>(sql`
        SELECT d.user_id, j.run_at FROM notification_deliveries d JOIN graphile_worker.jobs j ON j.key = 'notify:deliver:' || d.id::text
        WHERE d.idempotency_key LIKE '%:night-l3'`);
      return new Map(held.rows.map((r) => [r.user_id, new Date(r.run_at).getTime()]));
    });
    // 02:00 in Taipei with quiet hours 23:00–07:00: held until 07:00 Taipei (23:00 UTC); the commander's goes now.
    assert.equal(new Date(runAt.get(member.id) ?? 0).toISOString(), '2026-03-10T23:00:00.000Z');
    assert.ok((runAt.get(org.adminId) ?? Number.POSITIVE_INFINITY) > Date.now() - 60_000, 'the commander’s runs at once');
    assert.equal(await overdue(l3.body.id, DAY, 'day-l3'), 2, 'by day, both');
    assert.equal(await overdue(crisisId, NIGHT, 'night-l1'), 2, 'at L1 quiet hours do not hold it back');
    const m = await waitFor('the L1 overdue e-mail', () => mailFor(member.email, 'night-l1'));
    assert.equal(headerOf(m.raw, 'Subject'), `【任務逾期 L1】#${number} 信義店食安事件`);
    assert.match(bodyOf(m.raw), /任務「發布初步聲明」已逾期（期限 2026\/03\/11 01:00）/);

    const informed = await notify({ orgId: org.orgId, crisisId, kind: 'team_informed', userIds: [member.id], data: { cause: 'inform-1' } });
    assert.equal(informed, 1, 'the person only: informing is not a page');
  });

  test('declaring pages the channels even with nobody else on the team; raising the level pages the new level’s roles', async () => {
    const small = await org.admin.post('/api/crises', { title: '門市排隊抱怨', type: 'service_failure', severity: 'L4' });
    assert.equal(small.status, 201, JSON.stringify(small.body));
    const deliveries = async () =>
      (
        await ctx.server.db.execute<{ target: string; event: string }>(sql`
          SELECT coalesce(c.name, u.name) AS target, d.event FROM notification_deliveries d
          LEFT JOIN notification_channels c ON c.id = d.channel_id LEFT JOIN users u ON u.id = d.user_id
          WHERE d.crisis_id = ${small.body.id} ORDER BY 1`)
      ).rows.map((r) => `${r.event} → ${r.target}`);
    assert.deepEqual(await deliveries(), ['crisis.team_paged → SIEM'], 'the L4 channel hears of it; Slack (L2 and above) does not');
    const team = await org.admin.request('PUT', `/api/crises/${small.body.id}/team`, { role: 'legal_counsel', userId: member.id });
    assert.equal(team.status, 200, JSON.stringify(team.body));
    const up = await org.admin.post(`/api/crises/${small.body.id}/severity`, {
      severity: 'L1',
      reason: '媒體開始報導',
      version: team.body.version,
    });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    assert.deepEqual(await deliveries(), [
      'crisis.team_paged → SIEM',
      'crisis.team_paged → SIEM',
      'crisis.team_paged → Slack #crisis',
      'crisis.team_paged → 林法務',
    ]);
    const down = await org.admin.post(`/api/crises/${small.body.id}/severity`, {
      severity: 'L3',
      reason: '已控制',
      version: up.body.version,
    });
    assert.equal(down.status, 200);
    assert.equal((await deliveries()).length, 4, 'lowering the level pages nobody');
  });

  test('an English organisation gets English words; another organisation’s id finds no crisis', async () => {
    const o = await org.admin.request('PATCH', '/api/org', { defaultLocale: 'en' });
    assert.ok(o.status < 300, JSON.stringify(o.body));
    assert.equal(
      await notify({
        orgId: org.orgId,
        crisisId,
        kind: 'mentioned',
        userIds: [member.id],
        data: { byName: 'Ada Admin', taskTitle: 'Holding statement', excerpt: '@林法務 please review', cause: 'mention-1' },
        at: DAY,
      }),
      1,
    );
    const m = await waitFor('the mention e-mail', () => mailFor(member.email, 'mention-1'));
    assert.equal(headerOf(m.raw, 'Subject'), `[Mentioned L1] #${number} 信義店食安事件`);
    assert.match(
      bodyOf(m.raw),
      /Ada Admin mentioned you in crisis #\d+ “信義店食安事件”, task “Holding statement”: “@林法務 please review”/,
    );
    assert.equal(
      await notify({ orgId: crypto.randomUUID(), crisisId, kind: 'mentioned', userIds: [member.id], data: { cause: 'x' } }),
      0,
      'another organisation’s id finds no crisis',
    );
    // Without an id or cause, the words themselves are the cause: the same message once, another one again.
    const bare = (text: string) =>
      notify({ orgId: org.orgId, crisisId, kind: 'mentioned', userIds: [member.id], data: { by: 'Ada Admin', text }, at: DAY });
    assert.equal(await bare('first'), 1);
    assert.equal(await bare('first'), 0);
    assert.equal(await bare('second'), 1);
    await org.admin.request('PATCH', '/api/org', { defaultLocale: 'zh-TW' });
  });
});
