// A statement's review actions: submit, decide (bound to the version and hash seen), the commander's override,
// accepting a finding as a risk, and recording a publication. Each refreshes the statement screens and the rooms.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type { acceptInput, decisionInput, publishInput, StatementDetail } from '../../contract.ts';
import { statementPath, statementQuery, useStatementsChanged } from '../queries.ts';

/** A mutation on one statement whose answer (when it is the statement) replaces the cached detail. */
function useStatementAction<V>(statementId: string, call: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  const changed = useStatementsChanged();
  return useMutation({
    mutationFn: call,
    onSuccess: (answer) => {
      if (answer && typeof answer === 'object' && 'headVersion' in answer && 'chain' in answer)
        qc.setQueryData(statementQuery(statementId).queryKey, answer as StatementDetail);
    },
    onSettled: changed,
  });
}

/** Submits the head version for review. */
export function useSubmitStatement(statementId: string) {
  return useStatementAction(statementId, (head: number) => api<unknown>('POST', `${statementPath(statementId)}/submit`, { head }));
}

/** Approves, requests changes or rejects the version seen. */
export function useDecide(statementId: string) {
  return useStatementAction(statementId, (body: z.input<typeof decisionInput>) =>
    api<unknown>('POST', `${statementPath(statementId)}/decisions`, body),
  );
}

/** The commander's emergency approval of the head version. */
export function useOverride(statementId: string) {
  return useStatementAction(statementId, (body: { head: number; reason: string }) =>
    api<unknown>('POST', `${statementPath(statementId)}/override`, body),
  );
}

/** Accepts one finding of a version as a risk, with the reason. */
export function useAcceptRisk(statementId: string) {
  return useStatementAction(statementId, ({ versionNumber, ...body }: z.input<typeof acceptInput> & { versionNumber: number }) =>
    api<unknown>('POST', `${statementPath(statementId)}/versions/${versionNumber}/accepted`, body),
  );
}

/** Records a publication of the approved version on a channel. */
export function usePublish(statementId: string) {
  return useStatementAction(statementId, (body: z.input<typeof publishInput>) =>
    api<unknown>('POST', `${statementPath(statementId)}/publications`, body),
  );
}
