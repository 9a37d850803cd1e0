// Live monitoring of the crisis's topics: three large figures for the last 24 hours (mentions, negative share,
// reach), each with a sparkline of its hours and the last hour against the level before the declaration.
// Refreshes every minute and whenever mentions arrive (live events on the monitoring-stats key).
import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text, Title, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { useEChart } from '../../../../web/ui/use-echart.ts';
import { explorerLink } from '../../../monitoring/web/mentions/explorer-search.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { CrisisMetrics } from '../../pulse-contract.ts';
import { metricsQuery } from './queries.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Measure = 'mentions' | 'negativeShare' | 'reach';

/** A compact number in the interface language (1.2萬 / 12K). */
function compact(n: number, locale: string) {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
const percent = (s: number | null, locale: string) =>
  s === null ? null : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(s);

/** A small line of one measure over the hours, the declaration marked when it falls inside. */
function Sparkline({ data, measure, colour, label }: { data: CrisisMetrics; measure: Measure; colour: string; label: string }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('light');
  const zone = useOrgTimeZone();
  const { el, chart } = useEChart();

  useEffect(() => {
    const c = chart;
    if (!c) return;
    const dark = scheme === 'dark';
    const hour = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone });
    const declared = new Date(data.declaredAt).getTime();
    const mark = data.series.findIndex((p, i) => {
      const t0 = new Date(p.t).getTime();
      const t1 = i + 1 < data.series.length ? new Date(data.series[i + 1].t).getTime() : Number.POSITIVE_INFINITY;
      return declared >= t0 && declared < t1;
    });
    const value = (p: CrisisMetrics['series'][number]) => (measure === 'negativeShare' ? (p.negativeShare ?? 0) : p[measure]);
    c.setOption(
      {
        backgroundColor: 'transparent',
        animationDurationUpdate: 300,
        grid: { left: 0, right: 0, top: 4, bottom: 0 },
        tooltip: {
          trigger: 'axis',
          backgroundColor: dark ? theme.colors.dark[6] : theme.white,
          borderColor: dark ? theme.colors.dark[4] : theme.colors.gray[3],
          textStyle: { color: dark ? theme.colors.dark[0] : theme.colors.gray[8], fontSize: 12 },
          valueFormatter: (v: unknown) =>
            measure === 'negativeShare' ? (percent(Number(v), i18n.language) ?? '') : compact(Number(v), i18n.language),
        },
        xAxis: {
          type: 'category',
          show: false,
          boundaryGap: false,
          data: data.series.map((p) => hour.format(new Date(p.t))),
        },
        yAxis: { type: 'value', show: false, min: 0, max: measure === 'negativeShare' ? 1 : undefined },
        series: [
          {
            type: 'line',
            name: label,
            data: data.series.map(value),
            showSymbol: false,
            smooth: 0.3,
            lineStyle: { width: 2, color: colour },
            areaStyle: { color: colour, opacity: 0.12 },
            markLine:
              mark >= 0
                ? {
                    silent: true,
                    symbol: 'none',
                    label: { show: false },
                    lineStyle: { color: theme.colors.gray[dark ? 5 : 6], type: 'dashed', width: 1 },
                    data: [{ xAxis: mark }],
                  }
                : undefined,
          },
        ],
      },
      { lazyUpdate: true, notMerge: true },
    );
  }, [chart, data, measure, colour, label, scheme, theme, i18n.language, zone]);

  return <Box ref={el} h={44} w="100%" role="img" aria-label={t('crisisPulse.metrics.chart', { label })} />;
}

/** One figure: its label, the value large, the sparkline, and now against before the declaration. */
function Figure({ data, measure }: { data: CrisisMetrics; measure: Measure }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const lang = i18n.language;
  const label = t(`crisisPulse.metrics.${measure}`);
  const none = t('crisisPulse.metrics.none');
  const big =
    measure === 'mentions'
      ? data.last24h.mentions.toLocaleString(lang)
      : measure === 'reach'
        ? compact(data.last24h.reach, lang)
        : (percent(data.last24h.negativeShare, lang) ?? none);
  const fmt = (v: number) =>
    measure === 'mentions' ? t('crisisPulse.metrics.mentionsValue', { value: compact(v, lang) }) : compact(v, lang);
  const perHour = (r: CrisisMetrics['current']) => (measure === 'mentions' ? r.mentionsPerHour : r.reachPerHour);
  const lastHour = measure === 'negativeShare' ? (percent(data.current.negativeShare, lang) ?? none) : fmt(perHour(data.current));
  const baseline =
    measure === 'negativeShare'
      ? t('crisisPulse.metrics.baselineShare', { value: percent(data.baseline.negativeShare, lang) ?? none })
      : t('crisisPulse.metrics.baseline', { value: fmt(perHour(data.baseline)) });
  const now =
    measure === 'negativeShare'
      ? data.current.negativeShare
      : measure === 'mentions'
        ? data.current.mentionsPerHour
        : data.current.reachPerHour;
  const before =
    measure === 'negativeShare'
      ? data.baseline.negativeShare
      : measure === 'mentions'
        ? data.baseline.mentionsPerHour
        : data.baseline.reachPerHour;
  const up = now !== null && before !== null && now > before;
  const down = now !== null && before !== null && now < before;
  const colour = measure === 'negativeShare' ? theme.colors.red[7] : measure === 'reach' ? theme.colors.violet[6] : theme.colors.blue[6];
  return (
    <Card withBorder padding="sm" data-testid={`metric-${measure}`}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600}>
          {label}
        </Text>
        <Group gap={6} align="baseline" wrap="nowrap">
          <Text fz={32} fw={700} lh={1.1} data-testid={`metric-${measure}-value`}>
            {big}
          </Text>
          {up ? <IconArrowUpRight size={20} color={theme.colors.red[7]} aria-label={t('crisisPulse.metrics.rising')} /> : null}
          {down ? <IconArrowDownRight size={20} color={theme.colors.teal[7]} aria-label={t('crisisPulse.metrics.falling')} /> : null}
        </Group>
        <Sparkline data={data} measure={measure} colour={colour} label={label} />
        <Text size="xs" c={up ? 'red.7' : 'dimmed'}>
          {t('crisisPulse.metrics.perHourNow', { value: lastHour })}
        </Text>
        <Text size="xs" c="dimmed">
          {baseline}
        </Text>
      </Stack>
    </Card>
  );
}

function Metrics({ data }: { data: CrisisMetrics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (data.topics.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="metrics-no-topics">
        {t('crisisPulse.metrics.noTopics')}
      </Text>
    );
  const s = data.sinceDeclared;
  return (
    <Stack gap="sm">
      <Group gap={6} wrap="wrap" data-testid="metrics-topics">
        <Text size="sm" c="dimmed">
          {t('crisisPulse.metrics.mentionsOf')}
        </Text>
        {data.topics.map((x) => (
          // The topic's mentions of the last day in the explorer (the room's linked mentions).
          <Anchor
            key={x.id}
            component={Link}
            to="/monitoring/mentions"
            search={explorerLink({ topic: x.id, range: '24h' })}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
            data-testid="metrics-topic-link"
          >
            {x.name}
          </Anchor>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure data={data} measure="mentions" />
        <Figure data={data} measure="negativeShare" />
        <Figure data={data} measure="reach" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('crisisPulse.metrics.sinceDeclared', {
          mentions: s.mentions.toLocaleString(lang),
          negative: s.negative.toLocaleString(lang),
          share: percent(s.negativeShare, lang) ?? t('crisisPulse.metrics.none'),
          reach: compact(s.reach, lang),
        })}
      </Text>
    </Stack>
  );
}

/** The crisis's live metrics panel. */
export function MetricsPanel({ crisisId }: { crisisId: string }) {
  const { t, i18n } = useTranslation();
  const zone = useOrgTimeZone();
  const q = useQuery(metricsQuery(crisisId));
  const time = q.data ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone: zone }).format(new Date(q.data.asOf)) : null;
  return (
    <Card withBorder padding="md" data-testid="metrics-panel">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5">
          {t('crisisPulse.metrics.title')}
        </Title>
        {time ? (
          <Text size="xs" c="dimmed">
            {t('crisisPulse.metrics.updated', { time })}
          </Text>
        ) : null}
      </Group>
      <QueryState query={q}>{(d) => <Metrics data={d} />}</QueryState>
    </Card>
  );
}
