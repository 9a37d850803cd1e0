// The monitoring section's route tree: a layout with a tab per area, each area's routes from its own folder.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { dashboardRoutes } from './dashboard/routes.tsx';
import { importRoutes } from './import/routes.tsx';
import { mentionsRoutes } from './mentions/routes.tsx';
import { sourcesRoutes } from './sources/routes.tsx';
import { topicsRoutes } from './topics/routes.tsx';

/** /monitoring and everything under it. */
export function monitoringRoutes(appRoute: AnyRoute) {
  const layout = createRoute({
    getParentRoute: () => appRoute,
    path: '/monitoring',
    component: lazyRouteComponent(() => import('./monitoring-layout.tsx'), 'MonitoringLayout'),
  });
  return layout.addChildren([
    ...dashboardRoutes(layout),
    ...mentionsRoutes(layout),
    ...topicsRoutes(layout),
    ...sourcesRoutes(layout),
    ...importRoutes(layout),
  ]);
}
