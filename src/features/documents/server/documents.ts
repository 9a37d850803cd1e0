// The information hub's documents: list, open, create, edit (a new title or text is a new version; metadata
// changes in place), soft delete (refused while a legal hold covers it) and the version history. Every state
// change writes its event and keeps the document's search entry in the same transaction; reads by guests, and
// every read of evidence, are events too (the chain of custody).
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { fieldError, type Meta } from '../../crises/server/access.ts';
import { guestGate, isGuest } from '../../people/server/guest-gate.ts';
import type { DocumentView, documentInput, documentListQuery, documentPatch } from '../contract.ts';
import { documentVisibleSql } from './access.ts';
import type { DocumentDeps } from './deps.ts';
import {
  cursorOf,
  custodyKinds,
  type DocRow,
  loadVisible,
  parseCursor,
  requireEdit,
  requireVersion,
  selectDocs,
  summaryOf,
  viewOf,
} from './documents-read.ts';
import { removeSearchEntry, upsertSearchEntry } from './search-index.ts';
import { insertDocument } from './store.ts';

type ListQuery = import('zod').output<typeof documentListQuery>;
type Input = import('zod').output<typeof documentInput>;
type Patch = import('zod').output<typeof documentPatch>;

/** A page of the documents the reader may open, newest change first. */
export async function listDocuments(deps: DocumentDeps, p: Principal, q: ListQuery) {
  await guestGate(deps.db, p);
  const where: SQL[] = [sql`true`];
  if (q.kind) where.push(sql`d.kind = ${q.kind}`);
  if (q.classification) where.push(sql`d.classification = ${q.classification}`);
  if (q.crisisId) where.push(sql`d.crisis_id = ${q.crisisId}`);
  if (q.tag) where.push(sql`${q.tag} = ANY (d.tags)`);
  if (q.onHold) {
    const held = sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.org_id = d.org_id AND h.released_at IS NULL
      AND (h.document_id = d.id OR (h.scope = 'crisis' AND h.crisis_id = d.crisis_id)))`;
    where.push(q.onHold === 'true' ? held : sql`NOT ${held}`);
  }
  if (q.cursor) {
    const c = parseCursor(q.cursor);
    where.push(sql`(d.updated_at, d.id) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const r = await deps.db.execute<DocRow>(
    selectDocs(p, deps.clock.now(), sql.join(where, sql` AND `), sql`ORDER BY d.updated_at DESC, d.id DESC LIMIT ${q.limit + 1}`),
  );
  const rows = r.rows.slice(0, q.limit);
  return { items: rows.map(summaryOf), nextCursor: r.rows.length > q.limit ? cursorOf(rows[rows.length - 1]) : null };
}

/** Records a read on the spine when it must be: any guest's, and anyone's of evidence (custody). */
export async function recordRead(
  tx: Executor,
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  d: DocRow,
  type: 'document.viewed' | 'document.downloaded',
  data: Record<string, unknown>,
  meta: Meta,
) {
  if (!isGuest(p) && !custodyKinds.has(d.kind)) return;
  await recordEvent(tx, deps.clock, {
    orgId: d.org_id,
    type,
    actor,
    subjectType: 'document',
    subjectId: d.id,
    data: { number: Number(d.number), kind: d.kind, version: Number(d.current_version), guest: isGuest(p), ...data },
    orgRoom: false,
    requestId: meta.requestId,
    ip: meta.ip,
  });
}

/** One document (404 when the reader may not open it). */
export async function getDocument(deps: DocumentDeps, p: Principal, actor: Actor, id: string, meta: Meta): Promise<DocumentView> {
  await guestGate(deps.db, p);
  return deps.db.transaction(async (tx) => {
    const d = await loadVisible(tx, p, deps.clock.now(), id);
    const view = await viewOf(tx, p, d);
    await recordRead(
      tx,
      deps,
      p,
      actor,
      d,
      'document.viewed',
      { attachments: view.attachments.map((a) => ({ id: a.id, sha256: a.sha256 })) },
      meta,
    );
    return view;
  });
}

async function checkCrisis(tx: Executor, orgId: string, crisisId: string | null | undefined) {
  if (!crisisId) return;
  const r = await tx.execute(sql`SELECT 1 FROM crises WHERE id = ${crisisId} AND org_id = ${orgId}`);
  if (!r.rows[0]) throw fieldError('crisisId', 'No such crisis.', 'not_found');
}

async function checkOwner(tx: Executor, orgId: string, ownerId: string | undefined) {
  if (!ownerId) return;
  const r = await tx.execute(sql`SELECT 1 FROM users WHERE id = ${ownerId} AND org_id = ${orgId} AND status = 'active'
    AND role IN ('admin', 'manager', 'member')`);
  if (!r.rows[0]) throw fieldError('ownerId', 'The owner must be an active admin, manager or member.', 'not_found');
}

/** After a change the changer must still be able to open the document (no filing it where they cannot see). */
async function requireStillVisible(tx: Executor, p: Principal, now: Date, id: string) {
  const r = await tx.execute(sql`SELECT 1 FROM documents d WHERE d.id = ${id} AND ${documentVisibleSql(p, now, 'd')}`);
  if (!r.rows[0])
    throw new AppError('forbidden', 'With this classification or crisis you could no longer open the document; choose another.');
}

/** Creates a document (version 1) and returns it. */
export async function createDocument(deps: DocumentDeps, p: Principal, actor: Actor, input: Input, meta: Meta): Promise<DocumentView> {
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only people create documents.');
  return deps.db.transaction(async (tx) => {
    await checkCrisis(tx, p.orgId, input.crisisId);
    await checkOwner(tx, p.orgId, input.ownerId);
    const { id } = await insertDocument(
      tx,
      deps.clock,
      {
        orgId: p.orgId,
        kind: input.kind,
        classification: input.classification,
        title: input.title,
        body: input.body,
        ownerId: input.ownerId ?? p.userId,
        crisisId: input.crisisId,
        tags: input.tags,
        statementId: input.statementId ?? null,
        createdBy: p.userId,
      },
      { actor, ...meta },
    );
    await requireStillVisible(tx, p, deps.clock.now(), id);
    return viewOf(tx, p, await loadVisible(tx, p, deps.clock.now(), id));
  });
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** Edits a document against the version the client saw (stale → 409). */
export async function updateDocument(
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  id: string,
  patch: Patch,
  meta: Meta,
): Promise<DocumentView> {
  await guestGate(deps.db, p);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await loadVisible(tx, p, now, id, true);
    requireEdit(p, d);
    requireVersion(d, patch.version);
    const title = patch.title ?? d.title;
    const body = patch.body ?? d.body;
    const textChanged = title !== d.title || body !== d.body;
    const changed: string[] = [];
    if (patch.classification !== undefined && patch.classification !== d.classification) changed.push('classification');
    if (patch.kind !== undefined && patch.kind !== d.kind) changed.push('kind');
    if (patch.crisisId !== undefined && patch.crisisId !== d.crisis_id) changed.push('crisisId');
    if (patch.tags !== undefined && !sameTags(patch.tags, d.tags ?? [])) changed.push('tags');
    if (patch.ownerId !== undefined && patch.ownerId !== d.owner_id) changed.push('ownerId');
    if (!textChanged && changed.length === 0) return viewOf(tx, p, d);
    if (changed.includes('crisisId')) await checkCrisis(tx, d.org_id, patch.crisisId);
    if (changed.includes('ownerId')) await checkOwner(tx, d.org_id, patch.ownerId);
    const crisisId = patch.crisisId !== undefined ? patch.crisisId : d.crisis_id;
    const next = Number(d.current_version) + (textChanged ? 1 : 0);
    await tx.execute(sql`
      UPDATE documents SET title = ${title}, body = ${body}, classification = ${patch.classification ?? d.classification},
        kind = ${patch.kind ?? d.kind}, crisis_id = ${crisisId}, owner_id = ${patch.ownerId ?? d.owner_id},
        tags = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(patch.tags ?? d.tags ?? [])}::jsonb)),
        current_version = ${next}, version = version + 1, updated_at = ${now.toISOString()}
      WHERE id = ${id}`);
    if (textChanged) {
      await tx.execute(sql`
        INSERT INTO document_versions (document_id, number, title, body, note, attachment_ids, created_by, created_at)
        SELECT ${id}, ${next}, ${title}, ${body}, ${patch.note ?? null}, v.attachment_ids, ${userIdOrNull(p)}, ${now.toISOString()}
        FROM document_versions v WHERE v.document_id = ${id} AND v.number = ${d.current_version}`);
    }
    await requireStillVisible(tx, p, now, id);
    await upsertSearchEntry(tx, { orgId: d.org_id, kind: 'document', refId: id, crisisId, title, body, at: now });
    if (changed.includes('crisisId'))
      await tx.execute(sql`UPDATE search_entries SET crisis_id = ${crisisId}
        WHERE org_id = ${d.org_id} AND kind = 'attachment' AND parent_id = ${id}`);
    const base = { orgId: d.org_id, actor, subjectType: 'document', subjectId: id, crisisId: crisisId ?? undefined, ...meta };
    if (textChanged)
      await recordEvent(tx, deps.clock, {
        ...base,
        type: 'document.version_added',
        data: { number: Number(d.number), version: next, note: patch.note ?? null },
      });
    if (changed.length)
      await recordEvent(tx, deps.clock, { ...base, type: 'document.updated', data: { number: Number(d.number), fields: changed } });
    return viewOf(tx, p, await loadVisible(tx, p, now, id));
  });
}

const userIdOrNull = (p: Principal) => (p.kind === 'user' ? p.userId : null);

/** Throws `legal_hold` (409) when a hold in force covers the document or its crisis. */
export async function refuseIfHeld(tx: Executor, d: DocRow) {
  // The crisis row is share-locked so a crisis hold placed meanwhile (which locks it for update) waits for us.
  if (d.crisis_id) await tx.execute(sql`SELECT 1 FROM crises WHERE id = ${d.crisis_id} FOR SHARE`);
  const r = await tx.execute(sql`SELECT 1 FROM legal_holds h WHERE h.org_id = ${d.org_id} AND h.released_at IS NULL
    AND (h.document_id = ${d.id} OR (h.scope = 'crisis' AND h.crisis_id = ${d.crisis_id}))`);
  if (r.rows[0]) throw new AppError('legal_hold', 'A legal hold covers this document; no one may delete it until the hold is released.');
}

/** Soft-deletes a document (no one may while a hold covers it) and removes it and its files from search. */
export async function deleteDocument(deps: DocumentDeps, p: Principal, actor: Actor, id: string, version: number, meta: Meta) {
  await guestGate(deps.db, p);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await loadVisible(tx, p, now, id, true);
    requireEdit(p, d);
    requireVersion(d, version);
    await refuseIfHeld(tx, d);
    await tx.execute(sql`UPDATE documents SET deleted_at = ${now.toISOString()}, deleted_by = ${userIdOrNull(p)},
      version = version + 1, updated_at = ${now.toISOString()} WHERE id = ${id}`);
    await removeSearchEntry(tx, d.org_id, 'document', id);
    await tx.execute(sql`DELETE FROM search_entries WHERE org_id = ${d.org_id} AND kind = 'attachment' AND parent_id = ${id}`);
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'document.deleted',
      actor,
      subjectType: 'document',
      subjectId: id,
      crisisId: d.crisis_id ?? undefined,
      data: { number: Number(d.number) },
      ...meta,
    });
  });
}

type VersionRow = {
  number: number;
  title: string;
  body: string;
  note: string | null;
  attachment_ids: string[];
  created_by: string | null;
  created_at: Date;
};

const versionOf = (v: VersionRow) => ({
  number: Number(v.number),
  title: v.title,
  body: v.body,
  note: v.note,
  attachmentIds: v.attachment_ids ?? [],
  createdBy: v.created_by,
  createdAt: new Date(v.created_at).toISOString(),
});

/** Every version of a visible document, newest first (or one, by number). */
export async function listVersions(deps: DocumentDeps, p: Principal, id: string, number?: number) {
  await guestGate(deps.db, p);
  const d = await loadVisible(deps.db, p, deps.clock.now(), id);
  const r = await deps.db.execute<VersionRow>(sql`
    SELECT v.number, v.title, v.body, v.note, v.attachment_ids, u.name AS created_by, v.created_at
    FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
    WHERE v.document_id = ${d.id} ${number === undefined ? sql`` : sql`AND v.number = ${number}`} ORDER BY v.number DESC`);
  if (number !== undefined && !r.rows[0]) throw new AppError('not_found', 'No such version.');
  return r.rows.map(versionOf);
}
