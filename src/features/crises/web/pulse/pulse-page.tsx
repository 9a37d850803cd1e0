// /crises/$crisisId/pulse (即時態勢): the room's pulse on its own page — live metrics, who is online, situation
// reports — handy on a phone during a crisis. One column on a phone, two beside each other on a wide screen.
import { Grid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { useLiveRoom } from '../../../../web/live.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { crisisQuery } from '../queries.ts';
import { MetricsPanel } from './metrics-panel.tsx';
import { OnlineNow } from './online-now.tsx';
import { SitrepPanel } from './sitrep-panel.tsx';

/** The pulse page of one crisis. */
export function PulsePage() {
  const { t } = useTranslation();
  const { crisisId } = useParams({ strict: false }) as { crisisId: string };
  const crisis = useQuery(crisisQuery(crisisId));
  useLiveRoom(`crisis:${crisisId}`);
  const missing = crisis.error instanceof ApiError && (crisis.error.status === 404 || crisis.error.status === 400);
  return (
    <Stack gap="md" data-testid="pulse-page">
      <BackLink to={`/crises/${crisisId}`} label={t('crisisPulse.back')} />
      {missing ? (
        <Text c="dimmed">{t('crisisPulse.notFound')}</Text>
      ) : (
        <QueryState query={crisis}>
          {(c) => (
            <Stack gap="md">
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('crisisPulse.title')}
                </Text>
                <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
                  #{c.number} {c.title}
                </Title>
              </Stack>
              <MetricsPanel crisisId={c.id} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <SitrepPanel crisisId={c.id} canWork={c.can.work} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <OnlineNow crisisId={c.id} team={c.team} />
                </Grid.Col>
              </Grid>
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
