// Volume per bucket stacked by sentiment: ECharts with only the bar chart, its components and the
// canvas renderer (tree-shaken), resized with its container and recoloured for light and dark.
import { Box, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEChart } from '../../../../../web/ui/use-echart.ts';
import type { DashboardBucket, DashboardData } from '../../../dashboard-contract.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ORDER = ['negative', 'neutral', 'positive'] as const;

/** Bucket label in the interface language: "14:00" (with the date at midnight) for hours, "3/10" for days. */
function labeller(locale: string, bucket: DashboardBucket, tz?: string) {
  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz });
  const day = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: tz });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: bucket === 'hour' ? 'short' : undefined, timeZone: tz });
  return {
    axis: (iso: string, i: number) => {
      const d = new Date(iso);
      if (bucket === 'day') return day.format(d);
      const h = hour.format(d);
      return i === 0 || h === '00:00' ? `${day.format(d)} ${h}` : h;
    },
    full: (iso: string) => full.format(new Date(iso)),
  };
}

/** The stacked bar chart of the dashboard's series. */
export function VolumeChart({ data, height = 300 }: { data: DashboardData; height?: number }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('light');
  const { el, chart } = useEChart();

  useEffect(() => {
    const c = chart;
    if (!c) return;
    const dark = scheme === 'dark';
    const text = dark ? theme.colors.dark[0] : theme.colors.gray[8];
    const dimmed = dark ? theme.colors.dark[2] : theme.colors.gray[6];
    const rule = dark ? theme.colors.dark[4] : theme.colors.gray[3];
    const colors = {
      negative: theme.colors.red[dark ? 5 : 7],
      neutral: theme.colors.gray[dark ? 5 : 5],
      positive: theme.colors.teal[dark ? 5 : 7],
    };
    const label = labeller(i18n.language, data.period.bucket, data.period.tz);
    c.setOption(
      {
        backgroundColor: 'transparent',
        textStyle: { fontFamily: theme.fontFamily },
        animationDurationUpdate: 400,
        grid: { left: 4, right: 8, top: 36, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: text } },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          backgroundColor: dark ? theme.colors.dark[6] : theme.white,
          borderColor: rule,
          textStyle: { color: text },
        },
        xAxis: {
          type: 'category',
          data: data.series.map((p) => p.t),
          axisLabel: { color: dimmed, hideOverlap: true, formatter: (v: string, i: number) => label.axis(v, i) },
          axisPointer: { label: { formatter: (p: { value: unknown }) => label.full(String(p.value)) } },
          axisLine: { lineStyle: { color: rule } },
          axisTick: { show: false },
        },
        yAxis: {
          type: 'value',
          minInterval: 1,
          axisLabel: { color: dimmed },
          splitLine: { lineStyle: { color: rule, type: 'dashed' } },
        },
        series: ORDER.map((k) => ({
          id: k,
          type: 'bar',
          stack: 'volume',
          name: t(`monitoring.dashboard.sentiment.${k}`),
          data: data.series.map((p) => p[k]),
          itemStyle: { color: colors[k] },
          barMaxWidth: 32,
          emphasis: { focus: 'series' },
        })),
      },
      { lazyUpdate: true },
    );
  }, [chart, data, scheme, theme, t, i18n.language]);

  const total = data.totals.mentions;
  return (
    <Box
      ref={el}
      h={height}
      w="100%"
      role="img"
      data-testid="volume-chart"
      data-total={total}
      aria-label={t('monitoring.dashboard.chart.aria', {
        from: new Date(data.period.from).toLocaleString(i18n.language),
        to: new Date(data.period.to).toLocaleString(i18n.language),
        total,
        negative: data.totals.negative,
      })}
    />
  );
}
