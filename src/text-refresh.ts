// Stored text derivations follow the text normalisation: when NORMALISATION_VERSION is newer than the version the
// database's rows were derived with (`text_versions`), the mentions and search entries whose text holds a character
// whose normalised form changed are derived again, once, at start — so a search in either script keeps finding what
// was stored before the upgrade. One process at a time; an interrupted run starts over (it is idempotent).
import { sql } from 'drizzle-orm';
import { retokeniseEntries } from './features/documents/server/search-index.ts';
import { retokeniseMentions } from './features/monitoring/server/retokenise.ts';
import type { Db } from './platform/db.ts';
import { CHANGED_IN, NORMALISATION_VERSION } from './platform/text/normalise.ts';

const LOCK = 715_090;

/** Brings stored derivations up to the current normalisation; returns what was re-derived (null: already current). */
export async function refreshTextIndexes(db: Db, now: Date, log?: { info(m: string): void }) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK})`);
    const r = await tx.execute<{ version: number }>(sql`SELECT version FROM text_versions WHERE name = 'normalise'`);
    const stored = r.rows[0]?.version ?? 1;
    if (stored >= NORMALISATION_VERSION) return null;
    let chars = '';
    for (let v = stored + 1; v <= NORMALISATION_VERSION; v++) chars += CHANGED_IN[v] ?? '';
    const done = { mentions: 0, entries: 0 };
    if (chars) {
      done.mentions = await retokeniseMentions(tx, chars);
      done.entries = await retokeniseEntries(tx, chars);
    }
    await tx.execute(sql`
      INSERT INTO text_versions (name, version, updated_at) VALUES ('normalise', ${NORMALISATION_VERSION}, ${now.toISOString()})
      ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`);
    if (done.mentions || done.entries)
      log?.info(
        `text normalisation v${stored} → v${NORMALISATION_VERSION}: ${done.mentions} mentions, ${done.entries} search entries re-derived`,
      );
    return done;
  });
}
