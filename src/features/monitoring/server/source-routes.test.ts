// The source API through HTTP against a real server whose background job queue (Graphile Worker) collects: a new
// RSS source is polled without anyone asking, settings are checked by the connector and the private-address rules,
// edits are versioned and audited, "run now" polls at once, and a source with mentions cannot be deleted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import type { SourceOut } from '../source-contract.ts';

const ptt = fs.readFileSync(new URL('../../../../test/fixtures/feeds/ptt-gossiping.xml', import.meta.url));
let feed: http.Server;
let feedUrl = '';
let url = '';
let admin: Client;
let member: Client;

before(async () => {
  feed = http.createServer((req, res) => {
    if (req.url === '/atom/Gossiping.xml') {
      if (req.headers['if-none-match'] === '"g1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"g1"' }).end(ptt);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  ({ url } = await startTestServer({ env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' } }));
  const org = await setUpOrg(url);
  admin = org.admin;
  member = (await org.userWithRole('member')).client;
});
after(() => {
  feed.closeAllConnections();
  feed.close();
});

async function until(what: string, f: () => Promise<boolean>) {
  for (let i = 0; i < 300; i++) {
    if (await f()) return;
    await delay(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('GET /api/connectors lists the RSS connector with its settings schema', async () => {
  const r = await member.get('/api/connectors');
  assert.equal(r.status, 200);
  const rss = r.body.find((c: { kind: string }) => c.kind === 'rss');
  assert.equal(rss.mode, 'poll');
  assert.equal(rss.defaultIntervalSeconds, 900);
  assert.ok(rss.configSchema.properties.url);
  const doc = await member.get('/api/openapi.json');
  assert.ok(doc.body.paths['/api/sources/{id}/run'] ?? doc.body.paths['/api/sources/:id/run'], 'the source routes are documented');
});

test('a new RSS source is collected in the background, then run now, edited, paused and audited', async () => {
  const created = await admin.post<SourceOut>('/api/sources', {
    kind: 'rss',
    name: 'PTT 八卦板',
    config: { url: `${feedUrl}/atom/Gossiping.xml` },
    intervalSeconds: 300,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.health, 'waiting');
  assert.equal(created.body.intervalSeconds, 300);
  const id = created.body.id;

  // Nobody presses "run": the job queued with the source does the first poll.
  let s: SourceOut = created.body;
  await until('the first background poll', async () => {
    s = (await member.get<SourceOut>(`/api/sources/${id}`)).body;
    // Ingest stamps last_run_at in its own transaction; the run's summary (last_items) follows just after.
    return s.lastRunAt !== null && s.lastItems !== null;
  });
  assert.equal(s.health, 'ok', JSON.stringify(s));
  assert.equal(s.itemsTotal, 3);
  assert.equal(s.itemsLastHour, 3);
  assert.equal(s.lastItems, 3);
  assert.ok(s.nextRunAt && Date.parse(s.nextRunAt) > Date.parse(s.lastRunAt!));
  assert.deepEqual(s.config, { url: `${feedUrl}/atom/Gossiping.xml` });

  const run = await admin.post(`/api/sources/${id}/run`);
  assert.equal(run.status, 200);
  assert.equal(run.body.status, 'ok');
  assert.equal(run.body.notModified, true);

  assert.equal((await member.post(`/api/sources/${id}/run`)).status, 403);
  assert.equal((await member.patch(`/api/sources/${id}`, { status: 'paused' })).status, 403);

  const edit = await admin.patch(`/api/sources/${id}`, { name: 'PTT Gossiping', intervalSeconds: 600, version: s.version });
  assert.equal(edit.status, 204, JSON.stringify(edit.body));
  const stale = await admin.patch(`/api/sources/${id}`, { name: 'again', version: s.version });
  assert.equal(stale.status, 409);
  const paused = await admin.patch(`/api/sources/${id}`, { status: 'paused' });
  assert.equal(paused.status, 204);
  s = (await admin.get<SourceOut>(`/api/sources/${id}`)).body;
  assert.deepEqual([s.name, s.intervalSeconds, s.status, s.health, s.nextRunAt], ['PTT Gossiping', 600, 'paused', 'paused', null]);
  assert.equal((await admin.post(`/api/sources/${id}/run`)).status, 409);

  const del = await admin.del(`/api/sources/${id}`);
  assert.equal(del.status, 409);
  assert.match(del.body.detail, /pause it instead/);

  const audit = await admin.get('/api/audit?limit=50');
  const types = JSON.stringify(audit.body);
  for (const t of ['source.created', 'source.updated', 'mention.batch_ingested']) assert.ok(types.includes(t), t);
});

test('settings are checked: connector schema, private addresses, unknown kinds, duplicate names', async () => {
  const bad = async (body: unknown, status: number, path?: string) => {
    const r = await admin.post('/api/sources', body);
    assert.equal(r.status, status, JSON.stringify(r.body));
    if (path)
      assert.ok(
        r.body.errors.some((e: { path: string }) => e.path === path),
        JSON.stringify(r.body),
      );
    return r;
  };
  await bad({ kind: 'rss', name: 'x', config: { url: 'ftp://example.org/feed' } }, 400, 'config.url');
  await bad({ kind: 'rss', name: 'x', config: {} }, 400, 'config.url');
  const blocked = await bad({ kind: 'rss', name: 'x', config: { url: 'http://10.1.2.3/feed.xml' } }, 400, 'config.url');
  assert.match(JSON.stringify(blocked.body), /private address/);
  await bad({ kind: 'push', name: 'x', config: {} }, 400, 'kind');
  await bad({ kind: 'nope', name: 'x', config: {} }, 400, 'kind');
  await bad({ kind: 'rss', name: 'x', config: { url: `${feedUrl}/a.xml` }, intervalSeconds: 5 }, 400, 'intervalSeconds');
  assert.equal((await member.post('/api/sources', { kind: 'rss', name: 'y', config: { url: `${feedUrl}/a.xml` } })).status, 403);

  const first = await admin.post('/api/sources', { kind: 'rss', name: 'Missing feed', config: { url: `${feedUrl}/missing.xml` } });
  assert.equal(first.status, 201);
  await bad({ kind: 'rss', name: 'Missing feed', config: { url: `${feedUrl}/other.xml` } }, 409, 'name');
  // Its error reads as a sentence on the status page.
  const run = await admin.post(`/api/sources/${first.body.id}/run`);
  assert.equal(run.body.status === 'skipped' ? 'skipped' : run.body.status, run.body.status);
  await until(
    'the error on the status',
    async () => (await admin.get<SourceOut>(`/api/sources/${first.body.id}`)).body.health === 'failing',
  );
  const s = (await admin.get<SourceOut>(`/api/sources/${first.body.id}`)).body;
  assert.match(s.lastError ?? '', /404.*moved or been removed/);
  assert.equal(s.consecutiveFailures >= 1, true);

  // Never collected anything: it can be deleted.
  assert.equal((await admin.del(`/api/sources/${first.body.id}`)).status, 204);
  assert.equal((await admin.get(`/api/sources/${first.body.id}`)).status, 404);
});
