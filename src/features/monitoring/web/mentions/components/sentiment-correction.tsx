// The sentiment correction control of a mention's detail (permission mention.correct).
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { type Mention, type Sentiment, sentiments } from '../../../contract.ts';
import { useCorrectSentiment } from '../queries.ts';
import { SentimentBadge, sentimentColour } from './sentiment-badge.tsx';

/** Shows the sentiment, lets a permitted person correct it, and says when a person already did. */
export function SentimentCorrection({ m }: { m: Mention }) {
  const { t } = useTranslation();
  const can = useCan('mention.correct');
  const correct = useCorrectSentiment(m.id);
  const choose = async (v: string) => {
    if (v === m.sentiment && m.sentimentCorrected) return;
    try {
      await correct.mutateAsync(v as Sentiment);
      notifySuccess(t('monitoring.mentions.detail.corrected'));
    } catch (err) {
      notifyError(err, t);
    }
  };
  return (
    <Stack gap="xs" data-testid="sentiment-correction">
      <Group gap="xs">
        <SentimentBadge
          sentiment={m.sentiment}
          score={m.sentimentScore}
          confidence={m.sentimentConfidence}
          corrected={m.sentimentCorrected}
        />
        {m.sentimentCorrected ? (
          <Group gap={4} c="teal" data-testid="sentiment-corrected">
            <IconUserCheck size={16} aria-hidden />
            <Text size="sm">{t('monitoring.mentions.detail.correctedBy')}</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('monitoring.mentions.detail.confidence', { value: m.sentimentConfidence.toFixed(2) })}
          </Text>
        )}
      </Group>
      {can ? (
        <>
          <Text size="sm" fw={500} id="correct-label">
            {t('monitoring.mentions.detail.correctLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="correct-label"
            value={m.sentiment}
            onChange={(v) => void choose(v)}
            disabled={correct.isPending}
            color={sentimentColour[m.sentiment]}
            data={sentiments.map((s) => ({ value: s, label: t(`monitoring.mentions.sentiment.${s}`) }))}
            fullWidth
            maw={360}
          />
          <Text size="xs" c="dimmed">
            {t('monitoring.mentions.detail.correctHelp')}
          </Text>
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {t('monitoring.mentions.detail.correctNotAllowed')}
        </Text>
      )}
    </Stack>
  );
}
