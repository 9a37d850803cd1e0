// A mention's sentiment as a coloured badge with its score; marked when a person corrected it.
import { Badge, Tooltip } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Sentiment } from '../../../contract.ts';
import { signedScore } from '../format.ts';

/** Badge colour per sentiment. */
export const sentimentColour: Record<Sentiment, string> = { negative: 'red', neutral: 'gray', positive: 'teal' };

type Props = { sentiment: Sentiment; score: number; confidence: number; corrected: boolean; withScore?: boolean };

/** 負面 −0.82 (with the confidence on hover). */
export function SentimentBadge({ sentiment, score, confidence, corrected, withScore = true }: Props) {
  const { t } = useTranslation();
  const label = t(`monitoring.mentions.sentiment.${sentiment}`);
  return (
    <Tooltip
      label={
        corrected
          ? t('monitoring.mentions.item.corrected')
          : t('monitoring.mentions.item.scoreTitle', { confidence: confidence.toFixed(2) })
      }
      withArrow
      multiline
      maw={260}
    >
      <Badge
        variant="light"
        color={sentimentColour[sentiment]}
        data-testid="sentiment-badge"
        data-sentiment={sentiment}
        leftSection={corrected ? <IconUserCheck size={12} aria-label={t('monitoring.mentions.item.corrected')} /> : undefined}
        style={{ flex: 'none' }}
      >
        {withScore ? `${label} ${signedScore(score)}` : label}
      </Badge>
    </Tooltip>
  );
}
