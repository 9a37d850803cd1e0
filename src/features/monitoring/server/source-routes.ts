// Source routes: the connectors on offer, sources with their status, and creating, editing, pausing/resuming,
// running and deleting polled and streamed sources.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../source-contract.ts';
import type { CollectDeps } from './collect.ts';
import { createSource, deleteSource, runSource, updateSource } from './source-edit.ts';
import { connectorInfos, getSource, listSources } from './sources.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });

/** Registers the source routes. */
export function registerSourceRoutes(r: Router, deps: CollectDeps) {
  const tags = ['monitoring'];

  r.add({
    method: 'GET',
    url: '/api/connectors',
    summary: 'Kinds of source that can be added, and the settings each takes',
    tags,
    permission: 'source.read',
    response: c.connectorList,
    handler: async () => connectorInfos(deps),
  });

  r.add({
    method: 'GET',
    url: '/api/sources',
    summary: 'Sources with status and collection counts',
    tags,
    permission: 'source.read',
    response: c.sourceList,
    handler: (ctx) => listSources(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/sources',
    summary: 'Add a polled or streamed source (collected right away)',
    tags,
    permission: 'source.manage',
    body: c.createSourceInput,
    response: c.sourceOut,
    status: 201,
    handler: (ctx) => createSource(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/sources/:id',
    summary: 'One source: settings, status, last error, items per hour, next run',
    tags,
    permission: 'source.read',
    params: uuidParam,
    response: c.sourceOut,
    handler: (ctx) => getSource(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'PATCH',
    url: '/api/sources/:id',
    summary: 'Edit a source (name, settings, interval) or pause/resume it',
    tags,
    permission: 'source.manage',
    params: uuidParam,
    body: c.updateSourceInput,
    handler: (ctx) => updateSource(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/sources/:id/run',
    summary: 'Poll a source now',
    tags,
    permission: 'source.manage',
    params: uuidParam,
    response: c.runResult,
    handler: (ctx) => runSource(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'DELETE',
    url: '/api/sources/:id',
    summary: 'Delete a source that has no mentions (otherwise pause it)',
    tags,
    permission: 'source.manage',
    params: uuidParam,
    handler: (ctx) => deleteSource(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });
}
