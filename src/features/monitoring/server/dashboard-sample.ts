// A bounded sample of a period's texts for trending terms, spread over the period in proportion to volume.
import { sql } from 'drizzle-orm';
import { type Bucket, scope } from './dashboard-sql.ts';
import { fullText } from './enrich.ts';
import type { IngestDeps } from './ingest.ts';

/** Most mentions per period read for trending terms. */
export const TERM_SAMPLE = 2000;
/** Up to this many matching rows, one indexed query reads them all and the sample is taken in memory. */
const READ_ALL_UP_TO = 5 * TERM_SAMPLE;
/** Characters of a text read for terms. */
const TEXT_CHARS = 600;

/** Splits `total` into integer parts proportional to `weights` that add up exactly (largest remainders). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** `n` items evenly spaced through a time-ordered list (so every part of the period is represented). */
export function evenly<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / n)]);
}

/**
 * Texts of one period: all of them up to TERM_SAMPLE. Up to READ_ALL_UP_TO rows (a topic, mostly), one
 * query through the indexes (a BitmapAnd of GIN and btree for a topic) and an even pick in memory; beyond
 * that, per bucket the newest rows in proportion to its volume, each a short backward index scan.
 */
export async function sampleTexts(deps: IngestDeps, orgId: string, topicId: string | undefined, lo: Date, hi: Date, buckets: Bucket[]) {
  const total = buckets.reduce((n, b) => n + b.mentions, 0);
  if (total === 0) return [];
  let rows: Array<{ title: string | null; text: string }>;
  if (total <= READ_ALL_UP_TO) {
    const res = await deps.db.execute<{ title: string | null; text: string }>(sql`
      SELECT m.title, left(m.text, ${TEXT_CHARS}) AS text FROM mentions m WHERE ${scope(orgId, topicId, lo, hi)}
      ORDER BY m.published_at, m.id LIMIT ${READ_ALL_UP_TO}`);
    rows = evenly(res.rows, TERM_SAMPLE);
  } else {
    const shares = apportion(
      TERM_SAMPLE,
      buckets.map((b) => b.mentions),
    );
    const parts = buckets
      .map((b, i) => ({ lo: b.start < lo ? lo : b.start, hi: b.end > hi ? hi : b.end, n: shares[i] }))
      .filter((p) => p.n > 0);
    const topic = topicId ? sql`AND m.topic_ids @> ARRAY[${topicId}]::uuid[]` : sql``;
    const res = await deps.db.execute<{ title: string | null; text: string }>(sql`
      SELECT x.title, x.text FROM unnest(${sql.param(parts.map((p) => p.lo.toISOString()))}::timestamptz[],
        ${sql.param(parts.map((p) => p.hi.toISOString()))}::timestamptz[], ${sql.param(parts.map((p) => p.n))}::int[]) AS b(lo, hi, n)
      CROSS JOIN LATERAL (
        SELECT m.title, left(m.text, ${TEXT_CHARS}) AS text FROM mentions m
        WHERE m.org_id = ${orgId} AND m.published_at >= b.lo AND m.published_at < b.hi ${topic}
        ORDER BY m.published_at DESC LIMIT b.n) x`);
    rows = res.rows;
  }
  return rows.map((r) => fullText(r));
}
