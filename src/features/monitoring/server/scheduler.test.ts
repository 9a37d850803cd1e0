// Polling end to end against a real loopback HTTP server: conditional GET, back-off computed with a test clock,
// and hostile feeds (billion laughs, external entities, a 100 MB body, endless redirects, slowloris) that must each
// end as a clear error on the source, never a crash or a hung worker. Feed parsing itself is tested in connectors/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, onCleanup } from '../../../../test/helpers/db.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { loadConfig } from '../../../platform/config.ts';
import { createDb } from '../../../platform/db.ts';
import { BACKOFF_CAP_MS, backoffMs, type CollectDeps } from './collect.ts';
import { dueSources, pollDueSources, pollSource } from './scheduler.ts';

const fixture = (f: string) => fs.readFileSync(new URL(`../../../../test/fixtures/feeds/${f}`, import.meta.url));
const ptt = fixture('ptt-gossiping.xml');
const clock = createTestClock(new Date('2025-03-03T10:00:00Z'));
const T0 = clock.now().getTime();
const MIN = 60_000;
let server: http.Server;
let base = '';
let deps: CollectDeps;
let orgId = '';
const requests: Array<{ url?: string; inm?: string }> = [];
const timers = new Set<NodeJS.Timeout>();

function hostileServer() {
  return http.createServer((req, res) => {
    requests.push({ url: req.url, inm: req.headers['if-none-match'] });
    const url = req.url ?? '/';
    if (url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      return void res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"v1"' }).end(ptt);
    }
    if (url === '/laughs.xml') return void res.writeHead(200, { 'content-type': 'text/xml' }).end(fixture('billion-laughs.xml'));
    if (url === '/xxe.xml') return void res.writeHead(200, { 'content-type': 'text/xml' }).end(fixture('external-entity.xml'));
    if (url.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${Number(url.slice(5) || 0) + 1}` }).end();
    if (url === '/huge.xml') {
      // 100 MB, streamed in 64 KiB chunks with back-pressure: never allocated, and it stops when the client hangs up.
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let left = 100 * 1024 * 1024;
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': String(left) });
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (url === '/slowloris.xml') {
      // Headers at once, then one byte every 200 ms: never idle long enough for the idle limit, so only the total limit ends it.
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<?xml version="1.0"?><rss><channel>');
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 200);
      timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (url === '/silent.xml') return; // never answers at all
    if (url === '/busy.xml') return void res.writeHead(503, { 'retry-after': '7200' }).end();
    res.writeHead(404).end('<html><body>Not found</body></html>');
  });
}

before(async () => {
  server = hostileServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const database = createDb(await createTestDatabase());
  onCleanup(() => database.close());
  deps = {
    db: database.db,
    clock,
    config: loadConfig({ FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' }),
    fetchDefaults: { timeoutMs: 2500, headersTimeoutMs: 1500, idleTimeoutMs: 1500 },
  };
  const org = await database.db.execute<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('Feeds Inc') RETURNING id`);
  orgId = org.rows[0].id;
});
after(() => {
  for (const t of timers) clearInterval(t);
  server.closeAllConnections();
  server.close();
});

async function addSource(name: string, path: string, extra: Record<string, unknown> = {}) {
  const res = await deps.db.execute<{ id: string }>(sql`
    INSERT INTO sources (org_id, kind, name, config) VALUES (${orgId}, 'rss', ${name}, ${JSON.stringify({ url: base + path, ...extra })}::jsonb)
    RETURNING id`);
  return res.rows[0].id;
}

type SourceState = {
  last_error: string | null;
  last_error_code: string | null;
  consecutive_failures: number;
  next_run_at: Date | null;
  etag: string | null;
  items_total: string;
  last_items: number | null;
  last_success_at: Date | null;
};
async function state(id: string): Promise<SourceState> {
  return (await deps.db.execute<SourceState>(sql`SELECT * FROM sources WHERE id = ${id}`)).rows[0];
}
const at = (d: Date | null) => (d ? new Date(d).getTime() : null);

test('a feed is collected, then a conditional GET (If-None-Match → 304) adds nothing', async () => {
  const id = await addSource('PTT 八卦', '/feed.xml', { intervalSeconds: 600 });
  assert.deepEqual(await dueSources(deps), [id]);
  const first = await pollSource(deps, id);
  assert.equal(first.status, 'ok');
  assert.equal(first.status === 'ok' && first.accepted, 3);
  let s = await state(id);
  assert.equal(s.etag, '"v1"');
  assert.equal(s.last_items, 3);
  assert.equal(Number(s.items_total), 3);
  assert.equal(at(s.next_run_at), T0 + 10 * MIN);
  const stored = await deps.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM mentions WHERE source_id = ${id}`);
  assert.equal(stored.rows[0].n, 3);
  const events = await deps.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM events WHERE type = 'mention.batch_ingested'`);
  assert.equal(events.rows[0].n, 1);

  assert.deepEqual(await pollSource(deps, id), { status: 'skipped', reason: 'not_due' });
  clock.advance(10 * MIN);
  const second = await pollSource(deps, id);
  assert.deepEqual(second.status === 'ok' && [second.notModified, second.accepted], [true, 0]);
  assert.equal(requests.filter((r) => r.url === '/feed.xml').at(-1)?.inm, '"v1"');
  s = await state(id);
  assert.equal(Number(s.items_total), 3);
  assert.equal(s.last_items, 0);
  clock.set(new Date(T0));
  await deps.db.execute(sql`UPDATE sources SET status = 'paused' WHERE id = ${id}`);
});

test('back-off: the interval doubles per failure up to 6 hours, Retry-After is honoured, success resets it', async () => {
  assert.equal(backoffMs(1, 10 * MIN), 10 * MIN);
  assert.equal(backoffMs(3, 10 * MIN), 40 * MIN);
  assert.equal(backoffMs(30, 10 * MIN), BACKOFF_CAP_MS);
  assert.equal(backoffMs(1, 10 * MIN, 2 * 3_600_000), 2 * 3_600_000);
  assert.equal(backoffMs(1, 10 * MIN, 48 * 3_600_000), BACKOFF_CAP_MS);

  const id = await addSource('gone', '/gone.xml', { intervalSeconds: 600 });
  let now = T0;
  const expected = [10, 20, 40, 80, 160, 320, 360, 360];
  for (const [i, minutes] of expected.entries()) {
    clock.set(new Date(now));
    const out = await pollSource(deps, id);
    assert.equal(out.status, 'error');
    const s = await state(id);
    assert.equal(s.consecutive_failures, i + 1);
    assert.equal(at(s.next_run_at), now + minutes * MIN, `failure ${i + 1}`);
    assert.match(s.last_error ?? '', /404.*moved or been removed/);
    // Not polled a moment before it is due.
    clock.set(new Date(now + minutes * MIN - 1000));
    assert.equal((await pollSource(deps, id)).status, 'skipped');
    now += minutes * MIN;
  }
  // The feed comes back: one success resets the failures and the interval.
  await deps.db.execute(
    sql`UPDATE sources SET config = ${JSON.stringify({ url: `${base}/feed.xml`, intervalSeconds: 600 })}::jsonb WHERE id = ${id}`,
  );
  clock.set(new Date(now));
  assert.equal((await pollSource(deps, id)).status, 'ok');
  const s = await state(id);
  assert.equal(s.consecutive_failures, 0);
  assert.equal(at(s.next_run_at), now + 10 * MIN);

  const busy = await addSource('busy', '/busy.xml', { intervalSeconds: 600 });
  const out = await pollSource(deps, busy);
  assert.equal(out.status, 'error');
  assert.equal(at((await state(busy)).next_run_at), now + 2 * 3_600_000, 'Retry-After: 7200 wins over the 10-minute interval');
  clock.set(new Date(T0));
  await deps.db.execute(sql`UPDATE sources SET status = 'paused' WHERE id IN (${id}, ${busy})`);
});

test('hostile feeds each end as a clear error on the source; the worker goes on', async () => {
  const cases: Array<[string, string, RegExp, string]> = [
    ['billion laughs', '/laughs.xml', /DTD|entit/i, 'dtd_forbidden'],
    ['external entity', '/xxe.xml', /DTD|entit/i, 'dtd_forbidden'],
    ['100 MB body', '/huge.xml', /larger than|too large|MB/i, 'too_large'],
    ['endless redirects', '/loop', /redirects/i, 'too_many_redirects'],
    ['slowloris', '/slowloris.xml', /within|time/i, 'timeout'],
    ['silent server', '/silent.xml', /No response|within/i, 'timeout'],
  ];
  const ids = new Map<string, string>();
  for (const [name, path] of cases) ids.set(name, await addSource(name, path));
  const memoryBefore = process.memoryUsage().rss;
  const outcomes = await pollDueSources(deps);
  assert.equal(outcomes.length, cases.length);
  for (const [name, , message, code] of cases) {
    const s = await state(ids.get(name)!);
    assert.match(s.last_error ?? '(none)', message, name);
    assert.equal(s.last_error_code, code, name);
    assert.equal(s.consecutive_failures, 1, name);
    assert.ok(at(s.next_run_at)! > T0, `${name} is backed off`);
  }
  assert.ok(process.memoryUsage().rss - memoryBefore < 80 * 1024 * 1024, 'the 100 MB body was not buffered');
  // Nothing is due any more, and a good feed still polls fine afterwards.
  assert.deepEqual(await dueSources(deps), []);
  const good = await addSource('still fine', '/feed.xml');
  assert.equal((await pollSource(deps, good)).status, 'ok');
});

test('a paused source is not polled; an unknown source is skipped', async () => {
  const id = await addSource('paused feed', '/feed.xml');
  await deps.db.execute(sql`UPDATE sources SET status = 'paused' WHERE id = ${id}`);
  assert.ok(!(await dueSources(deps)).includes(id));
  assert.deepEqual(await pollSource(deps, id, { force: true }), { status: 'skipped', reason: 'paused' });
  assert.deepEqual(await pollSource(deps, '00000000-0000-4000-8000-000000000000'), { status: 'skipped', reason: 'not_found' });
});

test('two pollers never poll the same source at once', async () => {
  const id = await addSource('raced', '/slowloris.xml');
  const [a, b] = await Promise.all([pollSource(deps, id), pollSource(deps, id)]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, ['error', 'skipped']);
  assert.deepEqual(
    [a, b].find((o) => o.status === 'skipped'),
    { status: 'skipped', reason: 'busy' },
  );
});
