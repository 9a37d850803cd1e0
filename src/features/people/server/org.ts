// The organisation's own settings.
import { eq, sql } from 'drizzle-orm';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { actorOf, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { organisations } from './schema.ts';

function view(o: typeof organisations.$inferSelect) {
  return { id: o.id, name: o.name, defaultLocale: o.defaultLocale as 'zh-TW' | 'en', version: o.version };
}

/** The principal's organisation. */
export async function getOrg(deps: PeopleDeps, p: Principal) {
  const [o] = await deps.db.select().from(organisations).where(eq(organisations.id, p.orgId));
  if (!o) throw notFound();
  return view(o);
}

/** Renames the organisation or changes its default language. */
export async function updateOrg(
  deps: PeopleDeps,
  p: Principal,
  input: { name?: string; defaultLocale?: 'zh-TW' | 'en' },
  meta: RequestMeta,
) {
  const before = await getOrg(deps, p);
  return deps.db.transaction(async (tx) => {
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
      data: { before: { name: before.name, defaultLocale: before.defaultLocale }, after: { name: o.name, defaultLocale: o.defaultLocale } },
    });
    return view(o);
  });
}
