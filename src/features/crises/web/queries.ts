// Crisis data for the web app: the list, one crisis room, the playbook preview, and every change made in the room.
// Keys start with 'crises' so live crisis.* events refresh them; each change also refreshes the room it touched.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../web/api.ts';
import type {
  CrisisDetail,
  CrisisStatus,
  CrisisSummary,
  CrisisType,
  DeclareInput,
  Playbook,
  Severity,
  TaskStatus,
  TeamRole,
} from '../contract.ts';

/** Which crises the list shows. */
export type CrisisFilter = 'active' | 'closed' | 'all';

/** How many crises the list asks for at most. */
export const LIST_LIMIT = 100;

const at = (id: string) => `/api/crises/${encodeURIComponent(id)}`;

/** The crises for a filter, newest first. */
export const crisesQuery = (filter: CrisisFilter) =>
  queryOptions({
    queryKey: ['crises', 'list', filter],
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ limit: String(LIST_LIMIT) });
      if (filter !== 'all') q.set('status', filter);
      return api<{ crises: CrisisSummary[] }>('GET', `/api/crises?${q}`, undefined, { signal });
    },
    // Deadlines move on by themselves: refresh the overdue counts now and then even without events.
    refetchInterval: 60_000,
  });

/** One crisis with its team, tasks, decisions and timeline. */
export const crisisQuery = (id: string) =>
  queryOptions({
    queryKey: ['crises', 'one', id],
    queryFn: ({ signal }) => api<CrisisDetail>('GET', at(id), undefined, { signal }),
  });

/** The playbook for a type at a level (the declare form's preview). */
export const playbookQuery = (type: CrisisType, severity: Severity) =>
  queryOptions({
    queryKey: ['crises', 'playbook', type, severity],
    queryFn: ({ signal }) => api<Playbook>('GET', `/api/crises/playbook?${new URLSearchParams({ type, severity })}`, undefined, { signal }),
    staleTime: 5 * 60_000,
  });

/** After a change in a room: show the answer if it is the room, then refetch the room and the lists. */
function useRoomChanged(id: string) {
  const qc = useQueryClient();
  return {
    onSuccess: (answer: unknown) => {
      if (answer && typeof answer === 'object' && 'tasks' in answer && 'timeline' in answer)
        qc.setQueryData(crisisQuery(id).queryKey, answer as CrisisDetail);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['crises'] }),
  };
}

/** Declares a crisis (from scratch or from an alert). */
export function useDeclareCrisis() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DeclareInput) => api<CrisisDetail>('POST', '/api/crises', input),
    onSuccess: (c) => qc.setQueryData(crisisQuery(c.id).queryKey, c),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: ['crises'] }), qc.invalidateQueries({ queryKey: ['alerts'] })]),
  });
}

/** Moves the lifecycle on (guarded by the version seen). */
export function useChangeStatus(id: string) {
  return useMutation({
    mutationFn: (body: { status: CrisisStatus; reason?: string; version: number }) => api<unknown>('POST', `${at(id)}/status`, body),
    ...useRoomChanged(id),
  });
}

/** Changes the level, with the reason (a decision). */
export function useChangeSeverity(id: string) {
  return useMutation({
    mutationFn: (body: { severity: Severity; reason: string; version: number }) => api<unknown>('POST', `${at(id)}/severity`, body),
    ...useRoomChanged(id),
  });
}

/** Assigns, hands over or clears a role. */
export function useAssignRole(id: string) {
  return useMutation({
    // `expectedUserId`: who this screen showed holding the role (409 when someone else changed it meanwhile).
    mutationFn: (body: { role: TeamRole; userId: string | null; expectedUserId: string | null }) =>
      api<unknown>('PUT', `${at(id)}/team`, body),
    ...useRoomChanged(id),
  });
}

/** A task added by hand. */
export type NewTask = { title: string; detail?: string; role?: TeamRole; assigneeId?: string; dueAt?: string };

/** Adds a task. */
export function useAddTask(id: string) {
  return useMutation({
    mutationFn: (body: NewTask) => api<unknown>('POST', `${at(id)}/tasks`, body),
    ...useRoomChanged(id),
  });
}

/** A change to a task (only the fields sent change). */
export type TaskChange = {
  taskId: string;
  version: number;
  status?: TaskStatus;
  blockedReason?: string;
  title?: string;
  detail?: string | null;
  role?: TeamRole | null;
  assigneeId?: string | null;
  dueAt?: string | null;
  checklist?: { text: string; done: boolean }[];
};

/** Changes a task (guarded by the version seen; 409 `conflict` when someone else changed it first). */
export function useUpdateTask(id: string) {
  return useMutation({
    mutationFn: ({ taskId, ...body }: TaskChange) => api<unknown>('PATCH', `${at(id)}/tasks/${encodeURIComponent(taskId)}`, body),
    ...useRoomChanged(id),
  });
}

/** Comments on a task (`@name` mentions). */
export function useAddComment(id: string) {
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: string }) =>
      api<unknown>('POST', `${at(id)}/tasks/${encodeURIComponent(taskId)}/comments`, { body }),
    ...useRoomChanged(id),
  });
}

/** Stars or unstars a timeline entry. */
export function useStar(id: string) {
  return useMutation({
    mutationFn: ({ eventId, on }: { eventId: number; on: boolean }) =>
      api<unknown>(on ? 'POST' : 'DELETE', `${at(id)}/timeline/${eventId}/star`),
    ...useRoomChanged(id),
  });
}

/** Signs or declines a decision (guarded by the decision's version). */
export function useSignoff(id: string) {
  return useMutation({
    mutationFn: ({ decisionId, ...body }: { decisionId: string; verdict: 'signed' | 'declined'; note?: string; version: number }) =>
      api<unknown>('POST', `${at(id)}/decisions/${encodeURIComponent(decisionId)}/signoff`, body),
    ...useRoomChanged(id),
  });
}

/** Adds a note to the timeline. */
export function useAddNote(id: string) {
  return useMutation({
    mutationFn: (text: string) => api<unknown>('POST', `${at(id)}/notes`, { text }),
    ...useRoomChanged(id),
  });
}

/** Logs a decision. */
export function useLogDecision(id: string) {
  return useMutation({
    mutationFn: (body: { decision: string; options?: string; rationale?: string; requestSignoff?: boolean; signoffFrom?: string }) =>
      api<unknown>('POST', `${at(id)}/decisions`, body),
    ...useRoomChanged(id),
  });
}
