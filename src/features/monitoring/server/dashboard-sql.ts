// Shared pieces of the dashboard's queries: the window asked for, and the index-friendly row filter.
import { type SQL, sql } from 'drizzle-orm';
import type { DashboardBucket, DashboardData } from '../dashboard-contract.ts';

/** The period, the previous period of the same length [prevFrom, from), the bucket and the time zone of days. */
export type Window = { from: Date; to: Date; prevFrom: Date; bucket: DashboardBucket; tz: string };
/** Counts of one bucket (or one period). */
export type Totals = DashboardData['totals'];
/** One bucket's counts; `current` says which period it belongs to (a bucket straddling `from` comes twice). */
export type Bucket = { current: boolean; start: Date; end: Date } & Totals;

/**
 * Rows of one organisation published in [lo, hi), optionally of one topic: served by
 * (org_id, published_at) and, for a topic, the GIN index on topic_ids (BitmapAnd when both help).
 */
export function scope(orgId: string, topicId: string | undefined, lo: Date, hi: Date): SQL {
  const w = [
    sql`m.org_id = ${orgId}`,
    sql`m.published_at >= ${lo.toISOString()}::timestamptz`,
    sql`m.published_at < ${hi.toISOString()}::timestamptz`,
  ];
  if (topicId) w.push(sql`m.topic_ids @> ARRAY[${topicId}]::uuid[]`);
  return sql.join(w, sql` AND `);
}

/** A count from PostgreSQL (bigint arrives as a string). */
export const num = (v: unknown) => Number(v ?? 0);
