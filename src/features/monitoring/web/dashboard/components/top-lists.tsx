// Top sources, top authors by estimated reach, and the most reposted stories of the period.
// Names and texts come from the internet: rendered as text only, links only to http(s).
import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardData } from '../../../dashboard-contract.ts';
import type { ExplorerLink } from '../search.ts';
import { useFormat } from './format.ts';

type Explorer = ExplorerLink;

/** A titled card holding one ranked list (or "no data"). */
export function ListCard({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('monitoring.dashboard.empty.list')}
        </Text>
      ) : (
        <Stack gap="sm">{children}</Stack>
      )}
    </Card>
  );
}

/** Sources by number of mentions, with the negative part of each bar in red. */
export function TopSources({ data, explorer }: { data: DashboardData; explorer: Explorer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...data.topSources.map((s) => s.count));
  return (
    <ListCard title={t('monitoring.dashboard.sources.title')} testId="top-sources" empty={data.topSources.length === 0}>
      {data.topSources.map((s) => (
        <div key={s.sourceId}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Anchor
              component={Link}
              to="/monitoring/mentions"
              search={explorer({ source: s.sourceId })}
              size="sm"
              truncate="end"
              aria-label={t('monitoring.dashboard.sources.open', { name: s.name })}
            >
              {s.name}
            </Anchor>
            <Text size="sm" c="dimmed" style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
              {t('monitoring.dashboard.sources.count', { count: s.count, formatted: f.integer(s.count) })}
            </Text>
          </Group>
          <Progress.Root size="sm" mt={4} aria-hidden>
            <Progress.Section value={(s.negative / max) * 100} color="red" />
            <Progress.Section value={((s.count - s.negative) / max) * 100} color="gray.5" />
          </Progress.Root>
        </div>
      ))}
    </ListCard>
  );
}

/** Authors by the summed reach estimate of their mentions in the period. */
export function TopAuthors({ data, explorer }: { data: DashboardData; explorer: Explorer }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ListCard title={t('monitoring.dashboard.authors.title')} testId="top-authors" empty={data.topAuthors.length === 0}>
      {data.topAuthors.map((a) => (
        <Group key={`${a.sourceId}:${a.author}`} justify="space-between" gap="xs" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to="/monitoring/mentions"
              search={explorer({ author: a.author })}
              size="sm"
              truncate="end"
              aria-label={t('monitoring.dashboard.authors.open', { author: a.author })}
            >
              {a.author}
            </Anchor>
            <Text size="xs" c="dimmed" truncate="end">
              {a.sourceName} · {t('monitoring.dashboard.authors.count', { count: a.count })}
            </Text>
          </Stack>
          <Text size="sm" style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
            {t('monitoring.dashboard.authors.reach', { reach: f.compact(a.reach) })}
          </Text>
        </Group>
      ))}
    </ListCard>
  );
}

const httpUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

/** Repost clusters: the original's opening words and "1 original, N reposts". */
export function TopClusters({ data, explorer }: { data: DashboardData; explorer: Explorer }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ListCard title={t('monitoring.dashboard.clusters.title')} testId="top-clusters" empty={data.topClusters.length === 0}>
      {data.topClusters.map((c) => {
        const url = httpUrl(c.url);
        return (
          <Stack key={c.clusterId} gap={4} data-testid="cluster-row">
            <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              {c.sample}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color="orange" data-testid="cluster-summary">
                {t('monitoring.dashboard.clusters.summary', { reposts: f.integer(c.reposts) })}
              </Badge>
              {c.negative > 0 ? (
                <Badge variant="light" color="red">
                  {t('monitoring.dashboard.clusters.negative', { count: c.negative })}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t('monitoring.dashboard.clusters.firstSeen', { time: f.dateTime(c.firstSeen), source: c.sourceName })}
            </Text>
            <Group gap="md">
              <Anchor component={Link} to="/monitoring/mentions" search={explorer({ cluster: String(c.clusterId) })} size="xs">
                {t('monitoring.dashboard.clusters.open')}
              </Anchor>
              {url ? (
                <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size="xs">
                  <Group gap={2} component="span" wrap="nowrap">
                    {t('monitoring.dashboard.clusters.original')}
                    <IconExternalLink size={12} aria-hidden />
                  </Group>
                </Anchor>
              ) : null}
            </Group>
          </Stack>
        );
      })}
    </ListCard>
  );
}
