// The mention explorer's query: filters, full-text search in Chinese and English (bigram index
// pre-filter, exact recheck on the normalised text), newest first, keyset pages.
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { normalise } from '../../../platform/text/normalise.ts';
import type { Mention, MentionQuery } from '../contract.ts';
import { matchRanges, matchTopic, parseTopicQuery, searchPlan, type TopicQuery } from '../topic-query.ts';
import { fullText } from './enrich.ts';
import type { IngestDeps } from './ingest.ts';

const SENTIMENT = { negative: -1, neutral: 0, positive: 1 } as const;
const LABEL = { '-1': 'negative', '0': 'neutral', '1': 'positive' } as const;
const MAX_ROUNDS = 6;

type Row = Record<string, unknown>;

function parseQuery(q: string): TopicQuery {
  const parsed = parseTopicQuery(q);
  if (!parsed.ok) {
    throw new AppError('validation_failed', 'The search query is not valid.', {
      errors: parsed.errors.map((e) => ({ path: 'q', message: e.message, code: e.code, limit: e.offset })),
    });
  }
  return parsed.query;
}

function filters(orgId: string, f: MentionQuery, plan: string | null): SQL[] {
  const w: SQL[] = [sql`m.org_id = ${orgId}`];
  if (plan) w.push(sql`m.search @@ ${plan}::tsquery`);
  if (f.topicId) w.push(sql`m.topic_ids @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.sourceId) w.push(sql`m.source_id = ${f.sourceId}`);
  if (f.sentiment) w.push(sql`m.sentiment = ${SENTIMENT[f.sentiment]}`);
  if (f.lang) w.push(sql`m.lang = ${f.lang}`);
  if (f.author) w.push(sql`m.author = ${f.author}`);
  if (f.clusterId) w.push(sql`m.cluster_id = ${f.clusterId}`);
  if (f.from) w.push(sql`m.published_at >= ${f.from}`);
  if (f.to) w.push(sql`m.published_at < ${f.to}`);
  return w;
}

/** Row → API shape, with highlight ranges of the query in the text. */
export function mentionView(r: Row, query?: TopicQuery): Mention {
  const text = r.text as string;
  return {
    id: Number(r.id),
    sourceId: r.source_id as string,
    sourceName: (r.source_name as string) ?? '',
    url: (r.url as string) ?? null,
    author: (r.author as string) ?? null,
    authorFollowers: r.author_followers === null ? null : Number(r.author_followers),
    title: (r.title as string) ?? null,
    text,
    lang: r.lang as string,
    publishedAt: new Date(r.published_at as string).toISOString(),
    collectedAt: new Date(r.collected_at as string).toISOString(),
    metrics: {
      likes: r.likes === null ? null : Number(r.likes),
      shares: r.shares === null ? null : Number(r.shares),
      comments: r.comments === null ? null : Number(r.comments),
      views: r.views === null ? null : Number(r.views),
    },
    reachEstimate: Number(r.reach),
    clusterId: r.cluster_id === null ? null : Number(r.cluster_id),
    sentiment: LABEL[String(r.sentiment) as keyof typeof LABEL],
    sentimentScore: Number(r.sentiment_score),
    sentimentConfidence: Number(r.sentiment_confidence),
    sentimentCorrected: Boolean(r.sentiment_corrected),
    topicIds: (r.topic_ids as string[]) ?? [],
    highlights: query ? matchRanges(query, normalise(text)) : [],
    ...(r.cluster_size === undefined || r.cluster_size === null ? {} : { clusterSize: Number(r.cluster_size) }),
  };
}

const COLUMNS = sql`m.id, m.source_id, s.name AS source_name, m.url, m.author, m.author_followers, m.title, m.text, m.lang,
  m.published_at, m.collected_at, m.likes, m.shares, m.comments, m.views, m.reach, m.cluster_id, m.sentiment, m.sentiment_score,
  m.sentiment_confidence, m.sentiment_corrected, m.topic_ids`;

/** Newest-first page of the organisation's mentions matching the filters and search. */
export async function searchMentions(deps: IngestDeps, p: Principal, f: MentionQuery) {
  const query = f.q?.trim() ? parseQuery(f.q) : undefined;
  const plan = query ? searchPlan(query) : null;
  const where = filters(p.orgId, f, plan);
  let cursor: { publishedAt: string; id: number } | undefined;
  if (f.before) {
    const c = await deps.db.execute<{ published_at: Date }>(
      sql`SELECT published_at FROM mentions WHERE id = ${f.before} AND org_id = ${p.orgId}`,
    );
    if (c.rows[0]) cursor = { publishedAt: new Date(c.rows[0].published_at).toISOString(), id: f.before };
  }
  const out: Mention[] = [];
  let exhausted = false;
  for (let round = 0; round < MAX_ROUNDS && out.length < f.limit && !exhausted; round++) {
    const batch = query ? f.limit * 2 + 20 : f.limit + 1;
    const conds = cursor ? [...where, sql`(m.published_at, m.id) < (${cursor.publishedAt}::timestamptz, ${cursor.id})`] : where;
    const res = await deps.db.execute<Row>(sql`
      SELECT ${COLUMNS} FROM mentions m JOIN sources s ON s.id = m.source_id
      WHERE ${sql.join(conds, sql` AND `)} ORDER BY m.published_at DESC, m.id DESC LIMIT ${batch}`);
    exhausted = res.rows.length < batch;
    for (const r of res.rows) {
      cursor = { publishedAt: new Date(r.published_at as string).toISOString(), id: Number(r.id) };
      if (query && !matchTopic(query, normalise(fullText(r as { title: string | null; text: string })))) continue;
      out.push(mentionView(r, query));
      if (out.length > f.limit) break;
    }
  }
  const page = out.slice(0, f.limit);
  const more = out.length > f.limit || !exhausted;
  return { mentions: page, nextBefore: more && page.length ? page[page.length - 1].id : null };
}

/** One mention of the principal's organisation, with the size of its repost cluster. */
export async function getMention(deps: IngestDeps, p: Principal, id: number) {
  const res = await deps.db.execute<Row>(sql`
    SELECT ${COLUMNS}, CASE WHEN m.cluster_id IS NULL THEN NULL ELSE
      (SELECT count(*)::int FROM mentions c WHERE c.cluster_id = m.cluster_id AND c.org_id = m.org_id) END AS cluster_size
    FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.id = ${id} AND m.org_id = ${p.orgId}`);
  if (!res.rows[0]) throw new AppError('not_found', 'No such mention.');
  return mentionView(res.rows[0]);
}
