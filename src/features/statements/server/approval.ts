// The approval chain (審核): submitting the head version for review, a step's decision bound to the exact
// version and content hash the approver saw, and the commander's emergency override (with a reason, marked on
// the statement forever). Only the person holding the step's role on the crisis team, or a named backup of the
// step, may decide it — nobody else, admins included.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, fieldError, type Meta } from '../../crises/server/access.ts';
import { notifyCrisisPeople } from '../../crises/server/crisis-notify.ts';
import type { ApprovalDecision, ChainStep, StatementDetail } from '../contract.ts';
import { conflict, headOf, type Loaded, loadStatement, statementEvent, userIdOf } from './access.ts';
import { retireSuperseded } from './answers.ts';
import { loadChainView, mayDecide } from './chain.ts';
import { detailOf } from './view.ts';

const roleOf = (step: ChainStep) => step.role;

/** Tells the people who may decide `step` that the statement waits for them. */
async function askStep(deps: CrisisDeps, tx: Executor, { s, c }: Loaded, step: ChainStep, versionNumber: number, hash: string) {
  const ids = [...(step.holder ? [step.holder.id] : []), ...step.backups.map((b) => b.id)];
  if (ids.length === 0) return;
  await notifyCrisisPeople(tx, {
    orgId: s.org_id,
    crisisId: c.id,
    kind: 'statement_review',
    userIds: ids,
    at: deps.clock.now(),
    data: {
      statementTitle: s.title,
      versionNumber,
      role: step.role,
      cause: `${s.id}:${hash}:${step.step}:${deps.clock.now().toISOString()}`,
    },
  });
}

/** Marks the head approved (all steps approved, or overridden) and records `statement.approved`. */
async function markApproved(deps: CrisisDeps, tx: Executor, { s, c }: Loaded, actor: Actor, head: number, meta: Meta) {
  await tx.execute(sql`UPDATE statements SET status = 'approved', approved_version = ${head} WHERE id = ${s.id}`);
  await statementEvent(tx, deps.clock, c, s, { type: 'statement.approved', actor, data: { version: head } }, meta);
  // A newer approved statement retires the answer-book entries of what it supersedes.
  await retireSuperseded(tx, { ...s, approved_version: head }, { clock: deps.clock, actor, meta });
}

/** Submits the head version for review (`head` as the author saw it); the first undecided step's deciders are told. */
export async function submitStatement(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { head: number },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, id, 'work', { lock: true });
    const { s, c } = loaded;
    if (input.head !== s.head) throw conflict(`The statement is now at version ${s.head}; reload it and submit again.`);
    if (!['draft', 'changes_requested', 'rejected'].includes(s.status))
      throw conflict(
        s.status === 'in_review' ? 'This statement is already in review.' : `A statement that is ${s.status} cannot be submitted.`,
      );
    const head = await headOf(tx, s);
    if (head.text.trim() === '') throw fieldError('head', 'Write the statement before submitting it.', 'empty_statement');
    // A request for changes or a rejection is answered by resubmitting; approvals of this same text still count.
    await tx.execute(sql`
      UPDATE statement_approvals SET reset_at = ${now} WHERE statement_id = ${s.id} AND reset_at IS NULL AND decision <> 'approved'`);
    await tx.execute(sql`UPDATE statement_versions SET autosaved = false WHERE id = ${head.id}`);
    await tx.execute(sql`UPDATE statements SET status = 'in_review', updated_at = ${now}, version = version + 1 WHERE id = ${s.id}`);
    const view = await loadChainView(tx, s.org_id, c, { ...s, status: 'in_review' }, { number: head.number, hash: head.content_hash });
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      { type: 'statement.submitted', actor, data: { version: head.number, role: view.current ? roleOf(view.current) : null } },
      meta,
    );
    if (view.current) await askStep(deps, tx, loaded, view.current, head.number, head.content_hash);
    else if (view.allApproved) await markApproved(deps, tx, loaded, actor, head.number, meta);
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}

/**
 * Decides the current step on the version and hash the approver saw (409 when the text changed meanwhile). The
 * last approval approves the statement; a request for changes or a rejection (with a comment) stops the chain
 * and tells the author.
 */
export async function decideStatement(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { versionNumber: number; contentHash: string; decision: ApprovalDecision; comment?: string },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, id, 'read', { lock: true });
    const { s, c } = loaded;
    if (s.status !== 'in_review') throw conflict(`This statement is not in review (it is ${s.status}).`);
    const head = await headOf(tx, s);
    const view = await loadChainView(tx, s.org_id, c, s, { number: head.number, hash: head.content_hash });
    const me = userIdOf(p);
    const may = mayDecide(view.current, me);
    if (!view.current || !may.ok)
      throw new AppError(
        'forbidden',
        view.current
          ? `Only the ${view.current.role} of this crisis (or a named backup) may decide this step.`
          : 'No step of this statement is waiting for a decision.',
      );
    if (input.versionNumber !== head.number || input.contentHash !== head.content_hash)
      throw conflict(`The text changed: the statement is now at version ${head.number}. Read the new text and decide again.`);
    if (input.decision !== 'approved' && !input.comment?.trim())
      throw fieldError('comment', 'Say what needs to change (a comment is required).', 'comment_required');
    const step = view.current;
    await tx.execute(sql`
      INSERT INTO statement_approvals (statement_id, version_number, content_hash, step, role, approver_id, as_backup, decision, comment, decided_at)
      VALUES (${s.id}, ${head.number}, ${head.content_hash}, ${step.step}, ${step.role}, ${me}, ${may.asBackup}, ${input.decision},
        ${input.comment?.trim() || null}, ${now})`);
    await tx.execute(sql`UPDATE statements SET updated_at = ${now}, version = version + 1 WHERE id = ${s.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.decided',
        actor,
        data: {
          version: head.number,
          step: step.step,
          role: step.role,
          decision: input.decision,
          comment: input.comment ?? null,
          asBackup: may.asBackup,
        },
      },
      meta,
    );
    if (input.decision === 'approved') {
      const next = view.steps[step.step]; // steps are numbered from 1: index step.step is the one after
      if (next) await askStep(deps, tx, loaded, next, head.number, head.content_hash);
      else await markApproved(deps, tx, loaded, actor, head.number, meta);
      return;
    }
    await tx.execute(sql`UPDATE statements SET status = ${input.decision} WHERE id = ${s.id}`);
    const authors = [s.created_by, head.author_id].filter((x): x is string => !!x && x !== me);
    if (authors.length > 0)
      await notifyCrisisPeople(tx, {
        orgId: s.org_id,
        crisisId: c.id,
        kind: 'statement_returned',
        userIds: authors,
        at: deps.clock.now(),
        data: {
          statementTitle: s.title,
          versionNumber: head.number,
          decision: input.decision,
          comment: input.comment ?? '',
          byName: actor.label,
          cause: `${s.id}:${head.content_hash}:${step.step}:${now}`,
        },
      });
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}

/**
 * The commander's emergency override: approves the head version now, with a reason. Only the person holding the
 * crisis's commander role. The override stays on the statement even when a later edit resets the approval.
 */
export async function overrideStatement(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { head: number; reason: string },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { s, c } = await loadStatement(tx, p, id, 'read', { lock: true });
    const me = userIdOf(p);
    const cmd = me
      ? await tx.execute(sql`SELECT 1 FROM crisis_members WHERE crisis_id = ${c.id} AND role = 'commander' AND user_id = ${me}`)
      : { rows: [] };
    if (cmd.rows.length === 0) throw new AppError('forbidden', 'Only the commander of this crisis may override the approval chain.');
    if (input.head !== s.head) throw conflict(`The statement is now at version ${s.head}; read the new text and decide again.`);
    if ((s.status === 'approved' || s.status === 'published') && s.approved_version === s.head)
      throw conflict('This version is already approved.');
    if (s.status === 'withdrawn') throw conflict('This statement was withdrawn.');
    const head = await headOf(tx, s);
    if (head.text.trim() === '') throw fieldError('head', 'There is no text to approve.', 'empty_statement');
    await tx.execute(sql`UPDATE statement_versions SET autosaved = false WHERE id = ${head.id}`);
    await tx.execute(sql`
      UPDATE statements SET status = 'approved', approved_version = ${s.head}, override_by = ${me}, override_reason = ${input.reason},
        override_at = ${now}, updated_at = ${now}, version = version + 1
      WHERE id = ${s.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      { type: 'statement.overridden', actor, data: { version: s.head, reason: input.reason, from: s.status } },
      meta,
    );
    await retireSuperseded(tx, { ...s, approved_version: s.head }, { clock: deps.clock, actor, meta });
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}
