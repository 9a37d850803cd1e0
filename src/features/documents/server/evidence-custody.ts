// The chain of custody (保管鏈) of a document: every event of the spine whose subject is the document —
// captured, viewed, downloaded, attachments added, exported, holds — with its time (UTC), actor, IP, id and
// hash. Nothing is copied: the events are the record, hash-chained like every event, so an entry can be checked
// against `audit verify` and recomputed from the fields given here (`chainHash(prevHash, row)`).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { chainHash, type HashedRow } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { guestGate } from '../../people/server/guest-gate.ts';
import type { Custody, CustodyEntry } from '../contract.ts';
import { documentVisibleSql } from './access.ts';
import type { DocumentDeps } from './deps.ts';

/** The custody entries of a document of `orgId`, oldest first. */
export async function readCustody(tx: Executor, orgId: string, documentId: string): Promise<CustodyEntry[]> {
  const r = await tx.execute<Record<string, unknown>>(sql`
    SELECT id, type, actor_type, actor_id, actor_label, crisis_id, data, request_id, ip, created_at, prev_hash, hash
    FROM events WHERE org_id = ${orgId} AND subject_type = 'document' AND subject_id = ${documentId}
    ORDER BY id`);
  return r.rows.map((e) => ({
    eventId: Number(e.id),
    at: new Date(e.created_at as string).toISOString(),
    type: e.type as string,
    actor: {
      type: e.actor_type as CustodyEntry['actor']['type'],
      id: (e.actor_id as string | null) ?? null,
      label: (e.actor_label as string | null) ?? null,
    },
    ip: (e.ip as string | null) ?? null,
    requestId: (e.request_id as string | null) ?? null,
    crisisId: (e.crisis_id as string | null) ?? null,
    data: (e.data as Record<string, unknown>) ?? {},
    prevHash: e.prev_hash as string,
    hash: e.hash as string,
  }));
}

/** Recomputes an entry's hash from its fields (the organisation and the document are the event's own). */
export function custodyEntryHash(orgId: string, documentId: string, e: CustodyEntry): string {
  const row: HashedRow = {
    id: e.eventId,
    orgId,
    type: e.type,
    actorType: e.actor.type,
    actorId: e.actor.id,
    actorLabel: e.actor.label,
    subjectType: 'document',
    subjectId: documentId,
    crisisId: e.crisisId,
    data: e.data,
    requestId: e.requestId,
    ip: e.ip,
    createdAt: new Date(e.at),
  };
  return chainHash(e.prevHash, row);
}

/** A document's custody, for someone who may open the document (anyone else: 404). */
export async function getCustody(deps: DocumentDeps, p: Principal, documentId: string): Promise<Custody> {
  await guestGate(deps.db, p);
  const r = await deps.db.execute<{ id: string; number: number }>(sql`
    SELECT d.id, d.number FROM documents d WHERE d.id = ${documentId} AND ${documentVisibleSql(p, deps.clock.now(), 'd')}`);
  const doc = r.rows[0];
  if (!doc) throw notFound('No such document.');
  return { documentId: doc.id, number: Number(doc.number), entries: await readCustody(deps.db, p.orgId, doc.id) };
}
