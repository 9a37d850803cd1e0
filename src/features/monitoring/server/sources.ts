// Sources (來源): the list and one source with their status (last run, last error, items per hour, next run),
// the connectors on offer, and the sentiment correction of a mention. Changes to sources are in source-edit.ts.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { ConnectorInfo, SourceHealth, SourceOut } from '../source-contract.ts';
import { type CollectDeps, connectorsOf, intervalOf, lookup, splitConfig } from './collect.ts';
import { fullText } from './enrich.ts';
import type { IngestDeps } from './ingest.ts';

type Row = {
  id: string;
  kind: string;
  name: string;
  status: string;
  config: unknown;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_at: Date | null;
  consecutive_failures: number;
  last_items: number | null;
  last_duration_ms: number | null;
  next_run_at: Date | null;
  items_total: string;
  items_last_hour: number;
  items_last_day: number;
  created_at: Date;
  version: number;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const BUILT_IN_LABELS: Record<string, string> = { push: 'Push API', import: 'File import', report: 'Employee reports' };

/** The connectors a source can be created with, and what settings each takes (JSON Schema). */
export function connectorInfos(deps: CollectDeps): ConnectorInfo[] {
  return connectorsOf(deps).map((c) => ({
    kind: c.kind,
    label: c.label,
    mode: c.poll ? ('poll' as const) : ('stream' as const),
    defaultIntervalSeconds: c.poll ? (c.defaultIntervalSeconds ?? null) : null,
    configSchema: z.toJSONSchema(c.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  }));
}

function health(r: Row): SourceHealth {
  if (r.status !== 'active') return 'paused';
  if (r.consecutive_failures > 0) return 'failing';
  return r.last_run_at ? 'ok' : 'waiting';
}

function toOut(deps: CollectDeps, r: Row): SourceOut {
  const connector = lookup(deps)(r.kind);
  const mode = connector ? (connector.poll ? 'poll' : 'stream') : r.kind === 'push' ? 'push' : 'other';
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: connector?.label ?? BUILT_IN_LABELS[r.kind] ?? r.kind,
    mode,
    name: r.name,
    status: r.status === 'paused' ? 'paused' : 'active',
    health: health(r),
    config: connector ? splitConfig(r.config).connectorConfig : null,
    intervalSeconds: connector?.poll ? intervalOf(r.config, connector) : null,
    lastRunAt: iso(r.last_run_at),
    lastSuccessAt: iso(r.last_success_at),
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    lastErrorAt: iso(r.last_error_at),
    consecutiveFailures: r.consecutive_failures,
    lastItems: r.last_items,
    lastDurationMs: r.last_duration_ms,
    nextRunAt: r.status === 'active' ? iso(r.next_run_at) : null,
    itemsTotal: Number(r.items_total),
    itemsLastHour: r.items_last_hour,
    itemsPerHour: Math.round((r.items_last_day / 24) * 10) / 10,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

async function query(deps: CollectDeps, orgId: string, id?: string) {
  const now = deps.clock.now().getTime();
  const hour = new Date(now - 3_600_000).toISOString();
  const day = new Date(now - 86_400_000).toISOString();
  const res = await deps.db.execute<Row>(sql`
    SELECT s.*, c.items_last_hour, c.items_last_day FROM sources s,
      LATERAL (SELECT (count(*) FILTER (WHERE m.collected_at >= ${hour}))::int AS items_last_hour, count(*)::int AS items_last_day
               FROM mentions m WHERE m.source_id = s.id AND m.collected_at >= ${day}) c
    WHERE s.org_id = ${orgId} ${id ? sql`AND s.id = ${id}` : sql``}
    ORDER BY s.created_at, s.name`);
  return res.rows.map((r) => toOut(deps, r));
}

/** The organisation's sources with their status and collection counts. */
export async function listSources(deps: CollectDeps, p: Principal): Promise<SourceOut[]> {
  return query(deps, p.orgId);
}

/** One source with its status and settings; another organisation's is not found. */
export async function getSource(deps: CollectDeps, p: Principal, id: string): Promise<SourceOut> {
  const [s] = await query(deps, p.orgId, id);
  if (!s) throw notFound('No such source.');
  return s;
}

/** A person corrects a mention's sentiment; the correction is kept for retraining. */
export async function correctSentiment(
  deps: IngestDeps,
  p: Principal,
  actor: Actor,
  mentionId: number,
  sentiment: 'negative' | 'neutral' | 'positive',
  meta: { requestId?: string; ip?: string },
) {
  const polarity = { negative: -1, neutral: 0, positive: 1 }[sentiment];
  await deps.db.transaction(async (tx) => {
    const res = await tx.execute<{ sentiment: number; title: string | null; text: string }>(
      sql`SELECT sentiment, title, text FROM mentions WHERE id = ${mentionId} AND org_id = ${p.orgId} FOR UPDATE`,
    );
    const m = res.rows[0];
    if (!m) throw notFound('No such mention.');
    await tx.execute(
      sql`UPDATE mentions SET sentiment = ${polarity}, sentiment_score = ${polarity}, sentiment_confidence = 1, sentiment_corrected = true WHERE id = ${mentionId}`,
    );
    await tx.execute(sql`
      INSERT INTO sentiment_corrections (org_id, mention_id, text, sentiment, corrected_by)
      VALUES (${p.orgId}, ${mentionId}, ${fullText(m)}, ${sentiment}, ${p.kind === 'user' ? p.userId : null})`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'mention.sentiment_corrected',
      actor,
      subjectType: 'mention',
      subjectId: String(mentionId),
      data: { before: { sentiment: m.sentiment }, after: { sentiment: polarity } },
      ...meta,
    });
  });
}
