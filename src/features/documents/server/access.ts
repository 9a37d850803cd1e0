// Who may open which document — the one rule, as SQL, used by every read: the list, one document, its files,
// search results, counts and facets. A result never appears (not its title, snippet or count) to someone who
// may not open it, because every query that touches documents ANDs this condition.
//
// Classification × reader (deleted documents: no one):
// - admins and the operator: everything of their organisation.
// - managers: public, internal, confidential; legal-privileged only as a privileged reader (below).
// - members: documents without a crisis, and documents of crises whose team they are on; of those, public and
//   internal; confidential only if they own it or are on its crisis's team; legal-privileged only as a
//   privileged reader.
// - privileged reader (律師–客戶特權): the document's owner, people in a legal department, and the crisis's
//   legal counsel (team role `legal_counsel`) for that crisis's documents.
// - reporters: none.
// - guests: documents of a crisis they hold a live grant on (not revoked, not expired) whose classifications
//   include the document's — and only once they have accepted their organisation's NDA (`guestGate`).
//
// The per-person lists (my crises, my grants) are written as `x IN (SELECT … WHERE user = me)`, not as correlated
// EXISTS: inside the ORs here PostgreSQL cannot turn an EXISTS into a join and runs it once per row, while an
// uncorrelated IN becomes one hashed subplan per query (bench:search-everywhere, member: see ARCHITECTURE.md).
import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../../platform/http.ts';

/**
 * The SQL condition "principal may open the document row aliased `alias`" (the alias is a trusted literal
 * chosen by the caller, e.g. `d`). Includes the organisation and not-deleted checks. `now` decides grant expiry.
 */
export function documentVisibleSql(p: Principal, now: Date, alias = 'd'): SQL {
  const d = sql.raw(alias);
  const base = sql`${d}.org_id = ${p.orgId} AND ${d}.deleted_at IS NULL`;
  if (p.kind === 'system') return base;
  if (p.kind !== 'user') return sql`false`;
  const u = p.userId;
  const privileged = sql`(${d}.owner_id = ${u}
    OR EXISTS (SELECT 1 FROM users pu JOIN departments pd ON pd.id = pu.department_id
               WHERE pu.id = ${u} AND pd.kind = 'legal')
    OR (${d}.crisis_id IS NOT NULL AND ${d}.crisis_id IN (SELECT pm.crisis_id FROM crisis_members pm
               WHERE pm.user_id = ${u} AND pm.role = 'legal_counsel')))`;
  switch (p.role) {
    case 'admin':
      return base;
    case 'manager':
      return sql`${base} AND (${d}.classification <> 'legal_privileged' OR ${privileged})`;
    case 'member': {
      const onTeam = sql`(${d}.crisis_id IS NOT NULL AND ${d}.crisis_id IN (SELECT tm.crisis_id FROM crisis_members tm
               WHERE tm.user_id = ${u}))`;
      return sql`${base} AND (${d}.crisis_id IS NULL OR ${onTeam}) AND (
        ${d}.classification IN ('public', 'internal')
        OR (${d}.classification = 'confidential' AND (${d}.owner_id = ${u} OR ${onTeam}))
        OR (${d}.classification = 'legal_privileged' AND ${privileged}))`;
    }
    case 'guest':
      return sql`${base} AND ${d}.crisis_id IS NOT NULL AND (${d}.crisis_id, ${d}.classification) IN (
        SELECT gg.crisis_id, unnest(gg.classifications) FROM guest_grants gg
        WHERE gg.guest_id = ${u} AND gg.org_id = ${p.orgId} AND gg.revoked_at IS NULL AND gg.expires_at > ${now.toISOString()})`;
    default:
      return sql`false`;
  }
}

/**
 * The SQL condition "a guest may see that crisis exists" (a live grant on it): for crisis titles shown next to
 * their documents. Staff use the crises feature's own rights.
 */
export function guestCrisisVisibleSql(p: Principal, now: Date, crisisIdExpr: SQL): SQL {
  if (p.kind !== 'user' || p.role !== 'guest') return sql`false`;
  return sql`EXISTS (SELECT 1 FROM guest_grants gg WHERE gg.guest_id = ${p.userId} AND gg.org_id = ${p.orgId}
    AND gg.crisis_id = ${crisisIdExpr} AND gg.revoked_at IS NULL AND gg.expires_at > ${now.toISOString()})`;
}
