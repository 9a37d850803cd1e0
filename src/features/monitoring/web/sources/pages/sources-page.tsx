// Monitoring → Sources: every source as a card with its health, last run, next run, items per hour, the current
// error in plain text, and pause/resume; "add source" for people who manage sources.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../../web/session.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import type { SourceOut } from '../../../source-contract.ts';
import { PauseButton } from '../components/pause-button.tsx';
import { HealthBadge, LastError, SourceStats, useKindLabel } from '../components/source-status.tsx';
import { sourcesQuery } from '../queries.ts';

function SourceCard({ source: s, canManage }: { source: SourceOut; canManage: boolean }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  return (
    <Card withBorder padding="md" radius="md" data-testid="source-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/monitoring/sources/${s.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {s.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {kindLabel(s)}
              {s.mode === 'poll' || s.mode === 'stream' ? ` · ${t(`monitoring.sources.mode.${s.mode}`)}` : ''}
            </Text>
          </Stack>
          <HealthBadge health={s.health} />
        </Group>
        <SourceStats source={s} />
        <LastError source={s} compact />
        <Group gap="xs" justify="flex-end">
          {canManage ? <PauseButton source={s} size="xs" /> : null}
          <Button component={Link} to={`/monitoring/sources/${s.id}`} size="xs" variant="default" leftSection={<IconSettings size={14} />}>
            {t('monitoring.sources.settings')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The sources page. */
export function SourcesPage() {
  const { t } = useTranslation();
  const canManage = useCan('source.manage');
  const sources = useQuery(sourcesQuery);
  return (
    <RequirePermission permission="source.read">
      <PageHeader
        title={t('monitoring.sources.title')}
        description={t('monitoring.sources.intro')}
        actions={
          canManage ? (
            <Button component={Link} to="/monitoring/sources/new" leftSection={<IconPlus size={16} />}>
              {t('monitoring.sources.add')}
            </Button>
          ) : null
        }
      />
      <QueryState query={sources}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('monitoring.sources.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
              {list.map((s) => (
                <SourceCard key={s.id} source={s} canManage={canManage} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </RequirePermission>
  );
}
