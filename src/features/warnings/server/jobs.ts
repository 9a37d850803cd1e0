// The early-warning jobs on the shared queue: a detection tick every minute (once across all
// processes), one job per notification delivery (retried with back-off by the queue), and escalation steps.
import { sql } from 'drizzle-orm';
import type { Task } from 'graphile-worker';
import type { Executor } from '../../../platform/db.ts';
import { DELIVER, deliver, ESCALATE, escalate, type NotifyDeps } from './notify.ts';
import { runDetection } from './run.ts';

const TICK = 'warnings:tick';

/**
 * Queues a detection tick a few seconds from now (one pending at a time), so a burst is judged within
 * seconds of its ingest instead of at the next minute; called in each ingest batch's transaction.
 */
export async function queueTickSoon(tx: Executor) {
  await tx.execute(
    sql`SELECT graphile_worker.add_job(${TICK}, '{}'::json, run_at := now() + interval '5 seconds', job_key := ${`${TICK}:soon`},
      job_key_mode := 'preserve_run_at', max_attempts := 1)`,
  );
}

/** Tasks and crontab lines for the background queue. */
export function warningJobs(deps: NotifyDeps): { tasks: Record<string, Task>; crontab: string[] } {
  return {
    tasks: {
      [TICK]: async (_payload, helpers) => {
        const done = await runDetection(deps);
        if (done.opened || done.updated) helpers.logger.info(`early warning: ${done.opened} alert(s) opened, ${done.updated} updated`);
      },
      [DELIVER]: async (payload, helpers) => {
        const { deliveryId } = payload as { deliveryId: string };
        await deliver(deps, deliveryId, helpers.job.attempts, helpers.job.max_attempts);
      },
      [ESCALATE]: async (payload) => {
        const { alertId, step } = payload as { alertId: string; step: number };
        await escalate(deps, alertId, step);
      },
    },
    crontab: [`* * * * * ${TICK} ?max=1`],
  };
}
