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
  type CrisisType,
  crisisTransitions,
  type DeclareInput,
  type Severity,
  severities,
  type TimelineEntry,
} from '../contract.ts';
import { suggestLevel } from '../playbook-contract.ts';
import { type CrisisDeps, checkTeamUser, checkVersion, crisisEvent, fieldError, loadCrisis, type Meta } from './access.ts';
import { notifyCrisisPeople } from './crisis-notify.ts';
import { gradingOf } from './grading.ts';
import { defaultHolders, playbookOf } from './playbook-store.ts';
import { requestSignoff } from './signoff.ts';
import { decisionsOf, getCrisis, timelineOf } from './view.ts';

export type { CrisisDeps } from './access.ts';
export { getCrisis, listCrises } from './view.ts';

/** Serialises numbering per organisation (transaction advisory lock class; the key is the organisation). */
const NUMBER_LOCK = 715_020;

type Locale = 'zh-TW' | 'en';
const words = {
  declared: { 'zh-TW': (s: Severity) => `宣告為 ${s} 危機`, en: (s: Severity) => `Declared at ${s}` },
  suggested: {
    'zh-TW': (s: Severity, up: boolean) => `分級建議：${s}${up ? '（多項達最高等級，提高一級）' : ''}`,
    en: (s: Severity, up: boolean) => `Suggested level: ${s}${up ? ' (several answers at the top level: one level up)' : ''}`,
  },
  regraded: {
    'zh-TW': (a: Severity, b: Severity) => `危機等級由 ${a} 調整為 ${b}`,
    en: (a: Severity, b: Severity) => `Severity changed from ${a} to ${b}`,
  },
};

async function localeOf(tx: Executor, orgId: string): Promise<Locale> {
  const r = await tx.execute<{ default_locale: string }>(sql`SELECT default_locale FROM organisations WHERE id = ${orgId}`);
  return r.rows[0]?.default_locale === 'en' ? 'en' : 'zh-TW';
}

/** Checks the alert to hand over (this organisation's, still open or acknowledged), locked; returns its topic and signals. */
async function claimAlert(tx: Executor, orgId: string, alertId: string): Promise<{ topic: string; severity: Severity; risk: number }> {
  const r = await tx.execute<{ status: string; topic_id: string; severity: Severity; risk: number }>(
    sql`SELECT status, topic_id, severity, risk FROM alerts WHERE id = ${alertId} AND org_id = ${orgId} FOR UPDATE`,
  );
  const a = r.rows[0];
  if (!a) throw fieldError('alertId', 'No such alert.', 'unknown_alert');
  if (a.status !== 'open' && a.status !== 'acknowledged')
    throw new AppError(
      'conflict',
      a.status === 'declared' ? 'This alert is already a crisis.' : `This alert is ${a.status}; only an active alert can be declared.`,
    );
  return { topic: a.topic_id, severity: a.severity, risk: a.risk };
}

/**
 * The grading questionnaire's answers checked against the organisation's matrix, the level they suggest
 * (seeded by the alert's level), and their words for the first decision. A level other than the suggested
 * one needs a reason.
 */
async function gradeDeclaration(
  tx: Executor,
  orgId: string,
  input: DeclareInput,
  alert: { severity: Severity; risk: number } | null,
  locale: Locale,
) {
  if (!input.grading) return null;
  const { matrix, version } = await gradingOf(tx, orgId);
  const lines: string[] = [];
  for (const [criterionId, optionId] of Object.entries(input.grading)) {
    const c = matrix.criteria.find((x) => x.id === criterionId);
    if (!c) throw fieldError(`grading.${criterionId}`, `The grading matrix has no criterion ${criterionId}.`, 'unknown_criterion');
    if (!c.options.some((o) => o.id === optionId))
      throw fieldError(`grading.${criterionId}`, `${c.label.en} has no answer ${optionId}.`, 'unknown_option');
  }
  const suggestion = suggestLevel(matrix, input.grading, alert ?? undefined);
  for (const c of matrix.criteria) {
    const id = input.grading[c.id] ?? suggestion.because.find((b) => b.criterionId === c.id && b.fromAlert)?.optionId;
    const o = c.options.find((x) => x.id === id);
    const level = o?.level ? (locale === 'en' ? ` (${o.level})` : `（${o.level}）`) : '';
    if (o) lines.push(`${c.label[locale]}${locale === 'en' ? ': ' : '：'}${o.label[locale]}${level}`);
  }
  if (suggestion.level) lines.push(words.suggested[locale](suggestion.level, suggestion.escalated));
  if (suggestion.level && suggestion.level !== input.severity && !input.reason?.trim())
    throw fieldError('reason', `The answers suggest ${suggestion.level}; say why you chose ${input.severity}.`, 'reason_required');
  return { suggestion, text: lines.join('\n'), matrixVersion: version };
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
    const alert = input.alertId ? await claimAlert(tx, p.orgId, input.alertId) : null;
    const alertTopic = alert?.topic ?? null;
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
    const locale = await localeOf(tx, p.orgId);
    const grading = await gradeDeclaration(tx, p.orgId, input, alert, locale);
    // The organisation's playbook: roles filled by the declarer (commander), default people and on-call schedules.
    const book = (await playbookOf(tx, p.orgId, input.type, input.severity)).playbook;
    const holders = await defaultHolders(tx, p.orgId, book, now);
    const commander = input.commanderId ? (await checkTeamUser(tx, p.orgId, input.commanderId, 'commanderId')).id : userId;
    if (commander) holders.set('commander', { userId: commander, via: 'person' });
    const team = [...holders].map(([role, h]) => ({ role, userId: h.userId, via: h.via }));
    for (const m of team)
      await tx.execute(
        sql`INSERT INTO crisis_members (crisis_id, role, user_id, assigned_at) VALUES (${crisisId}, ${m.role}, ${m.userId}, ${now.toISOString()})`,
      );
    for (const t of book.tasks) {
      const checklist = (t.checklist ?? []).map((item) => ({ text: item[locale], done: false }));
      await tx.execute(sql`
        INSERT INTO crisis_tasks (crisis_id, org_id, title, detail, role, assignee_id, due_at, playbook_key, checklist, created_at)
        VALUES (${crisisId}, ${p.orgId}, ${t.title[locale]}, ${t.detail?.[locale] ?? null}, ${t.role}, ${holders.get(t.role)?.userId ?? null},
          ${new Date(now.getTime() + t.dueMinutes * 60_000).toISOString()}, ${t.key}, ${JSON.stringify(checklist)}::jsonb, ${now.toISOString()})`);
    }
    await tx.execute(sql`
      INSERT INTO crisis_decisions (crisis_id, kind, decision, options, rationale, decided_by, decided_by_label, decided_at)
      VALUES (${crisisId}, 'severity', ${words.declared[locale](input.severity)}, ${grading?.text || null}, ${input.reason || null}, ${userId},
        ${actor.label}, ${now.toISOString()})`);
    // The notification plan: people holding a paged role are paged, the rest of those named are informed (not the declarer).
    const holdersOf = (roles: readonly string[] | undefined) => [
      ...new Set(team.filter((m) => roles?.includes(m.role) && m.userId !== userId).map((m) => m.userId)),
    ];
    const page = holdersOf(book.notify?.page);
    const inform = holdersOf(book.notify?.inform).filter((u) => !page.includes(u));
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
        users: team.map((m) => m.userId),
        data: {
          number,
          title: input.title,
          type: input.type,
          severity: input.severity,
          reason: input.reason ?? null,
          alertId: input.alertId ?? null,
          reportId: input.reportId ?? null,
          topicIds,
          commanderId: commander,
          roles: book.roles,
          tasks: book.tasks.length,
          team,
          notify: { page, inform },
          grading: grading
            ? {
                answers: input.grading,
                suggested: grading.suggestion.level,
                escalated: grading.suggestion.escalated,
                matrixVersion: grading.matrixVersion,
              }
            : null,
        },
      },
      meta,
    );
    const rolesOf = (u: string) => team.filter((m) => m.userId === u).map((m) => m.role);
    const facts = { number, title: input.title, type: input.type, severity: input.severity };
    for (const [kind, people] of [
      ['team_paged', page],
      ['team_informed', inform],
    ] as const)
      for (const u of people)
        await notifyCrisisPeople(tx, {
          orgId: p.orgId,
          crisisId,
          kind,
          userIds: [u],
          data: { ...facts, roles: rolesOf(u), role: rolesOf(u)[0] },
          at: now,
        });
    // The organisation's channels are paged even when nobody but the declarer is on the team yet.
    if (page.length === 0)
      await notifyCrisisPeople(tx, { orgId: p.orgId, crisisId, kind: 'team_paged', userIds: [], data: facts, at: now });
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
    // Raised: the new level's playbook pages its roles' holders (not who raised it) and the channels, once per level.
    if (severities.indexOf(input.severity) < severities.indexOf(c.severity)) {
      const book = (await playbookOf(tx, p.orgId, c.type as CrisisType, input.severity)).playbook;
      const held = await tx.execute<{ user_id: string }>(
        sql`SELECT DISTINCT user_id FROM crisis_members WHERE crisis_id = ${id} AND role = ANY(${sql.param(book.notify?.page ?? [])}::text[])`,
      );
      const page = held.rows.map((r) => r.user_id).filter((u) => p.kind !== 'user' || u !== p.userId);
      await notifyCrisisPeople(tx, {
        orgId: p.orgId,
        crisisId: id,
        kind: 'team_paged',
        userIds: page,
        data: { number: c.number, title: c.title, type: c.type, severity: input.severity },
        at: deps.clock.now(),
      });
    }
  });
  return getCrisis(deps, p, id);
}

/** Adds a decision to the log (with the options weighed and the rationale). */
export async function logDecision(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { decision: string; options?: string; rationale?: string; requestSignoff?: boolean; signoffFrom?: string },
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
    if (input.requestSignoff || input.signoffFrom)
      await requestSignoff(tx, deps.clock, c, { id: d.rows[0].id, decision: input.decision }, input.signoffFrom, actor, meta);
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
