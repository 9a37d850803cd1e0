// The shared pool: a connection lost while a client is checked out is reported, never fatal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { createDb, isConnectionError } from './db.ts';

test('a checked-out client whose connection dies reports the error instead of crashing the process', async () => {
  const url = await createTestDatabase();
  const errors: Error[] = [];
  const database = createDb(url, { onError: (e) => errors.push(e) });
  try {
    const client = await database.pool.connect();
    assert.ok(client.listenerCount('error') > 0, 'a checked-out client has an error listener (else its error is uncaught)');
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    await killer.end();
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    client.release(errors[0] ?? new Error('not reported'));
    assert.ok(errors.length > 0, 'the lost connection was reported');
    assert.ok(
      errors.every((e) => isConnectionError(e)),
      errors.map((e) => e.message).join('; '),
    );
    const again = await database.pool.query<{ one: number }>('SELECT 1 AS one');
    assert.equal(again.rows[0].one, 1, 'the pool goes on with a fresh connection');
  } finally {
    await database.close();
  }
});
