// Import data for the web app: the list, one import (polled every second while it runs), the
// mapping/dry-run/start/cancel mutations, and the upload with real progress (XMLHttpRequest).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ErrorCode, FieldError } from '../../../../platform/errors.ts';
import { ApiError, api } from '../../../../web/api.ts';
import { errorMessage } from '../../../../web/errors.ts';
import {
  type ImportDetail,
  type ImportList,
  type ImportMapping,
  type ImportProblemCode,
  importProblemCodes,
} from '../../import-contract.ts';

/** Past imports and the import sources. */
export const importsQuery = queryOptions({
  queryKey: ['imports'],
  queryFn: ({ signal }) => api<ImportList>('GET', '/api/imports', undefined, { signal }),
});

/** One import; refetched every second while it runs so the progress bar moves. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api<ImportDetail>('GET', `/api/imports/${id}`, undefined, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });

function useImportAction<V>(fn: (v: V) => Promise<ImportDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (imp) => {
      qc.setQueryData(['imports', imp.id], imp);
      await qc.invalidateQueries({ queryKey: ['imports'], exact: true });
    },
  });
}

/** Saves the column mapping (or the target source). */
export const useUpdateImport = () =>
  useImportAction(({ id, ...body }: { id: string; mapping?: ImportMapping; source?: string }) =>
    api<ImportDetail>('PATCH', `/api/imports/${id}`, body),
  );
/** Runs the dry run. */
export const useDryRun = () => useImportAction((id: string) => api<ImportDetail>('POST', `/api/imports/${id}/dry-run`));
/** Starts or resumes the import. */
export const useStartImport = () => useImportAction((id: string) => api<ImportDetail>('POST', `/api/imports/${id}/start`));
/** Cancels the import. */
export const useCancelImport = () => useImportAction((id: string) => api<ImportDetail>('POST', `/api/imports/${id}/cancel`));

/** The content type to send a file with (the server also looks at the name and the content). */
function contentTypeOf(file: File): string {
  const ext = file.name.toLowerCase().split('.').pop();
  if (ext === 'ndjson' || ext === 'jsonl') return 'application/x-ndjson';
  if (ext === 'csv') return 'text/csv';
  return 'application/octet-stream';
}

function problemOf(status: number, text: string): ApiError {
  let p: { code?: string; detail?: string; errors?: FieldError[] } = {};
  try {
    p = JSON.parse(text);
  } catch {
    // not problem details (a proxy's page): keep the status only
  }
  const code = (typeof p.code === 'string' ? p.code : 'unknown') as ErrorCode;
  return new ApiError(status, code, p.detail ?? `HTTP ${status}`, Array.isArray(p.errors) ? p.errors : []);
}

/** Uploads a file as the request body, reporting progress (0–1); resolves with the new import. */
export function uploadFile(file: File, source: string, csrfToken: string, onProgress: (fraction: number) => void): Promise<ImportDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${new URLSearchParams({ name: file.name, source })}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-requested-with', 'firebreak');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('content-type', contentTypeOf(file));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as ImportDetail);
      else reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.send(file);
  });
}

/** The translated message for a failed import call: the import problem's own text when there is one. */
export function importErrorMessage(err: unknown, t: TFunction): string {
  const code = err instanceof ApiError ? err.fieldErrors.find((e) => e.path === 'file')?.code : undefined;
  if (code && (importProblemCodes as readonly string[]).includes(code)) return t(`monitoring.import.problem.${code as ImportProblemCode}`);
  return errorMessage(err, t);
}
