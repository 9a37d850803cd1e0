// Routes of the statement screens under the app shell: every statement I can see (and those awaiting my
// decision), a crisis's communication plan and fact sheet, and one statement's editor with its review.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { briefingsRoutes } from './briefings/routes.tsx';
import { statementSettingsRoutes } from './settings/routes.tsx';

/** /statements, /statements/settings/…, /crises/$crisisId/plan and /statements/$statementId. */
export function statementsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    ...briefingsRoutes(appRoute),
    ...statementSettingsRoutes(appRoute),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/statements',
      component: lazyRouteComponent(() => import('./list/statements-page.tsx'), 'StatementsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/$crisisId/plan',
      component: lazyRouteComponent(() => import('./plan/plan-page.tsx'), 'PlanPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/statements/$statementId',
      component: lazyRouteComponent(() => import('./editor/statement-page.tsx'), 'StatementPage'),
    }),
  ];
}
