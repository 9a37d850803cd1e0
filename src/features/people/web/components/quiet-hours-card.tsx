// Settings → Profile: my quiet hours (通知安靜時段) — escalation does not e-mail me then unless the
// alert's risk reaches the organisation's bypass level. Stored by the early-warning feature.
import { Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useOrgTimeZone } from '../org-time-zone.ts';

type Quiet = { from: string; to: string; timeZone: string } | null;
const KEY = ['notification-preferences'];

/** A switch and two times; each change saves at once. */
export function QuietHoursCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgZone = useOrgTimeZone();
  const prefs = useQuery({ queryKey: KEY, queryFn: () => api<{ quietHours: Quiet }>('GET', '/api/me/notification-preferences') });
  const save = useMutation({
    mutationFn: (quietHours: Quiet) => api<{ quietHours: Quiet }>('PUT', '/api/me/notification-preferences', { quietHours }),
    onSuccess: (data) => {
      qc.setQueryData(KEY, data);
      notifySuccess(t('common.saved'));
    },
    onError: (err) => notifyError(err, t),
  });
  const q = prefs.data?.quietHours ?? null;
  const set = (patch: Partial<NonNullable<Quiet>>) => {
    const next = { from: q?.from ?? '23:00', to: q?.to ?? '07:00', timeZone: q?.timeZone ?? orgZone, ...patch };
    if (next.from !== next.to) save.mutate(next);
  };
  return (
    <Paper withBorder p="md" data-testid="quiet-hours">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('profile.quietHours.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('profile.quietHours.description')}
        </Text>
        <Switch
          label={t('profile.quietHours.enabled')}
          checked={q !== null}
          disabled={prefs.isPending || save.isPending}
          onChange={(e) => (e.currentTarget.checked ? set({}) : save.mutate(null))}
        />
        {q && (
          <Group grow align="flex-end">
            <TextInput
              type="time"
              label={t('profile.quietHours.from')}
              value={q.from}
              onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('profile.quietHours.to')}
              value={q.to}
              onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
            />
          </Group>
        )}
        {q && (
          <Text size="xs" c="dimmed">
            {t('profile.quietHours.zone', { zone: q.timeZone })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
