// Creating a document row: the one way a document comes to exist (the hub's create, an evidence capture, a
// statement mirrored into the hub). Numbers are per organisation under an advisory lock; version 1, the search
// entry and the `document.created` event are written in the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Classification, DocumentKind } from '../contract.ts';
import { upsertSearchEntry } from './search-index.ts';

/** Serialises document numbering per organisation (transaction advisory lock class). */
const NUMBER_LOCK = 715_031;

export type NewDocument = {
  orgId: string;
  kind: DocumentKind;
  classification: Classification;
  title: string;
  body: string;
  ownerId: string;
  crisisId: string | null;
  tags: string[];
  statementId?: string | null;
  createdBy: string | null;
};

/** Inserts the document and its first version; returns its id and number. */
export async function insertDocument(
  tx: Executor,
  clock: Clock,
  doc: NewDocument,
  event: { actor: Actor; requestId?: string; ip?: string; data?: Record<string, unknown> },
): Promise<{ id: string; number: number }> {
  const now = clock.now();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${doc.orgId}))`);
  const r = await tx.execute<{ id: string; number: number }>(sql`
    INSERT INTO documents (org_id, number, kind, classification, title, body, owner_id, crisis_id, statement_id, tags,
                           created_by, created_at, updated_at)
    VALUES (${doc.orgId}, (SELECT coalesce(max(number), 0) + 1 FROM documents WHERE org_id = ${doc.orgId}), ${doc.kind},
            ${doc.classification}, ${doc.title}, ${doc.body}, ${doc.ownerId}, ${doc.crisisId}, ${doc.statementId ?? null},
            ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(doc.tags)}::jsonb)),
            ${doc.createdBy}, ${now.toISOString()}, ${now.toISOString()})
    RETURNING id, number`);
  const row = r.rows[0];
  await tx.execute(sql`
    INSERT INTO document_versions (document_id, number, title, body, created_by, created_at)
    VALUES (${row.id}, 1, ${doc.title}, ${doc.body}, ${doc.createdBy}, ${now.toISOString()})`);
  await upsertSearchEntry(tx, {
    orgId: doc.orgId,
    kind: 'document',
    refId: row.id,
    crisisId: doc.crisisId,
    title: doc.title,
    body: doc.body,
    at: now,
  });
  await recordEvent(tx, clock, {
    orgId: doc.orgId,
    type: 'document.created',
    actor: event.actor,
    subjectType: 'document',
    subjectId: row.id,
    crisisId: doc.crisisId ?? undefined,
    data: { number: row.number, kind: doc.kind, classification: doc.classification, ...event.data },
    requestId: event.requestId,
    ip: event.ip,
  });
  return { id: row.id, number: Number(row.number) };
}

/** What a published statement puts in the hub. */
export type PublishedStatement = {
  orgId: string;
  statementId: string;
  crisisId: string;
  title: string;
  /** The published version's plain text. */
  text: string;
  /** Who owns the hub copy (the statement's author; else whoever published). */
  ownerId: string;
  /** e.g. "v3 published on facebook" — kept as the new version's note. */
  note: string;
};

/**
 * Keeps the hub's copy of a published statement (kind `statement`, classification public — it has gone out):
 * the first publication creates it, a later publication of different words adds a version, the same words again
 * change nothing. Called by the statements feature in its publishing transaction.
 */
export async function mirrorPublishedStatement(
  tx: Executor,
  clock: Clock,
  m: PublishedStatement,
  event: { actor: Actor; requestId?: string; ip?: string },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
    number: number;
    title: string;
    body: string;
    current_version: number;
    crisis_id: string | null;
  }>(sql`
    SELECT id, number, title, body, current_version, crisis_id FROM documents
    WHERE org_id = ${m.orgId} AND statement_id = ${m.statementId} AND deleted_at IS NULL
    ORDER BY created_at LIMIT 1 FOR UPDATE`);
  const d = r.rows[0];
  if (!d) {
    const created = await insertDocument(
      tx,
      clock,
      {
        orgId: m.orgId,
        kind: 'statement',
        classification: 'public',
        title: m.title,
        body: m.text,
        ownerId: m.ownerId,
        crisisId: m.crisisId,
        tags: [],
        statementId: m.statementId,
        createdBy: event.actor.type === 'user' ? event.actor.id : null,
      },
      { ...event, data: { statementId: m.statementId } },
    );
    return created.id;
  }
  if (d.title === m.title && d.body === m.text) return d.id;
  const now = clock.now();
  const next = Number(d.current_version) + 1;
  await tx.execute(sql`
    UPDATE documents SET title = ${m.title}, body = ${m.text}, current_version = ${next}, version = version + 1,
      updated_at = ${now.toISOString()} WHERE id = ${d.id}`);
  await tx.execute(sql`
    INSERT INTO document_versions (document_id, number, title, body, note, attachment_ids, created_by, created_at)
    SELECT ${d.id}, ${next}, ${m.title}, ${m.text}, ${m.note}, v.attachment_ids,
      ${event.actor.type === 'user' ? event.actor.id : null}, ${now.toISOString()}
    FROM document_versions v WHERE v.document_id = ${d.id} AND v.number = ${d.current_version}`);
  await upsertSearchEntry(tx, {
    orgId: m.orgId,
    kind: 'document',
    refId: d.id,
    crisisId: d.crisis_id,
    title: m.title,
    body: m.text,
    at: now,
  });
  await recordEvent(tx, clock, {
    orgId: m.orgId,
    type: 'document.version_added',
    actor: event.actor,
    subjectType: 'document',
    subjectId: d.id,
    crisisId: d.crisis_id ?? undefined,
    data: { number: Number(d.number), version: next, note: m.note, statementId: m.statementId },
    requestId: event.requestId,
    ip: event.ip,
  });
  return d.id;
}
