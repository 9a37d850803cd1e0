// The room's pulse panels, for the crisis room to place: live metrics, who is online, situation reports.
export { MetricsPanel } from './metrics-panel.tsx';
export { OnlineNow } from './online-now.tsx';
export { metricsQuery, presenceQuery, sitrepsQuery } from './queries.ts';
export { SitrepPanel } from './sitrep-panel.tsx';
