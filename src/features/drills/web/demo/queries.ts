// Demo workspace and scenario-room data for the web app: query keys (refreshed by `scenario.*` live events), the
// demo's open/sign-in calls, the run controls and leaving a drill.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../../web/api.ts';
import { stopLive } from '../../../../web/live.ts';
import type { Session } from '../../../people/contract.ts';
import { sessionQuery, setupStatusQuery } from '../../../people/web/queries.ts';
import type { DemoInfo, RunCommand, RunView, ScenarioRoom } from '../../contract.ts';

/** Whether a demo may be opened, and the demo (its people) once it exists. Public. */
export const demoInfoQuery = queryOptions({
  queryKey: ['demo'],
  queryFn: ({ signal }) => api<DemoInfo>('GET', '/api/demo', undefined, { signal }),
  staleTime: 5_000,
});

/** The scenario playing in this (demo or sandbox) organisation and the messages delivered so far, newest first. */
export const scenarioRoomQuery = queryOptions({
  queryKey: ['scenario-room'],
  queryFn: ({ signal }) => api<ScenarioRoom>('GET', '/api/scenario-room', undefined, { signal }),
  // Live events refresh it; a slow poll covers a missed one (and the clock's drift).
  refetchInterval: 60_000,
});

/** Opens the demo workspace (several seconds: the company, a month of history, the scenario starting). */
export function useOpenDemo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: 'zh-TW' | 'en') => api<DemoInfo>('POST', '/api/demo', { locale }),
    onSuccess: (info) => {
      qc.setQueryData(demoInfoQuery.queryKey, info);
      void qc.invalidateQueries({ queryKey: setupStatusQuery.queryKey });
    },
  });
}

/**
 * Signs in as one demo person. Whatever this browser held before (another session's data, its live connection)
 * is dropped first, then the new session is fetched so its CSRF token is set before the app routes on it.
 */
export function useDemoSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) => {
      await api<Session>('POST', '/api/demo/sign-in', { userId });
      stopLive();
      setCsrfToken(null);
      qc.clear();
      return qc.fetchQuery({ ...sessionQuery, staleTime: 0 });
    },
  });
}

/** Sends a command to the scenario player (a demo admin's or manager's controls); the answer is the run. */
export function useRunControl() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (command: RunCommand) => api<RunView>('POST', '/api/scenario-room/control', command),
    onSuccess: (run) => {
      qc.setQueryData(scenarioRoomQuery.queryKey, (room: ScenarioRoom | undefined) => (room ? { ...room, run } : room));
      void qc.invalidateQueries({ queryKey: scenarioRoomQuery.queryKey });
    },
    onError: () => void qc.invalidateQueries({ queryKey: scenarioRoomQuery.queryKey }),
  });
}

/** Leaves the drill sandbox; the caller reloads the app so it starts afresh in the real organisation. */
export function useLeaveDrill() {
  return useMutation({ mutationFn: () => api<{ ok: true }>('POST', '/api/drill-session/leave') });
}
