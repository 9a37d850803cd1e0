// Document routes (the information hub): documents, versions, attachments (streamed uploads, downloads,
// previews) and legal holds on documents and crises. Each route: a schema, a permission, one service call; who
// may open which document is decided by the services through `documentVisibleSql` (others get 404).
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import { MAX_ATTACHMENT_BYTES, removeAttachment, sendAttachment, uploadAttachment } from './attachments.ts';
import type { DocumentDeps } from './deps.ts';
import { createDocument, deleteDocument, getDocument, listDocuments, listVersions, updateDocument } from './documents.ts';
import { listCrisisHolds, placeHold, releaseHold } from './holds.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const idParam = z.strictObject({ id: z.uuid() });
const versionParam = z.strictObject({ id: z.uuid(), number: z.coerce.number().int().positive() });
const attachmentParam = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const holdParam = z.strictObject({ id: z.uuid(), holdId: z.uuid() });

/** Registers the document routes. */
export function registerDocumentRoutes(r: Router, deps: DocumentDeps) {
  const tags = ['documents'];

  r.add({
    method: 'GET',
    url: '/api/documents',
    summary: 'The documents the reader may open, newest change first (keyset pages on updated time and id)',
    tags,
    permission: 'document.read',
    query: c.documentListQuery,
    response: c.documentList,
    handler: (ctx) => listDocuments(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'POST',
    url: '/api/documents',
    summary: 'Create a document (version 1)',
    tags,
    permission: 'document.write',
    body: c.documentInput,
    status: 201,
    response: c.documentOut,
    handler: (ctx) => createDocument(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/documents/:id',
    summary: 'One document (404 when the reader may not open it; guests’ and evidence reads are logged)',
    tags,
    permission: 'document.read',
    params: idParam,
    response: c.documentOut,
    handler: (ctx) => getDocument(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/documents/:id',
    summary: 'Edit a document against the version seen (409 when stale); a new title or text is a new version',
    tags,
    permission: 'document.write',
    params: idParam,
    body: c.documentPatch,
    response: c.documentOut,
    handler: (ctx) => updateDocument(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/documents/:id',
    summary: 'Delete a document (409 legal_hold while a hold covers it or its crisis, for everyone)',
    tags,
    permission: 'document.write',
    params: idParam,
    query: c.versionQuery,
    status: 204,
    handler: async (ctx) => {
      await deleteDocument(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.query.version, meta(ctx));
    },
  });

  r.add({
    method: 'GET',
    url: '/api/documents/:id/versions',
    summary: 'Every version of a document, newest first',
    tags,
    permission: 'document.read',
    params: idParam,
    response: c.documentVersionList,
    handler: async (ctx) => ({ items: await listVersions(deps, me(ctx.principal), ctx.params.id) }),
  });

  r.add({
    method: 'GET',
    url: '/api/documents/:id/versions/:number',
    summary: 'One version of a document',
    tags,
    permission: 'document.read',
    params: versionParam,
    response: c.documentVersionOut,
    handler: async (ctx) => (await listVersions(deps, me(ctx.principal), ctx.params.id, ctx.params.number))[0],
  });

  r.add({
    method: 'POST',
    url: '/api/documents/:id/attachments',
    summary:
      'Attach a file (the body is the raw bytes; PNG, JPEG, GIF, WebP, PDF, DOCX or UTF-8 text by content, at most 100 MiB); a new version lists it',
    tags,
    permission: 'document.write',
    rawBody: true,
    params: idParam,
    query: c.attachmentUploadQuery,
    status: 201,
    response: c.attachmentUploaded,
    handler: async (ctx) => {
      const len = Number(ctx.req.headers['content-length']);
      // Refused unread: the connection is closed after the answer instead of draining gigabytes.
      if (Number.isFinite(len) && len > MAX_ATTACHMENT_BYTES) ctx.reply.header('connection', 'close');
      return uploadAttachment(
        deps,
        me(ctx.principal),
        actorOf(me(ctx.principal)),
        ctx.params.id,
        { source: ctx.req.raw, declaredLength: Number.isFinite(len) ? len : undefined, name: ctx.query.name },
        meta(ctx),
      );
    },
  });

  r.add({
    method: 'DELETE',
    url: '/api/documents/:id/attachments/:attachmentId',
    summary: 'Remove a file from the document (a new version without it; earlier versions keep it)',
    tags,
    permission: 'document.write',
    params: attachmentParam,
    query: c.versionQuery,
    response: c.documentOut,
    handler: (ctx) =>
      removeAttachment(
        deps,
        me(ctx.principal),
        actorOf(me(ctx.principal)),
        ctx.params.id,
        ctx.params.attachmentId,
        ctx.query.version,
        meta(ctx),
      ),
  });

  for (const which of ['file', 'preview'] as const)
    r.add({
      method: 'GET',
      url: `/api/documents/:id/attachments/:attachmentId/${which}`,
      summary:
        which === 'file'
          ? 'Download an attachment (always as a download, server-made name; guests get watermarked images and PDFs)'
          : 'An image attachment’s preview (a re-encoded PNG, at most 800 px; watermarked for guests)',
      tags,
      permission: 'document.read',
      params: attachmentParam,
      status: 200,
      handler: (ctx) =>
        sendAttachment(
          deps,
          me(ctx.principal),
          actorOf(me(ctx.principal)),
          ctx.reply,
          ctx.params,
          which === 'file' ? 'download' : 'preview',
          meta(ctx),
        ),
    });

  r.add({
    method: 'POST',
    url: '/api/documents/:id/holds',
    summary: 'Place a legal hold on a document (nothing it covers may be deleted until released)',
    tags,
    permission: 'document.hold',
    params: idParam,
    body: c.holdInput,
    status: 201,
    response: c.holdRecord,
    handler: (ctx) => placeHold(deps, me(ctx.principal), actorOf(me(ctx.principal)), 'document', ctx.params.id, ctx.body.reason, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/documents/:id/holds/:holdId',
    summary: 'Release a document’s legal hold, with the reason',
    tags,
    permission: 'document.hold',
    params: holdParam,
    body: c.holdInput,
    response: c.holdRecord,
    handler: (ctx) =>
      releaseHold(
        deps,
        me(ctx.principal),
        actorOf(me(ctx.principal)),
        'document',
        ctx.params.id,
        ctx.params.holdId,
        ctx.body.reason,
        meta(ctx),
      ),
  });

  r.add({
    method: 'GET',
    url: '/api/crises/:id/holds',
    summary: 'The legal holds placed on a crisis (in force first)',
    tags,
    permission: 'document.hold',
    params: idParam,
    response: c.holdList,
    handler: (ctx) => listCrisisHolds(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/holds',
    summary: 'Place a legal hold on a crisis (covers every document linked to it)',
    tags,
    permission: 'document.hold',
    params: idParam,
    body: c.holdInput,
    status: 201,
    response: c.holdRecord,
    handler: (ctx) => placeHold(deps, me(ctx.principal), actorOf(me(ctx.principal)), 'crisis', ctx.params.id, ctx.body.reason, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/crises/:id/holds/:holdId',
    summary: 'Release a crisis’s legal hold, with the reason',
    tags,
    permission: 'document.hold',
    params: holdParam,
    body: c.holdInput,
    response: c.holdRecord,
    handler: (ctx) =>
      releaseHold(
        deps,
        me(ctx.principal),
        actorOf(me(ctx.principal)),
        'crisis',
        ctx.params.id,
        ctx.params.holdId,
        ctx.body.reason,
        meta(ctx),
      ),
  });
}
