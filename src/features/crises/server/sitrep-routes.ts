// The crisis room's pulse: situation reports (issue one, list them), live metrics of the crisis's topics,
// and who has the room open now. Each route: a schema, a permission, one service call; the per-crisis rule
// (team membership) is applied through loadCrisis (404 for a crisis the caller may not read).
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import { crisisMetrics, crisisPresence, sitrep, sitrepInput, sitrepList } from '../pulse-contract.ts';
import type { CrisisDeps } from './access.ts';
import { crisisMetrics as metricsFor } from './metrics.ts';
import { crisisPresenceOf, type PresenceSource } from './presence.ts';
import { issueSitrep, listSitreps } from './sitreps.ts';

const me = (p: Principal | null) => p as Principal;
const idParam = z.strictObject({ id: z.uuid() });

/** What the pulse routes need: the crisis services' deps and the live layer's presence. */
export type PulseDeps = CrisisDeps & { presence: PresenceSource };

/** Registers the pulse routes (sitreps, metrics, presence). */
export function registerPulseRoutes(r: Router, deps: PulseDeps) {
  const tags = ['crises'];

  r.add({
    method: 'POST',
    url: '/api/crises/:id/sitreps',
    summary: 'Issue a situation report (狀況報告) built from the crisis as it stands; sets the next update time',
    tags,
    permission: 'crisis.work',
    params: idParam,
    body: sitrepInput,
    status: 201,
    response: sitrep,
    handler: (ctx) =>
      issueSitrep(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, { requestId: ctx.requestId, ip: ctx.ip }),
  });

  r.add({
    method: 'GET',
    url: '/api/crises/:id/sitreps',
    summary: 'The situation reports of a crisis, newest first, with the next scheduled one',
    tags,
    permission: 'crisis.read',
    params: idParam,
    response: sitrepList,
    handler: (ctx) => listSitreps(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'GET',
    url: '/api/crises/:id/metrics',
    summary: 'Live metrics of the crisis’s topics: last 24 h per hour, since the declaration, now against before it',
    tags,
    permission: 'crisis.read',
    params: idParam,
    response: crisisMetrics,
    handler: (ctx) => metricsFor(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'GET',
    url: '/api/crises/:id/presence',
    summary: 'Who has the crisis room open now (user ids)',
    tags,
    permission: 'crisis.read',
    params: idParam,
    response: crisisPresence,
    handler: (ctx) => crisisPresenceOf(deps, me(ctx.principal), ctx.params.id),
  });
}
