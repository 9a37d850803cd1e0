// Routes of the monitoring mentions area, mounted under /monitoring by ../routes.tsx.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateExplorerSearch } from './explorer-search.ts';

/** The mentions routes under the monitoring layout route: the explorer and a mention's detail. */
export function mentionsRoutes(layout: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => layout,
      path: '/mentions',
      validateSearch: validateExplorerSearch,
      component: lazyRouteComponent(() => import('./pages/explorer-page.tsx'), 'ExplorerPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/mentions/$id',
      component: lazyRouteComponent(() => import('./pages/mention-page.tsx'), 'MentionPage'),
    }),
  ];
}
