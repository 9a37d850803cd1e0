// Executive sign-off of a decision: when logging a decision, sign-off can be asked of one person (by default
// the team's executive sponsor) who may read the crisis; only that person (or an admin) signs or declines it,
// once, guarded by the decision's version. Each step is an event on the timeline, and the asked person is told.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisDecision } from '../contract.ts';
import { type CrisisDeps, type CrisisRow, crisisEvent, crisisReaders, fieldError, loadCrisis, type Meta } from './access.ts';
import { notifyCrisisPeople } from './crisis-notify.ts';
import { decisionsOf } from './view.ts';

/**
 * Asks for sign-off of a decision just logged (in the same transaction): `from` or else the executive sponsor,
 * who must be able to read the crisis (400 on `signoffFrom` otherwise).
 */
export async function requestSignoff(
  tx: Executor,
  clock: Clock,
  c: CrisisRow,
  d: { id: string; decision: string },
  from: string | undefined,
  actor: Actor,
  meta: Meta = {},
) {
  let signerId = from;
  if (!signerId) {
    const s = await tx.execute<{ user_id: string }>(
      sql`SELECT user_id FROM crisis_members WHERE crisis_id = ${c.id} AND role = 'executive_sponsor'`,
    );
    signerId = s.rows[0]?.user_id;
    if (!signerId) throw fieldError('signoffFrom', 'Nobody holds the executive sponsor role: choose who signs.', 'required');
  }
  const signer = (await crisisReaders(tx, c.org_id, c.id)).find((u) => u.id === signerId);
  if (!signer) throw fieldError('signoffFrom', 'That person cannot see this crisis: give them a role on the team first.', 'not_on_team');
  await tx.execute(sql`UPDATE crisis_decisions SET signoff_status = 'requested', signoff_from = ${signer.id} WHERE id = ${d.id}`);
  await crisisEvent(
    tx,
    clock,
    c,
    {
      type: 'crisis.signoff_requested',
      actor,
      subjectType: 'crisis_decision',
      subjectId: d.id,
      users: [signer.id],
      data: { decisionId: d.id, decision: d.decision, fromId: signer.id, fromName: signer.name },
    },
    meta,
  );
  await notifyCrisisPeople(tx, {
    orgId: c.org_id,
    crisisId: c.id,
    kind: 'signoff_requested',
    userIds: [signer.id],
    at: clock.now(),
    data: { decisionId: d.id, number: c.number, crisisTitle: c.title, decision: d.decision, by: actor.label },
  });
}

/** Signs or declines a decision the caller was asked to sign (an admin may sign for them); 409 when stale or settled. */
export async function signDecision(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  decisionId: string,
  input: { verdict: 'signed' | 'declined'; note?: string; version: number },
  meta: Meta = {},
): Promise<CrisisDecision> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'read');
    const r = await tx.execute<{
      decision: string;
      signoff_status: string | null;
      signoff_from: string | null;
      decided_by: string | null;
      version: number;
    }>(
      sql`SELECT decision, signoff_status, signoff_from, decided_by, version FROM crisis_decisions
        WHERE id = ${decisionId} AND crisis_id = ${id} FOR UPDATE`,
    );
    const d = r.rows[0];
    if (!d) throw notFound('No such decision in this crisis.');
    const asked = p.kind === 'user' && p.userId === d.signoff_from;
    const admin = p.kind === 'system' || (p.kind === 'user' && p.role === 'admin');
    if (!d.signoff_status) throw new AppError('conflict', 'No sign-off was asked for this decision.');
    if (!asked && !admin) throw new AppError('forbidden', 'Only the person asked to sign this decision (or an admin) may sign it.');
    if (d.version !== input.version)
      throw new AppError(
        'conflict',
        `Someone else changed this decision meanwhile (it is now at version ${d.version}); reload it and try again.`,
      );
    if (d.signoff_status !== 'requested') throw new AppError('conflict', `This decision has already been ${d.signoff_status}.`);
    const userId = p.kind === 'user' ? p.userId : null;
    await tx.execute(sql`
      UPDATE crisis_decisions SET signoff_status = ${input.verdict}, signoff_by = ${userId}, signoff_at = ${now},
        signoff_note = ${input.note || null}, version = version + 1
      WHERE id = ${decisionId}`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: input.verdict === 'signed' ? 'crisis.decision_signed' : 'crisis.decision_declined',
        actor,
        subjectType: 'crisis_decision',
        subjectId: decisionId,
        users: d.decided_by ? [d.decided_by] : [],
        data: { decisionId, decision: d.decision, note: input.note ?? null, onBehalf: !asked },
      },
      meta,
    );
  });
  return (await decisionsOf(deps.db, id, decisionId))[0];
}
