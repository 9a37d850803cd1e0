// Report data for the web app: my reports, the triage queue, filing, attaching and closing, and the screenshot
// upload (raw bytes with progress). Keys start with 'reports'; live report.* events refresh them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, api } from '../../../../web/api.ts';
import { onLiveEvent } from '../../../../web/live.ts';
import type { ReportFilter, ReportInput, ReportQueue, ReportView, UploadedFile } from '../../report-contract.ts';

/** The biggest screenshot the server accepts (checked here first to spare a phone the upload). */
export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;

const at = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

/** The caller's own reports. */
export const myReportsQuery = queryOptions({
  queryKey: ['reports', 'mine'],
  queryFn: ({ signal }) => api<{ reports: ReportView[] }>('GET', '/api/reports/mine', undefined, { signal }),
});

/** The triage queue for a filter. */
export const reportQueueQuery = (status: ReportFilter) =>
  queryOptions({
    queryKey: ['reports', 'queue', status],
    queryFn: ({ signal }) => api<ReportQueue>('GET', `/api/reports?${new URLSearchParams({ status })}`, undefined, { signal }),
  });

/** One report (its reporter, triagers, or the linked crisis's team). */
export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: ['reports', 'one', id],
    queryFn: ({ signal }) => api<ReportView>('GET', at(id), undefined, { signal }),
  });

/** Refreshes report data when a report.* event arrives (the shared live client does not know this feature). */
export function useReportsLive(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onLiveEvent((e) => {
        if (e.type.startsWith('report.')) void qc.invalidateQueries({ queryKey: ['reports'] });
      }),
    [qc],
  );
}

/** Files a report. */
export function useFileReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) => api<ReportView>('POST', '/api/reports', input),
    onSettled: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/**
 * Attaches a report to an active crisis (guarded by the version seen). `onSuccess` is the hook's, not the
 * call's: the live event often re-renders the report as handled (unmounting the actions) before the answer
 * arrives, and a call's own callbacks do not run after its component is gone.
 */
export function useAttachReport(onSuccess?: (r: ReportView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { id: string; crisisId: string; version: number }) =>
      api<ReportView>('POST', `${at(b.id)}/attach`, { crisisId: b.crisisId, version: b.version }),
    onSuccess,
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: ['reports'] }), qc.invalidateQueries({ queryKey: ['crises'] })]),
  });
}

/** Closes a report with a reason (guarded by the version seen). */
export function useCloseReport(onSuccess?: (r: ReportView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { id: string; reason: string; version: number }) =>
      api<ReportView>('POST', `${at(b.id)}/close`, { reason: b.reason, version: b.version }),
    onSuccess,
    onSettled: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** The URL a screenshot is shown from (served with its sniffed image type; never as HTML). */
export const screenshotUrl = (fileId: string) => `/api/reports/files/${encodeURIComponent(fileId)}`;

/**
 * Uploads one screenshot as raw bytes, reporting progress (0–100); rejects with an ApiError carrying the
 * server's code (payload_too_large, unsupported_media_type …). XMLHttpRequest, because fetch has no upload progress.
 */
export function uploadScreenshot(file: File, csrfToken: string, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reports/files?${new URLSearchParams({ name: file.name.slice(0, 200) })}`);
    xhr.setRequestHeader('x-requested-with', 'firebreak');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status === 201) return resolve(body as UploadedFile);
      const code = typeof body.code === 'string' ? (body.code as ApiError['code']) : 'unknown';
      reject(new ApiError(xhr.status, code, typeof body.detail === 'string' ? body.detail : `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}
