// Test helpers for the search tests: guests made directly in the database (the guests API is another
// feature's), documents through `insertDocument`, attachment entries through the shared index writer.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Client, createClient, PASSWORD } from '../../../../test/helpers/client.ts';
import { createTestDatabase, onCleanup } from '../../../../test/helpers/db.ts';
import type { Clock } from '../../../platform/clock.ts';
import { createDb, type Db } from '../../../platform/db.ts';
import { normalise } from '../../../platform/text/normalise.ts';
import { tsvectorLiteral } from '../../../platform/text/tokenise.ts';
import { hashPassword } from '../../people/server/deps.ts';
import type { Classification } from '../contract.ts';
import { COUNT_CAP } from './search-candidates.ts';
import { upsertSearchEntry } from './search-index.ts';
import { insertDocument } from './store.ts';

type Server = { db: Db; deps: Parameters<typeof hashPassword>[0] };

/** An external organisation with an NDA text. */
export async function externalOrg(db: Db, orgId: string, clock: Clock, ndaText = '保密協議：不得揭露任何資料。') {
  const now = clock.now().toISOString();
  const r = await db.execute<{ id: string }>(sql`
    INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at)
    VALUES (${orgId}, ${'律師事務所'}, 'law_firm', ${ndaText}, ${now}, ${now}) RETURNING id`);
  return { id: r.rows[0].id, ndaText };
}

/** A signed-in guest of `ext`; `accepted` writes their NDA acceptance (by the text's SHA-256). */
export async function guest(
  server: Server,
  url: string,
  orgId: string,
  ext: { id: string; ndaText: string },
  clock: Clock,
  name: string,
  accepted = true,
): Promise<{ id: string; client: Client }> {
  const email = `guest-${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@firm.example`;
  const hash = await hashPassword(server.deps, PASSWORD);
  const r = await server.db.execute<{ id: string }>(sql`
    INSERT INTO users (org_id, email, name, role, external_org_id, status, password_hash)
    VALUES (${orgId}, ${email}, ${name}, 'guest', ${ext.id}, 'active', ${hash}) RETURNING id`);
  const id = r.rows[0].id;
  if (accepted) {
    const sha = createHash('sha256').update(ext.ndaText, 'utf8').digest('hex');
    await server.db.execute(sql`
      INSERT INTO nda_acceptances (user_id, external_org_id, nda_sha256, accepted_at)
      VALUES (${id}, ${ext.id}, ${sha}, ${clock.now().toISOString()})`);
  }
  const client = createClient(url);
  await client.signIn(email, PASSWORD);
  return { id, client };
}

/** Gives (or replaces) a guest's one grant on a crisis. */
export async function grant(
  db: Db,
  g: { orgId: string; guestId: string; crisisId: string; classifications: Classification[]; expiresAt: Date; revoked?: boolean },
) {
  await db.execute(sql`DELETE FROM guest_grants WHERE guest_id = ${g.guestId}`);
  await db.execute(sql`
    INSERT INTO guest_grants (org_id, guest_id, crisis_id, classifications, expires_at, created_at, revoked_at)
    VALUES (${g.orgId}, ${g.guestId}, ${g.crisisId}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(g.classifications)}::jsonb)),
            ${g.expiresAt.toISOString()}, ${g.expiresAt.toISOString()}, ${g.revoked ? g.expiresAt.toISOString() : null})`);
}

/** A document made the one way documents are made. */
export async function document(
  db: Db,
  clock: Clock,
  d: { orgId: string; ownerId: string; crisisId: string | null; classification: Classification; title: string; body: string },
) {
  return db.transaction((tx) =>
    insertDocument(
      tx,
      clock,
      { ...d, kind: 'other', tags: [], createdBy: d.ownerId },
      { actor: { type: 'user', id: d.ownerId, label: 'test' } },
    ),
  );
}

/** An attachment's search entry (the documents feature writes these when text is extracted). */
export async function attachmentEntry(
  db: Db,
  clock: Clock,
  a: { orgId: string; id: string; documentId: string; crisisId: string | null; text: string },
) {
  await upsertSearchEntry(db, {
    orgId: a.orgId,
    kind: 'attachment',
    refId: a.id,
    parentId: a.documentId,
    crisisId: a.crisisId,
    title: 'scan.pdf',
    body: a.text,
    at: clock.now(),
  });
}

/**
 * A fresh database with one organisation (`name`) whose mentions are `rows` (text, publication time), indexed by the
 * shared tokenizer and analysed: for the tests that hold the mention candidates to the plain query.
 */
export async function mentionsDatabase(name: string, rows: Array<{ at: number; text: string }>): Promise<{ db: Db; orgId: string }> {
  const database = createDb(await createTestDatabase(), { max: 2 });
  onCleanup(() => database.close());
  const db = database.db;
  const orgId = (await db.execute<{ id: string }>(sql`INSERT INTO organisations (name) VALUES (${name}) RETURNING id`)).rows[0].id;
  const sourceId = (
    await db.execute<{ id: string }>(sql`INSERT INTO sources (org_id, kind, name) VALUES (${orgId}, 'push', 'p') RETURNING id`)
  ).rows[0].id;
  for (let k = 0; k < rows.length; k += 500)
    await db.execute(sql`
      INSERT INTO mentions (org_id, source_id, external_key, text, lang, published_at, collected_at, reach, text_hash, simhash,
                            sentiment, sentiment_score, sentiment_confidence, search)
      SELECT ${orgId}, ${sourceId}, 'k' || x.i, x.text, 'zh-Hant', x.at, x.at, 1, 'h', 0, 0, 0, 0.5, x.search::tsvector
      FROM jsonb_to_recordset(${JSON.stringify(
        rows
          .slice(k, k + 500)
          .map((m, j) => ({ i: k + j, text: m.text, at: new Date(m.at).toISOString(), search: tsvectorLiteral(normalise(m.text)) })),
      )}::jsonb) AS x(i int, text text, at timestamptz, search text)`);
  await db.execute(sql`ANALYZE mentions`);
  return { db, orgId };
}

/** The plain query's answer: the ids of the newest COUNT_CAP + 1 mentions matching `plan`, in the date range. */
export async function plainMentionIds(db: Db, orgId: string, plan: string, from?: string, to?: string) {
  const r = await db.execute<{ id: string }>(sql`
    SELECT m.id::text AS id FROM mentions m WHERE m.org_id = ${orgId} AND m.search @@ ${plan}::tsquery
      ${from ? sql`AND m.published_at >= ${from}` : sql``} ${to ? sql`AND m.published_at < ${to}` : sql``}
    ORDER BY m.published_at DESC, m.id DESC LIMIT ${COUNT_CAP + 1}`);
  return r.rows.map((x) => x.id);
}
