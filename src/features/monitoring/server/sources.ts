// Sources (來源): status for the settings page, and pause/resume.
import { sql } from 'drizzle-orm';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { fullText } from './enrich.ts';
import type { IngestDeps } from './ingest.ts';

type Row = {
  id: string;
  kind: string;
  name: string;
  status: string;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  items_total: string;
  items_last_hour: number;
  version: number;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The organisation's sources with last run, last error and items collected in the past hour. */
export async function listSources(deps: IngestDeps, p: Principal) {
  const since = new Date(deps.clock.now().getTime() - 3_600_000).toISOString();
  const res = await deps.db.execute<Row>(sql`
    SELECT s.*, (SELECT count(*)::int FROM mentions m WHERE m.source_id = s.id AND m.collected_at >= ${since}) AS items_last_hour
    FROM sources s WHERE s.org_id = ${p.orgId} ORDER BY s.created_at, s.name`);
  return res.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    status: r.status as 'active' | 'paused',
    lastRunAt: iso(r.last_run_at),
    lastSuccessAt: iso(r.last_success_at),
    lastError: r.last_error,
    lastErrorAt: iso(r.last_error_at),
    itemsTotal: Number(r.items_total),
    itemsLastHour: r.items_last_hour,
    version: r.version,
  }));
}

/** Pauses or resumes a source: a paused push source rejects items with a clear reason. */
export async function setSourceStatus(
  deps: IngestDeps,
  p: Principal,
  actor: Actor,
  id: string,
  status: 'active' | 'paused',
  meta: { requestId?: string; ip?: string },
) {
  await deps.db.transaction(async (tx) => {
    const res = await tx.execute<{ status: string }>(sql`SELECT status FROM sources WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`);
    if (!res.rows[0]) throw notFound('No such source.');
    await tx.execute(sql`UPDATE sources SET status = ${status}, version = version + 1 WHERE id = ${id}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'source.updated',
      actor,
      subjectType: 'source',
      subjectId: id,
      data: { before: { status: res.rows[0].status }, after: { status } },
      ...meta,
    });
  });
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
