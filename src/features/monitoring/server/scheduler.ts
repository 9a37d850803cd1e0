// Polling: one source at a time (`pollSource`), and the minute tick that finds every source that is due.
// Background jobs (scheduler-worker.ts) call these; tests call them directly with a test clock.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import {
  backoffMs,
  type CollectDeps,
  connectorFetch,
  connectorsOf,
  ingestCollected,
  intervalOf,
  lookup,
  recordFailure,
  recordSuccess,
  splitConfig,
} from './collect.ts';
import type { PollResult } from './connectors/types.ts';

/** Advisory lock namespace for "this source is being polled" (second key: hashtext(source id)). */
const POLL_LOCK = 715_101;

/** What one poll did, for jobs, tests and the "run now" button. */
export type PollOutcome =
  | { status: 'skipped'; reason: 'busy' | 'not_found' | 'paused' | 'not_due' | 'not_polled' }
  | { status: 'ok'; accepted: number; duplicate: number; rejected: number; notModified: boolean; nextRunAt: string }
  | { status: 'error'; message: string; nextRunAt: string };

type SourceRow = {
  id: string;
  org_id: string;
  kind: string;
  name: string;
  status: string;
  config: unknown;
  etag: string | null;
  last_modified: string | null;
  next_run_at: Date | null;
  consecutive_failures: number;
};

/**
 * Polls one source if it is active and due (or `force`): a conditional GET through its connector, the new items
 * through the ingest pipeline, then its status (validators, counts, next run; or the error and a back-off).
 * A transaction-scoped advisory lock, held for the whole poll, keeps two processes from polling it at once.
 */
export async function pollSource(
  deps: CollectDeps,
  sourceId: string,
  opts: { force?: boolean; signal?: AbortSignal } = {},
): Promise<PollOutcome> {
  return deps.db.transaction(async (lockTx) => {
    const got = await lockTx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${POLL_LOCK}, hashtext(${sourceId})) AS ok`);
    if (!got.rows[0].ok) return { status: 'skipped', reason: 'busy' } as const;
    const res = await lockTx.execute<SourceRow>(sql`SELECT * FROM sources WHERE id = ${sourceId}`);
    const s = res.rows[0];
    if (!s) return { status: 'skipped', reason: 'not_found' } as const;
    const connector = lookup(deps)(s.kind);
    if (!connector?.poll) return { status: 'skipped', reason: 'not_polled' } as const;
    if (s.status !== 'active') return { status: 'skipped', reason: 'paused' } as const;
    const now = deps.clock.now();
    if (!opts.force && s.next_run_at && new Date(s.next_run_at).getTime() > now.getTime())
      return { status: 'skipped', reason: 'not_due' } as const;
    return runPoll(deps, s, connector, now, opts.signal);
  });
}

async function runPoll(
  deps: CollectDeps,
  s: SourceRow,
  connector: NonNullable<ReturnType<ReturnType<typeof lookup>>>,
  now: Date,
  signal?: AbortSignal,
): Promise<PollOutcome> {
  const started = performance.now();
  const intervalMs = intervalOf(s.config, connector) * 1000;
  const fail = async (code: string, message: string, retryAfterMs?: number): Promise<PollOutcome> => {
    const nextRunAt = new Date(now.getTime() + backoffMs(s.consecutive_failures + 1, intervalMs, retryAfterMs));
    await recordFailure(deps.db, s.id, now, { code, message, durationMs: performance.now() - started, nextRunAt });
    return { status: 'error', message, nextRunAt: nextRunAt.toISOString() };
  };
  const parsed = connector.configSchema.safeParse(splitConfig(s.config).connectorConfig);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return fail(
      'invalid_config',
      `The source's settings are invalid (${i.path.join('.') || 'config'}: ${i.message}). Edit the source to fix them.`,
    );
  }
  let result: PollResult;
  try {
    result = await connector.poll!({
      config: parsed.data,
      etag: s.etag ?? undefined,
      lastModified: s.last_modified ?? undefined,
      fetch: connectorFetch(deps),
      clock: deps.clock,
      signal,
    });
  } catch (e) {
    // Connectors must not throw; if one does, it is still only this source's error.
    result = {
      ok: false,
      error: { code: 'connector_failed', message: `The connector failed: ${String(e).slice(0, 300)}`, transient: true },
    };
  }
  if (!result.ok) return fail(result.error.code, result.error.message, result.error.retryAfterMs);
  const counts = await ingestCollected(deps, { id: s.id, orgId: s.org_id }, result.items);
  const nextRunAt = new Date(now.getTime() + intervalMs);
  await recordSuccess(deps.db, s.id, now, {
    items: counts.accepted,
    durationMs: performance.now() - started,
    nextRunAt,
    etag: result.etag ?? null,
    lastModified: result.lastModified ?? null,
  });
  return {
    status: 'ok',
    accepted: counts.accepted,
    duplicate: counts.duplicate,
    rejected: counts.rejected,
    notModified: result.notModified,
    nextRunAt: nextRunAt.toISOString(),
  };
}

/** Active polled sources whose next run is due (never-run sources first), at most `limit`. */
export async function dueSources(deps: CollectDeps, limit = 500): Promise<string[]> {
  const kinds = pollKinds(deps);
  if (kinds.length === 0) return [];
  const res = await deps.db.execute<{ id: string }>(sql`
    SELECT id FROM sources
    WHERE status = 'active' AND kind = ANY(${sql.param(kinds)}::text[])
      AND (next_run_at IS NULL OR next_run_at <= ${deps.clock.now().toISOString()})
    ORDER BY next_run_at NULLS FIRST LIMIT ${limit}`);
  return res.rows.map((r) => r.id);
}

/** Kinds whose connector polls. */
function pollKinds(deps: CollectDeps): string[] {
  return connectorsOf(deps)
    .filter((c) => c.poll)
    .map((c) => c.kind);
}

/** Polls every due source, one after another; for a single process without a job queue, and for tests. */
export async function pollDueSources(deps: CollectDeps, signal?: AbortSignal): Promise<PollOutcome[]> {
  const out: PollOutcome[] = [];
  for (const id of await dueSources(deps)) {
    if (signal?.aborted) break;
    out.push(await pollSource(deps, id, { signal }));
  }
  return out;
}
