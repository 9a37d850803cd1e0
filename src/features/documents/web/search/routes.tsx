// Routes: /search (search everywhere), its filters kept in the URL so a result list can be shared and reloaded.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseSearchParams } from './queries.ts';

/** /search (search everywhere) */
export function searchRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/search',
      validateSearch: parseSearchParams,
      component: lazyRouteComponent(() => import('./search-page.tsx'), 'SearchPage'),
    }),
  ];
}
