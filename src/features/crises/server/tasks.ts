// A crisis's tasks: added by hand (playbook tasks come with declaring) and changed under optimistic
// concurrency — a change made against an older version is refused (409), never silently overwritten.
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisTask, TaskStatus, TeamRole } from '../contract.ts';
import { type CrisisDeps, checkAssignee, crisisEvent, fieldError, loadCrisis, type Meta } from './access.ts';
import { tasksOf } from './view.ts';

/** Adds a task to a crisis. */
export async function createTask(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { title: string; detail?: string; role?: TeamRole; assigneeId?: string; dueAt?: string },
  meta: Meta = {},
): Promise<CrisisTask> {
  const now = deps.clock.now().toISOString();
  const taskId = await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'work');
    if (input.assigneeId) await checkAssignee(tx, p.orgId, id, input.assigneeId, 'assigneeId');
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO crisis_tasks (crisis_id, org_id, title, detail, role, assignee_id, due_at, created_at)
      VALUES (${id}, ${p.orgId}, ${input.title}, ${input.detail || null}, ${input.role ?? null}, ${input.assigneeId ?? null},
        ${input.dueAt ? new Date(input.dueAt).toISOString() : null}, ${now}) RETURNING id`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.task_created',
        actor,
        subjectType: 'crisis_task',
        subjectId: r.rows[0].id,
        users: input.assigneeId ? [input.assigneeId] : [],
        data: {
          title: input.title,
          role: input.role ?? null,
          assigneeId: input.assigneeId ?? null,
          dueAt: input.dueAt ?? null,
          status: 'todo',
        },
      },
      meta,
    );
    return r.rows[0].id;
  });
  return (await tasksOf(deps.db, id, taskId))[0];
}

type TaskPatch = {
  version: number;
  title?: string;
  detail?: string | null;
  status?: TaskStatus;
  blockedReason?: string;
  role?: TeamRole | null;
  assigneeId?: string | null;
  dueAt?: string | null;
  checklist?: { text: string; done: boolean }[];
};

type Current = {
  title: string;
  detail: string | null;
  status: TaskStatus;
  blocked_reason: string | null;
  role: string | null;
  assignee_id: string | null;
  due_at: Date | null;
  checklist: unknown;
  version: number;
};

const sameChecklist = (a: unknown, b: { text: string; done: boolean }[]) =>
  JSON.stringify((Array.isArray(a) ? a : []).map((x: { text?: unknown; done?: unknown }) => [x.text, x.done === true])) ===
  JSON.stringify(b.map((x) => [x.text, x.done]));

const sameTime = (a: Date | string | null, b: string | null) => (a ? new Date(a).getTime() : null) === (b ? new Date(b).getTime() : null);

/** What the patch changes, as {field: {from, to}} (unchanged fields left out). */
function changesOf(t: Current, patch: TaskPatch, blockedReason: string | null) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const put = (k: string, from: unknown, to: unknown) => {
    if (to !== undefined && from !== to) out[k] = { from, to };
  };
  put('title', t.title, patch.title);
  put('detail', t.detail, patch.detail);
  put('status', t.status, patch.status);
  put('blockedReason', t.blocked_reason, blockedReason);
  put('role', t.role, patch.role);
  put('assigneeId', t.assignee_id, patch.assigneeId);
  if (patch.dueAt !== undefined && !sameTime(t.due_at, patch.dueAt))
    out.dueAt = { from: t.due_at ? new Date(t.due_at).toISOString() : null, to: patch.dueAt ? new Date(patch.dueAt).toISOString() : null };
  if (patch.checklist !== undefined && !sameChecklist(t.checklist, patch.checklist)) {
    const done = (l: { done?: unknown }[]) => l.filter((x) => x.done === true).length;
    const before = Array.isArray(t.checklist) ? (t.checklist as { done?: unknown }[]) : [];
    out.checklist = { from: `${done(before)}/${before.length}`, to: `${done(patch.checklist)}/${patch.checklist.length}` };
  }
  return out;
}

/** Changes a task; `version` must be the task's current one (409 otherwise). `done` stamps done_at; `blocked` needs a reason. */
export async function updateTask(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  taskId: string,
  patch: TaskPatch,
  meta: Meta = {},
): Promise<CrisisTask> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'work');
    const r = await tx.execute<Current>(sql`
      SELECT title, detail, status, blocked_reason, role, assignee_id, due_at, checklist, version FROM crisis_tasks
      WHERE id = ${taskId} AND crisis_id = ${id} FOR UPDATE`);
    const t = r.rows[0];
    if (!t) throw notFound('No such task in this crisis.');
    if (patch.version !== t.version)
      throw new AppError(
        'conflict',
        `Someone else changed this task meanwhile (it is now at version ${t.version}, you edited version ${patch.version}); reload it and apply your change again.`,
      );
    const status = patch.status ?? t.status;
    const blockedReason = status === 'blocked' ? (patch.blockedReason ?? t.blocked_reason) : null;
    if (status === 'blocked' && !blockedReason) throw fieldError('blockedReason', 'Say why the task is blocked', 'reason_required');
    if (patch.assigneeId && patch.assigneeId !== t.assignee_id) await checkAssignee(tx, p.orgId, id, patch.assigneeId, 'assigneeId');
    const changes = changesOf(t, patch, blockedReason);
    if (Object.keys(changes).length === 0) return;
    const doneAt = status === 'done' ? (t.status === 'done' ? sql`done_at` : sql`${now}::timestamptz`) : sql`NULL`;
    await tx.execute(sql`
      UPDATE crisis_tasks SET
        title = ${patch.title ?? t.title},
        detail = ${patch.detail === undefined ? t.detail : patch.detail || null},
        status = ${status},
        blocked_reason = ${blockedReason},
        role = ${patch.role === undefined ? t.role : patch.role},
        assignee_id = ${patch.assigneeId === undefined ? t.assignee_id : patch.assigneeId},
        due_at = ${patch.dueAt === undefined ? (t.due_at ? new Date(t.due_at).toISOString() : null) : patch.dueAt ? new Date(patch.dueAt).toISOString() : null},
        done_at = ${doneAt},
        checklist = ${patch.checklist === undefined ? sql`checklist` : sql`${JSON.stringify(patch.checklist)}::jsonb`},
        escalated_at = ${changes.dueAt ? sql`NULL` : sql`escalated_at`},
        version = version + 1
      WHERE id = ${taskId}`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.task_updated',
        actor,
        subjectType: 'crisis_task',
        subjectId: taskId,
        users: patch.assigneeId ? [patch.assigneeId] : [],
        data: { title: patch.title ?? t.title, status, changes },
      },
      meta,
    );
  });
  return (await tasksOf(deps.db, id, taskId))[0];
}
