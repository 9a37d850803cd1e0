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
