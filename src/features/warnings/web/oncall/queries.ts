// On-call schedule data for the web app: the list (with who is on call now), a schedule's coming coverage, and
// the changes. Keys start with 'oncall-schedules' so live oncall.* events refresh them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { Schedule } from '../../oncall.ts';
import { useDeleteItem } from '../crud.ts';

/** A schedule as listed. */
export type ScheduleOut = Schedule & { id: string; onCallNow: string | null; version: number };

/** Who is on call over the coming days; null segments are gaps. */
export type Coverage = { segments: Array<{ start: string; end: string; userId: string | null }>; gapMinutes: number };

const PATH = '/api/oncall-schedules';
const KEY = 'oncall-schedules';

/** The organisation's schedules, oldest first. */
export const schedulesQuery = queryOptions({
  queryKey: [KEY],
  queryFn: ({ signal }) => api<ScheduleOut[]>('GET', PATH, undefined, { signal }),
});

/** A schedule's coverage over the next `days` days (refreshed with the schedules). */
export const coverageQuery = (id: string, days = 7) =>
  queryOptions({
    queryKey: [KEY, id, 'coverage', days],
    queryFn: ({ signal }) => api<Coverage>('GET', `${PATH}/${encodeURIComponent(id)}/coverage?days=${days}`, undefined, { signal }),
  });

/** Adds a schedule, or replaces one's settings when an id is given (guarded by its version). */
export function useSaveSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schedule & { id?: string; version?: number }) =>
      id ? api<ScheduleOut>('PUT', `${PATH}/${encodeURIComponent(id)}`, body) : api<ScheduleOut>('POST', PATH, body),
    onSettled: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Deletes a schedule. */
export const useDeleteSchedule = () => useDeleteItem(PATH, KEY);
