// Drill routes: list and plan drills, one drill, the facilitator's controls, entering and leaving the sandbox,
// observations. Which drills a person sees, and who may control or observe one, is decided by the services
// (drill-access.ts); the report, its actions and the trends are report-routes.ts's.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../platform/db.ts';
import type { Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import type { DrillDeps } from './deps.ts';
import { PLAYER, syncDrill } from './drill-access.ts';
import { getDrill, listDrills } from './drill-view.ts';
import { addObservation, controlDrill, createDrill, enterDrill, leaveDrill } from './drills.ts';
import { setRunEndedHook } from './runs.ts';

const idParam = z.strictObject({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
/** A scenario file may be up to 2 MB of text; JSON-escaped CJK takes more room than that. */
const CREATE_BODY_LIMIT = 8 * 1024 * 1024;

/** Registers the drill routes, and mirrors a run that ends by itself (its timeline ran out) on its drill. */
export function registerDrillRoutes(r: Router, deps: DrillDeps) {
  setRunEndedHook(async (tx: Executor, runId: string) => {
    const d = await tx.execute<{ id: string }>(sql`SELECT id FROM drills WHERE run_id = ${runId}`);
    if (d.rows[0]) await syncDrill(tx, deps.clock, d.rows[0].id, PLAYER);
  });
  const tags = ['drills'];
  r.add({
    method: 'GET',
    url: '/api/drills',
    summary: 'The drills the caller may see (admins and managers: all of the organisation’s; others: those they take part in)',
    tags,
    permission: 'drill.read',
    response: z.object({ drills: z.array(c.drillSummary) }),
    handler: (ctx) => listDrills(deps, ctx.principal),
  });
  r.add({
    method: 'POST',
    url: '/api/drills',
    summary: 'Plan a drill: a shipped scenario or a scenario file, the people taking part; the creator facilitates',
    tags,
    permission: 'drill.manage',
    body: c.createDrillInput,
    bodyLimit: CREATE_BODY_LIMIT,
    status: 201,
    response: c.drillView,
    handler: (ctx) => createDrill(deps, ctx.principal, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/drills/:id',
    summary: 'One drill: its run, injects (all for the facilitator, delivered ones for others), people, observations',
    tags,
    permission: 'drill.read',
    params: idParam,
    response: c.drillView,
    handler: (ctx) => getDrill(deps, ctx.principal, ctx.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/drills/:id/control',
    summary: 'The facilitator’s controls: start, pause, resume, speed, next inject, release, surprise, end (409 on a stale version)',
    tags,
    permission: 'drill.manage',
    params: idParam,
    body: c.runCommand,
    response: c.drillView,
    handler: (ctx) => controlDrill(deps, ctx.principal, ctx.params.id, ctx.body),
  });
  r.add({
    method: 'POST',
    url: '/api/drills/:id/enter',
    summary: 'Enter the drill: this session acts as the caller’s copy in the drill’s sandbox until it leaves',
    tags,
    permission: 'drill.read',
    params: idParam,
    response: ok,
    handler: (ctx) => enterDrill(deps, ctx.principal, ctx.params.id, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/drill-session/leave',
    summary: 'Leave the drill this session is in, back to the real organisation',
    tags,
    permission: 'drill.read',
    response: ok,
    handler: (ctx) => leaveDrill(deps, ctx.principal, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/drills/:id/observations',
    summary: 'An observer’s note with an optional 1–5 score on one capability',
    tags,
    permission: 'drill.read',
    params: idParam,
    body: c.observationInput,
    status: 201,
    response: c.observationView,
    handler: (ctx) => addObservation(deps, ctx.principal, ctx.params.id, ctx.body, meta(ctx)),
  });
}
