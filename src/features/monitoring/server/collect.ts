// What polls and streams share: the connector plumbing bound to the admin's allow-list, a source's stored settings
// (connector config plus the collection interval), ingesting a collected batch, and the back-off rule.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import type { Actor } from '../../../platform/events.ts';
import { checkTarget, type SafeFetchOptions, safeFetch } from '../../../platform/safe-fetch.ts';
import { connectors } from './connectors/registry.ts';
import type { Connector, ConnectorFetch, MentionInputWithoutSource, StreamContext } from './connectors/types.ts';
import type { MonitoringDeps } from './deps.ts';
import { ingestMentions } from './ingest.ts';

/** What the scheduler and the stream runner need; tests swap the connector lookup and tighten fetch limits. */
export type CollectDeps = MonitoringDeps & {
  /** The connectors in force (default: the registry's). */
  connectors?: readonly Connector[];
  /** Defaults for every connector fetch (tests: shorter time limits). */
  fetchDefaults?: Omit<SafeFetchOptions, 'allowPrivate' | 'resolve' | 'signal'>;
};

/** The actor collection runs as in the audit log. */
export const collectorActor: Actor = { type: 'system', label: 'collector' };

/** Shortest and longest collection interval a source may set (seconds). */
export const INTERVAL_MIN_S = 60;
export const INTERVAL_MAX_S = 86_400;
/** A source that keeps failing is retried at least this often. */
export const BACKOFF_CAP_MS = 6 * 3_600_000;
/** Polling interval when neither the source nor its connector says. */
const DEFAULT_INTERVAL_S = 900;

/** The connectors in force. */
export const connectorsOf = (deps: CollectDeps) => deps.connectors ?? connectors;
/** The connector for a kind, among those in force. */
export const lookup = (deps: CollectDeps) => (kind: string) => connectorsOf(deps).find((c) => c.kind === kind);

/** `safeFetch` bound to the configured private-address allow-list; connectors cannot choose their own. */
export function connectorFetch(deps: CollectDeps): ConnectorFetch {
  return (url, opts) => safeFetch(url, { ...deps.fetchDefaults, ...opts, allowPrivate: deps.config.fetchAllowPrivate });
}

/** `checkTarget` bound to the allow-list, for stream clients that open their own sockets. */
export function connectorCheckTarget(deps: CollectDeps): StreamContext<unknown>['checkTarget'] {
  return (url, protocols) => checkTarget(url, { allowPrivate: deps.config.fetchAllowPrivate, protocols });
}

/** Stored `sources.config`: the connector's settings plus our `intervalSeconds`. */
export function splitConfig(stored: unknown): { connectorConfig: Record<string, unknown>; intervalSeconds?: number } {
  const { intervalSeconds, ...connectorConfig } = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return typeof intervalSeconds === 'number' ? { connectorConfig, intervalSeconds } : { connectorConfig };
}

/** Seconds between polls of a source: its own setting, else the connector's default. */
export function intervalOf(stored: unknown, connector: Connector | undefined): number {
  const s = splitConfig(stored).intervalSeconds ?? connector?.defaultIntervalSeconds ?? DEFAULT_INTERVAL_S;
  return Math.min(INTERVAL_MAX_S, Math.max(INTERVAL_MIN_S, s));
}

/**
 * How long to wait after the `failures`-th failure in a row: the interval doubled per failure (the first retry
 * waits one interval), at least what the server asked for (Retry-After), never more than 6 hours.
 */
export function backoffMs(failures: number, intervalMs: number, retryAfterMs?: number): number {
  const doubled = intervalMs * 2 ** Math.min(Math.max(failures - 1, 0), 20);
  return Math.min(BACKOFF_CAP_MS, Math.max(doubled, retryAfterMs ?? 0));
}

/** Ingests what a connector collected into its source; returns how many were new. */
export async function ingestCollected(
  deps: CollectDeps,
  source: { id: string; orgId: string },
  items: MentionInputWithoutSource[],
): Promise<{ accepted: number; duplicate: number; rejected: number; firstRejection?: string }> {
  if (items.length === 0) return { accepted: 0, duplicate: 0, rejected: 0 };
  // Items name their source; read the name now so a rename during a long poll or stream cannot misfile them.
  const current = await deps.db.execute<{ name: string }>(sql`SELECT name FROM sources WHERE id = ${source.id}`);
  if (!current.rows[0]) throw new Error('The source was deleted.');
  const raws = items.map((i) => ({ ...i, source: current.rows[0].name }));
  const r = await ingestMentions(deps, source.orgId, collectorActor, raws, {}, { collectorId: source.id });
  const firstRejection = r.items.find((i) => i.status === 'rejected')?.reason;
  return { accepted: r.accepted, duplicate: r.duplicate, rejected: r.rejected, ...(firstRejection ? { firstRejection } : {}) };
}

/** Records a successful run on the source's status. */
export async function recordSuccess(
  db: Executor,
  id: string,
  at: Date,
  run: { items: number; durationMs: number; nextRunAt?: Date; etag?: string | null; lastModified?: string | null; cursor?: string },
) {
  await db.execute(sql`
    UPDATE sources SET last_run_at = ${at.toISOString()}, last_success_at = ${at.toISOString()}, consecutive_failures = 0,
      last_error_code = NULL,
      last_items = ${run.items}, last_duration_ms = ${Math.round(run.durationMs)},
      next_run_at = ${run.nextRunAt ? run.nextRunAt.toISOString() : null},
      etag = ${run.etag === undefined ? sql`etag` : run.etag}, last_modified = ${run.lastModified === undefined ? sql`last_modified` : run.lastModified},
      cursor = ${run.cursor === undefined ? sql`cursor` : run.cursor}
    WHERE id = ${id}`);
}

/** Records a failed run: the message people read, one more failure in a row, and when to try again. */
export async function recordFailure(
  db: Executor,
  id: string,
  at: Date,
  run: { code: string; message: string; durationMs: number; nextRunAt?: Date | null },
): Promise<void> {
  await db.execute(sql`
    UPDATE sources SET last_run_at = ${at.toISOString()}, last_error = ${run.message.slice(0, 1000)}, last_error_code = ${run.code.slice(0, 60)}, last_error_at = ${at.toISOString()},
      consecutive_failures = consecutive_failures + 1, last_items = 0, last_duration_ms = ${Math.round(run.durationMs)},
      next_run_at = ${run.nextRunAt ? run.nextRunAt.toISOString() : null}
    WHERE id = ${id}`);
}
