// Guest routes (external organisations, invitations, grants, NDA, access report): a schema, a permission, one
// service call each.
import { z } from 'zod';
import type { Principal, RouteContext, Router } from '../../../platform/http.ts';
import * as g from '../guest-contract.ts';
import { accessReport, reportCsv } from './access-report.ts';
import type { PeopleDeps, RequestMeta } from './deps.ts';
import { createExternalOrg, getExternalOrg, listExternalOrgs, updateExternalOrg } from './external-orgs.ts';
import { createGrant, listGrants, revokeGrant, updateGrant } from './grants.ts';
import { acceptNda, guestSelf, inviteGuest, listGuests } from './guests.ts';
import { reinviteGuest, setGuestActive } from './guests-lifecycle.ts';

/** How guest invitations are e-mailed (the same SMTP settings as notifications). */
export type GuestDeps = PeopleDeps & { smtpUrl?: string; smtpFrom?: string };

const idParams = z.strictObject({ id: z.uuid() });
const guestParams = z.strictObject({ id: z.uuid(), guestId: z.uuid() });

function meta(ctx: RouteContext<unknown, unknown, unknown>): RequestMeta {
  return { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent, baseUrl: `${ctx.req.protocol}://${ctx.req.headers.host}` };
}

const me = (p: Principal | null) => p as Principal;

/** Registers the guest routes. */
export function registerGuestRoutes(r: Router, deps: GuestDeps) {
  const tags = ['guests'];

  r.add({
    method: 'GET',
    url: '/api/external-orgs',
    summary: 'External organisations (PR agencies, law firms …) with guest and live-grant counts',
    tags,
    permission: 'guest.manage',
    response: z.array(g.externalOrgOut),
    handler: async (ctx) => listExternalOrgs(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/external-orgs',
    summary: 'Add an external organisation',
    tags,
    permission: 'guest.manage',
    body: g.externalOrgInput,
    response: g.externalOrgOut,
    status: 201,
    handler: async (ctx) => createExternalOrg(deps, me(ctx.principal), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/external-orgs/:id',
    summary: 'One external organisation',
    tags,
    permission: 'guest.manage',
    params: idParams,
    response: g.externalOrgOut,
    handler: async (ctx) => getExternalOrg(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'PATCH',
    url: '/api/external-orgs/:id',
    summary: 'Change an external organisation (archived: true ends its guests’ access)',
    tags,
    permission: 'guest.manage',
    params: idParams,
    body: g.externalOrgChanges,
    response: g.externalOrgOut,
    handler: async (ctx) => updateExternalOrg(deps, me(ctx.principal), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/external-orgs/:id/guests',
    summary: 'The guests of an external organisation',
    tags,
    permission: 'guest.manage',
    params: idParams,
    response: z.array(g.guestOut),
    handler: async (ctx) => listGuests(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/external-orgs/:id/guests',
    summary: 'Invite a guest (an e-mail with a one-time link, in their language)',
    tags,
    permission: 'guest.manage',
    params: idParams,
    body: g.guestInviteBody,
    response: g.guestInviteOut,
    status: 201,
    rateLimit: 60,
    handler: async (ctx) =>
      inviteGuest(
        { ...deps, log: (e) => ctx.req.log.warn({ err: e }, 'guest invite e-mail failed') },
        me(ctx.principal),
        ctx.params.id,
        ctx.body,
        meta(ctx),
      ),
  });

  r.add({
    method: 'POST',
    url: '/api/external-orgs/:id/guests/:guestId/invite',
    summary: 'A fresh invite link for a guest who has not accepted yet (e-mailed again)',
    tags,
    permission: 'guest.manage',
    params: guestParams,
    response: g.guestInviteOut,
    status: 201,
    rateLimit: 60,
    handler: async (ctx) =>
      reinviteGuest(
        { ...deps, log: (e) => ctx.req.log.warn({ err: e }, 'guest invite e-mail failed') },
        me(ctx.principal),
        ctx.params.id,
        ctx.params.guestId,
        meta(ctx),
      ),
  });

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    r.add({
      method: 'POST',
      url: `/api/external-orgs/:id/guests/:guestId/${verb}`,
      summary: active ? 'Let a deactivated guest sign in again' : 'Deactivate a guest (their sessions end at once)',
      tags,
      permission: 'guest.manage',
      params: guestParams,
      response: g.guestOut,
      handler: async (ctx) => setGuestActive(deps, me(ctx.principal), ctx.params.id, ctx.params.guestId, active, meta(ctx)),
    });
  }

  r.add({
    method: 'GET',
    url: '/api/external-orgs/:id/access-report',
    summary: 'What the organisation’s guests did (JSON, or CSV with format=csv)',
    tags,
    permission: 'guest.report',
    params: idParams,
    query: g.accessReportQuery,
    response: g.accessReportOut,
    handler: async (ctx) => {
      const report = await accessReport(deps, me(ctx.principal), ctx.params.id, ctx.query);
      if (ctx.query.format === 'json') return report;
      const day = deps.clock.now().toISOString().slice(0, 10);
      return ctx.reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="access-report-${day}.csv"`)
        .header('x-report-truncated', String(report.truncated))
        .send(reportCsv(report.rows));
    },
  });

  r.add({
    method: 'GET',
    url: '/api/guest-grants',
    summary: 'Guest grants, live ones first (filter by guest or crisis)',
    tags,
    permission: 'guest.manage',
    query: g.grantListQuery,
    response: z.array(g.grantOut),
    handler: async (ctx) => listGrants(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'POST',
    url: '/api/guest-grants',
    summary: 'Grant a guest access to a crisis’s documents of some classifications, until an expiry',
    tags,
    permission: 'guest.manage',
    body: g.grantInput,
    response: g.grantOut,
    status: 201,
    handler: async (ctx) => createGrant(deps, me(ctx.principal), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/guest-grants/:id',
    summary: 'Change a grant’s classifications or expiry',
    tags,
    permission: 'guest.manage',
    params: idParams,
    body: g.grantPatch,
    response: g.grantOut,
    handler: async (ctx) => updateGrant(deps, me(ctx.principal), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/guest-grants/:id',
    summary: 'Revoke a grant at once (repeating it is harmless)',
    tags,
    permission: 'guest.manage',
    params: idParams,
    query: g.grantRevokeQuery,
    response: g.grantOut,
    handler: async (ctx) => revokeGrant(deps, me(ctx.principal), ctx.params.id, ctx.query.version, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/guest/me',
    summary: 'A guest’s own view: their organisation, the NDA to accept, their live grants',
    tags,
    permission: 'guest.self',
    response: g.guestSelfOut,
    handler: async (ctx) => guestSelf(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/guest/nda',
    summary: 'Accept the current NDA text (by its SHA-256; an older text is a 409)',
    tags,
    permission: 'guest.self',
    body: g.ndaAcceptInput,
    response: g.guestSelfOut,
    status: 201,
    rateLimit: 30,
    handler: async (ctx) => acceptNda(deps, me(ctx.principal), ctx.body.sha256, meta(ctx)),
  });
}
