// A channel's recent deliveries in a side drawer (full screen on a phone): what was sent (an alert opening, an
// escalation or a test), its state, and every attempt with time, result, HTTP status, duration and error.
import { Anchor, Badge, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { useLastDefined } from '../../../../../web/ui/use-last.ts';
import type { ChannelOut } from '../../../notify-contract.ts';
import { RelativeTime } from '../../components/relative-time.tsx';
import { type Delivery, deliveriesQuery } from '../queries.ts';
import { AttemptLine } from './delivery-attempt.tsx';

/** Mantine colour per delivery state. */
export const deliveryColor: Record<Delivery['status'], string> = { pending: 'blue', delivered: 'teal', failed: 'red' };

const eventKeys = ['opened', 'escalated', 'test'] as const;

/** The kind of message in words ("預警開啟", "測試訊息"); an unknown one as the server names it. */
export function useEventLabel() {
  const { t } = useTranslation();
  return (event: string) => {
    const key = event.split('.').pop() as (typeof eventKeys)[number];
    return eventKeys.includes(key) ? t(`warnings.channels.deliveries.event.${key}`) : event;
  };
}

function DeliveryItem({ delivery: d }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const label = useEventLabel();
  const k = 'warnings.channels.deliveries';
  return (
    <Paper withBorder p="sm" radius="md" data-testid="delivery" data-status={d.status} data-delivery-id={d.id}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {label(d.event)}
            </Text>
            <Badge size="sm" variant="light" color={deliveryColor[d.status]} tt="none" data-testid="delivery-status">
              {t(`${k}.status.${d.status}`)}
            </Badge>
          </Group>
          <RelativeTime iso={d.createdAt} phrase={(time) => time} />
        </Group>
        {d.alertId ? (
          <Anchor component={Link} to={`/alerts/${d.alertId}`} size="xs">
            {t(`${k}.openAlert`)}
          </Anchor>
        ) : null}
        {d.attempts.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t(`${k}.waiting`)}
          </Text>
        ) : (
          d.attempts.map((a) => <AttemptLine key={a.attempt} attempt={a} />)
        )}
      </Stack>
    </Paper>
  );
}

function DeliveryList({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const list = useQuery(deliveriesQuery(channelId));
  return (
    <QueryState query={list}>
      {(items) =>
        items.length === 0 ? (
          <Text c="dimmed">{t('warnings.channels.deliveries.empty')}</Text>
        ) : (
          <Stack gap="sm" data-testid="deliveries">
            {items.map((d) => (
              <DeliveryItem key={d.id} delivery={d} />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}

/** The drawer of one channel's deliveries; `channel` null when closed. */
export function DeliveriesDrawer({ channel, onClose }: { channel: ChannelOut | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const shown = useLastDefined(channel);
  return (
    <Drawer
      opened={channel !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'md'}
      title={shown ? t('warnings.channels.deliveries.title', { name: shown.name }) : ''}
      styles={{ title: { fontWeight: 600, overflowWrap: 'anywhere' } }}
    >
      {channel ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('warnings.channels.deliveries.intro')}
          </Text>
          <DeliveryList channelId={channel.id} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
