// The headline numbers of a period, each against the previous period of the same length.
import { Anchor, Card, Group, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardData } from '../../../dashboard-contract.ts';
import type { ExplorerLink } from '../search.ts';
import { useFormat } from './format.ts';

type Delta = { text: string; color: string } | null;

function Kpi(props: { label: ReactNode; value: string; testId: string; delta: Delta; previous: string; footer?: ReactNode }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="sm" c="dimmed" component="div">
        {props.label}
      </Text>
      <Group gap="xs" align="baseline" wrap="wrap" mt={4}>
        <Text fz={{ base: 22, sm: 28 }} fw={700} lh={1.2} data-testid={props.testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {props.value}
        </Text>
        {props.delta ? (
          <Text size="sm" fw={600} c={props.delta.color} data-testid={`${props.testId}-delta`}>
            {props.delta.text}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {props.previous}
      </Text>
      {props.footer}
    </Card>
  );
}

/** Four cards: mentions, negative share, negative mentions and estimated reach. */
export function KpiCards({ data, explorer }: { data: DashboardData; explorer: ExplorerLink }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { totals, previous } = data;
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  const percentChange = (now: number, before: number, upIsBad: boolean): Delta => {
    if (before === 0) return null;
    const change = ((now - before) / before) * 100;
    return {
      text: t('monitoring.dashboard.kpi.deltaPercent', { sign: sign(change), value: f.decimal(Math.abs(change), 0) }),
      color: change === 0 ? 'dimmed' : change > 0 === upIsBad ? 'red' : 'teal',
    };
  };
  const shareDelta: Delta =
    data.negativeShare === null || data.previousNegativeShare === null
      ? null
      : (() => {
          const pts = (data.negativeShare - data.previousNegativeShare) * 100;
          return {
            text: t('monitoring.dashboard.kpi.deltaPoints', { sign: sign(pts), value: f.decimal(Math.abs(pts), 1) }),
            color: Math.abs(pts) < 0.05 ? 'dimmed' : pts > 0 ? 'red' : 'teal',
          };
        })();
  const prev = (value: string, had: boolean) =>
    had ? t('monitoring.dashboard.kpi.vsPrevious', { value }) : t('monitoring.dashboard.kpi.newThisPeriod');
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
      <Kpi
        label={t('monitoring.dashboard.kpi.mentions')}
        value={f.integer(totals.mentions)}
        testId="kpi-mentions"
        delta={percentChange(totals.mentions, previous.mentions, true)}
        previous={prev(f.integer(previous.mentions), previous.mentions > 0)}
      />
      <Kpi
        label={t('monitoring.dashboard.kpi.negativeShare')}
        value={data.negativeShare === null ? t('common.none') : f.percent(data.negativeShare)}
        testId="kpi-negative-share"
        delta={shareDelta}
        previous={prev(
          data.previousNegativeShare === null ? '' : f.percent(data.previousNegativeShare),
          data.previousNegativeShare !== null,
        )}
      />
      <Kpi
        label={t('monitoring.dashboard.kpi.negative')}
        value={f.integer(totals.negative)}
        testId="kpi-negative"
        delta={percentChange(totals.negative, previous.negative, true)}
        previous={prev(f.integer(previous.negative), previous.mentions > 0)}
        footer={
          <Anchor component={Link} to="/monitoring/mentions" search={explorer({ sentiment: 'negative' })} size="sm" mt="xs">
            {t('monitoring.dashboard.kpi.openNegative')}
          </Anchor>
        }
      />
      <Kpi
        label={
          <Group gap={4} wrap="nowrap">
            <span>{t('monitoring.dashboard.kpi.reach')}</span>
            <Tooltip label={t('monitoring.dashboard.kpi.reachHint')} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
              <IconInfoCircle size={14} aria-label={t('monitoring.dashboard.kpi.reachHint')} tabIndex={0} />
            </Tooltip>
          </Group>
        }
        value={f.compact(totals.reach)}
        testId="kpi-reach"
        delta={percentChange(totals.reach, previous.reach, true)}
        previous={prev(f.compact(previous.reach), previous.mentions > 0)}
      />
    </SimpleGrid>
  );
}
