// The search index keeps word heads before joiners, so exact-lexeme plans find apple's, 7-11-eleven and
// customer-service; migration 0004 gives rows stored before that change the same heads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { projectRoot } from '../../../platform/web-assets.ts';

describe('word heads in the search index', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let machine: Client;
  const texts = ["Apple's new store", 'Met at the 7-11-eleven corner', 'Customer-service was rude', 'service desk closed'];

  before(async () => {
    ctx = await startTestServer();
    const org = await setUpOrg(ctx.url);
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write', 'mentions:read'] });
    machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
    const at = new Date().toISOString();
    const res = await machine.post('/api/mentions', {
      mentions: texts.map((text, i) => ({ source: 'web', externalId: `h-${i}`, text, publishedAt: at })),
    });
    assert.equal(res.body.accepted, texts.length);
  });

  const found = async (q: string) =>
    ((await machine.get(`/api/mentions?q=${encodeURIComponent(q)}`)).body.mentions as Array<{ text: string }>).map((m) => m.text).sort();

  test('exact words find words that run on through a joiner, and only at a word start', async () => {
    assert.deepEqual(await found('apple'), ["Apple's new store"]);
    assert.deepEqual(await found('7-11'), ['Met at the 7-11-eleven corner']);
    assert.deepEqual(await found('customer'), ['Customer-service was rude']);
    // "service" inside customer-service does not start a word there (the matcher's rule), so only one row.
    assert.deepEqual(await found('service'), ['service desk closed']);
    assert.deepEqual(await found('"customer service"'), []);
  });

  test('migration 0004 adds heads to rows indexed without them, and is harmless to re-run', async () => {
    const db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    try {
      // Strip the heads, as rows written before the change were stored.
      await db.query(`UPDATE mentions SET search = ts_delete(search, ARRAY['apple', '7', '7-11', 'customer'])`);
      assert.deepEqual(await found('apple'), []);
      const file = fs.readdirSync(path.join(projectRoot, 'migrations')).find((f) => f.startsWith('0004_'));
      const sql = fs.readFileSync(path.join(projectRoot, 'migrations', file ?? ''), 'utf8');
      await db.query(sql);
      await db.query(sql);
      const lexemes = await db.query<{ l: string[] }>(`SELECT tsvector_to_array(search) AS l FROM mentions ORDER BY id`);
      assert.deepEqual(
        lexemes.rows.map((r) => r.l.filter((x) => ['apple', '7', '7-11', 'customer'].includes(x)).sort()),
        [['apple'], ['7', '7-11'], ['customer'], []],
      );
      assert.deepEqual(await found('apple'), ["Apple's new store"]);
    } finally {
      await db.end();
    }
  });
});
