// Users: directory, creation by invite, changes, deactivation, and the user's own profile.

import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Role, User } from '../contract.ts';
import { actorOf, hashPassword, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { createInvite } from './invites.ts';
import { departments, sessions, users } from './schema.ts';
import { userView } from './views.ts';

/** Lists the organisation's users, newest last. */
export async function listUsers(deps: PeopleDeps, p: Principal): Promise<User[]> {
  const rows = await deps.db.select().from(users).where(eq(users.orgId, p.orgId)).orderBy(asc(users.createdAt), asc(users.email));
  return rows.map(userView);
}

/** One user of the principal's organisation (404 for other organisations). */
export async function getUser(deps: PeopleDeps, p: Principal, id: string) {
  const [u] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.orgId, p.orgId)));
  if (!u) throw notFound('No such user.');
  return u;
}

async function assertDepartment(deps: PeopleDeps, orgId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [d] = await deps.db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.orgId, orgId)));
  if (!d)
    throw new AppError('validation_failed', 'No such department.', {
      errors: [{ path: 'departmentId', message: 'no such department', code: 'not_found' }],
    });
}

/** Input of createUser. */
export type CreateUserInput = {
  email: string;
  name: string;
  role: Role;
  departmentId?: string | null;
  title?: string | null;
  password?: string;
};

/** Creates a user; without a password the user is invited and an invite link is returned. */
export async function createUser(deps: PeopleDeps, p: Principal, input: CreateUserInput, meta: RequestMeta) {
  await assertDepartment(deps, p.orgId, input.departmentId);
  const passwordHash = input.password ? await hashPassword(deps, input.password) : null;
  return deps.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, input.email), isNull(users.sandboxOf)));
    if (existing.length)
      throw new AppError('conflict', 'A user with this e-mail already exists.', {
        errors: [{ path: 'email', message: 'already in use', code: 'already_in_use' }],
      });
    const [u] = await tx
      .insert(users)
      .values({
        orgId: p.orgId,
        email: input.email,
        name: input.name,
        role: input.role,
        departmentId: input.departmentId ?? null,
        title: input.title ?? null,
        status: passwordHash ? 'active' : 'invited',
        passwordHash,
      })
      .returning();
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'user.created',
      actor: actorOf(p),
      subjectType: 'user',
      subjectId: u.id,
      data: { after: { email: u.email, name: u.name, role: u.role, departmentId: u.departmentId, status: u.status } },
    });
    const invite = passwordHash ? null : await createInvite(deps, tx, p, u, meta);
    return { user: userView(u), invite };
  });
}

/** Changes of updateUser. */
export type UpdateUserInput = {
  name?: string;
  role?: Role;
  departmentId?: string | null;
  title?: string | null;
  phone?: string | null;
  expectedVersion?: number;
};

/** Admin changes another user's name, role, department or title. */
export async function updateUser(deps: PeopleDeps, p: Principal, id: string, input: UpdateUserInput, meta: RequestMeta) {
  const before = await getUser(deps, p, id);
  await assertDepartment(deps, p.orgId, input.departmentId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
    throw new AppError('conflict', 'Someone else changed this user; reload and try again.');
  }
  if (input.role && input.role !== 'admin' && before.role === 'admin') await assertAnotherAdmin(deps, p.orgId, id);
  const { expectedVersion: _v, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: deps.clock.now() })
      .where(eq(users.id, id))
      .returning();
    const changed = Object.keys(changes) as Array<keyof typeof changes>;
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'user.updated',
      actor: actorOf(p),
      subjectType: 'user',
      subjectId: id,
      data: {
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, u[k]])),
      },
      rooms: [`user:${id}`],
    });
    return userView(u);
  });
}

async function assertAnotherAdmin(deps: PeopleDeps, orgId: string, exceptId: string) {
  const others = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, exceptId)));
  if (others.length === 0) throw new AppError('conflict', 'The organisation must keep at least one active admin.');
}

/** Deactivates a user: every session of theirs ends at once, and their live connections close. */
export async function deactivateUser(deps: PeopleDeps, p: Principal, id: string, meta: RequestMeta) {
  const u = await getUser(deps, p, id);
  if (p.kind === 'user' && p.userId === id) throw new AppError('conflict', 'You cannot deactivate yourself.');
  if (u.role === 'admin') await assertAnotherAdmin(deps, p.orgId, id);
  return setStatus(deps, p, u, 'deactivated', meta);
}

/** Lets a deactivated user sign in again (or stay invited if they never accepted). */
export async function reactivateUser(deps: PeopleDeps, p: Principal, id: string, meta: RequestMeta) {
  const u = await getUser(deps, p, id);
  return setStatus(deps, p, u, u.passwordHash ? 'active' : 'invited', meta);
}

async function setStatus(deps: PeopleDeps, p: Principal, u: typeof users.$inferSelect, status: string, meta: RequestMeta) {
  return deps.db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ status, version: sql`${users.version} + 1`, updatedAt: deps.clock.now() })
      .where(eq(users.id, u.id))
      .returning();
    if (status === 'deactivated') await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: status === 'deactivated' ? 'user.deactivated' : 'user.reactivated',
      actor: actorOf(p),
      subjectType: 'user',
      subjectId: u.id,
      data: { before: { status: u.status }, after: { status } },
      rooms: [`user:${u.id}`],
    });
    return userView(after);
  });
}

/** Changes of updateProfile. */
export type ProfileInput = {
  name?: string;
  locale?: 'zh-TW' | 'en';
  colorScheme?: 'auto' | 'light' | 'dark';
  title?: string | null;
  phone?: string | null;
};

/** The signed-in user changes their own name, language, colour scheme and contact details. */
export async function updateProfile(deps: PeopleDeps, p: Principal, input: ProfileInput, meta: RequestMeta) {
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only people have profiles.');
  const before = await getUser(deps, p, p.userId);
  return deps.db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ ...input, version: sql`${users.version} + 1`, updatedAt: deps.clock.now() })
      .where(eq(users.id, p.userId))
      .returning();
    const changed = Object.keys(input) as Array<keyof ProfileInput>;
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'user.updated',
      actor: actorOf(p),
      subjectType: 'user',
      subjectId: u.id,
      data: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, u[k]])) },
      rooms: [`user:${u.id}`],
    });
    return userView(u);
  });
}

/** Sets a new password for a user by e-mail (CLI, for a locked-out admin); ends their sessions. */
export async function resetPassword(deps: PeopleDeps, email: string, password: string) {
  const [u] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.sandboxOf)));
  if (!u) throw notFound(`No user with e-mail ${email}.`);
  const passwordHash = await hashPassword(deps, password);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        status: u.status === 'invited' ? 'active' : u.status,
        version: sql`${users.version} + 1`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(users.id, u.id));
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await recordEvent(tx, deps.clock, {
      orgId: u.orgId,
      type: 'user.password_reset',
      actor: { type: 'system', label: 'cli' },
      subjectType: 'user',
      subjectId: u.id,
      rooms: [`user:${u.id}`],
    });
  });
  return userView(u);
}
