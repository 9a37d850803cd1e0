// A fresh database per test file, created from the migrated template (milliseconds, not a migration run).
import crypto from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { TEMPLATE_DB } from './cluster.ts';

// Cleanups run once, after every test in the file (registered at the root, so a helper called
// inside a before() hook does not tear down before the tests use it). Last registered runs first.
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const fn of cleanups.reverse()) await fn().catch((e) => console.error('cleanup failed:', e));
});

/** Registers something to undo after the file's tests. */
export function onCleanup(fn: () => Promise<void>) {
  cleanups.push(fn);
}

/** The cluster's admin URL, given by scripts/run-tests.ts. */
export function adminUrl(): string {
  const url = process.env.FIREBREAK_TEST_ADMIN_URL;
  if (!url) throw new Error('Run tests through `npm test` (scripts/run-tests.ts), which starts PostgreSQL.');
  return url;
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a database for this test file and drops it when the file's tests end. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: adminUrl() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return withDatabase(adminUrl(), name);
}
