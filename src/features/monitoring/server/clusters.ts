// Repost clusters: a new mention joins the cluster of an earlier one whose SimHash is within
// NEAR_DUPLICATE_DISTANCE (candidates found through its four 16-bit bands, GIN-indexed), else it starts its own.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { bands, fromSigned, hamming, NEAR_DUPLICATE_DISTANCE } from './simhash.ts';

/** How far back a repost may find its original. */
const WINDOW_MS = 30 * 86_400_000;

type Candidate = { simhash: bigint; clusterId: number };

/** The four band keys (band * 65536 + value) stored with a mention and used to find its near duplicates. */
export function bandKeys(h: bigint): number[] {
  return bands(h).map((v, b) => b * 65536 + v);
}

/** Returns the cluster id for each new mention (in order), looking at stored and earlier-in-batch mentions. */
export async function assignClusters(
  tx: Executor,
  orgId: string,
  items: Array<{ id: number; simhash: bigint; publishedAt: Date }>,
): Promise<number[]> {
  const keys = [...new Set(items.flatMap((it) => bandKeys(it.simhash)))];
  const since = new Date(Math.min(...items.map((i) => i.publishedAt.getTime())) - WINDOW_MS).toISOString();
  const found = await tx.execute<{ simhash: string; cluster_id: string; band_keys: number[] }>(sql`
    SELECT simhash, coalesce(cluster_id, id) AS cluster_id, band_keys FROM mentions
    WHERE org_id = ${orgId} AND band_keys && ${sql.param(keys)}::int[] AND published_at >= ${since}`);
  const byKey = new Map<number, Candidate[]>();
  const add = (key: number, c: Candidate) => {
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)?.push(c);
  };
  for (const r of found.rows) {
    const c = { simhash: fromSigned(BigInt(r.simhash)), clusterId: Number(r.cluster_id) };
    for (const k of r.band_keys) add(k, c);
  }
  return items.map((it) => {
    let best: Candidate | undefined;
    let bestDistance = NEAR_DUPLICATE_DISTANCE + 1;
    const own = bandKeys(it.simhash);
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
