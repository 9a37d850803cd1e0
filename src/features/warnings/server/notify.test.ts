// Notifications for real: an alert is delivered by the job queue to receivers this test starts on
// loopback — an SMTP server, Slack/Teams/Discord/LINE/generic webhook endpoints — in each one's format,
// signed and with idempotency keys; failing, hanging and refusing receivers are retried, logged and shown.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { deliver, escalate, notifyAlert } from './notify.ts';
import { verifyWebhook } from './notify-send.ts';

type Got = { path: string; headers: http.IncomingHttpHeaders; body: string };
const SECRET = 'a-webhook-secret-of-enough-length';

async function waitFor<T>(what: string, f: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('notifications', () => {
  const got: Got[] = [];
  const mail: Array<{ to: string[]; raw: string }> = [];
  let receiver: http.Server;
  let hanging: http.Server;
  let smtp: SMTPServer;
  let refusing: SMTPServer;
  let base = '';
  let hangUrl = '';
  let smtpPort = 0;
  let refusingPort = 0;
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let alertId = '';

  before(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    hanging = http.createServer(() => {}); // accepts and never answers
    const listen = (s: http.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
    base = `http://127.0.0.1:${await listen(receiver)}`;
    hangUrl = `http://127.0.0.1:${await listen(hanging)}/hook`;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let raw = '';
        stream.on('data', (c) => {
          raw += c;
        });
        stream.on('end', () => {
          mail.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, cb) {
        cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    const smtpListen = (s: SMTPServer) =>
      new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.server.address() as AddressInfo).port)));
    smtpPort = await smtpListen(smtp);
    refusingPort = await smtpListen(refusing);
    ctx = await startTestServer({
      env: {
        FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1',
        FIREBREAK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        FIREBREAK_LINE_API_URL: base,
        FIREBREAK_PUBLIC_URL: 'https://firebreak.example',
      },
    });
    org = await setUpOrg(ctx.url);
    const topicId = (await org.admin.post('/api/topics', { name: '鼎泰豐', query: '鼎泰豐' })).body.id;
    const drivers = {
      mentions: 42,
      negativeMentions: 38,
      reach: 90_000,
      clusters: [{ clusterId: 1, mentionId: 1, mentions: 30, text: '小籠包吃到蟑螂' }],
      authors: [],
      negatives: [],
    };
    const signals = [{ signal: 'negative', observed: 38, expected: 1.2, low: 0, high: 6, deviation: 9.5 }];
    const r = await ctx.server.deps.db.execute(
      `INSERT INTO alerts (org_id, topic_id, risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at)
       VALUES ('${org.orgId}', '${topicId}', 72, 'L2', '${JSON.stringify(signals)}', '${JSON.stringify(drivers)}', now() - interval '1 hour', now(), now(), now()) RETURNING id` as never,
    );
    alertId = (r as unknown as { rows: Array<{ id: string }> }).rows[0].id;
  });

  after(async () => {
    receiver.close();
    hanging.closeAllConnections();
    hanging.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => refusing.close(() => r()));
  });

  const channel = async (name: string, config: object, minSeverity?: string) => {
    const r = await org.admin.post('/api/notification-channels', { name, config, ...(minSeverity ? { minSeverity } : {}) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };

  test('an alert reaches every channel in its own format, signed, with an idempotency key', async () => {
    await channel('公關信箱', { kind: 'email', to: ['pr@acme.example', 'legal@acme.example'] });
    await channel('Slack #crisis', { kind: 'slack', url: `${base}/slack` });
    await channel('Teams', { kind: 'teams', url: `${base}/teams` });
    await channel('Discord', { kind: 'discord', url: `${base}/discord` });
    await channel('LINE 群組', { kind: 'line', token: 'line-channel-access-token', to: 'C1234567890' });
    await channel('SIEM', { kind: 'webhook', url: `${base}/hook`, secret: SECRET });
    await channel('只收 L1', { kind: 'slack', url: `${base}/l1-only` }, 'L1');
    const list = (await org.admin.get('/api/notification-channels')).body;
    assert.equal(list.find((c: { name: string }) => c.name === 'Slack #crisis').target, `${base}/…••••`, 'the webhook URL is masked');
    const n = await ctx.server.deps.db.transaction((tx) => notifyAlert(tx, org.orgId, alertId, 'L2', 'alert.opened'));
    assert.equal(n, 6, 'every channel but the L1-only one');
    assert.equal(await ctx.server.deps.db.transaction((tx) => notifyAlert(tx, org.orgId, alertId, 'L2', 'alert.opened')), 0, 'queued once');
    await waitFor('5 webhooks and an e-mail', async () => (got.length >= 5 && mail.length >= 1 ? true : undefined));
    const by = (p: string) => got.find((g) => g.path === p) as Got;
    assert.match(
      JSON.parse(by('/slack').body).text,
      /^\*【預警 L2】鼎泰豐：風險分數 72\*\n「鼎泰豐」.*https:\/\/firebreak\.example\/alerts\//s,
    );
    const teams = JSON.parse(by('/teams').body);
    assert.deepEqual([teams['@type'], teams.title], ['MessageCard', '【預警 L2】鼎泰豐：風險分數 72']);
    const discord = JSON.parse(by('/discord').body);
    assert.equal(discord.embeds[0].url, `https://firebreak.example/alerts/${alertId}`);
    const line = by('/v2/bot/message/push');
    assert.equal(line.headers.authorization, 'Bearer line-channel-access-token');
    assert.match(String(line.headers['x-line-retry-key']), /^[0-9a-f-]{36}$/);
    assert.equal(JSON.parse(line.body).to, 'C1234567890');
    const hook = by('/hook');
    assert.ok(verifyWebhook(hook.body, String(hook.headers['firebreak-signature']), SECRET, new Date()));
    assert.equal(
      verifyWebhook(hook.body, String(hook.headers['firebreak-signature']), SECRET, new Date(Date.now() + 10 * 60_000)),
      false,
      'replayed later: refused',
    );
    assert.equal(
      verifyWebhook(hook.body.replace('72', '99'), String(hook.headers['firebreak-signature']), SECRET, new Date()),
      false,
      'tampered: refused',
    );
    assert.equal(JSON.parse(hook.body).alert.risk, 72);
    for (const g of got) assert.match(String(g.headers['idempotency-key']), new RegExp(`^${alertId}:alert.opened:L2:`));
    assert.equal(got.filter((g) => g.path === '/l1-only').length, 0);
    assert.deepEqual(mail[0].to.sort(), ['legal@acme.example', 'pr@acme.example']);
    assert.match(mail[0].raw, /Subject: =\?UTF-8\?/);
    assert.match(mail[0].raw, /Idempotency-Key:\s+\S+:alert\.opened:L2:/);
    const text = Buffer.from(mail[0].raw.split('\r\n\r\n')[1].replace(/\s+/g, ''), 'base64').toString('utf8');
    assert.match(text, /^「鼎泰豐」.*負面提及約 38 則.*風險分數 72，建議等級 L2。\n\n開啟預警: https:\/\/firebreak\.example\/alerts\//s);
    const slackId = list.find((c: { name: string }) => c.name === 'Slack #crisis').id;
    const deliveries = await waitFor('the Slack delivery recorded', async () => {
      const d = (await org.admin.get(`/api/notification-channels/${slackId}/deliveries`)).body;
      return d[0]?.status === 'delivered' ? d : undefined;
    });
    assert.deepEqual([deliveries[0].attempts.length, deliveries[0].attempts[0].ok, deliveries[0].attempts[0].statusCode], [1, true, 200]);
    const audit = (await org.admin.get('/api/audit?type=notification.delivered&limit=10')).body.events;
    assert.ok(audit.length >= 6);
  });

  test('the test button sends a test message through the queue', async () => {
    const id = await channel('測試用', { kind: 'slack', url: `${base}/test-button` });
    const r = await org.admin.post(`/api/notification-channels/${id}/test`, {});
    assert.equal(r.status, 202);
    const g = await waitFor('the test message', async () => got.find((x) => x.path === '/test-button'));
    assert.match(JSON.parse(g.body).text, /Firebreak 測試通知/);
  });

  test('failing, hanging and refusing receivers: every attempt logged, the channel shown failing, the last attempt gives up', async () => {
    const deps = {
      db: ctx.server.deps.db,
      clock: { now: () => new Date() },
      send: {
        smtpUrl: `smtp://127.0.0.1:${refusingPort}`,
        smtpFrom: 'Firebreak <fb@acme.example>',
        lineApiUrl: base,
        allowPrivate: ['127.0.0.1'],
        timeoutMs: 1000,
      },
    };
    const cases: Array<[string, object, RegExp]> = [
      ['壞掉的 webhook', { kind: 'webhook', url: `${base}/fail`, secret: SECRET }, /answered 500/],
      ['不回應的 webhook', { kind: 'webhook', url: hangUrl, secret: SECRET }, /No answer within 1 s/],
      ['拒收的信箱', { kind: 'email', to: ['nobody@acme.example'] }, /E-mail failed: .*Mailbox unavailable/],
    ];
    for (const [name, config, error] of cases) {
      const id = await channel(name, config);
      // A delivery row without a queued job: this test drives the attempts itself.
      const d = await ctx.server.deps.db.execute(
        `INSERT INTO notification_deliveries (org_id, channel_id, alert_id, event, idempotency_key)
         VALUES ('${org.orgId}', '${id}', '${alertId}', 'alert.opened', 'manual:${id}') RETURNING id` as never,
      );
      const deliveryId = (d as unknown as { rows: Array<{ id: string }> }).rows[0].id;
      await assert.rejects(deliver(deps, deliveryId, 1, 3), error);
      await assert.rejects(deliver(deps, deliveryId, 2, 3), error);
      await deliver(deps, deliveryId, 3, 3); // the last attempt records the failure instead of throwing
      const ch = (await org.admin.get('/api/notification-channels')).body.find((c: { id: string }) => c.id === id);
      assert.deepEqual([ch.health, ch.consecutiveFailures], ['failing', 3], name);
      assert.match(ch.lastError, error);
      const [dl] = (await org.admin.get(`/api/notification-channels/${id}/deliveries`)).body;
      assert.equal(dl.status, 'failed');
      assert.deepEqual(
        dl.attempts.map((a: { attempt: number; ok: boolean }) => [a.attempt, a.ok]),
        [
          [1, false],
          [2, false],
          [3, false],
        ],
      );
    }
    assert.ok((await org.admin.get('/api/audit?type=notification.failed&limit=5')).body.events.length >= 3);
  });

  test('an alert nobody acknowledges escalates level by level, and stops once someone answers', async () => {
    const l1 = await channel('值班主管', { kind: 'slack', url: `${base}/esc-1` });
    const l2 = await channel('公關長', { kind: 'slack', url: `${base}/esc-2` });
    const grading = { L1: 80, L2: 60, L3: 40 };
    const unknown = await org.admin.request('PUT', '/api/warnings/settings', {
      grading,
      escalation: { levels: [{ afterMinutes: 5, channelIds: ['00000000-0000-4000-8000-000000000000'] }], repeat: 0 },
    });
    assert.equal(unknown.status, 400);
    const escalation = {
      levels: [
        { afterMinutes: 5, channelIds: [l1] },
        { afterMinutes: 10, channelIds: [l2] },
      ],
      repeat: 0,
    };
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading, escalation })).status, 200);
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading: { L1: 85, L2: 60, L3: 40 } })).status, 200);
    assert.deepEqual(
      (await org.admin.get('/api/warnings/settings')).body.escalation,
      escalation,
      'saving the grading alone keeps escalation',
    );
    const topic = (await org.admin.post('/api/topics', { name: '外送', query: '外送' })).body.id;
    const r = await ctx.server.deps.db.execute(
      `INSERT INTO alerts (org_id, topic_id, risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at)
       SELECT org_id, '${topic}', risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at FROM alerts WHERE id = '${alertId}' RETURNING id` as never,
    );
    const second = (r as unknown as { rows: Array<{ id: string }> }).rows[0].id;
    const deps = { db: ctx.server.deps.db, clock: { now: () => new Date() } };
    assert.equal(await escalate(deps, second, 1), 'escalated');
    await waitFor('level 1', async () => got.find((g) => g.path === '/esc-1'));
    const next = await ctx.server.deps.db.execute(
      `SELECT round(extract(epoch FROM run_at - now()) / 60) AS minutes FROM graphile_worker.jobs WHERE key = 'warnings:escalate:${second}:2'` as never,
    );
    assert.equal(Number((next as unknown as { rows: Array<{ minutes: string }> }).rows[0].minutes), 10, 'level 2 is due in 10 minutes');
    assert.equal(await escalate(deps, second, 2), 'escalated');
    await waitFor('level 2', async () => got.find((g) => g.path === '/esc-2'));
    assert.equal(await escalate(deps, second, 3), 'done', 'no repeats configured');
    const log = (await org.admin.get('/api/audit?type=alert.escalated&limit=5')).body.events;
    assert.deepEqual(log.map((e: { data: { level: number } }) => e.data.level).sort(), [1, 2]);
    assert.equal((await org.admin.post(`/api/alerts/${second}/acknowledge`, {})).status, 200);
    const before = got.length;
    assert.equal(await escalate(deps, second, 1), 'answered');
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(got.length, before, 'nothing more is sent once acknowledged');
  });

  test('an escalation level can page whoever is on call now, by e-mail; schedules show their gaps', async () => {
    const member = await org.userWithRole('member');
    const base = { timeZone: 'Asia/Taipei', startDate: '2026-01-05', handoffTime: '09:00', lengthDays: 7, overrides: [] };
    const stranger = await org.admin.post('/api/oncall-schedules', {
      ...base,
      name: 'x',
      participants: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(stranger.status, 400);
    const office = await org.admin.post('/api/oncall-schedules', {
      ...base,
      name: '上班時間',
      participants: [member.id],
      coverage: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }],
    });
    assert.equal(office.status, 201, JSON.stringify(office.body));
    const cover = (await org.admin.get(`/api/oncall-schedules/${office.body.id}/coverage?days=7`)).body;
    assert.equal(cover.gapMinutes, 7 * 1440 - 5 * 9 * 60, 'all but 45 office hours a week is a gap');
    const always = await org.admin.post('/api/oncall-schedules', { ...base, name: '全天', participants: [member.id] });
    assert.equal(always.body.onCallNow, member.id);
    const grading = { L1: 80, L2: 60, L3: 40 };
    const escalation = { levels: [{ afterMinutes: 5, channelIds: [], scheduleIds: [always.body.id] }], repeat: 0 };
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading, escalation })).status, 200);
    const topic = (await org.admin.post('/api/topics', { name: '客服', query: '客服' })).body.id;
    const r = await ctx.server.deps.db.execute(
      `INSERT INTO alerts (org_id, topic_id, risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at)
       SELECT org_id, '${topic}', risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at FROM alerts WHERE id = '${alertId}' RETURNING id` as never,
    );
    const third = (r as unknown as { rows: Array<{ id: string }> }).rows[0].id;
    const before = mail.length;
    assert.equal(await escalate({ db: ctx.server.deps.db, clock: { now: () => new Date() } }, third, 1), 'escalated');
    const m = await waitFor('the on-call e-mail', async () => (mail.length > before ? mail.at(-1) : undefined));
    assert.deepEqual(m?.to, [member.email]);
    const log = (await org.admin.get('/api/audit?type=alert.escalated&limit=1')).body.events[0];
    assert.deepEqual(log.data.people, [member.id]);
    // Quiet hours around now: a page below the bypass risk is held back (and logged), above it is not.
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const quietHours = { from: hhmm(new Date(Date.now() - 3_600_000)), to: hhmm(new Date(Date.now() + 3_600_000)), timeZone: 'UTC' };
    assert.equal(
      (
        await member.client.request('PUT', '/api/me/notification-preferences', {
          quietHours: { ...quietHours, timeZone: 'UTC', to: quietHours.from },
        })
      ).status,
      400,
    );
    assert.equal((await member.client.request('PUT', '/api/me/notification-preferences', { quietHours })).status, 200);
    assert.deepEqual((await member.client.get('/api/me/notification-preferences')).body, { quietHours });
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading, quietHoursBypassRisk: 90 })).status, 200);
    const topic2 = (await org.admin.post('/api/topics', { name: '退款', query: '退款' })).body.id;
    const r2 = await ctx.server.deps.db.execute(
      `INSERT INTO alerts (org_id, topic_id, risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at)
       SELECT org_id, '${topic2}', risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at FROM alerts WHERE id = '${alertId}' RETURNING id` as never,
    );
    const fourth = (r2 as unknown as { rows: Array<{ id: string }> }).rows[0].id;
    const quietBefore = mail.length;
    assert.equal(await escalate({ db: ctx.server.deps.db, clock: { now: () => new Date() } }, fourth, 1), 'escalated');
    const held = (await org.admin.get('/api/audit?type=alert.escalated&limit=1')).body.events[0];
    assert.deepEqual([held.data.people, held.data.quiet], [[], [member.id]]);
    await new Promise((res) => setTimeout(res, 500));
    assert.equal(mail.length, quietBefore, 'risk 72 is below the bypass of 90: nobody woken');
  });

  test('bad channel settings are refused with the field named', async () => {
    const bad: Array<[object, string]> = [
      [{ name: 'x', config: { kind: 'slack', url: 'javascript:alert(1)' } }, 'config.url'],
      [{ name: 'x', config: { kind: 'email', to: [] } }, 'config.to'],
      [{ name: 'x', config: { kind: 'webhook', url: `${base}/x`, secret: 'short' } }, 'config.secret'],
      [{ name: 'x', config: { kind: 'pager', url: `${base}/x` } }, 'config.kind'],
    ];
    for (const [body, field] of bad) {
      const r = await org.admin.post('/api/notification-channels', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(JSON.stringify(r.body.errors).includes(field), `${field}: ${JSON.stringify(r.body.errors)}`);
    }
    assert.equal(
      (await org.admin.post('/api/notification-channels', { name: 'Slack #crisis', config: { kind: 'slack', url: `${base}/y` } })).status,
      409,
    );
  });
});
