// Routes of the monitoring dashboard area, mounted under /monitoring by ../routes.tsx.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateDashboardSearch } from './search.ts';

/** The dashboard routes under the monitoring layout route: the overview is /monitoring itself. */
export function dashboardRoutes(layout: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => layout,
      path: '/',
      validateSearch: validateDashboardSearch,
      component: lazyRouteComponent(() => import('./pages/dashboard-page.tsx'), 'DashboardPage'),
    }),
  ];
}
