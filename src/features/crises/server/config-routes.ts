// Crisis configuration routes: the organisation's playbooks (list, one, save, reset, export, import), its
// grading matrix, and its crisis type and team role names. Reading is for those who declare (the declare form
// previews and grades with them) — the names for everyone signed in, who all see them; changing is for admins
// (crisis.configure). Each route: a schema, a permission, one service call.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import { crisisLists, crisisListsInput } from '../lists-contract.ts';
import { gradingInput, gradingView, importInput, importResult, playbookEntry } from '../playbook-contract.ts';
import type { CrisisDeps } from './access.ts';
import { gradingOf, saveGrading } from './grading.ts';
import { listsOf, saveLists } from './lists.ts';
import { exportPlaybooks, importPlaybooks, listPlaybooks, playbookOf, resetPlaybook, savePlaybook } from './playbook-store.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const bookParams = z.strictObject({ type: z.enum(c.crisisTypes), severity: z.enum(c.severities) });
const stored = z.object({ playbook: c.playbook, customised: z.boolean(), version: z.number().int(), updatedAt: z.string().nullable() });
const saveInput = z.strictObject({ playbook: c.playbook, version: z.number().int().min(0) });
const exportQuery = z.strictObject({ format: z.enum(['yaml', 'json']).default('yaml') });

/** Registers the crisis configuration routes. */
export function registerCrisisConfigRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['crisis-config'];

  r.add({
    method: 'GET',
    url: '/api/crisis-config/playbooks',
    summary: 'Every crisis type × level playbook, marked customised or default',
    tags,
    permission: 'crisis.declare',
    response: z.object({ playbooks: z.array(playbookEntry) }),
    handler: (ctx) => listPlaybooks(deps.db, me(ctx.principal).orgId),
  });

  r.add({
    method: 'GET',
    url: '/api/crisis-config/playbooks/export',
    summary: 'Download every playbook as YAML or JSON (importing it back changes nothing)',
    tags,
    permission: 'crisis.configure',
    query: exportQuery,
    handler: async (ctx) => {
      const body = await exportPlaybooks(deps.db, me(ctx.principal).orgId, ctx.query.format);
      const yaml = ctx.query.format === 'yaml';
      ctx.reply
        .header('content-type', yaml ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="playbooks.${yaml ? 'yaml' : 'json'}"`);
      return body;
    },
  });

  r.add({
    method: 'POST',
    url: '/api/crisis-config/playbooks/import',
    summary: 'Import playbooks from YAML or JSON, all or nothing; problems come back with their line and column',
    tags,
    permission: 'crisis.configure',
    body: importInput,
    bodyLimit: 2_500_000,
    response: importResult,
    handler: (ctx) => importPlaybooks(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/crisis-config/playbooks/:type/:severity',
    summary: 'One playbook as it applies to the organisation (its own or the default), with its version',
    tags,
    permission: 'crisis.declare',
    params: bookParams,
    response: stored,
    handler: (ctx) => playbookOf(deps.db, me(ctx.principal).orgId, ctx.params.type, ctx.params.severity),
  });

  r.add({
    method: 'PUT',
    url: '/api/crisis-config/playbooks/:type/:severity',
    summary: 'Save one playbook (409 when someone else saved it since the version sent)',
    tags,
    permission: 'crisis.configure',
    params: bookParams,
    body: saveInput,
    response: stored,
    handler: (ctx) =>
      savePlaybook(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.type, ctx.params.severity, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/crisis-config/playbooks/:type/:severity',
    summary: 'Go back to the shipped default playbook for this type and level',
    tags,
    permission: 'crisis.configure',
    params: bookParams,
    response: stored,
    handler: (ctx) => resetPlaybook(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.type, ctx.params.severity, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/crisis-config/grading',
    summary: 'The grading matrix (危機分級) the declare form asks',
    tags,
    permission: 'crisis.declare',
    response: gradingView,
    handler: (ctx) => gradingOf(deps.db, me(ctx.principal).orgId),
  });

  r.add({
    method: 'PUT',
    url: '/api/crisis-config/grading',
    summary: 'Save the grading matrix (409 when someone else saved it since the version sent)',
    tags,
    permission: 'crisis.configure',
    body: gradingInput,
    response: gradingView,
    handler: (ctx) => saveGrading(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/crisis-config/grading',
    summary: 'Go back to the shipped grading matrix',
    tags,
    permission: 'crisis.configure',
    response: gradingView,
    handler: async (ctx) => {
      const now = await gradingOf(deps.db, me(ctx.principal).orgId);
      return saveGrading(deps, me(ctx.principal), actorOf(me(ctx.principal)), { matrix: null, version: now.version }, meta(ctx));
    },
  });

  r.add({
    method: 'GET',
    url: '/api/crisis-config/lists',
    summary: "The organisation's crisis type and team role names, and the types it hides when declaring",
    tags,
    permission: 'org.read',
    response: crisisLists,
    handler: (ctx) => listsOf(deps.db, me(ctx.principal).orgId),
  });

  r.add({
    method: 'PUT',
    url: '/api/crisis-config/lists',
    summary: 'Rename crisis types and team roles, hide unused types (409 when someone else saved them since the version sent)',
    tags,
    permission: 'crisis.configure',
    body: crisisListsInput,
    response: crisisLists,
    handler: (ctx) => saveLists(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });
}
