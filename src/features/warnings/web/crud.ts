// Save and delete for the settings collections (channels, rules): POST to add, PATCH with an id to change, DELETE,
// each refreshing the collection's list (cached under `key`) afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../web/api.ts';

const at = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

/** Adds an item to the collection at `path`, or changes one when an id is given. */
export function useSaveItem<Out, Input extends object>(path: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Input & { id?: string }) => (id ? api<Out>('PATCH', at(path, id), body) : api<Out>('POST', path, body)),
    onSettled: () => qc.invalidateQueries({ queryKey: [key] }),
  });
}

/** Deletes an item of the collection at `path`. */
export function useDeleteItem(path: string, key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', at(path, id)),
    onSettled: () => qc.invalidateQueries({ queryKey: [key] }),
  });
}
