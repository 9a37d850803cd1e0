// Routes of Crisis configuration: playbooks (edit, import, export), the grading matrix, crisis types and team roles.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The settings page's tab (the default, playbooks, is left out of the URL). */
export type SettingsSearch = { tab?: 'io' | 'grading' | 'lists' };

/** Keeps only a known tab. */
export function validateSettingsSearch(search: Record<string, unknown>): SettingsSearch {
  return search.tab === 'io' || search.tab === 'grading' || search.tab === 'lists' ? { tab: search.tab } : {};
}

/** /crises/settings (?tab=io|grading|lists) and /crises/settings/playbooks/$type/$severity. */
export function configRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/settings',
      validateSearch: validateSettingsSearch,
      component: lazyRouteComponent(() => import('./pages/settings-page.tsx'), 'CrisisSettingsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/crises/settings/playbooks/$type/$severity',
      component: lazyRouteComponent(() => import('./pages/playbook-page.tsx'), 'PlaybookPage'),
    }),
  ];
}
