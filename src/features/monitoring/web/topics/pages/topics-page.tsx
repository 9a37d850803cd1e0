// The topics list: name, status, description and query of each topic, with links to its mentions and editor.
import { Anchor, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconList, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import { useCan } from '../../../../../web/session.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { explorerLink } from '../../mentions/explorer-search.ts';
import { type Topic, topicsQuery } from '../queries.ts';

function TopicCard({ topic, canManage }: { topic: Topic; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="topic-card" data-name={topic.name} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Anchor component={Link} to={`/monitoring/topics/${topic.id}`} fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {topic.name}
        </Anchor>
        <Badge variant={topic.archived ? 'light' : 'dot'} color={topic.archived ? 'gray' : 'teal'} style={{ flex: 'none' }}>
          {topic.archived ? t('monitoring.topics.archived') : t('monitoring.topics.active')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {topic.description || t('monitoring.topics.noDescription')}
      </Text>
      {topic.sensitivity && topic.sensitivity !== 'normal' ? (
        <Badge
          variant="light"
          color={topic.sensitivity === 'high' ? 'orange' : 'gray'}
          style={{ alignSelf: 'flex-start', textTransform: 'none' }}
        >
          {t('monitoring.topics.sensitivity.badge', { level: t(`monitoring.topics.sensitivity.${topic.sensitivity}`) })}
        </Badge>
      ) : null}
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 120, overflow: 'auto' }}>
        {topic.query}
      </Code>
      <Group justify="space-between" gap="xs" mt="auto">
        <Text size="xs" c="dimmed">
          {t('monitoring.topics.updatedAt', { time: formatDateTime(topic.updatedAt) })}
        </Text>
        <Group gap="xs">
          <Button
            component={Link}
            to="/monitoring/mentions"
            search={explorerLink({ topic: topic.id })}
            variant="subtle"
            size="compact-sm"
            leftSection={<IconList size={14} />}
          >
            {t('monitoring.topics.mentions')}
          </Button>
          <Button
            component={Link}
            to={`/monitoring/topics/${topic.id}`}
            variant="light"
            size="compact-sm"
            leftSection={<IconPencil size={14} />}
          >
            {canManage ? t('monitoring.topics.edit') : t('monitoring.topics.view')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** /monitoring/topics. */
export function TopicsPage() {
  const { t } = useTranslation();
  const canManage = useCan('topic.manage');
  const topics = useQuery(topicsQuery);
  const [showArchived, setShowArchived] = useState(false);
  return (
    <RequirePermission permission="topic.read">
      <Stack gap="md">
        <PageHeader
          title={t('monitoring.topics.title')}
          description={t('monitoring.topics.intro')}
          actions={
            canManage ? (
              <Button component={Link} to="/monitoring/topics/new" leftSection={<IconPlus size={16} />}>
                {t('monitoring.topics.create')}
              </Button>
            ) : null
          }
        />
        {canManage ? null : (
          <Text size="sm" c="dimmed">
            {t('monitoring.topics.readOnly')}
          </Text>
        )}
        <QueryState query={topics}>
          {(list) => {
            const archivedCount = list.filter((x) => x.archived).length;
            const shown = showArchived ? list : list.filter((x) => !x.archived);
            return (
              <Stack gap="sm">
                {archivedCount ? (
                  <Switch
                    label={`${t('monitoring.topics.showArchived')} (${archivedCount})`}
                    checked={showArchived}
                    onChange={(e) => setShowArchived(e.currentTarget.checked)}
                  />
                ) : null}
                {shown.length === 0 ? (
                  <Stack gap={4} py="lg" align="center">
                    <Text fw={500}>{t('monitoring.topics.empty')}</Text>
                    {canManage ? (
                      <Text size="sm" c="dimmed">
                        {t('monitoring.topics.emptyHint')}
                      </Text>
                    ) : null}
                  </Stack>
                ) : (
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="sm">
                    {shown.map((topic) => (
                      <TopicCard key={topic.id} topic={topic} canManage={canManage} />
                    ))}
                  </SimpleGrid>
                )}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
