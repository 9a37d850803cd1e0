// Attachments of documents: a streamed upload (type from the magic bytes, capped at 100 MiB while streaming,
// DOCX checked for zip bombs) makes a new version listing it; removing one makes a version without it (the
// bytes stay for the earlier versions). Images get a re-encoded PNG preview (never the original bytes). Text is
// extracted synchronously under a time limit before the transaction (see extract.ts). Downloads always save
// under a server-made name; guests receive watermarked images and PDFs, and every guest read and every read of
// evidence is an event carrying the attachment id and its SHA-256.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import sharp from 'sharp';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import {
  cleanDisplayName,
  extensionOf,
  type FileStore,
  findFile,
  imageTypes,
  knownTypes,
  readStored,
  type StoredFile,
  saveUpload,
  sendFile,
  withLocalCopy,
} from '../../../platform/files.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Meta } from '../../crises/server/access.ts';
import { guestGate, isGuest } from '../../people/server/guest-gate.ts';
import type { Attachment, DocumentView } from '../contract.ts';
import type { DocumentDeps } from './deps.ts';
import { recordRead } from './documents.ts';
import { attachmentsOf, type DocRow, loadVisible, requireEdit, requireVersion, viewOf } from './documents-read.ts';
import { extractFileText } from './extract.ts';
import { upsertSearchEntry } from './search-index.ts';
import { watermarkFor } from './watermark.ts';

/** The largest document attachment (bytes). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
/** Previews are PNGs at most this many pixels on their longer side. */
const PREVIEW_PX = 800;

/** The file store of the documents' attachments (the data directory's disk or its bucket). */
export const storeOf = (deps: DocumentDeps): FileStore => deps.files;

/** An upload as the route hands it over. */
export type UploadInput = { source: Readable; declaredLength?: number; name?: string };

/** A PNG of at most 800 px re-encoded from the image (metadata and any trailing bytes dropped), or null. */
async function previewOf(file: string): Promise<Buffer | null> {
  try {
    return await sharp(file, { animated: false, limitInputPixels: 100_000_000 })
      .rotate()
      .resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
  } catch {
    return null;
  }
}

/** Uploads a file to a document the reader may change; returns the new attachment and the document. */
export async function uploadAttachment(
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: UploadInput,
  meta: Meta,
): Promise<{ attachment: Attachment; document: DocumentView }> {
  await guestGate(deps.db, p);
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only people upload files.');
  // Refuse before a byte is stored when the document cannot be changed by this reader.
  requireEdit(p, await loadVisible(deps.db, p, deps.clock.now(), id));
  const store = storeOf(deps);
  const file = await saveUpload(deps.db, deps.clock, store, {
    orgId: p.orgId,
    uploadedBy: p.userId,
    displayName: input.name,
    source: input.source,
    declaredLength: input.declaredLength,
    maxBytes: MAX_ATTACHMENT_BYTES,
    accept: knownTypes,
  });
  const isImage = (imageTypes as readonly string[]).includes(file.contentType);
  // Previews and text are made from a local path (a checked copy when the bytes live in a bucket).
  const { png, text } = await withLocalCopy(store, file, async (full) => ({
    png: isImage ? await previewOf(full) : null,
    text: await extractFileText(full, file.contentType),
  }));
  const preview = png
    ? await saveUpload(deps.db, deps.clock, store, {
        orgId: p.orgId,
        uploadedBy: p.userId,
        displayName: null,
        source: Readable.from([png]),
        accept: ['image/png'],
        maxBytes: MAX_ATTACHMENT_BYTES,
      })
    : null;
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await loadVisible(tx, p, now, id, true);
    requireEdit(p, d);
    const next = Number(d.current_version) + 1;
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO document_attachments (org_id, document_id, file_id, preview_file_id, added_in_version, extracted_text,
        text_status, created_by, created_at)
      VALUES (${d.org_id}, ${id}, ${file.id}, ${preview?.id ?? null}, ${next}, ${text.text}, ${text.status}, ${p.userId},
        ${now.toISOString()})
      RETURNING id`);
    const attachmentId = r.rows[0].id;
    await newVersion(tx, d, next, p.userId, now, sql`array_append(v.attachment_ids, ${attachmentId}::uuid)`);
    if (text.text)
      await upsertSearchEntry(tx, {
        orgId: d.org_id,
        kind: 'attachment',
        refId: attachmentId,
        parentId: id,
        crisisId: d.crisis_id,
        title: file.displayName ?? `D-${d.number}.${extensionOf(file.contentType)}`,
        body: text.text,
        at: now,
      });
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'document.attachment_added',
      actor,
      subjectType: 'document',
      subjectId: id,
      crisisId: d.crisis_id ?? undefined,
      data: {
        number: Number(d.number),
        version: next,
        attachmentId,
        fileId: file.id,
        sha256: file.sha256,
        contentType: file.contentType,
        size: file.size,
      },
      ...meta,
    });
    const after = await loadVisible(tx, p, now, id);
    const attachment = (await attachmentsOf(tx, id)).find((a) => a.id === attachmentId) as Attachment;
    return { attachment, document: await viewOf(tx, p, after) };
  });
}

/** Writes version `next` (same title and text) with the attachment list `ids` computed from the current one's. */
async function newVersion(tx: Executor, d: DocRow, next: number, userId: string, now: Date, ids: ReturnType<typeof sql>) {
  await tx.execute(sql`
    INSERT INTO document_versions (document_id, number, title, body, attachment_ids, created_by, created_at)
    SELECT ${d.id}, ${next}, v.title, v.body, ${ids}, ${userId}, ${now.toISOString()}
    FROM document_versions v WHERE v.document_id = ${d.id} AND v.number = ${d.current_version}`);
  await tx.execute(sql`UPDATE documents SET current_version = ${next}, version = version + 1, updated_at = ${now.toISOString()}
    WHERE id = ${d.id}`);
}

/** Removes an attachment from the document's current version (a new version); the bytes stay for earlier ones. */
export async function removeAttachment(
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  id: string,
  attachmentId: string,
  version: number,
  meta: Meta,
): Promise<DocumentView> {
  await guestGate(deps.db, p);
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only people remove files.');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await loadVisible(tx, p, now, id, true);
    requireEdit(p, d);
    requireVersion(d, version);
    const next = Number(d.current_version) + 1;
    const r = await tx.execute<{ id: string; sha256: string }>(sql`
      UPDATE document_attachments a SET removed_in_version = ${next} FROM files f
      WHERE a.id = ${attachmentId} AND a.document_id = ${id} AND a.removed_in_version IS NULL AND f.id = a.file_id
      RETURNING a.id, f.sha256`);
    if (!r.rows[0]) throw new AppError('not_found', 'No such attachment in the current version.');
    await newVersion(tx, d, next, p.userId, now, sql`array_remove(v.attachment_ids, ${attachmentId}::uuid)`);
    await tx.execute(sql`DELETE FROM search_entries WHERE org_id = ${d.org_id} AND kind = 'attachment' AND ref_id = ${attachmentId}`);
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'document.attachment_removed',
      actor,
      subjectType: 'document',
      subjectId: id,
      crisisId: d.crisis_id ?? undefined,
      data: { number: Number(d.number), version: next, attachmentId, sha256: r.rows[0].sha256 },
      ...meta,
    });
    return viewOf(tx, p, await loadVisible(tx, p, now, id));
  });
}

/** The name a download is saved under: D-<number>-<cleaned name>.<extension of the sniffed type>. */
export function downloadName(number: number, displayName: string | null, type: string): string {
  const stem = (cleanDisplayName(displayName) ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return `D-${number}${stem ? `-${stem}` : ''}.${extensionOf(type)}`;
}

/**
 * Sends an attachment's file (`download`) or its preview PNG (`preview`) of a document the reader may open.
 * Guests get a watermarked copy of images and PDFs; the read is recorded first when it must be.
 */
export async function sendAttachment(
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  reply: FastifyReply,
  ids: { id: string; attachmentId: string },
  which: 'download' | 'preview',
  meta: Meta,
) {
  await guestGate(deps.db, p);
  const store = storeOf(deps);
  const d = await loadVisible(deps.db, p, deps.clock.now(), ids.id);
  const r = await deps.db.execute<{ file_id: string; preview_file_id: string | null }>(sql`
    SELECT file_id, preview_file_id FROM document_attachments WHERE id = ${ids.attachmentId} AND document_id = ${d.id}`);
  const att = r.rows[0];
  if (!att) throw new AppError('not_found', 'No such attachment.');
  const original = (await findFile(deps.db, d.org_id, att.file_id)) as StoredFile;
  const file = which === 'preview' ? (att.preview_file_id ? await findFile(deps.db, d.org_id, att.preview_file_id) : null) : original;
  if (!file) throw new AppError('not_found', 'This attachment has no preview.');
  let body: Buffer | undefined;
  const marks = isGuest(p) && (file.contentType === 'application/pdf' || file.contentType.startsWith('image/'));
  if (marks && p.kind === 'user') {
    const u = await deps.db.execute<{ name: string; email: string }>(sql`SELECT name, email FROM users WHERE id = ${p.userId}`);
    // Read outside the try: a store that fails is its own error, not an unwatermarkable file.
    const bytes = await readStored(store, file);
    try {
      body = await watermarkFor(bytes, file.contentType, { ...u.rows[0], at: deps.clock.now() });
    } catch {
      throw new AppError('unprocessable_file', 'This file cannot be watermarked (encrypted or damaged), so it cannot be given to a guest.');
    }
  }
  await deps.db.transaction((tx) =>
    recordRead(
      tx,
      deps,
      p,
      actor,
      d,
      'document.downloaded',
      { attachmentId: ids.attachmentId, sha256: original.sha256, preview: which === 'preview', watermarked: !!body },
      meta,
    ),
  );
  const name = downloadName(Number(d.number), original.displayName, file.contentType);
  return sendFile(reply, store, file, 'document', { fileName: name, attachment: which === 'download', body });
}
