// "傳送測試": queue a test message, then watch that delivery (polling the channel's deliveries every second, for
// at most 30 s) and show how it went: delivered, failed, or failing and being retried by the queue.
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../../web/errors.ts';
import { type Delivery, deliveriesQuery, useTestChannel } from '../queries.ts';
import { AttemptLine } from './delivery-attempt.tsx';

const POLL_MS = 1000;
const WATCH_MS = 30_000;

/** The test delivery being watched: start one with `send`, read it from `delivery`. */
export function useChannelTest(channelId: string) {
  const { t } = useTranslation();
  const test = useTestChannel();
  const [deliveryId, setDeliveryId] = useState<string | null>(null);
  const [timedOut, setTimedOut] = useState(false);
  const settled = (d: Delivery | undefined) => d !== undefined && d.status !== 'pending';
  const list = useQuery({
    ...deliveriesQuery(channelId),
    enabled: deliveryId !== null,
    refetchInterval: (q) => (deliveryId && !timedOut && !settled(q.state.data?.find((d) => d.id === deliveryId)) ? POLL_MS : false),
  });
  useEffect(() => {
    if (!deliveryId) return;
    setTimedOut(false);
    const timer = setTimeout(() => setTimedOut(true), WATCH_MS);
    return () => clearTimeout(timer);
  }, [deliveryId]);
  const send = () =>
    test.mutateAsync(channelId).then(
      (r) => setDeliveryId(r.deliveryId),
      (err) => notifyError(err, t),
    );
  const delivery = deliveryId ? (list.data?.find((d) => d.id === deliveryId) ?? null) : null;
  return { send, sending: test.isPending, watching: deliveryId !== null, delivery, timedOut, close: () => setDeliveryId(null) };
}

type Shown = { color: string; icon: React.ReactNode; title: string };

function look(d: Delivery | null, t: TFunction): Shown {
  const k = 'warnings.channels.result';
  if (d?.status === 'delivered') return { color: 'teal', icon: <IconCircleCheck size={18} />, title: t(`${k}.delivered`) };
  if (d?.status === 'failed') return { color: 'red', icon: <IconCircleX size={18} />, title: t(`${k}.failed`) };
  if (d && d.attempts.length > 0)
    return { color: 'orange', icon: <IconAlertTriangle size={18} />, title: t(`${k}.retrying`, { count: d.attempts.length }) };
  return { color: 'blue', icon: <Loader size={16} />, title: t(`${k}.pending`) };
}

/** The outcome of the watched test delivery, until closed. */
export function TestResult({ delivery, timedOut, onClose }: { delivery: Delivery | null; timedOut: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = look(delivery, t);
  const last = delivery?.attempts.at(-1);
  const pending = !delivery || delivery.status === 'pending';
  return (
    <Alert
      color={shown.color}
      variant="light"
      icon={shown.icon}
      title={shown.title}
      withCloseButton
      closeButtonLabel={t('warnings.channels.result.dismiss')}
      onClose={onClose}
      p="sm"
      role="status"
      data-testid="test-result"
      data-status={delivery?.status ?? 'pending'}
      styles={{ title: { overflowWrap: 'anywhere' } }}
    >
      <Stack gap={6}>
        {last ? <AttemptLine attempt={last} /> : null}
        {pending && timedOut ? <Text size="xs">{t('warnings.channels.result.timeout')}</Text> : null}
      </Stack>
    </Alert>
  );
}
