// A mention's detail: full text (as text), facts, reach estimate explained, topics, the original link,
// the sentiment correction and the rest of its repost cluster.
import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconCamera, IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useCanGoBack, useParams, useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import { useCan } from '../../../../../web/session.ts';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import type { Mention } from '../../../contract.ts';
import { topicsQuery } from '../../topics/queries.ts';
import { MentionCluster } from '../components/mention-cluster.tsx';
import { TimeAgo, useLangLabel } from '../components/mention-item.tsx';
import { SentimentCorrection } from '../components/sentiment-correction.tsx';
import { explorerLink } from '../explorer-search.ts';
import { fullNumber, safeHttpUrl } from '../format.ts';
import { mentionQuery } from '../queries.ts';

/** A labelled fact of the side panel. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </Stack>
  );
}

function Metrics({ m }: { m: Mention }) {
  const { t } = useTranslation();
  const keys = ['likes', 'shares', 'comments', 'views'] as const;
  if (keys.every((k) => m.metrics[k] === null)) {
    return (
      <Text size="sm" c="dimmed">
        {t('monitoring.mentions.detail.noMetrics')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={2} spacing="xs">
      {keys.map((k) => (
        <Stack key={k} gap={0}>
          <Text size="xs" c="dimmed">
            {t(`monitoring.mentions.detail.${k}`)}
          </Text>
          <Text size="sm" fw={500} c={m.metrics[k] === null ? 'dimmed' : undefined}>
            {m.metrics[k] === null ? t('monitoring.mentions.detail.notReported') : fullNumber(m.metrics[k] as number)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function TopicNames({ m }: { m: Mention }) {
  const { t } = useTranslation();
  const topics = useQuery({ ...topicsQuery, enabled: useCan('topic.read') && m.topicIds.length > 0 });
  if (m.topicIds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('monitoring.mentions.detail.noTopics')}
      </Text>
    );
  const names = new Map((topics.data ?? []).map((tp) => [tp.id, tp.name]));
  return (
    <Group gap={6} data-testid="mention-topics">
      {m.topicIds.map((id) => (
        <Badge
          key={id}
          variant="light"
          style={{ textTransform: 'none', cursor: 'pointer', maxWidth: '100%' }}
          renderRoot={(props) => <Link to="/monitoring/mentions" search={explorerLink({ topic: id })} {...props} />}
        >
          {names.get(id) ?? '…'}
        </Badge>
      ))}
    </Group>
  );
}

function MentionDetail({ m }: { m: Mention }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true);
  const langLabel = useLangLabel();
  const link = safeHttpUrl(m.url);
  const canCapture = useCan('evidence.capture');
  return (
    <Stack gap="md">
      <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="mention-title">
        {m.title ?? t('monitoring.mentions.detail.untitled', { id: m.id })}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs" gap="xs">
                <Group gap="xs" style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" truncate maw={260}>
                    {m.author ?? t('monitoring.mentions.item.noAuthor')}
                  </Text>
                  <TimeAgo iso={m.publishedAt} size="sm" />
                </Group>
                <Badge variant="outline" color="gray" style={{ textTransform: 'none' }} maw={200}>
                  {m.sourceName}
                </Badge>
              </Group>
              <Text data-testid="mention-full-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.text}
              </Text>
              <Group mt="md">
                {link ? (
                  <Button
                    component="a"
                    href={link}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    variant="light"
                    leftSection={<IconExternalLink size={16} />}
                    title={t('monitoring.mentions.detail.originalHint')}
                    data-testid="mention-original"
                  >
                    {t('monitoring.mentions.detail.original')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('monitoring.mentions.detail.noLink')}
                  </Text>
                )}
                {canCapture ? (
                  <Button
                    variant="default"
                    leftSection={<IconCamera size={16} />}
                    renderRoot={(props) => <Link to="/documents/evidence/new" search={{ mentionId: m.id } as never} {...props} />}
                    data-testid="mention-capture-evidence"
                  >
                    {t('monitoring.mentions.detail.captureEvidence')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
            {wide ? <MentionCluster m={m} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Paper withBorder p="md">
            <Stack gap="md">
              <Fact label={t('monitoring.mentions.detail.sentiment')}>
                <SentimentCorrection m={m} />
              </Fact>
              <Fact label={t('monitoring.mentions.detail.reach')}>
                <Text size="lg" fw={600} data-testid="mention-reach">
                  {fullNumber(m.reachEstimate)}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.metrics.views !== null
                    ? t('monitoring.mentions.detail.reachHelpViews')
                    : t('monitoring.mentions.detail.reachHelpEstimate')}
                </Text>
              </Fact>
              <Fact label={t('monitoring.mentions.detail.metrics')}>
                <Metrics m={m} />
              </Fact>
              <Fact label={t('monitoring.mentions.detail.author')}>
                <Text size="sm">{m.author ?? t('monitoring.mentions.item.noAuthor')}</Text>
                <Text size="xs" c="dimmed">
                  {m.authorFollowers === null
                    ? t('monitoring.mentions.detail.followersUnknown')
                    : t('monitoring.mentions.detail.followers', { count: m.authorFollowers, formatted: fullNumber(m.authorFollowers) })}
                </Text>
              </Fact>
              <SimpleGrid cols={2} spacing="md">
                <Fact label={t('monitoring.mentions.detail.source')}>
                  <Text size="sm">{m.sourceName}</Text>
                </Fact>
                <Fact label={t('monitoring.mentions.detail.lang')}>
                  <Text size="sm">{langLabel(m.lang)}</Text>
                </Fact>
                <Fact label={t('monitoring.mentions.detail.publishedAt')}>
                  <Text size="sm">{formatDateTime(m.publishedAt)}</Text>
                </Fact>
                <Fact label={t('monitoring.mentions.detail.collectedAt')}>
                  <Text size="sm">{formatDateTime(m.collectedAt)}</Text>
                </Fact>
              </SimpleGrid>
              <Fact label={t('monitoring.mentions.detail.topics')}>
                <TopicNames m={m} />
              </Fact>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {/* On a phone the facts and the sentiment control come first, the cluster after them. */}
      {wide ? null : <MentionCluster m={m} />}
    </Stack>
  );
}

/** The mention detail page at /monitoring/mentions/$id. */
export function MentionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const mention = useQuery(mentionQuery(Number(id)));
  const router = useRouter();
  const canGoBack = useCanGoBack();
  return (
    <RequirePermission permission="mention.read">
      <Stack gap="md">
        <Anchor
          component={Link}
          to="/monitoring/mentions"
          onClick={(e: MouseEvent) => {
            // Back to the list as it was (filters and scroll), when the list is where we came from.
            if (canGoBack) {
              e.preventDefault();
              router.history.back();
            }
          }}
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
        >
          <IconArrowLeft size={14} aria-hidden />
          {t('monitoring.mentions.detail.back')}
        </Anchor>
        <QueryState query={mention}>{(m) => <MentionDetail m={m} />}</QueryState>
      </Stack>
    </RequirePermission>
  );
}
