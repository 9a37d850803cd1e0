// The organisation's own settings.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { ORG_DEFAULT_TIME_ZONE } from '../../../platform/time-zone.ts';
import { actorOf, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { organisations } from './schema.ts';

function view(o: typeof organisations.$inferSelect) {
  return { id: o.id, name: o.name, defaultLocale: o.defaultLocale as 'zh-TW' | 'en', timeZone: o.timeZone, version: o.version };
}

/** The settings the audit log compares before and after a change. */
const audited = (o: ReturnType<typeof view>) => ({ name: o.name, defaultLocale: o.defaultLocale, timeZone: o.timeZone });

/** The principal's organisation. */
export async function getOrg(deps: PeopleDeps, p: Principal) {
  const [o] = await deps.db.select().from(organisations).where(eq(organisations.id, p.orgId));
  if (!o) throw notFound();
  return view(o);
}

/** The organisation's time zone (IANA name; Asia/Taipei unless an admin changed it), for other features. */
export async function orgTimeZone(db: Executor, orgId: string): Promise<string> {
  const [o] = await db.select({ timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, orgId));
  return o?.timeZone ?? ORG_DEFAULT_TIME_ZONE;
}

/** Renames the organisation, or changes its default language or time zone. */
export async function updateOrg(
  deps: PeopleDeps,
  p: Principal,
  input: { name?: string; defaultLocale?: 'zh-TW' | 'en'; timeZone?: string },
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const [b] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId)).for('update');
    if (!b) throw notFound();
    const [o] = await tx
      .update(organisations)
      .set({ ...input, version: sql`${organisations.version} + 1` })
      .where(eq(organisations.id, p.orgId))
      .returning();
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'org.updated',
      actor: actorOf(p),
      subjectType: 'organisation',
      subjectId: p.orgId,
      data: { before: audited(view(b)), after: audited(view(o)) },
    });
    return view(o);
  });
}
