// Document data for the web app: query keys (all start with 'documents', so document.*/evidence.* events refresh
// them), the hub list with keyset pages, one document with its versions and custody, holds, the raw attachment
// upload with progress, and the evidence bundle download.
import { infiniteQueryOptions, queryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { ApiError, api } from '../../../web/api.ts';
import { onLiveEvent } from '../../../web/live.ts';
import type {
  Custody,
  DocumentView,
  documentList,
  documentListQuery,
  documentVersionList,
  documentVersionOut,
  holdList,
} from '../contract.ts';
import { dispositionName } from './files.ts';

/** Filters of the hub list (the query string of GET /api/documents without the cursor). */
export type DocumentFilter = Omit<z.input<typeof documentListQuery>, 'cursor' | 'limit'>;
export type DocumentVersion = z.infer<typeof documentVersionOut>;
type DocumentList = z.infer<typeof documentList>;
type VersionList = z.infer<typeof documentVersionList>;
type HoldList = z.infer<typeof holdList>;

/** The biggest attachment the server accepts (checked here first to spare a phone the upload). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
/** Rows per page of the hub list. */
export const PAGE_SIZE = 30;

/** Query keys of the document screens. */
export const documentsKeys = {
  all: ['documents'] as const,
  list: (filter: DocumentFilter) => ['documents', 'list', filter] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  versions: (id: string) => ['documents', 'versions', id] as const,
  version: (id: string, n: number) => ['documents', 'version', id, n] as const,
  custody: (id: string) => ['documents', 'custody', id] as const,
  crisisHolds: (crisisId: string) => ['documents', 'crisis-holds', crisisId] as const,
};

/** Path of one document. */
export const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
/** Where an attachment's bytes are downloaded (always as a file). */
export const attachmentFileUrl = (docId: string, attId: string) => `${documentPath(docId)}/attachments/${encodeURIComponent(attId)}/file`;
/** Where an attachment's preview (a re-encoded PNG) is shown from. */
export const attachmentPreviewUrl = (docId: string, attId: string) =>
  `${documentPath(docId)}/attachments/${encodeURIComponent(attId)}/preview`;
const crisisHoldsPath = (crisisId: string) => `/api/crises/${encodeURIComponent(crisisId)}/holds`;

/** The hub list for a filter, page by page (keyset cursor from the server). */
export const documentsQuery = (filter: DocumentFilter) =>
  infiniteQueryOptions({
    queryKey: documentsKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
      for (const [k, v] of Object.entries(filter)) if (v) q.set(k, String(v));
      if (pageParam) q.set('cursor', pageParam);
      return api<DocumentList>('GET', `/api/documents?${q}`, undefined, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });

/** One document with its attachments, holds, evidence and what I may do. */
export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: documentsKeys.detail(id),
    queryFn: ({ signal }) => api<DocumentView>('GET', documentPath(id), undefined, { signal }),
  });

/** Every version of a document, newest first. */
export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: documentsKeys.versions(id),
    queryFn: async ({ signal }) => {
      const r = await api<VersionList>('GET', `${documentPath(id)}/versions`, undefined, { signal });
      return [...r.items].sort((a, b) => b.number - a.number);
    },
  });

/** One version of a document (its title and text as saved). */
export const versionQuery = (id: string, n: number) =>
  queryOptions({
    queryKey: documentsKeys.version(id, n),
    queryFn: ({ signal }) => api<DocumentVersion>('GET', `${documentPath(id)}/versions/${n}`, undefined, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** An evidence document's chain of custody, oldest first. */
export const custodyQuery = (id: string) =>
  queryOptions({
    queryKey: documentsKeys.custody(id),
    queryFn: async ({ signal }) => (await api<Custody>('GET', `${documentPath(id)}/custody`, undefined, { signal })).entries,
  });

/** The holds in force on a whole crisis (the server lists released ones too). */
export const crisisHoldsQuery = (crisisId: string) =>
  queryOptions({
    queryKey: documentsKeys.crisisHolds(crisisId),
    queryFn: async ({ signal }) =>
      (await api<HoldList>('GET', crisisHoldsPath(crisisId), undefined, { signal })).items.filter((h) => !h.releasedAt),
  });

/** Places a hold on a document or on a whole crisis. */
export const placeHold = (target: { documentId: string } | { crisisId: string }, reason: string) =>
  api<unknown>('POST', 'documentId' in target ? `${documentPath(target.documentId)}/holds` : crisisHoldsPath(target.crisisId), { reason });

/** Releases a hold (with the reason, kept on the record). */
export const releaseHold = (target: { documentId: string } | { crisisId: string }, holdId: string, reason: string) =>
  api<unknown>(
    'DELETE',
    `${'documentId' in target ? `${documentPath(target.documentId)}/holds` : crisisHoldsPath(target.crisisId)}/${encodeURIComponent(holdId)}`,
    { reason },
  );

/** Refetches document screens when a document/evidence/hold event arrives (the shared live client does not map them). */
export function useDocumentsLive(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onLiveEvent((e) => {
        // A read of evidence is itself recorded (custody); refetching the document on it would record another
        // read, and so on, so reads only refresh the custody tables.
        if (e.type === 'document.viewed' || e.type === 'document.downloaded')
          void qc.invalidateQueries({ queryKey: ['documents', 'custody'] });
        else if (e.type.startsWith('document.') || e.type.startsWith('evidence.') || e.type.startsWith('crisis.hold_'))
          void qc.invalidateQueries({ queryKey: documentsKeys.all });
      }),
    [qc],
  );
}

/** After any change: refetch every document screen. */
export function useDocumentsChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: documentsKeys.all });
}

function problemOf(status: number, text: string): ApiError {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's page)
  }
  const code = typeof body.code === 'string' ? (body.code as ApiError['code']) : 'unknown';
  return new ApiError(status, code, typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
}

/**
 * Uploads one attachment as raw bytes, reporting progress (0–100); rejects with an ApiError carrying the server's
 * code (payload_too_large, unsupported_media_type, unprocessable_file …). XMLHttpRequest, because fetch has no
 * upload progress.
 */
export function uploadAttachment(docId: string, file: File, csrfToken: string, onProgress: (percent: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${documentPath(docId)}/attachments?${new URLSearchParams({ name: file.name.slice(0, 200) })}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-requested-with', 'firebreak');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          return resolve(JSON.parse(xhr.responseText));
        } catch {
          return resolve(undefined);
        }
      }
      reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.send(file);
  });
}

/**
 * Asks the server for an evidence bundle (a ZIP) of these documents and hands it to the browser as a download.
 * The bytes come through fetch (the request needs the CSRF header), then a blob link with `download`.
 */
export async function downloadEvidenceBundle(documentIds: string[], csrfToken: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/evidence/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'firebreak', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ documentIds }),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (!res.ok) throw problemOf(res.status, await res.text());
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = dispositionName(res.headers.get('content-disposition'), 'evidence-bundle.zip');
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the blob once the click is handled; free it a little later.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
