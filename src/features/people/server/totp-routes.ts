// Second-factor (TOTP) routes: a person's enrolment, the sign-in's second step, the organisation's policy.
// The enrol and confirm routes are open to sessions that must set one up first; the second step to sessions
// that must give a code. Everything else refuses pending sessions in the router.
import type { Principal, Router } from '../../../platform/http.ts';
import * as c from '../totp-contract.ts';
import type { PeopleDeps, RequestMeta } from './deps.ts';
import { getSecuritySettings, updateSecuritySettings } from './totp-policy.ts';
import { confirmTotp, disableTotp, passSecondFactor, startTotp } from './totp-service.ts';

function meta(ctx: { requestId: string; ip: string; userAgent?: string }): RequestMeta & { ip: string } {
  return { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent };
}

const me = (p: Principal | null) => p as Principal;

/** Registers the TOTP routes. */
export function registerTotpRoutes(r: Router, deps: PeopleDeps) {
  const tags = ['people'];

  r.add({
    method: 'POST',
    url: '/api/profile/totp',
    summary: 'Start setting up a second factor: a new secret (shown once) as otpauth:// URI and base32',
    tags,
    permission: 'profile.update',
    pending: ['enrol'],
    status: 201,
    rateLimit: 20,
    response: c.totpSetupOut,
    handler: (ctx) => startTotp(deps, me(ctx.principal), meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/profile/totp/confirm',
    summary: 'Confirm the second factor with a first code; answers the one-time recovery codes (shown once)',
    tags,
    permission: 'profile.update',
    pending: ['enrol'],
    body: c.totpConfirmInput,
    response: c.totpConfirmOut,
    rateLimit: 30,
    handler: (ctx) => confirmTotp(deps, me(ctx.principal), ctx.body.code, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/profile/totp',
    summary: 'Turn the second factor off (password again; refused where the role requires it)',
    tags,
    permission: 'profile.update',
    body: c.totpDisableInput,
    rateLimit: 20,
    handler: (ctx) => disableTotp(deps, me(ctx.principal), ctx.body.password, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/session/second-factor',
    summary: 'The second step of signing in: a code from the authenticator app, or a recovery code',
    tags,
    permission: 'authenticated',
    pending: ['verify'],
    body: c.secondFactorInput,
    rateLimit: 60,
    handler: (ctx) => passSecondFactor(deps, me(ctx.principal), ctx.body.code, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/org/security',
    summary: 'Which roles must use a second factor',
    tags,
    permission: 'org.update',
    response: c.securitySettingsOut,
    handler: (ctx) => getSecuritySettings(deps, me(ctx.principal)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/org/security',
    summary: 'Change which roles must use a second factor',
    tags,
    permission: 'org.update',
    body: c.securitySettingsInput,
    response: c.securitySettingsOut,
    handler: (ctx) => updateSecuritySettings(deps, me(ctx.principal), ctx.body, meta(ctx)),
  });
}
