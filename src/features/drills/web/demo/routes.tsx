// Routes of the demo screens: /scenario (情境訊息) under the app shell, and /demo (the demo's sign-in picker)
// outside it, beside /setup and /login.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { DemoPage } from './pages/demo-page.tsx';

/** /scenario, under the app shell. */
export function demoRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/scenario',
      component: lazyRouteComponent(() => import('./pages/scenario-page.tsx'), 'ScenarioPage'),
    }),
  ];
}

/** /demo, a public page under the root route (no session needed). */
export function demoPublicRoutes(rootRoute: AnyRoute): AnyRoute[] {
  return [createRoute({ getParentRoute: () => rootRoute, path: '/demo', component: DemoPage })];
}
