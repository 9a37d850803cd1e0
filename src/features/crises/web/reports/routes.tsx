// Routes of Employee reports (通報): the report form, my reports, the triage queue.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The queue's URL: `?open=<report id>` opens one report (the crisis room links to its reports this way). */
export type ReportsSearch = { open?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps the report id only when it looks like one. */
export function validateReportsSearch(search: Record<string, unknown>): ReportsSearch {
  return typeof search.open === 'string' && UUID.test(search.open) ? { open: search.open } : {};
}

/** /report (the form), /reports/mine (my reports) and /reports (the triage queue; ?open=<id>), under the app shell. */
export function reportsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/report',
      component: lazyRouteComponent(() => import('./report-page.tsx'), 'ReportPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/reports/mine',
      component: lazyRouteComponent(() => import('./my-reports-page.tsx'), 'MyReportsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/reports',
      validateSearch: validateReportsSearch,
      component: lazyRouteComponent(() => import('./triage-page.tsx'), 'TriagePage'),
    }),
  ];
}
