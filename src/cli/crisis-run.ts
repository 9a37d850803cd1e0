// `firebreak crisis …` once the command line is good: opens the database, picks the organisation, calls
// the crisis services as the system principal (`cli`), prints, and turns errors into exit codes.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CrisisDetail, CrisisStatus, DeclareInput } from '../features/crises/contract.ts';
import { declareCrisis, getCrisis, listCrises } from '../features/crises/server/crises.ts';
import { crises } from '../features/crises/server/schema.ts';
import { organisations, users } from '../features/people/server/schema.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/database-target.ts';
import { createDb, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../platform/events.ts';
import { actorOf, type Principal } from '../platform/http.ts';
import { runMigrations } from '../platform/migrate.ts';
import { type CrisisRef, flagOf, UsageError } from './crisis.ts';
import { type Org, printDetail, printList } from './crisis-format.ts';

type Ctx = { deps: { db: Db; clock: Clock }; p: Principal; actor: Actor; org: Org };

function fail(message: string, code = 1): number {
  console.error(message);
  return code;
}

/** The organisation to act in: `--org`, else the only one there is. */
async function pickOrg(db: Db, orgId: string | undefined): Promise<Org> {
  const all = await db
    .select({ id: organisations.id, name: organisations.name, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.kind, 'live'))
    .orderBy(asc(organisations.createdAt));
  const listing = () => all.map((o) => `  ${o.id}  ${o.name}`).join('\n');
  if (orgId !== undefined) {
    const org = all.find((o) => o.id === orgId);
    if (!org) throw new AppError('not_found', `No organisation ${orgId}. The organisations are:\n${listing()}`);
    return org;
  }
  if (all.length === 0) throw new AppError('conflict', 'Firebreak is not set up yet: open the web app first.');
  if (all.length > 1) throw new UsageError(`There are ${all.length} organisations; choose one with --org ID:\n${listing()}`);
  return all[0];
}

/** Opens the database, picks the organisation, runs `fn`, and turns errors into exit codes. */
async function withCrises(config: Config, orgId: string | undefined, fn: (ctx: Ctx) => Promise<number>): Promise<number> {
  const target = await openDatabase(config, { exclusive: false, log: (m) => console.error(m) });
  const database = createDb(target.url, { max: 2 });
  try {
    await runMigrations(target.url);
    const org = await pickOrg(database.db, orgId);
    const p: Principal = { kind: 'system', orgId: org.id, label: 'cli' };
    return await fn({ deps: { db: database.db, clock: systemClock }, p, actor: actorOf(p), org });
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message, 2);
    if (e instanceof AppError)
      return fail(e.errors?.length ? e.errors.map((x) => `${flagOf[x.path] ?? x.path}: ${x.message}`).join('\n') : e.message);
    throw e;
  } finally {
    await database.close();
    await target.release();
  }
}

/** Declares through the service and prints the new crisis. */
export function runDeclare(
  config: Config,
  orgId: string | undefined,
  input: DeclareInput,
  json: boolean,
  commanderEmail?: string,
): Promise<number> {
  return withCrises(config, orgId, async ({ deps, p, actor, org }) => {
    let commanderId: string | undefined;
    if (commanderEmail) {
      const where = and(eq(users.orgId, org.id), sql`lower(${users.email}) = ${commanderEmail}`);
      commanderId = (await deps.db.select({ id: users.id }).from(users).where(where))[0]?.id;
      if (!commanderId) return fail(`--commander: nobody in ${org.name} has the e-mail ${commanderEmail}.`);
    }
    const c = await declareCrisis(deps, p, actor, commanderId ? { ...input, commanderId } : input, {});
    if (json) console.log(JSON.stringify(c, null, 2));
    else printDetail(c, org, deps.clock.now(), { declared: true });
    return 0;
  });
}

/** Lists through the service (newest first, at most 200). */
export function runList(config: Config, orgId: string | undefined, status: 'active' | CrisisStatus | undefined, json: boolean) {
  return withCrises(config, orgId, async ({ deps, p, org }) => {
    const r = await listCrises(deps, p, { status, limit: 200 });
    if (json) console.log(JSON.stringify(r, null, 2));
    else printList(r.crises, org, deps.clock.now(), status);
    return 0;
  });
}

/** Shows one crisis, found by its per-organisation number or its id. */
export function runShow(config: Config, orgId: string | undefined, ref: CrisisRef, json: boolean) {
  return withCrises(config, orgId, async ({ deps, p, org }) => {
    const missing = `No crisis ${'number' in ref ? `#${ref.number}` : ref.id} in ${org.name}.`;
    let id = 'id' in ref ? ref.id : undefined;
    if ('number' in ref) {
      const where = and(eq(crises.orgId, org.id), eq(crises.number, ref.number));
      id = (await deps.db.select({ id: crises.id }).from(crises).where(where))[0]?.id;
    }
    let c: CrisisDetail | undefined;
    try {
      if (id) c = await getCrisis(deps, p, id);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'not_found')) throw e;
    }
    if (!c) return fail(missing);
    if (json) console.log(JSON.stringify(c, null, 2));
    else printDetail(c, org, deps.clock.now());
    return 0;
  });
}
