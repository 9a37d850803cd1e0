// The ingest pipeline: validate each item, understand it, drop resent items, cluster reposts, and
// store the batch with one bulk insert in one transaction. A bad item never sinks the batch; an
// acknowledged batch is committed (durable) before the answer is sent.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { type MentionInput, mentionInput, type PushResult, type RejectionCode } from '../contract.ts';
import { assignClusters, storeClusterKeys } from './clusters.ts';
import { type EnrichedMention, enrichMention } from './enrich.ts';
import { activeTopics } from './topics-cache.ts';

/** What ingestMentions needs; `onIngested` runs in each batch's transaction (the early-warning feature queues a detection tick there). */
export type IngestDeps = { db: Db; clock: Clock; onIngested?: (tx: Executor, orgId: string, accepted: number) => Promise<void> };
type Item = PushResult['items'][number];

const EARLIEST = Date.parse('1990-01-01T00:00:00Z');
const FUTURE_SLACK_MS = 24 * 3_600_000;

/** A rejected item: the English reason (unchanged API text), a stable code, and the field it concerns. */
export type Rejected = { ok: false; reason: string; code: RejectionCode; field?: string };
type Issue = z.core.$ZodIssue;

// The code of a zod issue: refinements name theirs in params.code; the rest follow from the field and the issue.
function codeOf(i: Issue, raw: unknown): RejectionCode {
  if (i.code === 'custom') return (i.params?.code as RejectionCode | undefined) ?? 'invalid';
  if (i.code === 'unrecognized_keys') return 'unknown_field';
  const top = i.path[0];
  if (top === undefined) return 'not_object';
  if (i.code === 'invalid_type' && i.path.length === 1 && (raw as Record<PropertyKey, unknown>)[top] === undefined) return 'missing_field';
  if (top === 'publishedAt') return 'bad_date';
  if (top === 'lang') return 'bad_lang';
  if (top === 'authorFollowers' || (top === 'metrics' && i.path.length > 1)) return 'bad_number';
  if (i.code === 'too_big' && i.origin === 'string') return 'text_too_long';
  if (top === 'url') return 'bad_url';
  if (i.code === 'too_small' && i.origin === 'string') return 'missing_field'; // a blank source
  return 'invalid';
}

function rejectionOf(issues: Issue[], raw: unknown): Rejected {
  const i = issues[0];
  const where = i.path.map(String).join('.');
  const field = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]].map(String).join('.') : where || undefined;
  return { ok: false, reason: where ? `${where}: ${i.message}` : i.message, code: codeOf(i, raw), field };
}

/** Validates one raw item; returns the parsed mention or why it is rejected. */
export function validateItem(raw: unknown, now: Date): { ok: true; value: MentionInput } | Rejected {
  const r = mentionInput.safeParse(raw);
  if (!r.success) return rejectionOf(r.error.issues, raw);
  const t = Date.parse(r.data.publishedAt);
  if (t < EARLIEST) return { ok: false, reason: 'publishedAt: before 1990', code: 'date_too_old', field: 'publishedAt' };
  if (t > now.getTime() + FUTURE_SLACK_MS)
    return { ok: false, reason: 'publishedAt: in the future', code: 'date_in_future', field: 'publishedAt' };
  if (r.data.raw !== undefined) {
    const raw = JSON.stringify(r.data.raw) ?? '';
    if (raw.length > 64 * 1024) return { ok: false, reason: 'raw: larger than 64 KiB', code: 'raw_too_large', field: 'raw' };
    if (!raw.isWellFormed()) return { ok: false, reason: 'raw: invalid Unicode', code: 'invalid_unicode', field: 'raw' };
  }
  return { ok: true, value: r.data };
}

/** Finds or creates the push sources named in a batch (`names` sorted, so concurrent batches insert in one order); returns name → {id, kind, status}. */
async function resolveSources(tx: Executor, orgId: string, names: string[]) {
  const known = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM sources WHERE org_id = ${orgId} AND name = ANY(${sql.param(names)}::text[])`,
  );
  if (known.rows[0].n < names.length) {
    await tx.execute(sql`
      INSERT INTO sources (org_id, kind, name) SELECT ${orgId}, 'push', n FROM unnest(${sql.param(names)}::text[]) AS n
      ON CONFLICT (org_id, name) DO NOTHING`);
  }
  const rows = await tx.execute<{ id: string; name: string; kind: string; status: string }>(
    sql`SELECT id, name, kind, status FROM sources WHERE org_id = ${orgId} AND name = ANY(${sql.param(names)}::text[])`,
  );
  return new Map(rows.rows.map((r) => [r.name, r]));
}

/** Ingests a batch for an organisation. `raws` are unvalidated items from the internet. */
export async function ingestMentions(
  deps: IngestDeps,
  orgId: string,
  actor: Actor,
  raws: unknown[],
  meta: { requestId?: string; ip?: string } = {},
  /** `collectorId`: the polled/streamed source collecting this batch (its items name it, and it need not be a push source). */
  opts: { collectorId?: string } = {},
) {
  const now = deps.clock.now();
  const items: Item[] = raws.map((_, index) => ({ index, status: 'rejected' }));
  const valid: Array<{ index: number; m: MentionInput }> = [];
  const seen = new Set<string>();
  raws.forEach((raw, index) => {
    const v = validateItem(raw, now);
    if (!v.ok) {
      const item = items[index];
      item.reason = v.reason;
      item.code = v.code;
      if (v.field !== undefined) item.field = v.field;
      return;
    }
    const key = `${v.value.source}\u0000${v.value.externalId ?? v.value.url}`;
    if (seen.has(key)) items[index] = { index, status: 'duplicate', reason: 'repeated in this batch' };
    else {
      seen.add(key);
      valid.push({ index, m: v.value });
    }
  });
  const topics = await activeTopics(deps.db, orgId);
  const enriched = valid.map((v) => ({ index: v.index, e: enrichMention(v.m, topics) }));
  await deps.db.transaction(async (tx) => {
    const sources = await resolveSources(tx, orgId, [...new Set(enriched.map((x) => x.e.input.source))].sort());
    const storable: Array<{ index: number; e: EnrichedMention; sourceId: string }> = [];
    const reject = (index: number, reason: string, code: RejectionCode) => {
      const item = items[index];
      item.reason = reason;
      item.code = code;
      item.field = 'source';
    };
    for (const x of enriched) {
      const s = sources.get(x.e.input.source);
      if (!s) reject(x.index, 'source: unknown', 'source_unknown');
      else if (s.kind !== 'push' && s.id !== opts.collectorId)
        reject(x.index, `source: "${s.name}" is a ${s.kind} source, not a push source`, 'source_not_push');
      else if (s.status !== 'active') reject(x.index, `source: "${s.name}" is paused`, 'source_paused');
      else storable.push({ ...x, sourceId: s.id });
    }
    const stored = await insertMentions(tx, orgId, storable, now);
    for (const x of storable) {
      const id = stored.get(x.index);
      items[x.index] =
        id === undefined ? { index: x.index, status: 'duplicate', reason: 'already stored' } : { index: x.index, status: 'accepted', id };
    }
    const counts = tally(items);
    await recordSourceRun(tx, storable, stored, now);
    if (counts.accepted > 0) await deps.onIngested?.(tx, orgId, counts.accepted);
    await recordEvent(tx, deps.clock, {
      orgId,
      type: 'mention.batch_ingested',
      actor,
      subjectType: 'mentions',
      data: { ...counts, sources: [...sources.keys()] },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  return { ...tally(items), items };
}

function tally(items: Item[]) {
  const c = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const i of items) c[i.status]++;
  return c;
}

async function recordSourceRun(tx: Executor, storable: Array<{ index: number; sourceId: string }>, stored: Map<number, number>, now: Date) {
  const perSource = new Map<string, number>();
  for (const x of storable) if (stored.has(x.index)) perSource.set(x.sourceId, (perSource.get(x.sourceId) ?? 0) + 1);
  // In one order (by id) across all transactions: concurrent batches naming the same sources in
  // different orders would otherwise deadlock on the rows.
  for (const sourceId of [...new Set(storable.map((x) => x.sourceId))].sort()) {
    await tx.execute(sql`
      UPDATE sources SET items_total = items_total + ${perSource.get(sourceId) ?? 0}, last_run_at = ${now.toISOString()},
        last_success_at = ${now.toISOString()}, consecutive_failures = 0 WHERE id = ${sourceId}`);
  }
}

/**
 * One bulk INSERT … SELECT unnest(…) of the batch; returns batch index → new id for rows not already stored.
 * Only a cluster's first mention gets lookup keys (storeClusterKeys), so a story reposted 500 times is one candidate.
 */
async function insertMentions(
  tx: Executor,
  orgId: string,
  rows: Array<{ index: number; e: EnrichedMention; sourceId: string }>,
  now: Date,
) {
  const out = new Map<number, number>();
  if (rows.length === 0) return out;
  const ids = await tx.execute<{ id: string }>(
    sql`SELECT nextval(pg_get_serial_sequence('mentions', 'id')) AS id FROM generate_series(1, ${rows.length})`,
  );
  const preIds = ids.rows.map((r) => Number(r.id));
  const clusters = await assignClusters(
    tx,
    orgId,
    rows.map((r, i) => ({ id: preIds[i], simhash: r.e.simhash, publishedAt: r.e.publishedAt })),
  );
  const col = <T>(f: (r: (typeof rows)[number], i: number) => T) => sql.param(rows.map(f));
  const inserted = await tx.execute<{ id: string }>(sql`
    INSERT INTO mentions (id, org_id, source_id, external_key, url, author, author_followers, title, text, lang, published_at,
      collected_at, likes, shares, comments, views, reach, text_hash, simhash, cluster_id, sentiment, sentiment_score,
      sentiment_confidence, topic_ids, search, raw)
    OVERRIDING SYSTEM VALUE
    SELECT u.id, ${orgId}, u.source_id, u.external_key, u.url, u.author, u.author_followers, u.title, u.text, u.lang, u.published_at,
      ${now.toISOString()}, u.likes, u.shares, u.comments, u.views, u.reach, u.text_hash, u.simhash, u.cluster_id, u.sentiment,
      u.sentiment_score, u.sentiment_confidence, u.topic_ids::uuid[], u.search::tsvector, u.raw::jsonb
    FROM unnest(${sql.param(preIds)}::bigint[], ${col((r) => r.sourceId)}::uuid[], ${col((r) => r.e.externalKey)}::text[],
      ${col((r) => r.e.input.url ?? null)}::text[], ${col((r) => r.e.input.author ?? null)}::text[],
      ${col((r) => r.e.input.authorFollowers ?? null)}::int[], ${col((r) => r.e.input.title ?? null)}::text[],
      ${col((r) => r.e.input.text)}::text[], ${col((r) => r.e.lang)}::text[], ${col((r) => r.e.publishedAt.toISOString())}::timestamptz[],
      ${col((r) => r.e.input.metrics?.likes ?? null)}::int[], ${col((r) => r.e.input.metrics?.shares ?? null)}::int[],
      ${col((r) => r.e.input.metrics?.comments ?? null)}::int[], ${col((r) => r.e.input.metrics?.views ?? null)}::bigint[],
      ${col((r) => r.e.reach)}::bigint[], ${col((r) => r.e.textHash)}::text[], ${col((r) => BigInt.asIntN(64, r.e.simhash).toString())}::bigint[],
      ${col((_, i) => clusters[i])}::bigint[], ${col((r) => r.e.sentiment)}::smallint[], ${col((r) => r.e.sentimentScore)}::real[],
      ${col((r) => r.e.sentimentConfidence)}::real[], ${col((r) => `{${r.e.topicIds.join(',')}}`)}::text[], ${col((r) => r.e.search)}::text[],
      ${col((r) => (r.e.input.raw === undefined ? null : JSON.stringify(r.e.input.raw)))}::text[])
      AS u(id, source_id, external_key, url, author, author_followers, title, text, lang, published_at, likes, shares, comments, views,
        reach, text_hash, simhash, cluster_id, sentiment, sentiment_score, sentiment_confidence, topic_ids, search, raw)
    ON CONFLICT (source_id, external_key) DO NOTHING
    RETURNING id`);
  const accepted = new Set(inserted.rows.map((r) => Number(r.id)));
  rows.forEach((r, i) => {
    if (accepted.has(preIds[i])) out.set(r.index, preIds[i]);
  });
  const originals = rows.flatMap((r, i) =>
    accepted.has(preIds[i]) && clusters[i] === preIds[i] ? [{ id: preIds[i], simhash: r.e.simhash, publishedAt: r.e.publishedAt }] : [],
  );
  await storeClusterKeys(tx, orgId, originals);
  return out;
}
