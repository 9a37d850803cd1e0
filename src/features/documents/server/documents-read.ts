// Reading documents: the one visible row (404 otherwise), its summary and full view, and the list with keyset
// pagination. Every query ANDs `documentVisibleSql`, so nothing about a document someone may not open — title,
// count, hold — ever leaves the database for them. Guests pass `guestGate` before anything is read.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { can } from '../../people/server/policies.ts';
import type { Attachment, DocumentSummary, DocumentView, Hold } from '../contract.ts';
import { documentVisibleSql } from './access.ts';

/** Kinds whose every view and download is on the chain of custody. */
export const custodyKinds = new Set(['evidence', 'social_post_capture']);

/** A document row as the services use it, with what the reader's queries add. */
export type DocRow = {
  id: string;
  org_id: string;
  number: number;
  kind: string;
  classification: string;
  title: string;
  body: string;
  owner_id: string;
  owner_name: string;
  crisis_id: string | null;
  crisis_title: string | null;
  statement_id: string | null;
  tags: string[];
  current_version: number;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  attachment_count: number;
  on_hold: boolean;
  on_team: boolean;
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** The user id of a user principal ('' otherwise, which matches no row). */
export const userIdOf = (p: Principal) => (p.kind === 'user' ? p.userId : '00000000-0000-0000-0000-000000000000');

// A crisis's title is shown beside its documents: whoever may open a crisis document may see that crisis
// (members only see crisis documents of teams they are on, guests only of crises they hold a grant on).
const holdInForce = sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.org_id = d.org_id AND h.released_at IS NULL
  AND (h.document_id = d.id OR (h.scope = 'crisis' AND h.crisis_id = d.crisis_id)))`;

/** The SELECT of visible documents with the summary columns; `where` is ANDed. */
export function selectDocs(p: Principal, now: Date, where: SQL, tail: SQL = sql``): SQL {
  return sql`SELECT d.id, d.org_id, d.number, d.kind, d.classification, d.title, d.body, d.owner_id, ou.name AS owner_name,
      d.crisis_id, c.title AS crisis_title, d.statement_id, d.tags, d.current_version, d.version, d.created_at, d.updated_at,
      (SELECT count(*) FROM document_attachments a WHERE a.document_id = d.id AND a.removed_in_version IS NULL)::int
        AS attachment_count,
      ${holdInForce} AS on_hold,
      (d.crisis_id IS NOT NULL AND EXISTS (SELECT 1 FROM crisis_members tm WHERE tm.crisis_id = d.crisis_id
        AND tm.user_id = ${userIdOf(p)})) AS on_team
    FROM documents d JOIN users ou ON ou.id = d.owner_id LEFT JOIN crises c ON c.id = d.crisis_id
    WHERE ${documentVisibleSql(p, now, 'd')} AND ${where} ${tail}`;
}

/** The visible document `id` (locked for update when asked), or 404. */
export async function loadVisible(tx: Executor, p: Principal, now: Date, id: string, lock = false): Promise<DocRow> {
  const r = await tx.execute<DocRow>(selectDocs(p, now, sql`d.id = ${id}`, lock ? sql`FOR UPDATE OF d` : sql``));
  const row = r.rows[0];
  if (!row) throw new AppError('not_found', 'No such document.');
  return row;
}

/** May the reader change (edit, attach, delete) this document they can see? */
export function mayEdit(p: Principal, d: DocRow): boolean {
  if (p.kind !== 'user' || !can(p, 'document.write')) return false;
  if (p.role === 'admin' || p.role === 'manager') return true;
  return d.owner_id === p.userId || d.on_team;
}

/** Throws 403 unless the reader may change the document. */
export function requireEdit(p: Principal, d: DocRow) {
  if (!mayEdit(p, d)) throw new AppError('forbidden', 'Only its owner, its crisis team, managers and admins may change this document.');
}

/** Throws 409 when the client's version is not the document's. */
export function requireVersion(d: DocRow, version: number) {
  if (Number(d.version) !== version)
    throw new AppError('conflict', 'The document was changed by someone else; reload it.', {
      errors: [{ path: 'version', message: 'stale version', code: 'stale', limit: Number(d.version) }],
    });
}

/** The list item of a row. */
export function summaryOf(d: DocRow): DocumentSummary {
  return {
    id: d.id,
    number: Number(d.number),
    kind: d.kind as DocumentSummary['kind'],
    classification: d.classification as DocumentSummary['classification'],
    title: d.title,
    ownerId: d.owner_id,
    ownerName: d.owner_name,
    crisisId: d.crisis_id,
    crisisTitle: d.crisis_title,
    tags: d.tags ?? [],
    currentVersion: Number(d.current_version),
    attachmentCount: Number(d.attachment_count),
    onHold: d.on_hold,
    updatedAt: iso(d.updated_at),
  };
}

type AttRow = {
  id: string;
  file_id: string;
  display_name: string | null;
  content_type: string;
  size: string | number;
  sha256: string;
  added_in_version: number;
  removed_in_version: number | null;
  text_status: string;
  preview_file_id: string | null;
  created_at: Date | string;
};

/** The attachments of a document (current ones, or every one ever added). */
export async function attachmentsOf(tx: Executor, documentId: string, all = false): Promise<Attachment[]> {
  const r = await tx.execute<AttRow>(sql`
    SELECT a.id, a.file_id, f.display_name, f.content_type, f.size, f.sha256, a.added_in_version, a.removed_in_version,
      a.text_status, a.preview_file_id, a.created_at
    FROM document_attachments a JOIN files f ON f.id = a.file_id
    WHERE a.document_id = ${documentId} ${all ? sql`` : sql`AND a.removed_in_version IS NULL`}
    ORDER BY a.created_at, a.id`);
  return r.rows.map((a) => ({
    id: a.id,
    fileId: a.file_id,
    name: a.display_name,
    contentType: a.content_type,
    size: Number(a.size),
    sha256: a.sha256,
    addedInVersion: Number(a.added_in_version),
    removedInVersion: a.removed_in_version === null ? null : Number(a.removed_in_version),
    textStatus: a.text_status as Attachment['textStatus'],
    hasPreview: a.preview_file_id !== null,
    createdAt: iso(a.created_at),
  }));
}

/** The holds in force on a document (its own and its crisis's). */
async function holdsOf(tx: Executor, d: DocRow): Promise<Hold[]> {
  const r = await tx.execute<{ id: string; scope: string; reason: string; placed_by: string | null; placed_at: Date }>(sql`
    SELECT h.id, h.scope, h.reason, u.name AS placed_by, h.placed_at FROM legal_holds h LEFT JOIN users u ON u.id = h.placed_by
    WHERE h.org_id = ${d.org_id} AND h.released_at IS NULL
      AND (h.document_id = ${d.id} OR (h.scope = 'crisis' AND h.crisis_id = ${d.crisis_id}))
    ORDER BY h.placed_at`);
  return r.rows.map((h) => ({
    id: h.id,
    scope: h.scope as Hold['scope'],
    reason: h.reason,
    placedBy: h.placed_by,
    placedAt: iso(h.placed_at),
  }));
}

/** The full view of a visible row. */
export async function viewOf(tx: Executor, p: Principal, d: DocRow): Promise<DocumentView> {
  const ev = await tx.execute<Record<string, unknown>>(sql`
    SELECT e.source_url, e.mention_id, e.captured_text, e.text_sha256, e.metadata, e.captured_at, u.name AS captured_by
    FROM evidence_captures e LEFT JOIN users u ON u.id = e.captured_by WHERE e.document_id = ${d.id}`);
  const e = ev.rows[0];
  const edit = mayEdit(p, d);
  return {
    ...summaryOf(d),
    body: d.body,
    statementId: d.statement_id,
    version: Number(d.version),
    createdAt: iso(d.created_at),
    attachments: await attachmentsOf(tx, d.id),
    holds: await holdsOf(tx, d),
    evidence: e
      ? {
          sourceUrl: (e.source_url as string | null) ?? null,
          mentionId: e.mention_id === null ? null : Number(e.mention_id),
          capturedText: e.captured_text as string,
          textSha256: e.text_sha256 as string,
          metadata: (e.metadata as Record<string, unknown>) ?? {},
          capturedAt: iso(e.captured_at as string),
          capturedBy: (e.captured_by as string | null) ?? null,
        }
      : null,
    can: {
      edit,
      delete: edit && !d.on_hold,
      hold: can(p, 'document.hold'),
      exportEvidence: custodyKinds.has(d.kind) && can(p, 'evidence.export'),
    },
  };
}

/** Encodes the keyset position after `d`. */
export function cursorOf(d: DocRow): string {
  return Buffer.from(JSON.stringify([iso(d.updated_at), d.id])).toString('base64url');
}

/** Decodes a cursor (400 when it is not one of ours). */
export function parseCursor(c: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad');
    return { at, id };
  } catch {
    throw new AppError('validation_failed', 'The cursor is not valid.', {
      errors: [{ path: 'cursor', message: 'invalid cursor', code: 'invalid' }],
    });
  }
}
