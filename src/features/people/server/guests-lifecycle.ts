// A guest's life after the invitation: a fresh link (e-mailed again), deactivation and reactivation — for the
// people who manage guests (managers too), who do not hold the users API's `user.manage`. The changes themselves
// are the users feature's (sessions ended, `user:` room re-checked), reached only for guests of that organisation.
import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { GuestView } from '../guest-contract.ts';
import type { PeopleDeps, RequestMeta } from './deps.ts';
import { loadExternalOrg } from './external-orgs.ts';
import { mailInvite, queryGuests } from './guests.ts';
import type { MailSettings } from './guests-mail.ts';
import { createInvite } from './invites.ts';
import { users } from './schema.ts';
import { deactivateUser, reactivateUser } from './users.ts';

/** The guest row, when `guestId` is a guest of that external organisation of the principal's organisation. */
async function loadGuest(deps: PeopleDeps, p: Principal, externalOrgId: string, guestId: string) {
  const eo = await loadExternalOrg(deps.db, p, externalOrgId);
  const [u] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.id, guestId), eq(users.orgId, p.orgId), eq(users.externalOrgId, externalOrgId), eq(users.role, 'guest')));
  if (!u) throw notFound('No such guest.');
  return { eo, u };
}

async function view(deps: PeopleDeps, p: Principal, externalOrgId: string, guestId: string): Promise<GuestView> {
  const [g] = await queryGuests(deps.db, p.orgId, externalOrgId, deps.clock.now(), guestId);
  return g;
}

/** A fresh invite link for a guest who has not accepted yet (earlier links stop working), e-mailed again. */
export async function reinviteGuest(
  deps: PeopleDeps & MailSettings,
  p: Principal,
  externalOrgId: string,
  guestId: string,
  meta: RequestMeta,
) {
  const { eo, u } = await loadGuest(deps, p, externalOrgId, guestId);
  if (eo.archived) throw new AppError('conflict', 'This organisation is archived; restore it before inviting guests.');
  if (u.status !== 'invited') throw new AppError('conflict', 'This guest has already accepted their invitation.');
  const invite = await deps.db.transaction((tx) => createInvite(deps, tx, p, u, meta));
  const emailSent = await mailInvite(deps, p, u, eo.name, invite);
  return { guest: await view(deps, p, externalOrgId, guestId), ...invite, emailSent };
}

/** Deactivates (sessions end, open sockets close) or reactivates a guest. */
export async function setGuestActive(
  deps: PeopleDeps,
  p: Principal,
  externalOrgId: string,
  guestId: string,
  active: boolean,
  meta: RequestMeta,
) {
  await loadGuest(deps, p, externalOrgId, guestId);
  if (active) await reactivateUser(deps, p, guestId, meta);
  else await deactivateUser(deps, p, guestId, meta);
  return view(deps, p, externalOrgId, guestId);
}
