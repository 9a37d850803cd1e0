// `firebreak demo-feed` as a real process against DATABASE_URL: calm history first, then a live wave whose
// negative share rises; refuses to run before setup, and bad options are clear errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { setUpOrg } from '../helpers/client.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';
import { cleanUpAfterEachTest, runCli } from './harness.ts';

cleanUpAfterEachTest();

const T = { timeout: 90_000 };

describe('firebreak demo-feed', () => {
  let databaseUrl: string;
  let env: Record<string, string>;
  let dataDir: string;
  const q = async <R extends pg.QueryResultRow = any>(text: string) => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query<R>(text)).rows;
    } finally {
      await c.end();
    }
  };

  before(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-demo-'));
    env = { DATABASE_URL: databaseUrl, FIREBREAK_DATA_DIR: dataDir };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('before setup it says what to do; bad options are named', T, async () => {
    const early = await runCli(['demo-feed', '--minutes', '0.1'], env);
    assert.equal(early.code, 1);
    assert.match(early.stderr, /not set up yet/);
    const bad = await runCli(['demo-feed', '--rate', 'fast'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--rate/);
  });

  test('loads calm history, then a live wave through the real pipeline', T, async () => {
    const { url } = await startTestServer({ databaseUrl });
    await setUpOrg(url);
    const started = Date.now();
    const r = await runCli(['demo-feed', '--rate', '20', '--minutes', '0.1', '--backfill', '2'], env, { timeoutMs: 80_000 });
    assert.equal(r.code, 0, r.stderr);
    const stored = Number(/Demo feed stored (\d+) mentions/.exec(r.stdout)?.[1]);
    const rows = await q<{ n: number; history: number; live: number; sources: number; reposts: number }>(`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE published_at < to_timestamp(${started / 1000}) - interval '1 minute')::int AS history,
        count(*) FILTER (WHERE published_at >= to_timestamp(${started / 1000}) - interval '1 minute')::int AS live,
        count(DISTINCT source_id)::int AS sources, count(*) FILTER (WHERE cluster_id <> id)::int AS reposts
      FROM mentions`);
    const m = rows[0];
    assert.equal(m.n, stored, 'every mention it reports is stored');
    assert.ok(m.history > 0, 'calm history before the run');
    assert.ok(m.live > 0, 'live mentions during the run');
    assert.equal(m.sources, 5, 'demo-ptt … demo-youtube');
    assert.ok(m.reposts > 0, 'some mentions are reposts of a story');
    // The wave: the live part is more negative than the calm history.
    const share = await q<{ history: number; live: number }>(`
      SELECT avg((sentiment = -1)::int) FILTER (WHERE published_at < to_timestamp(${started / 1000}) - interval '1 minute')::float AS history,
        avg((sentiment = -1)::int) FILTER (WHERE published_at >= to_timestamp(${started / 1000}) - interval '1 minute')::float AS live
      FROM mentions`);
    assert.ok(share[0].live > share[0].history, `negative share rises: ${JSON.stringify(share[0])}`);
    const events = await q<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'mention.batch_ingested'`);
    assert.ok(events[0].n > 0, 'batches are recorded as events (what moves the live dashboard)');
  });
});
