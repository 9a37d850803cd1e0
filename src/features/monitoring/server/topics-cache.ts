// Compiled topic queries per organisation, reloaded when any topic changes (checked per batch,
// so every app process sees edits at once; the cache only saves re-parsing).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { matchTopic, parseTopicQuery } from '../topic-query.ts';

/** A topic ready to test normalised text against. */
export type CompiledTopic = { id: string; name: string; matches: (normalised: string) => boolean };

const cache = new Map<string, { stamp: string; topics: CompiledTopic[] }>();

/** The organisation's active topics, compiled. */
export async function activeTopics(db: Executor, orgId: string): Promise<CompiledTopic[]> {
  const stamp = await db.execute<{ stamp: string }>(
    sql`SELECT count(*) || ':' || coalesce(max(version + extract(epoch FROM updated_at))::text, '') AS stamp FROM topics WHERE org_id = ${orgId} AND NOT archived`,
  );
  const key = stamp.rows[0].stamp;
  const hit = cache.get(orgId);
  if (hit && hit.stamp === key) return hit.topics;
  const rows = await db.execute<{ id: string; name: string; query: string }>(
    sql`SELECT id, name, query FROM topics WHERE org_id = ${orgId} AND NOT archived ORDER BY created_at`,
  );
  const topics: CompiledTopic[] = [];
  for (const r of rows.rows) {
    const parsed = parseTopicQuery(r.query);
    if (!parsed.ok) continue; // saved queries are validated; a stale invalid one matches nothing
    const q = parsed.query;
    topics.push({ id: r.id, name: r.name, matches: (text) => matchTopic(q, text) });
  }
  cache.set(orgId, { stamp: key, topics });
  return topics;
}
