// Notifications for real: an alert is delivered by the job queue to receivers this test starts on
// loopback — an SMTP server, Slack/Teams/Discord/LINE/generic webhook endpoints — in each one's format,
// signed and with idempotency keys; failing, hanging and refusing receivers are retried, logged and shown; and the
// escalation policy's test: its plan for an alert opening now, and a test message per level that really arrives.
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

/** An e-mail's Subject header with its MIME encoded-words (RFC 2047) decoded. */
function subjectOf(raw: string): string {
  const header = (/^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '').replace(/\r\n[ \t]/g, ' ');
  const bytes: Buffer[] = [];
  let rest = header;
  for (let m = /^\s*=\?UTF-8\?([BQ])\?([^?]*)\?=/i.exec(rest); m; m = /^\s*=\?UTF-8\?([BQ])\?([^?]*)\?=/i.exec(rest)) {
    const [all, enc, text] = m;
    bytes.push(
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ),
    );
    rest = rest.slice(all.length);
  }
  return Buffer.concat(bytes).toString('utf8') + rest;
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

  test('testing the escalation policy lays out the ladder for now and sends each level a marked test message', async () => {
    const onCall = await org.userWithRole('member', '值班小王');
    const sleeping = await org.userWithRole('member', '睡覺的小李');
    const manager = await org.userWithRole('manager');
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const quietHours = {
      from: hhmm(new Date(Date.now() - 3 * 3_600_000)),
      to: hhmm(new Date(Date.now() + 3 * 3_600_000)),
      timeZone: 'UTC',
    };
    assert.equal((await sleeping.client.request('PUT', '/api/me/notification-preferences', { quietHours })).status, 200);
    const rota = { timeZone: 'Asia/Taipei', handoffTime: '09:00', lengthDays: 7, overrides: [] };
    const schedule = async (name: string, who: string, startDate: string) => {
      const r = await org.admin.post('/api/oncall-schedules', { ...rota, name, participants: [who], startDate });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    const day = await schedule('白天值班', onCall.id, '2026-01-05');
    const night = await schedule('夜間值班', sleeping.id, '2026-01-05');
    const notYet = await schedule('尚未開始', onCall.id, '2099-01-05'); // nobody on call before its first hand-over: a gap
    const hook = await channel('升級測試 webhook', { kind: 'webhook', url: `${base}/esc-test-hook`, secret: SECRET });
    const slack = await channel('升級測試 Slack', { kind: 'slack', url: `${base}/esc-test-slack` });
    const off = await channel('停用的管道', { kind: 'slack', url: `${base}/esc-test-off` });
    assert.equal((await org.admin.patch(`/api/notification-channels/${off}`, { enabled: false })).status, 200);
    const grading = { L1: 80, L2: 60, L3: 40 };
    const saved = { levels: [{ afterMinutes: 5, channelIds: [slack] }], repeat: 0 };
    const put = await org.admin.request('PUT', '/api/warnings/settings', { grading, escalation: saved, quietHoursBypassRisk: 80 });
    assert.equal(put.status, 200);
    const count = async (q: string) =>
      Number(((await ctx.server.deps.db.execute(q as never)) as unknown as { rows: Array<{ n: string }> }).rows[0].n);
    const alertsBefore = await count('SELECT count(*) AS n FROM alerts');
    const escalationJobs = `SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'warnings:escalate'`;
    const escalationsBefore = await count(escalationJobs);
    const mailBefore = mail.length;

    // An unsaved policy: two levels, repeated once.
    const draft = {
      levels: [
        { afterMinutes: 5, channelIds: [hook], scheduleIds: [day] },
        { afterMinutes: 10, channelIds: [slack, off], scheduleIds: [notYet, night] },
      ],
      repeat: 1,
    };
    const r = await org.admin.post('/api/warnings/settings/escalation/test', { escalation: draft });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const plan = r.body;
    assert.deepEqual([plan.source, plan.quietHoursBypassRisk], ['draft', 80]);
    assert.deepEqual(
      plan.steps.map((s: { step: number; level: number; round: number; afterMinutes: number }) => [
        s.step,
        s.level,
        s.round,
        s.afterMinutes,
      ]),
      [
        [1, 1, 1, 5],
        [2, 2, 1, 15],
        [3, 1, 2, 20],
        [4, 2, 2, 30],
      ],
    );
    assert.equal(Date.parse(plan.steps[1].at) - Date.parse(plan.openedAt), 15 * 60_000);
    const [first, second] = plan.steps;
    assert.deepEqual(first.channels, [
      { id: hook, name: '升級測試 webhook', kind: 'webhook', health: 'unused', enabled: true, test: 'queued' },
    ]);
    assert.deepEqual(first.schedules, [
      { id: day, name: '白天值班', onCall: { userId: onCall.id, name: '值班小王', quietHours: false, test: 'queued' } },
    ]);
    assert.deepEqual(
      second.channels.map((c: { name: string; enabled: boolean; test: string }) => [c.name, c.enabled, c.test]),
      [
        ['升級測試 Slack', true, 'queued'],
        ['停用的管道', false, 'disabled'],
      ],
    );
    assert.deepEqual(second.schedules, [
      { id: notYet, name: '尚未開始', onCall: null },
      { id: night, name: '夜間值班', onCall: { userId: sleeping.id, name: '睡覺的小李', quietHours: true, test: 'quiet_hours' } },
    ]);
    assert.deepEqual([plan.sent.channels, plan.sent.people, plan.sent.deliveryIds.length], [2, 1, 3], 'once per level and receiver');

    // The tests really arrive, marked as tests, each naming its level.
    const hookGot = await waitFor('the level-1 webhook test', async () => got.find((g) => g.path === '/esc-test-hook'));
    const payload = JSON.parse(hookGot.body);
    assert.deepEqual([payload.type, payload.alert, payload.title], ['test', null, 'Firebreak 測試通知（Acme 食品 · 升級流程第 1 層）']);
    assert.ok(verifyWebhook(hookGot.body, String(hookGot.headers['firebreak-signature']), SECRET, new Date()));
    assert.match(String(hookGot.headers['idempotency-key']), /^test:escalation:1:/);
    const slackGot = await waitFor('the level-2 Slack test', async () => got.find((g) => g.path === '/esc-test-slack'));
    assert.match(JSON.parse(slackGot.body).text, /^\*Firebreak 測試通知（Acme 食品 · 升級流程第 2 層）\*\n這是一則測試訊息/);
    const page = await waitFor('the on-call person’s test e-mail', async () =>
      mail.slice(mailBefore).find((m) => m.to.includes(onCall.email)),
    );
    assert.equal(subjectOf(page.raw), 'Firebreak 測試通知（Acme 食品 · 升級流程第 1 層）');
    assert.match(page.raw, /Idempotency-Key:\s+test:escalation:1:/);
    const logged = await waitFor('the webhook’s delivery log', async () => {
      const d = (await org.admin.get(`/api/notification-channels/${hook}/deliveries`)).body;
      return d[0]?.status === 'delivered' ? d : undefined;
    });
    assert.deepEqual([logged.length, logged[0].event, logged[0].alertId], [1, 'test', null]);
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(got.filter((g) => g.path === '/esc-test-slack').length, 1, 'one test per level, not per round');
    assert.equal(got.filter((g) => g.path === '/esc-test-off').length, 0, 'a disabled channel is skipped, as escalation skips it');
    assert.equal(mail.slice(mailBefore).filter((m) => m.to.includes(sleeping.email)).length, 0, 'nobody in quiet hours is woken by a test');

    // Nothing real happened: no alert, no escalation scheduled, the saved policy untouched; the test is in the audit log.
    assert.equal(await count('SELECT count(*) AS n FROM alerts'), alertsBefore);
    assert.equal(await count(escalationJobs), escalationsBefore);
    assert.deepEqual((await org.admin.get('/api/warnings/settings')).body.escalation, saved);
    const [event] = (await org.admin.get('/api/audit?type=warning.escalation_tested&limit=1')).body.events;
    assert.deepEqual([event.data.source, event.data.channels, event.data.people], ['draft', 2, 1]);
    assert.deepEqual(
      event.data.gaps.map((g: { step: number }) => g.step),
      [2, 4],
    );

    // Without a body: the saved policy.
    const savedPlan = await org.admin.post('/api/warnings/settings/escalation/test');
    assert.equal(savedPlan.status, 202, JSON.stringify(savedPlan.body));
    assert.deepEqual(
      [savedPlan.body.source, savedPlan.body.steps.length, savedPlan.body.steps[0].channels[0].name],
      ['saved', 1, '升級測試 Slack'],
    );
    // Nothing to test, a channel that does not exist, and people who may not configure warnings.
    const empty = await org.admin.post('/api/warnings/settings/escalation/test', { escalation: { levels: [], repeat: 0 } });
    assert.deepEqual([empty.status, empty.body.code, empty.body.errors[0].code], [409, 'conflict', 'no_levels']);
    assert.match(empty.body.detail, /no levels to test/);
    const ghost = { levels: [{ afterMinutes: 5, channelIds: ['00000000-0000-4000-8000-000000000000'] }], repeat: 0 };
    assert.equal((await org.admin.post('/api/warnings/settings/escalation/test', { escalation: ghost })).status, 400);
    assert.equal((await org.admin.post('/api/warnings/settings/escalation/test', { escalation: { levels: 'x' } })).status, 400);
    for (const who of [manager, onCall]) assert.equal((await who.client.post('/api/warnings/settings/escalation/test', {})).status, 403);
    assert.equal(
      (await org.admin.request('PUT', '/api/warnings/settings', { grading, escalation: { levels: [], repeat: 0 } })).status,
      200,
    );
    const none = await org.admin.post('/api/warnings/settings/escalation/test', {});
    assert.deepEqual([none.status, none.body.errors[0].code], [409, 'no_levels']);
    assert.match(none.body.detail, /No escalation policy is set up/);
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
