// One mention in a list: source, author, time, sentiment, estimated reach, language, the text with its
// matches marked, and a hint when it is a repost. A card on phones, a dense row on wider screens.
import { Anchor, Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconRepeat } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import type { Mention } from '../../../contract.ts';
import { compactNumber, relativeTime } from '../format.ts';
import { HighlightedText } from './highlighted-text.tsx';
import { SentimentBadge } from './sentiment-badge.tsx';

/** The language's name if the interface knows it, else its BCP 47 tag. */
export function useLangLabel() {
  const { t, i18n } = useTranslation();
  return (lang: string) =>
    i18n.exists(`monitoring.mentions.lang.${lang}`) ? t(`monitoring.mentions.lang.${lang}` as 'monitoring.mentions.lang.en') : lang;
}

/** A relative time with the absolute one on hover (and in the <time> element). */
export function TimeAgo({ iso, size = 'xs' }: { iso: string; size?: 'xs' | 'sm' }) {
  return (
    <Tooltip label={formatDateTime(iso)} withArrow>
      <Text component="time" dateTime={iso} size={size} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {relativeTime(iso)}
      </Text>
    </Tooltip>
  );
}

/** The line of facts above a mention's text. */
export function MentionMeta({ m }: { m: Mention }) {
  const { t } = useTranslation();
  const langLabel = useLangLabel();
  return (
    <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
      <Badge variant="outline" color="gray" maw={180} style={{ textTransform: 'none' }} title={m.sourceName}>
        {m.sourceName}
      </Badge>
      <Text size="sm" fw={500} maw={220} truncate title={m.author ?? undefined}>
        {m.author ?? t('monitoring.mentions.item.noAuthor')}
      </Text>
      <TimeAgo iso={m.publishedAt} />
      <SentimentBadge
        sentiment={m.sentiment}
        score={m.sentimentScore}
        confidence={m.sentimentConfidence}
        corrected={m.sentimentCorrected}
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('monitoring.mentions.item.reach', { reach: compactNumber(m.reachEstimate) })}
      </Text>
      <Badge variant="default" size="sm" style={{ textTransform: 'none' }}>
        {langLabel(m.lang)}
      </Badge>
    </Group>
  );
}

/** The link to a mention's detail page. */
function OpenLink({ m }: { m: Mention }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={`/monitoring/mentions/${m.id}`}
      size="sm"
      aria-label={`${t('monitoring.mentions.item.open')} #${m.id}`}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, flex: 'none', whiteSpace: 'nowrap' }}
    >
      {t('monitoring.mentions.item.open')}
      <IconArrowRight size={14} aria-hidden />
    </Anchor>
  );
}

/** "Repost of #12", linking to the cluster's first mention. */
function RepostHint({ m }: { m: Mention }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={`/monitoring/mentions/${m.clusterId}`}
      size="xs"
      c="dimmed"
      data-testid="repost-hint"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minWidth: 0 }}
    >
      <IconRepeat size={14} aria-hidden style={{ flex: 'none' }} />
      <span>{t('monitoring.mentions.item.repostOf', { id: m.clusterId })}</span>
    </Anchor>
  );
}

/** One mention of a list; `dense` for the desktop list (a row), a bordered card otherwise. */
export function MentionItem({ m, dense, last }: { m: Mention; dense: boolean; last?: boolean }) {
  const isRepost = m.clusterId !== null && m.clusterId !== m.id;
  return (
    <Box
      component="article"
      data-testid="mention-item"
      data-id={m.id}
      px={dense ? 'md' : 'sm'}
      py="sm"
      style={
        dense
          ? { borderBottom: last ? undefined : '1px solid var(--mantine-color-default-border)' }
          : { border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }
      }
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <MentionMeta m={m} />
        {dense ? <OpenLink m={m} /> : null}
      </Group>
      {m.title ? (
        <Text fw={600} size="sm" mt={6} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {m.title}
        </Text>
      ) : null}
      <Text
        size="sm"
        mt={m.title ? 2 : 6}
        lineClamp={dense ? 3 : 5}
        data-testid="mention-text"
        style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
      >
        <HighlightedText text={m.text} ranges={m.highlights} max={400} />
      </Text>
      {dense ? (
        isRepost ? (
          <Box mt={4}>
            <RepostHint m={m} />
          </Box>
        ) : null
      ) : (
        <Group justify="space-between" mt={6} gap="xs" wrap="nowrap">
          {isRepost ? <RepostHint m={m} /> : <span />}
          <OpenLink m={m} />
        </Group>
      )}
    </Box>
  );
}
