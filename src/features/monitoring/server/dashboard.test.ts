// The monitoring dashboard against a real server and database, with mentions at controlled times.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import type { DashboardData } from '../dashboard-contract.ts';
import { apportion } from './dashboard-sample.ts';
import { countTerms, isTermToken, risingTerms } from './terms.ts';

const NOW = new Date('2026-03-10T12:30:00Z');
// Each fixture's sentiment is set by a person's correction where the model disagrees, so the counts
// below test the dashboard, not the model (which is retrained from time to time).
const NEG = '鼎泰豐信義店吃到蟑螂，服務態度真的很差，再也不會去了';
const POS = '鼎泰豐店員很親切，CP值很高，推薦給大家';
const POS2 = '鼎泰豐宣布明年在台中開設新門市';
const NEU = '鼎泰豐 門市 地址 電話 營業時間';
const NEU2 = '鼎泰豐 新竹 門市 資訊';
const NEU_EN = 'Din Tai Fung opening hours and address';
const OTHER = '全聯雞蛋漲價又缺貨，客服完全不處理';

type M = {
  id: string;
  at: string;
  text: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  source: string;
  author?: string;
  followers?: number;
  shares?: number;
  views?: number;
};
const fixtures: M[] = [
  {
    id: 'old',
    sentiment: 'negative',
    at: '2026-02-01T09:00:00Z',
    text: '鼎泰豐小籠包 外送 蟑螂 衛生局 稽查',
    source: 'ptt',
    author: 'ancient',
  }, // before both periods
  { id: 'p1', sentiment: 'neutral', at: '2026-03-09T02:10:00Z', text: NEU, source: 'news', author: 'newsdesk', views: 20_000 },
  { id: 'p2', sentiment: 'positive', at: '2026-03-09T03:00:00Z', text: POS, source: 'dcard', author: 'happy' },
  { id: 'p3', sentiment: 'positive', at: '2026-03-09T05:00:00Z', text: `${POS}！`, source: 'dcard', author: 'happy2' },
  { id: 'c7', sentiment: 'positive', at: '2026-03-09T12:29:59Z', text: POS2, source: 'news', author: 'newsdesk', views: 1 }, // last second of the previous day
  { id: 'c8', sentiment: 'neutral', at: '2026-03-09T12:30:00Z', text: NEU_EN, source: 'news', author: 'newsdesk', views: 20_000 }, // first of the current
  { id: 'c1', sentiment: 'negative', at: '2026-03-10T01:15:00Z', text: NEG, source: 'ptt', author: 'angry', followers: 5000, shares: 10 },
  { id: 'c2', sentiment: 'negative', at: '2026-03-10T02:05:00Z', text: NEG, source: 'threads', author: 'r1', followers: 100 },
  { id: 'c3', sentiment: 'negative', at: '2026-03-10T02:40:00Z', text: NEG, source: 'threads', author: 'r2', followers: 100 },
  { id: 'c4', sentiment: 'negative', at: '2026-03-10T03:20:00Z', text: `${NEG}！`, source: 'threads', author: 'r3', followers: 100 },
  { id: 'c5', sentiment: 'negative', at: '2026-03-10T04:30:00Z', text: OTHER, source: 'ptt', author: 'egg' }, // not about the topic
  { id: 'c6', sentiment: 'neutral', at: '2026-03-10T11:59:00Z', text: NEU2, source: 'news', author: 'newsdesk', views: 20_000 },
];

describe('monitoring dashboard', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let machine: Client;
  let topicId: string;
  const ids = new Map<string, number>();
  const get = async (q: string, client: Client = org.admin) => {
    return client.get<DashboardData & { code?: string }>(`/api/monitoring/dashboard?${q}`);
  };
  const ok = async (q: string) => {
    const r = await get(q);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };

  before(async () => {
    ctx = await startTestServer({ clock: createTestClock(NOW) });
    org = await setUpOrg(ctx.url);
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write', 'mentions:read'] });
    machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
    const topic = await org.admin.post('/api/topics', { name: '鼎泰豐', query: '鼎泰豐 OR "din tai fung"' });
    assert.equal(topic.status, 201, JSON.stringify(topic.body));
    topicId = topic.body.id;
    const r = await machine.post('/api/mentions', {
      mentions: fixtures.map((m) => ({
        source: m.source,
        externalId: m.id,
        text: m.text,
        publishedAt: m.at,
        author: m.author,
        authorFollowers: m.followers,
        metrics: m.shares || m.views ? { shares: m.shares, views: m.views } : undefined,
      })),
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.accepted, fixtures.length, JSON.stringify(r.body.items.filter((i: { reason?: string }) => i.reason)));
    for (const [i, it] of (r.body.items as Array<{ id: number }>).entries()) ids.set(fixtures[i].id, it.id);
    for (const f of fixtures) {
      const m = await org.admin.get(`/api/mentions/${ids.get(f.id)}`);
      if (m.body.sentiment !== f.sentiment) {
        const c = await org.admin.post(`/api/mentions/${ids.get(f.id)}/sentiment`, { sentiment: f.sentiment });
        assert.ok(c.status < 300, JSON.stringify(c.body));
      }
    }
  });

  test('the fixtures are as the assertions below assume: sentiments, and c2–c4 reposts of c1', async () => {
    for (const f of fixtures) assert.equal((await org.admin.get(`/api/mentions/${ids.get(f.id)}`)).body.sentiment, f.sentiment, f.id);
    const c4 = await org.admin.get(`/api/mentions/${ids.get('c4')}`);
    assert.equal(c4.body.clusterId, ids.get('c1'));
  });

  test('hourly volume by sentiment over the last 24 hours of one topic, with exact buckets and totals', async () => {
    const d = await ok(`topicId=${topicId}&range=24h&bucket=hour`);
    assert.deepEqual(d.period, { from: '2026-03-09T12:30:00.000Z', to: NOW.toISOString(), bucket: 'hour', tz: 'UTC' });
    assert.deepEqual(d.previousPeriod, { from: '2026-03-08T12:30:00.000Z', to: '2026-03-09T12:30:00.000Z' });
    assert.equal(d.series.length, 25);
    assert.equal(d.series[0].t, '2026-03-09T12:00:00.000Z');
    assert.equal(d.series[24].t, '2026-03-10T12:00:00.000Z');
    const nonZero = d.series.filter((p) => p.negative + p.neutral + p.positive > 0);
    assert.deepEqual(nonZero, [
      { t: '2026-03-09T12:00:00.000Z', negative: 0, neutral: 1, positive: 0 },
      { t: '2026-03-10T01:00:00.000Z', negative: 1, neutral: 0, positive: 0 },
      { t: '2026-03-10T02:00:00.000Z', negative: 2, neutral: 0, positive: 0 },
      { t: '2026-03-10T03:00:00.000Z', negative: 1, neutral: 0, positive: 0 },
      { t: '2026-03-10T11:00:00.000Z', negative: 0, neutral: 1, positive: 0 },
    ]);
    const reach = 20_000 + 1000 + 10 * 3 + 20_000;
    assert.deepEqual(d.totals, { mentions: 6, negative: 4, neutral: 2, positive: 0, reach });
    assert.deepEqual(d.previous, { mentions: 4, negative: 0, neutral: 1, positive: 3, reach: 20_000 + 1 + 1 + 1 });
    assert.equal(d.negativeShare, 4 / 6);
    assert.equal(d.previousNegativeShare, 0);
  });

  test('all mentions include those outside any topic; the old one is in neither period', async () => {
    const d = await ok('range=24h');
    assert.equal(d.period.bucket, 'hour');
    assert.deepEqual([d.totals.mentions, d.totals.negative], [7, 5]);
    assert.equal(d.previous.mentions, 4);
    assert.equal(d.series.find((p) => p.t === '2026-03-10T04:00:00.000Z')?.negative, 1);
  });

  test('top sources, authors by reach and repost clusters', async () => {
    const d = await ok(`topicId=${topicId}&range=24h`);
    assert.deepEqual(
      d.topSources.map((s) => [s.name, s.count, s.negative]),
      [
        ['threads', 3, 3],
        ['news', 2, 0],
        ['ptt', 1, 1],
      ],
    );
    assert.deepEqual(
      d.topAuthors.map((a) => [a.author, a.sourceName, a.reach, a.count]),
      [
        ['newsdesk', 'news', 40_000, 2],
        ['angry', 'ptt', 1000, 1],
        ['r1', 'threads', 10, 1],
        ['r2', 'threads', 10, 1],
        ['r3', 'threads', 10, 1],
      ],
    );
    assert.deepEqual(d.topClusters, [
      {
        clusterId: ids.get('c1'),
        sample: NEG,
        url: null,
        sourceName: 'ptt',
        mentions: 4,
        reposts: 3,
        firstSeen: '2026-03-10T01:15:00.000Z',
        negative: 4,
      },
    ]);
  });

  test('trending terms: words of the period against the previous one, in the spelling people wrote', async () => {
    const d = await ok(`topicId=${topicId}&range=24h`);
    assert.deepEqual(d.termSample, { current: 6, previous: 4, cap: 2000 });
    const terms = new Map(d.trendingTerms.map((t) => [t.term, t]));
    assert.deepEqual(terms.get('蟑螂'), { term: '蟑螂', count: 4, previous: 0, lift: null });
    assert.deepEqual(terms.get('服務態度'), { term: '服務態度', count: 4, previous: 0, lift: null });
    assert.ok(terms.has('信義'), 'Traditional spelling kept for display');
    // The topic's own name is in every mention of both periods: not a trend. Stop words and one-character tokens never are.
    for (const absent of ['鼎泰豐', '鼎泰丰', '真的', '不會', '了', '店', '門市']) assert.ok(!terms.has(absent), absent);
  });

  test('day buckets start at midnight in the requested time zone', async () => {
    const d = await ok(`topicId=${topicId}&range=7d&bucket=day&tz=Asia%2FTaipei`);
    assert.equal(d.series.length, 8);
    assert.equal(d.series[0].t, '2026-03-02T16:00:00.000Z');
    assert.deepEqual(d.series.slice(-2), [
      { t: '2026-03-08T16:00:00.000Z', negative: 0, neutral: 2, positive: 3 },
      { t: '2026-03-09T16:00:00.000Z', negative: 4, neutral: 1, positive: 0 },
    ]);
    assert.equal(d.totals.mentions, 10);
    assert.equal(d.previous.mentions, 0);
    assert.equal(d.previousNegativeShare, null);
  });

  test('custom ranges; combinations that would make absurd charts are refused', async () => {
    const d = await ok('range=custom&from=2026-03-10T00:00:00Z&to=2026-03-10T06:00:00Z');
    assert.equal(d.period.bucket, 'hour');
    assert.equal(d.series.length, 6);
    assert.equal(d.totals.mentions, 5);
    assert.equal(d.previousPeriod.from, '2026-03-09T18:00:00.000Z');
    for (const q of [
      'range=custom&from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=hour', // 10,000+ points
      'range=custom&from=2020-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', // more than two years
      'range=custom&from=2026-03-10T00:00:00Z&to=2026-03-09T00:00:00Z', // backwards
      'range=custom&from=2026-03-10T00:00:00Z', // no end
      'range=24h&from=2026-03-10T00:00:00Z', // from without custom
      'range=1y',
      'range=24h&bucket=minute',
      'range=24h&tz=Mars%2FOlympus_Mons',
      'topicId=not-a-uuid',
    ]) {
      const r = await get(q);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.code, 'validation_failed', q);
    }
    assert.equal((await ok('range=30d&bucket=hour')).series.length, 721);
  });

  test('over the sample cap, terms are read from a sample spread over the period in proportion to volume', async () => {
    // 2,100 mentions in the first week of January (half about a recall), 100 calm ones the week before.
    const at = (day: number, i: number) => new Date(Date.UTC(2026, 0, day, 0, 0, 0) + (i % 1440) * 60_000).toISOString();
    const items = Array.from({ length: 2100 }, (_, i) => ({
      source: 'bulk',
      externalId: `bulk-${i}`,
      text: i % 2 ? `王品宣布召回冷凍牛排第${i}批` : `王品週年慶活動第${i}天開跑`,
      publishedAt: at(2 + (i % 7), i),
    }));
    items.push(
      ...Array.from({ length: 100 }, (_, i) => ({
        source: 'bulk',
        externalId: `calm-${i}`,
        text: `王品週年慶活動第${i}天`,
        publishedAt: at(-4, i),
      })),
    ); // 27 December
    for (let k = 0; k < items.length; k += 1000) {
      const r = await machine.post('/api/mentions', { mentions: items.slice(k, k + 1000) });
      assert.equal(r.body.accepted, Math.min(1000, items.length - k));
    }
    const d = await ok('range=custom&from=2026-01-02T00:00:00Z&to=2026-01-09T00:00:00Z&bucket=day');
    assert.equal(d.totals.mentions, 2100);
    assert.deepEqual(d.termSample, { current: 2000, previous: 100, cap: 2000 });
    const recall = d.trendingTerms.find((t) => t.term === '召回');
    assert.ok(recall && recall.count > 900 && recall.count < 1100 && recall.previous === 0, JSON.stringify(d.trendingTerms));
    assert.ok(!d.trendingTerms.some((t) => t.term === '王品' || t.term === '週年慶'), 'steady words do not trend');
  });

  test('tokens with mentions:read may read it; reporters may not; another organisation’s topic is 404', async () => {
    const reader = createClient(ctx.url);
    const t = await org.admin.post('/api/tokens', { name: 'reader', scopes: ['mentions:read'] });
    reader.useToken(t.body.secret);
    assert.equal((await get(`topicId=${topicId}`, reader)).status, 200);
    const reporter = await org.userWithRole('reporter');
    assert.equal((await get('range=24h', reporter.client)).status, 403);
    assert.equal((await get('range=24h', createClient(ctx.url))).status, 401);
    const db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    const other = await db.query(`INSERT INTO organisations (name) VALUES ('Other') RETURNING id`);
    const foreign = await db.query(`INSERT INTO topics (org_id, name, query) VALUES ($1, 'x', '鼎泰豐') RETURNING id`, [other.rows[0].id]);
    await db.end();
    const r = await get(`topicId=${foreign.rows[0].id}`);
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'not_found');
    assert.equal((await get(`topicId=00000000-0000-4000-8000-000000000000`)).status, 404);
  });
});

describe('trending terms', () => {
  test('tokens: two characters or more, a letter, no stop words', () => {
    for (const yes of ['蟑螂', '食安', 'refund', '5g', 'dcard']) assert.ok(isTermToken(yes), yes);
    for (const no of ['的', 'a', '30', '2026年', '，', '😡', 'the', '我们', '真的', 'https']) assert.ok(!isTermToken(no), no);
  });

  test('counts each word once per mention and merges Traditional, Simplified and case variants', () => {
    const c = countTerms(['鼎泰豐蟑螂蟑螂', '鼎泰丰 蟑螂', 'Refund please, REFUND now', 'refund']);
    assert.equal(c.get('蟑螂')?.docs, 2);
    assert.equal(c.get('鼎泰丰')?.docs, 2);
    assert.equal(c.get('refund')?.docs, 2);
  });

  test('the sample is split over buckets in proportion to volume, adding up exactly', () => {
    assert.deepEqual(apportion(2000, [1, 1, 1]), [667, 667, 666]);
    assert.deepEqual(apportion(10, [0, 5, 0, 15]), [0, 3, 0, 7]);
    assert.deepEqual(apportion(5, [0, 0]), [0, 0]);
  });

  test('ranks by surprise against the previous share; lift compares shares', () => {
    const counts = (entries: Array<[string, number]>) =>
      new Map(entries.map(([k, docs]) => [k, { docs, forms: new Map([[k, docs]]) }])) as ReturnType<typeof countTerms>;
    const now = counts([
      ['brand', 100],
      ['recall', 30],
      ['refund', 20],
      ['rare', 1],
      ['steady', 10],
    ]);
    const before = counts([
      ['brand', 50],
      ['refund', 5],
      ['steady', 5],
    ]);
    const r = risingTerms(now, 100, before, 50);
    assert.deepEqual(r, [
      { term: 'recall', count: 30, previous: 0, lift: null },
      { term: 'refund', count: 20, previous: 5, lift: 2 },
    ]);
  });
});
