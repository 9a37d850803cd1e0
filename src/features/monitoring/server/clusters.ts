// Repost clusters: a new mention joins the cluster of an earlier one whose SimHash is within
// NEAR_DUPLICATE_DISTANCE (candidates found through 10 LSH keys of ~26 bits, schema.ts clusterKeys),
// else it starts its own.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { fromSigned, hamming, KEYS, lshKeys, NEAR_DUPLICATE_DISTANCE, toSigned } from './simhash.ts';

/** How far back a repost may find its original. */
const WINDOW_MS = 7 * 86_400_000;
/** Most candidate originals read per batch (newest first), so lookups stay bounded as the table grows. */
const MAX_CANDIDATES = 5000;

type Candidate = { simhash: bigint; clusterId: number };

/** Returns the cluster id for each new mention (in order), looking at stored and earlier-in-batch mentions. */
export async function assignClusters(
  tx: Executor,
  orgId: string,
  items: Array<{ id: number; simhash: bigint; publishedAt: Date }>,
): Promise<number[]> {
  // Key t of a new mention is compared with column k<t> only: ten index probes per mention.
  const bands: number[][] = Array.from({ length: KEYS }, () => []);
  for (const it of items) for (const [t, k] of lshKeys(it.simhash).entries()) bands[t].push(k);
  const since = new Date(Math.min(...items.map((i) => i.publishedAt.getTime())) - WINDOW_MS).toISOString();
  const anyKey = sql.join(
    bands.map((keys, t) => sql`${sql.identifier(`k${t}`)} = ANY(${sql.param([...new Set(keys)])}::int[])`),
    sql` OR `,
  );
  // Ten bitmap index probes of ~1,000 keys each (~30 ms a batch). Without this the planner, misled by
  // the long key lists (or by missing statistics on a young table), picks a parallel seq scan that
  // grows with the table (~200 ms at 180k originals).
  await tx.execute(sql`SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0`);
  const found = await tx.execute<{ simhash: string; mention_id: string }>(sql`
    SELECT simhash, mention_id FROM cluster_keys
    WHERE (${anyKey}) AND org_id = ${orgId} AND published_at >= ${since}
    LIMIT ${MAX_CANDIDATES}`);
  await tx.execute(sql`SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL max_parallel_workers_per_gather TO DEFAULT`);
  const byKey = new Map<number, Candidate[]>();
  const add = (key: number, c: Candidate) => {
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)?.push(c);
  };
  for (const r of found.rows) {
    const c = { simhash: fromSigned(BigInt(r.simhash)), clusterId: Number(r.mention_id) };
    for (const k of lshKeys(c.simhash)) add(k, c);
  }
  return items.map((it) => {
    let best: Candidate | undefined;
    let bestDistance = NEAR_DUPLICATE_DISTANCE + 1;
    const own = lshKeys(it.simhash);
    for (const k of own) {
      for (const c of byKey.get(k) ?? []) {
        const d = hamming(it.simhash, c.simhash);
        if (d < bestDistance || (d === bestDistance && best && c.clusterId < best.clusterId)) {
          best = c;
          bestDistance = d;
        }
      }
    }
    const clusterId = best ? best.clusterId : it.id;
    // Later items in the same batch can join this one.
    for (const k of own) add(k, { simhash: it.simhash, clusterId });
    return clusterId;
  });
}

/** Stores the lookup keys of the stored mentions that started a cluster: one row each. */
export async function storeClusterKeys(tx: Executor, orgId: string, originals: Array<{ id: number; simhash: bigint; publishedAt: Date }>) {
  if (originals.length === 0) return;
  const col = <T>(f: (o: (typeof originals)[number]) => T) => sql.param(originals.map(f));
  await tx.execute(sql`
    INSERT INTO cluster_keys (org_id, mention_id, simhash, published_at, k0, k1, k2, k3, k4, k5, k6, k7, k8, k9)
    SELECT ${orgId}, id, simhash, published_at, k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10]
    FROM (SELECT u.id, u.simhash, u.published_at, u.keys::int[] AS k FROM unnest(${col((o) => o.id)}::bigint[], ${col((o) => toSigned(o.simhash).toString())}::bigint[],
      ${col((o) => o.publishedAt.toISOString())}::timestamptz[], ${col((o) => `{${lshKeys(o.simhash).join(',')}}`)}::text[])
      AS u(id, simhash, published_at, keys)) AS o`);
}
