// Evidence locker routes (證據保全): capture, a document's chain of custody, and the bundle export (a ZIP streamed
// with bounded memory). Each is a schema, a permission and one service call.
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { Principal, Router } from '../../../platform/http.ts';
import { custodyOut, documentOut, evidenceCapabilities, evidenceExportInput, evidenceInput } from '../contract.ts';
import { writeZip } from './bundle-write.ts';
import type { DocumentDeps } from './deps.ts';
import { loadVisible, viewOf } from './documents-read.ts';
import { captureEvidence } from './evidence-capture.ts';
import { getCustody } from './evidence-custody.ts';
import { prepareEvidenceExport } from './evidence-export.ts';

const tags = ['evidence'];
const idParam = z.strictObject({ id: z.uuid() });
const me = (p: Principal | null) => p as Principal;

/** Registers the evidence routes. */
export function registerEvidenceRoutes(r: Router, deps: DocumentDeps) {
  r.add({
    method: 'GET',
    url: '/api/evidence/capabilities',
    summary: 'What the capture can do automatically on this server: `screenshot` when a headless browser is configured',
    tags,
    permission: 'evidence.capture',
    response: evidenceCapabilities,
    handler: async () => ({ screenshot: !!deps.captureBrowser }),
  });

  r.add({
    method: 'POST',
    url: '/api/evidence',
    summary: 'Capture evidence: a stored mention, a URL fetched now, or text as seen (the start of its chain of custody)',
    tags,
    permission: 'evidence.capture',
    body: evidenceInput,
    response: documentOut,
    status: 201,
    // A fetch may take a while and reaches outside: a person captures at people speed.
    rateLimit: 60,
    handler: async (ctx) => {
      const p = me(ctx.principal);
      const { id } = await captureEvidence(deps, p, ctx.body, { requestId: ctx.requestId, ip: ctx.ip });
      return viewOf(deps.db, p, await loadVisible(deps.db, p, deps.clock.now(), id));
    },
  });

  r.add({
    method: 'GET',
    url: '/api/documents/:id/custody',
    summary: 'A document’s chain of custody: every event about it, with time (UTC), actor, IP and hash (readers only; others 404)',
    tags,
    permission: 'document.read',
    params: idParam,
    response: custodyOut,
    handler: async (ctx) => getCustody(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/evidence/export',
    summary: 'Export evidence documents as a ZIP bundle (files, captured texts, manifest.json, manifest.html); recorded on each custody',
    tags,
    permission: 'evidence.export',
    body: evidenceExportInput,
    status: 200,
    rateLimit: 20,
    handler: async (ctx) => {
      const bundle = await prepareEvidenceExport(deps, me(ctx.principal), ctx.body, { requestId: ctx.requestId, ip: ctx.ip });
      const out = new PassThrough({ highWaterMark: 256 * 1024 });
      // Errors after the headers are gone can only break the download off; the log says why.
      writeZip(bundle.entries, out, new Date(bundle.manifest.createdAt)).catch((e) =>
        ctx.req.log.error({ err: (e as Error).message, bundleId: bundle.manifest.bundleId }, 'evidence bundle stream failed'),
      );
      ctx.reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('x-bundle-id', bundle.manifest.bundleId);
      await ctx.reply.send(out);
      // A client that went away: the response never ended; nothing more may be sent on it.
      if (!ctx.reply.sent) ctx.reply.hijack();
      return ctx.reply;
    },
  });
}
