// The alerts inbox and an alert's lifecycle: acknowledge (確認收到) and dismiss with a reason (kept
// for tuning); and the organisation's grading settings.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { AlertDetail, AlertSummary, DismissReason, EscalationPolicy, WarningSettings } from '../contract.ts';
import { settingsOf } from './alert-open.ts';
import type { WarningDeps } from './run.ts';

type Meta = { requestId?: string; ip?: string };
type Row = {
  id: string;
  topic_id: string;
  topic_name: string;
  topic_archived: boolean;
  status: AlertSummary['status'];
  risk: number;
  severity: AlertSummary['severity'];
  signals: AlertSummary['signals'];
  drivers: AlertDetail['drivers'];
  window_start: Date;
  window_end: Date;
  opened_at: Date;
  last_fired_at: Date;
  fire_count: number;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  dismiss_reason: DismissReason | null;
  dismiss_note: string | null;
  rule_id: string | null;
  rule_name: string | null;
  rule_kind: 'threshold' | 'watchlist' | null;
  crisis_id: string | null;
  version: number;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function summary(r: Row): AlertSummary {
  return {
    id: r.id,
    topicId: r.topic_id,
    topicName: r.topic_name,
    topicArchived: r.topic_archived,
    status: r.status,
    risk: r.risk,
    severity: r.severity,
    signals: r.signals,
    windowStart: new Date(r.window_start).toISOString(),
    windowEnd: new Date(r.window_end).toISOString(),
    openedAt: new Date(r.opened_at).toISOString(),
    lastFiredAt: new Date(r.last_fired_at).toISOString(),
    fireCount: r.fire_count,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    closedAt: iso(r.closed_at),
    closedBy: r.closed_by,
    dismissReason: r.dismiss_reason,
    dismissNote: r.dismiss_note,
    rule: r.rule_id ? { id: r.rule_id, name: r.rule_name ?? '', kind: r.rule_kind ?? 'threshold' } : null,
    crisisId: r.crisis_id,
    version: r.version,
  };
}

function select(where: SQL, limit = 200) {
  return sql`
    SELECT a.id, a.topic_id, t.name AS topic_name, t.archived AS topic_archived, a.status, a.risk, a.severity, a.signals, a.drivers,
      a.window_start, a.window_end, a.opened_at, a.last_fired_at, a.fire_count, a.acknowledged_at, ua.name AS acknowledged_by,
      a.closed_at, uc.name AS closed_by, a.dismiss_reason, a.dismiss_note, a.rule_id, ru.name AS rule_name, ru.config->>'kind' AS rule_kind, ca.crisis_id, a.version
    FROM alerts a JOIN topics t ON t.id = a.topic_id LEFT JOIN alert_rules ru ON ru.id = a.rule_id LEFT JOIN crisis_alerts ca ON ca.alert_id = a.id
    LEFT JOIN users ua ON ua.id = a.acknowledged_by LEFT JOIN users uc ON uc.id = a.closed_by
    WHERE ${where} ORDER BY a.opened_at DESC, a.id LIMIT ${limit}`;
}

/** The inbox, newest first, with counts per state. */
export async function listAlerts(deps: WarningDeps, p: Principal, q: { status?: string; topicId?: string; limit?: number }) {
  const filters: SQL[] = [sql`a.org_id = ${p.orgId}`];
  if (q.status === 'active') filters.push(sql`a.status IN ('open', 'acknowledged')`);
  else if (q.status) filters.push(sql`a.status = ${q.status}`);
  if (q.topicId) filters.push(sql`a.topic_id = ${q.topicId}`);
  const rows = await deps.db.execute<Row>(select(sql.join(filters, sql` AND `), q.limit ?? 100));
  // Counts follow the topic filter, so tab counts match the list.
  const counts = await deps.db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM alerts WHERE org_id = ${p.orgId} ${q.topicId ? sql`AND topic_id = ${q.topicId}` : sql``} GROUP BY status`,
  );
  const c = { open: 0, acknowledged: 0, dismissed: 0, declared: 0 };
  for (const r of counts.rows) if (r.status in c) c[r.status as keyof typeof c] = r.n;
  return { alerts: rows.rows.map(summary), counts: c };
}

/** An organisation's alert with its drivers, or null. */
export async function loadAlert(db: Executor, orgId: string, id: string): Promise<AlertDetail | null> {
  const r = await db.execute<Row>(select(sql`a.id = ${id} AND a.org_id = ${orgId}`, 1));
  return r.rows[0] ? { ...summary(r.rows[0]), drivers: r.rows[0].drivers } : null;
}

/** One alert with its drivers; other organisations' alerts are 404. */
export async function getAlert(deps: WarningDeps, p: Principal, id: string): Promise<AlertDetail> {
  const a = await loadAlert(deps.db, p.orgId, id);
  if (!a) throw notFound('No such alert.');
  return a;
}

/** Moves an active alert on: acknowledge, or dismiss with a reason. */
async function transition(
  deps: WarningDeps,
  p: Principal,
  actor: Actor,
  id: string,
  change: { to: 'acknowledged' } | { to: 'dismissed'; reason: DismissReason; note?: string },
  version: number | undefined,
  meta: Meta,
) {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const r = await tx.execute<{ status: string; version: number; topic_id: string }>(
      sql`SELECT status, version, topic_id FROM alerts WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`,
    );
    const a = r.rows[0];
    if (!a) throw notFound('No such alert.');
    if (version !== undefined && version !== a.version)
      throw new AppError('conflict', 'Someone else changed this alert meanwhile; reload it and try again.');
    if (a.status === 'dismissed') throw new AppError('conflict', 'This alert is already dismissed.');
    if (a.status === 'declared') throw new AppError('conflict', 'This alert was declared a crisis; the crisis room carries on from here.');
    if (change.to === 'acknowledged') {
      if (a.status !== 'open') throw new AppError('conflict', 'This alert is already acknowledged.');
      await tx.execute(sql`UPDATE alerts SET status = 'acknowledged', acknowledged_at = ${now}, acknowledged_by = ${p.kind === 'user' ? p.userId : null},
        version = version + 1, updated_at = ${now} WHERE id = ${id}`);
    } else {
      await tx.execute(sql`UPDATE alerts SET status = 'dismissed', closed_at = ${now}, closed_by = ${p.kind === 'user' ? p.userId : null},
        dismiss_reason = ${change.reason}, dismiss_note = ${change.note || null}, version = version + 1, updated_at = ${now} WHERE id = ${id}`);
    }
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: change.to === 'acknowledged' ? 'alert.acknowledged' : 'alert.dismissed',
      actor,
      subjectType: 'alert',
      subjectId: id,
      data: change.to === 'dismissed' ? { topicId: a.topic_id, reason: change.reason, note: change.note ?? null } : { topicId: a.topic_id },
      ...meta,
    });
  });
  return getAlert(deps, p, id);
}

/** Acknowledges an open alert. */
export function acknowledgeAlert(deps: WarningDeps, p: Principal, actor: Actor, id: string, input: { version?: number }, meta: Meta) {
  return transition(deps, p, actor, id, { to: 'acknowledged' }, input.version, meta);
}

/** Dismisses an active alert with a reason. */
export function dismissAlert(
  deps: WarningDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { reason: DismissReason; note?: string; version?: number },
  meta: Meta,
) {
  return transition(deps, p, actor, id, { to: 'dismissed', reason: input.reason, note: input.note }, input.version, meta);
}

/** The organisation's early-warning settings. */
export function getSettings(deps: WarningDeps, p: Principal): Promise<WarningSettings> {
  return settingsOf(deps.db, p.orgId);
}

/** Refuses an escalation policy naming channels or on-call schedules the organisation does not have (400). */
export async function checkEscalationRefs(tx: Executor, orgId: string, policy: EscalationPolicy) {
  const ids = [...new Set(policy.levels.flatMap((l) => l.channelIds))];
  const known = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM notification_channels WHERE org_id = ${orgId} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  if (known.rows[0].n !== ids.length)
    throw new AppError('validation_failed', 'An escalation level names a channel that does not exist.', {
      errors: [{ path: 'escalation.levels', message: 'unknown channel', code: 'unknown_channel' }],
    });
  const schedules = [...new Set(policy.levels.flatMap((l) => l.scheduleIds ?? []))];
  const knownSchedules = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM oncall_schedules WHERE org_id = ${orgId} AND id = ANY(${sql.param(schedules)}::uuid[])`,
  );
  if (knownSchedules.rows[0].n !== schedules.length)
    throw new AppError('validation_failed', 'An escalation level names an on-call schedule that does not exist.', {
      errors: [{ path: 'escalation.levels', message: 'unknown schedule', code: 'unknown_schedule' }],
    });
}

/** Saves the settings (admins); logged with before and after. */
export async function saveSettings(deps: WarningDeps, p: Principal, actor: Actor, input: WarningSettings, meta: Meta) {
  return deps.db.transaction(async (tx) => {
    const before = await settingsOf(tx, p.orgId);
    if (input.escalation) await checkEscalationRefs(tx, p.orgId, input.escalation);
    const merged = { ...before, ...input, escalation: input.escalation ?? before.escalation };
    await tx.execute(sql`
      INSERT INTO warning_settings (org_id, settings, updated_at) VALUES (${p.orgId}, ${JSON.stringify(merged)}::jsonb, ${deps.clock.now().toISOString()})
      ON CONFLICT (org_id) DO UPDATE SET settings = EXCLUDED.settings, version = warning_settings.version + 1, updated_at = EXCLUDED.updated_at`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'warning.settings_updated',
      actor,
      subjectType: 'warning_settings',
      data: { before, after: merged },
      ...meta,
    });
    return merged;
  });
}
