// People routes: thin — a schema, a permission, one service call.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyChain } from '../../../platform/events.ts';
import type { Principal, Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import { listAudit } from './audit.ts';
import { changePassword, sessionInfo, signIn, signOut } from './auth.ts';
import { createDepartment, listDepartments, updateDepartment } from './departments.ts';
import type { PeopleDeps, RequestMeta } from './deps.ts';
import { acceptInvite, inviteInfo, reinvite } from './invites.ts';
import { getOrg, updateOrg } from './org.ts';
import { isSetupNeeded, setUp } from './setup.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { createUser, deactivateUser, getUser, listUsers, reactivateUser, updateProfile, updateUser } from './users.ts';
import { userView } from './views.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'firebreak_session';

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure behind TLS or when configured. */
export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, token: string, deps: PeopleDeps & { secureCookies: boolean }) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies || req.protocol === 'https',
    maxAge: Math.floor(deps.settings.sessionMaxMs / 1000),
  });
}

function meta(ctx: { requestId: string; ip: string; userAgent?: string; req: FastifyRequest }): RequestMeta {
  return { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent, baseUrl: `${ctx.req.protocol}://${ctx.req.headers.host}` };
}

const me = (p: Principal | null) => p as Principal;

/** Registers every people route. */
export function registerPeopleRoutes(r: Router, deps: PeopleDeps & { secureCookies: boolean }) {
  const tags = ['people'];

  r.add({
    method: 'GET',
    url: '/api/setup',
    summary: 'Whether first-run setup is still open',
    tags,
    permission: 'public',
    response: c.setupStatusOut,
    handler: async () => ({ needed: await isSetupNeeded(deps) }),
  });

  r.add({
    method: 'POST',
    url: '/api/setup',
    summary: 'Create the organisation and first admin (first run only)',
    tags,
    permission: 'public',
    body: c.setupInput,
    status: 201,
    rateLimit: 10,
    handler: async (ctx) => {
      const { token } = await setUp(deps, ctx.body, meta(ctx));
      setSessionCookie(ctx.reply, ctx.req, token, deps);
      return { ok: true };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/session',
    summary: 'Sign in with e-mail and password',
    tags,
    permission: 'public',
    body: c.signInInput,
    status: 201,
    rateLimit: 300, // a whole office behind one NAT signs in at 9:00; failures are throttled separately
    handler: async (ctx) => {
      const { token, secondFactor } = await signIn(deps, ctx.body.email, ctx.body.password, { ...meta(ctx), ip: ctx.ip });
      setSessionCookie(ctx.reply, ctx.req, token, deps);
      // `verify` or `enrol`: the session is pending until the second factor is given or set up.
      return { ok: true, secondFactor };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/session',
    summary: 'The signed-in user, organisation, CSRF token and permissions',
    tags,
    permission: 'authenticated',
    pending: ['verify', 'enrol'],
    response: c.sessionOut,
    handler: (ctx) => sessionInfo(deps, me(ctx.principal)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/session',
    summary: 'Sign out',
    tags,
    permission: 'authenticated',
    pending: ['verify', 'enrol'],
    handler: async (ctx) => {
      await signOut(deps, me(ctx.principal), meta(ctx));
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  r.add({
    method: 'PATCH',
    url: '/api/me',
    summary: 'Change own name, language, colour scheme',
    tags,
    permission: 'profile.update',
    body: c.profileInput,
    response: c.userOut,
    handler: (ctx) => updateProfile(deps, me(ctx.principal), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/me/password',
    summary: 'Change own password (other sessions end)',
    tags,
    permission: 'profile.update',
    body: c.changePasswordInput,
    rateLimit: 20,
    handler: (ctx) => changePassword(deps, me(ctx.principal), ctx.body.currentPassword, ctx.body.newPassword, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/org',
    summary: 'The organisation',
    tags,
    permission: 'org.read',
    response: c.orgOut,
    handler: (ctx) => getOrg(deps, me(ctx.principal)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/org',
    summary: 'Rename the organisation or change its default language or time zone',
    tags,
    permission: 'org.update',
    body: c.orgUpdateInput,
    response: c.orgOut,
    handler: (ctx) => updateOrg(deps, me(ctx.principal), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/users',
    summary: 'The organisation’s users',
    tags,
    permission: 'user.list',
    response: z.array(c.userOut),
    handler: (ctx) => listUsers(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/users',
    summary: 'Create a user and get their invite link',
    tags,
    permission: 'user.manage',
    body: c.createUserInput,
    status: 201,
    response: c.inviteOut,
    handler: async (ctx) => {
      const { user, invite } = await createUser(deps, me(ctx.principal), ctx.body, meta(ctx));
      return { user, inviteUrl: invite?.inviteUrl ?? '', expiresAt: invite?.expiresAt ?? '' };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/users/:id',
    summary: 'One user',
    tags,
    permission: 'user.read',
    params: c.uuidParam,
    response: c.userOut,
    handler: async (ctx) => userView(await getUser(deps, me(ctx.principal), ctx.params.id)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/users/:id',
    summary: 'Change a user’s name, role, department or title',
    tags,
    permission: 'user.manage',
    params: c.uuidParam,
    body: c.updateUserInput,
    response: c.userOut,
    handler: (ctx) => updateUser(deps, me(ctx.principal), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/users/:id/deactivate',
    summary: 'Deactivate a user; their sessions end at once',
    tags,
    permission: 'user.manage',
    params: c.uuidParam,
    response: c.userOut,
    handler: (ctx) => deactivateUser(deps, me(ctx.principal), ctx.params.id, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/users/:id/reactivate',
    summary: 'Reactivate a user',
    tags,
    permission: 'user.manage',
    params: c.uuidParam,
    response: c.userOut,
    handler: (ctx) => reactivateUser(deps, me(ctx.principal), ctx.params.id, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/users/:id/invite',
    summary: 'A new invite link for an invited user',
    tags,
    permission: 'user.manage',
    params: c.uuidParam,
    response: c.inviteOut,
    handler: (ctx) => reinvite(deps, me(ctx.principal), ctx.params.id, meta(ctx)),
  });

  const tokenParam = z.strictObject({ token: z.string().min(20).max(100) });
  r.add({
    method: 'GET',
    url: '/api/invites/:token',
    summary: 'What an invite link is for',
    tags,
    permission: 'public',
    params: tokenParam,
    response: c.inviteInfoOut,
    rateLimit: 30,
    handler: (ctx) => inviteInfo(deps, ctx.params.token),
  });

  r.add({
    method: 'POST',
    url: '/api/invites/:token/accept',
    summary: 'Accept an invite: set a password and sign in',
    tags,
    permission: 'public',
    params: tokenParam,
    body: c.acceptInviteInput,
    status: 201,
    rateLimit: 10,
    handler: async (ctx) => {
      const token = await acceptInvite(deps, ctx.params.token, ctx.body, meta(ctx));
      setSessionCookie(ctx.reply, ctx.req, token, deps);
      return { ok: true };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/departments',
    summary: 'Departments with member counts',
    tags,
    permission: 'department.list',
    response: z.array(c.departmentOut),
    handler: (ctx) => listDepartments(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/departments',
    summary: 'Add a department',
    tags,
    permission: 'department.manage',
    body: c.departmentInput,
    status: 201,
    handler: async (ctx) => ({ id: (await createDepartment(deps, me(ctx.principal), ctx.body.name, meta(ctx))).id }),
  });

  r.add({
    method: 'PATCH',
    url: '/api/departments/:id',
    summary: 'Rename or archive a department',
    tags,
    permission: 'department.manage',
    params: c.uuidParam,
    body: c.departmentUpdateInput,
    handler: async (ctx) => ({ id: (await updateDepartment(deps, me(ctx.principal), ctx.params.id, ctx.body, meta(ctx))).id }),
  });

  r.add({
    method: 'GET',
    url: '/api/tokens',
    summary: 'API tokens',
    tags,
    permission: 'token.manage',
    response: z.array(c.tokenOut),
    handler: (ctx) => listTokens(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create an API token (the secret is shown once)',
    tags,
    permission: 'token.manage',
    body: c.createTokenInput,
    status: 201,
    response: c.createdTokenOut,
    handler: (ctx) => createToken(deps, me(ctx.principal), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: 'Revoke an API token',
    tags,
    permission: 'token.manage',
    params: c.uuidParam,
    handler: (ctx) => revokeToken(deps, me(ctx.principal), ctx.params.id, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/token',
    summary: 'The calling API token’s name and scopes',
    tags,
    permission: 'token.introspect',
    principals: ['token'],
    handler: async (ctx) => {
      const p = me(ctx.principal);
      return p.kind === 'token' ? { id: p.tokenId, name: p.label.replace(/^token:/, ''), scopes: p.scopes } : undefined;
    },
  });

  r.add({
    method: 'GET',
    url: '/api/audit',
    summary: 'The audit log, newest first',
    tags: ['audit'],
    permission: 'audit.read',
    query: c.auditQuery,
    response: c.auditPageOut,
    handler: (ctx) => listAudit(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'GET',
    url: '/api/audit/verify',
    summary: 'Walk the hash chain and report the first broken link',
    tags: ['audit'],
    permission: 'audit.read',
    response: c.chainReportOut,
    handler: () => verifyChain(deps.db),
  });
}
