// Chooses the database: DATABASE_URL, the running server's embedded cluster, or a new embedded one.

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';
import { acquireDataLock, lockOwner } from './data-lock.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.ts';

/** A database to use, and how to let go of it. */
export type DatabaseTarget = {
  url: string;
  embedded?: EmbeddedPostgres;
  lock?: ReturnType<typeof acquireDataLock>;
  release: () => Promise<void>;
};

/** A start-up failure with a message meant for the operator, not a stack trace. */
export class StartupError extends Error {}

const APP_DB = 'firebreak';

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Checks that `url` answers within a few seconds; throws StartupError naming the problem. */
export async function assertReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const safe = url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
    throw new StartupError(
      `Cannot reach the database at ${safe}: ${(e as Error).message}. Is PostgreSQL running, and is DATABASE_URL right?`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Opens the configured database for the server (`exclusive`) or for a CLI command (may join a running server's). */
export async function openDatabase(config: Config, opts: { exclusive: boolean; log: (m: string) => void }): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    await assertReachable(config.databaseUrl);
    return { url: config.databaseUrl, release: async () => {} };
  }
  if (!opts.exclusive) {
    const owner = lockOwner(config.dataDir);
    if (owner?.pgPort) {
      // A server is running on this data directory: use its cluster rather than start a second one.
      const password = fs.readFileSync(path.join(config.dataDir, 'postgres-password'), 'utf8').trim();
      const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${owner.pgPort}/${APP_DB}`;
      await assertReachable(url);
      return { url, release: async () => {} };
    }
  }
  const lock = acquireDataLock(config.dataDir);
  let embedded: EmbeddedPostgres | undefined;
  try {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: opts.log,
      settings: config.pgSharedBuffers ? { shared_buffers: config.pgSharedBuffers } : {},
    });
    await ensureDatabase(embedded.url('postgres'), APP_DB);
    lock.update({ pgPort: embedded.port });
  } catch (e) {
    await embedded?.stop();
    lock.release();
    throw new StartupError(`Could not start the embedded PostgreSQL: ${(e as Error).message}`);
  }
  const emb = embedded;
  return {
    url: emb.url(APP_DB),
    embedded: emb,
    lock,
    release: async () => {
      await emb.stop();
      lock.release();
    },
  };
}
