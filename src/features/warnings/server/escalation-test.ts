// Testing the escalation policy (測試升級流程): the ladder worked out for an alert opening now — when each step
// fires, its channels with their health, who is on call then (or a gap) and whether they are in quiet hours — and a
// test message sent right away to every channel and on-call person of every level, each naming the level it stands
// for, through the same delivery jobs as a channel's test. No alert is created and no escalation is scheduled.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { EscalationPolicy } from '../contract.ts';
import type { ChannelKind, EscalationPlan, testOutcomes } from '../notify-contract.ts';
import { inQuietHours, onCallAt, type Schedule } from '../oncall.ts';
import { settingsOf } from './alert-open.ts';
import { checkEscalationRefs } from './alerts.ts';
import { FAILING_AFTER, queueTest, queueTestPage } from './notify.ts';
import type { WarningDeps } from './run.ts';

type Meta = { requestId?: string; ip?: string };
type Outcome = (typeof testOutcomes)[number];
type Step = EscalationPlan['steps'][number];
type ChannelRow = {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  consecutive_failures: number;
  used: boolean;
};
type QuietHours = { from: string; to: string; timeZone: string } | null;
type Person = { id: string; name: string; active: boolean; quiet_hours: QuietHours };

/** Loads the channels, schedules and people a policy names (the organisation's only). */
async function loadTargets(tx: Executor, orgId: string, policy: EscalationPolicy) {
  const channelIds = [...new Set(policy.levels.flatMap((l) => l.channelIds))];
  const scheduleIds = [...new Set(policy.levels.flatMap((l) => l.scheduleIds ?? []))];
  const channels = await tx.execute<ChannelRow>(sql`
    SELECT id, kind, name, enabled, consecutive_failures, (last_success_at IS NOT NULL OR last_failure_at IS NOT NULL) AS used
    FROM notification_channels WHERE org_id = ${orgId} AND id = ANY(${sql.param(channelIds)}::uuid[])`);
  const schedules = await tx.execute<{ id: string; name: string; settings: Schedule }>(
    sql`SELECT id, name, settings FROM oncall_schedules WHERE org_id = ${orgId} AND id = ANY(${sql.param(scheduleIds)}::uuid[])`,
  );
  // Everyone who could be on call over the whole ladder (rotation and overrides), with their quiet hours.
  const userIds = [...new Set(schedules.rows.flatMap((s) => [...s.settings.participants, ...s.settings.overrides.map((o) => o.userId)]))];
  const people = await tx.execute<Person>(sql`
    SELECT u.id, u.name, u.status = 'active' AS active, np.quiet_hours FROM users u
    LEFT JOIN notification_preferences np ON np.user_id = u.id
    WHERE u.org_id = ${orgId} AND u.id = ANY(${sql.param(userIds)}::uuid[])`);
  return {
    channels: new Map(channels.rows.map((c) => [c.id, c])),
    schedules: new Map(schedules.rows.map((s) => [s.id, s])),
    people: new Map(people.rows.map((p) => [p.id, p])),
  };
}

type Targets = Awaited<ReturnType<typeof loadTargets>>;

/** Every step of the ladder (each level in each round), timed from an alert opening at `now`; tests not yet sent. */
function stepsOf(policy: EscalationPolicy, t: Targets, now: number): Step[] {
  const steps: Step[] = [];
  const total = policy.levels.length * (policy.repeat + 1);
  let minutes = 0;
  for (let step = 1; step <= total; step++) {
    const index = (step - 1) % policy.levels.length;
    const level = policy.levels[index];
    minutes += level.afterMinutes;
    const at = now + minutes * 60_000;
    steps.push({
      step,
      level: index + 1,
      round: Math.floor((step - 1) / policy.levels.length) + 1,
      afterMinutes: minutes,
      at: new Date(at).toISOString(),
      channels: level.channelIds.map((id) => {
        const c = t.channels.get(id);
        if (!c) return { id, name: null, kind: null, health: 'missing' as const, enabled: false, test: 'missing' as const };
        const health = c.consecutive_failures >= FAILING_AFTER ? 'failing' : c.used ? 'ok' : 'unused';
        return { id, name: c.name, kind: c.kind, health, enabled: c.enabled, test: c.enabled ? 'queued' : 'disabled' };
      }),
      schedules: (level.scheduleIds ?? []).map((id) => {
        const s = t.schedules.get(id);
        const who = s ? onCallAt(s.settings, at) : null;
        const person = who ? t.people.get(who) : undefined;
        if (!s || !who) return { id, name: s?.name ?? null, onCall: null };
        const quietHours = inQuietHours(person?.quiet_hours, at);
        return { id, name: s.name, onCall: { userId: who, name: person?.name ?? '?', quietHours, test: 'queued' as Outcome } };
      }),
    });
  }
  return steps;
}

/**
 * Queues one test message per level and receiver (a channel once per level; a person on call at any of the level's
 * steps once per level), each naming its level. Disabled or deleted channels and inactive people are skipped, as
 * escalation skips them; a person in quiet hours right now is not woken by a test.
 */
async function sendTests(tx: Executor, orgId: string, steps: Step[], t: Targets, now: number) {
  const done = new Map<string, Outcome>();
  const sent = { channels: 0, people: 0, deliveryIds: [] as string[] };
  for (const s of steps) {
    for (const c of s.channels) {
      const key = `${s.level}:${c.id}`;
      if (!done.has(key) && c.test === 'queued') {
        sent.deliveryIds.push(await queueTest(tx, orgId, c.id, s.level));
        sent.channels++;
      }
      done.set(key, c.test);
    }
    for (const sch of s.schedules) {
      if (!sch.onCall) continue;
      const key = `${s.level}:${sch.onCall.userId}`;
      let outcome = done.get(key);
      if (!outcome) {
        const person = t.people.get(sch.onCall.userId);
        outcome = !person?.active ? 'inactive' : inQuietHours(person.quiet_hours, now) ? 'quiet_hours' : 'queued';
        if (outcome === 'queued') {
          sent.deliveryIds.push(await queueTestPage(tx, orgId, sch.onCall.userId, s.level));
          sent.people++;
        }
        done.set(key, outcome);
      }
      sch.onCall.test = outcome;
    }
  }
  return sent;
}

/** Works out the policy (`draft`, else the saved one) for an alert opening now, sends the tests, and logs it. */
export async function testEscalation(
  deps: WarningDeps,
  p: Principal,
  actor: Actor,
  draft: EscalationPolicy | undefined,
  meta: Meta,
): Promise<EscalationPlan> {
  return deps.db.transaction(async (tx) => {
    const settings = await settingsOf(tx, p.orgId);
    const policy = draft ?? settings.escalation;
    if (!policy?.levels.length)
      throw new AppError(
        'conflict',
        draft ? 'This escalation policy has no levels to test; add a level first.' : 'No escalation policy is set up; add a level first.',
        { errors: [{ path: 'escalation.levels', message: 'no levels to test', code: 'no_levels' }] },
      );
    if (draft) await checkEscalationRefs(tx, p.orgId, draft);
    const now = deps.clock.now().getTime();
    const targets = await loadTargets(tx, p.orgId, policy);
    const steps = stepsOf(policy, targets, now);
    const sent = await sendTests(tx, p.orgId, steps, targets, now);
    const plan: EscalationPlan = {
      openedAt: new Date(now).toISOString(),
      source: draft ? 'draft' : 'saved',
      quietHoursBypassRisk: settings.quietHoursBypassRisk ?? 70,
      steps,
      sent,
    };
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'warning.escalation_tested',
      actor,
      subjectType: 'warning_settings',
      data: {
        source: plan.source,
        policy,
        channels: sent.channels,
        people: sent.people,
        gaps: steps.flatMap((s) => s.schedules.filter((x) => !x.onCall).map((x) => ({ step: s.step, scheduleId: x.id }))),
      },
      ...meta,
    });
    return plan;
  });
}
