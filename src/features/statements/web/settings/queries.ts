// Statement settings data: the templates (shipped and the organisation's), adding, changing, archiving and
// signing them off, and the approval chains with saving one. Keys start with 'statements' so the new-statement
// dialog's template list and the review panel's chain refresh too.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type { Severity } from '../../../warnings/contract.ts';
import type { ApprovalChain, chainList, KindGroup, StatementTemplate, templateInput } from '../../contract.ts';
import { statementsKeys } from '../queries.ts';

export { templatesQuery } from '../queries.ts';

type ChainList = z.infer<typeof chainList>;
/** What the template form sends. */
export type TemplateInput = z.input<typeof templateInput>;

const TEMPLATES = '/api/statement-templates';
const one = (id: string) => `${TEMPLATES}/${encodeURIComponent(id)}`;

/** Every approval chain (severity × group), custom or default. */
export const chainsQuery = queryOptions({
  queryKey: ['statements', 'chains'] as const,
  queryFn: async ({ signal }) => (await api<ChainList>('GET', '/api/statement-chains', undefined, { signal })).chains,
});

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: statementsKeys.all });
}

/** Adds an organisation template. */
export function useCreateTemplate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: TemplateInput) => api<StatementTemplate>('POST', TEMPLATES, input),
    onSettled: refresh,
  });
}

/** Changes a template (guarded by the version seen: 409 when someone else saved it first). */
export function useUpdateTemplate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...patch }: Partial<TemplateInput> & { id: string; version: number }) =>
      api<StatementTemplate>('PATCH', one(id), patch),
    onSettled: refresh,
  });
}

/** Archives a template (no longer offered). */
export function useArchiveTemplate() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api<void>('DELETE', one(id)), onSettled: refresh });
}

/** Records that legal signed the template off now. */
export function useSignTemplate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api<StatementTemplate>('POST', `${one(id)}/legal-signoff`),
    onSettled: refresh,
  });
}

/** Replaces one chain (guarded by its version; 0 for the shipped one). */
export function useSaveChain() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      severity,
      group,
      ...body
    }: {
      severity: Severity;
      group: KindGroup;
      steps: { role: string; backups: string[] }[];
      version: number;
    }) => api<ApprovalChain>('PUT', `/api/statement-chains/${severity}/${group}`, body),
    onSettled: refresh,
  });
}

/** Puts one chain back to the shipped default (guarded by the version the editor loaded). */
export function useResetChain() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ severity, group, version }: { severity: Severity; group: KindGroup; version: number }) =>
      api<ApprovalChain>('DELETE', `/api/statement-chains/${severity}/${group}?version=${version}`),
    onSettled: refresh,
  });
}
