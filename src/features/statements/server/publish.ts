// Publication: recording where and when an approved version went out, per channel. Only the approved head can be
// published; the first publication completes the playbook task the statement answers (its clock), with the
// task's own event, in the same transaction.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, crisisEvent, type Meta } from '../../crises/server/access.ts';
import { mirrorPublishedStatement } from '../../documents/server/store.ts';
import type { PublishChannel, StatementDetail } from '../contract.ts';
import { conflict, headOf, type Loaded, loadStatement, statementEvent, userIdOf } from './access.ts';
import { detailOf } from './view.ts';

/** Marks the statement's playbook task done (if it is not), writing the task's event like the task board does. */
async function completeTask(deps: CrisisDeps, tx: Executor, { s, c }: Loaded, actor: Actor, meta: Meta) {
  if (!s.task_id) return;
  const now = deps.clock.now().toISOString();
  const r = await tx.execute<{ title: string; status: string }>(
    sql`SELECT title, status FROM crisis_tasks WHERE id = ${s.task_id} AND crisis_id = ${c.id} FOR UPDATE`,
  );
  const t = r.rows[0];
  if (!t || t.status === 'done') return;
  await tx.execute(sql`
    UPDATE crisis_tasks SET status = 'done', done_at = ${now}, blocked_reason = NULL, version = version + 1 WHERE id = ${s.task_id}`);
  await crisisEvent(
    tx,
    deps.clock,
    c,
    {
      type: 'crisis.task_updated',
      actor,
      subjectType: 'crisis_task',
      subjectId: s.task_id,
      data: { title: t.title, status: 'done', changes: { status: { from: t.status, to: 'done' } }, statementId: s.id },
    },
    meta,
  );
}

/** Records a publication of the approved head on a channel (crisis work right). */
export async function publishStatement(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { channel: PublishChannel; url?: string; note?: string },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, id, 'work', { lock: true });
    const { s, c } = loaded;
    if (!(s.status === 'approved' || s.status === 'published') || s.approved_version !== s.head)
      throw conflict('Only an approved version can be published: this statement’s current text is not approved.');
    const head = await headOf(tx, s);
    const me = userIdOf(p);
    if (!me) throw conflict('Publications are recorded by a person.');
    await tx.execute(sql`
      INSERT INTO statement_publications (statement_id, version_number, content_hash, channel, url, note, published_by, published_at)
      VALUES (${s.id}, ${head.number}, ${head.content_hash}, ${input.channel}, ${input.url ?? null}, ${input.note || null}, ${me}, ${now})`);
    await tx.execute(sql`UPDATE statements SET status = 'published', updated_at = ${now}, version = version + 1 WHERE id = ${s.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      { type: 'statement.published', actor, data: { version: head.number, channel: input.channel, url: input.url ?? null } },
      meta,
    );
    await completeTask(deps, tx, loaded, actor, meta);
    // What went out is kept in the documents hub too (public; a new version when different words go out later).
    await mirrorPublishedStatement(
      tx,
      deps.clock,
      {
        orgId: c.org_id,
        statementId: s.id,
        crisisId: c.id,
        title: s.title,
        text: head.text,
        ownerId: s.created_by ?? me,
        note: `v${head.number} → ${input.channel}`,
      },
      { actor, ...meta },
    );
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}
