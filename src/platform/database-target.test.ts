// The embedded cluster's memory: shared_buffers sized from the machine unless FIREBREAK_PG_SHARED_BUFFERS says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './database-target.ts';
import { defaultSharedBuffers } from './embedded-postgres.ts';

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
