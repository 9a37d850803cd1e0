// Dashboard routes: per-topic volume, sentiment, sources, authors, clusters and trending terms.
import type { Principal, Router } from '../../../platform/http.ts';
import { dashboardOut, dashboardQuery } from '../dashboard-contract.ts';
import { monitoringDashboard } from './dashboard.ts';
import type { MonitoringDeps } from './deps.ts';

/** Registers the dashboard routes. */
export function registerDashboardRoutes(r: Router, deps: MonitoringDeps) {
  r.add({
    method: 'GET',
    url: '/api/monitoring/dashboard',
    summary: 'Dashboard of all mentions or one topic: volume by sentiment, negative share, top sources/authors/clusters, rising terms',
    tags: ['monitoring'],
    permission: 'mention.read',
    principals: ['user', 'token'],
    query: dashboardQuery,
    response: dashboardOut,
    handler: (ctx) => monitoringDashboard(deps, ctx.principal as Principal, ctx.query),
  });
}
