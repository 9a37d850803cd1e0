// The pulse's data: live metrics (refreshed on a timer and whenever mentions or topics change: the
// `monitoring-stats` key), situation reports (refreshed by crisis.* events: the `crises` key), and who is in the
// room (filled by the server's presence messages, see web/live.ts presenceKey).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import { presenceKey } from '../../../../web/live.ts';
import type { CrisisMetrics, CrisisPresence, Sitrep, SitrepList } from '../../pulse-contract.ts';

const at = (id: string) => `/api/crises/${encodeURIComponent(id)}`;

/** How often the metrics refresh without any event (mentions arrive all the time during a crisis). */
export const METRICS_REFRESH_MS = 60_000;

/** Live metrics of the crisis's topics. */
export const metricsQuery = (id: string) =>
  queryOptions({
    queryKey: ['monitoring-stats', 'crisis-metrics', id],
    queryFn: ({ signal }) => api<CrisisMetrics>('GET', `${at(id)}/metrics`, undefined, { signal }),
    refetchInterval: METRICS_REFRESH_MS,
  });

/** The crisis's situation reports, newest first, with the schedule. */
export const sitrepsQuery = (id: string) =>
  queryOptions({
    queryKey: ['crises', 'pulse', id, 'sitreps'],
    queryFn: ({ signal }) => api<SitrepList>('GET', `${at(id)}/sitreps`, undefined, { signal }),
  });

/** Who has the crisis room open now. */
export const presenceQuery = (id: string) =>
  queryOptions({
    queryKey: presenceKey(id),
    queryFn: ({ signal }) => api<CrisisPresence>('GET', `${at(id)}/presence`, undefined, { signal }),
  });

/** Produces a situation report now. */
export function useIssueSitrep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Sitrep>('POST', `${at(id)}/sitreps`, {}),
    onSuccess: (s) =>
      qc.setQueryData(sitrepsQuery(id).queryKey, (old) =>
        old ? { ...old, sitreps: [s, ...old.sitreps.filter((x) => x.id !== s.id)], nextSitrepAt: s.nextSitrepAt } : old,
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: ['crises', 'pulse', id] }),
  });
}
