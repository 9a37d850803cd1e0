// Crisis routes: the list, declaring, the crisis room (detail), lifecycle and level, the team, tasks, notes,
// decisions, and the default playbook for the declare form's preview. Each route: a schema, a permission,
// one service call; the per-crisis rule (team membership, commander) is applied by the services.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import type { CrisisDeps } from './access.ts';
import { addComment } from './comments.ts';
import { addNote, changeSeverity, changeStatus, declareCrisis, getCrisis, listCrises, logDecision } from './crises.ts';
import { playbookOf } from './playbook-store.ts';
import { signDecision } from './signoff.ts';
import { setStar } from './stars.ts';
import { createTask, updateTask } from './tasks.ts';
import { assignRole } from './team.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const idParam = z.strictObject({ id: z.uuid() });
const taskParams = z.strictObject({ id: z.uuid(), taskId: z.uuid() });
const decisionParams = z.strictObject({ id: z.uuid(), decisionId: z.uuid() });
const eventParams = z.strictObject({ id: z.uuid(), eventId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const playbookQuery = z.strictObject({ type: z.enum(c.crisisTypes), severity: z.enum(c.severities) });

/** Registers the crisis routes. */
export function registerCrisisRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['crises'];

  r.add({
    method: 'GET',
    url: '/api/crises',
    summary: 'Crises the caller may see, newest first (members: those whose team they are on)',
    tags,
    permission: 'crisis.read',
    query: c.crisisListQuery,
    response: c.crisisList,
    handler: (ctx) => listCrises(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'POST',
    url: '/api/crises',
    summary: 'Declare a crisis (宣告危機), from scratch or from an alert; instantiates the playbook',
    tags,
    permission: 'crisis.declare',
    body: c.declareInput,
    status: 201,
    response: c.crisisDetail,
    handler: (ctx) => declareCrisis(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/crises/playbook',
    summary: "The organisation's playbook for a crisis type and level (its own or the default): what declaring sets up",
    tags,
    permission: 'crisis.declare',
    query: playbookQuery,
    response: c.playbook,
    handler: async (ctx) => (await playbookOf(deps.db, me(ctx.principal).orgId, ctx.query.type, ctx.query.severity)).playbook,
  });

  r.add({
    method: 'GET',
    url: '/api/crises/:id',
    summary: 'The crisis room: team, tasks with clocks, decisions, linked alerts and topics, timeline',
    tags,
    permission: 'crisis.read',
    params: idParam,
    response: c.crisisDetail,
    handler: (ctx) => getCrisis(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/status',
    summary: 'Move the lifecycle on (reopening a closed crisis needs a reason); guarded by the version seen',
    tags,
    permission: 'crisis.manage',
    params: idParam,
    body: c.statusInput,
    response: c.crisisDetail,
    handler: (ctx) => changeStatus(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/severity',
    summary: 'Change the level, with the reason (logged as a decision); guarded by the version seen',
    tags,
    permission: 'crisis.manage',
    params: idParam,
    body: c.severityInput,
    response: c.crisisDetail,
    handler: (ctx) => changeSeverity(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'PUT',
    url: '/api/crises/:id/team',
    summary: 'Fill, hand over or clear one role of the response team',
    tags,
    permission: 'crisis.manage',
    params: idParam,
    body: c.roleInput,
    response: c.crisisDetail,
    handler: (ctx) => assignRole(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/tasks',
    summary: 'Add a task',
    tags,
    permission: 'crisis.work',
    params: idParam,
    body: c.taskInput,
    status: 201,
    response: c.crisisTask,
    handler: (ctx) => createTask(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/crises/:id/tasks/:taskId',
    summary: 'Change a task (409 when someone else changed it since the version sent)',
    tags,
    permission: 'crisis.work',
    params: taskParams,
    body: c.taskPatch,
    response: c.crisisTask,
    handler: (ctx) =>
      updateTask(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.taskId, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/notes',
    summary: 'Add a note to the timeline',
    tags,
    permission: 'crisis.work',
    params: idParam,
    body: c.noteInput,
    status: 201,
    response: c.timelineEntry,
    handler: (ctx) => addNote(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/decisions',
    summary: 'Log a decision (options weighed, rationale)',
    tags,
    permission: 'crisis.manage',
    params: idParam,
    body: c.decisionInput,
    status: 201,
    response: c.crisisDecision,
    handler: (ctx) => logDecision(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/tasks/:taskId/comments',
    summary: 'Comment on a task; `@name` mentions someone who may read the crisis (they are told)',
    tags,
    permission: 'crisis.work',
    params: taskParams,
    body: c.commentInput,
    status: 201,
    response: c.taskComment,
    handler: (ctx) =>
      addComment(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.taskId, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/decisions/:decisionId/signoff',
    summary: 'Sign or decline a decision you were asked to sign (admins may sign for them); guarded by the version seen',
    tags,
    permission: 'crisis.read',
    params: decisionParams,
    body: c.signoffInput,
    response: c.crisisDecision,
    handler: (ctx) =>
      signDecision(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.decisionId, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/crises/:id/timeline/:eventId/star',
    summary: 'Star a timeline entry for the after-action review',
    tags,
    permission: 'crisis.work',
    params: eventParams,
    response: c.timelineEntry,
    handler: (ctx) => setStar(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.eventId, true, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/crises/:id/timeline/:eventId/star',
    summary: 'Remove the star from a timeline entry',
    tags,
    permission: 'crisis.work',
    params: eventParams,
    response: c.timelineEntry,
    handler: (ctx) => setStar(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.params.eventId, false, meta(ctx)),
  });
}
