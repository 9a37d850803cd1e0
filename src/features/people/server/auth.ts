// Sign-in, sessions, sign-out, password change, and turning a request into a principal.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Session } from '../contract.ts';
import { hashPassword, type PeopleDeps, type RequestMeta, randomSecret, record, sha256, verifyPassword } from './deps.ts';
import { permissionsOf } from './policies.ts';
import { apiTokens, organisations, sessions, users, userTotp } from './schema.ts';
import { assertNotThrottled, clearAccount, recordFailure } from './throttle.ts';
import { secondFactorOf } from './totp-state.ts';
import { userView } from './views.ts';

const TOUCH_EVERY_MS = 60_000;

/** Creates a session row for a user; returns the raw token for the cookie. */
export async function createSession(deps: PeopleDeps, tx: Pick<PeopleDeps['db'], 'insert'>, userId: string, meta: RequestMeta) {
  const token = randomSecret();
  const now = deps.clock.now();
  await tx.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken: randomSecret(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.settings.sessionMaxMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400),
  });
  return token;
}

/** Signs in with e-mail and password; the error never says which part was wrong. The new session may still
 * need the second factor (`verify`) or its set-up (`enrol`): the answer says which, for the sign-in page. */
export async function signIn(deps: PeopleDeps, email: string, password: string, meta: RequestMeta & { ip: string }) {
  await assertNotThrottled(deps, email, meta.ip);
  const [user] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.sandboxOf)));
  const ok = await verifyPassword(deps, user?.status === 'active' ? user.passwordHash : null, password);
  if (!user || !ok || user.status !== 'active') {
    await recordFailure(deps, email, meta.ip);
    if (user) {
      await deps.db.transaction((tx) =>
        record(tx, deps, meta, {
          orgId: user.orgId,
          type: 'user.sign_in_failed',
          actor: { type: 'system', label: 'sign-in' },
          subjectType: 'user',
          subjectId: user.id,
          data: { reason: user.status !== 'active' ? user.status : 'wrong_password' },
          rooms: [],
        }),
      );
    }
    throw new AppError('invalid_credentials', 'The e-mail or password is not correct.');
  }
  await clearAccount(deps, email);
  const token = await deps.db.transaction(async (tx) => {
    const token = await createSession(deps, tx, user.id, meta);
    await tx.update(users).set({ lastSignInAt: deps.clock.now() }).where(eq(users.id, user.id));
    await record(tx, deps, meta, {
      orgId: user.orgId,
      type: 'user.signed_in',
      actor: { type: 'user', id: user.id, label: user.name },
      subjectType: 'user',
      subjectId: user.id,
      rooms: [],
    });
    return token;
  });
  const facts = await secondFactorFacts(deps, user.id);
  return { token, secondFactor: facts ? secondFactorOf({ ...facts, secondFactorAt: null, now: deps.clock.now() }).state : 'ok' };
}

/** The user's side of the second-factor rule: role, the organisation's required roles, a confirmed TOTP. */
async function secondFactorFacts(deps: PeopleDeps, userId: string) {
  const [row] = await deps.db
    .select({
      role: users.role,
      userCreatedAt: users.createdAt,
      requiredRoles: organisations.totpRequiredRoles,
      confirmedAt: userTotp.confirmedAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(users.id, userId));
  return row ? { ...row, enabled: row.confirmedAt !== null } : undefined;
}

/** Ends one session. */
export async function signOut(deps: PeopleDeps, principal: Principal, meta: RequestMeta) {
  if (principal.kind !== 'user') return;
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, principal.sessionHash));
    await record(tx, deps, meta, {
      orgId: principal.orgId,
      type: 'user.signed_out',
      actor: { type: 'user', id: principal.userId, label: principal.label },
      subjectType: 'user',
      subjectId: principal.userId,
      rooms: [],
    });
  });
}

/** Resolves a session cookie to a principal, enforcing idle and absolute timeouts. */
export async function authenticateSession(deps: PeopleDeps, token: string): Promise<Principal | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = sha256(token);
  const [row] = await deps.db
    .select({
      s: sessions,
      u: users,
      requiredRoles: organisations.totpRequiredRoles,
      orgKind: organisations.kind,
      totpConfirmedAt: userTotp.confirmedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const now = deps.clock.now();
  const idleExpired = now.getTime() - row.s.lastSeenAt.getTime() > deps.settings.sessionIdleMs;
  if (row.u.status !== 'active' || now >= row.s.expiresAt || idleExpired) {
    await deps.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const secondFactor = secondFactorOf({
    secondFactorAt: row.s.secondFactorAt,
    enabled: row.totpConfirmedAt !== null,
    role: row.u.role,
    requiredRoles: row.requiredRoles,
    userCreatedAt: row.u.createdAt,
    now,
  }).state;
  const base = { kind: 'user' as const, sessionHash: tokenHash, csrfToken: row.s.csrfToken, secondFactor };
  if (row.s.actingUserId) {
    // Inside a drill the session acts as the person's sandbox copy, while the copy and the drill's sandbox exist.
    const acting = await actingUser(deps, row.s.actingUserId, row.u.id);
    if (acting)
      return {
        ...base,
        userId: acting.id,
        orgId: acting.orgId,
        role: acting.role,
        label: acting.name,
        realUserId: row.u.id,
        orgKind: 'drill',
      };
    await deps.db.update(sessions).set({ actingUserId: null }).where(eq(sessions.tokenHash, tokenHash));
  }
  const orgKind = row.orgKind === 'demo' || row.orgKind === 'drill' ? row.orgKind : undefined;
  return { ...base, userId: row.u.id, orgId: row.u.orgId, role: row.u.role, label: row.u.name, ...(orgKind ? { orgKind } : {}) };
}

/** The sandbox copy a session acts as, if it is still an active copy of that person in a drill's sandbox. */
async function actingUser(deps: PeopleDeps, actingUserId: string, realUserId: string) {
  const [a] = await deps.db
    .select({ id: users.id, orgId: users.orgId, role: users.role, name: users.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, actingUserId), eq(users.sandboxOf, realUserId), eq(users.status, 'active'), eq(organisations.kind, 'drill')));
  return a ?? null;
}

/** Resolves a bearer API token to a principal. */
export async function authenticateToken(deps: PeopleDeps, secret: string): Promise<Principal | null> {
  if (!secret.startsWith('fbk_') || secret.length > 100) return null;
  const [t] = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt)));
  const now = deps.clock.now();
  if (!t || (t.expiresAt && t.expiresAt <= now)) return null;
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, t.id));
  }
  return { kind: 'token', tokenId: t.id, orgId: t.orgId, scopes: t.scopes, label: `token:${t.name}` };
}

/**
 * The signed-in user's session view: user, organisation, CSRF token, permissions, and where the session stands
 * with the second factor (a pending session holds no permissions: the web app sends it to the code or set-up).
 */
export async function sessionInfo(deps: PeopleDeps, principal: Principal): Promise<Session> {
  if (principal.kind !== 'user') throw new AppError('forbidden', 'Only people have sessions.');
  const [row] = await deps.db
    .select({ u: users, o: organisations, t: userTotp, sfa: sessions.secondFactorAt })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .innerJoin(sessions, eq(sessions.tokenHash, principal.sessionHash))
    .leftJoin(userTotp, eq(userTotp.userId, principal.realUserId ?? principal.userId))
    .where(eq(users.id, principal.userId));
  if (!row) throw new AppError('unauthenticated', 'Sign in first.');
  // Inside a drill the second factor is the real person's (their copy never enrols).
  const real = principal.realUserId ? (await deps.db.select().from(users).where(eq(users.id, principal.realUserId)))[0] : row.u;
  const drill = principal.realUserId
    ? await deps.db.execute<{ id: string }>(sql`SELECT id FROM drills WHERE sandbox_org_id = ${row.o.id}`)
    : null;
  const enabled = Boolean(row.t?.confirmedAt);
  const sf = secondFactorOf({
    secondFactorAt: row.sfa,
    enabled,
    role: real.role,
    requiredRoles: real.orgId === row.o.id ? row.o.totpRequiredRoles : await requiredRolesOf(deps, real.orgId),
    userCreatedAt: real.createdAt,
    now: deps.clock.now(),
  });
  return {
    user: userView(row.u),
    org: { id: row.o.id, name: row.o.name, timeZone: row.o.timeZone, kind: orgKind(row.o.kind) },
    drillId: drill?.rows[0]?.id ?? null,
    csrfToken: principal.csrfToken,
    permissions: sf.state === 'ok' ? permissionsOf(principal) : [],
    secondFactor: {
      state: sf.state,
      enabled,
      required: sf.required,
      graceEndsAt: sf.state === 'ok' && sf.graceEndsAt ? sf.graceEndsAt.toISOString() : null,
      recoveryCodesLeft: enabled ? (row.t?.recoveryHashes.length ?? 0) : 0,
    },
  };
}

function orgKind(kind: string): 'live' | 'demo' | 'drill' {
  return kind === 'demo' || kind === 'drill' ? kind : 'live';
}

async function requiredRolesOf(deps: PeopleDeps, orgId: string) {
  const [o] = await deps.db.select({ r: organisations.totpRequiredRoles }).from(organisations).where(eq(organisations.id, orgId));
  return o?.r ?? [];
}

/** Changes the signed-in user's own password; other sessions of that user end. */
export async function changePassword(deps: PeopleDeps, principal: Principal, current: string, next: string, meta: RequestMeta) {
  if (principal.kind !== 'user') throw new AppError('forbidden', 'Only people have passwords.');
  const [u] = await deps.db.select().from(users).where(eq(users.id, principal.userId));
  if (!u || !(await verifyPassword(deps, u.passwordHash, current))) {
    throw new AppError('wrong_password', 'The current password is not correct.');
  }
  const passwordHash = await hashPassword(deps, next);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: deps.clock.now() }).where(eq(users.id, u.id));
    const others = await tx.select({ h: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, u.id));
    for (const s of others) if (s.h !== principal.sessionHash) await tx.delete(sessions).where(eq(sessions.tokenHash, s.h));
    await record(tx, deps, meta, {
      orgId: u.orgId,
      type: 'user.password_changed',
      actor: { type: 'user', id: u.id, label: u.name },
      subjectType: 'user',
      subjectId: u.id,
      rooms: [],
    });
  });
}
