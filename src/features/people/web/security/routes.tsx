// Routes: /settings/security (the second factor). It sits directly under the app shell (the settings route is
// the router's), so it wears the settings frame itself: the frame's tabs, with this page as its outlet. The
// sign-in's second step and the set-up required before anything else live on the sign-in page.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** /settings/security (second factor) */
export function securityRoutes(appRoute: AnyRoute): AnyRoute[] {
  const frame = createRoute({
    getParentRoute: () => appRoute,
    path: '/settings/security',
    component: lazyRouteComponent(() => import('../pages/settings-layout.tsx'), 'SettingsLayout'),
  });
  const page = createRoute({
    getParentRoute: () => frame,
    path: '/',
    component: lazyRouteComponent(() => import('./security-page.tsx'), 'SecurityPage'),
  });
  return [frame.addChildren([page])];
}

/**
 * Where a session that is still pending belongs: the sign-in page, which resumes at the second step (a code, or
 * the set-up). For the app shell's `beforeLoad` (see the report: the lead wires it in `src/web/router.tsx`).
 */
export function pendingSecondFactor(session: { secondFactor?: { state: string } } | null): boolean {
  return session?.secondFactor?.state === 'verify' || session?.secondFactor?.state === 'enrol';
}
