// Topic data for the web app: the list, saving, archiving, re-applying and the 7-day preview.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { sensitivities } from '../../../warnings/contract.ts';
import type { Mention } from '../../contract.ts';

/** How readily a topic raises early-warning alerts. */
export type Sensitivity = (typeof sensitivities)[number];

/** A topic as the API returns it. */
export type Topic = {
  id: string;
  name: string;
  query: string;
  description: string | null;
  archived: boolean;
  /** Early-warning sensitivity ('normal' when the server does not say). */
  sensitivity?: Sensitivity;
  version: number;
  updatedAt: string;
};

/** What the preview answers: matches in the window, whether the scan was capped, the newest matches. */
export type TopicPreview = { count: number; capped: boolean; sample: Mention[] };

/** The organisation's topics, oldest first. */
export const topicsQuery = queryOptions({
  queryKey: ['topics'],
  queryFn: ({ signal }) => api<Topic[]>('GET', '/api/topics', undefined, { signal }),
});

/** The input of create and update. */
export type TopicInput = { name?: string; query?: string; description?: string | null; archived?: boolean; sensitivity?: Sensitivity };

/** Creates or changes a topic (PATCH when an id is given). */
export function useSaveTopic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TopicInput & { id?: string }) =>
      id ? api<Topic>('PATCH', `/api/topics/${id}`, body) : api<Topic>('POST', '/api/topics', body),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['topics'] }), qc.invalidateQueries({ queryKey: ['mentions'] })]);
    },
  });
}

/** Re-tags stored mentions with a topic's saved query. */
export function useReapplyTopic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ tagged: number }>('POST', `/api/topics/${id}/reapply`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['mentions'] });
    },
  });
}

/** Tests a draft query against the last 7 days (nothing is stored). */
export function usePreviewTopic() {
  return useMutation({ mutationFn: (query: string) => api<TopicPreview>('POST', '/api/topics/preview', { query, days: 7 }) });
}
