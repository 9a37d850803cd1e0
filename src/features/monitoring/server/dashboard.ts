// The monitoring dashboard: volume by sentiment per bucket, negative share against the previous
// period, top sources, authors and repost clusters, and rising terms. Every query is bounded by
// (org_id, published_at) and, for a topic, the GIN index on topic_ids; the period's rows are read once
// (dashboard-aggregate.ts) plus a bounded sample of texts for the terms (dashboard-sample.ts).
import { sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { type DashboardData, type dashboardQuery, defaultBucket, MAX_POINTS, pointCount, RANGE_MS } from '../dashboard-contract.ts';
import { aggregatePeriod } from './dashboard-aggregate.ts';
import { sampleTexts, TERM_SAMPLE } from './dashboard-sample.ts';
import type { Bucket, Totals, Window } from './dashboard-sql.ts';
import type { IngestDeps } from './ingest.ts';
import { countTerms, risingTerms } from './terms.ts';

type Query = ReturnType<(typeof dashboardQuery)['parse']>;

/** The period the query asks for, the previous period of the same length, and the bucket. */
export function resolveWindow(q: Query, now: Date): Window {
  const to = q.range === 'custom' ? new Date(q.to as string) : now;
  const from = q.range === 'custom' ? new Date(q.from as string) : new Date(now.getTime() - RANGE_MS[q.range]);
  const ms = to.getTime() - from.getTime();
  const bucket = q.bucket ?? (q.range === 'custom' ? (ms <= 3 * 86_400_000 ? 'hour' : 'day') : defaultBucket(q.range));
  if (pointCount(ms, bucket) > MAX_POINTS) throw new AppError('validation_failed', 'Too many points for this range and bucket.');
  return { from, to, prevFrom: new Date(from.getTime() - ms), bucket, tz: q.tz };
}

const share = (t: Totals) => (t.mentions ? t.negative / t.mentions : null);

/** Every bucket start of the period, so empty buckets show as zero. */
async function bucketStarts(deps: IngestDeps, w: Window): Promise<Date[]> {
  const res = await deps.db.execute<{ t: string }>(sql`
    SELECT g AT TIME ZONE ${w.tz} AS t FROM generate_series(
      date_trunc(${w.bucket}, ${w.from.toISOString()}::timestamptz AT TIME ZONE ${w.tz}),
      ${w.to.toISOString()}::timestamptz AT TIME ZONE ${w.tz} - interval '1 microsecond',
      ${`1 ${w.bucket}`}::interval) AS g`);
  return res.rows.map((r) => new Date(r.t));
}

async function assertTopic(deps: IngestDeps, orgId: string, topicId: string) {
  const res = await deps.db.execute(sql`SELECT 1 FROM topics WHERE id = ${topicId} AND org_id = ${orgId}`);
  if (res.rows.length === 0) throw new AppError('not_found', 'No such topic.');
}

function sumTotals(buckets: Bucket[]): Totals {
  const t: Totals = { mentions: 0, negative: 0, neutral: 0, positive: 0, reach: 0 };
  for (const b of buckets) for (const k of Object.keys(t) as Array<keyof Totals>) t[k] += b[k];
  return t;
}

/** The dashboard for the principal's organisation: all mentions, or one topic's. */
export async function monitoringDashboard(deps: IngestDeps, p: Principal, q: Query): Promise<DashboardData> {
  const w = resolveWindow(q, deps.clock.now());
  if (q.topicId) await assertTopic(deps, p.orgId, q.topicId);
  const [agg, starts] = await Promise.all([aggregatePeriod(deps, p.orgId, q.topicId, w), bucketStarts(deps, w)]);
  const buckets = agg.buckets;
  const cur = buckets.filter((b) => b.current);
  const prev = buckets.filter((b) => !b.current);
  const byStart = new Map(cur.map((b) => [b.start.getTime(), b]));
  const series = starts.map((s) => {
    const b = byStart.get(s.getTime());
    return { t: s.toISOString(), negative: b?.negative ?? 0, neutral: b?.neutral ?? 0, positive: b?.positive ?? 0 };
  });
  const [curTexts, prevTexts] = await Promise.all([
    sampleTexts(deps, p.orgId, q.topicId, w.from, w.to, cur),
    sampleTexts(deps, p.orgId, q.topicId, w.prevFrom, w.from, prev),
  ]);
  const totals = sumTotals(cur);
  const previous = sumTotals(prev);
  return {
    period: { from: w.from.toISOString(), to: w.to.toISOString(), bucket: w.bucket, tz: w.tz },
    previousPeriod: { from: w.prevFrom.toISOString(), to: w.from.toISOString() },
    series,
    totals,
    previous,
    negativeShare: share(totals),
    previousNegativeShare: share(previous),
    topSources: agg.topSources,
    topAuthors: agg.topAuthors,
    topClusters: agg.topClusters,
    trendingTerms: risingTerms(countTerms(curTexts), curTexts.length, countTerms(prevTexts), prevTexts.length),
    termSample: { current: curTexts.length, previous: prevTexts.length, cap: TERM_SAMPLE },
  };
}
