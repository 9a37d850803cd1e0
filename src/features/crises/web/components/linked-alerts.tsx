// The alerts handed over to the crisis, each linking to its page (named by its topic for those who read alerts).
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { alertQuery } from '../../../warnings/web/queries.ts';

/** The linked-alerts card (nothing when none are linked). */
export function LinkedAlerts({ alertIds }: { alertIds: string[] }) {
  const { t } = useTranslation();
  const readsAlerts = useCan('alert.read');
  const alerts = useQueries({ queries: alertIds.map((id) => ({ ...alertQuery(id), enabled: readsAlerts, retry: false })) });
  if (alertIds.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="linked-alerts">
      <Title order={3} size="h4" mb="sm">
        {t('crises.alerts.title')}
      </Title>
      <Stack gap={6}>
        {alertIds.map((id, i) => {
          const topic = alerts[i]?.data?.topicName;
          const label = topic ? t('crises.alerts.item', { topic }) : t('crises.alerts.unknown', { id: id.slice(0, 8) });
          return readsAlerts ? (
            <Anchor key={id} component={Link} to={`/alerts/${id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {label}
            </Anchor>
          ) : (
            <Text key={id} size="sm">
              {label}
            </Text>
          );
        })}
      </Stack>
    </Card>
  );
}
