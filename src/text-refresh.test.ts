// After the text normalisation changes, stored mentions and search entries whose text holds a changed character
// are derived again once, so what was stored before the upgrade is still found from either script.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { upsertSearchEntry } from './features/documents/server/search-index.ts';
import { parseSearch } from './features/documents/server/search-query.ts';
import { mentionsDatabase } from './features/documents/server/search-testkit.ts';
import { derivedOf } from './features/monitoring/server/enrich.ts';
import { NORMALISATION_VERSION, normalise } from './platform/text/normalise.ts';
import { tsvectorLiteral } from './platform/text/tokenise.ts';
import { refreshTextIndexes } from './text-refresh.ts';

// Version 1 normalised 麼 to 么 (and the Simplified 么 to 幺): the stored form of a Traditional 什麼.
const v1 = (text: string) => normalise(text).replaceAll('幺', '么');

test('rows derived with the old normalisation are derived again once; other rows are left alone', async () => {
  const at = Date.parse('2026-11-30T00:00:00Z');
  const { db, orgId } = await mentionsDatabase('Refresh', [
    { at, text: '為什麼還不退款？客服都不回' },
    { at: at + 1000, text: '門市今天排隊很久' },
  ]);
  const ids = (await db.execute<{ id: string; text: string }>(sql`SELECT id::text, text FROM mentions ORDER BY id`)).rows;
  // The first as version 1 stored it; the second with a hash only this test would write.
  await db.execute(sql`UPDATE mentions SET search = ${tsvectorLiteral(v1(ids[0].text))}::tsvector WHERE id = ${ids[0].id}`);
  await db.execute(sql`UPDATE mentions SET text_hash = 'untouched' WHERE id = ${ids[1].id}`);
  const title = '客服說明：為什麼延遲退款';
  await upsertSearchEntry(db, { orgId, kind: 'document', refId: crypto.randomUUID(), title, body: '說明', at: new Date(at) });
  await db.execute(sql`UPDATE search_entries SET search = ${tsvectorLiteral(v1(`${title}\n說明`))}::tsvector`);

  const plan = parseSearch('为什么 退款')?.plan as string;
  const found = async () => ({
    mentions: (await db.execute(sql`SELECT 1 FROM mentions WHERE search @@ ${plan}::tsquery`)).rows.length,
    entries: (await db.execute(sql`SELECT 1 FROM search_entries WHERE search @@ ${plan}::tsquery`)).rows.length,
  });
  assert.deepEqual(await found(), { mentions: 0, entries: 0 }, 'stale rows are not found by the new normalisation');

  const done = await refreshTextIndexes(db, new Date(at));
  assert.deepEqual(done, { mentions: 1, entries: 1 });
  assert.deepEqual(await found(), { mentions: 1, entries: 1 });
  const stored = (
    await db.execute<{ text_hash: string; simhash: string }>(sql`SELECT text_hash, simhash::text FROM mentions WHERE id = ${ids[0].id}`)
  ).rows[0];
  const expected = derivedOf(normalise(ids[0].text));
  assert.equal(stored.text_hash, expected.textHash);
  assert.equal(stored.simhash, BigInt.asIntN(64, expected.simhash).toString());
  const other = (await db.execute<{ text_hash: string }>(sql`SELECT text_hash FROM mentions WHERE id = ${ids[1].id}`)).rows[0];
  assert.equal(other.text_hash, 'untouched', 'a mention without a changed character is not rewritten');
  const version = (await db.execute<{ version: number }>(sql`SELECT version FROM text_versions WHERE name = 'normalise'`)).rows;
  assert.deepEqual(version, [{ version: NORMALISATION_VERSION }]);

  // Once only.
  assert.equal(await refreshTextIndexes(db, new Date(at)), null);
});
