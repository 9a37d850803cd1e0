// Routes of the after-action report: the report (generate, read, the team's words), its PDF, follow-up actions,
// and trends across drills. Each route: a schema, a permission, one service call; which drills a person may see
// is decided by the services (participants, and every drill for admins and managers; others 404).
import { z } from 'zod';
import type { Router } from '../../../platform/http.ts';
import { actionInput, actionUpdate, actionView, drillReport, drillTrends, reportTextInput } from '../contract.ts';
import type { DrillDeps } from './deps.ts';
import {
  addAction,
  generateReport,
  getReport,
  getReportPdf,
  listActions,
  drillTrends as trendsOf,
  updateAction,
  updateReportText,
} from './report.ts';

const idParam = z.strictObject({ id: z.uuid() });
const actionParams = z.strictObject({ id: z.uuid(), actionId: z.uuid() });
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });

/** Registers this file's routes. `/api/drills/trends` is a static segment, which Fastify prefers to `/api/drills/:id`. */
export function registerDrillReportRoutes(r: Router, deps: DrillDeps) {
  const tags = ['drills'];
  r.add({
    method: 'GET',
    url: '/api/drills/trends',
    summary: 'Ended drills with a report, oldest first: their clocks (seconds) and key measures',
    tags,
    permission: 'drill.read',
    response: drillTrends,
    handler: (ctx) => trendsOf(deps, ctx.principal),
  });
  r.add({
    method: 'GET',
    url: '/api/drills/:id/report',
    summary: 'The after-action report of a drill (404 before one is generated)',
    tags,
    permission: 'drill.read',
    params: idParam,
    response: drillReport,
    handler: (ctx) => getReport(deps, ctx.principal, ctx.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/drills/:id/report',
    summary: 'Generate (or regenerate) the after-action report of an ended drill (409 before it ended)',
    tags,
    permission: 'drill.manage',
    params: idParam,
    status: 201,
    response: drillReport,
    handler: (ctx) => generateReport(deps, ctx.principal, ctx.params.id, meta(ctx)),
  });
  r.add({
    method: 'PUT',
    url: '/api/drills/:id/report',
    summary: 'Save what went well and what to improve (409 when someone saved since the version sent)',
    tags,
    permission: 'drill.manage',
    params: idParam,
    body: reportTextInput,
    response: drillReport,
    handler: (ctx) => updateReportText(deps, ctx.principal, ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/drills/:id/report.pdf',
    summary: 'The after-action report as PDF (an attachment)',
    tags,
    permission: 'drill.read',
    params: idParam,
    handler: async (ctx) => {
      const f = await getReportPdf(deps, ctx.principal, ctx.params.id);
      ctx.reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${f.asciiName}"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store');
      if (f.sha256) ctx.reply.header('x-content-sha256', f.sha256);
      return ctx.reply.send(f.bytes);
    },
  });
  r.add({
    method: 'GET',
    url: '/api/drills/:id/actions',
    summary: 'The follow-up actions of a drill',
    tags,
    permission: 'drill.read',
    params: idParam,
    response: z.array(actionView),
    handler: (ctx) => listActions(deps, ctx.principal, ctx.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/drills/:id/actions',
    summary: 'Add a follow-up action, assigned to an active person of the organisation',
    tags,
    permission: 'drill.manage',
    params: idParam,
    body: actionInput,
    status: 201,
    response: actionView,
    handler: (ctx) => addAction(deps, ctx.principal, ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'PATCH',
    url: '/api/drills/:id/actions/:actionId',
    summary: 'Mark a follow-up action done or not done (its assignee, the facilitator, admins and managers)',
    tags,
    permission: 'drill.read',
    params: actionParams,
    body: actionUpdate,
    response: actionView,
    handler: (ctx) => updateAction(deps, ctx.principal, ctx.params.id, ctx.params.actionId, ctx.body, meta(ctx)),
  });
}
