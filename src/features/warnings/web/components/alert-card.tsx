// One alert in the inbox: risk, topic, suggested severity, status, the rule that raised it (if any), what moved,
// when it opened and how often it fired again. The score and the names share the first row; everything else takes the card's full width.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AlertSummary } from '../../contract.ts';
import { RuleBadge } from '../rules/components/rule-sentence.tsx';
import { MovedSignals, RiskScore, SeverityBadge, StatusBadge } from './alert-badges.tsx';
import { RelativeTime } from './relative-time.tsx';

/** How many times an alert fired after it opened ("已再觸發 3 次"), or null. */
export function RefiredText({ fireCount }: { fireCount: number }) {
  const { t } = useTranslation();
  if (fireCount <= 1) return null;
  return (
    <Text size="xs" c="orange.8" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="refired">
      {t('warnings.refired', { count: fireCount - 1 })}
    </Text>
  );
}

/** The inbox card of one alert. */
export function AlertCard({ alert: a }: { alert: AlertSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" component="article" data-testid="alert-card" data-alert-id={a.id} data-status={a.status}>
      <Stack gap="xs">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <RiskScore risk={a.risk} severity={a.severity} />
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Anchor
              component={Link}
              to={`/alerts/${a.id}`}
              fw={600}
              size="lg"
              lh={1.3}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="alert-topic"
            >
              {a.topicName}
            </Anchor>
            <Group gap={6} wrap="wrap">
              <SeverityBadge severity={a.severity} />
              <StatusBadge status={a.status} />
              {a.rule ? <RuleBadge name={a.rule.name} /> : null}
              {a.topicArchived ? (
                <Badge color="gray" variant="outline" tt="none">
                  {t('warnings.topicArchived')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </Group>
        <MovedSignals signals={a.signals} ruleKind={a.rule?.kind} />
        <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
          <RelativeTime iso={a.openedAt} phrase={(time) => t('warnings.openedAgo', { time })} testId="opened-at" />
          {a.fireCount > 1 ? (
            <>
              <Text size="xs" c="dimmed" aria-hidden>
                ·
              </Text>
              <RefiredText fireCount={a.fireCount} />
            </>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
