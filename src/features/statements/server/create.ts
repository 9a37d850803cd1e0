// Starting a statement: from a template with its fields filled (an unfilled `{{field}}` stays visible as
// 【field】), from a document, or empty; linked to the crisis's open playbook task for its kind, so the task's
// clock is the statement's clock. Changing its title or audience is guarded by the version seen.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, fieldError, loadCrisis, type Meta } from '../../crises/server/access.ts';
import {
  docToText,
  MAX_STATEMENT_CHARS,
  type StatementDetail,
  type StatementDoc,
  type StatementKind,
  type StatementLanguage,
  textToDoc,
} from '../contract.ts';
import { loadStatement, referenceOf, statementEvent, userIdOf } from './access.ts';
import { findingsOf } from './check.ts';
import { fillTemplate, findTemplate } from './templates-store.ts';
import { detailOf } from './view.ts';

/** The playbook task whose clock a statement of each kind answers. */
export const taskKeyOf: Partial<Record<StatementKind, string>> = {
  holding: 'holding_statement',
  cs_script: 'cs_script',
  media_qa: 'spokesperson_qa',
  internal_memo: 'employee_briefing',
};

/** SHA-256 of a text, hex: what approvals are bound to. */
export const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Refuses a text over the limit with a clear message (413). */
export function checkLength(text: string) {
  if (text.length > MAX_STATEMENT_CHARS)
    throw new AppError(
      'payload_too_large',
      `The statement is ${text.length.toLocaleString('en')} characters long; the limit is ${MAX_STATEMENT_CHARS.toLocaleString('en')}. Shorten it or split it into several statements.`,
    );
}

const emptyDoc = (): StatementDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** An audience of the crisis's plan, else 400 on `audienceId`. */
export async function checkAudience(tx: Executor, crisisId: string, audienceId: string) {
  const r = await tx.execute(sql`SELECT 1 FROM comm_audiences WHERE id = ${audienceId} AND crisis_id = ${crisisId}`);
  if (r.rows.length === 0) throw fieldError('audienceId', 'No such audience in this crisis’s communication plan.', 'unknown_audience');
}

/** Creates a statement on a crisis (crisis work right), with its first version. */
export async function createStatement(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  input: {
    kind: StatementKind;
    language: StatementLanguage;
    title: string;
    audienceId?: string;
    templateId?: string;
    fields?: Record<string, string>;
    body?: StatementDoc;
  },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  const id = await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work');
    if (input.audienceId) await checkAudience(tx, crisisId, input.audienceId);
    let body = input.body ?? emptyDoc();
    if (input.templateId) {
      const t = await findTemplate(tx, p.orgId, input.templateId);
      if (!t) throw fieldError('templateId', 'No such template.', 'unknown_template');
      body = textToDoc(fillTemplate(t.body, input.fields ?? {}));
    }
    const text = docToText(body);
    checkLength(text);
    const key = taskKeyOf[input.kind];
    const task = key
      ? await tx.execute<{ id: string }>(sql`
          SELECT id FROM crisis_tasks WHERE crisis_id = ${crisisId} AND playbook_key = ${key} AND status <> 'done'
          ORDER BY due_at ASC NULLS LAST, created_at LIMIT 1`)
      : { rows: [] };
    const taskId = task.rows[0]?.id ?? null;
    const me = userIdOf(p);
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO statements (org_id, crisis_id, kind, language, title, audience_id, task_id, created_by, created_at, updated_at)
      VALUES (${p.orgId}, ${crisisId}, ${input.kind}, ${input.language}, ${input.title}, ${input.audienceId ?? null}, ${taskId}, ${me},
        ${now}, ${now}) RETURNING id`);
    const sid = r.rows[0].id;
    const findings = findingsOf(text, input.language, await referenceOf(tx, crisisId, sid));
    await tx.execute(sql`
      INSERT INTO statement_versions (statement_id, number, body, text, content_hash, findings, author_id, created_at, updated_at)
      VALUES (${sid}, 1, ${JSON.stringify(body)}::jsonb, ${text}, ${hashOf(text)}, ${JSON.stringify(findings)}::jsonb, ${me}, ${now}, ${now})`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      { id: sid, title: input.title, kind: input.kind },
      {
        type: 'statement.created',
        actor,
        data: { language: input.language, templateId: input.templateId ?? null, taskId, version: 1, findings: findings.length },
      },
      meta,
    );
    return sid;
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}

/** Changes a statement's title or audience (409 when someone else changed it since `version`). */
export async function updateStatement(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  patch: { title?: string; audienceId?: string | null; version: number },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { s, c } = await loadStatement(tx, p, id, 'work', { lock: true });
    if (patch.version !== s.version)
      throw new AppError(
        'conflict',
        `Someone else changed this statement meanwhile (it is now at version ${s.version}); reload it and try again.`,
      );
    if (patch.audienceId) await checkAudience(tx, s.crisis_id, patch.audienceId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (patch.title !== undefined && patch.title !== s.title) changes.title = { from: s.title, to: patch.title };
    if (patch.audienceId !== undefined && patch.audienceId !== s.audience_id)
      changes.audienceId = { from: s.audience_id, to: patch.audienceId };
    if (Object.keys(changes).length === 0) return;
    const title = patch.title ?? s.title;
    await tx.execute(sql`
      UPDATE statements SET title = ${title}, audience_id = ${patch.audienceId === undefined ? s.audience_id : patch.audienceId},
        updated_at = ${now}, version = version + 1 WHERE id = ${id}`);
    await statementEvent(tx, deps.clock, c, { ...s, title }, { type: 'statement.changed', actor, data: { changes } }, meta);
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}
