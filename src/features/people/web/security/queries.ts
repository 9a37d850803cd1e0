// Second-factor data for the web app: the organisation's policy and the enrol / verify / turn-off calls.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { SecuritySettings } from '../../totp-contract.ts';
import { sessionQuery } from '../queries.ts';

/** Which roles must use a second factor (admins). */
export const securitySettingsQuery = queryOptions({
  queryKey: ['org', 'security'],
  queryFn: () => api<SecuritySettings>('GET', '/api/org/security'),
});

/** Refetches the session (its second-factor state and permissions) before anything routes on it. */
function useRefreshSession() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: sessionQuery.queryKey });
    await qc.fetchQuery(sessionQuery);
  };
}

/** Starts enrolment: a new secret and its otpauth:// URI. */
export const useStartTotp = () =>
  useMutation({ mutationFn: () => api<{ secret: string; otpauthUri: string }>('POST', '/api/profile/totp') });

/** Confirms enrolment with a first code; answers the recovery codes (once). */
export const useConfirmTotp = () => {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('POST', '/api/profile/totp/confirm', { code }),
    onSuccess: refresh,
  });
};

/** Turns the second factor off (password again). */
export const useDisableTotp = () => {
  const refresh = useRefreshSession();
  return useMutation({ mutationFn: (password: string) => api<void>('DELETE', '/api/profile/totp', { password }), onSuccess: refresh });
};

/** The sign-in's second step: a code or a recovery code. */
export const usePassSecondFactor = () => {
  const refresh = useRefreshSession();
  return useMutation({ mutationFn: (code: string) => api<void>('POST', '/api/session/second-factor', { code }), onSuccess: refresh });
};

/** Changes which roles must use a second factor. */
export const useUpdateSecuritySettings = () => {
  const qc = useQueryClient();
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (b: SecuritySettings) => api<SecuritySettings>('PATCH', '/api/org/security', b),
    onSuccess: async (s) => {
      qc.setQueryData(securitySettingsQuery.queryKey, s);
      await qc.invalidateQueries({ queryKey: ['org'], exact: true });
      await refresh();
    },
  });
};
