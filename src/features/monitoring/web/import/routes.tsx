// Routes of the monitoring import area, mounted under /monitoring by ../routes.tsx.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The import routes under the monitoring layout route: upload and history, and one import. */
export function importRoutes(layout: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => layout,
      path: '/import',
      component: lazyRouteComponent(() => import('./pages/imports-page.tsx'), 'ImportsPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/import/$id',
      component: lazyRouteComponent(() => import('./pages/import-page.tsx'), 'ImportPage'),
    }),
  ];
}
