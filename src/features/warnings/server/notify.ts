// Notifications: alerts become deliveries (one per enabled channel whose severity threshold they reach),
// each a job on the queue with retries and back-off; every attempt is logged, and a channel that keeps
// failing shows as failing. Delivery is at least once: a receiver may see a message twice after a
// lost answer, always with the same idempotency key.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { recordEvent } from '../../../platform/events.ts';
import { orgTimeZone } from '../../people/server/org.ts';
import { type EscalationPolicy, type Severity, severities } from '../contract.ts';
import { type ChannelConfig, channelConfig } from '../notify-contract.ts';
import { inQuietHours, onCallAt, type Schedule } from '../oncall.ts';
import { loadAlert } from './alerts.ts';
import { type CrisisPayload, type Message, type SendSettings, send } from './notify-send.ts';

/** The job that sends one delivery. */
export const DELIVER = 'notify:deliver';
/** Attempts before a delivery is given up as failed (Graphile's back-off: ~3 s, 7 s, 20 s, 55 s, 2.5 min, 7 min, 18 min). */
export const MAX_ATTEMPTS = 8;
/** Failures in a row after which a channel shows as failing. */
export const FAILING_AFTER = 3;

/** What delivering needs. */
export type NotifyDeps = { db: Db; clock: Clock; send: Omit<SendSettings, 'now'>; publicUrl?: string };

const rank = (s: string) => severities.indexOf(s as Severity);

/** Queues a job for a delivery (inside the caller's transaction); crisis messages queue theirs through it too. */
export async function enqueue(tx: Executor, deliveryId: string, runAt?: Date) {
  await tx.execute(
    sql`SELECT graphile_worker.add_job(${DELIVER}, json_build_object('deliveryId', ${deliveryId}::text), job_key := ${`${DELIVER}:${deliveryId}`},
      max_attempts := ${MAX_ATTEMPTS}, run_at := ${runAt ? runAt.toISOString() : null}::timestamptz)`,
  );
}

/** Creates the deliveries of an alert event for every channel that wants it; returns how many. */
export async function notifyAlert(
  tx: Executor,
  orgId: string,
  alertId: string,
  severity: Severity,
  event: 'alert.opened' | 'alert.escalated',
) {
  const channels = await tx.execute<{ id: string; min_severity: string }>(
    sql`SELECT id, min_severity FROM notification_channels WHERE org_id = ${orgId} AND enabled ORDER BY created_at`,
  );
  let n = 0;
  for (const c of channels.rows) {
    if (rank(severity) > rank(c.min_severity)) continue;
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO notification_deliveries (org_id, channel_id, alert_id, event, idempotency_key)
      VALUES (${orgId}, ${c.id}, ${alertId}, ${event}, ${`${alertId}:${event}:${severity}:${c.id}`})
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`);
    if (r.rows[0]) {
      await enqueue(tx, r.rows[0].id);
      n++;
    }
  }
  return n;
}

/** Idempotency keys of escalation tests carry the level, so the message can name it (`test:escalation:<level>:<uuid>`). */
const testKey = (level?: number) => `test:${level ? `escalation:${level}:` : ''}${crypto.randomUUID()}`;

/** A test message to one channel (standing for escalation level `level`, when given); returns the delivery id. */
export async function queueTest(tx: Executor, orgId: string, channelId: string, level?: number) {
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO notification_deliveries (org_id, channel_id, event, idempotency_key)
    VALUES (${orgId}, ${channelId}, 'test', ${testKey(level)}) RETURNING id`);
  await enqueue(tx, r.rows[0].id);
  return r.rows[0].id;
}

/** A test page to a person, by e-mail as escalation pages them, standing for escalation level `level`; returns the delivery id. */
export async function queueTestPage(tx: Executor, orgId: string, userId: string, level: number) {
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO notification_deliveries (org_id, user_id, event, idempotency_key)
    VALUES (${orgId}, ${userId}, 'test', ${testKey(level)}) RETURNING id`);
  await enqueue(tx, r.rows[0].id);
  return r.rows[0].id;
}

/** The escalation level a test message stands for (its key is `test:escalation:<level>:<uuid>`), if any. */
function testLevelOf(d: { event: string; idempotency_key: string }): number | undefined {
  const level = d.event === 'test' ? /^test:escalation:(\d+):/.exec(d.idempotency_key)?.[1] : undefined;
  return level ? Number(level) : undefined;
}

type Loaded = {
  id: string;
  org_id: string;
  channel_id: string | null;
  user_id: string | null;
  alert_id: string | null;
  crisis_id: string | null;
  payload: CrisisPayload | null;
  event: Message['event'];
  idempotency_key: string;
  status: string;
  config: unknown;
  channel_name: string;
  org_name: string;
  default_locale: string;
};

/** One attempt at a delivery (the job's body). Throws to have the queue retry it later. */
export async function deliver(deps: NotifyDeps, deliveryId: string, attempt: number, maxAttempts = MAX_ATTEMPTS) {
  const r = await deps.db.execute<Loaded>(sql`
    SELECT d.id, d.org_id, d.channel_id, d.user_id, d.alert_id, d.crisis_id, d.payload, d.event, d.idempotency_key, d.status,
      coalesce(c.config, json_build_object('kind', 'email', 'to', json_build_array(u.email))::jsonb) AS config,
      coalesce(c.name, CASE WHEN d.crisis_id IS NULL THEN 'on call: ' ELSE 'crisis team: ' END || u.name) AS channel_name, o.name AS org_name, o.default_locale
    FROM notification_deliveries d LEFT JOIN notification_channels c ON c.id = d.channel_id LEFT JOIN users u ON u.id = d.user_id
    JOIN organisations o ON o.id = d.org_id
    WHERE d.id = ${deliveryId} AND (c.id IS NOT NULL OR u.id IS NOT NULL)`);
  const d = r.rows[0];
  if (d?.status !== 'pending') return; // deleted channel, or already settled by an earlier attempt
  const config = channelConfig.safeParse(d.config);
  const alert = d.alert_id ? await loadAlert(deps.db, d.org_id, d.alert_id) : null;
  const locale = d.default_locale === 'en' ? 'en' : 'zh-TW';
  const base = deps.publicUrl?.replace(/\/+$/, '');
  // A crisis message carries its own words (fixed when queued); its link is a path in the web app.
  const crisis = d.crisis_id && d.payload ? d.payload : null;
  const message: Message = {
    event: d.event,
    deliveryId: d.id,
    idempotencyKey: d.idempotency_key,
    alert,
    link: !base ? null : alert ? `${base}/alerts/${alert.id}` : crisis ? `${base}${crisis.link}` : null,
    crisis,
    locale,
    orgName: d.org_name,
    timeZone: await orgTimeZone(deps.db, d.org_id),
    testLevel: testLevelOf(d),
  };
  const started = performance.now();
  let outcome: { ok: true; statusCode: number | null } | { ok: false; statusCode: number | null; error: string };
  try {
    if (!config.success) throw new Error('The channel’s settings are no longer valid; edit the channel.');
    outcome = { ok: true, ...(await send(config.data as ChannelConfig, message, { ...deps.send, now: () => deps.clock.now() })) };
  } catch (e) {
    outcome = {
      ok: false,
      statusCode: (e as { statusCode?: number | null }).statusCode ?? null,
      error: (e as Error).message.slice(0, 500),
    };
  }
  const durationMs = Math.round(performance.now() - started);
  const last = !outcome.ok && attempt >= maxAttempts;
  await record(deps, d, attempt, outcome, durationMs, last);
  if (!outcome.ok && !last) throw new Error(`delivery ${deliveryId} attempt ${attempt}: ${outcome.error}`);
}

async function record(
  deps: NotifyDeps,
  d: Loaded,
  attempt: number,
  outcome: { ok: boolean; statusCode: number | null; error?: string },
  durationMs: number,
  last: boolean,
) {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO delivery_attempts (delivery_id, attempt, at, ok, status_code, error, duration_ms)
      VALUES (${d.id}, ${attempt}, ${now}, ${outcome.ok}, ${outcome.statusCode}, ${outcome.error ?? null}, ${durationMs})`);
    const status = outcome.ok ? 'delivered' : last ? 'failed' : 'pending';
    await tx.execute(sql`
      UPDATE notification_deliveries SET attempts = ${attempt}, status = ${status}, last_error = ${outcome.error ?? null},
        delivered_at = ${outcome.ok ? now : null} WHERE id = ${d.id}`);
    if (outcome.ok) {
      await tx.execute(sql`UPDATE notification_channels SET last_success_at = ${now}, consecutive_failures = 0 WHERE id = ${d.channel_id}`);
    } else {
      await tx.execute(sql`UPDATE notification_channels SET last_failure_at = ${now}, last_error = ${outcome.error ?? null},
        consecutive_failures = consecutive_failures + 1 WHERE id = ${d.channel_id}`);
    }
    // The audit trail says who was told what; every attempt, and a failing channel, is visible live.
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: outcome.ok ? 'notification.delivered' : last ? 'notification.failed' : 'notification.attempt_failed',
      actor: { type: 'system', label: 'notifications' },
      // A channel, else the alert or crisis a person was told about, else the person (a test page).
      subjectType: d.channel_id ? 'notification_channel' : d.alert_id ? 'alert' : d.crisis_id ? 'crisis' : 'user',
      subjectId: d.channel_id ?? d.alert_id ?? d.crisis_id ?? d.user_id ?? undefined,
      data: {
        deliveryId: d.id,
        channel: d.channel_name,
        event: d.event,
        alertId: d.alert_id,
        ...(d.crisis_id ? { crisisId: d.crisis_id } : {}),
        attempt,
        statusCode: outcome.statusCode,
        error: outcome.error ?? null,
      },
    });
  });
}

/** The job that runs one escalation step of an alert. */
export const ESCALATE = 'warnings:escalate';

/** Schedules escalation step `step` (1-based) of an alert to run `afterMinutes` from now (database time). */
export async function scheduleEscalation(tx: Executor, alertId: string, step: number, afterMinutes: number) {
  await tx.execute(
    sql`SELECT graphile_worker.add_job(${ESCALATE}, json_build_object('alertId', ${alertId}::text, 'step', ${step}::int),
      run_at := now() + make_interval(mins => ${afterMinutes}), job_key := ${`${ESCALATE}:${alertId}:${step}`}, max_attempts := 3)`,
  );
}

/**
 * One escalation step: if the alert is still open (nobody acknowledged it), notify this level's channels,
 * log it, and schedule the next step; the ladder repeats `repeat` more times, then stops.
 */
export async function escalate(
  deps: Pick<NotifyDeps, 'db' | 'clock'>,
  alertId: string,
  step: number,
): Promise<'escalated' | 'answered' | 'done'> {
  return deps.db.transaction(async (tx) => {
    const a = await tx.execute<{
      org_id: string;
      status: string;
      severity: Severity;
      risk: number;
      settings: { escalation?: EscalationPolicy; quietHoursBypassRisk?: number } | null;
    }>(sql`
      SELECT a.org_id, a.status, a.severity, a.risk, s.settings FROM alerts a LEFT JOIN warning_settings s ON s.org_id = a.org_id
      WHERE a.id = ${alertId} FOR UPDATE OF a`);
    const row = a.rows[0];
    if (row?.status !== 'open') return 'answered';
    const policy = row.settings?.escalation;
    const levels = policy?.levels ?? [];
    const total = levels.length * ((policy?.repeat ?? 0) + 1);
    if (step > total) return 'done';
    const level = levels[(step - 1) % levels.length];
    const sent: string[] = [];
    for (const channelId of level.channelIds) {
      const r = await tx.execute<{ id: string }>(sql`
        INSERT INTO notification_deliveries (org_id, channel_id, alert_id, event, idempotency_key)
        SELECT ${row.org_id}, id, ${alertId}, 'alert.escalated', ${`${alertId}:escalation:${step}:`} || id
        FROM notification_channels WHERE id = ${channelId} AND org_id = ${row.org_id} AND enabled
        ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`);
      if (r.rows[0]) {
        await enqueue(tx, r.rows[0].id);
        sent.push(channelId);
      }
    }
    // The person on call right now on each named schedule, by e-mail.
    const people: string[] = [];
    const quiet: string[] = [];
    if (level.scheduleIds?.length) {
      const schedules = await tx.execute<{ settings: Schedule }>(
        sql`SELECT settings FROM oncall_schedules WHERE org_id = ${row.org_id} AND id = ANY(${sql.param(level.scheduleIds)}::uuid[])`,
      );
      for (const sch of schedules.rows) {
        const t = deps.clock.now().getTime();
        const who = onCallAt(sch.settings, t);
        if (!who || people.includes(who) || quiet.includes(who)) continue;
        // Quiet hours hold back pages below the organisation's bypass risk (default 70); logged.
        const prefs = await tx.execute<{ quiet_hours: { from: string; to: string; timeZone: string } | null }>(
          sql`SELECT quiet_hours FROM notification_preferences WHERE user_id = ${who}`,
        );
        if (row.risk < (row.settings?.quietHoursBypassRisk ?? 70) && inQuietHours(prefs.rows[0]?.quiet_hours, t)) {
          quiet.push(who);
          continue;
        }
        const r = await tx.execute<{ id: string }>(sql`
          INSERT INTO notification_deliveries (org_id, user_id, alert_id, event, idempotency_key)
          SELECT ${row.org_id}, id, ${alertId}, 'alert.escalated', ${`${alertId}:escalation:${step}:user:${who}`}
          FROM users WHERE id = ${who} AND org_id = ${row.org_id} AND status = 'active'
          ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`);
        if (r.rows[0]) {
          await enqueue(tx, r.rows[0].id);
          people.push(who);
        }
      }
    }
    await recordEvent(tx, deps.clock, {
      orgId: row.org_id,
      type: 'alert.escalated',
      actor: { type: 'system', label: 'escalation' },
      subjectType: 'alert',
      subjectId: alertId,
      data: {
        step,
        level: ((step - 1) % levels.length) + 1,
        round: Math.floor((step - 1) / levels.length) + 1,
        channels: sent,
        people,
        quiet,
      },
    });
    if (step < total) await scheduleEscalation(tx, alertId, step + 1, levels[step % levels.length].afterMinutes);
    return 'escalated';
  });
}
