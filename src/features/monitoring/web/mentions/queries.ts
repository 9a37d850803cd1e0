// Mention data for the web app: the explorer's pages, one mention, its cluster, sources, and the sentiment correction.
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { Mention, Sentiment } from '../../contract.ts';

/** What GET /api/mentions answers. */
export type MentionPage = { mentions: Mention[]; nextBefore: number | null };

/** A source as GET /api/sources lists it (the fields the explorer needs). */
export type SourceSummary = { id: string; kind: string; name: string; status: 'active' | 'paused' };

/** API filters of the mention list (strings as sent in the query string). */
export type MentionFilters = {
  q?: string;
  topicId?: string;
  sourceId?: string;
  sentiment?: Sentiment;
  lang?: string;
  author?: string;
  clusterId?: number;
  /** Resolved at fetch time so that "last 24 hours" stays relative when the list refetches. */
  from?: string | (() => string);
  to?: string;
};

const PAGE = 30;

function params(f: MentionFilters, limit: number, before: number | null): URLSearchParams {
  const q = new URLSearchParams({ limit: String(limit) });
  for (const [k, v] of Object.entries(f)) {
    const value = typeof v === 'function' ? v() : v;
    if (value !== undefined && value !== '') q.set(k, String(value));
  }
  if (before !== null) q.set('before', String(before));
  return q;
}

/** The explorer's list, newest first, a page at a time (key: the filters with `from` as its preset). */
export const mentionsQuery = (key: object, filters: MentionFilters) =>
  infiniteQueryOptions({
    queryKey: ['mentions', 'list', key],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => api<MentionPage>('GET', `/api/mentions?${params(filters, PAGE, pageParam)}`, undefined, { signal }),
    getNextPageParam: (last) => last.nextBefore,
  });

/** A short list (cluster members, previews) of the newest mentions matching filters. */
export const mentionSampleQuery = (filters: MentionFilters, limit: number) =>
  queryOptions({
    queryKey: ['mentions', 'sample', filters, limit],
    queryFn: ({ signal }) => api<MentionPage>('GET', `/api/mentions?${params(filters, limit, null)}`, undefined, { signal }),
  });

/** One mention. */
export const mentionQuery = (id: number) =>
  queryOptions({
    queryKey: ['mentions', 'detail', id],
    queryFn: ({ signal }) => api<Mention>('GET', `/api/mentions/${id}`, undefined, { signal }),
  });

/** The organisation's sources (for the source filter). */
export const sourcesQuery = queryOptions({
  queryKey: ['sources', 'list'],
  queryFn: ({ signal }) => api<SourceSummary[]>('GET', '/api/sources', undefined, { signal }),
  staleTime: 60_000,
});

/** A person corrects a mention's sentiment. */
export function useCorrectSentiment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sentiment: Sentiment) => api<unknown>('POST', `/api/mentions/${id}/sentiment`, { sentiment }),
    onSuccess: async (_r, sentiment) => {
      qc.setQueryData<Mention>(['mentions', 'detail', id], (m) =>
        m
          ? {
              ...m,
              sentiment,
              sentimentScore: { negative: -1, neutral: 0, positive: 1 }[sentiment],
              sentimentConfidence: 1,
              sentimentCorrected: true,
            }
          : m,
      );
      await qc.invalidateQueries({ queryKey: ['mentions'] });
    },
  });
}
