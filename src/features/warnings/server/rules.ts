// Manual alert rules, checked on every detection tick beside the detector: "alert if negative mentions
// of topic X exceed N in M minutes", and "alert on any mention of topic X from these authors/sources".
// Both look only at recently published mentions, so a backfill of old posts never fires them.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import { openOrUpdateAlert } from './alert-open.ts';
import type { WarningDeps } from './run.ts';

/** Watch-listed mentions older than this (by publication) are history being imported, not news. */
const WATCH_RECENT_MS = 24 * 3_600_000;
/** Watch-lists look at mentions collected up to this long ago (ingest batches commit within seconds). */
const WATCH_LAG_MS = 30_000;

type RuleRow = {
  id: string;
  topic_id: string;
  topic_name: string;
  name: string;
  config: c.RuleConfig;
  checked_until: Date | null;
  last_fired_at: Date | null;
  created_at: Date;
};

/** Checks every enabled rule of an organisation at `now`; returns how many fired. */
export async function evaluateRules(tx: Executor, clock: Clock, orgId: string, now: Date, bucketMs: number) {
  const rules = await tx.execute<RuleRow>(sql`
    SELECT r.id, r.topic_id, t.name AS topic_name, r.name, r.config, r.checked_until, r.last_fired_at, r.created_at
    FROM alert_rules r JOIN topics t ON t.id = r.topic_id
    WHERE r.org_id = ${orgId} AND r.enabled AND NOT t.archived FOR UPDATE OF r`);
  let fired = 0;
  for (const r of rules.rows) {
    const topic = { id: r.topic_id, name: r.topic_name };
    let move: c.SignalMove | null = null;
    if (r.config.kind === 'threshold') {
      const { minutes, count, signal } = r.config;
      const since = new Date(now.getTime() - minutes * 60_000);
      if (r.last_fired_at && new Date(r.last_fired_at) > since) continue; // once per window
      const n = await tx.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM mentions WHERE org_id = ${orgId} AND topic_ids @> ARRAY[${r.topic_id}]::uuid[]
          AND published_at > ${since.toISOString()} AND least(published_at, collected_at) > ${since.toISOString()}
          AND least(published_at, collected_at) <= ${now.toISOString()}
          ${signal === 'negative' ? sql`AND sentiment = -1` : sql``}`);
      if (n.rows[0].n >= count) move = { signal, observed: n.rows[0].n, expected: count, low: 0, high: count, deviation: 0 };
    } else {
      // Half-open windows that end a little in the past, so a batch still committing is seen next time.
      const from = new Date(r.checked_until ?? r.created_at);
      const until = new Date(now.getTime() - WATCH_LAG_MS);
      if (until <= from) continue;
      const n = await tx.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM mentions m JOIN sources s ON s.id = m.source_id
        WHERE m.org_id = ${orgId} AND m.topic_ids @> ARRAY[${r.topic_id}]::uuid[]
          AND m.collected_at >= ${from.toISOString()} AND m.collected_at < ${until.toISOString()}
          AND m.published_at > ${new Date(now.getTime() - WATCH_RECENT_MS).toISOString()}
          AND (m.author = ANY(${sql.param(r.config.authors)}::text[]) OR s.name = ANY(${sql.param(r.config.sources)}::text[]))`);
      await tx.execute(sql`UPDATE alert_rules SET checked_until = ${until.toISOString()} WHERE id = ${r.id}`);
      if (n.rows[0].n > 0) move = { signal: 'volume', observed: n.rows[0].n, expected: 0, low: 0, high: 0, deviation: 0 };
    }
    if (!move) continue;
    await tx.execute(sql`UPDATE alert_rules SET last_fired_at = ${now.toISOString()} WHERE id = ${r.id}`);
    await openOrUpdateAlert(tx, clock, orgId, topic, Math.floor(now.getTime() / bucketMs) * bucketMs, bucketMs, [move], {
      openIfNone: true,
      ruleId: r.id,
    });
    fired++;
  }
  return fired;
}

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });

type RuleInput = { topicId: string; name: string; config: unknown; enabled?: boolean };
type Audit = { actor: Actor; requestId?: string; ip?: string };

/**
 * Adds a rule and its `alert_rule.created` event in the caller's transaction (the rules API and the demo's
 * prepared rule). Checks nothing: the caller has validated the input and that the topic is the organisation's.
 */
export async function insertAlertRule(tx: Executor, clock: Clock, orgId: string, input: RuleInput, a: Audit): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO alert_rules (org_id, topic_id, name, config, enabled, checked_until)
    VALUES (${orgId}, ${input.topicId}, ${input.name}, ${JSON.stringify(input.config)}::jsonb, ${input.enabled ?? true},
            ${clock.now().toISOString()})
    RETURNING id`);
  const id = r.rows[0].id;
  await recordEvent(tx, clock, {
    orgId,
    type: 'alert_rule.created',
    actor: a.actor,
    subjectType: 'alert_rule',
    subjectId: id,
    data: { name: input.name, topicId: input.topicId, config: input.config },
    requestId: a.requestId,
    ip: a.ip,
  });
  return id;
}

async function view(db: Executor, orgId: string, id?: string) {
  const r = await db.execute<RuleRow & { enabled: boolean; version: number }>(sql`
    SELECT r.id, r.topic_id, t.name AS topic_name, r.name, r.config, r.enabled, r.last_fired_at, r.version, r.checked_until, r.created_at
    FROM alert_rules r JOIN topics t ON t.id = r.topic_id WHERE r.org_id = ${orgId} ${id ? sql`AND r.id = ${id}` : sql``} ORDER BY r.created_at`);
  return r.rows.map((x) => ({
    id: x.id,
    name: x.name,
    topicId: x.topic_id,
    topicName: x.topic_name,
    config: x.config,
    enabled: x.enabled,
    lastFiredAt: x.last_fired_at ? new Date(x.last_fired_at).toISOString() : null,
    version: x.version,
  }));
}

/** The rule, locked for the rest of the transaction (an edit compares its version with no other edit between); 404 if none. */
async function lockedRule(tx: Executor, orgId: string, id: string) {
  await tx.execute(sql`SELECT 1 FROM alert_rules WHERE id = ${id} AND org_id = ${orgId} FOR UPDATE`);
  const [rule] = await view(tx, orgId, id);
  if (!rule) throw notFound('No such rule.');
  return rule;
}

/** Registers the rule routes (topic managers: admins and managers). Each change and its event are one transaction. */
export function registerRuleRoutes(r: Router, deps: WarningDeps) {
  const tags = ['warnings'];
  const audit = (tx: Executor, p: Principal, type: string, id: string, data: Record<string, unknown>, m: ReturnType<typeof meta>) =>
    recordEvent(tx, deps.clock, { orgId: p.orgId, type, actor: actorOf(p), subjectType: 'alert_rule', subjectId: id, data, ...m });
  r.add({
    method: 'GET',
    url: '/api/alert-rules',
    summary: 'Manual alert rules',
    tags,
    permission: 'alert.read',
    response: z.array(c.ruleOut),
    handler: (ctx) => view(deps.db, me(ctx.principal).orgId),
  });
  r.add({
    method: 'POST',
    url: '/api/alert-rules',
    summary: 'Add a rule: a count in a time window, or a watch-list of authors and sources',
    tags,
    permission: 'topic.manage',
    body: c.createRuleInput,
    response: c.ruleOut,
    status: 201,
    handler: (ctx) =>
      deps.db.transaction(async (tx) => {
        const p = me(ctx.principal);
        // Locked so that the topic cannot be deleted between this check and the insert.
        const t = await tx.execute(sql`SELECT 1 FROM topics WHERE id = ${ctx.body.topicId} AND org_id = ${p.orgId} FOR SHARE`);
        if (!t.rows.length)
          throw new AppError('validation_failed', 'No such topic.', {
            errors: [{ path: 'topicId', message: 'unknown topic', code: 'unknown' }],
          });
        const id = await insertAlertRule(tx, deps.clock, p.orgId, ctx.body, { actor: actorOf(p), ...meta(ctx) });
        const [out] = await view(tx, p.orgId, id);
        return out;
      }),
  });
  r.add({
    method: 'PATCH',
    url: '/api/alert-rules/:id',
    summary: 'Edit, enable or disable a rule',
    tags,
    permission: 'topic.manage',
    params: uuidParam,
    body: c.updateRuleInput,
    response: c.ruleOut,
    handler: (ctx) =>
      deps.db.transaction(async (tx) => {
        const p = me(ctx.principal);
        const before = await lockedRule(tx, p.orgId, ctx.params.id);
        if (ctx.body.version !== undefined && ctx.body.version !== before.version)
          throw new AppError('conflict', 'Someone else changed this rule meanwhile; reload it and try again.');
        await tx.execute(sql`
          UPDATE alert_rules SET name = ${ctx.body.name ?? before.name}, config = ${JSON.stringify(ctx.body.config ?? before.config)}::jsonb,
            enabled = ${ctx.body.enabled ?? before.enabled}, version = version + 1 WHERE id = ${before.id}`);
        const [out] = await view(tx, p.orgId, before.id);
        await audit(tx, p, 'alert_rule.updated', out.id, { before, after: out }, meta(ctx));
        return out;
      }),
  });
  r.add({
    method: 'DELETE',
    url: '/api/alert-rules/:id',
    summary: 'Delete a rule (alerts it raised stay)',
    tags,
    permission: 'topic.manage',
    params: uuidParam,
    status: 204,
    handler: (ctx) =>
      deps.db.transaction(async (tx) => {
        const p = me(ctx.principal);
        const before = await lockedRule(tx, p.orgId, ctx.params.id);
        await tx.execute(sql`UPDATE alerts SET rule_id = NULL WHERE rule_id = ${before.id}`);
        await tx.execute(sql`DELETE FROM alert_rules WHERE id = ${before.id}`);
        await audit(tx, p, 'alert_rule.deleted', before.id, { name: before.name }, meta(ctx));
      }),
  });
}
