// The stream runner against the real database with a tiny in-test connector: batches are ingested and their cursor
// stored, a dropped stream reconnects from the stored cursor (a replayed item is a duplicate, not a second mention),
// errors show on the source, only one runner (process) streams a source, and pausing stops the stream.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createTestDatabase, onCleanup } from '../../../../test/helpers/db.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { loadConfig } from '../../../platform/config.ts';
import { createDb } from '../../../platform/db.ts';
import { recordEvent } from '../../../platform/events.ts';
import type { CollectDeps } from './collect.ts';
import { defineConnector, type MentionInputWithoutSource, type StreamBatch } from './connectors/types.ts';
import { createStreamRunner, reconnectDelayMs, type StreamRunner } from './stream-runner.ts';

const clock = createTestClock(new Date('2025-05-01T08:00:00Z'));
const item = (n: number): MentionInputWithoutSource => ({
  externalId: `post-${n}`,
  text: `第 ${n} 則貼文：客服回覆太慢了 post ${n}`,
  author: 'someone',
  publishedAt: '2025-05-01T07:59:00Z',
});

// Each connection plays the next script; `cursors` records where each connection was asked to resume.
type Script = (cursor: string | undefined, signal: AbortSignal) => AsyncGenerator<StreamBatch>;
const scripts: Script[] = [];
const cursors: Array<string | undefined> = [];
const waitForAbort = (signal: AbortSignal) =>
  new Promise<void>((r) => (signal.aborted ? r() : signal.addEventListener('abort', () => r())));

const testStream = defineConnector({
  kind: 'test-stream',
  label: 'Test stream',
  configSchema: z.strictObject({ channel: z.string().min(1) }),
  async *stream(ctx, signal) {
    cursors.push(ctx.cursor);
    const script = scripts.shift();
    if (!script) return void (await waitForAbort(signal));
    yield* script(ctx.cursor, signal);
  },
});

let url = '';
let deps: CollectDeps;
let orgId = '';
const runners: StreamRunner[] = [];

before(async () => {
  url = await createTestDatabase();
  const database = createDb(url);
  onCleanup(() => database.close());
  deps = { db: database.db, clock, config: loadConfig({}), connectors: [testStream] };
  orgId = (await database.db.execute<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('Streams Ltd') RETURNING id`)).rows[0].id;
});
after(async () => {
  for (const r of runners) await r.stop();
});

function runner() {
  const r = createStreamRunner(deps, { databaseUrl: url, reconcileMs: 3_600_000, sleep: () => delay(5), random: () => 0 });
  runners.push(r);
  return r;
}

async function until<T>(what: string, f: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await f();
    if (v) return v;
    await delay(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Row = {
  cursor: string | null;
  last_error: string | null;
  consecutive_failures: number;
  items_total: string;
  last_items: number | null;
};
const row = async (id: string) => (await deps.db.execute<Row>(sql`SELECT * FROM sources WHERE id = ${id}`)).rows[0];
const count = async (id: string) =>
  (await deps.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM mentions WHERE source_id = ${id}`)).rows[0].n;

async function addSource(name: string) {
  const res = await deps.db.execute<{ id: string }>(
    sql`INSERT INTO sources (org_id, kind, name, config) VALUES (${orgId}, 'test-stream', ${name}, '{"channel":"x"}'::jsonb) RETURNING id`,
  );
  return res.rows[0].id;
}

test('reconnect delays double from 1 s to 5 min with up to 50% jitter, and honour Retry-After', () => {
  assert.equal(
    reconnectDelayMs(1, () => 0),
    1000,
  );
  assert.equal(
    reconnectDelayMs(4, () => 0),
    8000,
  );
  assert.equal(
    reconnectDelayMs(4, () => 1),
    12_000,
  );
  assert.equal(
    reconnectDelayMs(40, () => 0),
    300_000,
  );
  assert.equal(
    reconnectDelayMs(1, () => 0, 60_000),
    60_000,
  );
});

test('batches are stored with their cursor; a dropped stream resumes from it and a replayed item is not stored twice', async () => {
  scripts.push(
    async function* () {
      yield { items: [item(1), item(2)], cursor: 'c2' };
      yield { items: [item(3)], cursor: 'c3' };
      throw new Error('The server closed the connection (1006).');
    },
    async function* (_cursor, signal) {
      yield { items: [item(3), item(4)], cursor: 'c4' };
      await waitForAbort(signal);
    },
  );
  const id = await addSource('firehose');
  const r = runner();
  await r.start();
  await until('the cursor after the reconnect', async () => (await row(id)).cursor === 'c4');
  assert.deepEqual(cursors.slice(0, 2), [undefined, 'c3']);
  assert.equal(await count(id), 4);
  const s = await row(id);
  assert.equal(Number(s.items_total), 4);
  assert.equal(s.last_items, 1, 'the replayed item was a duplicate');
  assert.equal(s.consecutive_failures, 0);
  assert.equal(s.last_error, 'The server closed the connection (1006).');
  assert.deepEqual(r.active, [id]);

  // Pausing stops the stream and releases it.
  await deps.db.execute(sql`UPDATE sources SET status = 'paused', version = version + 1 WHERE id = ${id}`);
  await r.reconcile();
  assert.deepEqual(r.active, []);
  await r.stop();
});

test('a failing stream shows its error and keeps retrying; only one runner streams a source', async () => {
  for (let i = 0; i < 3; i++)
    scripts.push(
      // biome-ignore lint/correctness/useYield: a connection that fails before sending anything
      async function* () {
        throw new Error('connect ECONNREFUSED: the stream server refused the connection.');
      },
    );
  const id = await addSource('flaky');
  const a = runner();
  const b = runner();
  await a.start();
  await b.start();
  const s = await until('three failures', async () => {
    const r = await row(id);
    return r.consecutive_failures >= 3 && r;
  });
  assert.match(s.last_error ?? '', /refused the connection/);
  assert.equal(a.active.length + b.active.length, 1, 'exactly one runner holds the source');
  const [holder, other] = a.active.length ? [a, b] : [b, a];
  // The holder stops (a process shutting down): the other takes the source over at its next reconcile.
  await holder.stop();
  await other.reconcile();
  assert.deepEqual(other.active, [id]);
  await other.stop();
});

test('a source created anywhere starts streaming at once: the runner listens for source events', async () => {
  await deps.db.execute(sql`UPDATE sources SET status = 'paused'`);
  const r = runner();
  await r.start();
  assert.deepEqual(r.active, []);
  const id = await addSource('announced');
  await deps.db.transaction((tx) =>
    recordEvent(tx, clock, {
      orgId,
      type: 'source.created',
      actor: { type: 'system', label: 'test' },
      subjectType: 'source',
      subjectId: id,
    }),
  );
  await until('the stream to start', async () => r.active.includes(id));
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE sources SET status = 'paused', version = version + 1 WHERE id = ${id}`);
    await recordEvent(tx, clock, {
      orgId,
      type: 'source.updated',
      actor: { type: 'system', label: 'test' },
      subjectType: 'source',
      subjectId: id,
    });
  });
  await until('the stream to stop', async () => !r.active.includes(id));
  await r.stop();
});
