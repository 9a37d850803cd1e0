// The embedded cluster's memory: shared_buffers sized from the machine unless FIREBREAK_PG_SHARED_BUFFERS says,
// and refilled after a restart by autoprewarm.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './database-target.ts';
import { defaultSharedBuffers, hasPrewarm, startEmbeddedPostgres } from './embedded-postgres.ts';

const GB = 1024 ** 3;

test('shared_buffers by default: a quarter of memory, never under 128 MB nor over 2 GB', () => {
  assert.equal(defaultSharedBuffers(256 * 1024 ** 2), '128MB');
  assert.equal(defaultSharedBuffers(4 * GB), '1024MB');
  assert.equal(defaultSharedBuffers(6 * GB), '1536MB');
  assert.equal(defaultSharedBuffers(24 * GB), '2048MB');
});

test('FIREBREAK_PG_SHARED_BUFFERS takes a PostgreSQL size; anything else is named', () => {
  assert.equal(loadConfig({}).pgSharedBuffers, undefined);
  assert.equal(loadConfig({ FIREBREAK_PG_SHARED_BUFFERS: '512MB' }).pgSharedBuffers, '512MB');
  for (const bad of ['512', '2 GB', '0MB', '1TB', '-1GB', '512MB; DROP']) {
    assert.throws(
      () => loadConfig({ FIREBREAK_PG_SHARED_BUFFERS: bad }),
      (e: Error) => e instanceof ConfigError && /FIREBREAK_PG_SHARED_BUFFERS/.test(e.message),
      bad,
    );
  }
});

async function sharedBuffersOf(env: NodeJS.ProcessEnv) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-buffers-'));
  const target = await openDatabase(loadConfig({ ...env, FIREBREAK_DATA_DIR: dataDir }), { exclusive: true, log: () => {} });
  try {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const r = await client.query<{ mb: string }>(
      `SELECT (setting::bigint * current_setting('block_size')::bigint / 1048576)::text AS mb FROM pg_settings WHERE name = 'shared_buffers'`,
    );
    await client.end();
    return `${r.rows[0].mb}MB`;
  } finally {
    await target.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test('the embedded PostgreSQL runs with the sized or configured shared_buffers', { timeout: 120_000 }, async () => {
  assert.equal(await sharedBuffersOf({}), defaultSharedBuffers());
  assert.equal(await sharedBuffersOf({ FIREBREAK_PG_SHARED_BUFFERS: '160MB' }), '160MB');
});

test('after a restart the embedded PostgreSQL reads back the pages it held (autoprewarm)', {
  timeout: 120_000,
  skip: !hasPrewarm((await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)).postgres),
}, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-prewarm-'));
  let cluster = await startEmbeddedPostgres({ dataDir, settings: { shared_buffers: '128MB' } });
  const query = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    try {
      return (await client.query(sqlText)).rows;
    } finally {
      await client.end();
    }
  };
  // Counts the table's pages held in shared buffers.
  const held = async () =>
    Number(
      (
        await query(`SELECT count(*) AS n FROM pg_buffercache b JOIN pg_class c ON b.relfilenode = pg_relation_filenode(c.oid)
            WHERE c.relname = 'warm' AND b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`)
      )[0].n,
    );
  try {
    await query('CREATE EXTENSION pg_buffercache');
    await query(`CREATE TABLE warm AS SELECT g AS id, repeat('x', 500) AS pad FROM generate_series(1, 20000) g`);
    const pages = Number((await query(`SELECT pg_relation_size('warm') / 8192 AS n`))[0].n);
    await query('SELECT count(*) FROM warm');
    assert.ok((await held()) >= pages * 0.9, 'the table is in shared buffers before the restart');
    await cluster.stop();
    assert.ok(fs.existsSync(path.join(dataDir, 'postgres', 'autoprewarm.blocks')), 'the buffer list was saved at shutdown');
    cluster = await startEmbeddedPostgres({ dataDir, settings: { shared_buffers: '128MB' } });
    // Read back in the background: wait for it, without reading the table ourselves.
    const deadline = Date.now() + 20_000;
    let after = await held();
    while (after < pages * 0.9 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await held();
    }
    assert.ok(after >= pages * 0.9, `after the restart ${after} of ${pages} pages are back in shared buffers`);
  } finally {
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
