// Routes of the crisis screens under the app shell: the list, the declare form and a crisis room.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { configRoutes } from './config/routes.tsx';
import { pulseRoutes } from './pulse/routes.tsx';
import { reportsRoutes } from './reports/routes.tsx';
import { validateCrisesSearch, validateDeclareSearch } from './search.ts';

/** /crises, /crises/new (?alertId=) and /crises/$crisisId. */
export function crisesRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises',
      validateSearch: validateCrisesSearch,
      component: lazyRouteComponent(() => import('./pages/crises-page.tsx'), 'CrisesPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/new',
      validateSearch: validateDeclareSearch,
      component: lazyRouteComponent(() => import('./pages/declare-page.tsx'), 'DeclarePage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/$crisisId',
      component: lazyRouteComponent(() => import('./pages/crisis-page.tsx'), 'CrisisPage'),
    }),
    ...reportsRoutes(appRoute),
    ...configRoutes(appRoute),
    ...pulseRoutes(appRoute),
  ];
}
