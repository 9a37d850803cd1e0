// The second factor for a person: enrol (a pending secret, confirmed by a first code), the sign-in's second step
// (a code or a one-time recovery code), and turning it off. Codes are never accepted twice; failures are
// throttled with the sign-in counters (the person already gave the password, so the account key is theirs).
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { type PeopleDeps, type RequestMeta, record, sha256, verifyPassword } from './deps.ts';
import { organisations, sessions, users, userTotp } from './schema.ts';
import { assertNotThrottled, clearAccount, recordFailure } from './throttle.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, otpauthUri } from './totp.ts';

type Person = Principal & { kind: 'user' };

function person(p: Principal): Person {
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only people have a second factor.');
  return p;
}

const actor = (p: Person) => ({ type: 'user' as const, id: p.userId, label: p.label });

/** The person's own event: to their `user:` room (their live sockets are re-checked), not the organisation's. */
const own = (p: Person, type: string, data?: Record<string, unknown>) => ({
  orgId: p.orgId,
  type,
  actor: actor(p),
  subjectType: 'user',
  subjectId: p.userId,
  data,
  rooms: [`user:${p.userId}`],
  orgRoom: false,
});

async function loadPerson(deps: PeopleDeps, p: Person) {
  const [row] = await deps.db
    .select({ u: users, orgName: organisations.name, requiredRoles: organisations.totpRequiredRoles, t: userTotp })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(and(eq(users.id, p.userId), eq(users.orgId, p.orgId)));
  if (!row) throw new AppError('unauthenticated', 'Sign in first.');
  return row;
}

/** Starts (or restarts) enrolment: a new pending secret. Refused while a confirmed one exists. */
export async function startTotp(deps: PeopleDeps, principal: Principal, meta: RequestMeta) {
  const p = person(principal);
  const row = await loadPerson(deps, p);
  if (row.t?.confirmedAt) throw new AppError('conflict', 'A second factor is already set up; turn it off first.');
  const secret = newTotpSecret();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(userTotp)
      .values({ userId: p.userId, secret, createdAt: now })
      .onConflictDoUpdate({ target: userTotp.userId, set: { secret, createdAt: now, lastStep: null, recoveryHashes: [] } });
    await record(tx, deps, meta, own(p, 'user.totp_setup_started'));
  });
  return { secret, otpauthUri: otpauthUri(secret, row.orgName, row.u.email) };
}

/** Counts a wrong code: the sign-in throttle and a `user.totp_failed` event; then the 400. */
async function failed(deps: PeopleDeps, p: Person, email: string, meta: RequestMeta & { ip: string }, during: string): Promise<never> {
  await recordFailure(deps, email, meta.ip);
  await deps.db.transaction((tx) => record(tx, deps, meta, own(p, 'user.totp_failed', { during })));
  throw new AppError('invalid_second_factor', 'The code is not correct or has expired.');
}

/**
 * Takes a six-digit code for a step after the last one accepted (one UPDATE, so two requests racing with the
 * same code cannot both win), or a recovery code, which it removes. True when accepted.
 */
async function consumeCode(tx: Executor, userId: string, secret: string, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
  if (/^\d{6}$/.test(code)) {
    const step = matchTotp(secret, code, now);
    if (step === null) return null;
    const won = await tx
      .update(userTotp)
      .set({ lastStep: step })
      .where(and(eq(userTotp.userId, userId), sql`(${userTotp.lastStep} IS NULL OR ${userTotp.lastStep} < ${step})`))
      .returning({ userId: userTotp.userId });
    return won.length ? 'totp' : null;
  }
  const hash = sha256(code);
  const won = await tx
    .update(userTotp)
    .set({ recoveryHashes: sql`array_remove(${userTotp.recoveryHashes}, ${hash})` })
    .where(and(eq(userTotp.userId, userId), sql`${hash} = ANY(${userTotp.recoveryHashes})`))
    .returning({ userId: userTotp.userId });
  return won.length ? 'recovery' : null;
}

/** Confirms enrolment with a first code: the factor is on, this session has passed it; answers the recovery codes once. */
export async function confirmTotp(deps: PeopleDeps, principal: Principal, code: string, meta: RequestMeta & { ip: string }) {
  const p = person(principal);
  const row = await loadPerson(deps, p);
  if (!row.t || row.t.confirmedAt) throw new AppError('conflict', 'Start setting up a second factor first.');
  await assertNotThrottled(deps, row.u.email, meta.ip);
  const codes = newRecoveryCodes();
  const now = deps.clock.now();
  const ok = await deps.db.transaction(async (tx) => {
    if ((await consumeCode(tx, p.userId, row.t!.secret, code, now)) !== 'totp') return false;
    await tx
      .update(userTotp)
      .set({ confirmedAt: now, recoveryHashes: codes.map(sha256) })
      .where(eq(userTotp.userId, p.userId));
    await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.tokenHash, p.sessionHash));
    await record(tx, deps, meta, own(p, 'user.totp_enabled'));
    return true;
  });
  if (!ok) return failed(deps, p, row.u.email, meta, 'enrol');
  await clearAccount(deps, row.u.email);
  return { recoveryCodes: codes };
}

/** The sign-in's second step: a code (or a recovery code) marks this session as having passed it. */
export async function passSecondFactor(deps: PeopleDeps, principal: Principal, code: string, meta: RequestMeta & { ip: string }) {
  const p = person(principal);
  const row = await loadPerson(deps, p);
  if (!row.t?.confirmedAt) throw new AppError('conflict', 'No second factor is set up.');
  await assertNotThrottled(deps, row.u.email, meta.ip);
  const now = deps.clock.now();
  const method = await deps.db.transaction(async (tx) => {
    const used = await consumeCode(tx, p.userId, row.t!.secret, code, now);
    if (!used) return null;
    await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.tokenHash, p.sessionHash));
    await record(tx, deps, meta, own(p, 'user.second_factor_passed', { method: used }));
    return used;
  });
  if (!method) return failed(deps, p, row.u.email, meta, 'sign_in');
  await clearAccount(deps, row.u.email);
}

/** Turns the second factor off (password again); refused while the person's role must use one. */
export async function disableTotp(deps: PeopleDeps, principal: Principal, password: string, meta: RequestMeta & { ip: string }) {
  const p = person(principal);
  const row = await loadPerson(deps, p);
  if (row.requiredRoles.includes(row.u.role)) {
    throw new AppError('conflict', 'Your organisation requires a second factor for your role; it cannot be turned off.');
  }
  await assertNotThrottled(deps, row.u.email, meta.ip);
  if (!(await verifyPassword(deps, row.u.passwordHash, password))) {
    await recordFailure(deps, row.u.email, meta.ip);
    throw new AppError('wrong_password', 'The password is not correct.');
  }
  if (!row.t) return;
  await deps.db.transaction(async (tx) => {
    await tx.delete(userTotp).where(eq(userTotp.userId, p.userId));
    await record(tx, deps, meta, own(p, 'user.totp_disabled'));
  });
}
