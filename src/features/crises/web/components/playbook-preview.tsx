// The declare form's preview of what declaring will set up: the organisation's playbook's roles to fill and its tasks,
// each with its clock from the declaration ("T+15 分鐘") and checklist size, and who is paged or informed.
import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toLocale } from '../../../../web/i18n/index.ts';
import type { CrisisType, Severity } from '../../contract.ts';
import { playbookClock } from '../clock.ts';
import { playbookQuery } from '../queries.ts';

/** The playbook for `type` × `severity`, or a hint to choose them first. */
export function PlaybookPreview({ type, severity }: { type: CrisisType | null; severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid="playbook-preview">
      <Title order={3} size="h5" mb="xs">
        {t('crises.playbook.title')}
      </Title>
      {type ? (
        <PlaybookBody type={type} severity={severity} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('crises.playbook.pick')}
        </Text>
      )}
    </Card>
  );
}

function PlaybookBody({ type, severity }: { type: CrisisType; severity: Severity }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const q = useQuery({ ...playbookQuery(type, severity), placeholderData: keepPreviousData });
  if (q.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!q.data)
    return (
      <Alert color="yellow" variant="light">
        {t('crises.playbook.unavailable')}
      </Alert>
    );
  const p = q.data;
  const tasks = [...p.tasks].sort((a, b) => a.dueMinutes - b.dueMinutes);
  return (
    <Stack gap="sm" style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('crises.playbook.roles')}
        </Text>
        <Group gap={6}>
          {p.roles.map((r) => (
            <Badge key={r} variant="light" color="grape" tt="none">
              {t(`crises.role.${r}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('crises.playbook.tasks')}
        </Text>
        {tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('crises.playbook.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} data-testid="playbook-tasks">
            {tasks.map((task) => (
              <Group component="li" key={task.key} gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="outline" color="red" tt="none" w={92} style={{ flex: 'none' }}>
                  {playbookClock(task.dueMinutes, t)}
                </Badge>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {task.title[locale]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`crises.role.${task.role}`)}
                    {task.checklist?.length ? ` · ${t('crisisConfig.preview.checklist', { count: task.checklist.length })}` : ''}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      {(['page', 'inform'] as const).map((k) =>
        p.notify?.[k].length ? (
          <Text key={k} size="xs" c="dimmed" data-testid={`playbook-notify-${k}`}>
            {t(k === 'page' ? 'crisisConfig.preview.paged' : 'crisisConfig.preview.informed')}
            {'：'}
            {p.notify[k].map((r) => t(`crises.role.${r}`)).join('、')}
          </Text>
        ) : null,
      )}
      <Text size="xs" c="dimmed">
        {t('crises.playbook.updates', { count: p.updateEveryHours })}
      </Text>
    </Stack>
  );
}
