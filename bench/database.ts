// A throwaway embedded PostgreSQL (normal durability) with a migrated `bench` database, for benchmarks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/embedded-postgres.ts';
import { runMigrations } from '../src/platform/migrate.ts';

/** Starts the cluster (the product's settings unless `settings` overrides them), creates and migrates `bench`; `stop()` stops it and deletes its files. */
export async function startBenchDatabase(name: string, settings: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `fb-bench-${name}-`));
  const cluster = await startEmbeddedPostgres({ dataDir, settings });
  const stop = async () => {
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    await runMigrations(cluster.url('bench'));
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: cluster.url('bench'), stop };
}
