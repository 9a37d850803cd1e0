// Pure helpers of the scenario screens (no UI imports, so they are unit-tested in Node): the ticking scenario
// clock and which delivered messages are new to this browser.
import type { InjectView, RunView } from '../../contract.ts';

/** Scenario minutes now: the server's figure when fetched, carried forward at the run's speed while it plays. */
export function scenarioMinute(
  run: Pick<RunView, 'status' | 'minute' | 'speed' | 'durationMinutes'>,
  fetchedAt: number,
  now: number,
): number {
  const elapsed = Math.max(0, now - fetchedAt);
  const m = run.status === 'running' ? run.minute + (elapsed / 60_000) * run.speed : run.minute;
  return Math.max(0, Math.min(run.durationMinutes, Math.floor(m)));
}

/** Whether a delivered message is newer than what this browser last saw (`seen`: the newest delivery shown then). */
export function isUnseen(inject: Pick<InjectView, 'deliveredAt'>, seen: string | null): boolean {
  if (inject.deliveredAt === null) return false;
  return seen === null || Date.parse(inject.deliveredAt) > Date.parse(seen);
}
