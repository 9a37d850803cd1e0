// The RSS connector end to end against a loopback feed server (allow-listed as an admin would):
// conditional GET, errors as values for the source's status page, and the registry.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestClock } from '../../../../platform/clock.ts';
import { safeFetch } from '../../../../platform/safe-fetch.ts';
import { connectorFor, connectors } from './registry.ts';
import { pollRss, type RssConfig, rssConnector } from './rss.ts';
import type { ConnectorFetch, PollContext } from './types.ts';

const ptt = fs.readFileSync(new URL('../../../../../test/fixtures/feeds/ptt-gossiping.xml', import.meta.url));
const laughs = fs.readFileSync(new URL('../../../../../test/fixtures/feeds/billion-laughs.xml', import.meta.url));
const clock = createTestClock(new Date('2025-03-03T10:00:00Z'));
const fetchAllowingLoopback: ConnectorFetch = (url, o) => safeFetch(url, { ...o, allowPrivate: ['127.0.0.1'], timeoutMs: 3000 });
let server: http.Server;
let base = '';
const seen: Array<Record<string, string | undefined>> = [];

before(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url, inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'], accept: req.headers.accept });
    if (req.url === '/atom/Gossiping.xml') {
      if (req.headers['if-none-match'] === '"ptt-1"') return void res.writeHead(304, { etag: '"ptt-1"' }).end();
      res.writeHead(200, {
        'content-type': 'application/atom+xml; charset=utf-8',
        etag: '"ptt-1"',
        'last-modified': 'Mon, 03 Mar 2025 09:21:05 GMT',
      });
      res.end(ptt);
    } else if (req.url === '/moved') res.writeHead(301, { location: '/atom/Gossiping.xml' }).end();
    else if (req.url === '/lol.xml') res.writeHead(200, { 'content-type': 'text/xml', etag: '"lol"' }).end(laughs);
    else if (req.url === '/down') res.writeHead(503, { 'retry-after': '60' }).end();
    else if (req.url === '/meta') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else res.writeHead(404).end('<html><body>Not found</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const ctx = (url: string, more: Partial<PollContext<RssConfig>> = {}): PollContext<RssConfig> => ({
  config: rssConnector.configSchema.parse({ url }),
  fetch: fetchAllowingLoopback,
  clock,
  ...more,
});

test('first poll reads the feed; the second, with its ETag, is notModified', async () => {
  const first = await pollRss(ctx(`${base}/atom/Gossiping.xml`));
  assert.ok(first.ok, JSON.stringify(!first.ok && first.error));
  assert.equal(first.notModified, false);
  assert.equal(first.items.length, 3);
  assert.equal(first.items[0].title, '[問卦] 鼎泰豐小籠包吃到異物是真的假的？');
  assert.equal(first.etag, '"ptt-1"');
  assert.equal(first.lastModified, 'Mon, 03 Mar 2025 09:21:05 GMT');
  assert.match(seen.at(-1)?.accept ?? '', /application\/atom\+xml/);

  const second = await pollRss(ctx(`${base}/atom/Gossiping.xml`, { etag: first.etag, lastModified: first.lastModified }));
  assert.deepEqual(second, { ok: true, items: [], etag: '"ptt-1"', lastModified: 'Mon, 03 Mar 2025 09:21:05 GMT', notModified: true });
  assert.equal(seen.at(-1)?.inm, '"ptt-1"');
  assert.equal(seen.at(-1)?.ims, 'Mon, 03 Mar 2025 09:21:05 GMT');
});

test('a redirected feed still parses, with a warning naming the new address', async () => {
  const r = await pollRss(ctx(`${base}/moved`));
  assert.ok(r.ok);
  assert.equal(r.items.length, 3);
  assert.match(r.warnings?.join() ?? '', /redirects to .*\/atom\/Gossiping\.xml/);
});

test('failures are values with a code, a message and a retry hint; validators are not kept on parse errors', async () => {
  const cases: Array<[string, string, boolean]> = [
    [`${base}/lol.xml`, 'dtd_forbidden', false],
    [`${base}/down`, 'http_error', true],
    [`${base}/missing`, 'http_error', false],
    [`${base}/meta`, 'blocked_address', false],
  ];
  for (const [url, code, transient] of cases) {
    const r = await pollRss(ctx(url));
    assert.ok(!r.ok, url);
    assert.equal(r.error.code, code, r.error.message);
    assert.equal(r.error.transient, transient, url);
    assert.ok(!('etag' in r));
  }
  const down = await pollRss(ctx(`${base}/down`));
  assert.ok(!down.ok && down.error.retryAfterMs === 60_000);
  // Without the admin allow-list, loopback is refused before any request is sent.
  const before = seen.length;
  const blocked = await pollRss(ctx(`${base}/atom/Gossiping.xml`, { fetch: (u, o) => safeFetch(u, o) }));
  assert.ok(!blocked.ok && blocked.error.code === 'blocked_address');
  assert.equal(seen.length, before);
});

test('registry and config schema', () => {
  assert.equal(connectorFor('rss'), rssConnector);
  assert.equal(connectorFor('nope'), undefined);
  assert.deepEqual(
    connectors.map((c) => c.kind),
    ['rss', 'jetstream'],
  );
  assert.ok(rssConnector.configSchema.safeParse({ url: 'https://www.ptt.cc/atom/Gossiping.xml' }).success);
  for (const bad of [{ url: 'file:///etc/passwd' }, { url: 'ftp://x/' }, {}, { url: 'https://x/', extra: 1 }]) {
    assert.ok(!rssConnector.configSchema.safeParse(bad).success, JSON.stringify(bad));
  }
});
