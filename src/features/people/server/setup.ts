// First run: create the organisation, its default departments and the first admin; then setup is closed.
import { sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import { departmentKinds } from '../contract.ts';
import { createSession } from './auth.ts';
import { hashPassword, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { departments, organisations, users } from './schema.ts';

const SETUP_LOCK = 715_010;

/** True while no organisation exists. */
export async function isSetupNeeded(deps: PeopleDeps): Promise<boolean> {
  const r = await deps.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM organisations WHERE kind = 'live'`);
  return r.rows[0].n === 0;
}

/** Input of setUp. */
export type SetupInput = { orgName: string; name: string; email: string; password: string; locale: 'zh-TW' | 'en' };

/** Creates the organisation and its first admin, once; returns a session token for the admin. */
export async function setUp(deps: PeopleDeps, input: SetupInput, meta: RequestMeta) {
  const passwordHash = await hashPassword(deps, input.password);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM organisations WHERE kind = 'live'`);
    if (r.rows[0].n > 0) throw new AppError('setup_closed', 'Firebreak is already set up.');
    const [org] = await tx.insert(organisations).values({ name: input.orgName, defaultLocale: input.locale }).returning();
    await tx.insert(departments).values(departmentKinds.map((kind, position) => ({ orgId: org.id, kind, position })));
    const [admin] = await tx
      .insert(users)
      .values({ orgId: org.id, email: input.email, name: input.name, role: 'admin', status: 'active', passwordHash, locale: input.locale })
      .returning();
    await record(tx, deps, meta, {
      orgId: org.id,
      type: 'org.set_up',
      actor: { type: 'user', id: admin.id, label: admin.name },
      subjectType: 'organisation',
      subjectId: org.id,
      data: { orgName: org.name, adminEmail: admin.email },
    });
    const token = await createSession(deps, tx, admin.id, meta);
    return { orgId: org.id, userId: admin.id, token };
  });
}

/** Unattended installs: sets up from FIREBREAK_ADMIN_EMAIL/PASSWORD when the database is empty. */
export async function setUpFromEnvironment(deps: PeopleDeps, env: { orgName: string; email?: string; password?: string }) {
  if (!env.email || !env.password) return false;
  if (!(await isSetupNeeded(deps))) return false;
  try {
    await setUp(
      deps,
      { orgName: env.orgName, name: env.email.split('@')[0], email: env.email, password: env.password, locale: 'zh-TW' },
      {},
    );
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'setup_closed') return false;
    throw e;
  }
}
