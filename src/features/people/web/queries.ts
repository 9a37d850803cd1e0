// People data for the web app: query definitions (keys shared with the live client) and mutations.
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../web/api.ts';
import type { ApiToken, AuditEvent, ColorSchemePref, Department, Org, Role, Session, TokenScope, User } from './model.ts';

/** The signed-in session; a 401 here means "not signed in" and is handled by the caller. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }) => {
    const session = await api<Session>('GET', '/api/session', undefined, { quiet401: true, signal });
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
  retry: false,
});

/** Whether first-run setup is still open. */
export const setupStatusQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api<{ needed: boolean }>('GET', '/api/setup'),
  staleTime: 10_000,
});

/** What an invite link is for. */
export const inviteQuery = (token: string) =>
  queryOptions({
    queryKey: ['invite', token],
    queryFn: () => api<{ email: string; name: string; orgName: string }>('GET', `/api/invites/${encodeURIComponent(token)}`),
    retry: false,
  });

/** The organisation's users. */
export const usersQuery = queryOptions({ queryKey: ['users'], queryFn: () => api<User[]>('GET', '/api/users') });
/** Departments with member counts. */
export const departmentsQuery = queryOptions({ queryKey: ['departments'], queryFn: () => api<Department[]>('GET', '/api/departments') });
/** API tokens. */
export const tokensQuery = queryOptions({ queryKey: ['tokens'], queryFn: () => api<ApiToken[]>('GET', '/api/tokens') });
/** The organisation's settings. */
export const orgQuery = queryOptions({
  queryKey: ['org'],
  queryFn: () => api<Org>('GET', '/api/org'),
});

/** Audit log filters. */
export type AuditFilters = { type?: string; actorId?: string; from?: string; to?: string };

/** The audit log, newest first, one page of 50 at a time. */
export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: '50' });
      for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
      if (pageParam !== null) q.set('before', String(pageParam));
      return api<{ events: AuditEvent[]; nextBefore: number | null }>('GET', `/api/audit?${q}`, undefined, { signal });
    },
    getNextPageParam: (last) => last.nextBefore,
  });

/** Runs the audit hash-chain check. */
export const verifyChain = () => api<{ ok: boolean; checked: number; brokenAt?: number; reason?: string }>('GET', '/api/audit/verify');

/** A user with an invite link, as returned when creating or re-inviting. */
export type Invite = { user: User; inviteUrl: string; expiresAt: string };

/** A mutation that refreshes the given query keys when it succeeds. */
function useApiMutation<I, O>(fn: (input: I) => Promise<O>, keys: string[][]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

/** First-run setup. */
export const useSetUp = () =>
  useApiMutation(
    (b: { orgName: string; name: string; email: string; password: string; locale: 'zh-TW' | 'en' }) =>
      api<unknown>('POST', '/api/setup', b),
    [['setup'], ['session']],
  );
/** Sign in with e-mail and password. */
export const useSignIn = () =>
  useApiMutation((b: { email: string; password: string }) => api<unknown>('POST', '/api/session', b), [['session']]);
/** Accept an invite and sign in. */
export const useAcceptInvite = (token: string) =>
  useApiMutation(
    (b: { name?: string; password: string; locale?: 'zh-TW' | 'en' }) =>
      api<unknown>('POST', `/api/invites/${encodeURIComponent(token)}/accept`, b),
    [['session']],
  );
/** Change own profile and preferences; serialised, and the session is updated from each answer in order. */
export const useUpdateMe = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['me'],
    scope: { id: 'me' },
    mutationFn: (b: {
      name?: string;
      title?: string | null;
      phone?: string | null;
      locale?: 'zh-TW' | 'en';
      colorScheme?: ColorSchemePref;
    }) => api<User>('PATCH', '/api/me', b),
    onSuccess: async (user) => {
      qc.setQueryData<Session>(['session'], (s) => (s ? { ...s, user } : s));
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
/** Change own password. */
export const useChangePassword = () =>
  useApiMutation((b: { currentPassword: string; newPassword: string }) => api<void>('POST', '/api/me/password', b), []);
/** Create a user and get their invite link. */
export const useCreateUser = () =>
  useApiMutation(
    (b: { email: string; name: string; role: Role; departmentId?: string | null; title?: string | null }) =>
      api<Invite>('POST', '/api/users', b),
    [['users'], ['departments']],
  );
/** Change a user's name, role, department or title. */
export const useUpdateUser = () =>
  useApiMutation(
    ({
      id,
      ...b
    }: {
      id: string;
      name?: string;
      role?: Role;
      departmentId?: string | null;
      title?: string | null;
      expectedVersion?: number;
    }) => api<User>('PATCH', `/api/users/${id}`, b),
    [['users'], ['departments'], ['session']],
  );
/** Deactivate or reactivate a user. */
export const useSetUserActive = () =>
  useApiMutation(
    ({ id, active }: { id: string; active: boolean }) => api<User>('POST', `/api/users/${id}/${active ? 'reactivate' : 'deactivate'}`),
    [['users'], ['departments']],
  );
/** A new invite link for an invited user. */
export const useReinvite = () => useApiMutation((id: string) => api<Invite>('POST', `/api/users/${id}/invite`), [['users']]);
/** Add a department. */
export const useCreateDepartment = () =>
  useApiMutation((b: { name: string }) => api<{ id: string }>('POST', '/api/departments', b), [['departments']]);
/** Rename, reset or archive a department. */
export const useUpdateDepartment = () =>
  useApiMutation(
    ({ id, ...b }: { id: string; name?: string | null; archived?: boolean }) => api<{ id: string }>('PATCH', `/api/departments/${id}`, b),
    [['departments'], ['users']],
  );
/** Create an API token (its secret is returned once). */
export const useCreateToken = () =>
  useApiMutation(
    (b: { name: string; scopes: TokenScope[]; expiresInDays?: number | null }) =>
      api<{ token: ApiToken; secret: string }>('POST', '/api/tokens', b),
    [['tokens']],
  );
/** Revoke an API token. */
export const useRevokeToken = () => useApiMutation((id: string) => api<void>('DELETE', `/api/tokens/${id}`), [['tokens']]);
/** Rename the organisation or change its default language or time zone. */
export const useUpdateOrg = () =>
  useApiMutation(
    (b: { name?: string; defaultLocale?: 'zh-TW' | 'en'; timeZone?: string }) => api<Org>('PATCH', '/api/org', b),
    [['org'], ['session']],
  );
