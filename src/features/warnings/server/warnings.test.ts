// Early warning end to end on a real server and database with a test clock: calm history, a burst of
// negative reposts that opens one alert (updated, not duplicated, while it lasts), acknowledge and
// dismiss with their guards, backfilled old mentions that must not fire, grading settings, archived topics.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { PASSWORD } from '../../../../test/helpers/client.ts';
import { MIN, START, STORY, startCalmTopic } from '../../../../test/helpers/warnings.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { alertSummaryText } from '../summary.ts';
import { runDetection } from './run.ts';

const story = STORY;

describe('early warning', () => {
  const clock = createTestClock(new Date(START.getTime() + 3 * 86_400_000));
  let ctx: Awaited<ReturnType<typeof startCalmTopic>>['ctx'];
  let org: Awaited<ReturnType<typeof startCalmTopic>>['org'];
  let push: Awaited<ReturnType<typeof startCalmTopic>>['push'];
  let topicId = '';
  const deps = () => ({ db: ctx.server.db, clock });
  /** Moves the clock to `ms` after the start of the bucket containing `at`, plus the lag. */
  const afterBucketOf = (at: Date) => clock.set(new Date(Math.floor(at.getTime() / (5 * MIN)) * 5 * MIN + 5 * MIN + 61_000));
  /** `count` negative reposts from `at`, the first by an influencer (250,000 followers). */
  const burst = async (at: Date, count: number) => {
    await push(
      Array.from({ length: count }, (_, i) => ({
        text: i % 3 === 0 ? story : `轉貼 ${story}`,
        at: new Date(at.getTime() + i * 1000),
        author: i === 0 ? '美食網紅小雅' : undefined,
        followers: i === 0 ? 250_000 : 50,
      })),
    );
  };

  before(async () => {
    ({ ctx, org, push, topicId } = await startCalmTopic(clock));
  });

  test('a new topic learns from its history quietly, then a burst of negative reposts opens one alert', async () => {
    const first = await runDetection(deps());
    assert.equal(first.opened, 0, 'cold start never alerts');
    assert.ok(first.buckets > 500, `learned from history (${first.buckets} buckets)`);
    const channel = await org.admin.post('/api/notification-channels', {
      name: '值班',
      config: { kind: 'slack', url: 'https://hooks.slack.example/T/B/x' },
    });
    assert.equal(channel.status, 201);
    const escalation = { levels: [{ afterMinutes: 15, channelIds: [channel.body.id] }], repeat: 1 };
    const grading = { L1: 80, L2: 60, L3: 40 };
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading, escalation })).status, 200);
    const at = new Date(clock.now().getTime() + 2 * MIN);
    await burst(at, 30);
    afterBucketOf(at);
    const r = await runDetection(deps());
    assert.equal(r.opened, 1);
    // Opening notified the channel and put the first escalation step on the queue.
    const q = async (text: string) =>
      (await ctx.server.deps.db.execute(text as never)) as unknown as { rows: Array<Record<string, unknown>> };
    const deliveries = await q(`SELECT event FROM notification_deliveries WHERE channel_id = '${channel.body.id}'`);
    assert.deepEqual(
      deliveries.rows.map((d) => d.event),
      ['alert.opened'],
    );
    const steps = await q(`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'warnings:escalate'`);
    assert.equal(steps.rows.length, 1);
    // The channel points nowhere real: switch it off so the queue stops retrying it.
    await org.admin.patch(`/api/notification-channels/${channel.body.id}`, { enabled: false });
    const list = await org.admin.get('/api/alerts?status=active');
    assert.equal(list.status, 200);
    assert.equal(list.body.alerts.length, 1);
    assert.deepEqual(list.body.counts, { open: 1, acknowledged: 0, dismissed: 0, declared: 0 });
    const a = (await org.admin.get(`/api/alerts/${list.body.alerts[0].id}`)).body;
    assert.equal(a.topicName, '鼎泰豐');
    assert.equal(a.status, 'open');
    const moved = a.signals.map((s: { signal: string }) => s.signal);
    assert.ok(moved.includes('volume') && moved.includes('negative'), `moved: ${moved}`);
    const neg = a.signals.find((s: { signal: string }) => s.signal === 'negative');
    assert.ok(neg.observed >= 20 && neg.expected < 2 && neg.high < neg.observed, JSON.stringify(neg));
    assert.ok(a.risk >= 60, `risk ${a.risk}`);
    assert.ok(['L1', 'L2'].includes(a.severity));
    assert.ok(
      a.drivers.mentions >= 30 && a.drivers.mentions <= 32,
      `${a.drivers.mentions} mentions in the window (the burst and the odd calm one)`,
    );
    assert.ok(a.drivers.negativeMentions >= 20);
    assert.equal(a.drivers.clusters[0].mentions >= 20, true, 'the reposts are one story');
    assert.equal(a.drivers.authors[0].author, '美食網紅小雅');
    assert.ok(a.drivers.negatives.length > 0 && a.drivers.negatives[0].text.includes('蟑螂'));
    const zh = alertSummaryText(a, 'zh-TW');
    assert.match(zh, /「鼎泰豐」.*負面提及約 \d+ 則.*最大的轉貼群有 \d+ 則.*美食網紅小雅.*風險分數 \d+，建議等級 L[12]。/s);
    assert.match(alertSummaryText(a, 'en'), /^鼎泰豐, .* negative against .* Risk \d+, suggested severity L[12]\.$/s);
  });

  test('while the topic stays hot the open alert is updated, never duplicated', async () => {
    const before = (await org.admin.get('/api/alerts?status=active')).body.alerts[0];
    const at = new Date(clock.now().getTime() + MIN);
    await burst(at, 40);
    afterBucketOf(at);
    const r = await runDetection(deps());
    assert.equal(r.opened, 0);
    assert.ok(r.updated >= 1);
    const list = (await org.admin.get('/api/alerts')).body;
    assert.equal(list.alerts.length, 1);
    const after = list.alerts[0];
    assert.ok(after.version > before.version);
    assert.ok(after.windowEnd > before.windowEnd);
    const mentions = (await org.admin.get(`/api/alerts/${after.id}`)).body.drivers.mentions;
    assert.ok(mentions >= 70 && mentions <= 73, `${mentions}: both bursts are in the window`);
  });

  test('acknowledge and dismiss: reasons required, stale versions and repeats refused, everything audited', async () => {
    const a = (await org.admin.get('/api/alerts?status=active')).body.alerts[0];
    const member = (await org.userWithRole('member')).client;
    assert.equal((await member.post(`/api/alerts/${a.id}/acknowledge`, { version: a.version - 1 })).status, 409);
    const acked = await member.post(`/api/alerts/${a.id}/acknowledge`, { version: a.version });
    assert.equal(acked.status, 200);
    assert.equal(acked.body.status, 'acknowledged');
    assert.ok(acked.body.acknowledgedBy && acked.body.acknowledgedAt);
    assert.equal((await member.post(`/api/alerts/${a.id}/acknowledge`, {})).status, 409);
    const noReason = await member.post(`/api/alerts/${a.id}/dismiss`, { note: '沒有理由' });
    assert.equal(noReason.status, 400);
    const badReason = await member.post(`/api/alerts/${a.id}/dismiss`, { reason: 'bored' });
    assert.equal(badReason.status, 400);
    const dismissed = await member.post(`/api/alerts/${a.id}/dismiss`, { reason: 'known_event', note: '門市已處理，官方已回應' });
    assert.equal(dismissed.status, 200);
    assert.deepEqual(
      [dismissed.body.status, dismissed.body.dismissReason, dismissed.body.dismissNote],
      ['dismissed', 'known_event', '門市已處理，官方已回應'],
    );
    assert.equal((await member.post(`/api/alerts/${a.id}/dismiss`, { reason: 'false_alarm' })).status, 409);
    const audit = (await org.admin.get('/api/audit?type=alert.dismissed&limit=1')).body.events[0];
    assert.equal(audit.data.reason, 'known_event');
    assert.equal((await org.admin.get('/api/alerts?status=active')).body.alerts.length, 0);
  });

  test('mentions backfilled from two days ago do not fire a spike now', async () => {
    const past = new Date(clock.now().getTime() - 2 * 86_400_000);
    await burst(past, 120);
    clock.advance(5 * MIN);
    const r = await runDetection(deps());
    assert.equal(r.opened, 0);
    assert.deepEqual((await org.admin.get('/api/alerts')).body.counts, { open: 0, acknowledged: 0, dismissed: 1, declared: 0 });
  });

  test('grading thresholds are validated, audited and used for new alerts; archived topics stop and say so', async () => {
    assert.equal((await org.admin.request('PUT', '/api/warnings/settings', { grading: { L1: 40, L2: 60, L3: 20 } })).status, 400);
    const grading = { L1: 100, L2: 99, L3: 98 };
    const saved = await org.admin.request('PUT', '/api/warnings/settings', { grading });
    assert.equal(saved.status, 200);
    assert.deepEqual((await org.admin.get('/api/warnings/settings')).body.grading, grading);
    // A second topic with the same history, then its own burst after the first alert's cool-down.
    const other = (await org.admin.post('/api/topics', { name: '小籠包', query: '小籠包' })).body.id;
    await runDetection(deps());
    clock.advance(13 * 60 * MIN);
    await org.admin.signIn(org.adminEmail, PASSWORD); // the session went idle meanwhile
    const at = new Date(clock.now().getTime() + MIN);
    await burst(at, 30);
    afterBucketOf(at);
    await runDetection(deps());
    const res = await org.admin.get(`/api/alerts?status=active&topicId=${other}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const mine = res.body.alerts;
    assert.equal(mine.length, 1);
    // Graded by the saved thresholds, not the defaults (85 / 60 / 40), which grade any risk from 40 to 99 otherwise.
    const grade = (risk: number, g: { L1: number; L2: number; L3: number }) =>
      risk >= g.L1 ? 'L1' : risk >= g.L2 ? 'L2' : risk >= g.L3 ? 'L3' : 'L4';
    assert.ok(mine[0].risk >= 40 && mine[0].risk <= 99, `risk ${mine[0].risk}`);
    assert.equal(mine[0].severity, grade(mine[0].risk, grading));
    assert.notEqual(mine[0].severity, grade(mine[0].risk, { L1: 85, L2: 60, L3: 40 }));
    assert.equal((await org.admin.patch(`/api/topics/${other}`, { archived: true })).status, 200);
    const shown = (await org.admin.get(`/api/alerts/${mine[0].id}`)).body;
    assert.equal(shown.topicArchived, true);
    const at2 = new Date(clock.now().getTime() + MIN);
    await burst(at2, 60);
    afterBucketOf(at2);
    await runDetection(deps());
    assert.equal((await org.admin.get(`/api/alerts/${mine[0].id}`)).body.version, shown.version, 'an archived topic is no longer watched');
    const sensitivity = await org.admin.patch(`/api/topics/${topicId}`, { sensitivity: 'high' });
    assert.equal(sensitivity.body.sensitivity, 'high');
    assert.equal((await org.admin.patch(`/api/topics/${topicId}`, { sensitivity: 'extreme' })).status, 400);
  });

  test('manual rules: N negative mentions in M minutes, and any mention from watch-listed authors or sources', async () => {
    const hot = (await org.admin.post('/api/topics', { name: '外送延誤', query: '外送' })).body.id;
    const watched = (await org.admin.post('/api/topics', { name: '消保', query: '消保' })).body.id;
    const bad = await org.admin.post('/api/alert-rules', {
      name: 'x',
      topicId: watched,
      config: { kind: 'watchlist', authors: [], sources: [] },
    });
    assert.equal(bad.status, 400);
    const threshold = await org.admin.post('/api/alert-rules', {
      name: '負面 5 則 / 10 分鐘',
      topicId: hot,
      config: { kind: 'threshold', signal: 'negative', count: 5, minutes: 10 },
    });
    assert.equal(threshold.status, 201, JSON.stringify(threshold.body));
    const watch = await org.admin.post('/api/alert-rules', {
      name: '消保官',
      topicId: watched,
      config: { kind: 'watchlist', authors: ['消保官小王'], sources: [] },
    });
    assert.equal(watch.status, 201);
    await runDetection(deps());
    const now = clock.now();
    // Old negative posts (backfill) and four fresh ones: not yet.
    await push(
      Array.from({ length: 8 }, () => ({ text: '外送又延誤兩小時，餐點全冷掉，爛透了', at: new Date(now.getTime() - 86_400_000) })),
    );
    await push(Array.from({ length: 4 }, () => ({ text: '外送又延誤兩小時，餐點全冷掉，爛透了', at: new Date(now.getTime() - 2 * MIN) })));
    await push([{ text: '消保處理進度如何', at: new Date(now.getTime() - 3 * 86_400_000), author: '消保官小王' }]);
    clock.advance(MIN);
    let r = await runDetection(deps());
    assert.equal(r.rulesFired, 0);
    await push([{ text: '外送又延誤兩小時，餐點全冷掉，爛透了', at: new Date(clock.now().getTime() - 30_000) }]);
    await push([{ text: '關於消保的申訴，我們會了解', at: new Date(clock.now().getTime() - 10_000), author: '消保官小王' }]);
    clock.advance(MIN);
    r = await runDetection(deps());
    assert.equal(r.rulesFired, 2);
    const byTopic = async (t: string) => (await org.admin.get(`/api/alerts?status=active&topicId=${t}`)).body.alerts[0];
    const a = await byTopic(hot);
    assert.equal(a.rule.name, '負面 5 則 / 10 分鐘');
    assert.deepEqual([a.signals[0].signal, a.signals[0].observed, a.signals[0].expected], ['negative', 5, 5]);
    assert.match(alertSummaryText(a, 'zh-TW'), /^規則「負面 5 則 \/ 10 分鐘」觸發：「外送延誤」.*負面提及約 5 則，門檻 5 則/);
    const w = await byTopic(watched);
    assert.equal(w.rule.name, '消保官');
    clock.advance(MIN);
    assert.equal((await runDetection(deps())).rulesFired, 0, 'a threshold fires once per window; a watch-list only on new mentions');
    assert.equal((await org.admin.request('DELETE', `/api/alert-rules/${threshold.body.id}`)).status, 204);
    assert.equal((await byTopic(hot)).rule, null);
  });

  test('a topic made during a fire says so at once; one made after an old burst learns it quietly', async () => {
    const now = clock.now().getTime();
    // Three days of the organisation listening (the calm history) and not one post about either until:
    await push(
      Array.from({ length: 12 }, (_, i) => ({ text: '蝦皮出貨爆炸延誤，客服完全不回，超爛', at: new Date(now - (10 - i * 0.5) * MIN) })),
    );
    await push(
      Array.from({ length: 12 }, (_, i) => ({ text: '全家咖啡機壞掉，排隊排到爆，爛透了', at: new Date(now - 2 * 86_400_000 + i * MIN) })),
    );
    const fire = (await org.admin.post('/api/topics', { name: '蝦皮延誤', query: '蝦皮' })).body.id;
    const old = (await org.admin.post('/api/topics', { name: '全家咖啡', query: '全家' })).body.id;
    clock.advance(MIN);
    await runDetection(deps());
    const active = async (t: string) => (await org.admin.get(`/api/alerts?status=active&topicId=${t}`)).body.alerts;
    const alerts = await active(fire);
    assert.equal(alerts.length, 1, 'silence, then 12 angry posts in ten minutes: an alert on the first tick');
    assert.ok(alerts[0].signals.some((x: { signal: string }) => x.signal === 'negative' || x.signal === 'volume'));
    assert.equal((await active(old)).length, 0, 'a burst two days before the topic existed is history, not news');
  });

  test('rule edits: two edits of one version — one wins, the other is a 409; each change is one event', async () => {
    const topic = (await org.admin.post('/api/topics', { name: '規則併發', query: '併發' })).body.id;
    const rule = await org.admin.post('/api/alert-rules', {
      name: '負面 3 則',
      topicId: topic,
      config: { kind: 'threshold', signal: 'negative', count: 3, minutes: 10 },
    });
    assert.equal(rule.status, 201);
    const v = rule.body.version;
    const [a, b] = await Promise.all([
      org.admin.patch(`/api/alert-rules/${rule.body.id}`, { name: '甲', version: v }),
      org.admin.patch(`/api/alert-rules/${rule.body.id}`, { name: '乙', version: v }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const winner = a.status === 200 ? a : b;
    assert.equal(winner.body.version, v + 1);
    assert.equal((await org.admin.get('/api/alert-rules')).body.find((x: { id: string }) => x.id === rule.body.id).name, winner.body.name);
    assert.equal((await org.admin.request('DELETE', `/api/alert-rules/${rule.body.id}`)).status, 204);
    assert.equal((await org.admin.request('DELETE', `/api/alert-rules/${rule.body.id}`)).status, 404);
    const events = await ctx.server.db.execute<{ type: string }>(
      sql`SELECT type FROM events WHERE subject_type = 'alert_rule' AND subject_id = ${rule.body.id} ORDER BY id`,
    );
    assert.deepEqual(
      events.rows.map((e) => e.type),
      ['alert_rule.created', 'alert_rule.updated', 'alert_rule.deleted'],
    );
  });

  test('a bucket still filling up that already crosses the line alerts before it ends', async () => {
    const topic = (await org.admin.post('/api/topics', { name: '酸辣湯', query: '酸辣湯' })).body.id;
    // A calm day of history for this topic, then the detector learns it.
    const start = clock.now().getTime() - 2.5 * 86_400_000;
    const calmDays = [];
    for (let t = start; t < clock.now().getTime() - 10 * MIN; t += 45 * MIN)
      calmDays.push({ text: '鼎泰豐的酸辣湯還不錯', at: new Date(t) });
    await push(calmDays);
    await runDetection(deps());
    // Into a fresh bucket: one minute in, 25 angry posts.
    const bucketStart = Math.ceil(clock.now().getTime() / (5 * MIN)) * 5 * MIN;
    clock.set(new Date(bucketStart + MIN));
    await push(
      Array.from({ length: 25 }, (_, i) => ({ text: '酸辣湯裡有頭髮，超噁心，店員還不道歉', at: new Date(bucketStart + i * 1000) })),
    );
    clock.set(new Date(bucketStart + 2 * MIN));
    const r = await runDetection(deps());
    assert.ok(r.opened >= 1, 'opened mid-bucket');
    const [a] = (await org.admin.get(`/api/alerts?status=active&topicId=${topic}`)).body.alerts;
    assert.ok(a, 'the alert exists');
    assert.equal(a.windowEnd, new Date(bucketStart + 2 * MIN).toISOString(), 'its window ends now, not at the bucket end');
    // When the bucket completes, the same alert is updated, not duplicated.
    clock.set(new Date(bucketStart + 5 * MIN + 61_000));
    await runDetection(deps());
    assert.equal((await org.admin.get(`/api/alerts?topicId=${topic}`)).body.alerts.length, 1);
  });
});
