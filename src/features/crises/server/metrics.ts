// Live metrics of a crisis's topics (輿情即時數據): mentions, negative mentions, negative share and reach per
// hour over the last 24 hours, since the declaration, and the last hour against the 24 hours before it.
// Rows are found as the monitoring dashboard finds them (its `scope`: org_id + published_at, served by
// mentions_org_published_idx) plus an overlap with the crisis's topics (`topic_ids && …`, served by the GIN
// index on topic_ids), so a mention in two of the crisis's topics counts once. Two bounded reads.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/http.ts';
import { num, scope } from '../../monitoring/server/dashboard-sql.ts';
import { orgTimeZone } from '../../people/server/org.ts';
import type { CrisisMetrics, MetricsRate, MetricsTotals } from '../pulse-contract.ts';
import { type CrisisDeps, loadCrisis } from './access.ts';

const HOUR = 3_600_000;

const share = (mentions: number, negative: number) => (mentions ? negative / mentions : null);
const totals = (mentions: number, negative: number, reach: number): MetricsTotals => ({
  mentions,
  negative,
  reach,
  negativeShare: share(mentions, negative),
});
const rate = (hours: number, mentions: number, negative: number, reach: number): MetricsRate => ({
  hours,
  mentionsPerHour: mentions / hours,
  negativePerHour: negative / hours,
  reachPerHour: reach / hours,
  negativeShare: share(mentions, negative),
});

/** The metrics of one crisis at `now` (no access check: the caller has loaded the crisis). */
export async function metricsOf(db: Executor, orgId: string, crisisId: string, now: Date): Promise<CrisisMetrics> {
  const c = await db.execute<{ declared_at: string }>(sql`SELECT declared_at FROM crises WHERE id = ${crisisId} AND org_id = ${orgId}`);
  const declaredAt = new Date(c.rows[0]?.declared_at ?? now);
  const topics = await db.execute<{ id: string; name: string }>(sql`
    SELECT t.id, t.name FROM crisis_topics ct JOIN topics t ON t.id = ct.topic_id WHERE ct.crisis_id = ${crisisId} ORDER BY t.name`);
  const ids = topics.rows.map((t) => t.id);
  const tz = await orgTimeZone(db, orgId);
  const dayAgo = new Date(now.getTime() - 24 * HOUR);
  const hourAgo = new Date(now.getTime() - HOUR);
  const baseFrom = new Date(declaredAt.getTime() - 24 * HOUR);
  const baseTo = declaredAt < now ? declaredAt : now;
  const inTopics = ids.length ? sql`m.topic_ids && ${sql.param(ids)}::uuid[]` : sql`false`;

  // Every hour of the last day (empty ones too), in the organisation's zone.
  const series = await db.execute<{ t: string; n: string; negative: string; reach: string }>(sql`
    WITH hours AS (
      SELECT g AT TIME ZONE ${tz} AS t FROM generate_series(
        date_trunc('hour', ${dayAgo.toISOString()}::timestamptz AT TIME ZONE ${tz}),
        ${now.toISOString()}::timestamptz AT TIME ZONE ${tz} - interval '1 microsecond', interval '1 hour') AS g),
    counted AS (
      SELECT date_trunc('hour', m.published_at, ${tz}) AS t, count(*) AS n, count(*) FILTER (WHERE m.sentiment = -1) AS negative,
        coalesce(sum(m.reach), 0) AS reach
      FROM mentions m WHERE ${scope(orgId, undefined, dayAgo, now)} AND ${inTopics} GROUP BY 1)
    SELECT h.t, coalesce(c.n, 0) AS n, coalesce(c.negative, 0) AS negative, coalesce(c.reach, 0) AS reach
    FROM hours h LEFT JOIN counted c ON c.t = h.t ORDER BY h.t`);

  // One read from the start of the baseline (or of the last day) to now, split by FILTER.
  const lo = baseFrom < dayAgo ? baseFrom : dayAgo;
  const p = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const t = await db.execute<Record<string, string>>(sql`
    SELECT
      count(*) FILTER (WHERE m.published_at >= ${p(dayAgo)}) AS day_n,
      count(*) FILTER (WHERE m.published_at >= ${p(dayAgo)} AND m.sentiment = -1) AS day_neg,
      coalesce(sum(m.reach) FILTER (WHERE m.published_at >= ${p(dayAgo)}), 0) AS day_reach,
      count(*) FILTER (WHERE m.published_at >= ${p(declaredAt)}) AS since_n,
      count(*) FILTER (WHERE m.published_at >= ${p(declaredAt)} AND m.sentiment = -1) AS since_neg,
      coalesce(sum(m.reach) FILTER (WHERE m.published_at >= ${p(declaredAt)}), 0) AS since_reach,
      count(*) FILTER (WHERE m.published_at >= ${p(hourAgo)}) AS hour_n,
      count(*) FILTER (WHERE m.published_at >= ${p(hourAgo)} AND m.sentiment = -1) AS hour_neg,
      coalesce(sum(m.reach) FILTER (WHERE m.published_at >= ${p(hourAgo)}), 0) AS hour_reach,
      count(*) FILTER (WHERE m.published_at >= ${p(baseFrom)} AND m.published_at < ${p(baseTo)}) AS base_n,
      count(*) FILTER (WHERE m.published_at >= ${p(baseFrom)} AND m.published_at < ${p(baseTo)} AND m.sentiment = -1) AS base_neg,
      coalesce(sum(m.reach) FILTER (WHERE m.published_at >= ${p(baseFrom)} AND m.published_at < ${p(baseTo)}), 0) AS base_reach
    FROM mentions m WHERE ${scope(orgId, undefined, lo, now)} AND ${inTopics}`);
  const r = t.rows[0] ?? {};
  const baseHours = Math.max(1 / 60, (baseTo.getTime() - baseFrom.getTime()) / HOUR);
  return {
    topics: topics.rows,
    asOf: now.toISOString(),
    declaredAt: declaredAt.toISOString(),
    series: series.rows.map((s) => {
      const mentions = num(s.n);
      const negative = num(s.negative);
      return { t: new Date(s.t).toISOString(), mentions, negative, reach: num(s.reach), negativeShare: share(mentions, negative) };
    }),
    last24h: totals(num(r.day_n), num(r.day_neg), num(r.day_reach)),
    sinceDeclared: totals(num(r.since_n), num(r.since_neg), num(r.since_reach)),
    current: rate(1, num(r.hour_n), num(r.hour_neg), num(r.hour_reach)),
    baseline: rate(baseHours, num(r.base_n), num(r.base_neg), num(r.base_reach)),
  };
}

/** The crisis's live metrics for someone who may read it (404 otherwise). */
export async function crisisMetrics(deps: CrisisDeps, p: Principal, crisisId: string): Promise<CrisisMetrics> {
  const c = await loadCrisis(deps.db, p, crisisId, 'read');
  return metricsOf(deps.db, c.org_id, crisisId, deps.clock.now());
}
