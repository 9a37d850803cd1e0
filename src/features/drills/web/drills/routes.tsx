// Routes of the drills section under the app shell: the list with trends, planning a drill, one drill (the
// facilitator's control panel, the players' and observers' view) and its after-action report.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** /drills, /drills/new, /drills/$drillId and /drills/$drillId/report. */
export function drillsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drills',
      component: lazyRouteComponent(() => import('./pages/drills-page.tsx'), 'DrillsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drills/new',
      component: lazyRouteComponent(() => import('./pages/new-drill-page.tsx'), 'NewDrillPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drills/$drillId',
      component: lazyRouteComponent(() => import('./pages/drill-page.tsx'), 'DrillPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drills/$drillId/report',
      component: lazyRouteComponent(() => import('./pages/report-page.tsx'), 'ReportPage'),
    }),
  ];
}
