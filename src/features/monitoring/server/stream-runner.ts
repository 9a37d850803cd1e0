// The stream runner: one long-lived loop per active streamed source in this process. A session-level advisory lock
// per source (held on one dedicated connection) makes sure only one process streams a source; the others skip it
// and take over when that connection goes away. Each batch is ingested, then its cursor stored (at-least-once;
// the ingest dedupe makes a replayed batch harmless). A failed or ended stream reconnects with jittered back-off.
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { EVENTS_CHANNEL } from '../../../platform/events.ts';
import {
  type CollectDeps,
  connectorCheckTarget,
  connectorFetch,
  connectorsOf,
  ingestCollected,
  lookup,
  recordFailure,
  recordSuccess,
  splitConfig,
} from './collect.ts';

/** Advisory lock namespace for "this process streams this source" (second key: hashtext(source id)). */
const STREAM_LOCK = 715_102;
const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 5 * 60_000;

/** Options of a stream runner; tests shorten the waits. */
export type StreamRunnerOptions = {
  /** The database the locks are taken in (a dedicated connection). */
  databaseUrl: string;
  /** How often to look for sources to start or stop (default 15 s). */
  reconcileMs?: number;
  /** Waits between reconnects (default: real timers, cancelled by the signal). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  log?: { warn(obj: object, msg: string): void };
};

/** Wait before reconnect attempt `failures` (1-based): doubling from 1 s, up to 5 min, plus up to 50% jitter. */
export function reconnectDelayMs(failures: number, random: () => number = Math.random, retryAfterMs = 0): number {
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.min(Math.max(failures - 1, 0), 20));
  return Math.max(retryAfterMs, Math.round(base * (1 + random() / 2)));
}

type Running = { version: number; abort: AbortController; done: Promise<void> };
type SourceRow = { id: string; org_id: string; kind: string; status: string; config: unknown; cursor: string | null; version: number };

const sleepFor = (ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }).catch(() => {});
/** The error's stable code when it has one (SafeFetchError, ConnectorError-like), else `stream_failed`. */
const codeOf = (e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z_]{1,60}$/.test(code) ? code : 'stream_failed';
};
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500) || 'The stream failed.';

/** Creates the runner; `start()` begins reconciling, `stop()` ends every stream and releases the locks. */
export function createStreamRunner(deps: CollectDeps, opts: StreamRunnerOptions) {
  const running = new Map<string, Running>();
  const sleep = opts.sleep ?? sleepFor;
  const random = opts.random ?? Math.random;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let reconciling: Promise<void> | null = null;

  async function lockClient(): Promise<pg.Client> {
    if (client) return client;
    const c = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'firebreak-streams' });
    // Losing this connection loses every lock: stop all streams; the next reconcile takes them again.
    c.on('error', (e) => {
      opts.log?.warn({ err: e.message }, 'stream lock connection lost');
      if (client === c) client = null;
      void stopAll(false);
    });
    // Source changes anywhere (created, edited, paused, deleted) start or stop streams at once, not at the next sweep.
    c.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL && n.payload?.includes('"type":"source.')) void reconcile();
    });
    await c.connect();
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = c;
    return c;
  }

  async function stopOne(id: string, unlock: boolean) {
    const r = running.get(id);
    if (!r) return;
    r.abort.abort();
    await r.done;
    running.delete(id);
    if (unlock && client) await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [STREAM_LOCK, id]).catch(() => {});
  }

  async function stopAll(unlock: boolean) {
    await Promise.all([...running.keys()].map((id) => stopOne(id, unlock)));
  }

  async function reconcileOnce() {
    if (stopped) return;
    const kinds = connectorsOf(deps)
      .filter((c) => c.stream)
      .map((c) => c.kind);
    const res = kinds.length
      ? await deps.db.execute<{ id: string; version: number }>(
          sql`SELECT id, version FROM sources WHERE status = 'active' AND kind = ANY(${sql.param(kinds)}::text[])`,
        )
      : { rows: [] };
    const wanted = new Map(res.rows.map((r) => [r.id, r.version]));
    // Paused, deleted or changed (new settings): stop and unlock; a changed source is started again below.
    for (const [id, r] of running) if (wanted.get(id) !== r.version) await stopOne(id, true);
    const c = await lockClient();
    if (stopped || wanted.size === running.size) return;
    for (const [id, version] of wanted) {
      if (running.has(id) || stopped) continue;
      const got = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [STREAM_LOCK, id]);
      if (!got.rows[0].ok) continue;
      const abort = new AbortController();
      running.set(id, { version, abort, done: streamLoop(id, abort.signal) });
    }
  }

  /** Starts and stops loops to match the active streamed sources; safe to call often. */
  function reconcile(): Promise<void> {
    reconciling ??= reconcileOnce()
      .catch((e) => opts.log?.warn({ err: messageOf(e) }, 'stream reconcile failed'))
      .finally(() => {
        reconciling = null;
      });
    return reconciling;
  }

  async function streamLoop(id: string, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const res = await deps.db
        .execute<SourceRow>(sql`SELECT id, org_id, kind, status, config, cursor, version FROM sources WHERE id = ${id}`)
        .catch(() => null);
      const s = res?.rows[0];
      // Deleted, paused, or no longer a stream: this loop ends (the next reconcile releases the lock).
      if (res && (s?.status !== 'active' || !lookup(deps)(s.kind)?.stream)) return;
      const connector = s && lookup(deps)(s.kind);
      let received = false;
      try {
        if (!s || !connector?.stream) throw new Error('The database is unavailable.');
        const parsed = connector.configSchema.safeParse(splitConfig(s.config).connectorConfig);
        if (!parsed.success) {
          const i = parsed.error.issues[0];
          throw new Error(
            `The source's settings are invalid (${i.path.join('.') || 'config'}: ${i.message}). Edit the source to fix them.`,
          );
        }
        const ctx = {
          config: parsed.data,
          ...(s.cursor ? { cursor: s.cursor } : {}),
          clock: deps.clock,
          checkTarget: connectorCheckTarget(deps),
          fetch: connectorFetch(deps),
        };
        for await (const batch of connector.stream(ctx, signal)) {
          if (signal.aborted) break;
          const started = performance.now();
          const counts = await ingestCollected(deps, { id, orgId: s.org_id }, batch.items);
          await recordSuccess(deps.db, id, deps.clock.now(), {
            items: counts.accepted,
            durationMs: performance.now() - started,
            ...(batch.cursor !== undefined ? { cursor: batch.cursor } : {}),
          });
          received = true;
          failures = 0;
        }
        if (signal.aborted) return;
        if (!received) throw new Error('The stream closed without sending anything; reconnecting.');
      } catch (e) {
        if (signal.aborted) return;
        failures++;
        const wait = reconnectDelayMs(failures, random, Number((e as { retryAfterMs?: unknown }).retryAfterMs) || 0);
        const now = deps.clock.now();
        await recordFailure(deps.db, id, now, {
          code: codeOf(e),
          message: messageOf(e),
          durationMs: 0,
          nextRunAt: new Date(now.getTime() + wait),
        }).catch(() => {});
        await sleep(wait, signal);
        continue;
      }
      // The stream ended after delivering batches (the server closed it): reconnect soon, from the stored cursor.
      await sleep(reconnectDelayMs(1, random), signal);
    }
  }

  return {
    /** Streams this process currently runs (source ids). */
    get active(): string[] {
      return [...running.keys()];
    },
    reconcile,
    async start() {
      stopped = false;
      timer = setInterval(() => void reconcile(), opts.reconcileMs ?? 15_000);
      timer.unref();
      await reconcile();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await reconciling;
      await stopAll(true);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

/** A stream runner. */
export type StreamRunner = ReturnType<typeof createStreamRunner>;
