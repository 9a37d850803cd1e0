// One pass over both periods' rows computes the volume per bucket, the top sources, authors and
// repost clusters (GROUPING SETS), so the period is read once however many lists the dashboard shows.
import { sql } from 'drizzle-orm';
import type { DashboardData } from '../dashboard-contract.ts';
import { type Bucket, num, scope, type Window } from './dashboard-sql.ts';
import type { IngestDeps } from './ingest.ts';

const TOP = 10;
// GROUPING(b.start, m.source_id, m.author, b.cluster): a bit is set for each column a set leaves out.
const SET = { volume: 0b0111, source: 0b1011, author: 0b1001, cluster: 0b1110 } as const;

type Row = Record<string, unknown>;

/**
 * Buckets of both periods, and the current period's top sources, authors (by summed reach estimate) and
 * clusters. A cluster row groups only reposts (id ≠ cluster_id), so originals add no groups.
 */
async function aggregate(deps: IngestDeps, orgId: string, topicId: string | undefined, w: Window) {
  const unit = w.bucket;
  const query = sql`
    WITH agg AS (
      SELECT GROUPING(b.start, m.source_id, m.author, b.cluster) AS g, b.current, b.start, m.source_id, m.author, b.cluster,
        count(*) AS n, count(*) FILTER (WHERE m.sentiment = -1) AS negative, count(*) FILTER (WHERE m.sentiment = 0) AS neutral,
        count(*) FILTER (WHERE m.sentiment = 1) AS positive, coalesce(sum(m.reach), 0) AS reach, max(m.author_followers) AS followers
      FROM mentions m CROSS JOIN LATERAL (SELECT date_trunc(${unit}, m.published_at, ${w.tz}) AS start,
        m.published_at >= ${w.from.toISOString()}::timestamptz AS current,
        CASE WHEN m.id <> m.cluster_id THEN m.cluster_id END AS cluster) b
      WHERE ${scope(orgId, topicId, w.prevFrom, w.to)}
      GROUP BY GROUPING SETS ((b.current, b.start), (b.current, m.source_id), (b.current, m.author, m.source_id), (b.current, b.cluster)))
    SELECT 'volume' AS kind, *, (start AT TIME ZONE ${w.tz} + ${`1 ${unit}`}::interval) AT TIME ZONE ${w.tz} AS "end"
      FROM agg WHERE g = ${SET.volume}
    UNION ALL (SELECT 'source', *, NULL FROM agg WHERE g = ${SET.source} AND current ORDER BY n DESC, source_id LIMIT ${TOP})
    UNION ALL (SELECT 'author', *, NULL FROM agg WHERE g = ${SET.author} AND current AND author IS NOT NULL
      ORDER BY reach DESC, n DESC, author LIMIT ${TOP})
    UNION ALL (SELECT 'cluster', *, NULL FROM agg WHERE g = ${SET.cluster} AND current AND cluster IS NOT NULL
      ORDER BY n DESC, cluster LIMIT ${TOP})`;
  // With the default 4 MB the planner sorts the rows once per grouping set (external merges on disk);
  // with room for the hash tables (tens of thousands of authors and clusters) it hashes all sets in one pass.
  const res = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    return tx.execute<Row>(query);
  });
  const of = (kind: string) => res.rows.filter((r) => r.kind === kind);
  return { volume: of('volume'), sources: of('source'), authors: of('author'), clusters: of('cluster') };
}

/** The first mention of each cluster, and whether it falls in the period (and topic) itself. */
async function originals(deps: IngestDeps, orgId: string, topicId: string | undefined, w: Window, clusterIds: number[]) {
  if (clusterIds.length === 0) return new Map<number, Row>();
  const res = await deps.db.execute<Row>(sql`
    SELECT m.id, left(m.text, 200) AS sample, m.url, m.published_at, m.source_id, m.sentiment,
      (${scope(orgId, topicId, w.from, w.to)}) AS in_period
    FROM mentions m WHERE m.id = ANY(${sql.param(clusterIds)}::bigint[]) AND m.org_id = ${orgId}`);
  return new Map(res.rows.map((r) => [num(r.id), r]));
}

async function sourceNames(deps: IngestDeps, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const res = await deps.db.execute<{ id: string; name: string }>(
    sql`SELECT id, name FROM sources WHERE org_id = ${orgId} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return new Map(res.rows.map((r) => [r.id, r.name]));
}

/** Everything the dashboard counts, from one pass over the rows plus two small look-ups. */
export async function aggregatePeriod(deps: IngestDeps, orgId: string, topicId: string | undefined, w: Window) {
  const a = await aggregate(deps, orgId, topicId, w);
  const firsts = await originals(
    deps,
    orgId,
    topicId,
    w,
    a.clusters.map((r) => num(r.cluster)),
  );
  const ids = [...a.sources, ...a.authors, ...firsts.values()].map((r) => r.source_id as string);
  const names = await sourceNames(deps, orgId, [...new Set(ids)]);
  const buckets: Bucket[] = a.volume.map((r) => ({
    current: Boolean(r.current),
    start: new Date(r.start as string),
    end: new Date(r.end as string),
    mentions: num(r.n),
    negative: num(r.negative),
    neutral: num(r.neutral),
    positive: num(r.positive),
    reach: num(r.reach),
  }));
  const name = (id: unknown) => names.get(id as string) ?? '';
  const topSources: DashboardData['topSources'] = a.sources.map((r) => ({
    sourceId: r.source_id as string,
    name: name(r.source_id),
    count: num(r.n),
    negative: num(r.negative),
  }));
  topSources.sort((x, y) => y.count - x.count || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const topAuthors: DashboardData['topAuthors'] = a.authors.map((r) => ({
    author: r.author as string,
    sourceId: r.source_id as string,
    sourceName: name(r.source_id),
    reach: num(r.reach),
    count: num(r.n),
    followers: r.followers === null ? null : num(r.followers),
  }));
  const topClusters: DashboardData['topClusters'] = a.clusters.flatMap((r) => {
    const o = firsts.get(num(r.cluster));
    if (!o) return [];
    const own = Boolean(o.in_period);
    return [
      {
        clusterId: num(r.cluster),
        sample: o.sample as string,
        url: (o.url as string | null) ?? null,
        sourceName: name(o.source_id),
        mentions: num(r.n) + (own ? 1 : 0),
        reposts: num(r.n),
        firstSeen: new Date(o.published_at as string).toISOString(),
        negative: num(r.negative) + (own && num(o.sentiment) === -1 ? 1 : 0),
      },
    ];
  });
  return { buckets, topSources, topAuthors, topClusters };
}
