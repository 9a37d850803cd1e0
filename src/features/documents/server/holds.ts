// Legal holds (保全): on one document or on a whole crisis. While one is in force nothing it covers may be
// deleted, by anyone (documents.ts `refuseIfHeld`). Placing and releasing are events with the reason. Holding a
// row lock on the document (or the crisis) while placing makes a concurrent delete wait and then see the hold.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Meta } from '../../crises/server/access.ts';
import { guestGate } from '../../people/server/guest-gate.ts';
import type { HoldRecord } from '../contract.ts';
import type { DocumentDeps } from './deps.ts';
import { loadVisible, userIdOf } from './documents-read.ts';

type HoldRow = {
  id: string;
  scope: string;
  document_id: string | null;
  crisis_id: string | null;
  reason: string;
  placed_by: string | null;
  placed_at: Date;
  released_by: string | null;
  released_at: Date | null;
  release_reason: string | null;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function recordOf(h: HoldRow): HoldRecord {
  return {
    id: h.id,
    scope: h.scope as HoldRecord['scope'],
    documentId: h.document_id,
    crisisId: h.crisis_id,
    reason: h.reason,
    placedBy: h.placed_by,
    placedAt: iso(h.placed_at) as string,
    releasedBy: h.released_by,
    releasedAt: iso(h.released_at),
    releaseReason: h.release_reason,
  };
}

async function holdById(tx: Executor, id: string): Promise<HoldRecord> {
  const r = await tx.execute<HoldRow>(sql`
    SELECT h.id, h.scope, h.document_id, h.crisis_id, h.reason, pu.name AS placed_by, h.placed_at, ru.name AS released_by,
      h.released_at, h.release_reason
    FROM legal_holds h LEFT JOIN users pu ON pu.id = h.placed_by LEFT JOIN users ru ON ru.id = h.released_by
    WHERE h.id = ${id}`);
  return recordOf(r.rows[0]);
}

/** What a hold is placed on: a document the placer may open, or a crisis of their organisation (locked). */
type Target = { scope: 'document' | 'crisis'; orgId: string; id: string; number: number; crisisId: string | null };

async function lockTarget(tx: Executor, deps: DocumentDeps, p: Principal, scope: Target['scope'], id: string): Promise<Target> {
  if (scope === 'document') {
    const d = await loadVisible(tx, p, deps.clock.now(), id, true);
    return { scope, orgId: d.org_id, id, number: Number(d.number), crisisId: d.crisis_id };
  }
  // Locking the crisis row makes a concurrent delete of one of its documents (which share-locks it) wait.
  const r = await tx.execute<{ number: number }>(sql`SELECT number FROM crises WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`);
  if (!r.rows[0]) throw new AppError('not_found', 'No such crisis.');
  return { scope, orgId: p.orgId, id, number: Number(r.rows[0].number), crisisId: id };
}

function holdEvent(
  tx: Executor,
  deps: DocumentDeps,
  t: Target,
  actor: Actor,
  what: 'placed' | 'released',
  data: Record<string, unknown>,
  meta: Meta,
) {
  return recordEvent(tx, deps.clock, {
    orgId: t.orgId,
    type: `${t.scope}.hold_${what}`,
    actor,
    subjectType: t.scope,
    subjectId: t.id,
    crisisId: t.crisisId ?? undefined,
    data: { number: t.number, ...data },
    ...meta,
  });
}

/** Places a hold on a document (which the placer may open) or on a crisis (every document linked to it). */
export async function placeHold(
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  scope: Target['scope'],
  id: string,
  reason: string,
  meta: Meta,
) {
  await guestGate(deps.db, p);
  return deps.db.transaction(async (tx) => {
    const t = await lockTarget(tx, deps, p, scope, id);
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO legal_holds (org_id, scope, document_id, crisis_id, reason, placed_by, placed_at)
      VALUES (${t.orgId}, ${scope}, ${scope === 'document' ? id : null}, ${scope === 'crisis' ? id : null}, ${reason},
        ${userIdOf(p)}, ${deps.clock.now().toISOString()}) RETURNING id`);
    await holdEvent(tx, deps, t, actor, 'placed', { holdId: r.rows[0].id, reason }, meta);
    return holdById(tx, r.rows[0].id);
  });
}

/** Releases a hold in force on the document or crisis, with the reason (404 when there is no such hold on it). */
export async function releaseHold(
  deps: DocumentDeps,
  p: Principal,
  actor: Actor,
  scope: Target['scope'],
  id: string,
  holdId: string,
  reason: string,
  meta: Meta,
) {
  await guestGate(deps.db, p);
  return deps.db.transaction(async (tx) => {
    const t = await lockTarget(tx, deps, p, scope, id);
    const on = scope === 'document' ? sql`document_id = ${id}` : sql`crisis_id = ${id}`;
    const r = await tx.execute(sql`
      UPDATE legal_holds SET released_at = ${deps.clock.now().toISOString()}, released_by = ${userIdOf(p)}, release_reason = ${reason}
      WHERE id = ${holdId} AND org_id = ${t.orgId} AND scope = ${scope} AND ${on} AND released_at IS NULL RETURNING id`);
    if (!r.rows[0]) throw new AppError('not_found', `No such hold in force on this ${scope}.`);
    await holdEvent(tx, deps, t, actor, 'released', { holdId, reason }, meta);
    return holdById(tx, holdId);
  });
}

/** Every hold ever placed on a crisis (in force first, then released), newest first. */
export async function listCrisisHolds(deps: DocumentDeps, p: Principal, crisisId: string) {
  await guestGate(deps.db, p);
  const c = await deps.db.execute(sql`SELECT 1 FROM crises WHERE id = ${crisisId} AND org_id = ${p.orgId}`);
  if (!c.rows[0]) throw new AppError('not_found', 'No such crisis.');
  const r = await deps.db.execute<{ id: string }>(sql`SELECT id FROM legal_holds WHERE org_id = ${p.orgId} AND scope = 'crisis'
    AND crisis_id = ${crisisId} ORDER BY released_at IS NULL DESC, placed_at DESC`);
  const items: HoldRecord[] = [];
  for (const h of r.rows) items.push(await holdById(deps.db, h.id));
  return { items };
}
