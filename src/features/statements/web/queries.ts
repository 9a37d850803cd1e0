// Statement data shared by the statement screens: query keys (all start with 'statements', so live statement.*
// events refresh them), one statement with its review, the lists, templates, and a crisis's plan and fact sheet.
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../web/api.ts';
import type { CommPlan, factList, StatementDetail, StatementStatus, statementList, templateList } from '../contract.ts';

type StatementList = z.infer<typeof statementList>;
type FactList = z.infer<typeof factList>;
type TemplateList = z.infer<typeof templateList>;

/** Which statements the /statements page lists. */
export type StatementFilter = { awaitingMe: boolean; status?: StatementStatus };

/** Query keys of the statement screens. */
export const statementsKeys = {
  all: ['statements'] as const,
  detail: (id: string) => ['statements', 'detail', id] as const,
  list: (filter: StatementFilter) => ['statements', 'list', filter] as const,
  crisis: (crisisId: string) => ['statements', 'crisis', crisisId] as const,
  templates: ['statements', 'templates'] as const,
  plan: (crisisId: string) => ['statements', 'plan', crisisId] as const,
  facts: (crisisId: string) => ['statements', 'facts', crisisId] as const,
};

/** Path of a crisis's statement resources. */
export const crisisPath = (crisisId: string) => `/api/crises/${encodeURIComponent(crisisId)}`;
/** Path of one statement. */
export const statementPath = (statementId: string) => `/api/statements/${encodeURIComponent(statementId)}`;

/** One statement with its head version, chain, approvals, publications and what the caller may do. */
export const statementQuery = (statementId: string) =>
  queryOptions({
    queryKey: statementsKeys.detail(statementId),
    queryFn: ({ signal }) => api<StatementDetail>('GET', statementPath(statementId), undefined, { signal }),
  });

/** Every statement the caller may see (or only those awaiting their decision), newest change first. */
export const statementsQuery = (filter: StatementFilter) =>
  queryOptions({
    queryKey: statementsKeys.list(filter),
    queryFn: async ({ signal }) => {
      const q = new URLSearchParams();
      if (filter.awaitingMe) q.set('awaitingMe', 'true');
      if (filter.status) q.set('status', filter.status);
      const data = await api<StatementList>('GET', `/api/statements${q.size ? `?${q}` : ''}`, undefined, { signal });
      return data.statements;
    },
    // Clocks move on by themselves.
    refetchInterval: 60_000,
  });

/** The statements of one crisis. */
export const crisisStatementsQuery = (crisisId: string) =>
  queryOptions({
    queryKey: statementsKeys.crisis(crisisId),
    queryFn: async ({ signal }) =>
      (await api<StatementList>('GET', `${crisisPath(crisisId)}/statements`, undefined, { signal })).statements,
  });

/** The statement templates (shipped and the organisation's own). */
export const templatesQuery = queryOptions({
  queryKey: statementsKeys.templates,
  queryFn: async ({ signal }) => (await api<TemplateList>('GET', '/api/statement-templates', undefined, { signal })).templates,
  staleTime: 5 * 60_000,
});

/** A crisis's communication plan (objectives and audiences). */
export const planQuery = (crisisId: string) =>
  queryOptions({
    queryKey: statementsKeys.plan(crisisId),
    queryFn: ({ signal }) => api<CommPlan>('GET', `${crisisPath(crisisId)}/plan`, undefined, { signal }),
  });

/** A crisis's fact sheet: confirmed facts (retired ones too) and open questions. */
export const factsQuery = (crisisId: string) =>
  queryOptions({
    queryKey: statementsKeys.facts(crisisId),
    queryFn: async ({ signal }) => (await api<FactList>('GET', `${crisisPath(crisisId)}/facts`, undefined, { signal })).facts,
  });

/** After any statement change: refetch the statement screens and the crisis rooms (their clocks come from tasks). */
export function useStatementsChanged() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: statementsKeys.all }), qc.invalidateQueries({ queryKey: ['crises'] })]);
}
