// Drill data for the web app: query keys (all start with 'drills', so live drill.*/scenario.* events refresh them),
// the list and trends, one drill, its report and follow-up actions, the scenario picker, and every change.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import { onLiveEvent } from '../../../../web/live.ts';
import type {
  actionInput,
  actionView,
  createDrillInput,
  DrillReport,
  DrillSummary,
  DrillView,
  drillTrends,
  observationInput,
  RunCommand,
} from '../../contract.ts';
import type { ScenarioSummary, validateScenarioResult } from '../../scenario-contract.ts';

export type ActionView = z.infer<typeof actionView>;
export type DrillTrends = z.infer<typeof drillTrends>;
export type ValidateResult = z.infer<typeof validateScenarioResult>;
export type ObservationInput = z.input<typeof observationInput>;
export type ActionInput = z.input<typeof actionInput>;
/** What the plan form sends (defaults filled in by the server are optional here). */
export type CreateDrill = z.input<typeof createDrillInput>;

/** Query keys of the drill screens. */
export const drillsKeys = {
  all: ['drills'] as const,
  list: ['drills', 'list'] as const,
  trends: ['drills', 'trends'] as const,
  scenarios: ['drills', 'scenarios'] as const,
  one: (id: string) => ['drills', 'one', id] as const,
  report: (id: string) => ['drills', 'report', id] as const,
  actions: (id: string) => ['drills', 'actions', id] as const,
};

/** Path of one drill. */
export const drillPath = (id: string) => `/api/drills/${encodeURIComponent(id)}`;
/** Where the report's PDF is downloaded from. */
export const reportPdfUrl = (id: string) => `${drillPath(id)}/report.pdf`;

/** Every drill of the organisation, newest first (the server's order). */
export const drillsQuery = queryOptions({
  queryKey: drillsKeys.list,
  queryFn: async ({ signal }) => (await api<{ drills: DrillSummary[] }>('GET', '/api/drills', undefined, { signal })).drills,
});

/** Ended drills' clocks and measures, oldest first. */
export const trendsQuery = queryOptions({
  queryKey: drillsKeys.trends,
  queryFn: ({ signal }) => api<DrillTrends>('GET', '/api/drills/trends', undefined, { signal }),
});

/** The shipped scenarios (each language a separate entry). */
export const scenariosQuery = queryOptions({
  queryKey: drillsKeys.scenarios,
  queryFn: async ({ signal }) => (await api<{ scenarios: ScenarioSummary[] }>('GET', '/api/scenarios', undefined, { signal })).scenarios,
  staleTime: 5 * 60_000,
});

/** One drill; polled every 2 s while it runs, in case a live event is missed (the socket may be reconnecting). */
export const drillQuery = (id: string) =>
  queryOptions({
    queryKey: drillsKeys.one(id),
    queryFn: ({ signal }) => api<DrillView>('GET', drillPath(id), undefined, { signal }),
    refetchInterval: (q) => (q.state.data?.run.status === 'running' ? 2_000 : false),
  });

/** The drill's after-action report (404 until generated). */
export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: drillsKeys.report(id),
    queryFn: ({ signal }) => api<DrillReport>('GET', `${drillPath(id)}/report`, undefined, { signal }),
    retry: false,
  });

/** The report's follow-up actions. */
export const actionsQuery = (id: string) =>
  queryOptions({
    queryKey: drillsKeys.actions(id),
    queryFn: async ({ signal }) => {
      const r = await api<{ actions: ActionView[] } | ActionView[]>('GET', `${drillPath(id)}/actions`, undefined, { signal });
      return Array.isArray(r) ? r : r.actions;
    },
  });

/** Checks a scenario file's text without using it. */
export const validateScenario = (text: string) => api<ValidateResult>('POST', '/api/scenarios/validate', { text });

/** Refetches drill screens when a drill or scenario event arrives (the shared live client does not map them). */
export function useDrillsLive(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onLiveEvent((e) => {
        if (e.type.startsWith('drill.') || e.type.startsWith('scenario.')) void qc.invalidateQueries({ queryKey: drillsKeys.all });
      }),
    [qc],
  );
}

/** A mutation whose answer, when it is the drill, replaces the cached drill; then every drill screen refetches. */
function useDrillMutation<I, O>(id: string | null, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (answer) => {
      if (id && answer && typeof answer === 'object' && 'run' in answer)
        qc.setQueryData(drillsKeys.one(id), answer as unknown as DrillView);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: drillsKeys.all }),
  });
}

/** Plans a drill. */
export const useCreateDrill = () => useDrillMutation(null, (input: CreateDrill) => api<DrillView>('POST', '/api/drills', input));
/** A facilitator's command (start, pause, speed, release, surprise, end …). */
export const useControl = (id: string) =>
  useDrillMutation(id, (cmd: RunCommand) => api<DrillView>('POST', `${drillPath(id)}/control`, cmd));
/** Enters the drill's sandbox: the session then acts as my sandbox copy. */
export const enterDrill = (id: string) => api<{ ok: boolean }>('POST', `${drillPath(id)}/enter`, {});
/** Adds an observation. */
export const useObserve = (id: string) =>
  useDrillMutation(id, (input: ObservationInput) => api<unknown>('POST', `${drillPath(id)}/observations`, input));
/** Generates (or regenerates) the report from the event spine. */
export const useGenerateReport = (id: string) => useDrillMutation(id, () => api<DrillReport>('POST', `${drillPath(id)}/report`, {}));
/** Saves what went well and what to improve (guarded by the report's version). */
export const useSaveReportText = (id: string) =>
  useDrillMutation(id, (input: { wentWell: string; toImprove: string; expectedVersion: number }) =>
    api<DrillReport>('PUT', `${drillPath(id)}/report`, input),
  );
/** Adds a follow-up action. */
export const useAddAction = (id: string) =>
  useDrillMutation(id, (input: ActionInput) => api<ActionView>('POST', `${drillPath(id)}/actions`, input));
/** Marks an action done or not (guarded by its version). */
export const useUpdateAction = (id: string) =>
  useDrillMutation(id, (input: { actionId: string; done: boolean; expectedVersion: number }) =>
    api<ActionView>('PATCH', `${drillPath(id)}/actions/${encodeURIComponent(input.actionId)}`, {
      done: input.done,
      expectedVersion: input.expectedVersion,
    }),
  );
