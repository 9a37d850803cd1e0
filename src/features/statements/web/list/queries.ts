// Creating a statement (from a template with its fields, or blank) in a crisis.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type { StatementDetail, statementInput } from '../../contract.ts';
import { crisisPath, statementQuery, useStatementsChanged } from '../queries.ts';

/** What the new-statement dialog sends. */
export type NewStatement = z.input<typeof statementInput>;

/** Creates a statement; its detail is cached for the editor that opens next. */
export function useCreateStatement(crisisId: string) {
  const qc = useQueryClient();
  const changed = useStatementsChanged();
  return useMutation({
    mutationFn: (body: NewStatement) => api<StatementDetail>('POST', `${crisisPath(crisisId)}/statements`, body),
    onSuccess: (s) => {
      if (s?.id && s.headVersion) qc.setQueryData(statementQuery(s.id).queryKey, s);
    },
    onSettled: changed,
  });
}
