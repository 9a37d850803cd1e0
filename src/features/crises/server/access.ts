// Loading a crisis for what the caller wants to do with it: scoped to the organisation, and to the team for
// members (a crisis they may not read is 404, never 403, so its existence is not revealed). The rules are
// policies.ts's crisisRights; this file only fetches what they need.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisRights, crisisRights } from '../../people/server/policies.ts';
import type { CrisisStatus, Severity } from '../contract.ts';

/** What the crisis services need. */
export type CrisisDeps = { db: Db; clock: Clock };
/** Request details kept in the audit log. */
export type Meta = { requestId?: string; ip?: string };

/** A crisis row as the services use it. */
export type CrisisRow = {
  id: string;
  org_id: string;
  number: number;
  title: string;
  type: string;
  severity: Severity;
  status: CrisisStatus;
  version: number;
};

/** The team roles `userId` holds on a crisis of `orgId`, or null when the organisation has no such crisis. */
export async function crisisRolesOf(db: Executor, orgId: string, crisisId: string, userId: string): Promise<string[] | null> {
  const r = await db.execute<{ role: string | null }>(sql`
    SELECT m.role FROM crises c LEFT JOIN crisis_members m ON m.crisis_id = c.id AND m.user_id = ${userId}
    WHERE c.id = ${crisisId} AND c.org_id = ${orgId}`);
  if (r.rows.length === 0) return null;
  return r.rows.flatMap((x) => (x.role ? [x.role] : []));
}

/** The caller's rights on a crisis (held roles looked up for people). */
export async function rightsOn(db: Executor, p: Principal, crisisId: string): Promise<CrisisRights> {
  const held = p.kind === 'user' ? ((await crisisRolesOf(db, p.orgId, crisisId, p.userId)) ?? []) : [];
  return crisisRights(p, held);
}

/**
 * Loads a crisis the caller may `need` (read, work or manage), locked for update when asked. Not readable:
 * 404. Readable but not allowed: 403.
 */
export async function loadCrisis(
  tx: Executor,
  p: Principal,
  id: string,
  need: keyof CrisisRights,
  opts: { lock?: boolean } = {},
): Promise<CrisisRow & { rights: CrisisRights }> {
  const r = await tx.execute<CrisisRow>(sql`
    SELECT id, org_id, number, title, type, severity, status, version FROM crises WHERE id = ${id} AND org_id = ${p.orgId}
    ${opts.lock ? sql`FOR UPDATE` : sql``}`);
  const c = r.rows[0];
  if (!c) throw notFound('No such crisis.');
  const rights = await rightsOn(tx, p, id);
  if (!rights.read) throw notFound('No such crisis.');
  if (!rights[need])
    throw new AppError(
      'forbidden',
      need === 'manage' ? 'Only the commander (or an admin or manager) may do this.' : 'You may not work on this crisis.',
    );
  return { ...c, rights };
}

/** Refuses a change made against an older version of the crisis (409). */
export function checkVersion(c: { version: number }, seen: number) {
  if (seen !== c.version)
    throw new AppError(
      'conflict',
      `Someone else changed this crisis meanwhile (it is now at version ${c.version}); reload it and try again.`,
    );
}

/** A validation failure on one field (400 with the field error, like zod's). */
export function fieldError(path: string, message: string, code: string) {
  return new AppError('validation_failed', message, { errors: [{ path, message, code }] });
}

/** An active person of the organisation who may be on a crisis team (admin, manager or member), else 400 on `path`. */
export async function checkTeamUser(tx: Executor, orgId: string, userId: string, path: string): Promise<{ id: string; name: string }> {
  const r = await tx.execute<{ id: string; name: string; role: string; status: string }>(
    sql`SELECT id, name, role, status FROM users WHERE id = ${userId} AND org_id = ${orgId}`,
  );
  const u = r.rows[0];
  if (!u) throw fieldError(path, 'No such person in this organisation.', 'unknown_user');
  if (u.status !== 'active') throw fieldError(path, `${u.name} is not an active user.`, 'inactive_user');
  if (!['admin', 'manager', 'member'].includes(u.role))
    throw fieldError(path, `${u.name} is a ${u.role} and cannot work on crises.`, 'role_not_allowed');
  return { id: u.id, name: u.name };
}

/**
 * A task's assignee: an active person of the organisation who is on this crisis's team (holds a role), else
 * 400 on `path`. Assigning gives nobody access: give them a role on the team first.
 */
export async function checkAssignee(tx: Executor, orgId: string, crisisId: string, userId: string, path: string) {
  const u = await checkTeamUser(tx, orgId, userId, path);
  const r = await tx.execute(sql`SELECT 1 FROM crisis_members WHERE crisis_id = ${crisisId} AND user_id = ${userId} LIMIT 1`);
  if (r.rows.length === 0) throw fieldError(path, `${u.name} is not on this crisis's team; give them a role first.`, 'not_on_team');
  return u;
}

/** The people who may read a crisis: its team, and the organisation's active admins and managers. */
export async function crisisReaders(tx: Executor, orgId: string, crisisId: string): Promise<{ id: string; name: string }[]> {
  const r = await tx.execute<{ id: string; name: string }>(sql`
    SELECT u.id, u.name FROM users u
    WHERE u.org_id = ${orgId} AND u.status = 'active' AND (u.role IN ('admin', 'manager')
      OR (u.role = 'member' AND EXISTS (SELECT 1 FROM crisis_members m WHERE m.crisis_id = ${crisisId} AND m.user_id = u.id)))
    ORDER BY u.name, u.id`);
  return r.rows;
}

/**
 * Records a crisis event. Live rooms (chosen here, for the whole feature): every crisis event goes to its
 * `crisis:<id>` room, which only people who may read the crisis can join. Only `list` events (declared,
 * status and severity changes: what the crisis list shows) also go to the organisation's room, so lists
 * refresh; that notice carries only the event type and crisis id, never a title, and the list itself is
 * filtered by the server. Tasks, notes, decisions and team changes stay in the crisis room, plus the
 * `user:` rooms of the people concerned (assigned, handed over, removed — a removal re-checks their
 * subscriptions at once).
 */
export function crisisEvent(
  tx: Executor,
  clock: Clock,
  c: { id: string; org_id: string },
  e: {
    type: string;
    actor: Actor;
    subjectType?: string;
    subjectId?: string;
    data: Record<string, unknown>;
    users?: string[];
    list?: boolean;
  },
  meta: Meta = {},
) {
  return recordEvent(tx, clock, {
    orgId: c.org_id,
    type: e.type,
    actor: e.actor,
    subjectType: e.subjectType ?? 'crisis',
    subjectId: e.subjectId ?? c.id,
    crisisId: c.id,
    data: e.data,
    rooms: [...new Set(e.users ?? [])].map((u) => `user:${u}`),
    orgRoom: e.list === true,
    ...meta,
  });
}
