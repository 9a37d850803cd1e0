// Declaring a crisis (宣告危機) — from scratch or from an alert — with its playbook's team, tasks and first
// decision; moving its lifecycle on; grading it again; the decision log and notes. Every change writes its
// event in the same transaction: those rows are the crisis's timeline.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { can } from '../../people/server/policies.ts';
import {
  type CrisisDecision,
  type CrisisDetail,
  type CrisisStatus,
  crisisTransitions,
  type DeclareInput,
  type Severity,
  type TimelineEntry,
} from '../contract.ts';
import { playbookFor } from '../playbooks.ts';
import { type CrisisDeps, checkVersion, crisisEvent, fieldError, loadCrisis, type Meta } from './access.ts';
import { decisionsOf, getCrisis, timelineOf } from './view.ts';

export type { CrisisDeps } from './access.ts';
export { getCrisis, listCrises } from './view.ts';

/** Serialises numbering per organisation (transaction advisory lock class; the key is the organisation). */
const NUMBER_LOCK = 715_020;

type Locale = 'zh-TW' | 'en';
const words = {
  declared: { 'zh-TW': (s: Severity) => `宣告為 ${s} 危機`, en: (s: Severity) => `Declared at ${s}` },
  regraded: {
    'zh-TW': (a: Severity, b: Severity) => `危機等級由 ${a} 調整為 ${b}`,
    en: (a: Severity, b: Severity) => `Severity changed from ${a} to ${b}`,
  },
};

async function localeOf(tx: Executor, orgId: string): Promise<Locale> {
  const r = await tx.execute<{ default_locale: string }>(sql`SELECT default_locale FROM organisations WHERE id = ${orgId}`);
  return r.rows[0]?.default_locale === 'en' ? 'en' : 'zh-TW';
}

/** Checks the alert to hand over (this organisation's, still open or acknowledged), locked; returns its topic. */
async function claimAlert(tx: Executor, orgId: string, alertId: string): Promise<string> {
  const r = await tx.execute<{ status: string; topic_id: string }>(
    sql`SELECT status, topic_id FROM alerts WHERE id = ${alertId} AND org_id = ${orgId} FOR UPDATE`,
  );
  const a = r.rows[0];
  if (!a) throw fieldError('alertId', 'No such alert.', 'unknown_alert');
  if (a.status !== 'open' && a.status !== 'acknowledged')
    throw new AppError(
      'conflict',
      a.status === 'declared' ? 'This alert is already a crisis.' : `This alert is ${a.status}; only an active alert can be declared.`,
    );
  return a.topic_id;
}

/** Checks the employee report to accept (this organisation's, still new), locked; returns its reporter. */
async function claimReport(tx: Executor, orgId: string, reportId: string): Promise<{ reporterId: string; number: number }> {
  const r = await tx.execute<{ status: string; reporter_id: string; number: number }>(
    sql`SELECT status, reporter_id, number FROM crisis_reports WHERE id = ${reportId} AND org_id = ${orgId} FOR UPDATE`,
  );
  const rep = r.rows[0];
  if (!rep) throw fieldError('reportId', 'No such report.', 'unknown_report');
  if (rep.status !== 'new') throw new AppError('conflict', `This report has already been triaged (it is ${rep.status}).`);
  return { reporterId: rep.reporter_id, number: rep.number };
}

async function checkTopics(tx: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return;
  const r = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM topics WHERE org_id = ${orgId} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  if (r.rows[0].n !== ids.length) throw fieldError('topicIds', 'A topic does not exist.', 'unknown_topic');
}

/**
 * Declares a crisis: numbered per organisation, the declarer (a person) becomes commander, the playbook's
 * tasks are created with their clocks in the organisation's language, and the chosen level is the first
 * decision. From an alert: the alert becomes `declared` (its escalation stops) and its topic is linked.
 */
export async function declareCrisis(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  input: DeclareInput,
  meta: Meta = {},
): Promise<CrisisDetail> {
  if (p.kind !== 'system' && !can(p, 'crisis.declare')) throw new AppError('forbidden', 'You do not have permission to declare a crisis.');
  const now = deps.clock.now();
  const topicIds = [...new Set(input.topicIds ?? [])];
  const id = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${p.orgId}))`);
    await checkTopics(tx, p.orgId, topicIds);
    const alertTopic = input.alertId ? await claimAlert(tx, p.orgId, input.alertId) : null;
    const report = input.reportId ? await claimReport(tx, p.orgId, input.reportId) : null;
    if (alertTopic && !topicIds.includes(alertTopic)) topicIds.unshift(alertTopic);
    const next = await tx.execute<{ n: number }>(sql`SELECT coalesce(max(number), 0)::int + 1 AS n FROM crises WHERE org_id = ${p.orgId}`);
    const number = next.rows[0].n;
    const userId = p.kind === 'user' ? p.userId : null;
    const created = await tx.execute<{ id: string }>(sql`
      INSERT INTO crises (org_id, number, title, type, summary, severity, status, declared_at, declared_by, declared_by_label, updated_at)
      VALUES (${p.orgId}, ${number}, ${input.title}, ${input.type}, ${input.summary || null}, ${input.severity}, 'declared', ${now.toISOString()},
        ${userId}, ${actor.label}, ${now.toISOString()})
      RETURNING id`);
    const crisisId = created.rows[0].id;
    if (userId)
      await tx.execute(
        sql`INSERT INTO crisis_members (crisis_id, role, user_id, assigned_at) VALUES (${crisisId}, 'commander', ${userId}, ${now.toISOString()})`,
      );
    const locale = await localeOf(tx, p.orgId);
    const book = playbookFor(input.type, input.severity);
    for (const t of book.tasks) {
      await tx.execute(sql`
        INSERT INTO crisis_tasks (crisis_id, org_id, title, role, assignee_id, due_at, playbook_key, created_at)
        VALUES (${crisisId}, ${p.orgId}, ${t.title[locale]}, ${t.role}, ${t.role === 'commander' ? userId : null},
          ${new Date(now.getTime() + t.dueMinutes * 60_000).toISOString()}, ${t.key}, ${now.toISOString()})`);
    }
    await tx.execute(sql`
      INSERT INTO crisis_decisions (crisis_id, kind, decision, rationale, decided_by, decided_by_label, decided_at)
      VALUES (${crisisId}, 'severity', ${words.declared[locale](input.severity)}, ${input.reason || null}, ${userId}, ${actor.label}, ${now.toISOString()})`);
    for (const topicId of topicIds)
      await tx.execute(sql`INSERT INTO crisis_topics (crisis_id, topic_id) VALUES (${crisisId}, ${topicId}) ON CONFLICT DO NOTHING`);
    const c = { id: crisisId, org_id: p.orgId };
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.declared',
        actor,
        list: true,
        users: userId ? [userId] : [],
        data: {
          number,
          title: input.title,
          type: input.type,
          severity: input.severity,
          reason: input.reason ?? null,
          alertId: input.alertId ?? null,
          reportId: input.reportId ?? null,
          topicIds,
          commanderId: userId,
          roles: book.roles,
          tasks: book.tasks.length,
        },
      },
      meta,
    );
    if (input.alertId) {
      await tx.execute(sql`UPDATE alerts SET status = 'declared', closed_at = ${now.toISOString()}, closed_by = ${userId},
        version = version + 1, updated_at = ${now.toISOString()} WHERE id = ${input.alertId}`);
      await tx.execute(sql`INSERT INTO crisis_alerts (alert_id, crisis_id) VALUES (${input.alertId}, ${crisisId})`);
      // The alert's own event reaches the inbox (organisation room) and, carrying the crisis id, the timeline.
      await crisisEvent(
        tx,
        deps.clock,
        c,
        {
          type: 'alert.declared',
          actor,
          list: true,
          subjectType: 'alert',
          subjectId: input.alertId,
          data: { topicId: alertTopic, number },
        },
        meta,
      );
    }
    if (input.reportId && report) {
      await tx.execute(sql`UPDATE crisis_reports SET status = 'accepted', crisis_id = ${crisisId}, triaged_by = ${userId},
        triaged_at = ${now.toISOString()}, version = version + 1 WHERE id = ${input.reportId}`);
      // The reporter follows their report's status live; the triage queue (managers) refreshes from the org room.
      await crisisEvent(
        tx,
        deps.clock,
        c,
        {
          type: 'report.accepted',
          actor,
          list: true,
          subjectType: 'report',
          subjectId: input.reportId,
          users: [report.reporterId],
          data: { reportNumber: report.number, crisisNumber: number },
        },
        meta,
      );
    }
    return crisisId;
  });
  return getCrisis(deps, p, id);
}

/** Moves the lifecycle on (crisisTransitions); reopening a closed crisis needs a reason. */
export async function changeStatus(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { status: CrisisStatus; reason?: string; version: number },
  meta: Meta = {},
): Promise<CrisisDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'manage', { lock: true });
    checkVersion(c, input.version);
    if (c.status === input.status) throw new AppError('conflict', `This crisis is already ${c.status}.`);
    const allowed = crisisTransitions[c.status];
    if (!allowed.includes(input.status))
      throw new AppError('conflict', `A crisis that is ${c.status} cannot move to ${input.status}; it can move to ${allowed.join(', ')}.`);
    if (c.status === 'closed' && !input.reason) throw fieldError('reason', 'Say why the crisis is reopened.', 'reason_required');
    await tx.execute(sql`
      UPDATE crises SET status = ${input.status}, closed_at = ${input.status === 'closed' ? now : null}, version = version + 1, updated_at = ${now}
      WHERE id = ${id}`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      { type: 'crisis.status_changed', actor, list: true, data: { from: c.status, to: input.status, reason: input.reason ?? null } },
      meta,
    );
  });
  return getCrisis(deps, p, id);
}

/** Grades the crisis again: a decision (with its reason) in the log, and an event. */
export async function changeSeverity(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { severity: Severity; reason: string; version: number },
  meta: Meta = {},
): Promise<CrisisDetail> {
  if (!input.reason?.trim()) throw fieldError('reason', 'Say why the level changes.', 'reason_required');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'manage', { lock: true });
    checkVersion(c, input.version);
    if (c.status === 'closed') throw new AppError('conflict', 'This crisis is closed; reopen it before changing its level.');
    if (c.severity === input.severity) throw new AppError('conflict', `This crisis is already ${c.severity}.`);
    const locale = await localeOf(tx, p.orgId);
    const d = await tx.execute<{ id: string }>(sql`
      INSERT INTO crisis_decisions (crisis_id, kind, decision, rationale, decided_by, decided_by_label, decided_at)
      VALUES (${id}, 'severity', ${words.regraded[locale](c.severity, input.severity)}, ${input.reason}, ${p.kind === 'user' ? p.userId : null},
        ${actor.label}, ${now}) RETURNING id`);
    await tx.execute(sql`UPDATE crises SET severity = ${input.severity}, version = version + 1, updated_at = ${now} WHERE id = ${id}`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.severity_changed',
        actor,
        list: true,
        data: { from: c.severity, to: input.severity, reason: input.reason, decisionId: d.rows[0].id },
      },
      meta,
    );
  });
  return getCrisis(deps, p, id);
}

/** Adds a decision to the log (with the options weighed and the rationale). */
export async function logDecision(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { decision: string; options?: string; rationale?: string },
  meta: Meta = {},
): Promise<CrisisDecision> {
  const now = deps.clock.now().toISOString();
  const decisionId = await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'manage');
    const d = await tx.execute<{ id: string }>(sql`
      INSERT INTO crisis_decisions (crisis_id, kind, decision, options, rationale, decided_by, decided_by_label, decided_at)
      VALUES (${id}, 'general', ${input.decision}, ${input.options || null}, ${input.rationale || null}, ${p.kind === 'user' ? p.userId : null},
        ${actor.label}, ${now}) RETURNING id`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.decision_logged',
        actor,
        subjectType: 'crisis_decision',
        subjectId: d.rows[0].id,
        data: { decision: input.decision, options: input.options ?? null, rationale: input.rationale ?? null },
      },
      meta,
    );
    return d.rows[0].id;
  });
  return (await decisionsOf(deps.db, id, decisionId))[0];
}

/** A note on the timeline (the event is the note). */
export async function addNote(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { text: string },
  meta: Meta = {},
): Promise<TimelineEntry> {
  const ev = await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'work');
    return crisisEvent(tx, deps.clock, c, { type: 'crisis.note_added', actor, data: { text: input.text } }, meta);
  });
  return (await timelineOf(deps.db, id, ev.id))[0];
}
