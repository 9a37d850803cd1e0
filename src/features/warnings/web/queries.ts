// Early-warning data for the web app: the inbox, one alert, the open count for the navigation badge,
// the settings, the responses, and the escalation test. Alert keys start with 'alerts' so live alert.* events refresh them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../web/api.ts';
import type { AlertDetail, alertList, DismissReason, EscalationPolicy, WarningSettings } from '../contract.ts';
import type { EscalationPlan } from '../notify-contract.ts';

/** The inbox's answer: alerts and the count per state. */
export type AlertList = z.infer<typeof alertList>;

/** Which alerts the inbox shows. */
export type AlertFilter = 'active' | 'open' | 'acknowledged' | 'dismissed';

/** How many alerts the inbox asks for at most. */
export const INBOX_LIMIT = 100;

/** The inbox for a status (and optionally one topic), newest first. */
export const alertsQuery = (status: AlertFilter, topicId?: string) =>
  queryOptions({
    queryKey: ['alerts', 'list', status, topicId ?? null],
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ status, limit: String(INBOX_LIMIT) });
      if (topicId) q.set('topicId', topicId);
      return api<AlertList>('GET', `/api/alerts?${q}`, undefined, { signal });
    },
  });

/** How many alerts are open (the navigation badge). */
export const openAlertCountQuery = queryOptions({
  queryKey: ['alerts', 'open-count'],
  queryFn: ({ signal }) => api<AlertList>('GET', '/api/alerts?status=open&limit=1', undefined, { signal }),
  select: (list) => list.counts.open,
  // Live events keep it fresh; the interval covers a dropped connection.
  refetchInterval: 60_000,
});

/** One alert with the mentions behind it. */
export const alertQuery = (id: string) =>
  queryOptions({
    queryKey: ['alerts', 'one', id],
    queryFn: ({ signal }) => api<AlertDetail>('GET', `/api/alerts/${encodeURIComponent(id)}`, undefined, { signal }),
  });

/** The organisation's grading thresholds. */
export const warningSettingsQuery = queryOptions({
  queryKey: ['warning-settings'],
  queryFn: ({ signal }) => api<WarningSettings>('GET', '/api/warnings/settings', undefined, { signal }),
});

function useAlertChanged() {
  const qc = useQueryClient();
  return {
    onSuccess: (detail: AlertDetail) => qc.setQueryData(alertQuery(detail.id).queryKey, detail),
    onSettled: () => qc.invalidateQueries({ queryKey: ['alerts'] }),
  };
}

/** Acknowledges an alert (guarded by the version the user saw). */
export function useAcknowledgeAlert() {
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<AlertDetail>('POST', `/api/alerts/${encodeURIComponent(id)}/acknowledge`, { version }),
    ...useAlertChanged(),
  });
}

/** Dismisses an alert with a reason and an optional note. */
export function useDismissAlert() {
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; reason: DismissReason; note?: string }) =>
      api<AlertDetail>('POST', `/api/alerts/${encodeURIComponent(id)}/dismiss`, body),
    ...useAlertChanged(),
  });
}

/** Saves the grading thresholds (administrators). */
export function useSaveWarningSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: WarningSettings) => api<WarningSettings>('PUT', '/api/warnings/settings', s),
    onSuccess: (s) => qc.setQueryData(warningSettingsQuery.queryKey, s),
    onSettled: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['warning-settings'] }), qc.invalidateQueries({ queryKey: ['alerts'] })]),
  });
}

/** Tests an escalation policy (the one given, else the saved one): its plan for an alert opening now; test messages go out. */
export function useTestEscalation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (escalation?: EscalationPolicy) =>
      api<EscalationPlan>('POST', '/api/warnings/settings/escalation/test', escalation ? { escalation } : {}),
    // The tests show up in the channels' delivery logs.
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['notification-channels'] }),
        qc.invalidateQueries({ queryKey: ['notification-deliveries'] }),
      ]),
  });
}
