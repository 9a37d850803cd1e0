// Routes of the early-warning screens: the inbox, the grading settings, notification channels, alert rules, on-call
// schedules and one alert, under the app shell.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateAlertsSearch } from './search.ts';

/** /alerts, /alerts/settings, /alerts/channels, /alerts/rules, /alerts/oncall and /alerts/$alertId. */
export function alertsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/alerts',
      validateSearch: validateAlertsSearch,
      component: lazyRouteComponent(() => import('./pages/alerts-page.tsx'), 'AlertsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/alerts/settings',
      component: lazyRouteComponent(() => import('./pages/warning-settings-page.tsx'), 'WarningSettingsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/alerts/channels',
      component: lazyRouteComponent(() => import('./channels/pages/channels-page.tsx'), 'ChannelsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/alerts/rules',
      component: lazyRouteComponent(() => import('./rules/pages/rules-page.tsx'), 'RulesPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/alerts/oncall',
      component: lazyRouteComponent(() => import('./oncall/pages/oncall-page.tsx'), 'OncallPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/alerts/$alertId',
      component: lazyRouteComponent(() => import('./pages/alert-page.tsx'), 'AlertPage'),
    }),
  ];
}
