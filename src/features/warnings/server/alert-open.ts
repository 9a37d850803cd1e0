// Opening an alert, or updating the topic's active one when it fires again (never a second alert
// for the same topic while one is open or acknowledged), with its risk, suggested severity and drivers.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { recordEvent } from '../../../platform/events.ts';
import {
  type AlertDrivers,
  type BucketMinutes,
  DEFAULT_BUCKET_MINUTES,
  defaultWarningSettings,
  type Severity,
  type SignalMove,
  severities,
  suggestSeverity,
  type WarningSettings,
  warningSettings,
} from '../contract.ts';
import { notifyAlert, scheduleEscalation } from './notify.ts';

/** The window an alert shows: this many buckets up to the firing bucket (the build-up included). */
const WINDOW_BUCKETS = 12;
const SYSTEM = { type: 'system' as const, label: 'early warning' };

/**
 * Risk 0–100 from what moved, explainable in one line: 25 for an alert, +12 for each further signal
 * that moved, up to +40 for how many times the expected count the observed count is (15 per doubling),
 * +10 when negative mentions are the majority, +10 when reach moved.
 */
export function riskOf(moves: SignalMove[]): number {
  let risk = 25 + 12 * Math.max(0, moves.length - 1);
  let ratio = 1;
  for (const m of moves) {
    if (m.signal === 'volume' || m.signal === 'negative') ratio = Math.max(ratio, m.observed / Math.max(0.5, m.expected));
  }
  risk += Math.min(40, 15 * Math.log2(ratio));
  const share = moves.find((m) => m.signal === 'negative_share');
  if (share && share.observed >= 0.5) risk += 10;
  if (moves.some((m) => m.signal === 'reach')) risk += 10;
  return Math.max(0, Math.min(100, Math.round(risk)));
}

/** The strongest move per signal across two lists (an update keeps what the alert has seen at its peak). */
function merge(a: SignalMove[], b: SignalMove[]): SignalMove[] {
  const by = new Map<string, SignalMove>();
  for (const m of [...a, ...b]) {
    const had = by.get(m.signal);
    if (!had || m.deviation >= had.deviation) by.set(m.signal, m);
  }
  const order = ['volume', 'negative', 'negative_share', 'reach'];
  return [...by.values()].sort((x, y) => order.indexOf(x.signal) - order.indexOf(y.signal));
}

/** The organisation's settings, or the defaults; the bucket size is always filled in (stored settings may predate it). */
export async function settingsOf(db: Executor, orgId: string): Promise<WarningSettings & { bucketMinutes: BucketMinutes }> {
  const r = await db.execute<{ settings: unknown }>(sql`SELECT settings FROM warning_settings WHERE org_id = ${orgId}`);
  const parsed = warningSettings.safeParse(r.rows[0]?.settings);
  return parsed.success ? { ...parsed.data, bucketMinutes: parsed.data.bucketMinutes ?? DEFAULT_BUCKET_MINUTES } : defaultWarningSettings;
}

/** The mentions behind an alert: totals, top repost clusters, top authors by reach, sample negative posts. */
export async function driversOf(db: Executor, orgId: string, topicId: string, from: Date, to: Date): Promise<AlertDrivers> {
  const where = sql`m.org_id = ${orgId} AND m.topic_ids @> ARRAY[${topicId}]::uuid[]
    AND m.published_at >= ${from.toISOString()}
    AND least(m.published_at, m.collected_at) >= ${from.toISOString()} AND least(m.published_at, m.collected_at) < ${to.toISOString()}`;
  const totals = await db.execute<{ n: number; neg: number; reach: string }>(
    sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE m.sentiment = -1)::int AS neg, coalesce(sum(m.reach), 0)::bigint AS reach FROM mentions m WHERE ${where}`,
  );
  const clusters = await db.execute<{ cluster_id: string; n: number; first: string; text: string }>(sql`
    SELECT c.cluster_id, c.n, c.first, left(x.text, 500) AS text
    FROM (SELECT m.cluster_id, count(*)::int AS n, min(m.id) AS first FROM mentions m WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 3 LIMIT 5) c
    JOIN mentions x ON x.id = c.first ORDER BY c.n DESC, c.first`);
  const authors = await db.execute<{ author: string; reach: string; n: number }>(sql`
    SELECT m.author, sum(m.reach)::bigint AS reach, count(*)::int AS n FROM mentions m WHERE ${where} AND m.author IS NOT NULL
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`);
  const negatives = await db.execute<{
    id: string;
    text: string;
    author: string | null;
    source: string;
    published_at: Date;
    url: string | null;
    reach: string;
  }>(sql`
    SELECT m.id, left(m.text, 500) AS text, m.author, s.name AS source, m.published_at, m.url, m.reach
    FROM mentions m JOIN sources s ON s.id = m.source_id WHERE ${where} AND m.sentiment = -1
    ORDER BY m.reach DESC, m.id LIMIT 5`);
  const t = totals.rows[0];
  return {
    mentions: t.n,
    negativeMentions: t.neg,
    reach: Number(t.reach),
    clusters: clusters.rows.map((c) => ({ clusterId: Number(c.cluster_id), mentions: c.n, mentionId: Number(c.first), text: c.text })),
    authors: authors.rows.map((a) => ({ author: a.author, reach: Number(a.reach), mentions: a.n })),
    negatives: negatives.rows.map((n) => ({
      id: Number(n.id),
      text: n.text,
      author: n.author,
      source: n.source,
      publishedAt: new Date(n.published_at).toISOString(),
      url: n.url,
      reach: Number(n.reach),
    })),
  };
}

/** Opens an alert for the topic, or updates its active one; returns what happened. */
export async function openOrUpdateAlert(
  tx: Executor,
  clock: Clock,
  orgId: string,
  topic: { id: string; name: string },
  bucketEnd: number,
  bucketMs: number,
  moves: SignalMove[],
  opts: { openIfNone: boolean; ruleId?: string },
): Promise<'opened' | 'updated' | 'none'> {
  const now = clock.now();
  const settings = await settingsOf(tx, orgId);
  const active = await tx.execute<{ id: string; signals: SignalMove[]; window_start: Date; risk: number; severity: Severity }>(sql`
    SELECT id, signals, window_start, risk, severity FROM alerts WHERE topic_id = ${topic.id} AND status IN ('open', 'acknowledged') FOR UPDATE`);
  const end = new Date(bucketEnd);
  const a = active.rows[0];
  if (a) {
    const signals = merge(a.signals, moves);
    const risk = Math.max(a.risk, riskOf(signals));
    const severity = suggestSeverity(risk, settings);
    const drivers = await driversOf(tx, orgId, topic.id, new Date(a.window_start), end);
    await tx.execute(sql`
      UPDATE alerts SET signals = ${JSON.stringify(signals)}::jsonb, risk = ${risk}, severity = ${severity},
        drivers = ${JSON.stringify(drivers)}::jsonb, window_end = ${end.toISOString()}, last_fired_at = ${now.toISOString()},
        fire_count = fire_count + ${opts.openIfNone ? 1 : 0}, version = version + 1, updated_at = ${now.toISOString()},
        rule_id = coalesce(rule_id, ${opts.ruleId ?? null}::uuid)
      WHERE id = ${a.id}`);
    await recordEvent(tx, clock, {
      orgId,
      type: 'alert.updated',
      actor: SYSTEM,
      subjectType: 'alert',
      subjectId: a.id,
      data: { topicId: topic.id, risk, severity, signals: signals.map((s) => s.signal), refired: opts.openIfNone },
    });
    // More severe than before: tell the channels again.
    if (severities.indexOf(severity) < severities.indexOf(a.severity)) await notifyAlert(tx, orgId, a.id, severity, 'alert.escalated');
    return 'updated';
  }
  if (!opts.openIfNone) return 'none';
  const start = new Date(bucketEnd - WINDOW_BUCKETS * bucketMs);
  const risk = riskOf(moves);
  const drivers = await driversOf(tx, orgId, topic.id, start, end);
  const inserted = await tx.execute<{ id: string }>(sql`
    INSERT INTO alerts (org_id, topic_id, risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at, updated_at, rule_id)
    VALUES (${orgId}, ${topic.id}, ${risk}, ${suggestSeverity(risk, settings)}, ${JSON.stringify(moves)}::jsonb, ${JSON.stringify(drivers)}::jsonb,
      ${start.toISOString()}, ${end.toISOString()}, ${now.toISOString()}, ${now.toISOString()}, ${now.toISOString()}, ${opts.ruleId ?? null})
    RETURNING id`);
  await recordEvent(tx, clock, {
    orgId,
    type: 'alert.opened',
    actor: SYSTEM,
    subjectType: 'alert',
    subjectId: inserted.rows[0].id,
    data: {
      topicId: topic.id,
      topicName: topic.name,
      risk,
      severity: suggestSeverity(risk, settings),
      signals: moves.map((m) => m.signal),
    },
  });
  await notifyAlert(tx, orgId, inserted.rows[0].id, suggestSeverity(risk, settings), 'alert.opened');
  const first = settings.escalation?.levels[0];
  if (first) await scheduleEscalation(tx, inserted.rows[0].id, 1, first.afterMinutes);
  return 'opened';
}
