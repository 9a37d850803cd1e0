// Overdue tasks escalate to the commander: a scan every minute on the shared queue finds tasks past due, not
// done, on crises not closed, not yet escalated for their current due time (changing the due time clears
// escalated_at, which re-arms it), and tells the commander — an event in the crisis room and the commander's
// own room (so it is on the timeline), and a crisis message. Each task is escalated once per due time.
import { sql } from 'drizzle-orm';
import type { Task } from 'graphile-worker';
import { type CrisisDeps, crisisEvent } from './access.ts';
import { notifyCrisisPeople } from './crisis-notify.ts';

/** The queue task name of the scan. */
export const OVERDUE_SCAN = 'crises:overdue';

type Overdue = {
  id: string;
  title: string;
  role: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date;
  crisis_id: string;
  org_id: string;
  number: number;
  crisis_title: string;
  commander_id: string | null;
  commander_name: string | null;
};

/** Escalates every task overdue at the clock's now (at most `limit` per run); returns how many were escalated. */
export async function escalateOverdueTasks(deps: CrisisDeps, limit = 200): Promise<number> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const r = await tx.execute<Overdue>(sql`
      SELECT t.id, t.title, t.role, t.assignee_id, a.name AS assignee_name, t.due_at, t.crisis_id, c.org_id, c.number,
        c.title AS crisis_title, m.user_id AS commander_id, u.name AS commander_name
      FROM crisis_tasks t
      JOIN crises c ON c.id = t.crisis_id
      LEFT JOIN users a ON a.id = t.assignee_id
      LEFT JOIN crisis_members m ON m.crisis_id = c.id AND m.role = 'commander'
      LEFT JOIN users u ON u.id = m.user_id
      WHERE t.status <> 'done' AND t.due_at IS NOT NULL AND t.due_at <= ${now} AND t.escalated_at IS NULL AND c.status <> 'closed'
      ORDER BY t.due_at, t.id
      LIMIT ${limit}
      FOR UPDATE OF t SKIP LOCKED`);
    for (const t of r.rows) {
      await tx.execute(sql`UPDATE crisis_tasks SET escalated_at = ${now} WHERE id = ${t.id}`);
      const dueAt = new Date(t.due_at).toISOString();
      await crisisEvent(
        tx,
        deps.clock,
        { id: t.crisis_id, org_id: t.org_id },
        {
          type: 'crisis.task_overdue',
          actor: { type: 'system', label: 'Firebreak' },
          subjectType: 'crisis_task',
          subjectId: t.id,
          users: t.commander_id ? [t.commander_id] : [],
          data: {
            taskId: t.id,
            title: t.title,
            role: t.role,
            assigneeId: t.assignee_id,
            assigneeName: t.assignee_name,
            dueAt,
            commanderId: t.commander_id,
            commanderName: t.commander_name,
          },
        },
      );
      if (t.commander_id)
        await notifyCrisisPeople(tx, {
          orgId: t.org_id,
          crisisId: t.crisis_id,
          kind: 'task_overdue',
          userIds: [t.commander_id],
          at: new Date(now),
          data: {
            taskId: t.id,
            number: t.number,
            crisisTitle: t.crisis_title,
            taskTitle: t.title,
            dueAt,
            assigneeName: t.assignee_name,
            role: t.role,
          },
        });
    }
    return r.rows.length;
  });
}

/** Tasks and crontab lines for the background queue: the overdue scan every minute (once across processes). */
export function crisisJobs(deps: CrisisDeps): { tasks: Record<string, Task>; crontab: string[] } {
  return {
    tasks: {
      [OVERDUE_SCAN]: async (_payload, helpers) => {
        const n = await escalateOverdueTasks(deps);
        if (n) helpers.logger.info(`crises: ${n} overdue task(s) escalated to their commander`);
      },
    },
    crontab: [`* * * * * ${OVERDUE_SCAN} ?max=1`],
  };
}
