// The response team (應變小組): filling, handing over and clearing a role. Whoever gains or loses a place
// on the team hears of it in their own live room; someone who no longer holds any role is re-checked at
// once, which drops them from the crisis room.
import { sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisDetail, TeamRole } from '../contract.ts';
import { type CrisisDeps, checkTeamUser, crisisEvent, loadCrisis, type Meta, rightsOn } from './access.ts';
import { detailOf, getCrisis } from './view.ts';

/** Sets, hands over (another person) or clears (`userId: null`) one role of a crisis's team. */
export async function assignRole(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { role: TeamRole; userId: string | null; expectedUserId?: string | null },
  meta: Meta = {},
): Promise<CrisisDetail> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'manage', { lock: true });
    const held = await tx.execute<{ user_id: string; name: string }>(sql`
      SELECT m.user_id, u.name FROM crisis_members m JOIN users u ON u.id = m.user_id WHERE m.crisis_id = ${id} AND m.role = ${input.role}`);
    const before = held.rows[0] ?? null;
    if ((before?.user_id ?? null) === input.userId) return; // nothing changes
    // The client said who it believed holds the role: someone else changed it meanwhile is a conflict, not an overwrite.
    if (input.expectedUserId !== undefined && input.expectedUserId !== (before?.user_id ?? null))
      throw new AppError(
        'conflict',
        before
          ? `Someone else changed this role meanwhile: ${before.name} holds it now; reload and try again.`
          : 'Someone else changed this role meanwhile: nobody holds it now; reload and try again.',
      );
    const next = input.userId ? await checkTeamUser(tx, p.orgId, input.userId, 'userId') : null;
    if (next) {
      await tx.execute(sql`
        INSERT INTO crisis_members (crisis_id, role, user_id, assigned_at) VALUES (${id}, ${input.role}, ${next.id}, ${now})
        ON CONFLICT (crisis_id, role) DO UPDATE SET user_id = EXCLUDED.user_id, assigned_at = EXCLUDED.assigned_at`);
    } else {
      await tx.execute(sql`DELETE FROM crisis_members WHERE crisis_id = ${id} AND role = ${input.role}`);
    }
    let leftTeam = false;
    if (before) {
      const still = await tx.execute(sql`SELECT 1 FROM crisis_members WHERE crisis_id = ${id} AND user_id = ${before.user_id} LIMIT 1`);
      leftTeam = still.rows.length === 0;
    }
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'crisis.role_assigned',
        actor,
        // The person removed first: their re-check (and loss of the crisis room) runs before the room hears of it.
        users: [...(before ? [before.user_id] : []), ...(next ? [next.id] : [])],
        data: {
          role: input.role,
          userId: next?.id ?? null,
          userName: next?.name ?? null,
          previousUserId: before?.user_id ?? null,
          previousUserName: before?.name ?? null,
          leftTeam,
        },
      },
      meta,
    );
  });
  // A member who just handed over their only role can no longer read the crisis: they get the result once, without rights.
  const rights = await rightsOn(deps.db, p, id);
  return rights.read ? getCrisis(deps, p, id) : detailOf(deps, id, { manage: false, work: false });
}
