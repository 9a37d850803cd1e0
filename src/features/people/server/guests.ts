// Guests of external organisations: invitation (a `guest` user, the existing one-time invite link, an e-mail in
// their language), the list staff see, a guest's own view, and NDA acceptance bound to the text's SHA-256.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { ExternalOrgKind, GuestView, guestInviteBody, guestSelfOut } from '../guest-contract.ts';
import { actorOf, iso, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { loadExternalOrg, ndaHash } from './external-orgs.ts';
import { listGrants } from './grants.ts';
import { type MailSettings, sendGuestInvite } from './guests-mail.ts';
import { createInvite } from './invites.ts';
import { organisations, users } from './schema.ts';

type GuestRow = {
  id: string;
  external_org_id: string;
  name: string;
  email: string;
  locale: string;
  status: string;
  last_sign_in_at: Date | string | null;
  nda_accepted_at: Date | string | null;
  active_grants: number;
  version: number;
  created_at: Date | string;
};

const isoOf = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function guestView(r: GuestRow): GuestView {
  return {
    id: r.id,
    externalOrgId: r.external_org_id,
    name: r.name,
    email: r.email,
    locale: r.locale,
    status: r.status,
    lastSignInAt: isoOf(r.last_sign_in_at),
    ndaAcceptedAt: isoOf(r.nda_accepted_at),
    activeGrantCount: Number(r.active_grants),
    version: Number(r.version),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The guests of one external organisation (optionally one guest), with NDA acceptance of the current text. */
export async function queryGuests(db: Executor, orgId: string, externalOrgId: string, now: Date, userId?: string): Promise<GuestView[]> {
  const r = await db.execute<GuestRow>(sql`
    SELECT u.id, u.external_org_id, u.name, u.email, u.locale, u.status, u.last_sign_in_at, u.version, u.created_at,
      (SELECT max(na.accepted_at) FROM nda_acceptances na WHERE na.user_id = u.id AND na.external_org_id = eo.id
         AND na.nda_sha256 = encode(sha256(convert_to(eo.nda_text, 'UTF8')), 'hex')) AS nda_accepted_at,
      (SELECT count(*)::int FROM guest_grants gg WHERE gg.guest_id = u.id AND gg.org_id = u.org_id
         AND gg.revoked_at IS NULL AND gg.expires_at > ${now.toISOString()}) AS active_grants
    FROM users u JOIN external_orgs eo ON eo.id = u.external_org_id AND eo.org_id = u.org_id
    WHERE u.org_id = ${orgId} AND u.role = 'guest' AND eo.id = ${externalOrgId} ${userId ? sql`AND u.id = ${userId}` : sql``}
    ORDER BY u.created_at, u.email`);
  return r.rows.map(guestView);
}

/** The guests of an external organisation of the principal's organisation. */
export async function listGuests(deps: PeopleDeps, p: Principal, externalOrgId: string): Promise<GuestView[]> {
  await loadExternalOrg(deps.db, p, externalOrgId);
  return queryGuests(deps.db, p.orgId, externalOrgId, deps.clock.now());
}

/** Invites a guest: a `guest` user of the external organisation, an invite link, and the e-mail (after commit). */
export async function inviteGuest(
  deps: PeopleDeps & MailSettings,
  p: Principal,
  externalOrgId: string,
  input: z.output<typeof guestInviteBody>,
  meta: RequestMeta,
) {
  if (input.externalOrgId && input.externalOrgId !== externalOrgId)
    throw new AppError('validation_failed', 'The organisation in the body differs from the one in the address.', {
      errors: [{ path: 'externalOrgId', message: 'does not match the address', code: 'mismatch' }],
    });
  const created = await deps.db
    .transaction(async (tx) => {
      const eo = await loadExternalOrg(tx, p, externalOrgId, true);
      if (eo.archived) throw new AppError('conflict', 'This organisation is archived; restore it before inviting guests.');
      const taken = await tx.execute(sql`SELECT 1 FROM users WHERE email = ${input.email} AND sandbox_of IS NULL`);
      if (taken.rows.length) throw emailTaken();
      const [u] = await tx
        .insert(users)
        .values({
          orgId: p.orgId,
          email: input.email,
          name: input.name,
          role: 'guest',
          externalOrgId,
          status: 'invited',
          locale: input.locale,
        })
        .returning();
      await record(tx, deps, meta, {
        orgId: p.orgId,
        type: 'guest.invited',
        actor: actorOf(p),
        subjectType: 'user',
        subjectId: u.id,
        data: { email: u.email, name: u.name, externalOrgId, locale: u.locale },
      });
      const invite = await createInvite(deps, tx, p, u, meta);
      return { u, eo, invite };
    })
    .catch((e: { code?: string; cause?: { code?: string } }) => {
      // Two invitations of the same address at once: the unique index decides; the loser gets the same 409.
      if (e.code === '23505' || e.cause?.code === '23505') throw emailTaken();
      throw e;
    });
  const emailSent = await mailInvite(deps, p, created.u, created.eo.name, created.invite);
  const [guest] = await queryGuests(deps.db, p.orgId, externalOrgId, deps.clock.now(), created.u.id);
  return { guest, inviteUrl: created.invite.inviteUrl, expiresAt: created.invite.expiresAt, emailSent };
}

/** E-mails an invite link to a guest in their language (false: no mail server, or it refused). */
export async function mailInvite(
  deps: PeopleDeps & MailSettings,
  p: Principal,
  u: { email: string; name: string; locale: string },
  externalOrgName: string,
  invite: { inviteUrl: string; expiresAt: string },
): Promise<boolean> {
  const [org] = await deps.db
    .select({ name: organisations.name, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, p.orgId));
  return sendGuestInvite(deps, {
    to: u.email,
    locale: u.locale === 'en' ? 'en' : 'zh-TW',
    guestName: u.name,
    orgName: org?.name ?? '',
    externalOrgName,
    inviteUrl: invite.inviteUrl,
    expiresAt: new Date(invite.expiresAt),
    timeZone: org?.timeZone ?? 'Asia/Taipei',
  });
}

function emailTaken() {
  return new AppError('conflict', 'A user with this e-mail already exists.', {
    errors: [{ path: 'email', message: 'already in use', code: 'already_in_use' }],
  });
}

/** The guest's external organisation; 404 when they have none, 403 when it is archived. */
async function guestOrg(db: Executor, p: Principal) {
  if (p.kind !== 'user' || p.role !== 'guest') throw new AppError('forbidden', 'Only guests have this view.');
  const r = await db.execute<{ id: string; name: string; kind: string; nda_text: string; archived: boolean }>(sql`
    SELECT eo.id, eo.name, eo.kind, eo.nda_text, eo.archived
    FROM users u JOIN external_orgs eo ON eo.id = u.external_org_id AND eo.org_id = u.org_id
    WHERE u.id = ${p.userId} AND u.org_id = ${p.orgId}`);
  const eo = r.rows[0];
  // No external organisation: nothing to show (404, so a guest made through the users API is not "forbidden").
  if (!eo) throw new AppError('not_found', 'You are not a guest of an external organisation.');
  if (eo.archived) throw new AppError('forbidden', 'Your organisation has no access here.');
  return eo;
}

/** A guest's own view: organisation, the NDA text with its hash and when they accepted that exact text, live grants. */
export async function guestSelf(deps: PeopleDeps, p: Principal): Promise<z.output<typeof guestSelfOut>> {
  const eo = await guestOrg(deps.db, p);
  const sha256 = ndaHash(eo.nda_text);
  const acc = await deps.db.execute<{ at: Date | string | null }>(sql`
    SELECT max(accepted_at) AS at FROM nda_acceptances
    WHERE user_id = ${p.kind === 'user' ? p.userId : null} AND external_org_id = ${eo.id} AND nda_sha256 = ${sha256}`);
  const grants = p.kind === 'user' ? await listGrants(deps, p, { guestId: p.userId, activeOnly: true }) : [];
  return {
    externalOrg: { id: eo.id, name: eo.name, kind: eo.kind as ExternalOrgKind },
    nda: { text: eo.nda_text, sha256, acceptedAt: isoOf(acc.rows[0]?.at ?? null) },
    grants,
  };
}

/** Records the guest's acceptance of the CURRENT NDA text; a hash of an older text is a 409 (read it again). */
export async function acceptNda(deps: PeopleDeps, p: Principal, sha256: string, meta: RequestMeta) {
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only guests accept the NDA.');
  await deps.db.transaction(async (tx) => {
    // Lock the organisation row so the text cannot change between the comparison and the insert.
    await tx.execute(
      sql`SELECT 1 FROM external_orgs eo JOIN users u ON u.external_org_id = eo.id WHERE u.id = ${p.userId} FOR SHARE OF eo`,
    );
    const eo = await guestOrg(tx, p);
    const current = ndaHash(eo.nda_text);
    if (sha256 !== current)
      throw new AppError('conflict', 'The agreement has changed since you read it; read the current text and accept it.', {
        errors: [{ path: 'sha256', message: 'not the current text', code: 'stale' }],
      });
    const now = deps.clock.now();
    await tx.execute(sql`
      INSERT INTO nda_acceptances (user_id, external_org_id, nda_sha256, accepted_at, ip, user_agent)
      VALUES (${p.userId}, ${eo.id}, ${current}, ${now.toISOString()}, ${meta.ip ?? null}, ${meta.userAgent?.slice(0, 500) ?? null})`);
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'guest.nda_accepted',
      actor: actorOf(p),
      subjectType: 'external_org',
      subjectId: eo.id,
      data: { ndaSha256: current, acceptedAt: iso(now), userAgent: meta.userAgent?.slice(0, 500) ?? null },
      rooms: [`user:${p.userId}`],
    });
  });
  return guestSelf(deps, p);
}
