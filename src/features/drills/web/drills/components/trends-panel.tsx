// Trends across ended drills: one line per response clock (minutes of real time, a gap where it never happened)
// over the drills in the order they ended, and the same numbers in a table (readable without the chart).
import { Anchor, Box, Paper, ScrollArea, Stack, Table, Text, Title, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEChart } from '../../../../../web/ui/use-echart.ts';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import { clockView } from '../../../contract.ts';
import { formatSeconds } from '../format.ts';
import type { DrillTrends } from '../queries.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The clocks in the order of the response (acknowledge → declare → draft → approve → publish). */
export const clockKeys = clockView.shape.key.options;
const palette = ['orange', 'red', 'blue', 'grape', 'teal'] as const;

function TrendsChart({ data }: { data: DrillTrends }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('light');
  const { el, chart } = useEChart();
  const zone = useOrgTimeZone();
  useEffect(() => {
    if (!chart) return;
    const dark = scheme === 'dark';
    const text = dark ? theme.colors.dark[0] : theme.colors.gray[8];
    const dimmed = dark ? theme.colors.dark[2] : theme.colors.gray[6];
    const rule = dark ? theme.colors.dark[4] : theme.colors.gray[3];
    const day = new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', timeZone: zone });
    chart.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { fontFamily: theme.fontFamily },
        grid: { left: 4, right: 12, top: 56, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: text } },
        tooltip: {
          trigger: 'axis',
          backgroundColor: dark ? theme.colors.dark[6] : theme.white,
          borderColor: rule,
          textStyle: { color: text },
          valueFormatter: (v: unknown) => (typeof v === 'number' ? formatSeconds(v * 60) : '—'),
        },
        xAxis: {
          type: 'category',
          data: data.drills.map((d) => `${day.format(new Date(d.endedAt))} ${d.title}`),
          axisLabel: { color: dimmed, hideOverlap: true, formatter: (v: string) => v.split(' ')[0] },
          axisLine: { lineStyle: { color: rule } },
          axisTick: { show: false },
        },
        yAxis: {
          type: 'value',
          name: t('drills.trends.minutes'),
          nameTextStyle: { color: dimmed, align: 'left' },
          axisLabel: { color: dimmed },
          splitLine: { lineStyle: { color: rule, type: 'dashed' } },
        },
        series: clockKeys.map((k, i) => ({
          id: k,
          type: 'line',
          name: t(`drills.clock.${k}`),
          connectNulls: false,
          symbolSize: 8,
          data: data.drills.map((d) => {
            const s = d.clocks[k];
            return typeof s === 'number' ? Math.round((s / 60) * 100) / 100 : null;
          }),
          itemStyle: { color: theme.colors[palette[i]][dark ? 5 : 7] },
        })),
      },
      { lazyUpdate: true, notMerge: true },
    );
  }, [chart, data, scheme, theme, t, i18n.language, zone]);
  return (
    <Box
      ref={el}
      h={300}
      w="100%"
      role="img"
      data-testid="trends-chart"
      aria-label={t('drills.trends.chartAria', { count: data.drills.length })}
    />
  );
}

/** The trends section of the drills page. */
export function TrendsPanel({ data }: { data: DrillTrends }) {
  const { t, i18n } = useTranslation();
  const zone = useOrgTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: zone });
  return (
    <Paper withBorder radius="md" p="md" data-testid="drill-trends">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('drills.trends.title')}
        </Title>
        {data.drills.length === 0 ? (
          <Text c="dimmed">{t('drills.trends.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('drills.trends.intro')}
            </Text>
            <TrendsChart data={data} />
            <ScrollArea type="auto">
              <Table striped fz="sm" miw={720} data-testid="trends-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('drills.trends.drill')}</Table.Th>
                    <Table.Th>{t('drills.trends.endedAt')}</Table.Th>
                    {clockKeys.map((k) => (
                      <Table.Th key={k}>{t(`drills.clock.${k}`)}</Table.Th>
                    ))}
                    <Table.Th>{t('drills.trends.ackRate')}</Table.Th>
                    <Table.Th>{t('drills.trends.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.drills.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Anchor component={Link} to={`/drills/${d.id}/report`} size="sm">
                          {d.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{date.format(new Date(d.endedAt))}</Table.Td>
                      {clockKeys.map((k) => {
                        const s = d.clocks[k];
                        return <Table.Td key={k}>{typeof s === 'number' ? formatSeconds(s) : '—'}</Table.Td>;
                      })}
                      <Table.Td>{d.briefingAckRate === null ? '—' : `${Math.round(d.briefingAckRate * 100)}%`}</Table.Td>
                      <Table.Td>{d.tasksOverdue}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
      </Stack>
    </Paper>
  );
}
