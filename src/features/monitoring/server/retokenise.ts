// Re-deriving stored mentions after the text normalisation changed (src/text-refresh.ts decides when): the
// search vector, text hash and simhash of every mention whose text holds a character whose normalised form changed.
// Sentiment (possibly corrected by a person) and topic tags are left as they were.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { normalise } from '../../../platform/text/normalise.ts';
import { derivedOf, fullText } from './enrich.ts';

const BATCH = 1000;

/** Re-derives the mentions whose title or text holds one of `chars`; returns how many. */
export async function retokeniseMentions(db: Executor, chars: string): Promise<number> {
  // A bracket expression of CJK characters only: nothing in it is special to a regular expression.
  const pattern = `[${chars}]`;
  let after = 0;
  let done = 0;
  for (;;) {
    const r = await db.execute<{ id: number; title: string | null; text: string }>(sql`
      SELECT id, title, text FROM mentions WHERE id > ${after} AND (text ~ ${pattern} OR title ~ ${pattern})
      ORDER BY id LIMIT ${BATCH}`);
    if (!r.rows.length) return done;
    const rows = r.rows.map((m) => ({ id: Number(m.id), ...derivedOf(normalise(fullText(m))) }));
    await db.execute(sql`
      UPDATE mentions m SET text_hash = d.text_hash, simhash = d.simhash, search = d.search::tsvector
      FROM unnest(${sql.param(rows.map((x) => x.id))}::bigint[], ${sql.param(rows.map((x) => x.textHash))}::text[],
        ${sql.param(rows.map((x) => BigInt.asIntN(64, x.simhash).toString()))}::bigint[],
        ${sql.param(rows.map((x) => x.search))}::text[]) AS d(id, text_hash, simhash, search)
      WHERE m.id = d.id`);
    after = rows[rows.length - 1].id;
    done += rows.length;
  }
}
