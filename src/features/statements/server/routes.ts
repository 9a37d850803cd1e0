// Statement routes: the communication plan and fact sheet of a crisis, statements and their versions, risk
// acceptance, the approval chain (submit, decide, override), publication, templates and approval chains.
// Each route: a schema, a permission, one service call; who may do what on a crisis is decided by the services
// (crisis rights from policies.ts; named approvers per chain step).
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';
import * as c from '../contract.ts';
import { decideStatement, overrideStatement, submitStatement } from './approval.ts';
import { registerCommentRoutes } from './comment-routes.ts';
import { registerStatementConfigRoutes } from './config-routes.ts';
import { createStatement, updateStatement } from './create.ts';
import { addAudience, addFact, getPlan, listFacts, removeAudience, savePlan, updateAudience, updateFact } from './plan.ts';
import { publishStatement } from './publish.ts';
import { acceptRisk, saveText } from './text.ts';
import { getStatement, getVersion, listStatements } from './view.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const crisisParam = z.strictObject({ id: z.uuid() });
const audienceParams = z.strictObject({ id: z.uuid(), audienceId: z.uuid() });
const factParams = z.strictObject({ id: z.uuid(), factId: z.uuid() });
const statementParam = z.strictObject({ statementId: z.uuid() });
const versionParams = z.strictObject({ statementId: z.uuid(), n: z.coerce.number().int().min(1).max(1_000_000) });

/** Room for a statement at the character limit, CJK text in JSON with its structure, so the limit speaks first. */
const TEXT_BODY_LIMIT = 8 * 1024 * 1024;

/** Registers the statement routes. */
export function registerStatementRoutes(r: Router, deps: CrisisDeps) {
  registerPlanRoutes(r, deps);
  registerDraftRoutes(r, deps);
  registerReviewRoutes(r, deps);
  registerStatementConfigRoutes(r, deps);
  registerCommentRoutes(r, deps);
}

function registerPlanRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statements'];
  r.add({
    method: 'GET',
    url: '/api/crises/:id/plan',
    summary: 'The communication plan of a crisis: objectives and audiences',
    tags,
    permission: 'crisis.read',
    params: crisisParam,
    response: c.commPlan,
    handler: (ctx) => getPlan(deps, me(ctx.principal), ctx.params.id),
  });
  r.add({
    method: 'PUT',
    url: '/api/crises/:id/plan',
    summary: 'Save the plan’s objectives (409 when someone else saved since the version sent)',
    tags,
    permission: 'crisis.work',
    params: crisisParam,
    body: c.planInput,
    response: c.commPlan,
    handler: (ctx) => savePlan(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/crises/:id/plan/audiences',
    summary: 'Add an audience to the plan (channels, key messages, spokesperson, timing, owner)',
    tags,
    permission: 'crisis.work',
    params: crisisParam,
    body: c.audienceInput,
    status: 201,
    response: c.commAudience,
    handler: (ctx) => addAudience(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'PATCH',
    url: '/api/crises/:id/plan/audiences/:audienceId',
    summary: 'Change an audience (409 on a stale version)',
    tags,
    permission: 'crisis.work',
    params: audienceParams,
    body: c.audiencePatch,
    response: c.commAudience,
    handler: (ctx) =>
      updateAudience(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.audienceId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'DELETE',
    url: '/api/crises/:id/plan/audiences/:audienceId',
    summary: 'Remove an audience from the plan',
    tags,
    permission: 'crisis.work',
    params: audienceParams,
    handler: (ctx) => removeAudience(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.audienceId, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/crises/:id/facts',
    summary: 'The fact sheet: confirmed facts with source and time, open questions (retired facts marked)',
    tags,
    permission: 'crisis.read',
    params: crisisParam,
    response: c.factList,
    handler: (ctx) => listFacts(deps, me(ctx.principal), ctx.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/crises/:id/facts',
    summary: 'Add a confirmed fact or an open question',
    tags,
    permission: 'crisis.work',
    params: crisisParam,
    body: c.factInput,
    status: 201,
    response: c.crisisFact,
    handler: (ctx) => addFact(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'PATCH',
    url: '/api/crises/:id/facts/:factId',
    summary: 'Edit, answer, retire or restore a fact (409 on a stale version)',
    tags,
    permission: 'crisis.work',
    params: factParams,
    body: c.factPatch,
    response: c.crisisFact,
    handler: (ctx) =>
      updateFact(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.factId, ctx.body, meta(ctx)),
  });
}

function registerDraftRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statements'];
  r.add({
    method: 'GET',
    url: '/api/crises/:id/statements',
    summary: 'The statements of a crisis, latest change first',
    tags,
    permission: 'crisis.read',
    params: crisisParam,
    query: c.statementListQuery,
    response: c.statementList,
    handler: (ctx) => listStatements(deps, me(ctx.principal), { ...ctx.query, crisisId: ctx.params.id }),
  });
  r.add({
    method: 'GET',
    url: '/api/statements',
    summary: 'Every statement the caller may read across crises (`?status=`, `?awaitingMe=true`)',
    tags,
    permission: 'crisis.read',
    query: c.statementListQuery,
    response: c.statementList,
    handler: (ctx) => listStatements(deps, me(ctx.principal), ctx.query),
  });
  r.add({
    method: 'POST',
    url: '/api/crises/:id/statements',
    summary: 'Start a statement: from a template with its fields, from a document, or empty; linked to its playbook task',
    tags,
    permission: 'crisis.work',
    params: crisisParam,
    body: c.statementInput,
    bodyLimit: TEXT_BODY_LIMIT,
    status: 201,
    response: c.statementDetail,
    handler: (ctx) => createStatement(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/statements/:statementId',
    summary: 'A statement: head version with findings, versions, the approval chain, approvals, publications, reference',
    tags,
    permission: 'crisis.read',
    params: statementParam,
    response: c.statementDetail,
    handler: (ctx) => getStatement(deps, me(ctx.principal), ctx.params.statementId),
  });
  r.add({
    method: 'PATCH',
    url: '/api/statements/:statementId',
    summary: 'Change the title or audience (409 on a stale version)',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: c.statementPatch,
    response: c.statementDetail,
    handler: (ctx) => updateStatement(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'PUT',
    url: '/api/statements/:statementId/text',
    summary: 'Save the text as a new version (409 with the current head when it moved on); resets approvals given',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: c.textInput,
    bodyLimit: TEXT_BODY_LIMIT,
    response: c.statementDetail,
    handler: (ctx) => saveText(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/statements/:statementId/versions/:n',
    summary: 'One version of a statement, with its findings and accepted risks',
    tags,
    permission: 'crisis.read',
    params: versionParams,
    response: c.statementVersion,
    handler: (ctx) => getVersion(deps, me(ctx.principal), ctx.params.statementId, ctx.params.n),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/versions/:n/accepted',
    summary: 'Accept a finding of a version as a risk, with the reason',
    tags,
    permission: 'crisis.work',
    params: versionParams,
    body: c.acceptInput,
    response: c.statementDetail,
    handler: (ctx) =>
      acceptRisk(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.params.n, ctx.body, meta(ctx)),
  });
}

function registerReviewRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statements'];
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/submit',
    summary: 'Submit the head version for review; the first step’s approvers are told',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: c.submitInput,
    response: c.statementDetail,
    handler: (ctx) => submitStatement(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/decisions',
    summary: 'Approve, request changes or reject the current step, bound to the version and hash seen (409 when the text changed)',
    tags,
    permission: 'crisis.read',
    params: statementParam,
    body: c.decisionInput,
    response: c.statementDetail,
    handler: (ctx) => decideStatement(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/override',
    summary: 'Emergency override by the crisis commander, with a reason (marked on the statement forever)',
    tags,
    permission: 'crisis.read',
    params: statementParam,
    body: c.overrideInput,
    response: c.statementDetail,
    handler: (ctx) => overrideStatement(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/publications',
    summary: 'Record a publication of the approved version on a channel; completes the statement’s playbook task',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: c.publishInput,
    status: 201,
    response: c.statementDetail,
    handler: (ctx) => publishStatement(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
}
