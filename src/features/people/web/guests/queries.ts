// Guest data for the web app: external organisations, their guests, grants, the access report (staff), and a
// guest's own view (organisation, NDA, grants). Keys start with 'guests' so live guest.*/external_org.* events
// refresh them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type {
  accessReportOut,
  accessReportRow,
  ExternalOrg,
  externalOrgInput,
  externalOrgPatch,
  Grant,
  GuestView,
  grantInput,
  grantPatch,
  guestInviteInput,
  guestInviteOut,
  guestSelfOut,
} from '../../guest-contract.ts';

/** One line of the access report. */
export type AccessRow = z.infer<typeof accessReportRow>;
/** What a guest sees of themselves. */
export type GuestSelf = z.infer<typeof guestSelfOut>;
/** A guest of an external organisation, as the organisation's page lists them. */
export type GuestPerson = GuestView;
/** The answer to an invitation (the link is shown once). */
export type GuestInvite = z.infer<typeof guestInviteOut>;
/** The access report's filters. */
export type AccessFilter = { from?: string; to?: string; guestId?: string };

/** Query keys of the guest screens. */
export const guestsKeys = {
  all: ['guests'] as const,
  orgs: ['guests', 'orgs'] as const,
  org: (id: string) => ['guests', 'org', id] as const,
  people: (orgId: string) => ['guests', 'people', orgId] as const,
  grants: (filter: { guestId?: string; crisisId?: string }) => ['guests', 'grants', filter] as const,
  report: (orgId: string, filter: AccessFilter) => ['guests', 'report', orgId, filter] as const,
  self: ['guests', 'self'] as const,
};

const orgPath = (id: string) => `/api/external-orgs/${encodeURIComponent(id)}`;

/** A list answer as an array, whether the server sends it bare or wrapped in an object. */
function listOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    const arr = Object.values(data).find(Array.isArray);
    if (arr) return arr as T[];
  }
  return [];
}

/** The organisation's external organisations (PR agencies, law firms …). */
export const externalOrgsQuery = queryOptions({
  queryKey: guestsKeys.orgs,
  queryFn: async ({ signal }) => listOf<ExternalOrg>(await api('GET', '/api/external-orgs', undefined, { signal })),
});

/** One external organisation. */
export const externalOrgQuery = (id: string) =>
  queryOptions({
    queryKey: guestsKeys.org(id),
    queryFn: ({ signal }) => api<ExternalOrg>('GET', orgPath(id), undefined, { signal }),
  });

/** The guests of one external organisation. */
export const orgGuestsQuery = (orgId: string) =>
  queryOptions({
    queryKey: guestsKeys.people(orgId),
    queryFn: async ({ signal }) => listOf<GuestPerson>(await api('GET', `${orgPath(orgId)}/guests`, undefined, { signal })),
  });

/** Grants, by guest and/or crisis. */
export const grantsQuery = (filter: { guestId?: string; crisisId?: string }) =>
  queryOptions({
    queryKey: guestsKeys.grants(filter),
    queryFn: async ({ signal }) => {
      const q = new URLSearchParams();
      if (filter.guestId) q.set('guestId', filter.guestId);
      if (filter.crisisId) q.set('crisisId', filter.crisisId);
      return listOf<Grant>(await api('GET', `/api/guest-grants${q.size ? `?${q}` : ''}`, undefined, { signal }));
    },
  });

/** The access report's URL (JSON for the table, CSV for the download). */
export function accessReportUrl(orgId: string, filter: AccessFilter, format: 'json' | 'csv'): string {
  const q = new URLSearchParams({ format });
  if (filter.from) q.set('from', filter.from);
  if (filter.to) q.set('to', filter.to);
  if (filter.guestId) q.set('guestId', filter.guestId);
  return `${orgPath(orgId)}/access-report?${q}`;
}

/** What a guest of this organisation read, newest first. */
export const accessReportQuery = (orgId: string, filter: AccessFilter) =>
  queryOptions({
    queryKey: guestsKeys.report(orgId, filter),
    queryFn: ({ signal }) => api<z.infer<typeof accessReportOut>>('GET', accessReportUrl(orgId, filter, 'json'), undefined, { signal }),
  });

/** The signed-in guest's organisation, NDA and grants. */
export const guestSelfQuery = queryOptions({
  queryKey: guestsKeys.self,
  queryFn: ({ signal }) => api<GuestSelf>('GET', '/api/guest/me', undefined, { signal }),
});

/** Creates or edits an external organisation. */
export function useSaveExternalOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: z.input<typeof externalOrgInput> | z.input<typeof externalOrgPatch> }) =>
      v.id ? api<ExternalOrg>('PATCH', orgPath(v.id), v.body) : api<ExternalOrg>('POST', '/api/external-orgs', v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: guestsKeys.all }),
  });
}

/** Invites a guest (an e-mail goes out; the link is answered too). */
export function useInviteGuest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: z.input<typeof guestInviteInput>) => api<GuestInvite>('POST', `${orgPath(v.externalOrgId)}/guests`, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: guestsKeys.all }),
  });
}

/** Grants a guest a crisis, or changes a grant. */
export function useSaveGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: z.input<typeof grantInput> | z.input<typeof grantPatch> }) =>
      v.id ? api<Grant>('PATCH', `/api/guest-grants/${encodeURIComponent(v.id)}`, v.body) : api<Grant>('POST', '/api/guest-grants', v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: guestsKeys.all }),
  });
}

/** Revokes a grant at once. */
export function useRevokeGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (g: Grant) => api<unknown>('DELETE', `/api/guest-grants/${encodeURIComponent(g.id)}?version=${g.version}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: guestsKeys.all }),
  });
}

/** Accepts the NDA text the guest was shown (by its SHA-256). */
export function useAcceptNda() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sha256: string) => api<unknown>('POST', '/api/guest/nda', { sha256 }),
    // Everything a guest reads was refused before: fetch it all again.
    onSuccess: () => qc.invalidateQueries(),
  });
}
