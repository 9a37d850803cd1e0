// The CLI's one-shot commands: each opens the database, calls a service, and closes it.
import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { roles } from '../features/people/contract.ts';
import type { PeopleDeps } from '../features/people/server/deps.ts';
import { organisations } from '../features/people/server/schema.ts';
import { createUser, resetPassword } from '../features/people/server/users.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { lockOwner } from '../platform/data-lock.ts';
import { openDatabase } from '../platform/database-target.ts';
import { createDb } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { verifyChain } from '../platform/events.ts';
import { runMigrations } from '../platform/migrate.ts';

type Values = Record<string, string | boolean | undefined>;

async function withPeople<T>(config: Config, fn: (deps: PeopleDeps) => Promise<T>): Promise<T> {
  const target = await openDatabase(config, { exclusive: false, log: (m) => console.error(m) });
  const database = createDb(target.url, { max: 2 });
  try {
    await runMigrations(target.url);
    const deps: PeopleDeps = {
      db: database.db,
      clock: systemClock,
      settings: {
        sessionIdleMs: config.sessionIdleMs,
        sessionMaxMs: config.sessionMaxMs,
        loginMaxFailures: config.loginMaxFailures,
        publicUrl: config.publicUrl ?? lockOwner(config.dataDir)?.url ?? `http://localhost:${config.port || 3000}`,
      },
    };
    return await fn(deps);
  } finally {
    await database.close();
    await target.release();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

/** `firebreak migrate` */
export async function migrate(config: Config) {
  return withPeople(config, async () => {
    console.log('Migrations are up to date.');
    return 0;
  });
}

/** `firebreak user create` */
export async function userCreate(config: Config, v: Values) {
  const email = String(v.email ?? '')
    .trim()
    .toLowerCase();
  const name = String(v.name ?? '').trim();
  const role = String(v.role ?? 'member');
  if (!email || !name) return fail('--email and --name are required.');
  if (!(roles as readonly string[]).includes(role)) return fail(`--role must be one of ${roles.join(', ')}.`);
  const password = v['password-stdin'] ? await readStdin() : undefined;
  if (password !== undefined && password.length < 12) return fail('The password must be at least 12 characters.');
  return withPeople(config, async (deps) => {
    const [org] = await deps.db
      .select()
      .from(organisations)
      .where(eq(organisations.kind, 'live'))
      .orderBy(asc(organisations.createdAt))
      .limit(1);
    if (!org) return fail('Firebreak is not set up yet: open the web app, or set FIREBREAK_ADMIN_EMAIL and FIREBREAK_ADMIN_PASSWORD.');
    try {
      const r = await createUser(
        deps,
        { kind: 'system', orgId: org.id, label: 'cli' },
        { email, name, role: role as (typeof roles)[number], password },
        {},
      );
      console.log(`Created ${r.user.role} ${r.user.email} (${r.user.id}).`);
      if (r.invite) console.log(`Invite link (valid until ${r.invite.expiresAt}): ${r.invite.inviteUrl}`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) return fail(e.message);
      throw e;
    }
  });
}

/** `firebreak user reset-password` */
export async function userResetPassword(config: Config, v: Values) {
  const email = String(v.email ?? '')
    .trim()
    .toLowerCase();
  if (!email) return fail('--email is required.');
  const given = v['password-stdin'] ? await readStdin() : undefined;
  if (given !== undefined && given.length < 12) return fail('The password must be at least 12 characters.');
  const password = given ?? crypto.randomBytes(12).toString('base64url');
  return withPeople(config, async (deps) => {
    try {
      await resetPassword(deps, email, password);
    } catch (e) {
      if (e instanceof AppError) return fail(e.message);
      throw e;
    }
    console.log(given ? `Password set for ${email}; their sessions have ended.` : `New password for ${email}: ${password}`);
    return 0;
  });
}

/** `firebreak audit verify` */
export async function auditVerify(config: Config, v: Values) {
  return withPeople(config, async (deps) => {
    const report = await verifyChain(deps.db);
    if (v.json) console.log(JSON.stringify(report));
    else if (report.ok) console.log(`Audit chain intact: ${report.checked} events verified.`);
    else console.log(`Audit chain BROKEN at event ${report.brokenAt}: ${report.reason} (${report.checked} events verified before it).`);
    return report.ok ? 0 : 1;
  });
}
