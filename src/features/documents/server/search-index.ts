// Writing the search index of everything but mentions (`search_entries`): the owner of a thing calls these in
// the transaction that changes it (documents), or the event-following indexer does (crises, tasks, notes,
// statements). The tsvector holds the shared tokenizer's tokens of the normalised title and body; the body is
// kept as written (snippets), capped so one huge attachment cannot bloat the index.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { normalise } from '../../../platform/text/normalise.ts';
import { tsvectorLiteral } from '../../../platform/text/tokenise.ts';

/** Kinds of rows in `search_entries`. */
export const indexedKinds = ['crisis', 'task', 'note', 'statement', 'document', 'attachment'] as const;
export type IndexedKind = (typeof indexedKinds)[number];

/** The most text of one entry that is indexed and kept for snippets (characters). */
export const MAX_INDEXED_CHARS = 200_000;

/** One searchable thing. */
export type SearchEntry = {
  orgId: string;
  kind: IndexedKind;
  refId: string;
  parentId?: string | null;
  crisisId?: string | null;
  title: string;
  body: string;
  at: Date;
};

/** Inserts or replaces the entry for (org, kind, refId). */
export async function upsertSearchEntry(tx: Executor, e: SearchEntry): Promise<void> {
  const body = e.body.length > MAX_INDEXED_CHARS ? e.body.slice(0, MAX_INDEXED_CHARS) : e.body;
  const vector = tsvectorLiteral(normalise(`${e.title}\n${body}`));
  await tx.execute(sql`
    INSERT INTO search_entries (org_id, kind, ref_id, parent_id, crisis_id, title, body, at, search)
    VALUES (${e.orgId}, ${e.kind}, ${e.refId}, ${e.parentId ?? null}, ${e.crisisId ?? null}, ${e.title}, ${body},
            ${e.at.toISOString()}, ${vector}::tsvector)
    ON CONFLICT (org_id, kind, ref_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, crisis_id = EXCLUDED.crisis_id,
      title = EXCLUDED.title, body = EXCLUDED.body, at = EXCLUDED.at, search = EXCLUDED.search`);
}

/** Removes the entry for (org, kind, refId), if any. */
export async function removeSearchEntry(tx: Executor, orgId: string, kind: IndexedKind, refId: string): Promise<void> {
  await tx.execute(sql`DELETE FROM search_entries WHERE org_id = ${orgId} AND kind = ${kind} AND ref_id = ${refId}`);
}

/**
 * Re-derives the search vector of every entry whose title or body holds one of `chars` (the text normalisation
 * changed for them: src/text-refresh.ts); returns how many.
 */
export async function retokeniseEntries(tx: Executor, chars: string): Promise<number> {
  const pattern = `[${chars}]`;
  let after: [string, string, string] = ['00000000-0000-0000-0000-000000000000', '', ''];
  let done = 0;
  for (;;) {
    const r = await tx.execute<{ org_id: string; kind: string; ref_id: string; title: string; body: string }>(sql`
      SELECT org_id, kind, ref_id, title, body FROM search_entries
      WHERE (org_id, kind, ref_id) > (${after[0]}::uuid, ${after[1]}, ${after[2]}) AND (title ~ ${pattern} OR body ~ ${pattern})
      ORDER BY org_id, kind, ref_id LIMIT 500`);
    if (!r.rows.length) return done;
    for (const e of r.rows) {
      await tx.execute(sql`UPDATE search_entries SET search = ${tsvectorLiteral(normalise(`${e.title}\n${e.body}`))}::tsvector
        WHERE org_id = ${e.org_id} AND kind = ${e.kind} AND ref_id = ${e.ref_id}`);
    }
    const last = r.rows[r.rows.length - 1];
    after = [last.org_id, last.kind, last.ref_id];
    done += r.rows.length;
  }
}
