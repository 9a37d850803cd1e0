// Routes: /settings/guests/… (staff who manage guests; inside the settings frame with its tabs) and /guest/nda
// (a guest's NDA acceptance).
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** /settings/guests/… (admins) and /guest/… (a guest's own pages) */
export function guestRoutes(appRoute: AnyRoute): AnyRoute[] {
  // The settings frame (tabs) wraps these pages too: its component renders the child in its outlet.
  const frame = createRoute({
    getParentRoute: () => appRoute,
    path: '/settings/guests',
    component: lazyRouteComponent(() => import('../pages/settings-layout.tsx'), 'SettingsLayout'),
  });
  return [
    frame.addChildren([
      createRoute({
        getParentRoute: () => frame,
        path: '/',
        component: lazyRouteComponent(() => import('./orgs-page.tsx'), 'OrgsPage'),
      }),
      createRoute({
        getParentRoute: () => frame,
        path: '/$orgId',
        component: lazyRouteComponent(() => import('./org-page.tsx'), 'OrgPage'),
      }),
    ]),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/guest/nda',
      component: lazyRouteComponent(() => import('./nda-page.tsx'), 'NdaPage'),
    }),
  ];
}
