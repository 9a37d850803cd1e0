// The gate every guest read passes before anything else: a guest must belong to an external organisation
// that is not archived and must have accepted that organisation's current NDA text (by its SHA-256; a changed
// text must be accepted again). Staff pass untouched. Called by the documents, evidence and search services.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';

/** True when the principal is a guest (an outside person of an agency or law firm). */
export function isGuest(p: Principal | null): boolean {
  return p?.kind === 'user' && p.role === 'guest';
}

/** Throws `nda_required` (403) for a guest who has not accepted their organisation's current NDA. */
export async function guestGate(db: Executor, p: Principal): Promise<void> {
  if (!isGuest(p) || p.kind !== 'user') return;
  const r = await db.execute(sql`
    SELECT eo.id, eo.archived,
      EXISTS (SELECT 1 FROM nda_acceptances na WHERE na.user_id = u.id AND na.external_org_id = eo.id
              AND na.nda_sha256 = encode(sha256(convert_to(eo.nda_text, 'UTF8')), 'hex')) AS accepted
    FROM users u JOIN external_orgs eo ON eo.id = u.external_org_id AND eo.org_id = u.org_id
    WHERE u.id = ${p.userId} AND u.org_id = ${p.orgId}`);
  const row = r.rows[0] as { archived: boolean; accepted: boolean } | undefined;
  if (!row || row.archived) throw new AppError('forbidden', 'Your organisation has no access here.');
  if (!row.accepted) throw new AppError('nda_required', 'Accept the non-disclosure agreement before opening anything.');
}
