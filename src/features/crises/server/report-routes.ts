// Employee report routes (通報): screenshot upload and viewing, filing a report, my reports, the triage queue,
// attaching to a crisis and closing. Each route: a schema, a permission, one service call; who may see which
// report (reporter, triager, the linked crisis's team) is decided by the services.
import { z } from 'zod';
import { type FileStore, sendFile } from '../../../platform/files.ts';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../report-contract.ts';
import type { CrisisDeps } from './access.ts';
import {
  attachReport,
  closeReport,
  createReport,
  getReport,
  listMyReports,
  listReportQueue,
  type ReportDeps,
  reportFileFor,
  uploadReportFile,
} from './reports.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const idParam = z.strictObject({ id: z.uuid() });
const uploadQuery = z.strictObject({ name: z.string().max(500).optional() });

/** Registers the report routes; screenshots are kept in the file store (`<dataDir>/files` or the bucket). */
export function registerReportRoutes(r: Router, base: CrisisDeps & { files: FileStore; maxFileBytes?: number }) {
  const deps: ReportDeps = {
    db: base.db,
    clock: base.clock,
    files: base.files,
    maxFileBytes: base.maxFileBytes,
  };
  const tags = ['reports'];

  r.add({
    method: 'POST',
    url: '/api/reports/files',
    summary: 'Upload a screenshot for a report (PNG, JPEG, GIF or WebP by content, at most 10 MiB; the body is the raw bytes)',
    tags,
    permission: 'report.create',
    rawBody: true,
    rateLimit: 60,
    query: uploadQuery,
    status: 201,
    response: c.uploadedFile,
    handler: async (ctx) => {
      const len = Number(ctx.req.headers['content-length']);
      const f = await uploadReportFile(deps, me(ctx.principal), {
        source: ctx.req.raw,
        declaredLength: Number.isFinite(len) ? len : undefined,
        name: ctx.query.name,
      });
      return { id: f.id, contentType: f.contentType, size: f.size, sha256: f.sha256 };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/reports/files/:id',
    summary: 'A report screenshot (its uploader, triagers, and the linked crisis’s team; others 404)',
    tags,
    permission: 'report.create',
    params: idParam,
    status: 200,
    handler: async (ctx) => {
      const file = await reportFileFor(deps, me(ctx.principal), ctx.params.id);
      return sendFile(ctx.reply, deps.files, file, 'report');
    },
  });

  r.add({
    method: 'POST',
    url: '/api/reports',
    summary: 'File a report (通報) of a possible crisis, optionally anonymous to colleagues (still audited)',
    tags,
    permission: 'report.create',
    body: c.reportInput,
    status: 201,
    response: c.reportView,
    handler: (ctx) => createReport(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/reports/mine',
    summary: 'My reports and their status (closed with a reason, or the crisis they became part of)',
    tags,
    permission: 'report.create',
    response: c.myReports,
    handler: (ctx) => listMyReports(deps, me(ctx.principal)),
  });

  r.add({
    method: 'GET',
    url: '/api/reports',
    summary: 'The triage queue: new reports first, most urgent first; counts per status',
    tags,
    permission: 'report.triage',
    query: c.reportListQuery,
    response: c.reportQueue,
    handler: (ctx) => listReportQueue(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'GET',
    url: '/api/reports/:id',
    summary: 'One report (its reporter, triagers, and the linked crisis’s team; others 404)',
    tags,
    permission: 'report.create',
    params: idParam,
    response: c.reportView,
    handler: (ctx) => getReport(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/reports/:id/attach',
    summary: 'Attach a new report to an existing open crisis (409 when already triaged or the version is stale)',
    tags,
    permission: 'report.triage',
    params: idParam,
    body: c.attachInput,
    response: c.reportView,
    handler: (ctx) => attachReport(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/reports/:id/close',
    summary: 'Close a new report with a reason (shown to the reporter)',
    tags,
    permission: 'report.triage',
    params: idParam,
    body: c.closeInput,
    response: c.reportView,
    handler: (ctx) => closeReport(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });
}
