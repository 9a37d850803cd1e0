// One ECharts instance bound to a div: created on mount, resized with its box, disposed on unmount.
import type * as echarts from 'echarts/core';
import { init } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/**
 * The div to render into and the chart (null until mounted — a state, so an effect that sets the chart's
 * options lists it and runs again once the chart exists).
 */
export function useEChart() {
  const el = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current, null, { renderer: 'canvas' });
    setChart(c);
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      setChart(null);
    };
  }, []);
  return { el, chart };
}
