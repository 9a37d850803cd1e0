// Invite links: created for invited users, shown to the admin (e-mail comes with notifications), used once.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { createSession } from './auth.ts';
import { actorOf, hashPassword, type PeopleDeps, type RequestMeta, randomSecret, record, sha256 } from './deps.ts';
import { invites, organisations, sessions, users } from './schema.ts';
import { userView } from './views.ts';

const INVITE_TTL_MS = 7 * 24 * 3_600_000;

type Inserter = import('../../../platform/db.ts').Executor;

/** Creates a fresh invite for a user (earlier links stop working); returns the link. */
export async function createInvite(deps: PeopleDeps, tx: Inserter, p: Principal, u: typeof users.$inferSelect, meta: RequestMeta) {
  const token = randomSecret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await tx
    .update(invites)
    .set({ usedAt: now })
    .where(and(eq(invites.userId, u.id), isNull(invites.usedAt)));
  await tx
    .insert(invites)
    .values({ tokenHash: sha256(token), userId: u.id, createdBy: p.kind === 'user' ? p.userId : null, createdAt: now, expiresAt });
  await record(tx, deps, meta, {
    orgId: u.orgId,
    type: 'user.invited',
    actor: actorOf(p),
    subjectType: 'user',
    subjectId: u.id,
    data: { email: u.email, expiresAt: expiresAt.toISOString() },
  });
  const base = (deps.settings.publicUrl ?? meta.baseUrl ?? '').replace(/\/$/, '');
  return { inviteUrl: `${base}/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

/** A new invite link for a user who has not accepted yet. */
export async function reinvite(deps: PeopleDeps, p: Principal, userId: string, meta: RequestMeta) {
  const [u] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, p.orgId)));
  if (!u) throw new AppError('not_found', 'No such user.');
  if (u.status !== 'invited') throw new AppError('conflict', 'This user has already accepted their invitation.');
  return deps.db.transaction(async (tx) => {
    const invite = await createInvite(deps, tx, p, u, meta);
    return { user: userView(u), ...invite };
  });
}

async function findInvite(deps: PeopleDeps, token: string) {
  if (token.length > 100) return undefined;
  const [row] = await deps.db
    .select({ i: invites, u: users, o: organisations })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(
      and(
        eq(invites.tokenHash, sha256(token)),
        isNull(invites.usedAt),
        gt(invites.expiresAt, deps.clock.now()),
        eq(users.status, 'invited'),
      ),
    );
  return row;
}

/** What the invite page shows before the person sets a password. */
export async function inviteInfo(deps: PeopleDeps, token: string) {
  const row = await findInvite(deps, token);
  if (!row) throw new AppError('invite_invalid', 'This invitation link is invalid, used or expired.');
  return { email: row.u.email, name: row.u.name, orgName: row.o.name };
}

/** Accepts an invite: sets the password, activates the user, signs them in. */
export async function acceptInvite(
  deps: PeopleDeps,
  token: string,
  input: { name?: string; password: string; locale?: 'zh-TW' | 'en' },
  meta: RequestMeta,
) {
  const row = await findInvite(deps, token);
  if (!row) throw new AppError('invite_invalid', 'This invitation link is invalid, used or expired.');
  const passwordHash = await hashPassword(deps, input.password);
  return deps.db.transaction(async (tx) => {
    const used = await tx
      .update(invites)
      .set({ usedAt: deps.clock.now() })
      .where(and(eq(invites.tokenHash, row.i.tokenHash), isNull(invites.usedAt)))
      .returning();
    if (used.length === 0) throw new AppError('invite_invalid', 'This invitation link has already been used.');
    await tx
      .update(users)
      .set({
        passwordHash,
        status: 'active',
        name: input.name ?? row.u.name,
        locale: input.locale ?? row.u.locale,
        lastSignInAt: deps.clock.now(),
        version: sql`${users.version} + 1`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(users.id, row.u.id));
    await tx.delete(sessions).where(eq(sessions.userId, row.u.id));
    await record(tx, deps, meta, {
      orgId: row.u.orgId,
      type: 'user.invite_accepted',
      actor: { type: 'user', id: row.u.id, label: input.name ?? row.u.name },
      subjectType: 'user',
      subjectId: row.u.id,
    });
    return createSession(deps, tx, row.u.id, meta);
  });
}
