// Routes of the statement settings: the templates and approval chains page, one template's editor (new, a copy of
// another, or an organisation template; shipped ones read-only) and one chain's editor.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The settings page's tab (the default, templates, is left out of the URL). */
export type StatementSettingsSearch = { tab?: 'chains' };

/** Keeps only a known tab. */
export function validateStatementSettingsSearch(search: Record<string, unknown>): StatementSettingsSearch {
  return search.tab === 'chains' ? { tab: 'chains' } : {};
}

/** A new template may start as a copy of another (`from` = its id). */
export type NewTemplateSearch = { from?: string };

/** Keeps a plausible template id. */
export function validateNewTemplateSearch(search: Record<string, unknown>): NewTemplateSearch {
  return typeof search.from === 'string' && search.from.length > 0 && search.from.length <= 100 ? { from: search.from } : {};
}

/** /statements/settings (?tab=chains), …/templates/new (?from=id), …/templates/$templateId, …/chains/$severity/$group. */
export function statementSettingsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/statements/settings',
      validateSearch: validateStatementSettingsSearch,
      component: lazyRouteComponent(() => import('./settings-page.tsx'), 'StatementSettingsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/statements/settings/templates/new',
      validateSearch: validateNewTemplateSearch,
      component: lazyRouteComponent(() => import('./template-page.tsx'), 'NewTemplatePage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/statements/settings/templates/$templateId',
      component: lazyRouteComponent(() => import('./template-page.tsx'), 'TemplatePage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/statements/settings/chains/$severity/$group',
      component: lazyRouteComponent(() => import('./chain-page.tsx'), 'ChainPage'),
    }),
  ];
}
