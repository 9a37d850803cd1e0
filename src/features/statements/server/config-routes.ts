// Statement configuration routes: templates (shipped and the organisation's; admins add, change, archive and
// record legal sign-off) and approval chains per severity × kind group. Each route: a schema, a permission, one
// service call.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';
import { severities } from '../../warnings/contract.ts';
import * as c from '../contract.ts';
import { listChains, resetChain, saveChain } from './chains-store.ts';
import { archiveTemplate, createTemplate, listTemplates, signTemplate, updateTemplate } from './templates-store.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const templateParam = z.strictObject({ id: z.string().min(1).max(100) });
const chainParams = z.strictObject({ severity: z.enum(severities), group: z.enum(c.kindGroups) });

/** Registers the template and chain routes. */
export function registerStatementConfigRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statement-config'];
  r.add({
    method: 'GET',
    url: '/api/statement-templates',
    summary: 'Statement templates: the shipped ones and the organisation’s own (not archived)',
    tags,
    permission: 'crisis.read',
    response: c.templateList,
    handler: (ctx) => listTemplates(deps, me(ctx.principal)),
  });
  r.add({
    method: 'POST',
    url: '/api/statement-templates',
    summary: 'Add a template',
    tags,
    permission: 'crisis.configure',
    body: c.templateInput,
    status: 201,
    response: c.statementTemplate,
    handler: (ctx) => createTemplate(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });
  r.add({
    method: 'PATCH',
    url: '/api/statement-templates/:id',
    summary: 'Change a template (409 on a stale version); a new body clears its legal sign-off',
    tags,
    permission: 'crisis.configure',
    params: templateParam,
    body: c.templatePatch,
    response: c.statementTemplate,
    handler: (ctx) => updateTemplate(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'DELETE',
    url: '/api/statement-templates/:id',
    summary: 'Archive a template (no longer offered)',
    tags,
    permission: 'crisis.configure',
    params: templateParam,
    handler: (ctx) => archiveTemplate(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/statement-templates/:id/legal-signoff',
    summary: 'Record that legal signed off the template now (an administrator records it)',
    tags,
    permission: 'crisis.configure',
    params: templateParam,
    response: c.statementTemplate,
    handler: (ctx) => signTemplate(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/statement-chains',
    summary: 'Every approval chain (severity × kind group), marked custom or default',
    tags,
    permission: 'crisis.read',
    response: c.chainList,
    handler: (ctx) => listChains(deps, me(ctx.principal)),
  });
  r.add({
    method: 'PUT',
    url: '/api/statement-chains/:severity/:group',
    summary: 'Replace one approval chain: team roles in order with named backups (409 on a stale version)',
    tags,
    permission: 'crisis.configure',
    params: chainParams,
    body: c.chainInput,
    response: c.approvalChain,
    handler: (ctx) =>
      saveChain(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.severity, ctx.params.group, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'DELETE',
    url: '/api/statement-chains/:severity/:group',
    summary: 'Put one approval chain back to the shipped default (?version= as last read; 409 when stale)',
    tags,
    permission: 'crisis.configure',
    params: chainParams,
    query: z.strictObject({ version: z.coerce.number().int().min(0) }),
    response: c.approvalChain,
    handler: (ctx) =>
      resetChain(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.severity, ctx.params.group, ctx.query.version, meta(ctx)),
  });
}
