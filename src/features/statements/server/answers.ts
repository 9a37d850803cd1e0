// The customer-service answer book (客服問答): Q&A entries made from an approved statement, linked to it and to
// the approved version they repeat. When a statement of a crisis is approved, the entries it supersedes — of its
// own older versions, and of older statements of the same crisis and kind — are retired in the same transaction.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, loadCrisis, type Meta } from '../../crises/server/access.ts';
import type { AnswerEntry, AnswersInput } from '../briefing-contract.ts';
import type { StatementKind } from '../contract.ts';
import { conflict, loadStatement, statementEvent } from './access.ts';

type AnswerRow = {
  id: string;
  statement_id: string;
  statement_title: string;
  statement_kind: StatementKind;
  version_number: number;
  question: string;
  answer: string;
  position: number;
  created_at: Date;
  retired_at: Date | null;
};

const toEntry = (r: AnswerRow): AnswerEntry => ({
  id: r.id,
  statementId: r.statement_id,
  statementTitle: r.statement_title,
  statementKind: r.statement_kind,
  versionNumber: r.version_number,
  question: r.question,
  answer: r.answer,
  position: r.position,
  createdAt: new Date(r.created_at).toISOString(),
  retiredAt: r.retired_at ? new Date(r.retired_at).toISOString() : null,
});

/** A statement as approval knows it when it calls `retireSuperseded` (its approved version already set). */
export type ApprovedStatement = {
  id: string;
  org_id: string;
  crisis_id: string;
  kind: string;
  title: string;
  approved_version: number | null;
};

/**
 * Retires the answer-book entries an approval supersedes: those of the same statement made from an older
 * version, and those of statements of the same crisis and kind created before it. Writes
 * `statement.answers_retired` (with the count) when any were. Call it in the approval's transaction, after the
 * statement's `approved_version` is set (approval.ts markApproved, and the commander's override).
 */
export async function retireSuperseded(
  tx: Executor,
  s: ApprovedStatement,
  opts: { clock: Clock; actor: Actor; meta?: Meta },
): Promise<number> {
  if (s.approved_version == null) return 0;
  const now = opts.clock.now().toISOString();
  const r = await tx.execute<{ id: string; statement_id: string }>(sql`
    UPDATE cs_answers a SET retired_at = ${now}
    FROM statements o
    WHERE a.statement_id = o.id AND a.crisis_id = ${s.crisis_id} AND a.retired_at IS NULL AND (
      (o.id = ${s.id} AND a.version_number < ${s.approved_version})
      OR (o.id <> ${s.id} AND o.kind = ${s.kind} AND (o.created_at, o.id) < (SELECT created_at, id FROM statements WHERE id = ${s.id}))
    )
    RETURNING a.id, a.statement_id`);
  if (r.rows.length === 0) return 0;
  await statementEvent(
    tx,
    opts.clock,
    { id: s.crisis_id, org_id: s.org_id },
    s,
    {
      type: 'statement.answers_retired',
      actor: opts.actor,
      data: {
        version: s.approved_version,
        count: r.rows.length,
        fromStatements: [...new Set(r.rows.map((x) => x.statement_id))],
      },
    },
    opts.meta ?? {},
  );
  return r.rows.length;
}

/**
 * Adds answer-book entries from an approved (or published) statement, linked to its approved version (crisis
 * work right). A statement already superseded by a newer approved one of the same kind cannot add any (409).
 */
export async function addAnswers(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  statementId: string,
  input: AnswersInput,
  meta: Meta = {},
): Promise<AnswerEntry[]> {
  const now = deps.clock.now().toISOString();
  const ids = await deps.db.transaction(async (tx) => {
    const { s, c } = await loadStatement(tx, p, statementId, 'work', { lock: true });
    if (!(s.status === 'approved' || s.status === 'published') || s.approved_version == null)
      throw conflict('Answers come from an approved statement: this one is not approved.');
    const newer = await tx.execute(sql`
      SELECT 1 FROM statements o WHERE o.crisis_id = ${c.id} AND o.kind = ${s.kind} AND o.id <> ${s.id}
        AND o.approved_version IS NOT NULL AND (o.created_at, o.id) > (SELECT created_at, id FROM statements WHERE id = ${s.id}) LIMIT 1`);
    if (newer.rows.length > 0) throw conflict('A newer approved statement of the same kind supersedes this one; add the answers there.');
    const last = await tx.execute<{ n: number | null }>(sql`SELECT max(position) AS n FROM cs_answers WHERE crisis_id = ${c.id}`);
    const start = (last.rows[0]?.n ?? -1) + 1;
    const out: string[] = [];
    for (const [i, e] of input.entries.entries()) {
      const r = await tx.execute<{ id: string }>(sql`
        INSERT INTO cs_answers (crisis_id, statement_id, version_number, question, answer, position, created_at)
        VALUES (${c.id}, ${s.id}, ${s.approved_version}, ${e.question}, ${e.answer}, ${start + i}, ${now}) RETURNING id`);
      out.push(r.rows[0].id);
    }
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.answers_added',
        actor,
        data: { version: s.approved_version, count: out.length, questions: input.entries.map((e) => e.question).slice(0, 10) },
      },
      meta,
    );
    return out;
  });
  const r = await deps.db.execute<AnswerRow>(sql`${selectAnswers} WHERE a.id = ANY(${sql.param(ids)}::uuid[]) ORDER BY a.position, a.id`);
  return r.rows.map(toEntry);
}

const selectAnswers = sql`
  SELECT a.id, a.statement_id, s.title AS statement_title, s.kind AS statement_kind, a.version_number, a.question, a.answer,
    a.position, a.created_at, a.retired_at
  FROM cs_answers a JOIN statements s ON s.id = a.statement_id`;

/** The answer book of a crisis (crisis read right): entries in force, or with `all` the retired ones too. */
export async function listAnswers(
  deps: CrisisDeps,
  p: Principal,
  crisisId: string,
  q: { all?: 'true' | 'false'; statementId?: string },
): Promise<AnswerEntry[]> {
  const c = await loadCrisis(deps.db, p, crisisId, 'read');
  const r = await deps.db.execute<AnswerRow>(sql`${selectAnswers}
    WHERE a.crisis_id = ${c.id}
      ${q.all === 'true' ? sql`` : sql`AND a.retired_at IS NULL`}
      ${q.statementId ? sql`AND a.statement_id = ${q.statementId}` : sql``}
    ORDER BY (a.retired_at IS NOT NULL), a.retired_at DESC NULLS FIRST, a.position, a.id`);
  return r.rows.map(toEntry);
}
