// Routes of employee briefings and the crisis answer book.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** /briefings, /briefings/$briefingId and /crises/$crisisId/answers. */
export function briefingsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/briefings',
      component: lazyRouteComponent(() => import('./briefings-page.tsx'), 'MyBriefingsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/briefings/$briefingId',
      component: lazyRouteComponent(() => import('./briefings-page.tsx'), 'BriefingPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/$crisisId/answers',
      component: lazyRouteComponent(() => import('./answers-page.tsx'), 'AnswersPage'),
    }),
  ];
}
