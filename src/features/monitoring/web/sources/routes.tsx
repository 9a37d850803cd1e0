// Routes of the monitoring sources area, mounted under /monitoring by ../routes.tsx.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The sources routes under the monitoring layout route: the list, adding a source, and one source. */
export function sourcesRoutes(layout: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => layout,
      path: '/sources',
      component: lazyRouteComponent(() => import('./pages/sources-page.tsx'), 'SourcesPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/sources/new',
      component: lazyRouteComponent(() => import('./pages/source-new-page.tsx'), 'SourceNewPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/sources/$id',
      component: lazyRouteComponent(() => import('./pages/source-page.tsx'), 'SourcePage'),
    }),
  ];
}
