// Source data for the web app: the list, one source, the connectors on offer, and the changes. Every key starts
// with 'sources' so live events (mention.*, source.*, import.*) refresh them; status also refreshes every 30 s.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { ConnectorInfo, CreateSourceInput, RunResult, SourceOut, UpdateSourceInput } from '../../source-contract.ts';

const REFRESH_MS = 30_000;

/** All sources with their status. */
export const sourcesQuery = queryOptions({
  queryKey: ['sources', 'list'],
  queryFn: ({ signal }) => api<SourceOut[]>('GET', '/api/sources', undefined, { signal }),
  refetchInterval: REFRESH_MS,
});

/** One source with settings and status. */
export const sourceQuery = (id: string) =>
  queryOptions({
    queryKey: ['sources', 'one', id],
    queryFn: ({ signal }) => api<SourceOut>('GET', `/api/sources/${encodeURIComponent(id)}`, undefined, { signal }),
    // A new source is collected within seconds: look again soon until its first run shows.
    refetchInterval: (q) => (q.state.data?.health === 'waiting' ? 3000 : REFRESH_MS),
  });

/** The kinds of source that can be added. */
export const connectorsQuery = queryOptions({
  queryKey: ['sources', 'connectors'],
  queryFn: ({ signal }) => api<ConnectorInfo[]>('GET', '/api/connectors', undefined, { signal }),
  staleTime: 5 * 60_000,
});

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['sources'] });
}

/** Adds a source. */
export function useCreateSource() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateSourceInput) => api<SourceOut>('POST', '/api/sources', input), onSuccess: invalidate });
}

/** Edits, pauses or resumes a source. */
export function useUpdateSource() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateSourceInput & { id: string }) =>
      api<void>('PATCH', `/api/sources/${encodeURIComponent(id)}`, input),
    onSettled: invalidate,
  });
}

/** Polls a source now. */
export function useRunSource() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<RunResult>('POST', `/api/sources/${encodeURIComponent(id)}/run`),
    onSettled: invalidate,
  });
}

/** Deletes a source that has no mentions. */
export function useDeleteSource() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api<void>('DELETE', `/api/sources/${encodeURIComponent(id)}`), onSuccess: invalidate });
}
