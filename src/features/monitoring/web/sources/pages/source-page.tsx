// Monitoring → Sources → one source: its status (last run, last error in plain words, items per hour, next run),
// run now, pause/resume, its settings (editable by people who manage sources), and delete while it has no mentions.
import { Anchor, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { errorMessage, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import type { SourceOut } from '../../../source-contract.ts';
import { PauseButton } from '../components/pause-button.tsx';
import { initialValues, SourceForm, serverErrors } from '../components/source-form.tsx';
import { HealthBadge, LastError, SourceStats, useKindLabel } from '../components/source-status.tsx';
import { connectorsQuery, sourceQuery, useDeleteSource, useRunSource, useUpdateSource } from '../queries.ts';

function RunButton({ source }: { source: SourceOut }) {
  const { t } = useTranslation();
  const run = useRunSource();
  const go = () =>
    run.mutate(source.id, {
      onSuccess: (r) => {
        if (r.status === 'error')
          notifications.show({ color: 'red', message: t('monitoring.sources.runError', { message: r.message ?? '' }) });
        else if (r.status === 'skipped') notifications.show({ color: 'yellow', message: t('monitoring.sources.runBusy') });
        else if (r.notModified) notifySuccess(t('monitoring.sources.runNotModified'));
        else notifySuccess(t('monitoring.sources.runOk', { accepted: r.accepted ?? 0, duplicate: r.duplicate ?? 0 }));
      },
      onError: (err) => notifyError(err, t),
    });
  return (
    <Button leftSection={<IconPlayerPlay size={16} />} loading={run.isPending} onClick={go} disabled={source.status !== 'active'}>
      {t('monitoring.sources.runNow')}
    </Button>
  );
}

function Settings({ source }: { source: SourceOut }) {
  const { t } = useTranslation();
  const connectors = useQuery(connectorsQuery);
  const update = useUpdateSource();
  return (
    <QueryState query={connectors}>
      {(list) => (
        <SourceForm
          key={source.version}
          connectors={list}
          initial={initialValues(source.kind, source)}
          creating={false}
          pending={update.isPending}
          submitLabel={t('monitoring.sources.form.save')}
          onSubmit={(v, form) =>
            update.mutate(
              { id: source.id, name: v.name, config: v.config, intervalSeconds: v.intervalSeconds, version: source.version },
              {
                onSuccess: () => notifySuccess(t('monitoring.sources.saved')),
                onError: (err) => {
                  form.setErrors(serverErrors(err, t, source.kind));
                  if (err instanceof ApiError && err.code === 'conflict' && err.fieldErrors.length === 0) {
                    notifications.show({ color: 'yellow', message: t('monitoring.sources.form.staleVersion') });
                  } else notifyError(err, t);
                },
              },
            )
          }
        />
      )}
    </QueryState>
  );
}

function ReadOnlySettings({ source }: { source: SourceOut }) {
  const { t } = useTranslation();
  if (!source.config) return null;
  return (
    <Stack gap="xs">
      {Object.entries(source.config).map(([key, value]) => (
        <Group key={key} gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" style={{ flex: 'none' }}>
            {key === 'url' ? t('monitoring.sources.form.url') : key}
          </Text>
          <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {Array.isArray(value) ? value.join(', ') : String(value)}
          </Code>
        </Group>
      ))}
      {source.intervalSeconds ? (
        <Text size="sm">
          {t('monitoring.sources.stat.interval')}:{' '}
          {t('monitoring.sources.everyMinutes', { count: Math.round(source.intervalSeconds / 60) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function SourceView({ source: s }: { source: SourceOut }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('source.manage');
  const kindLabel = useKindLabel();
  const remove = useDeleteSource();
  const collector = s.mode === 'poll' || s.mode === 'stream';
  const doDelete = async () => {
    try {
      await remove.mutateAsync(s.id);
      notifySuccess(t('monitoring.sources.deleted'));
      void navigate({ to: '/monitoring/sources' });
    } catch (err) {
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: err instanceof ApiError && err.code === 'conflict' ? t('monitoring.sources.deleteHint') : errorMessage(err, t),
      });
      throw err;
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="sm" wrap="nowrap" align="center">
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {s.name}
            </Title>
            <HealthBadge health={s.health} />
          </Group>
          <Text c="dimmed" size="sm">
            {kindLabel(s)}
            {s.mode === 'poll' || s.mode === 'stream' ? ` · ${t(`monitoring.sources.mode.${s.mode}`)}` : ''}
            {s.intervalSeconds ? ` · ${t('monitoring.sources.everyMinutes', { count: Math.round(s.intervalSeconds / 60) })}` : ''}
          </Text>
        </Stack>
        {canManage ? (
          <Group gap="xs">
            {s.mode === 'poll' ? <RunButton source={s} /> : null}
            <PauseButton source={s} />
          </Group>
        ) : null}
      </Group>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Text fw={600}>{t('monitoring.sources.status')}</Text>
          <SourceStats source={s} full />
          <LastError source={s} />
        </Stack>
      </Card>
      {collector ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Text fw={600}>{t('monitoring.sources.form.editTitle')}</Text>
            {canManage ? <Settings source={s} /> : <ReadOnlySettings source={s} />}
          </Stack>
        </Card>
      ) : null}
      {canManage ? (
        <Card withBorder radius="md" padding="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
              {t('monitoring.sources.deleteHint')}
            </Text>
            <ConfirmButton
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              disabled={s.itemsTotal > 0}
              message={t('monitoring.sources.deleteConfirm', { name: s.name })}
              onConfirm={doDelete}
            >
              {t('monitoring.sources.delete')}
            </ConfirmButton>
          </Group>
        </Card>
      ) : null}
    </Stack>
  );
}

/** One source's page. */
export function SourcePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const source = useQuery(sourceQuery(id));
  return (
    <RequirePermission permission="source.read">
      <Stack gap={0}>
        <Anchor component={Link} to="/monitoring/sources" size="sm" mb="sm">
          ← {t('monitoring.sources.backToList')}
        </Anchor>
        <QueryState query={source}>{(s) => <SourceView source={s} />}</QueryState>
      </Stack>
    </RequirePermission>
  );
}
