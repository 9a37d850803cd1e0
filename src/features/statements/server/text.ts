// Saving a statement's text: every save is a version bound to the SHA-256 of its plain text, checked by the
// wording checker against the crisis's reference. A save against an older head is a conflict (the editor keeps
// its text). An autosave by the author of an unsubmitted autosaved head replaces it in place. Any change of text
// resets the approvals given and returns the statement to draft, telling the people who had approved.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisDeps, Meta } from '../../crises/server/access.ts';
import { fieldError } from '../../crises/server/access.ts';
import { notifyCrisisPeople } from '../../crises/server/crisis-notify.ts';
import { docToText, HEAD_MOVED, type StatementDetail, type StatementDoc } from '../contract.ts';
import { headOf, type Loaded, loadStatement, referenceOf, type StatementRow, statementEvent, userIdOf, type VersionRow } from './access.ts';
import { findingsOf, type StoredAccepted, sameSpan, storedFindings } from './check.ts';
import { checkLength, hashOf } from './create.ts';
import { detailOf } from './view.ts';

/** Statuses in which the text may be replaced in place by its author's autosave. */
const inPlaceStatuses = new Set(['draft', 'changes_requested']);

/**
 * Resets every approval that still counts, returns the statement to draft (approved version cleared; an override
 * stays on record) and tells the people who had approved. Called in the transaction that changed the text.
 */
async function resetApprovals(
  deps: CrisisDeps,
  tx: Executor,
  { s, c }: Loaded,
  actor: Actor,
  versionNumber: number,
  meta: Meta,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const r = await tx.execute<{ approver_id: string; decision: string }>(sql`
    UPDATE statement_approvals SET reset_at = ${now} WHERE statement_id = ${s.id} AND reset_at IS NULL
    RETURNING approver_id, decision`);
  const approvers = [...new Set(r.rows.filter((x) => x.decision === 'approved').map((x) => x.approver_id))];
  if (s.status === 'draft' && r.rows.length === 0) return;
  await tx.execute(sql`UPDATE statements SET status = 'draft', approved_version = NULL WHERE id = ${s.id}`);
  await statementEvent(
    tx,
    deps.clock,
    c,
    s,
    { type: 'statement.approvals_reset', actor, users: approvers, data: { version: versionNumber, from: s.status, approvers } },
    meta,
  );
  if (approvers.length > 0)
    await notifyCrisisPeople(tx, {
      orgId: s.org_id,
      crisisId: c.id,
      kind: 'statement_changed',
      userIds: approvers,
      at: deps.clock.now(),
      data: { statementTitle: s.title, versionNumber, byName: actor.label, cause: `${s.id}:reset:${versionNumber}:${now}` },
    });
}

/** Saves the text as a new version (or, for an autosave of the author's own draft head, in place). */
export async function saveText(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { base: number; body: StatementDoc; autosave: boolean },
  meta: Meta = {},
): Promise<StatementDetail> {
  const text = docToText(input.body);
  checkLength(text);
  const now = deps.clock.now().toISOString();
  const me = userIdOf(p);
  await deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, id, 'work', { lock: true });
    const { s, c } = loaded;
    if (s.status === 'withdrawn') throw new AppError('conflict', 'This statement was withdrawn; its text can no longer change.');
    if (input.base !== s.head)
      throw new AppError(
        'conflict',
        `Someone else saved version ${s.head} of this statement while you were editing version ${input.base}. Your text is kept: compare it with version ${s.head} and save again.`,
        { errors: [{ path: 'base', message: `The statement is now at version ${s.head}.`, code: HEAD_MOVED, limit: s.head }] },
      );
    const head = await headOf(tx, s);
    const hash = hashOf(text);
    if (hash === head.content_hash) {
      // The same text: nothing new to version; a deliberate save keeps the autosaved head from being replaced.
      if (!input.autosave && head.autosaved) await tx.execute(sql`UPDATE statement_versions SET autosaved = false WHERE id = ${head.id}`);
      return;
    }
    const findings = findingsOf(text, s.language, await referenceOf(tx, c.id, s.id));
    const inPlace = input.autosave && head.autosaved && head.author_id === me && me !== null && inPlaceStatuses.has(s.status);
    const number = inPlace ? head.number : head.number + 1;
    if (inPlace) {
      await tx.execute(sql`
        UPDATE statement_versions SET body = ${JSON.stringify(input.body)}::jsonb, text = ${text}, content_hash = ${hash},
          findings = ${JSON.stringify(findings)}::jsonb, accepted = '[]'::jsonb, updated_at = ${now}
        WHERE id = ${head.id}`);
    } else {
      await tx.execute(sql`
        INSERT INTO statement_versions (statement_id, number, body, text, content_hash, findings, autosaved, author_id, created_at, updated_at)
        VALUES (${s.id}, ${number}, ${JSON.stringify(input.body)}::jsonb, ${text}, ${hash}, ${JSON.stringify(findings)}::jsonb,
          ${input.autosave}, ${me}, ${now}, ${now})`);
    }
    await tx.execute(sql`UPDATE statements SET head = ${number}, updated_at = ${now}, version = version + 1 WHERE id = ${s.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.saved',
        actor,
        data: { version: number, autosave: input.autosave, inPlace, chars: text.length, findings: findings.length },
      },
      meta,
    );
    await resetApprovals(deps, tx, loaded, actor, number, meta);
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}

/**
 * Accepts a finding of a version as a risk, with the reason (kept with the version). The finding must exist on
 * that version; accepting it again changes nothing. Anyone with work rights on the crisis (every approver has them).
 */
export async function acceptRisk(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  n: number,
  input: { rule: string; start: number; end: number; reason: string },
  meta: Meta = {},
): Promise<StatementDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { s, c } = await loadStatement(tx, p, id, 'work', { lock: true });
    const r = await tx.execute<VersionRow>(sql`SELECT * FROM statement_versions WHERE statement_id = ${s.id} AND number = ${n} FOR UPDATE`);
    const v = r.rows[0];
    if (!v) throw notFound('No such version of this statement.');
    const f = storedFindings(v.findings).find((x) => sameSpan(x, input));
    if (!f)
      throw fieldError('rule', 'This version has no such finding (it may have changed since); reload and try again.', 'no_such_finding');
    const accepted = (Array.isArray(v.accepted) ? v.accepted : []) as StoredAccepted[];
    if (accepted.some((a) => sameSpan(a, input))) return;
    const entry: StoredAccepted = {
      rule: f.rule,
      category: f.category,
      start: f.start,
      end: f.end,
      excerpt: f.excerpt,
      reason: input.reason,
      by: userIdOf(p) ?? '',
      byName: actor.label,
      at: now,
    };
    await tx.execute(sql`UPDATE statement_versions SET accepted = accepted || ${JSON.stringify([entry])}::jsonb WHERE id = ${v.id}`);
    await tx.execute(sql`UPDATE statements SET updated_at = ${now} WHERE id = ${s.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s as StatementRow,
      {
        type: 'statement.risk_accepted',
        actor,
        data: { version: n, rule: f.rule, category: f.category, excerpt: f.excerpt, reason: input.reason },
      },
      meta,
    );
  });
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}
