// Reading crises: the list (scoped to the team for members) and the crisis room's detail — team, tasks by
// due time, decisions, linked alerts and topics, the timeline (events carrying the crisis id) and the clocks.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/http.ts';
import { seesEveryCrisis } from '../../people/server/policies.ts';
import {
  type CrisisDecision,
  type CrisisDetail,
  type CrisisStatus,
  type CrisisSummary,
  type CrisisTask,
  type CrisisType,
  type LinkedReport,
  type Severity,
  type SignoffStatus,
  type TaskComment,
  type TeamRole,
  type TimelineEntry,
  teamRoles,
} from '../contract.ts';
import { type CrisisDeps, loadCrisis } from './access.ts';
import { playbookOf } from './playbook-store.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

type SummaryRow = {
  id: string;
  number: number;
  title: string;
  type: CrisisType;
  severity: Severity;
  status: CrisisStatus;
  summary: string | null;
  declared_at: Date;
  declared_by_label: string;
  closed_at: Date | null;
  next_due: Date | null;
  open_tasks: number;
  overdue_tasks: number;
  version: number;
};

function summaryOf(r: SummaryRow): CrisisSummary {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    type: r.type,
    severity: r.severity,
    status: r.status,
    declaredAt: new Date(r.declared_at).toISOString(),
    declaredBy: r.declared_by_label,
    closedAt: iso(r.closed_at),
    nextDueAt: iso(r.next_due),
    openTasks: r.open_tasks,
    overdueTasks: r.overdue_tasks,
    version: r.version,
  };
}

function selectSummaries(where: SQL, now: Date, limit: number) {
  return sql`
    SELECT c.id, c.number, c.title, c.type, c.severity, c.status, c.summary, c.declared_at, c.declared_by_label, c.closed_at,
      c.version, t.next_due, t.open_tasks, t.overdue_tasks
    FROM crises c
    LEFT JOIN LATERAL (
      SELECT min(due_at) FILTER (WHERE status <> 'done') AS next_due,
        count(*) FILTER (WHERE status <> 'done')::int AS open_tasks,
        count(*) FILTER (WHERE status <> 'done' AND due_at < ${now.toISOString()})::int AS overdue_tasks
      FROM crisis_tasks WHERE crisis_id = c.id) t ON true
    WHERE ${where} ORDER BY c.declared_at DESC, c.number DESC LIMIT ${limit}`;
}

/** The crises the caller may see, newest first; `active` is every state but closed. */
export async function listCrises(
  deps: CrisisDeps,
  p: Principal,
  q: { status?: 'active' | CrisisStatus; limit?: number },
): Promise<{ crises: CrisisSummary[] }> {
  const filters: SQL[] = [sql`c.org_id = ${p.orgId}`];
  if (!seesEveryCrisis(p)) {
    if (p.kind !== 'user') return { crises: [] };
    filters.push(sql`EXISTS (SELECT 1 FROM crisis_members m WHERE m.crisis_id = c.id AND m.user_id = ${p.userId})`);
  }
  if (q.status === 'active') filters.push(sql`c.status <> 'closed'`);
  else if (q.status) filters.push(sql`c.status = ${q.status}`);
  const r = await deps.db.execute<SummaryRow>(selectSummaries(sql.join(filters, sql` AND `), deps.clock.now(), q.limit ?? 100));
  return { crises: r.rows.map(summaryOf) };
}

type TaskRow = {
  id: string;
  title: string;
  detail: string | null;
  role: TeamRole | null;
  assignee_id: string | null;
  assignee_name: string | null;
  status: CrisisTask['status'];
  blocked_reason: string | null;
  due_at: Date | null;
  done_at: Date | null;
  playbook_key: string | null;
  checklist: unknown;
  escalated_at: Date | null;
  created_at: Date;
  version: number;
};

/** A checklist as stored (jsonb), kept to well-formed items. */
function checklistOf(v: unknown): CrisisTask['checklist'] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) =>
    x && typeof x === 'object' && typeof (x as { text?: unknown }).text === 'string'
      ? [{ text: (x as { text: string }).text, done: (x as { done?: unknown }).done === true }]
      : [],
  );
}

/** A task as the API shows it. */
export function taskOf(r: TaskRow): CrisisTask {
  return {
    id: r.id,
    title: r.title,
    detail: r.detail,
    role: r.role,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    blockedReason: r.blocked_reason,
    dueAt: iso(r.due_at),
    doneAt: iso(r.done_at),
    playbookKey: r.playbook_key,
    checklist: checklistOf(r.checklist),
    escalatedAt: iso(r.escalated_at),
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

/** A crisis's tasks (or one), ordered by due time (undated last), then creation. */
export async function tasksOf(db: Executor, crisisId: string, taskId?: string): Promise<CrisisTask[]> {
  const r = await db.execute<TaskRow>(sql`
    SELECT t.id, t.title, t.detail, t.role, t.assignee_id, u.name AS assignee_name, t.status, t.blocked_reason, t.due_at, t.done_at,
      t.playbook_key, t.checklist, t.escalated_at, t.created_at, t.version
    FROM crisis_tasks t LEFT JOIN users u ON u.id = t.assignee_id
    WHERE t.crisis_id = ${crisisId} ${taskId ? sql`AND t.id = ${taskId}` : sql``}
    ORDER BY t.due_at ASC NULLS LAST, t.created_at, t.id`);
  return r.rows.map(taskOf);
}

/** The decision log, oldest first (or one entry). */
export async function decisionsOf(db: Executor, crisisId: string, decisionId?: string): Promise<CrisisDecision[]> {
  const r = await db.execute<{
    id: string;
    kind: CrisisDecision['kind'];
    decision: string;
    options: string | null;
    rationale: string | null;
    decided_by_label: string;
    decided_at: Date;
    signoff_status: SignoffStatus | null;
    signoff_from: string | null;
    from_name: string | null;
    by_name: string | null;
    signoff_at: Date | null;
    signoff_note: string | null;
    version: number;
  }>(sql`
    SELECT d.id, d.kind, d.decision, d.options, d.rationale, d.decided_by_label, d.decided_at, d.signoff_status, d.signoff_from,
      f.name AS from_name, b.name AS by_name, d.signoff_at, d.signoff_note, d.version
    FROM crisis_decisions d LEFT JOIN users f ON f.id = d.signoff_from LEFT JOIN users b ON b.id = d.signoff_by
    WHERE d.crisis_id = ${crisisId} ${decisionId ? sql`AND d.id = ${decisionId}` : sql``} ORDER BY d.decided_at, d.id`);
  return r.rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    decision: d.decision,
    options: d.options,
    rationale: d.rationale,
    decidedBy: d.decided_by_label,
    decidedAt: new Date(d.decided_at).toISOString(),
    signoff:
      d.signoff_status && d.signoff_from
        ? {
            status: d.signoff_status,
            fromId: d.signoff_from,
            fromName: d.from_name ?? '',
            byName: d.by_name,
            at: iso(d.signoff_at),
            note: d.signoff_note,
          }
        : null,
    version: d.version,
  }));
}

/** The timeline: events carrying the crisis id, newest first (at most 200, or one). */
export async function timelineOf(db: Executor, crisisId: string, eventId?: number): Promise<TimelineEntry[]> {
  const r = await db.execute<{
    id: string;
    type: string;
    actor_label: string | null;
    created_at: Date;
    data: Record<string, unknown>;
    starred: boolean;
  }>(sql`
    SELECT e.id, e.type, e.actor_label, e.created_at, e.data,
      EXISTS (SELECT 1 FROM crisis_timeline_stars s WHERE s.crisis_id = e.crisis_id AND s.event_id = e.id) AS starred
    FROM events e WHERE e.crisis_id = ${crisisId} ${eventId ? sql`AND e.id = ${eventId}` : sql``}
    ORDER BY e.id DESC LIMIT 200`);
  return r.rows.map((e) => ({
    id: Number(e.id),
    type: e.type,
    actor: e.actor_label,
    at: new Date(e.created_at).toISOString(),
    data: e.data ?? {},
    starred: e.starred === true,
  }));
}

/** Comments on a crisis's tasks (or one), oldest first; mentions named as the people are now called. */
export async function commentsOf(db: Executor, crisisId: string, commentId?: string): Promise<TaskComment[]> {
  const r = await db.execute<{
    id: string;
    task_id: string;
    author_id: string | null;
    author_label: string;
    body: string;
    mentions: unknown;
    created_at: Date;
  }>(sql`
    SELECT * FROM (SELECT id, task_id, author_id, author_label, body, mentions, created_at FROM crisis_task_comments
      WHERE crisis_id = ${crisisId} ${commentId ? sql`AND id = ${commentId}` : sql``} ORDER BY created_at DESC, id DESC LIMIT 1000) newest
    ORDER BY created_at, id`);
  const ids = [...new Set(r.rows.flatMap((c) => (Array.isArray(c.mentions) ? (c.mentions as string[]) : [])))];
  const names = new Map<string, string>();
  if (ids.length) {
    const u = await db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id = ANY(${sql.param(ids)}::uuid[])`);
    for (const x of u.rows) names.set(x.id, x.name);
  }
  return r.rows.map((c) => ({
    id: c.id,
    taskId: c.task_id,
    authorId: c.author_id,
    author: c.author_label,
    body: c.body,
    mentions: (Array.isArray(c.mentions) ? (c.mentions as string[]) : []).map((id) => ({ userId: id, name: names.get(id) ?? '' })),
    createdAt: new Date(c.created_at).toISOString(),
  }));
}

/** Employee reports linked to the crisis, newest first: what (first 200 characters), urgency, status; never who reported. */
export async function reportsOf(db: Executor, crisisId: string): Promise<LinkedReport[]> {
  const r = await db.execute<{ id: string; number: number; what: string; urgency: string; status: string; created_at: Date }>(sql`
    SELECT id, number, left(what, 200) AS what, urgency, status, created_at FROM crisis_reports
    WHERE crisis_id = ${crisisId} ORDER BY created_at DESC, number DESC LIMIT 100`);
  return r.rows.map((x) => ({
    id: x.id,
    number: x.number,
    what: x.what,
    urgency: x.urgency,
    status: x.status,
    createdAt: new Date(x.created_at).toISOString(),
  }));
}

/** One crisis for the crisis room; 404 when the caller may not read it. */
export async function getCrisis(deps: CrisisDeps, p: Principal, id: string): Promise<CrisisDetail> {
  const c = await loadCrisis(deps.db, p, id, 'read');
  return detailOf(deps, id, c.rights);
}

/** The crisis room's data, for a caller whose rights are already known. */
export async function detailOf(deps: CrisisDeps, id: string, rights: { manage: boolean; work: boolean }): Promise<CrisisDetail> {
  const db = deps.db;
  const row = (await db.execute<SummaryRow>(selectSummaries(sql`c.id = ${id}`, deps.clock.now(), 1))).rows[0];
  const team = await db.execute<{ role: TeamRole; user_id: string; name: string; assigned_at: Date }>(sql`
    SELECT m.role, m.user_id, u.name, m.assigned_at FROM crisis_members m JOIN users u ON u.id = m.user_id WHERE m.crisis_id = ${id}`);
  const alerts = await db.execute<{ alert_id: string }>(sql`SELECT alert_id FROM crisis_alerts WHERE crisis_id = ${id} ORDER BY alert_id`);
  const topics = await db.execute<{ topic_id: string }>(sql`SELECT topic_id FROM crisis_topics WHERE crisis_id = ${id} ORDER BY topic_id`);
  const members = team.rows
    .map((m) => ({ role: m.role, userId: m.user_id, name: m.name, assignedAt: new Date(m.assigned_at).toISOString() }))
    .sort((a, b) => teamRoles.indexOf(a.role) - teamRoles.indexOf(b.role));
  const filled = new Set(members.map((m) => m.role));
  const org = (await db.execute<{ org_id: string }>(sql`SELECT org_id FROM crises WHERE id = ${id}`)).rows[0].org_id;
  const book = (await playbookOf(db, org, row.type, row.severity)).playbook;
  return {
    ...summaryOf(row),
    summary: row.summary,
    alertIds: alerts.rows.map((a) => a.alert_id),
    topicIds: topics.rows.map((t) => t.topic_id),
    team: members,
    rolesToFill: book.roles.filter((r) => !filled.has(r)),
    tasks: await tasksOf(db, id),
    decisions: await decisionsOf(db, id),
    timeline: await timelineOf(db, id),
    comments: await commentsOf(db, id),
    reports: await reportsOf(db, id),
    can: { manage: rights.manage, work: rights.work },
  };
}
