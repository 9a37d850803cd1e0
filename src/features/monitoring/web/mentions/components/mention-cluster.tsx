// The other mentions of a mention's repost cluster ("1 story, 430 reposts").
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../contract.ts';
import { explorerLink } from '../explorer-search.ts';
import { mentionSampleQuery } from '../queries.ts';
import { MentionItem } from './mention-item.tsx';

const SHOWN = 10;

/** Cluster size, whether this is the original, and up to ten other members. */
export function MentionCluster({ m }: { m: Mention }) {
  const { t } = useTranslation();
  const size = m.clusterSize ?? 1;
  const others = useQuery({
    ...mentionSampleQuery({ clusterId: m.clusterId ?? undefined }, SHOWN + 1),
    enabled: m.clusterId !== null && size > 1,
  });
  const list = (others.data?.mentions ?? []).filter((x) => x.id !== m.id).slice(0, SHOWN);
  return (
    <Paper withBorder p="md" data-testid="mention-cluster">
      <Title order={3} size="h5" mb="xs">
        {t('monitoring.mentions.detail.cluster')}
      </Title>
      <Text size="sm">
        {size > 1 ? t('monitoring.mentions.detail.clusterSize', { count: size }) : t('monitoring.mentions.detail.clusterSingle')}
      </Text>
      {size > 1 && m.clusterId !== null ? (
        <>
          <Text size="sm" c="dimmed">
            {m.clusterId === m.id
              ? t('monitoring.mentions.detail.clusterOriginal')
              : t('monitoring.mentions.detail.clusterRepost', { id: m.clusterId })}
          </Text>
          {list.length ? (
            <Stack gap="xs" mt="sm">
              <Text size="sm" fw={500}>
                {t('monitoring.mentions.detail.clusterOthers')}
              </Text>
              {list.map((x) => (
                <MentionItem key={x.id} m={x} dense={false} />
              ))}
            </Stack>
          ) : null}
          {size > SHOWN + 1 ? (
            <Anchor
              component={Link}
              to="/monitoring/mentions"
              search={explorerLink({ cluster: String(m.clusterId) })}
              size="sm"
              mt="sm"
              display="inline-block"
            >
              {t('monitoring.mentions.detail.clusterAll')}
            </Anchor>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}
