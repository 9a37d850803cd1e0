// Crisis configuration data for the web app: the playbooks grid, one playbook, saving and resetting it,
// importing a file, and the grading matrix. Keys start with 'crises' so the declare form's preview refreshes too.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { CrisisType, Playbook, Severity } from '../../contract.ts';
import type { GradingMatrix, GradingView, ImportResult, PlaybookEntry } from '../../playbook-contract.ts';

const BASE = '/api/crisis-config';
const one = (type: string, severity: string) => `${BASE}/playbooks/${encodeURIComponent(type)}/${encodeURIComponent(severity)}`;

/** One playbook as it applies, with its version. */
export type StoredPlaybook = { playbook: Playbook; customised: boolean; version: number; updatedAt: string | null };

/** The 36 playbooks, marked customised or default. */
export const playbooksQuery = queryOptions({
  queryKey: ['crises', 'config', 'playbooks'],
  queryFn: ({ signal }) => api<{ playbooks: PlaybookEntry[] }>('GET', `${BASE}/playbooks`, undefined, { signal }),
});

/** One playbook. */
export const storedPlaybookQuery = (type: CrisisType, severity: Severity) =>
  queryOptions({
    queryKey: ['crises', 'config', 'playbook', type, severity],
    queryFn: ({ signal }) => api<StoredPlaybook>('GET', one(type, severity), undefined, { signal }),
  });

/** The grading matrix. */
export const gradingQuery = queryOptions({
  queryKey: ['crises', 'config', 'grading'],
  queryFn: ({ signal }) => api<GradingView>('GET', `${BASE}/grading`, undefined, { signal }),
  staleTime: 60_000,
});

/** Where the export downloads from. */
export const exportUrl = (format: 'yaml' | 'json') => `${BASE}/playbooks/export?format=${format}`;

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['crises'] });
}

/** Saves a playbook (guarded by the version seen: 409 when someone else saved it first). */
export function useSavePlaybook() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ playbook, version }: { playbook: Playbook; version: number }) =>
      api<StoredPlaybook>('PUT', one(playbook.type, playbook.severity), { playbook, version }),
    onSettled: refresh,
  });
}

/** Goes back to the shipped default. */
export function useResetPlaybook() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ type, severity }: { type: CrisisType; severity: Severity }) => api<StoredPlaybook>('DELETE', one(type, severity)),
    onSettled: refresh,
  });
}

/** Imports a YAML or JSON file (or only checks it). */
export function useImportPlaybooks() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { text: string; dryRun: boolean }) => api<ImportResult>('POST', `${BASE}/playbooks/import`, body),
    onSettled: (_d, _e, v) => (v.dryRun ? undefined : refresh()),
  });
}

/** Saves the grading matrix (guarded by its version), or restores the default (null). */
export function useSaveGrading() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ matrix, version }: { matrix: GradingMatrix | null; version: number }) =>
      matrix ? api<GradingView>('PUT', `${BASE}/grading`, { matrix, version }) : api<GradingView>('DELETE', `${BASE}/grading`),
    onSettled: refresh,
  });
}
