// The early-warning jobs on the shared queue: a detection tick every minute (once across all
// processes), one job per notification delivery (retried with back-off by the queue), and escalation steps.
import type { Task } from 'graphile-worker';
import { DELIVER, deliver, ESCALATE, escalate, type NotifyDeps } from './notify.ts';
import { runDetection } from './run.ts';

const TICK = 'warnings:tick';

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
