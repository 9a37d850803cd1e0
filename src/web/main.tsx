// Entry point: i18n, Mantine (light/dark), TanStack Query and Router, and the live client.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthenticatedHandler } from './api.ts';
import './i18n/index.ts';
import { configureLive } from './live.ts';
import { queryClient } from './query-client.ts';
import { leaveToLogin, router } from './router.tsx';
import { theme } from './theme.ts';

const PUBLIC_PATHS = ['/login', '/setup', '/invite/'];

// Any call that finds the session gone sends the user to sign in (public pages handle 401 themselves).
setUnauthenticatedHandler(() => {
  if (!PUBLIC_PATHS.some((p) => location.pathname.startsWith(p))) leaveToLogin();
});
configureLive({ queryClient, onSessionEnded: leaveToLogin });

const colorSchemeManager = localStorageColorSchemeManager({ key: 'firebreak.color-scheme' });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
        {/* Bottom-right, away from the header (user menu, language) and the page actions: a toast pauses while the
            pointer rests on it, so at top-right one could sit over the very button someone reaches for next. */}
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
