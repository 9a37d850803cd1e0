// The early-warning job on the shared queue: a detection tick every minute, once across all processes.
import type { Task } from 'graphile-worker';
import { runDetection, type WarningDeps } from './run.ts';

const TICK = 'warnings:tick';

/** Tasks and crontab lines for the background queue. */
export function warningJobs(deps: WarningDeps): { tasks: Record<string, Task>; crontab: string[] } {
  return {
    tasks: {
      [TICK]: async (_payload, helpers) => {
        const done = await runDetection(deps);
        if (done.opened || done.updated) helpers.logger.info(`early warning: ${done.opened} alert(s) opened, ${done.updated} updated`);
      },
    },
    crontab: [`* * * * * ${TICK} ?max=1`],
  };
}
