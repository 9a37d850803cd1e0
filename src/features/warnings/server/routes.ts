// Early-warning routes: the alerts inbox, an alert's detail, acknowledge/dismiss, the settings (grading, escalation,
// bucket size), and a test of the escalation policy.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import { escalationPlan, escalationTestInput } from '../notify-contract.ts';
import { acknowledgeAlert, dismissAlert, getAlert, getSettings, listAlerts, saveSettings } from './alerts.ts';
import { testEscalation } from './escalation-test.ts';
import type { WarningDeps } from './run.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });

/** Registers the early-warning routes. */
export function registerWarningRoutes(r: Router, deps: WarningDeps) {
  const tags = ['warnings'];

  r.add({
    method: 'GET',
    url: '/api/alerts',
    summary: 'Alerts, newest first, with counts per state',
    tags,
    permission: 'alert.read',
    query: c.alertListQuery,
    response: c.alertList,
    handler: (ctx) => listAlerts(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'GET',
    url: '/api/alerts/:id',
    summary: 'One alert: what moved, risk, suggested severity, and the mentions behind it',
    tags,
    permission: 'alert.read',
    params: uuidParam,
    response: c.alertDetail,
    handler: (ctx) => getAlert(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/alerts/:id/acknowledge',
    summary: 'Acknowledge an open alert (確認收到)',
    tags,
    permission: 'alert.respond',
    params: uuidParam,
    body: c.acknowledgeInput,
    response: c.alertDetail,
    handler: (ctx) => acknowledgeAlert(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body ?? {}, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/alerts/:id/dismiss',
    summary: 'Dismiss an alert with a reason: false alarm, known event or not relevant',
    tags,
    permission: 'alert.respond',
    params: uuidParam,
    body: c.dismissInput,
    response: c.alertDetail,
    handler: (ctx) => dismissAlert(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/warnings/settings',
    summary: 'The organisation’s early-warning settings: grading thresholds, escalation, quiet-hours bypass, bucket size',
    tags,
    permission: 'alert.read',
    response: c.warningSettings,
    handler: (ctx) => getSettings(deps, me(ctx.principal)),
  });

  r.add({
    method: 'PUT',
    url: '/api/warnings/settings',
    summary: 'Change the early-warning settings (escalation and bucket size are kept when left out)',
    tags,
    permission: 'warning.configure',
    body: c.warningSettings,
    response: c.warningSettings,
    handler: (ctx) => saveSettings(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/warnings/settings/escalation/test',
    summary:
      'Test the escalation policy (the one sent, else the saved one): its plan for an alert opening now, and a test message to every level’s channels and people on call',
    tags,
    permission: 'warning.configure',
    // Each test pages real people: a dozen a minute is plenty for setting a policy up.
    rateLimit: 12,
    body: escalationTestInput,
    status: 202,
    response: escalationPlan,
    handler: (ctx) => testEscalation(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body?.escalation, meta(ctx)),
  });
}
