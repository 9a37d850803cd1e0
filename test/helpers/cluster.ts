// One embedded PostgreSQL cluster per test run, with a migrated template database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateWorkerSchema } from '../../src/features/monitoring/server/scheduler-worker.ts';
import { startEmbeddedPostgres } from '../../src/platform/embedded-postgres.ts';
import { runMigrations } from '../../src/platform/migrate.ts';

/** The template every test file's database is created from. */
export const TEMPLATE_DB = 'firebreak_template';

/** Starts a throwaway cluster tuned for tests (durability off: it is deleted afterwards). */
export async function startTestCluster() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-test-'));
  const cluster = await startEmbeddedPostgres({
    dataDir,
    // PostgreSQL's default buffers: tests read little, and several test clusters may run side by side.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400', shared_buffers: '128MB' },
  });
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await runMigrations(cluster.url(TEMPLATE_DB));
  // Graphile Worker's schema too, so a test server's job queue starts without installing it per database.
  await migrateWorkerSchema(cluster.url(TEMPLATE_DB));
  return {
    adminUrl: cluster.url('postgres'),
    async stop() {
      await cluster.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
