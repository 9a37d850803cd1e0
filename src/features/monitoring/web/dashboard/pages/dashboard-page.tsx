// The monitoring overview at /monitoring: volume by sentiment, headline numbers, who and what spreads it.
import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../../web/session.ts';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { DashboardFilters } from '../components/dashboard-filters.tsx';
import { useFormat } from '../components/format.ts';
import { KpiCards } from '../components/kpi-cards.tsx';
import { TopAuthors, TopClusters, TopSources } from '../components/top-lists.tsx';
import { TrendingTerms } from '../components/trending-terms.tsx';
import { VolumeChart } from '../components/volume-chart.tsx';
import { dashboardQuery, topicOptionsQuery } from '../queries.ts';
import { type DashboardSearch, type ExplorerLink, explorerSearch, toApiQuery, validateDashboardSearch } from '../search.ts';

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => validateDashboardSearch(raw), [raw]);
  const navigate = useNavigate();
  const canTopics = useCan('topic.read');
  const topics = useQuery({ ...topicOptionsQuery, enabled: canTopics });
  const apiQuery = useMemo(() => toApiQuery(search), [search]);
  const stats = useQuery({ ...dashboardQuery(apiQuery ?? { range: '24h' }), enabled: apiQuery !== null });
  const setSearch = (next: DashboardSearch) =>
    void navigate({ to: '/monitoring', search: validateDashboardSearch(next) as Record<string, string>, replace: true });
  const explorer: ExplorerLink = (extra = {}) => explorerSearch(search, extra) as never;

  return (
    <RequirePermission permission="mention.read">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Title order={2} size="h3">
              {t('monitoring.dashboard.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('monitoring.dashboard.intro')}
            </Text>
          </Stack>
          {stats.dataUpdatedAt ? (
            <Text size="xs" c="dimmed" data-testid="dashboard-updated" aria-live="polite">
              {t('monitoring.dashboard.updatedAt', { time: f.clock(stats.dataUpdatedAt) })}
            </Text>
          ) : null}
        </Group>
        <DashboardFilters value={search} topics={topics.data ?? []} onChange={setSearch} />
        {apiQuery === null ? null : (
          <QueryState query={stats}>
            {(data) => (
              <Stack gap="md" data-testid="dashboard" style={{ opacity: stats.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
                <KpiCards data={data} explorer={explorer} />
                {data.totals.mentions === 0 ? (
                  <Alert variant="light" color="gray" icon={<IconInfoCircle />} title={t('monitoring.dashboard.empty.title')}>
                    {t('monitoring.dashboard.empty.body')}
                  </Alert>
                ) : null}
                <Card withBorder padding="md" radius="md">
                  <Title order={3} size="h5" mb="xs">
                    {t('monitoring.dashboard.chart.title')}
                  </Title>
                  <VolumeChart data={data} />
                </Card>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  <TrendingTerms data={data} explorer={explorer} />
                  <TopClusters data={data} explorer={explorer} />
                  <TopSources data={data} explorer={explorer} />
                  <TopAuthors data={data} explorer={explorer} />
                </SimpleGrid>
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </RequirePermission>
  );
}
