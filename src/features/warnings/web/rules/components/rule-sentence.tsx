// A rule in one sentence ("「鼎泰豐」在 30 分鐘內有 5 則以上負面提及時預警"), and the "規則：…" badge of the
// alerts a rule raised.
import { Badge } from '@mantine/core';
import { IconRuler2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RuleConfig } from '../../../contract.ts';

/** The sentence for a rule's settings on a topic. */
export function useRuleSentence() {
  const { t } = useTranslation();
  return (topic: string, c: RuleConfig) =>
    c.kind === 'threshold'
      ? t('warnings.rules.thresholdSentence', {
          topic,
          minutes: c.minutes,
          count: c.count,
          signal: t(`warnings.rules.signal.${c.signal}`),
        })
      : t('warnings.rules.watchlistSentence', { topic });
}

/** "規則：<name>" on an alert raised by a manual rule. */
export function RuleBadge({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="violet"
      variant="light"
      tt="none"
      leftSection={<IconRuler2 size={12} aria-hidden />}
      maw="100%"
      style={{ flex: 'none' }}
      data-testid="rule-badge"
    >
      {t('warnings.rules.badge', { name })}
    </Badge>
  );
}
