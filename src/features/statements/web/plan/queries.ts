// Changes to a crisis's communication plan (objectives, audiences) and fact sheet (facts, questions). Each is
// guarded by the version the screen showed (409 `conflict` when someone changed it first).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type { audienceInput, CommPlan, factInput, factPatch } from '../../contract.ts';
import { crisisPath, planQuery, useStatementsChanged } from '../queries.ts';

/** An audience as the form sends it. */
export type AudienceValues = z.input<typeof audienceInput>;

/** Saves the objectives. */
export function useSavePlan(crisisId: string) {
  const qc = useQueryClient();
  const changed = useStatementsChanged();
  return useMutation({
    mutationFn: (body: { objectives: string; version: number }) => api<CommPlan>('PUT', `${crisisPath(crisisId)}/plan`, body),
    onSuccess: (plan) => {
      if (plan && 'audiences' in plan) qc.setQueryData(planQuery(crisisId).queryKey, plan);
    },
    onSettled: changed,
  });
}

/** Adds an audience. */
export function useAddAudience(crisisId: string) {
  return useMutation({
    mutationFn: (body: AudienceValues) => api<unknown>('POST', `${crisisPath(crisisId)}/plan/audiences`, body),
    onSettled: useStatementsChanged(),
  });
}

/** Changes an audience (only the fields sent). */
export function useUpdateAudience(crisisId: string) {
  return useMutation({
    mutationFn: ({ audienceId, ...body }: Partial<AudienceValues> & { audienceId: string; version: number }) =>
      api<unknown>('PATCH', `${crisisPath(crisisId)}/plan/audiences/${encodeURIComponent(audienceId)}`, body),
    onSettled: useStatementsChanged(),
  });
}

/** Deletes an audience. */
export function useDeleteAudience(crisisId: string) {
  return useMutation({
    mutationFn: (audienceId: string) => api<unknown>('DELETE', `${crisisPath(crisisId)}/plan/audiences/${encodeURIComponent(audienceId)}`),
    onSettled: useStatementsChanged(),
  });
}

/** Adds a fact or an open question. */
export function useAddFact(crisisId: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof factInput>) => api<unknown>('POST', `${crisisPath(crisisId)}/facts`, body),
    onSettled: useStatementsChanged(),
  });
}

/** Changes, retires or restores a fact, or answers a question. */
export function useUpdateFact(crisisId: string) {
  return useMutation({
    mutationFn: ({ factId, ...body }: z.input<typeof factPatch> & { factId: string }) =>
      api<unknown>('PATCH', `${crisisPath(crisisId)}/facts/${encodeURIComponent(factId)}`, body),
    onSettled: useStatementsChanged(),
  });
}
