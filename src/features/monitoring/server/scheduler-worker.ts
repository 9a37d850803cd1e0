// Background collection in the server process: Graphile Worker (on the same PostgreSQL) runs a minute cron tick
// that queues a poll job per due source, and the poll jobs; the stream runner keeps streamed sources connected.
import { sql } from 'drizzle-orm';
import { Logger, type Runner, run, runMigrations, type Task } from 'graphile-worker';
import type pg from 'pg';
import type { Executor } from '../../../platform/db.ts';
import type { CollectDeps } from './collect.ts';
import { dueSources, pollSource } from './scheduler.ts';
import { createStreamRunner, type StreamRunner } from './stream-runner.ts';

const TICK = 'sources:tick';
const POLL = 'sources:poll';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void; debug(obj: object, msg: string): void };

/** Installs or upgrades Graphile Worker's schema (the test template database gets it once). */
export async function migrateWorkerSchema(connectionString: string) {
  await runMigrations({ connectionString, logger: quietLogger() });
}

function quietLogger(log?: Log) {
  return new Logger(() => (level, message, meta) => {
    if (!log) return;
    if (level === 'error') log.error({ meta }, message);
    else if (level === 'warning') log.warn({ meta }, message);
    else log.debug({ meta }, message);
  });
}

/** Queues a poll of one source now (deduplicated per source); usable from any process and inside a transaction. */
export async function enqueuePoll(db: Executor, sourceId: string) {
  await db.execute(
    sql`SELECT graphile_worker.add_job(${POLL}, json_build_object('sourceId', ${sourceId}::text), job_key := ${`${POLL}:${sourceId}`},
      max_attempts := 1, job_key_mode := 'preserve_run_at')`,
  );
}

/** The process's background collection: started by the server's start(), stopped by its close(). */
export function createBackground(
  deps: CollectDeps,
  opts: {
    pool: pg.Pool;
    databaseUrl: string;
    log?: Log;
    concurrency?: number;
    /** Other features' jobs on the same queue: a task per name, and crontab lines that queue them. */
    jobs?: { tasks: Record<string, Task>; crontab: string[] };
  },
) {
  let runner: Runner | null = null;
  let stopped = false;
  let starting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | undefined;
  const streams: StreamRunner = createStreamRunner(deps, { databaseUrl: opts.databaseUrl, log: opts.log });

  async function startWorker() {
    try {
      const r = await run({
        pgPool: opts.pool,
        concurrency: opts.concurrency ?? 2,
        noHandleSignals: true,
        pollInterval: 5000,
        gracefulShutdownAbortTimeout: 2000,
        logger: quietLogger(opts.log),
        // One tick a minute across all processes (Graphile's cron is coordinated through the database).
        crontab: [`* * * * * ${TICK} ?max=1`, ...(opts.jobs?.crontab ?? [])].join('\n'),
        taskList: {
          ...opts.jobs?.tasks,
          [TICK]: async (_payload, helpers) => {
            for (const id of await dueSources(deps)) {
              await helpers.addJob(POLL, { sourceId: id }, { jobKey: `${POLL}:${id}`, jobKeyMode: 'preserve_run_at', maxAttempts: 1 });
            }
          },
          [POLL]: async (payload, helpers) => {
            const { sourceId } = payload as { sourceId: string };
            const out = await pollSource(deps, sourceId, { signal: helpers.abortSignal });
            if (out.status === 'error') helpers.logger.debug(`source ${sourceId}: ${out.message}`);
          },
        },
      });
      if (stopped) await r.stop();
      else runner = r;
    } catch (e) {
      // The database may be down at start-up: try again shortly rather than run without collection.
      opts.log?.error({ err: e instanceof Error ? e.message : String(e) }, 'job queue did not start; retrying in 15 s');
      if (!stopped) {
        retry = setTimeout(() => {
          starting = startWorker();
        }, 15_000);
      }
    }
  }

  return {
    streams,
    /** Starts in the background (the HTTP server need not wait for it); failures are retried. */
    start() {
      stopped = false;
      // A connection that dies while checked out must be logged, not crash the process (Graphile checks for this).
      if (opts.pool.listeners('connect').length === 0) {
        opts.pool.on('connect', (client) => client.on('error', (e) => opts.log?.warn({ err: e.message }, 'database connection error')));
      }
      starting = startWorker();
      void streams.start();
    },
    /** Resolves once the job queue runs (tests). */
    async ready() {
      await starting;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await starting;
      await streams.stop();
      const r = runner;
      runner = null;
      await r?.stop();
    },
  };
}

/** Background collection of one server process. */
export type Background = ReturnType<typeof createBackground>;
