// The organisation's second-factor policy: which roles must use TOTP (admins and guests by default).
import { eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { SecuritySettings } from '../totp-contract.ts';
import { actorOf, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { organisations } from './schema.ts';

const view = (o: { version: number; totpRequiredRoles: string[] }): SecuritySettings => ({
  version: o.version,
  totpRequiredRoles: o.totpRequiredRoles as SecuritySettings['totpRequiredRoles'],
});

/** The organisation's policy. */
export async function getSecuritySettings(deps: PeopleDeps, p: Principal): Promise<SecuritySettings> {
  const [o] = await deps.db.select().from(organisations).where(eq(organisations.id, p.orgId));
  if (!o) throw notFound();
  return view(o);
}

/**
 * Changes which roles must use a second factor. `version` is the organisation's (shared with its other
 * settings): a stale one is a 409, never a silent overwrite of what another admin just chose.
 */
export async function updateSecuritySettings(
  deps: PeopleDeps,
  p: Principal,
  input: { version: number; totpRequiredRoles: string[] },
  meta: RequestMeta,
): Promise<SecuritySettings> {
  return deps.db.transaction(async (tx) => {
    const [b] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId)).for('update');
    if (!b) throw notFound();
    if (b.version !== input.version) throw new AppError('conflict', 'Someone changed the organisation settings meanwhile; reload.');
    const roles = [...new Set(input.totpRequiredRoles)].sort();
    const [o] = await tx
      .update(organisations)
      .set({ totpRequiredRoles: roles, version: sql`${organisations.version} + 1` })
      .where(eq(organisations.id, p.orgId))
      .returning();
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'org.security_updated',
      actor: actorOf(p),
      subjectType: 'organisation',
      subjectId: p.orgId,
      data: { before: { totpRequiredRoles: b.totpRequiredRoles }, after: { totpRequiredRoles: o.totpRequiredRoles } },
    });
    return view(o);
  });
}
