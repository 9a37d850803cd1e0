// Import routes: CSV/NDJSON upload (the raw file as the body), column mapping, dry run, start, cancel, progress.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import { importDetail, importList, MAX_IMPORT_BYTES, updateImportInput, uploadQuery } from '../import-contract.ts';
import type { MonitoringDeps } from './deps.ts';
import { cancelImport, dryRunImport, getImport, listImports, startImport, updateImport, uploadImport } from './import.ts';
import { importProblem } from './import-parse.ts';
import { createImportRunner } from './import-runner.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });
const UPLOAD_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/octet-stream',
  '',
];

/** Registers the import routes; imports left running by a crash or restart resume when the server is ready. */
export function registerImportRoutes(r: Router, deps: MonitoringDeps) {
  const tags = ['monitoring'];
  const runner = createImportRunner(deps, { log: (message, err) => console.error(message, err) });
  r.onReady(() => runner.resumeRunning().catch((e) => console.error('could not resume imports', e)));
  r.onClose(() => runner.close());
  const common = { tags, permission: 'mention.import', principals: ['user' as const] };

  r.add({
    ...common,
    method: 'POST',
    url: '/api/imports',
    summary: 'Upload a CSV or NDJSON file (the request body, ≤ 100 MB, UTF-8) as a new import into an import source',
    rawBody: true,
    query: uploadQuery,
    status: 201,
    response: importDetail,
    handler: async (ctx) => {
      const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const raw = ctx.req.raw;
      if (!UPLOAD_TYPES.includes(type)) {
        raw.resume();
        throw importProblem('unsupported_type', 'Send the file as text/csv, application/x-ndjson or application/octet-stream.');
      }
      if (Number(ctx.req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) {
        throw importProblem('too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);
      }
      // The upload is one transaction: a client that stops sending must not hold its connection forever.
      raw.setTimeout(60_000, () => raw.destroy(new Error('upload stalled')));
      try {
        const input = { fileName: ctx.query.name, source: ctx.query.source, format: ctx.query.format, contentType: type };
        return await uploadImport(deps, me(ctx.principal), actorOf(me(ctx.principal)), input, raw, meta(ctx));
      } catch (e) {
        if (!raw.readableEnded) raw.resume(); // let the client finish sending so it reads the answer
        throw e;
      }
    },
  });

  r.add({
    ...common,
    method: 'GET',
    url: '/api/imports',
    summary: 'Past imports (newest first) and the import sources',
    response: importList,
    handler: (ctx) => listImports(deps, me(ctx.principal)),
  });

  r.add({
    ...common,
    method: 'GET',
    url: '/api/imports/:id',
    summary: 'An import: status, progress, preview of the first rows, dry-run result',
    params: uuidParam,
    response: importDetail,
    handler: (ctx) => getImport(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    ...common,
    method: 'PATCH',
    url: '/api/imports/:id',
    summary: 'Set the column mapping (CSV) or the target source, before any row is stored',
    params: uuidParam,
    body: updateImportInput,
    response: importDetail,
    handler: (ctx) => updateImport(deps, me(ctx.principal), ctx.params.id, ctx.body),
  });

  r.add({
    ...common,
    method: 'POST',
    url: '/api/imports/:id/dry-run',
    summary: 'Check every row without storing any: counts and the first 100 rejections',
    params: uuidParam,
    response: importDetail,
    handler: (ctx) => dryRunImport(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    ...common,
    method: 'POST',
    url: '/api/imports/:id/start',
    summary: 'Start the import in the background, or resume it from the last stored batch',
    params: uuidParam,
    response: importDetail,
    handler: (ctx) => startImport(deps, runner, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });

  r.add({
    ...common,
    method: 'POST',
    url: '/api/imports/:id/cancel',
    summary: 'Cancel an import (rows already stored stay)',
    params: uuidParam,
    response: importDetail,
    handler: (ctx) => cancelImport(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });
}
