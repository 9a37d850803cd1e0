// Topics (監測主題): named boolean queries. Saving validates the query; history can be re-tagged.
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { normalise } from '../../../platform/text/normalise.ts';
import { matchTopic, parseTopicQuery, searchPlan, type TopicQuery } from '../topic-query.ts';
import { fullText } from './enrich.ts';
import type { IngestDeps } from './ingest.ts';
import { topics } from './schema.ts';
import { mentionView } from './search.ts';

type Meta = { requestId?: string; ip?: string };

/** Parses a query or throws a validation error pointing at the offending range. */
export function validQuery(source: string): TopicQuery {
  const parsed = parseTopicQuery(source);
  if (!parsed.ok) {
    throw new AppError('validation_failed', 'The topic query is not valid.', {
      errors: parsed.errors.map((e) => ({ path: 'query', message: e.message, code: e.code, limit: e.offset })),
    });
  }
  return parsed.query;
}

function view(t: typeof topics.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    query: t.query,
    description: t.description,
    archived: t.archived,
    sensitivity: t.sensitivity as 'low' | 'normal' | 'high',
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** The organisation's topics. */
export async function listTopics(deps: IngestDeps, p: Principal) {
  const rows = await deps.db.select().from(topics).where(eq(topics.orgId, p.orgId)).orderBy(asc(topics.createdAt));
  return rows.map(view);
}

/** Creates a topic and tags the history it matches. */
export async function createTopic(
  deps: IngestDeps,
  p: Principal,
  actor: Actor,
  input: { name: string; query: string; description?: string | null; sensitivity?: 'low' | 'normal' | 'high' },
  meta: Meta,
) {
  validQuery(input.query);
  const t = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(topics)
      .values({
        orgId: p.orgId,
        name: input.name,
        query: input.query,
        description: input.description ?? null,
        sensitivity: input.sensitivity ?? 'normal',
      })
      .returning();
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'topic.created',
      actor,
      subjectType: 'topic',
      subjectId: row.id,
      data: { after: { name: row.name, query: row.query, sensitivity: row.sensitivity } },
      ...meta,
    });
    return row;
  });
  await reapplyTopic(deps, p, t.id);
  return view(t);
}

/** Changes a topic; a changed query is re-applied to history. */
export async function updateTopic(
  deps: IngestDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { name?: string; query?: string; description?: string | null; archived?: boolean; sensitivity?: 'low' | 'normal' | 'high' },
  meta: Meta,
) {
  const [before] = await deps.db
    .select()
    .from(topics)
    .where(and(eq(topics.id, id), eq(topics.orgId, p.orgId)));
  if (!before) throw notFound('No such topic.');
  if (input.query !== undefined) validQuery(input.query);
  const t = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(topics)
      .set({ ...input, version: sql`${topics.version} + 1`, updatedAt: deps.clock.now() })
      .where(eq(topics.id, id))
      .returning();
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'topic.updated',
      actor,
      subjectType: 'topic',
      subjectId: id,
      data: {
        before: { name: before.name, query: before.query, archived: before.archived, sensitivity: before.sensitivity },
        after: { name: row.name, query: row.query, archived: row.archived, sensitivity: row.sensitivity },
      },
      ...meta,
    });
    return row;
  });
  if (input.query !== undefined && input.query !== before.query) await reapplyTopic(deps, p, id);
  return view(t);
}

/** Re-tags every stored mention with the topic's current query, in chunks (index pre-filter, exact recheck). */
export async function reapplyTopic(deps: IngestDeps, p: Principal, id: string) {
  const [t] = await deps.db
    .select()
    .from(topics)
    .where(and(eq(topics.id, id), eq(topics.orgId, p.orgId)));
  if (!t) throw notFound('No such topic.');
  const query = validQuery(t.query);
  const plan = searchPlan(query);
  await deps.db.execute(
    sql`UPDATE mentions SET topic_ids = array_remove(topic_ids, ${id}::uuid) WHERE org_id = ${p.orgId} AND topic_ids @> ARRAY[${id}]::uuid[]`,
  );
  let after = 0;
  let tagged = 0;
  for (;;) {
    const res = await deps.db.execute<{ id: string; title: string | null; text: string }>(sql`
      SELECT id, title, text FROM mentions WHERE org_id = ${p.orgId} AND id > ${after}
      ${plan ? sql`AND search @@ ${plan}::tsquery` : sql``} ORDER BY id LIMIT 5000`);
    if (res.rows.length === 0) break;
    after = Number(res.rows[res.rows.length - 1].id);
    const hits = res.rows.filter((r) => matchTopic(query, normalise(fullText(r)))).map((r) => Number(r.id));
    if (hits.length) {
      await deps.db.execute(
        sql`UPDATE mentions SET topic_ids = array_append(topic_ids, ${id}::uuid) WHERE id = ANY(${sql.param(hits)}::bigint[])`,
      );
      tagged += hits.length;
    }
  }
  return { tagged };
}

/** "Test against the last 7 days": how many stored mentions a draft query matches, and the newest few. */
export async function previewTopic(deps: IngestDeps, p: Principal, source: string, days: number) {
  const query = validQuery(source);
  const plan = searchPlan(query);
  const since = new Date(deps.clock.now().getTime() - days * 86_400_000).toISOString();
  const res = await deps.db.execute<Record<string, unknown>>(sql`
    SELECT m.*, s.name AS source_name FROM mentions m JOIN sources s ON s.id = m.source_id
    WHERE m.org_id = ${p.orgId} AND m.published_at >= ${since} ${plan ? sql`AND m.search @@ ${plan}::tsquery` : sql``}
    ORDER BY m.published_at DESC LIMIT 20000`);
  const matched = res.rows.filter((r) => matchTopic(query, normalise(fullText(r as { title: string | null; text: string }))));
  return { count: matched.length, capped: res.rows.length === 20000, sample: matched.slice(0, 20).map((r) => mentionView(r, query)) };
}
