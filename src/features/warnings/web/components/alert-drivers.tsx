// What drove an alert over its window: the totals, the largest repost clusters, the authors with the widest
// (estimated) reach and a sample of negative mentions. Texts and names come from the internet: text only, and
// outside links only to http(s), in a new tab that gets no handle on this one.
import { Anchor, Badge, Box, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconExternalLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../../monitoring/web/dashboard/components/top-lists.tsx';
import { TimeAgo } from '../../../monitoring/web/mentions/components/mention-item.tsx';
import { compactNumber, fullNumber, safeHttpUrl } from '../../../monitoring/web/mentions/format.ts';
import type { AlertDrivers } from '../../contract.ts';

function MentionLink({ id }: { id: number }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={`/monitoring/mentions/${id}`}
      size="xs"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
    >
      {t('warnings.detail.openMention')}
      <IconArrowRight size={12} aria-hidden />
    </Anchor>
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Card>
  );
}

/** Mentions, negative mentions and estimated reach over the alert's window. */
export function DriverTotals({ drivers: d }: { drivers: AlertDrivers }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={3} spacing="sm" data-testid="driver-totals">
      <Total label={t('warnings.detail.totals.mentions')} value={fullNumber(d.mentions)} />
      <Total label={t('warnings.detail.totals.negative')} value={fullNumber(d.negativeMentions)} />
      <Total label={t('warnings.detail.totals.reach')} value={compactNumber(d.reach)} />
    </SimpleGrid>
  );
}

/** The largest repost clusters, each linking to its first mention. */
export function DriverClusters({ drivers: d }: { drivers: AlertDrivers }) {
  const { t } = useTranslation();
  return (
    <ListCard title={t('warnings.detail.clusters')} testId="driver-clusters" empty={d.clusters.length === 0}>
      {d.clusters.map((c) => (
        <Stack key={c.clusterId} gap={4} data-testid="driver-cluster">
          <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
            {c.text}
          </Text>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
              {t('warnings.detail.clusterCount', { count: c.mentions })}
            </Badge>
            <MentionLink id={c.mentionId} />
          </Group>
        </Stack>
      ))}
    </ListCard>
  );
}

/** Authors by the summed reach estimate of their mentions in the window. */
export function DriverAuthors({ drivers: d }: { drivers: AlertDrivers }) {
  const { t } = useTranslation();
  return (
    <ListCard title={t('warnings.detail.authors')} testId="driver-authors" empty={d.authors.length === 0}>
      {d.authors.map((a) => (
        <Group key={a.author} justify="space-between" gap="xs" wrap="nowrap" data-testid="driver-author">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate="end" title={a.author}>
              {a.author}
            </Text>
            <Text size="xs" c="dimmed">
              {t('warnings.detail.authorMentions', { count: a.mentions })}
            </Text>
          </Stack>
          <Text size="sm" style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
            {t('warnings.detail.authorReach', { reach: compactNumber(a.reach) })}
          </Text>
        </Group>
      ))}
    </ListCard>
  );
}

/** A sample of the negative mentions, as text, with links to the mention and to the original post. */
export function DriverNegatives({ drivers: d }: { drivers: AlertDrivers }) {
  const { t } = useTranslation();
  return (
    <ListCard title={t('warnings.detail.negatives')} testId="driver-negatives" empty={d.negatives.length === 0}>
      {d.negatives.map((m, i) => {
        const url = safeHttpUrl(m.url);
        return (
          <Box
            key={m.id}
            component="article"
            data-testid="driver-negative"
            pt={i ? 'sm' : 0}
            style={i ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
          >
            <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
              <Badge variant="outline" color="gray" maw={180} style={{ textTransform: 'none' }} title={m.source}>
                {m.source}
              </Badge>
              <Text size="sm" fw={500} maw={220} truncate title={m.author ?? undefined}>
                {m.author ?? t('warnings.detail.noAuthor')}
              </Text>
              <TimeAgo iso={m.publishedAt} />
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('warnings.detail.reach', { reach: compactNumber(m.reach) })}
              </Text>
            </Group>
            <Text
              size="sm"
              mt={6}
              lineClamp={5}
              style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
              data-testid="driver-negative-text"
            >
              {m.text}
            </Text>
            <Group gap="md" mt={4}>
              <MentionLink id={m.id} />
              {url ? (
                <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size="xs" data-testid="original-link">
                  <Group gap={2} component="span" wrap="nowrap">
                    {t('warnings.detail.openOriginal')}
                    <IconExternalLink size={12} aria-hidden />
                  </Group>
                </Anchor>
              ) : null}
            </Group>
          </Box>
        );
      })}
    </ListCard>
  );
}
