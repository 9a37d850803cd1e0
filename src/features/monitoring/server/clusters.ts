// Repost clusters: a new mention joins the cluster of an earlier one whose SimHash is within
// NEAR_DUPLICATE_DISTANCE (candidates found through 10 LSH keys of ~26 bits), else it starts its own.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { fromSigned, hamming, lshKeys, NEAR_DUPLICATE_DISTANCE } from './simhash.ts';

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
  const keys = [...new Set(items.flatMap((it) => lshKeys(it.simhash)))];
  const since = new Date(Math.min(...items.map((i) => i.publishedAt.getTime())) - WINDOW_MS).toISOString();
  // A btree probe per key (ScalarArrayOp index scan): the cost follows the batch, not the table.
  const found = await tx.execute<{ key: number; simhash: string; mention_id: string }>(sql`
    SELECT key, simhash, mention_id FROM mention_keys
    WHERE org_id = ${orgId} AND key = ANY(${sql.param(keys)}::int[]) AND published_at >= ${since}
    LIMIT ${MAX_CANDIDATES}`);
  const byKey = new Map<number, Candidate[]>();
  const add = (key: number, c: Candidate) => {
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)?.push(c);
  };
  for (const r of found.rows) add(r.key, { simhash: fromSigned(BigInt(r.simhash)), clusterId: Number(r.mention_id) });
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

/** Stores the lookup keys of the stored mentions that started a cluster. */
export async function storeClusterKeys(tx: Executor, orgId: string, originals: Array<{ id: number; simhash: bigint; publishedAt: Date }>) {
  if (originals.length === 0) return;
  const keys: number[] = [];
  const ids: number[] = [];
  const hashes: string[] = [];
  const dates: string[] = [];
  for (const o of originals) {
    for (const k of lshKeys(o.simhash)) {
      keys.push(k);
      ids.push(o.id);
      hashes.push(BigInt.asIntN(64, o.simhash).toString());
      dates.push(o.publishedAt.toISOString());
    }
  }
  await tx.execute(sql`
    INSERT INTO mention_keys (org_id, key, mention_id, simhash, published_at)
    SELECT ${orgId}, * FROM unnest(${sql.param(keys)}::int[], ${sql.param(ids)}::bigint[], ${sql.param(hashes)}::bigint[], ${sql.param(dates)}::timestamptz[])`);
}
