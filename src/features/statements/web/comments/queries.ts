// A statement's comment threads and the actions on them. The key starts with 'statements', so every live
// statement.* event (another person's comment, reply or resolution) refetches it.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { CommentInput, CommentList, CommentThread } from '../../comments-contract.ts';
import { statementPath, statementsKeys } from '../queries.ts';

export const commentsKey = (statementId: string) => [...statementsKeys.all, 'comments', statementId] as const;

/** The threads of a statement, re-anchored by the server to its head text. */
export const commentsQuery = (statementId: string) =>
  queryOptions({
    queryKey: commentsKey(statementId),
    queryFn: ({ signal }) => api<CommentList>('GET', `${statementPath(statementId)}/comments`, undefined, { signal }),
  });

type Action =
  | { kind: 'add'; input: CommentInput }
  | { kind: 'reply'; id: string; body: string }
  | { kind: 'resolve' | 'reopen'; id: string; version: number };

/** Adds, replies, resolves or reopens; the comments (and the statement's timeline) refetch afterwards. */
export function useCommentAction(statementId: string) {
  const qc = useQueryClient();
  const base = `${statementPath(statementId)}/comments`;
  return useMutation({
    mutationFn: (a: Action) => {
      if (a.kind === 'add') return api<CommentThread>('POST', base, a.input);
      if (a.kind === 'reply') return api<CommentThread>('POST', `${base}/${encodeURIComponent(a.id)}/replies`, { body: a.body });
      return api<CommentThread>('POST', `${base}/${encodeURIComponent(a.id)}/${a.kind}`, { version: a.version });
    },
    onSuccess: (thread) =>
      qc.setQueryData<CommentList>(commentsKey(statementId), (old) =>
        old
          ? {
              ...old,
              threads: old.threads.some((x) => x.id === thread.id)
                ? old.threads.map((x) => (x.id === thread.id ? thread : x))
                : [...old.threads, thread],
            }
          : old,
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: commentsKey(statementId) }),
  });
}
