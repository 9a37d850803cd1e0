// Routes of The room's pulse: live metrics of the crisis's topics, who is online, situation reports.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** /crises/$crisisId/pulse: the three panels on their own page (a phone's view of the room). */
export function pulseRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/$crisisId/pulse',
      component: lazyRouteComponent(() => import('./pulse-page.tsx'), 'PulsePage'),
    }),
  ];
}
