// "Kill the server during a push": the real `firebreak start` (embedded PostgreSQL) takes concurrent push
// batches until some are acknowledged, then its whole process group is SIGKILLed with pushes in flight.
// After a restart on the same data directory: every acknowledged batch is stored, each exactly once; every
// other batch is all or nothing (with its one event); re-pushing reports the stored ones as duplicates only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { setUpOrg } from '../helpers/client.ts';
import { cleanUpAfterEachTest, http, makeDataDir, postmasterPids, runCli, spawnFirebreak, waitFor, withTimeout } from './harness.ts';

cleanUpAfterEachTest();

const SOURCE = 'kill-push';
const BATCH = 40;
const BATCHES = 400;
const CONCURRENCY = 6;
const KILL_AFTER_ACKS = 12;
const WARM = -1; // one batch of one mention first: creates the source and loads the models

type Outcome = { state: 'unsent' | 'in flight' | 'acknowledged' | 'failed'; detail?: string };

const key = (b: number, i: number) => `kp-${b}-${i}`;
const sizeOf = (b: number) => (b === WARM ? 1 : BATCH);
const publishedAt = new Date(Date.now() - 3_600_000).toISOString();
const batch = (b: number) =>
  Array.from({ length: sizeOf(b) }, (_, i) => ({
    source: SOURCE,
    externalId: key(b, i),
    url: `https://example.com/kill-push/${b}/${i}`,
    author: `author-${i % 7}`,
    text: `第 ${b} 批第 ${i} 則：鼎泰豐的小籠包 ${((b + 2) * 7919 + i * 104_729) % 1_000_003} batch ${b} item ${i}`,
    publishedAt,
    lang: 'zh-Hant',
  }));

const push = (url: string, secret: string, b: number) =>
  http<{ accepted: number; duplicate: number; rejected: number; items: Array<{ status: string }> }>(`${url}/api/mentions`, {
    method: 'POST',
    body: { mentions: batch(b) },
    headers: { authorization: `Bearer ${secret}` },
    timeoutMs: 30_000,
  });

/** Pushes batches 0…BATCHES-1 from CONCURRENCY workers; resolves `killNow` once KILL_AFTER_ACKS were acknowledged. */
function pushUntilKilled(url: string, secret: string) {
  const outcomes: Outcome[] = Array.from({ length: BATCHES }, () => ({ state: 'unsent' }));
  let next = 0;
  let acks = 0;
  let stop = false;
  let reached!: () => void;
  const killNow = new Promise<void>((r) => {
    reached = r;
  });
  const worker = async () => {
    while (!stop && next < BATCHES) {
      const b = next++;
      outcomes[b] = { state: 'in flight' };
      try {
        const r = await push(url, secret, b);
        outcomes[b] = r.status === 200 ? { state: 'acknowledged' } : { state: 'failed', detail: `${r.status} ${JSON.stringify(r.body)}` };
        if (r.status === 200) assert.deepEqual([r.body.accepted, r.body.duplicate, r.body.rejected], [BATCH, 0, 0]);
        if (r.status === 200 && ++acks === KILL_AFTER_ACKS) reached();
      } catch (e) {
        outcomes[b] = { state: 'failed', detail: String(e) };
      }
    }
  };
  const workers = Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    outcomes,
    killNow,
    workers,
    stop: () => {
      stop = true;
    },
  };
}

/** Connects to the embedded cluster of a running server (its port is in the lock, its password beside it). */
async function openDb(dir: string) {
  const { pgPort } = JSON.parse(fs.readFileSync(path.join(dir, 'firebreak.lock'), 'utf8')) as { pgPort: number };
  const password = fs.readFileSync(path.join(dir, 'postgres-password'), 'utf8').trim();
  const db = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/firebreak` });
  await db.connect();
  return db;
}

/** external_key → number of rows, for this test's source; and how many batches were recorded as events. */
async function stored(db: pg.Client) {
  const rows = await db.query<{ k: string; n: number }>(
    `SELECT m.external_key AS k, count(*)::int AS n FROM mentions m JOIN sources s ON s.id = m.source_id
     WHERE s.name = $1 GROUP BY m.external_key`,
    [SOURCE],
  );
  const events = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'mention.batch_ingested'`);
  return { keys: new Map(rows.rows.map((r) => [r.k, r.n])), events: events.rows[0].n };
}

const present = (keys: Map<string, number>, b: number) =>
  Array.from({ length: sizeOf(b) }, (_, i) => keys.get(key(b, i)) ?? 0).reduce((x, y) => x + y, 0);

test('kill -9 during concurrent pushes: acknowledged batches survive, once; no batch is partial', { timeout: 150_000 }, async (t) => {
  const dir = makeDataDir();
  const env = { FIREBREAK_DATA_DIR: dir };
  const first = spawnFirebreak(['start'], env);
  const url = await first.waitForUrl();
  const { admin } = await setUpOrg(url);
  const write = await admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  assert.equal(write.status, 201, JSON.stringify(write.body));
  const secret: string = write.body.secret;
  const warm = await push(url, secret, WARM);
  assert.equal(warm.status, 200, JSON.stringify(warm.body));
  assert.equal(warm.body.accepted, 1);

  // Push, and kill the whole process group (PostgreSQL too) as soon as enough batches were acknowledged.
  const run = pushUntilKilled(url, secret);
  await withTimeout(run.killNow, 60_000, () => `fewer than ${KILL_AFTER_ACKS} batches acknowledged in 60 s: ${first.stderr}`);
  run.stop();
  const inFlightAtKill = run.outcomes.filter((o) => o.state === 'in flight').length;
  first.signal('SIGKILL', true);
  await first.waitExit(10_000);
  await withTimeout(run.workers, 30_000, () => 'pushes did not end after the kill');
  assert.ok(inFlightAtKill > 0, 'the kill came while batches were in flight');
  const failedBeforeKill = run.outcomes.filter(
    (o) => o.state === 'failed' && !/fetch failed|abort|terminated|socket|ECONN/i.test(o.detail ?? ''),
  );
  assert.deepEqual(failedBeforeKill, [], 'only the kill made pushes fail');
  assert.ok(await waitFor(() => postmasterPids(dir).length === 0, 5000), 'PostgreSQL died with its group');

  // Restart on the same data directory: PostgreSQL recovers from its WAL.
  const second = spawnFirebreak(['start'], env);
  const url2 = await second.waitForUrl();
  const db = await openDb(dir);
  try {
    const acked = [WARM, ...run.outcomes.flatMap((o, b) => (o.state === 'acknowledged' ? [b] : []))];
    const attempted = [WARM, ...run.outcomes.flatMap((o, b) => (o.state === 'unsent' ? [] : [b]))];
    const before = await stored(db);
    assert.ok(
      [...before.keys.values()].every((n) => n === 1),
      'no mention is stored twice',
    );
    for (const b of acked) assert.equal(present(before.keys, b), sizeOf(b), `acknowledged batch ${b} is all there`);
    const storedBatches = attempted.filter((b) => present(before.keys, b) > 0);
    for (const b of attempted) assert.ok([0, sizeOf(b)].includes(present(before.keys, b)), `batch ${b} is all or nothing`);
    const total = storedBatches.reduce((n, b) => n + sizeOf(b), 0);
    assert.equal(before.keys.size, total, 'nothing stored beyond whole batches that were sent');
    assert.equal(before.events, storedBatches.length, 'one mention.batch_ingested event per stored batch, none for the others');
    const unacked = attempted.filter((b) => !acked.includes(b));
    t.diagnostic(
      `acknowledged ${acked.length}, in flight at the kill ${inFlightAtKill}: ${unacked.filter((b) => storedBatches.includes(b)).length} committed unanswered, ${unacked.filter((b) => !storedBatches.includes(b)).length} lost`,
    );

    // Re-push everything that was sent: stored batches are duplicates only, the others are stored now.
    const again = new Map<number, { accepted: number; duplicate: number; statuses: string[] }>();
    const queue = [...attempted];
    const repush = async () => {
      for (let b = queue.shift(); b !== undefined; b = queue.shift()) {
        const r = await push(url2, secret, b);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        again.set(b, { accepted: r.body.accepted, duplicate: r.body.duplicate, statuses: [...new Set(r.body.items.map((i) => i.status))] });
      }
    };
    await withTimeout(Promise.all([repush(), repush(), repush()]), 60_000, () => 're-push took longer than 60 s');
    for (const b of attempted) {
      const wasStored = storedBatches.includes(b);
      assert.deepEqual(
        again.get(b),
        wasStored
          ? { accepted: 0, duplicate: sizeOf(b), statuses: ['duplicate'] }
          : { accepted: sizeOf(b), duplicate: 0, statuses: ['accepted'] },
        `re-push of batch ${b} (${wasStored ? 'stored' : 'lost in flight'})`,
      );
    }
    const after = await stored(db);
    assert.equal(
      after.keys.size,
      attempted.reduce((n, b) => n + sizeOf(b), 0),
    );
    assert.ok([...after.keys.values()].every((n) => n === 1));
  } finally {
    await db.end();
  }
  second.signal('SIGTERM');
  assert.equal((await second.waitExit(15_000)).code, 0, second.stderr);
  const verify = await runCli(['audit', 'verify'], env);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /Audit chain intact/);
});
