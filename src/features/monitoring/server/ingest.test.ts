// The push API and the pipeline behind it, against a real server and database.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { fromSigned, lshKeys } from './simhash.ts';

const now = () => new Date().toISOString();
const story = '鼎泰豐信義店的小籠包裡面吃到蟑螂，店員態度還很差，說是我們自己帶進去的，大家千萬不要去！已經報衛生局了。';

describe('push API', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let machine: Client;
  const count = async (q: string) => {
    const c = new pg.Client({ connectionString: ctx.databaseUrl });
    await c.connect();
    const r = await c.query(q);
    await c.end();
    return r.rows[0].n as number;
  };

  before(async () => {
    ctx = await startTestServer();
    org = await setUpOrg(ctx.url);
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write', 'mentions:read'] });
    machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
  });

  test('accepts a batch, reports duplicates, and a resent batch is stored once', async () => {
    const batch = [
      {
        source: 'ptt',
        externalId: 'M.1',
        url: 'https://www.ptt.cc/bbs/Food/M.1.html',
        author: 'foodie',
        authorFollowers: 1200,
        text: story,
        publishedAt: now(),
        metrics: { likes: 30, shares: 4 },
      },
      {
        source: 'ptt',
        url: 'https://www.ptt.cc/bbs/Food/M.2.html',
        title: 'Re: 鼎泰豐',
        text: 'This is terrible service. Never again!',
        publishedAt: now(),
      },
      { source: 'ptt', externalId: 'M.1', text: 'same id again', publishedAt: now() },
    ];
    const r = await machine.post('/api/mentions', { mentions: batch });
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.accepted, r.body.duplicate, r.body.rejected], [2, 1, 0]);
    assert.equal(r.body.items[2].status, 'duplicate');
    const again = await machine.post('/api/mentions', { mentions: batch.slice(0, 2) });
    assert.deepEqual([again.body.accepted, again.body.duplicate], [0, 2]);
    assert.equal(
      await count(`SELECT count(*)::int AS n FROM mentions WHERE external_key IN ('M.1', 'https://www.ptt.cc/bbs/Food/M.2.html')`),
      2,
    );
    const m = await org.admin.get(`/api/mentions/${r.body.items[0].id}`);
    assert.equal(m.body.text, story);
    assert.equal(m.body.lang, 'zh-Hant');
    assert.equal(m.body.sentiment, 'negative');
    assert.equal(m.body.reachEstimate, Math.round(1200 * 0.1 + 30 * 10 + 4 * 50));
    assert.equal(m.body.sourceName, 'ptt');
  });

  test('a bad item never sinks the batch; each rejection says why, with a code and the field', async () => {
    const good = { source: 'news', externalId: 'ok-1', text: '全聯雞蛋漲價', publishedAt: now() };
    const item = (over: Record<string, unknown>) => ({ source: 'news', externalId: 'b', text: 'x', publishedAt: now(), ...over });
    const bad: Array<[unknown, RegExp, string, string | undefined]> = [
      [item({ text: '   ' }), /text is empty/, 'text_empty', 'text'],
      [item({ publishedAt: 'yesterday' }), /publishedAt/, 'bad_date', 'publishedAt'],
      [item({ publishedAt: 1_700_000_000 }), /publishedAt/, 'bad_date', 'publishedAt'],
      [item({ publishedAt: '2999-01-01T00:00:00Z' }), /future/, 'date_in_future', 'publishedAt'],
      [item({ publishedAt: '1980-01-01T00:00:00Z' }), /before 1990/, 'date_too_old', 'publishedAt'],
      [{ source: 'news', text: 'no id', publishedAt: now() }, /externalId or url/, 'missing_id', 'externalId'],
      [item({ text: 'nul\u0000byte' }), /control characters/, 'invalid_unicode', 'text'],
      [item({ text: 'lone \ud800 surrogate' }), /invalid Unicode/, 'invalid_unicode', 'text'],
      [item({ author: 'bell\u0007' }), /^author: contains control characters/, 'invalid_unicode', 'author'],
      [item({ url: 'javascript:alert(1)' }), /http\(s\) URL/, 'bad_url', 'url'],
      [item({ admin: true }), /Unrecognized key/i, 'unknown_field', 'admin'],
      [item({ metrics: { likes: 1, hearts: 2 } }), /Unrecognized key/i, 'unknown_field', 'metrics.hearts'],
      ['just a string', /expected object/i, 'not_object', undefined],
      [item({ text: 'x'.repeat(50_001) }), /at most 50000/, 'text_too_long', 'text'],
      [item({ title: 't'.repeat(1001) }), /^title: at most 1000/, 'text_too_long', 'title'],
      [{ source: 'news', externalId: 'b', publishedAt: now() }, /^text: /, 'missing_field', 'text'],
      [item({ source: '   ' }), /^source: required/, 'missing_field', 'source'],
      [item({ lang: 'chinese!' }), /BCP 47/, 'bad_lang', 'lang'],
      [item({ authorFollowers: -1 }), /^authorFollowers: /, 'bad_number', 'authorFollowers'],
      [item({ metrics: { likes: '12' } }), /^metrics\.likes: /, 'bad_number', 'metrics.likes'],
      [item({ metrics: 5 }), /^metrics: /, 'invalid', 'metrics'],
      [item({ raw: { blob: 'x'.repeat(65 * 1024) } }), /larger than 64 KiB/, 'raw_too_large', 'raw'],
    ];
    const r = await machine.post('/api/mentions', { mentions: [good, ...bad.map(([b]) => b)] });
    assert.equal(r.status, 200);
    assert.equal(r.body.accepted, 1);
    assert.equal(r.body.rejected, bad.length);
    assert.deepEqual(Object.keys(r.body.items[0]).sort(), ['id', 'index', 'status'], 'accepted items carry no code');
    for (const [i, [sent, reason, code, field]] of bad.entries()) {
      const got = r.body.items[i + 1];
      const what = JSON.stringify(sent).slice(0, 60);
      assert.match(got.reason, reason, what);
      assert.equal(got.code, code, what);
      assert.equal(got.field, field, what);
    }
  });

  test('HTML and script are stored as text, unchanged', async () => {
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = await machine.post('/api/mentions', {
      mentions: [{ source: 'forum', externalId: 'x1', author: html, title: html, text: html, publishedAt: now() }],
    });
    const m = await org.admin.get(`/api/mentions/${r.body.items[0].id}`);
    assert.equal(m.body.text, html);
    assert.equal(m.body.author, html);
  });

  test('oversize batches are refused whole with a clear error', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ source: 's', externalId: `o${i}`, text: 'x', publishedAt: now() }));
    const r = await machine.post('/api/mentions', { mentions: many });
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.body.errors), /at most 1000/);
  });

  test('copy-pasted reposts join one cluster; a different story does not', async () => {
    const items = [
      { source: 'dcard', externalId: 'd1', text: story, publishedAt: now() },
      { source: 'dcard', externalId: 'd2', text: `轉貼：${story}`, publishedAt: now() },
      { source: 'threads', externalId: 't1', text: story.replaceAll('，', ' '), publishedAt: now() },
      {
        source: 'threads',
        externalId: 't2',
        text: '全聯今天宣布雞蛋漲價，一盒多五元，網友抱怨物價一直漲，薪水卻沒有漲。',
        publishedAt: now(),
      },
    ];
    const first = await machine.post('/api/mentions', { mentions: items.slice(0, 2) });
    const second = await machine.post('/api/mentions', { mentions: items.slice(2) });
    const ids = [...first.body.items, ...second.body.items].map((i: { id: number }) => i.id);
    const clusters = await Promise.all(ids.map(async (id: number) => (await org.admin.get(`/api/mentions/${id}`)).body.clusterId));
    assert.equal(clusters[1], clusters[0]);
    assert.equal(clusters[2], clusters[0]);
    assert.notEqual(clusters[3], clusters[0]);
  });

  test("only a cluster's first mention stores lookup keys, the ones lshKeys gives, as SQL computes them too", async () => {
    const c = new pg.Client({ connectionString: ctx.databaseUrl });
    await c.connect();
    try {
      const r = await c.query(
        `SELECT m.id, m.cluster_id, m.simhash, k.mention_id AS keyed, ARRAY[k.k0, k.k1, k.k2, k.k3, k.k4, k.k5, k.k6, k.k7, k.k8, k.k9] AS keys,
          firebreak_lsh_keys(m.simhash) AS sql_keys
         FROM mentions m LEFT JOIN cluster_keys k ON k.mention_id = m.id WHERE m.org_id = $1`,
        [org.orgId],
      );
      assert.ok(r.rows.some((row) => row.cluster_id !== row.id));
      for (const row of r.rows) {
        const js = lshKeys(fromSigned(BigInt(row.simhash)));
        assert.deepEqual(row.sql_keys, js);
        if (row.cluster_id === row.id) assert.deepEqual(row.keys, js);
        else assert.equal(row.keyed, null);
      }
      // Hashes across the whole 64-bit range, signed bit included.
      for (const h of [0n, 1n, -1n, -(2n ** 63n), 2n ** 63n - 1n, 0x0123456789abcdefn, -0x1122334455667788n]) {
        const q = await c.query('SELECT firebreak_lsh_keys($1::bigint) AS k', [h.toString()]);
        assert.deepEqual(q.rows[0].k, lshKeys(fromSigned(h)), `hash ${h}`);
      }
    } finally {
      await c.end();
    }
  });

  test('concurrent batches naming the same sources in different orders all succeed (no deadlock)', async () => {
    const names = ['cc-a', 'cc-b', 'cc-c', 'cc-d', 'cc-e', 'cc-f'];
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, req) => {
          const order = req % 2 ? [...names].reverse() : names;
          const mentions = order.flatMap((source, i) =>
            Array.from({ length: 20 }, (_, j) => ({
              source,
              externalId: `${round}-${req}-${i}-${j}`,
              text: `第${round}輪 ${j} 測試`,
              publishedAt: now(),
            })),
          );
          return machine.post('/api/mentions', { mentions });
        }),
      );
      for (const r of results) assert.deepEqual([r.status, r.body.accepted], [200, 120]);
    }
  });

  test('a paused source rejects items with its reason', async () => {
    await machine.post('/api/mentions', { mentions: [{ source: 'line-today', externalId: 'l1', text: '測試', publishedAt: now() }] });
    const src = (await org.admin.get('/api/sources')).body.find((s: { name: string }) => s.name === 'line-today');
    assert.equal(src.itemsTotal, 1);
    assert.equal((await org.admin.patch(`/api/sources/${src.id}`, { status: 'paused' })).status, 204);
    const r = await machine.post('/api/mentions', {
      mentions: [{ source: 'line-today', externalId: 'l2', text: '測試', publishedAt: now() }],
    });
    assert.match(r.body.items[0].reason, /paused/);
    assert.deepEqual([r.body.items[0].code, r.body.items[0].field], ['source_paused', 'source']);
  });

  test('a source of another kind rejects pushed items with its code', async () => {
    const c = new pg.Client({ connectionString: ctx.databaseUrl });
    await c.connect();
    await c.query(`INSERT INTO sources (org_id, kind, name) VALUES ($1, 'rss', 'a-feed')`, [org.orgId]);
    await c.end();
    const r = await machine.post('/api/mentions', { mentions: [{ source: 'a-feed', externalId: 'f1', text: '測試', publishedAt: now() }] });
    assert.equal(r.body.rejected, 1);
    assert.match(r.body.items[0].reason, /is a rss source, not a push source/);
    assert.deepEqual([r.body.items[0].code, r.body.items[0].field], ['source_not_push', 'source']);
  });

  test('each batch writes one event, and corrections are recorded for retraining', async () => {
    const r = await machine.post('/api/mentions', { mentions: [{ source: 'yt', externalId: 'y1', text: '還可以吧', publishedAt: now() }] });
    const audit = await org.admin.get('/api/audit?type=mention.batch_ingested&limit=1');
    assert.equal(audit.body.events[0].data.accepted, 1);
    const id = r.body.items[0].id;
    assert.equal((await org.admin.post(`/api/mentions/${id}/sentiment`, { sentiment: 'positive' })).status, 204);
    const m = await org.admin.get(`/api/mentions/${id}`);
    assert.equal(m.body.sentiment, 'positive');
    assert.equal(m.body.sentimentCorrected, true);
    assert.equal(
      await count(`SELECT count(*)::int AS n FROM sentiment_corrections WHERE mention_id = ${id} AND sentiment = 'positive'`),
      1,
    );
  });
});

describe('search and topics', () => {
  test('full-text search in Chinese and English, across scripts, with highlights and filters', async () => {
    const ctx = await startTestServer();
    const org = await setUpOrg(ctx.url);
    const t = await org.admin.post('/api/tokens', { name: 'c', scopes: ['mentions:write'] });
    const machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
    const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    await machine.post('/api/mentions', {
      mentions: [
        { source: 'ptt', externalId: '1', text: '鼎泰豐的小籠包吃到蟑螂', publishedAt: day(1) },
        { source: 'ptt', externalId: '2', text: '鼎泰丰服务很好，推荐', publishedAt: day(2) },
        { source: 'news', externalId: '3', text: 'Din Tai Fung opens a new store in Taipei', publishedAt: day(3) },
        { source: 'news', externalId: '4', text: '台北新開的牛肉麵店', publishedAt: day(4) },
      ],
    });
    const q = async (s: string) => (await org.admin.get(`/api/mentions?${s}`)).body;
    const zh = await q(`q=${encodeURIComponent('鼎泰豐')}`);
    assert.deepEqual(
      zh.mentions.map((m: { text: string }) => m.text),
      ['鼎泰豐的小籠包吃到蟑螂', '鼎泰丰服务很好，推荐'],
    );
    assert.deepEqual(zh.mentions[1].highlights, [[0, 3]]);
    const en = await q(`q=${encodeURIComponent('"din tai fung"')}`);
    assert.equal(en.mentions.length, 1);
    const both = await q(`q=${encodeURIComponent('鼎泰豐 OR taipei OR 台北')}&sourceId=`);
    assert.equal(both.status, 400, 'empty sourceId is not a uuid');
    const news = (await org.admin.get('/api/sources')).body.find((s: { name: string }) => s.name === 'news');
    const filtered = await q(`q=${encodeURIComponent('taipei OR 台北')}&sourceId=${news.id}`);
    assert.equal(filtered.mentions.length, 2);
    const neg = await q('sentiment=negative');
    assert.ok(neg.mentions.every((m: { sentiment: string }) => m.sentiment === 'negative'));
    const bad = await org.admin.get(`/api/mentions?q=${encodeURIComponent('(鼎泰豐 AND')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'q');
    const page1 = await q('limit=2');
    const page2 = await q(`limit=2&before=${page1.nextBefore}`);
    assert.equal(page1.mentions.length + page2.mentions.length, 4);
    assert.equal(page2.nextBefore, null);
  });

  test('topics tag new mentions at ingest, tag history when created, and re-tag when changed', async () => {
    const ctx = await startTestServer();
    const org = await setUpOrg(ctx.url);
    const t = await org.admin.post('/api/tokens', { name: 'c', scopes: ['mentions:write'] });
    const machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
    await machine.post('/api/mentions', { mentions: [{ source: 's', externalId: 'old', text: '鼎泰丰 食安 问题', publishedAt: now() }] });
    const badTopic = await org.admin.post('/api/topics', { name: 'x', query: '鼎泰豐 AND (' });
    assert.equal(badTopic.status, 400);
    assert.equal(badTopic.body.errors[0].path, 'query');
    const topic = (await org.admin.post('/api/topics', { name: '鼎泰豐食安', query: '鼎泰豐 AND (食安 OR 蟑螂)' })).body;
    const tagged = async () =>
      (await org.admin.get(`/api/mentions?topicId=${topic.id}`)).body.mentions.map((m: { text: string }) => m.text);
    assert.deepEqual(await tagged(), ['鼎泰丰 食安 问题']);
    await machine.post('/api/mentions', {
      mentions: [
        { source: 's', externalId: 'new1', text: '鼎泰豐 蟑螂', publishedAt: now() },
        { source: 's', externalId: 'new2', text: '鼎泰豐 好吃', publishedAt: now() },
      ],
    });
    assert.deepEqual((await tagged()).sort(), ['鼎泰丰 食安 问题', '鼎泰豐 蟑螂'].sort());
    await org.admin.patch(`/api/topics/${topic.id}`, { query: '鼎泰豐 AND 好吃' });
    assert.deepEqual(await tagged(), ['鼎泰豐 好吃']);
    const preview = await org.admin.post('/api/topics/preview', { query: '鼎泰豐', days: 7 });
    assert.equal(preview.body.count, 3);
  });
});
