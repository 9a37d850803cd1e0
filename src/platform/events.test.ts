// The event spine: written in the caller's transaction, hash-chained, append-only, announced only on commit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { createTestClock } from './clock.ts';
import { createDb } from './db.ts';
import { canonicalJson, EVENTS_CHANNEL, recordEvent, verifyChain } from './events.ts';

const actor = { type: 'system', label: 'test' } as const;

async function setup() {
  const url = await createTestDatabase();
  const database = createDb(url);
  const clock = createTestClock();
  const raw = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await c.query(q);
    } finally {
      await c.end();
    }
  };
  return { url, db: database.db, clock, raw, close: () => database.close() };
}

describe('event spine', () => {
  test('canonical JSON sorts keys at every level', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  test('events chain; verify passes; tampering, deletion and reordering are found', async () => {
    const t = await setup();
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) => recordEvent(tx, t.clock, { orgId: null, type: 'test.happened', actor, data: { i, 名: '測試' } }));
      t.clock.advance(1000);
    }
    assert.deepEqual(await verifyChain(t.db), { ok: true, checked: 5 });
    await assert.rejects(t.raw('UPDATE events SET type = $$x$$ WHERE id = 2'), /append-only/);
    await assert.rejects(t.raw('DELETE FROM events WHERE id = 2'), /append-only/);
    await assert.rejects(t.raw('TRUNCATE events'), /append-only/);
    await t.raw(`SET session_replication_role = replica; UPDATE events SET data = '{"i": 99}' WHERE id = 3;`);
    const tampered = await verifyChain(t.db);
    assert.equal(tampered.ok, false);
    assert.equal(!tampered.ok && tampered.brokenAt, 3);
    await t.close();
  });

  test('a deleted row shows as a gap', async () => {
    const t = await setup();
    for (let i = 0; i < 4; i++)
      await t.db.transaction((tx) => recordEvent(tx, t.clock, { orgId: null, type: 'test.happened', actor, data: { i } }));
    await t.raw('SET session_replication_role = replica; DELETE FROM events WHERE id = 2;');
    const r = await verifyChain(t.db, 2);
    assert.deepEqual(r, { ok: false, checked: 1, brokenAt: 2, reason: 'event 2 is missing' });
    await t.close();
  });

  test('rolled-back changes leave no event and send no notification', async () => {
    const t = await setup();
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const got: string[] = [];
    listener.on('notification', (m) => got.push(m.payload ?? ''));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordEvent(tx, t.clock, { orgId: null, type: 'test.rolled_back', actor });
        throw new Error('boom');
      }),
      /boom/,
    );
    await t.db.transaction((tx) =>
      recordEvent(tx, t.clock, {
        orgId: '00000000-0000-4000-8000-000000000001',
        type: 'test.committed',
        actor,
        subjectType: 'thing',
        subjectId: 'abc',
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(got.length, 1);
    assert.deepEqual(JSON.parse(got[0]), {
      type: 'test.committed',
      id: 'abc',
      subject: 'thing',
      version: 1,
      rooms: ['org:00000000-0000-4000-8000-000000000001'],
    });
    const count = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM events`);
    assert.equal(count.rows[0].n, 1);
    await listener.end();
    await t.close();
  });

  test('concurrent writers keep one unbroken chain', async () => {
    const t = await setup();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction((tx) => recordEvent(tx, t.clock, { orgId: null, type: 'test.parallel', actor, data: { i } })),
      ),
    );
    assert.deepEqual(await verifyChain(t.db), { ok: true, checked: 40 });
    await t.close();
  });
});
