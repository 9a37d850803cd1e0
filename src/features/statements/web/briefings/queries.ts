// Answer-book and briefing data: query keys start with 'statements', so live statement.* events (the crisis room,
// and a recipient's own room for a briefing sent to them) refresh them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { AnswerEntry, AnswersInput, Briefing, BriefingStatus, MyBriefing } from '../../briefing-contract.ts';
import { crisisPath, statementPath, statementsKeys } from '../queries.ts';

export const briefingKeys = {
  mine: ['statements', 'briefings', 'mine'] as const,
  one: (id: string) => ['statements', 'briefings', 'one', id] as const,
  crisis: (crisisId: string, statementId?: string) => ['statements', 'briefings', 'crisis', crisisId, statementId ?? ''] as const,
  answers: (crisisId: string, all: boolean, statementId?: string) => ['statements', 'answers', crisisId, all, statementId ?? ''] as const,
};

/** The briefings sent to me, newest first. */
export const myBriefingsQuery = queryOptions({
  queryKey: briefingKeys.mine,
  queryFn: ({ signal }) => api<MyBriefing[]>('GET', '/api/briefings/mine', undefined, { signal }),
});

/** One briefing. */
export const briefingQuery = (id: string) =>
  queryOptions({
    queryKey: briefingKeys.one(id),
    queryFn: ({ signal }) => api<Briefing>('GET', `/api/briefings/${encodeURIComponent(id)}`, undefined, { signal }),
  });

/** A crisis's briefings with who has not acknowledged (optionally those of one statement). */
export const crisisBriefingsQuery = (crisisId: string, statementId?: string) =>
  queryOptions({
    queryKey: briefingKeys.crisis(crisisId, statementId),
    queryFn: ({ signal }) =>
      api<BriefingStatus[]>(
        'GET',
        `${crisisPath(crisisId)}/briefings${statementId ? `?statementId=${encodeURIComponent(statementId)}` : ''}`,
        undefined,
        { signal },
      ),
  });

/** A crisis's answer book: entries in force, or all of them (optionally those of one statement). */
export const answersQuery = (crisisId: string, all: boolean, statementId?: string) =>
  queryOptions({
    queryKey: briefingKeys.answers(crisisId, all, statementId),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams();
      if (all) q.set('all', 'true');
      if (statementId) q.set('statementId', statementId);
      return api<AnswerEntry[]>('GET', `${crisisPath(crisisId)}/answers${q.size ? `?${q}` : ''}`, undefined, { signal });
    },
  });

function useChanged() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: statementsKeys.all });
}

/** Adds answer-book entries from a statement. */
export function useAddAnswers(statementId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (b: AnswersInput) => api<AnswerEntry[]>('POST', `${statementPath(statementId)}/answers`, b),
    onSettled: changed,
  });
}

/** Sends a briefing from a statement. */
export function useSendBriefing(statementId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (b: { title: string; say: string; dontSay: string; departmentIds: string[] }) =>
      api<BriefingStatus>('POST', `${statementPath(statementId)}/briefings`, b),
    onSettled: changed,
  });
}

/** The answer to a reminder (the server's briefing-routes.ts `briefingReminder`). */
export type BriefingReminder = { reminded: number; nextAllowedAt: string; briefing: BriefingStatus };

/** Reminds the recipients of a briefing who have not acknowledged it (409 `remind_too_soon` within 30 minutes). */
export function useRemindBriefing(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: () => api<BriefingReminder>('POST', `/api/briefings/${encodeURIComponent(id)}/remind`, {}),
    onSettled: changed,
  });
}

/** Acknowledges a briefing sent to me. */
export function useAckBriefing(id: string) {
  const qc = useQueryClient();
  const changed = useChanged();
  return useMutation({
    mutationFn: () => api<Briefing>('POST', `/api/briefings/${encodeURIComponent(id)}/ack`, {}),
    onSuccess: (b) => qc.setQueryData(briefingKeys.one(id), b),
    onSettled: changed,
  });
}

/** The lines of a say / don't-say text, blank ones dropped. */
export const pointsOf = (text: string) =>
  text
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
