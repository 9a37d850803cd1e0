// Source routes: list with status, pause/resume (and the settings of polled and streamed sources).
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { MonitoringDeps } from './deps.ts';
import { listSources, setSourceStatus } from './sources.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });

/** Registers the source routes. */
export function registerSourceRoutes(r: Router, deps: MonitoringDeps) {
  const tags = ['monitoring'];

  r.add({
    method: 'GET',
    url: '/api/sources',
    summary: 'Sources with status and collection counts',
    tags,
    permission: 'source.read',
    handler: (ctx) => listSources(deps, me(ctx.principal)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/sources/:id',
    summary: 'Pause or resume a source',
    tags,
    permission: 'source.manage',
    params: uuidParam,
    body: z.strictObject({ status: z.enum(['active', 'paused']) }),
    handler: (ctx) => setSourceStatus(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body.status, meta(ctx)),
  });
}
