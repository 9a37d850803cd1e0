// The one TanStack Query client: the only client-side store of server data.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** Shared query client; client errors (4xx) are not retried, server and network errors twice. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
