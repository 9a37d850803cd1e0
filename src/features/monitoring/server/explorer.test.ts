// The mention explorer's API as the web screens use it: filters, highlights, pages, repost clusters,
// the detail view, sentiment correction, and the topic editor's preview and pointed errors.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Client, createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { hashPassword } from '../../people/server/deps.ts';
import { departments, organisations, users } from '../../people/server/schema.ts';

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const story = '鼎泰豐信義店的小籠包裡面吃到蟑螂，店員態度還很差，說是我們自己帶進去的，大家千萬不要去！已經報衛生局了。';

describe('mention explorer API', () => {
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let other: Client;
  let machine: Client;
  const ids: Record<string, number> = {};

  before(async () => {
    const { url, server } = await startTestServer();
    org = await setUpOrg(url);
    // A second organisation, made directly in the database (setup is closed after the first).
    const [o] = await server.db.insert(organisations).values({ name: 'Other Co' }).returning();
    await server.db.insert(departments).values({ orgId: o.id, kind: 'pr' });
    const passwordHash = await hashPassword(server.deps, PASSWORD);
    await server.db
      .insert(users)
      .values({ orgId: o.id, email: 'x@other.example', name: 'X', role: 'admin', status: 'active', passwordHash });
    other = createClient(url);
    await other.signIn('x@other.example', PASSWORD);
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
    machine = createClient(url);
    machine.useToken(t.body.secret);
    const items = [
      { key: 'trad', source: 'ptt', author: 'foodie', authorFollowers: 1000, text: story, publishedAt: at(50) },
      { key: 'repost', source: 'dcard', author: 'copycat', text: `${story} 轉發`, publishedAt: at(40) },
      { key: 'simp', source: 'weibo', author: 'sh', text: '鼎泰丰的小笼包太好吃了，服务也很好', publishedAt: at(30) },
      { key: 'en', source: 'news', author: 'reporter', text: 'Din Tai Fung opens a new branch in Taipei.', publishedAt: at(20) },
      { key: 'old', source: 'news', author: 'reporter', text: '鼎泰豐 十年前的舊聞', publishedAt: at(60 * 24 * 10) },
    ];
    const r = await machine.post('/api/mentions', {
      mentions: items.map(({ key, ...m }) => ({ ...m, externalId: key })),
    });
    assert.equal(r.body.accepted, items.length);
    items.forEach((m, i) => {
      ids[m.key] = r.body.items[i].id;
    });
  });

  test('search matches Traditional and Simplified alike, newest first, with highlight ranges into the text', async () => {
    const r = await org.admin.get(`/api/mentions?q=${encodeURIComponent('鼎泰豐')}`);
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.mentions.map((m: { id: number }) => m.id),
      [ids.simp, ids.repost, ids.trad, ids.old],
    );
    const simp = r.body.mentions[0];
    assert.deepEqual(simp.highlights, [[0, 3]]);
    assert.equal(simp.text.slice(0, 3), '鼎泰丰');
  });

  test('filters combine: source, language, author, time range', async () => {
    const sources = (await org.admin.get('/api/sources')).body as Array<{ id: string; name: string }>;
    const news = sources.find((s) => s.name === 'news');
    assert.ok(news);
    const bySource = await org.admin.get(`/api/mentions?sourceId=${news.id}`);
    assert.deepEqual(
      bySource.body.mentions.map((m: { id: number }) => m.id),
      [ids.en, ids.old],
    );
    const recent = await org.admin.get(`/api/mentions?sourceId=${news.id}&from=${encodeURIComponent(at(60 * 24))}`);
    assert.deepEqual(
      recent.body.mentions.map((m: { id: number }) => m.id),
      [ids.en],
    );
    const en = await org.admin.get('/api/mentions?lang=en&author=reporter');
    assert.deepEqual(
      en.body.mentions.map((m: { id: number }) => m.id),
      [ids.en],
    );
  });

  test('pages follow nextBefore without gaps or repeats', async () => {
    const seen: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 10; i++) {
      const r: { body: { mentions: Array<{ id: number }>; nextBefore: number | null } } = await org.admin.get(
        `/api/mentions?limit=2${before ? `&before=${before}` : ''}`,
      );
      seen.push(...r.body.mentions.map((m) => m.id));
      before = r.body.nextBefore;
      if (before === null) break;
    }
    assert.deepEqual(seen, [ids.en, ids.simp, ids.repost, ids.trad, ids.old]);
  });

  test('a repost joins the original’s cluster; the detail gives the cluster size and the cluster filter lists it', async () => {
    const original = await org.admin.get(`/api/mentions/${ids.trad}`);
    const repost = await org.admin.get(`/api/mentions/${ids.repost}`);
    assert.equal(original.body.clusterId, ids.trad);
    assert.equal(repost.body.clusterId, ids.trad);
    assert.equal(repost.body.clusterSize, 2);
    const cluster = await org.admin.get(`/api/mentions?clusterId=${ids.trad}`);
    assert.deepEqual(
      cluster.body.mentions.map((m: { id: number }) => m.id),
      [ids.repost, ids.trad],
    );
    const single = await org.admin.get(`/api/mentions/${ids.en}`);
    assert.equal(single.body.clusterSize, 1);
  });

  test('another organisation sees neither the mention nor its cluster', async () => {
    assert.equal((await other.get(`/api/mentions/${ids.trad}`)).status, 404);
    assert.deepEqual((await other.get(`/api/mentions?clusterId=${ids.trad}`)).body.mentions, []);
    assert.equal((await other.post(`/api/mentions/${ids.trad}/sentiment`, { sentiment: 'positive' })).status, 404);
  });

  test('a person’s sentiment correction shows on the mention and filters by it', async () => {
    const member = await org.userWithRole('member');
    const r = await member.client.post(`/api/mentions/${ids.en}/sentiment`, { sentiment: 'negative' });
    assert.ok(r.status < 300, `correction answered ${r.status}`);
    const m = await org.admin.get(`/api/mentions/${ids.en}`);
    assert.equal(m.body.sentiment, 'negative');
    assert.equal(m.body.sentimentCorrected, true);
    const negatives = await org.admin.get('/api/mentions?sentiment=negative&lang=en');
    assert.deepEqual(
      negatives.body.mentions.map((x: { id: number }) => x.id),
      [ids.en],
    );
  });

  test('topic preview counts the last days with highlights; a bad query points at the offending character', async () => {
    const p = await org.admin.post('/api/topics/preview', { query: '鼎泰豐 AND (蟑螂 OR 好吃)', days: 7 });
    assert.equal(p.status, 200);
    assert.equal(p.body.count, 3);
    assert.ok(p.body.sample.every((m: { highlights: unknown[] }) => m.highlights.length > 0));
    const bad = await org.admin.post('/api/topics', { name: '壞查詢', query: '鼎泰豐 AND (蟑螂 OR' });
    assert.equal(bad.status, 400);
    const e = bad.body.errors[0];
    assert.equal(e.path, 'query');
    assert.equal(e.code, 'MISSING_OPERAND');
    assert.equal(typeof e.limit, 'number');
  });

  test('a topic tags history and the explorer filters by it', async () => {
    const t = await org.admin.post('/api/topics', { name: '鼎泰豐食安', query: '(鼎泰豐 OR 鼎泰丰) AND 蟑螂 NOT 徵才' });
    assert.equal(t.status, 201);
    const r = await org.admin.get(`/api/mentions?topicId=${t.body.id}`);
    assert.deepEqual(
      r.body.mentions.map((m: { id: number }) => m.id),
      [ids.repost, ids.trad],
    );
    const re = await org.admin.post(`/api/topics/${t.body.id}/reapply`);
    assert.equal(re.body.tagged, 2);
  });
});
