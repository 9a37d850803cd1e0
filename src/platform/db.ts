// The PostgreSQL pool and Drizzle instance every feature shares.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** The Drizzle database. */
export type Db = NodePgDatabase<Record<string, never>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;
/** A transaction handle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Opens a pool; errors on idle clients (database restarts) are logged, never fatal. */
export function createDb(url: string, opts: { max?: number; onError?: (e: Error) => void } = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'firebreak',
  });
  // An idle client that loses its connection is reported through the pool's 'error'. A client that is
  // checked out has no listener of the pool's, so its 'error' would be an uncaught exception that ends
  // the process: give every client one from birth (the query it was running is rejected either way).
  pool.on('error', (e) => opts.onError?.(e));
  pool.on('connect', (client) => client.on('error', (e) => opts.onError?.(e)));
  const db: Db = drizzle({ client: pool });
  return {
    pool,
    db,
    async close() {
      await pool.end();
    },
  };
}

/** True when an error means the database could not be reached (as opposed to a query error). */
export function isConnectionError(e: unknown, depth = 0): boolean {
  const err = e as { code?: string; message?: string; cause?: unknown };
  if (!err) return false;
  // Drizzle wraps driver errors (DrizzleQueryError "Failed query: …") with the pg error as `cause`.
  if (err.cause && depth < 5 && isConnectionError(err.cause, depth + 1)) return true;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
      '08000',
    ].includes(err.code ?? '')
  )
    return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
    err.message ?? '',
  );
}
