// The route tree: public pages (setup, sign-in, invitation) and the authenticated shell with its sections.
import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { crisesRoutes } from '../features/crises/web/routes.tsx';
import { documentsRoutes } from '../features/documents/web/routes.tsx';
import { searchRoutes } from '../features/documents/web/search/routes.tsx';
import { demoPublicRoutes, demoRoutes } from '../features/drills/web/demo/routes.tsx';
import { drillsRoutes } from '../features/drills/web/drills/routes.tsx';
import { monitoringRoutes } from '../features/monitoring/web/routes.tsx';
import { guestRoutes } from '../features/people/web/guests/routes.tsx';
import { InvitePage } from '../features/people/web/pages/invite-page.tsx';
import { LoginPage, safeRedirect } from '../features/people/web/pages/login-page.tsx';
import { SetupPage } from '../features/people/web/pages/setup-page.tsx';
import { sessionQuery, setupStatusQuery } from '../features/people/web/queries.ts';
import { pendingSecondFactor, securityRoutes } from '../features/people/web/security/routes.tsx';
import { statementsRoutes } from '../features/statements/web/routes.tsx';
import { alertsRoutes } from '../features/warnings/web/routes.tsx';
import { ApiError, api, setCsrfToken } from './api.ts';
import { notifySuccess } from './errors.ts';
import i18n from './i18n/index.ts';
import { stopLive } from './live.ts';
import { builtSections, ComingSoonPage, type UnbuiltSection } from './pages/coming-soon-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { queryClient } from './query-client.ts';
import { type Section, sections } from './sections.ts';
import { Shell } from './shell/shell.tsx';
import { ErrorAlert } from './ui/query-state.tsx';

type RouterContext = { queryClient: QueryClient };

async function sessionOrNull(qc: QueryClient) {
  try {
    return await qc.ensureQueryData(sessionQuery);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

function RouteError({ error }: { error: unknown }) {
  const router = useRouter();
  return (
    <Center p="xl">
      <ErrorAlert error={error} onRetry={() => void router.invalidate()} />
    </Center>
  );
}

function Pending() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet, notFoundComponent: NotFoundPage });

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    if (!(await context.queryClient.fetchQuery(setupStatusQuery)).needed) throw redirect({ to: '/login' });
  },
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    if ((await context.queryClient.fetchQuery(setupStatusQuery)).needed) throw redirect({ to: '/setup' });
    // A session still owing its second factor stays here: the page asks for the code (or the set-up).
    const s = await sessionOrNull(context.queryClient);
    if (s && !pendingSecondFactor(s)) throw redirect({ to: safeRedirect(search.redirect) });
  },
  component: LoginPage,
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  // If someone is signed in on this browser, state-changing calls need their CSRF token.
  beforeLoad: async ({ context }) => void (await sessionOrNull(context.queryClient)),
  component: InvitePage,
});

/** Ends the client side of a session: no live connection, no cached data, back to sign-in. */
export function leaveToLogin(): void {
  stopLive();
  setCsrfToken(null);
  queryClient.clear();
  void router.navigate({ to: '/login' });
}

async function signOut() {
  try {
    await api('DELETE', '/api/session');
  } catch {
    // the session may already be gone; either way the user leaves
  }
  leaveToLogin();
  notifySuccess(i18n.t('nav.signedOut'));
}

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const s = await sessionOrNull(context.queryClient);
    if (!s || pendingSecondFactor(s)) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: () => <Shell onSignOut={() => void signOut()} />,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const sectionRoutes = sections
  .filter((s): s is Section & { key: UnbuiltSection } => !builtSections.includes(s.key))
  .map((s) => createRoute({ getParentRoute: () => appRoute, path: s.path, component: () => <ComingSoonPage section={s.key} /> }));

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('../features/people/web/pages/settings-layout.tsx'), 'SettingsLayout'),
});
const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/profile' });
  },
});
const settingsPage = (path: string, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => settingsRoute, path, component });
const lazy = {
  profile: lazyRouteComponent(() => import('../features/people/web/pages/settings/profile-page.tsx'), 'ProfilePage'),
  password: lazyRouteComponent(() => import('../features/people/web/pages/settings/password-page.tsx'), 'PasswordPage'),
  users: lazyRouteComponent(() => import('../features/people/web/pages/settings/users-page.tsx'), 'UsersPage'),
  departments: lazyRouteComponent(() => import('../features/people/web/pages/settings/departments-page.tsx'), 'DepartmentsPage'),
  tokens: lazyRouteComponent(() => import('../features/people/web/pages/settings/tokens-page.tsx'), 'TokensPage'),
  audit: lazyRouteComponent(() => import('../features/people/web/pages/settings/audit-page.tsx'), 'AuditPage'),
  org: lazyRouteComponent(() => import('../features/people/web/pages/settings/org-page.tsx'), 'OrgPage'),
};

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  ...demoPublicRoutes(rootRoute),
  appRoute.addChildren([
    homeRoute,
    ...sectionRoutes,
    monitoringRoutes(appRoute),
    ...alertsRoutes(appRoute),
    ...crisesRoutes(appRoute),
    ...statementsRoutes(appRoute),
    ...documentsRoutes(appRoute),
    ...drillsRoutes(appRoute),
    ...demoRoutes(appRoute),
    ...searchRoutes(appRoute),
    ...guestRoutes(appRoute),
    ...securityRoutes(appRoute),
    settingsRoute.addChildren([settingsIndexRoute, ...Object.entries(lazy).map(([path, component]) => settingsPage(path, component))]),
  ]),
]);

/** The application router. */
export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultErrorComponent: RouteError,
  defaultPendingComponent: Pending,
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
});
