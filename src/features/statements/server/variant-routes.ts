// Channel variant routes: list (with staleness, the channel's count and the checker's findings), make one from the
// master's head text, save (optionally marking it checked against the current master), remove. Each route: a
// schema, a permission, one service call; the crisis's rights decide in the service (read to list, work to change).
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';
import { statementVariant, variantChannels, variantCreateInput, variantList, variantSaveInput } from '../variants.ts';
import { createVariant, listVariants, removeVariant, saveVariant } from './variants.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const statementParam = z.strictObject({ statementId: z.uuid() });
const channelParams = z.strictObject({ statementId: z.uuid(), channel: z.enum(variantChannels) });

/** Room for a variant at the character limit (CJK in JSON), so the limit's own message speaks first. */
const VARIANT_BODY_LIMIT = 2 * 1024 * 1024;

/** Registers the channel variant routes. */
export function registerVariantRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statements'];
  r.add({
    method: 'GET',
    url: '/api/statements/:statementId/variants',
    summary: 'The channel variants of a statement: stale against the master, the channel’s count and limit, findings',
    tags,
    permission: 'crisis.read',
    params: statementParam,
    response: variantList,
    handler: (ctx) => listVariants(deps, me(ctx.principal), ctx.params.statementId),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/variants',
    summary: 'Make the variant for a channel from the master’s head text (409 when it exists)',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: variantCreateInput,
    status: 201,
    response: statementVariant,
    handler: (ctx) => createVariant(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'PUT',
    url: '/api/statements/:statementId/variants/:channel',
    summary: 'Save a variant’s text (409 on a stale version); `reconcile` marks it checked against the current master',
    tags,
    permission: 'crisis.work',
    params: channelParams,
    body: variantSaveInput,
    bodyLimit: VARIANT_BODY_LIMIT,
    response: statementVariant,
    handler: (ctx) =>
      saveVariant(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.params.channel, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'DELETE',
    url: '/api/statements/:statementId/variants/:channel',
    summary: 'Remove a channel’s variant',
    tags,
    permission: 'crisis.work',
    params: channelParams,
    handler: (ctx) =>
      removeVariant(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.params.channel, meta(ctx)),
  });
}
