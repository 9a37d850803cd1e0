// Comments on a crisis task, with @mentions. The syntax is `@` followed by a person's name as the organisation
// knows it ("@林法務", "@Ada Admin"): at each `@` the server takes the longest name of someone who may read the
// crisis (its team, the organisation's admins and managers) that follows it. Mentioned people (not the author)
// hear of it in their own live room and through notifyCrisisPeople. The text is kept and shown as plain text.
import { sql } from 'drizzle-orm';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { TaskComment } from '../contract.ts';
import { type CrisisDeps, crisisEvent, crisisReaders, loadCrisis, type Meta } from './access.ts';
import { notifyCrisisPeople } from './crisis-notify.ts';
import { commentsOf } from './view.ts';

/** The people `@mentioned` in `text`, in order of first mention, among `people` (longest name wins at each `@`). */
export function resolveMentions<P extends { id: string; name: string }>(text: string, people: P[]): P[] {
  const byLength = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const found: P[] = [];
  const lower = text.toLowerCase();
  for (let i = lower.indexOf('@'); i >= 0; i = lower.indexOf('@', i + 1)) {
    const hit = byLength.find((p) => lower.startsWith(p.name.toLowerCase(), i + 1));
    if (hit && !found.some((f) => f.id === hit.id)) found.push(hit);
  }
  return found;
}

/** Adds a comment to a task of a crisis the caller works on; returns it with its resolved mentions. */
export async function addComment(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  taskId: string,
  input: { body: string },
  meta: Meta = {},
): Promise<TaskComment> {
  const now = deps.clock.now().toISOString();
  const commentId = await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'work');
    const task = await tx.execute<{ title: string }>(sql`SELECT title FROM crisis_tasks WHERE id = ${taskId} AND crisis_id = ${id}`);
    if (!task.rows[0]) throw notFound('No such task in this crisis.');
    const authorId = p.kind === 'user' ? p.userId : null;
    const mentioned = resolveMentions(input.body, await crisisReaders(tx, p.orgId, id));
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO crisis_task_comments (task_id, crisis_id, author_id, author_label, body, mentions, created_at)
      VALUES (${taskId}, ${id}, ${authorId}, ${actor.label}, ${input.body}, ${JSON.stringify(mentioned.map((m) => m.id))}::jsonb, ${now})
      RETURNING id`);
    const told = mentioned.filter((m) => m.id !== authorId);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.task_commented',
        actor,
        subjectType: 'crisis_task',
        subjectId: taskId,
        users: told.map((m) => m.id),
        data: {
          commentId: r.rows[0].id,
          taskId,
          title: task.rows[0].title,
          text: input.body,
          mentions: mentioned.map((m) => ({ userId: m.id, name: m.name })),
        },
      },
      meta,
    );
    if (told.length)
      await notifyCrisisPeople(tx, {
        orgId: p.orgId,
        crisisId: id,
        kind: 'mentioned',
        userIds: told.map((m) => m.id),
        at: new Date(now),
        data: {
          commentId: r.rows[0].id,
          taskId,
          number: c.number,
          crisisTitle: c.title,
          taskTitle: task.rows[0].title,
          by: actor.label,
          text: input.body.slice(0, 500),
        },
      });
    return r.rows[0].id;
  });
  return (await commentsOf(deps.db, id, commentId))[0];
}
