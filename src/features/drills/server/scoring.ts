// Scoring a drill from the event spine of its sandbox organisation: the response clocks against their targets,
// what the team did (tasks, statements, briefings), the observers' scores and a timeline.
//
// Every clock is measured in REAL (wall-clock) seconds between the events' times. People act in real time: the
// scenario's speed (10×, 60×) compresses the outside world — how fast the mentions arrive — not the team's
// clocks, so a 60× drill is scored against the same targets as a real crisis (the after-action report says so).

import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { openFindings, storedFindings } from '../../statements/server/check.ts';
import { type Capability, type ClockView, capabilities, type DrillReport } from '../contract.ts';
import type { DrillRow as AccessDrillRow } from './drill-access.ts';

/** The stated defaults when the organisation's policy names no target (minutes). */
export const DEFAULT_ACK_MINUTES = 15;
export const DEFAULT_DECLARE_MINUTES = 60;
/** At most this many timeline entries are kept with a report (the PDF prints the first ~60). */
const TIMELINE_LIMIT = 500;
/** Event types too frequent or too technical for a timeline people read. */
const QUIET_TYPES = ['mention.batch_ingested', 'alert.updated', 'search.performed', 'drill.entered', 'drill.left'];

/** The drill's own columns, as scoring reads them (the views' row has the run's and the reader's too). */
export type DrillRow = Pick<
  AccessDrillRow,
  | 'id'
  | 'org_id'
  | 'sandbox_org_id'
  | 'run_id'
  | 'title'
  | 'scenario_id'
  | 'facilitator_id'
  | 'status'
  | 'started_at'
  | 'ended_at'
  | 'created_at'
>;

/** What scoring produces: the report without the team's words, the PDF flag and the version. */
export type DrillScore = Pick<DrillReport, 'drillId' | 'clocks' | 'measures' | 'scores' | 'timeline'>;

type Ev = {
  id: string;
  type: string;
  actor_type: string;
  actor_label: string | null;
  subject_type: string | null;
  subject_id: string | null;
  crisis_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
};

/** One drill by id (any organisation: callers check who may see it). */
export async function drillRow(db: Executor, drillId: string): Promise<DrillRow> {
  const r = await db.execute<DrillRow>(sql`SELECT id, org_id, sandbox_org_id, run_id, title, scenario_id, facilitator_id, status,
    started_at, ended_at, created_at FROM drills WHERE id = ${drillId}`);
  const d = r.rows[0];
  if (!d) throw notFound('No such drill.');
  // Raw queries answer timestamps as strings.
  const date = (x: Date | string | null) => (x === null ? null : new Date(x));
  return { ...d, started_at: date(d.started_at), ended_at: date(d.ended_at), created_at: new Date(d.created_at) };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const secondsBetween = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : null);

/** A clock: seconds from `fromAt` to `at` against a target; a step that never happened is null and not met. */
function clock(key: ClockView['key'], from: string, fromAt: Date | null, at: Date | null, targetSeconds: number | null): ClockView {
  const seconds = secondsBetween(fromAt, at);
  return {
    key,
    from,
    fromAt: iso(fromAt),
    at: iso(at),
    seconds,
    targetSeconds,
    met: seconds === null ? false : targetSeconds === null ? null : seconds <= targetSeconds,
  };
}

/**
 * The target for acknowledging an alert: the wait before the first escalation level, since that is when the
 * policy starts chasing people — the sandbox's early-warning settings (a copy of the organisation's), else the
 * organisation's own; without a policy, the stated default of 15 minutes.
 */
async function ackTargetSeconds(db: Executor, d: DrillRow): Promise<number> {
  const r = await db.execute<{ minutes: number | null }>(sql`
    SELECT (settings #>> '{escalation,levels,0,afterMinutes}')::int AS minutes FROM warning_settings
    WHERE org_id IN (${d.sandbox_org_id}, ${d.org_id}) AND settings #> '{escalation,levels,0}' IS NOT NULL
    ORDER BY org_id = ${d.sandbox_org_id} DESC LIMIT 1`);
  return (r.rows[0]?.minutes ?? DEFAULT_ACK_MINUTES) * 60;
}

/** A playbook task's clock in the declared crisis (due time less declaration time), in seconds; null when it has none. */
async function taskClockSeconds(db: Executor, crisisId: string, playbookKey: string): Promise<number | null> {
  const r = await db.execute<{ s: number | null }>(sql`
    SELECT round(extract(epoch FROM (t.due_at - c.declared_at)))::int AS s FROM crisis_tasks t JOIN crises c ON c.id = t.crisis_id
    WHERE t.crisis_id = ${crisisId} AND t.playbook_key = ${playbookKey} ORDER BY t.created_at LIMIT 1`);
  return r.rows[0]?.s ?? null;
}

/** The drill's window: from its start (or creation) to its end (or now, for a drill still running). */
function windowOf(d: DrillRow, now: Date) {
  return { from: d.started_at ?? d.created_at, to: d.ended_at ?? now };
}

/** The sandbox's events inside the drill's window, oldest first (only the sandbox organisation's: nothing else counts). */
async function sandboxEvents(db: Executor, d: DrillRow, w: { from: Date; to: Date }): Promise<Ev[]> {
  const r = await db.execute<Ev>(sql`
    SELECT id, type, actor_type, actor_label, subject_type, subject_id, crisis_id, data, created_at FROM events
    WHERE org_id = ${d.sandbox_org_id} AND created_at >= ${w.from.toISOString()} AND created_at <= ${w.to.toISOString()}
    ORDER BY id`);
  return r.rows.map((e) => ({ ...e, created_at: new Date(e.created_at) }));
}

/**
 * The five clocks. Alert clocks run from the first alert opened in the sandbox; it counts as acknowledged when
 * someone acknowledged it or declared a crisis from it (declaring answers an open alert too). Statement clocks
 * run from the first crisis declared and follow its holding statements (the first drafted, the first legal
 * counsel approval of one, the first published). Targets: acknowledgement from the escalation policy (above),
 * declaration the stated default of 60 minutes, and the playbook's clocks of the declared crisis — the
 * holding statement task for publishing, the legal review task for the draft (legal cannot review what is not
 * written) and for legal approval.
 */
async function clocksOf(db: Executor, d: DrillRow, events: Ev[]): Promise<ClockView[]> {
  const alert = events.find((e) => e.type === 'alert.opened') ?? null;
  const answered = alert
    ? events.find((e) => (e.type === 'alert.acknowledged' || e.type === 'alert.declared') && e.subject_id === alert.subject_id)
    : undefined;
  const crisis = events.find((e) => e.type === 'crisis.declared') ?? null;
  const holding = new Set(
    events
      .filter((e) => e.type === 'statement.created' && crisis && e.crisis_id === crisis.crisis_id && e.data.kind === 'holding')
      .map((e) => e.subject_id),
  );
  const isHolding = (e: Ev) => e.subject_type === 'statement' && holding.has(e.subject_id);
  const drafted = events.find((e) => e.type === 'statement.created' && isHolding(e));
  const legal = events.find(
    (e) => e.type === 'statement.decided' && isHolding(e) && e.data.role === 'legal_counsel' && e.data.decision === 'approved',
  );
  const published = events.find((e) => e.type === 'statement.published' && isHolding(e));
  const legalTarget = crisis?.crisis_id ? await taskClockSeconds(db, crisis.crisis_id, 'legal_review') : null;
  const holdingTarget = crisis?.crisis_id ? await taskClockSeconds(db, crisis.crisis_id, 'holding_statement') : null;
  const alertAt = alert?.created_at ?? null;
  const crisisAt = crisis?.created_at ?? null;
  return [
    clock('alert_acknowledged', 'alert_opened', alertAt, answered?.created_at ?? null, await ackTargetSeconds(db, d)),
    clock('crisis_declared', 'alert_opened', alertAt, alertAt ? (crisis?.created_at ?? null) : null, DEFAULT_DECLARE_MINUTES * 60),
    clock('holding_drafted', 'crisis_declared', crisisAt, drafted?.created_at ?? null, legalTarget),
    clock('holding_legal_approved', 'crisis_declared', crisisAt, legal?.created_at ?? null, legalTarget),
    clock('holding_published', 'crisis_declared', crisisAt, published?.created_at ?? null, holdingTarget),
  ];
}

/**
 * Statements approved (all steps, or the commander's override) while checker findings on the approved version
 * were still open: not accepted as a risk at that moment (an acceptance after the approval does not excuse it).
 */
async function approvedWithOpenFindings(db: Executor, events: Ev[]): Promise<number> {
  const flagged = new Set<string>();
  for (const e of events) {
    if ((e.type !== 'statement.approved' && e.type !== 'statement.overridden') || !e.subject_id) continue;
    const v = await db.execute<{ findings: unknown; accepted: unknown }>(
      sql`SELECT findings, accepted FROM statement_versions WHERE statement_id = ${e.subject_id} AND number = ${Number(e.data.version)}`,
    );
    const row = v.rows[0];
    if (!row) continue;
    const accepted = (Array.isArray(row.accepted) ? row.accepted : []) as { rule: string; start: number; end: number; at?: string }[];
    const before = accepted.filter((a) => !a.at || new Date(a.at).getTime() <= e.created_at.getTime());
    if (openFindings(storedFindings(row.findings), before).length > 0) flagged.add(e.subject_id);
  }
  return flagged.size;
}

async function measuresOf(db: Executor, d: DrillRow, events: Ev[], w: { from: Date; to: Date }): Promise<DrillReport['measures']> {
  const end = w.to.toISOString();
  // Overdue: due before the drill ended and not done by then.
  const tasks = await db.execute<{ total: number; done: number; overdue: number }>(sql`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE done_at IS NOT NULL AND done_at <= ${end})::int AS done,
      count(*) FILTER (WHERE due_at < ${end} AND (done_at IS NULL OR done_at > ${end}))::int AS overdue
    FROM crisis_tasks WHERE org_id = ${d.sandbox_org_id}`);
  const briefing = await db.execute<{ recipients: number; acked: number }>(sql`
    SELECT count(*)::int AS recipients, count(*) FILTER (WHERE r.acked_at IS NOT NULL AND r.acked_at <= ${end})::int AS acked
    FROM briefing_recipients r JOIN briefings b ON b.id = r.briefing_id JOIN crises c ON c.id = b.crisis_id
    WHERE c.org_id = ${d.sandbox_org_id} AND b.sent_at <= ${end}`);
  const injects = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM scenario_injects WHERE run_id = ${d.run_id} AND delivered_at IS NOT NULL`,
  );
  const t = tasks.rows[0];
  const b = briefing.rows[0];
  return {
    tasksTotal: t.total,
    tasksDone: t.done,
    tasksOverdue: t.overdue,
    statementsApprovedWithOpenFindings: await approvedWithOpenFindings(db, events),
    briefingRecipients: b.recipients,
    briefingAcknowledged: b.acked,
    briefingAckRate: b.recipients > 0 ? Math.round((b.acked / b.recipients) * 1000) / 1000 : null,
    alerts: events.filter((e) => e.type === 'alert.opened').length,
    injectsDelivered: injects.rows[0].n,
    mentions: events.filter((e) => e.type === 'mention.batch_ingested').reduce((n, e) => n + (Number(e.data.accepted) || 0), 0),
  };
}

/** The observers' scores: the average (1–5) and the number of notes per capability. */
async function scoresOf(db: Executor, drillId: string): Promise<DrillReport['scores']> {
  const r = await db.execute<{ capability: Capability; average: string | null; notes: number }>(sql`
    SELECT capability, avg(score)::numeric(4,2)::text AS average, count(*)::int AS notes FROM drill_observations
    WHERE drill_id = ${drillId} GROUP BY capability`);
  const by = new Map(r.rows.map((x) => [x.capability, x]));
  return capabilities.map((capability) => {
    const x = by.get(capability);
    return { capability, average: x?.average == null ? null : Number(x.average), notes: x?.notes ?? 0 };
  });
}

/** A short label from an event's data: the thing's title or name (the web app translates the type). */
export function labelOf(data: Record<string, unknown>): string {
  for (const k of ['title', 'briefingTitle', 'subject', 'topicName', 'name', 'reason']) {
    const v = data[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 300);
  }
  return '';
}

/** The sandbox's events and the drill's own events in the live organisation, with seconds since the start. */
async function timelineOf(db: Executor, d: DrillRow, events: Ev[], w: { from: Date; to: Date }): Promise<DrillReport['timeline']> {
  const own = await db.execute<Ev>(sql`
    SELECT id, type, actor_type, actor_label, subject_type, subject_id, crisis_id, data, created_at FROM events
    WHERE org_id = ${d.org_id} AND subject_type = 'drill' AND subject_id = ${d.id} ORDER BY id`);
  const all = [...events, ...own.rows.map((e) => ({ ...e, created_at: new Date(e.created_at) }))]
    .filter((e) => !QUIET_TYPES.includes(e.type) && !e.type.startsWith('notification'))
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || Number(a.id) - Number(b.id));
  return all.slice(0, TIMELINE_LIMIT).map((e) => ({
    at: e.created_at.toISOString(),
    t: Math.round((e.created_at.getTime() - w.from.getTime()) / 1000),
    type: e.type,
    label: labelOf(e.data ?? {}),
    actor: e.actor_type === 'system' ? null : e.actor_label,
  }));
}

/** Scores a drill: clocks, measures, observers' scores and timeline, from its sandbox's event spine. */
export async function scoreDrill(db: Executor, drillId: string, now: Date = new Date()): Promise<DrillScore> {
  const d = await drillRow(db, drillId);
  const w = windowOf(d, now);
  const events = await sandboxEvents(db, d, w);
  return {
    drillId: d.id,
    clocks: await clocksOf(db, d, events),
    measures: await measuresOf(db, d, events, w),
    scores: await scoresOf(db, d.id),
    timeline: await timelineOf(db, d, events, w),
  };
}
