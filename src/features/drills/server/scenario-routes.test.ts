// Scenario routes over real HTTP, against the fixture scenarios: the list with other-language versions, one whole
// scenario (defaults filled in, 404 for an unknown id or language), and validation that always answers 200 with
// problems pointed at lines — even for an alias bomb or a file over 2 MB. Only those who plan drills may call them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const fixtures = path.join(root, 'test/fixtures/scenarios');
const mini = readFileSync(path.join(fixtures, 'zh-TW/fixture-mini.yaml'), 'utf8');

describe('scenario routes', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let admin: Client;
  let manager: Client;
  let member: Client;
  let reporter: Client;

  before(async () => {
    ctx = await startTestServer();
    // The routes read the directory per request, so the test points them at its own fixtures.
    ctx.server.drillDeps.scenariosDir = fixtures;
    const org = await setUpOrg(ctx.url);
    admin = org.admin;
    manager = (await org.userWithRole('manager')).client;
    member = (await org.userWithRole('member')).client;
    reporter = (await org.userWithRole('reporter')).client;
  });

  test('the list: each scenario per language with its other-language versions; only planners may read it', async () => {
    const r = await manager.get('/api/scenarios');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, {
      scenarios: [
        {
          id: 'fixture-mini',
          locale: 'zh-TW',
          title: '茶聚堂珍奶異物疑雲（測試用）',
          summary: '一位顧客在 Dcard 貼出珍珠奶茶喝到異物的照片，半小時內討論擴散到 PTT 與新聞。',
          crisisType: 'product_quality',
          company: '茶聚堂',
          durationMinutes: 30,
          injects: 3,
          locales: ['en'],
        },
        {
          id: 'fixture-mini',
          locale: 'en',
          title: 'Foreign object in a Chajutang bubble tea (test)',
          summary:
            'A customer posts a photo on Dcard of something hard found in a bubble tea; within half an hour the talk spreads to PTT and the news.',
          crisisType: 'product_quality',
          company: 'Chajutang',
          durationMinutes: 30,
          injects: 3,
          locales: ['zh-TW'],
        },
      ],
    });
    assert.equal((await admin.get('/api/scenarios')).status, 200);
    assert.equal((await member.get('/api/scenarios')).status, 403);
    assert.equal((await reporter.get('/api/scenarios')).status, 403);
    assert.equal((await createClient(ctx.url).get('/api/scenarios')).status, 401);
  });

  test('one scenario, whole, by id and language (zh-TW unless asked); unknown ones are 404', async () => {
    const zh = await manager.get('/api/scenarios/fixture-mini');
    assert.equal(zh.status, 200, JSON.stringify(zh.body));
    assert.equal(zh.body.locale, 'zh-TW');
    assert.equal(zh.body.topics[0].query, '茶聚堂');
    assert.deepEqual(zh.body.waves[0].followers, [20, 2000], 'defaults filled in');
    assert.deepEqual(
      zh.body.injects.map((i: { key: string; at: number }) => [i.key, i.at]),
      [
        ['store-call', 2],
        ['reporter-email', 10],
        ['health-dept', 25],
      ],
    );
    const en = await manager.get('/api/scenarios/fixture-mini?locale=en');
    assert.equal(en.status, 200);
    assert.equal(en.body.company.name, 'Chajutang');
    const missing = await manager.get('/api/scenarios/no-such-scenario');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await manager.get('/api/scenarios/fixture-mini?locale=fr')).status, 400);
    assert.equal((await manager.get('/api/scenarios/Fixture..Mini')).status, 400);
    assert.equal((await manager.get(`/api/scenarios/${encodeURIComponent('../zh-TW/fixture-mini')}`)).status, 400);
    assert.equal((await member.get('/api/scenarios/fixture-mini')).status, 403);
  });

  test('validate: a good file gives its summary; a bad one its problems at their lines; always 200', async () => {
    const ok = await manager.post('/api/scenarios/validate', { text: mini });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.ok, true);
    assert.deepEqual(ok.body.issues, []);
    assert.equal(ok.body.summary.id, 'fixture-mini');
    assert.deepEqual(ok.body.summary.locales, []);

    const bad = mini.replace('    to: 20\n', '    to: 8\n').replace('  industry: 連鎖手搖飲\n', '  industry: 連鎖手搖飲\n  colour: red\n');
    const r = await manager.post('/api/scenarios/validate', { text: bad });
    assert.equal(r.status, 200);
    assert.equal(r.body.ok, false);
    assert.equal(r.body.summary, null);
    assert.deepEqual(
      r.body.issues.map((i: { line: number; column: number; path: string }) => [i.line, i.column, i.path]),
      [
        [11, 3, 'company.colour'],
        [71, 9, 'waves.1.to'],
      ],
      'every problem at once, in file order',
    );
    const reversed = await manager.post('/api/scenarios/validate', { text: mini.replace('    to: 20\n', '    to: 8\n') });
    assert.deepEqual(
      reversed.body.issues.map((i: { line: number; column: number; path: string }) => [i.line, i.column, i.path]),
      [[70, 9, 'waves.1.to']],
    );

    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const b = await manager.post('/api/scenarios/validate', { text: bomb });
    assert.equal(b.status, 200);
    assert.deepEqual([b.body.ok, b.body.issues[0].line, b.body.issues[0].column], [false, 1, 7]);

    // 1.5 million CJK characters: within the body's character limit, over the file's 2 MB.
    const big = await manager.post('/api/scenarios/validate', { text: `${mini}# ${'茶'.repeat(1_500_000)}\n` });
    assert.equal(big.status, 200);
    assert.match(big.body.issues[0].message, /at most 2 MB/);

    const syntax = await manager.post('/api/scenarios/validate', { text: 'title: [unclosed\n' });
    assert.equal(syntax.status, 200);
    assert.equal(syntax.body.ok, false);
    assert.ok(syntax.body.issues[0].line >= 1);
  });

  test('validate: an empty or missing text is a 400; only planners may validate', async () => {
    assert.equal((await manager.post('/api/scenarios/validate', { text: '' })).status, 400);
    assert.equal((await manager.post('/api/scenarios/validate', {})).status, 400);
    assert.equal((await manager.post('/api/scenarios/validate', { text: mini, extra: 1 })).status, 400);
    assert.equal((await admin.post('/api/scenarios/validate', { text: mini })).status, 200);
    assert.equal((await member.post('/api/scenarios/validate', { text: mini })).status, 403);
    assert.equal((await reporter.post('/api/scenarios/validate', { text: mini })).status, 403);
  });

  test('the routes are in the OpenAPI document, the whole scenario as the response', async () => {
    const api = await manager.get('/api/openapi.json');
    assert.equal(api.status, 200);
    const one = api.body.paths['/api/scenarios/{id}'].get;
    const schema = one.responses['200'].content['application/json'].schema;
    assert.ok(schema.properties.waves && schema.properties.injects, JSON.stringify(schema).slice(0, 200));
    assert.ok(api.body.paths['/api/scenarios/validate'].post);
  });
});
