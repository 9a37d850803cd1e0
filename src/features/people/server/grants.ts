// Guest grants: a guest's access to one crisis's documents of some classifications, until an expiry at most a
// year ahead. Revocation sets `revoked_at`; every read checks the live row (documentVisibleSql), and each event
// is addressed to the guest's `user:` room, so their sockets are re-checked and their open page refetches (404s).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Grant, grantInput, grantPatch } from '../guest-contract.ts';
import { actorOf, type PeopleDeps, type RequestMeta, record } from './deps.ts';

const YEAR_MS = 366 * 24 * 3_600_000; // a leap year's worth: "a year from today" is always allowed
/** Serialises grant creation per guest, so two requests cannot both add a live grant on one crisis. */
const GRANT_LOCK = 715_071;

type GrantRow = {
  id: string;
  guest_id: string;
  guest_name: string;
  external_org_id: string | null;
  crisis_id: string;
  crisis_title: string;
  crisis_number: number;
  classifications: string[];
  expires_at: Date | string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  version: number;
};

function grantView(r: GrantRow, now: Date): Grant {
  const expiresAt = new Date(r.expires_at);
  return {
    id: r.id,
    guestId: r.guest_id,
    guestName: r.guest_name,
    externalOrgId: r.external_org_id,
    crisisId: r.crisis_id,
    crisisTitle: r.crisis_title,
    crisisNumber: Number(r.crisis_number),
    classifications: r.classifications as Grant['classifications'],
    expiresAt: expiresAt.toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
    state: r.revoked_at !== null ? 'revoked' : expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
    version: Number(r.version),
  };
}

/** Filters of listGrants. */
export type GrantFilter = { guestId?: string; crisisId?: string; id?: string; activeOnly?: boolean };

async function queryGrants(db: Executor, orgId: string, now: Date, f: GrantFilter): Promise<Grant[]> {
  const r = await db.execute<GrantRow>(sql`
    SELECT gg.id, gg.guest_id, u.name AS guest_name, u.external_org_id, gg.crisis_id, c.title AS crisis_title,
      c.number AS crisis_number, gg.classifications, gg.expires_at, gg.created_at, gg.revoked_at, gg.version
    FROM guest_grants gg JOIN users u ON u.id = gg.guest_id JOIN crises c ON c.id = gg.crisis_id AND c.org_id = gg.org_id
    WHERE gg.org_id = ${orgId}
      ${f.id ? sql`AND gg.id = ${f.id}` : sql``}
      ${f.guestId ? sql`AND gg.guest_id = ${f.guestId}` : sql``}
      ${f.crisisId ? sql`AND gg.crisis_id = ${f.crisisId}` : sql``}
      ${f.activeOnly ? sql`AND gg.revoked_at IS NULL AND gg.expires_at > ${now.toISOString()}` : sql``}
    ORDER BY (gg.revoked_at IS NULL AND gg.expires_at > ${now.toISOString()}) DESC, gg.created_at DESC
    LIMIT 1000`);
  return r.rows.map((x) => grantView(x, now));
}

/** Grants of the principal's organisation, live ones first, newest first. */
export function listGrants(deps: PeopleDeps, p: Principal, f: GrantFilter): Promise<Grant[]> {
  return queryGrants(deps.db, p.orgId, deps.clock.now(), f);
}

async function oneGrant(db: Executor, p: Principal, now: Date, id: string): Promise<Grant> {
  const [g] = await queryGrants(db, p.orgId, now, { id });
  if (!g) throw notFound('No such grant.');
  return g;
}

const invalid = (path: string, message: string, code: string) =>
  new AppError('validation_failed', message, { errors: [{ path, message, code }] });

/** The expiry must be in the future and at most a year ahead. */
function checkExpiry(expiresAt: string, now: Date): Date {
  const at = new Date(expiresAt);
  if (at.getTime() <= now.getTime()) throw invalid('expiresAt', 'The expiry must be in the future.', 'in_past');
  if (at.getTime() > now.getTime() + YEAR_MS) throw invalid('expiresAt', 'A grant lasts at most one year.', 'too_far');
  return at;
}

/** The guest must be a guest (not deactivated) of a non-archived external organisation of this organisation. */
async function checkGuest(tx: Executor, p: Principal, guestId: string) {
  const r = await tx.execute<{ role: string; status: string; archived: boolean | null }>(sql`
    SELECT u.role, u.status, eo.archived FROM users u
    LEFT JOIN external_orgs eo ON eo.id = u.external_org_id AND eo.org_id = u.org_id
    WHERE u.id = ${guestId} AND u.org_id = ${p.orgId}`);
  const g = r.rows[0];
  if (!g) throw invalid('guestId', 'No such person.', 'not_found');
  if (g.role !== 'guest' || g.archived === null)
    throw invalid('guestId', 'Only guests of an external organisation receive grants.', 'not_a_guest');
  if (g.archived) throw invalid('guestId', 'The guest’s organisation is archived.', 'archived');
  if (g.status === 'deactivated') throw invalid('guestId', 'This guest is deactivated.', 'deactivated');
}

/** Grants a guest access to a crisis's documents of the given classifications. */
export async function createGrant(
  deps: Pick<PeopleDeps, 'db' | 'clock'>,
  p: Principal,
  input: z.output<typeof grantInput>,
  meta: RequestMeta,
): Promise<Grant> {
  const now = deps.clock.now();
  const expiresAt = checkExpiry(input.expiresAt, now);
  const classifications = [...new Set(input.classifications)];
  const id = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${GRANT_LOCK}, hashtext(${input.guestId}))`);
    await checkGuest(tx, p, input.guestId);
    const c = await tx.execute(sql`SELECT 1 FROM crises WHERE id = ${input.crisisId} AND org_id = ${p.orgId}`);
    if (c.rows.length === 0) throw invalid('crisisId', 'No such crisis.', 'not_found');
    const live = await tx.execute(sql`SELECT 1 FROM guest_grants WHERE guest_id = ${input.guestId} AND crisis_id = ${input.crisisId}
      AND revoked_at IS NULL AND expires_at > ${now.toISOString()}`);
    if (live.rows.length)
      throw new AppError('conflict', 'This guest already has a live grant on this crisis; change that one instead.', {
        errors: [{ path: 'crisisId', message: 'already granted', code: 'already_granted' }],
      });
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO guest_grants (org_id, guest_id, crisis_id, classifications, expires_at, created_by, created_at)
      VALUES (${p.orgId}, ${input.guestId}, ${input.crisisId},
        ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(classifications)}::jsonb)),
        ${expiresAt.toISOString()}, ${p.kind === 'user' ? p.userId : null}, ${now.toISOString()})
      RETURNING id`);
    const grantId = r.rows[0].id;
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'guest.grant_created',
      actor: actorOf(p),
      subjectType: 'guest_grant',
      subjectId: grantId,
      data: { guestId: input.guestId, crisisId: input.crisisId, classifications, expiresAt: expiresAt.toISOString() },
      rooms: [`user:${input.guestId}`],
    });
    return grantId;
  });
  return oneGrant(deps.db, p, now, id);
}

/** Loads a grant row for change, checking the version the client saw (stale: 409). */
async function lockGrant(tx: Executor, p: Principal, id: string) {
  const r = await tx.execute<{
    guest_id: string;
    crisis_id: string;
    version: number;
    revoked_at: Date | null;
    classifications: string[];
    expires_at: Date | string;
  }>(
    sql`SELECT guest_id, crisis_id, version, revoked_at, classifications, expires_at FROM guest_grants
        WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`,
  );
  const g = r.rows[0];
  if (!g) throw notFound('No such grant.');
  return g;
}

const stale = () => new AppError('conflict', 'Someone changed this grant meanwhile; reload it.');

/** Changes a live or expired grant's classifications or expiry (a revoked grant stays revoked: grant anew). */
export async function updateGrant(deps: PeopleDeps, p: Principal, id: string, input: z.output<typeof grantPatch>, meta: RequestMeta) {
  const now = deps.clock.now();
  const expiresAt = input.expiresAt ? checkExpiry(input.expiresAt, now) : undefined;
  const classifications = input.classifications ? [...new Set(input.classifications)] : undefined;
  await deps.db.transaction(async (tx) => {
    const g = await lockGrant(tx, p, id);
    if (g.version !== input.version) throw stale();
    if (g.revoked_at) throw new AppError('conflict', 'This grant was revoked; grant access anew instead.');
    await tx.execute(sql`
      UPDATE guest_grants SET version = version + 1
        ${classifications ? sql`, classifications = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(classifications)}::jsonb))` : sql``}
        ${expiresAt ? sql`, expires_at = ${expiresAt.toISOString()}` : sql``}
      WHERE id = ${id}`);
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'guest.grant_updated',
      actor: actorOf(p),
      subjectType: 'guest_grant',
      subjectId: id,
      data: {
        guestId: g.guest_id,
        crisisId: g.crisis_id,
        before: { classifications: g.classifications, expiresAt: new Date(g.expires_at).toISOString() },
        after: { classifications: classifications ?? g.classifications, expiresAt: (expiresAt ?? new Date(g.expires_at)).toISOString() },
      },
      rooms: [`user:${g.guest_id}`],
    });
  });
  return oneGrant(deps.db, p, now, id);
}

/**
 * Revokes a grant at once. Safe to repeat: revoking an already revoked grant answers with it unchanged (a retry
 * carries the version it saw before the first revocation), and writes no second event.
 */
export async function revokeGrant(deps: PeopleDeps, p: Principal, id: string, version: number, meta: RequestMeta) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const g = await lockGrant(tx, p, id);
    if (g.revoked_at) return;
    if (g.version !== version) throw stale();
    await tx.execute(sql`
      UPDATE guest_grants SET revoked_at = ${now.toISOString()}, revoked_by = ${p.kind === 'user' ? p.userId : null},
        version = version + 1 WHERE id = ${id}`);
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'guest.grant_revoked',
      actor: actorOf(p),
      subjectType: 'guest_grant',
      subjectId: id,
      data: { guestId: g.guest_id, crisisId: g.crisis_id },
      rooms: [`user:${g.guest_id}`],
    });
  });
  return oneGrant(deps.db, p, now, id);
}
