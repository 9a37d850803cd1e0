// The monitoring dashboard's request and answer, shared by the server and the web app (no Node imports).

import { z } from 'zod';
import { IANA_SHAPE, isTimeZone } from '../../platform/time-zone.ts';

/** Preset ranges ending now, and `custom` (from/to). */
export const dashboardRanges = ['24h', '7d', '30d', 'custom'] as const;
export type DashboardRange = (typeof dashboardRanges)[number];
/** Width of one point on the volume chart. */
export const dashboardBuckets = ['hour', 'day'] as const;
export type DashboardBucket = (typeof dashboardBuckets)[number];

/** Most points one chart may have (31 days of hours, or about two years of days, fit). */
export const MAX_POINTS = 800;
/** Longest custom range, in days. */
export const MAX_RANGE_DAYS = 730;
/** Preset range lengths in milliseconds. */
export const RANGE_MS: Record<Exclude<DashboardRange, 'custom'>, number> = {
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};
/** Nominal bucket widths (a day can be 23 or 25 hours where clocks change; the bound allows for it). */
export const BUCKET_MS: Record<DashboardBucket, number> = { hour: 3_600_000, day: 86_400_000 };

/** How many points a range of `ms` milliseconds makes with `bucket` (counting the partial first and last). */
export function pointCount(ms: number, bucket: DashboardBucket): number {
  return Math.ceil(ms / BUCKET_MS[bucket]) + 1;
}

/** The bucket that suits a preset range: hours for a day, days for longer. */
export function defaultBucket(range: DashboardRange): DashboardBucket {
  return range === '24h' ? 'hour' : 'day';
}

// IANA names ("Asia/Taipei", "UTC", "America/Argentina/Buenos_Aires"); checked against the runtime's list below.
const tzName = z.string().max(64).regex(IANA_SHAPE, 'must be an IANA time zone name').refine(isTimeZone, 'unknown time zone');

/** GET /api/monitoring/dashboard query. `tz` decides where days begin; `from`/`to` only with range=custom. */
export const dashboardQuery = z
  .strictObject({
    topicId: z.uuid().optional(),
    range: z.enum(dashboardRanges).default('24h'),
    bucket: z.enum(dashboardBuckets).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    tz: tzName.default('UTC'),
  })
  .superRefine((q, ctx) => {
    if (q.range !== 'custom') {
      if (q.from || q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from/to need range=custom' });
      const bucket = q.bucket ?? defaultBucket(q.range);
      if (pointCount(RANGE_MS[q.range], bucket) > MAX_POINTS)
        ctx.addIssue({ code: 'too_big', origin: 'number', maximum: MAX_POINTS, path: ['bucket'], message: 'too many points' });
      return;
    }
    if (!q.from || !q.to) {
      ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'range=custom needs from and to' });
      return;
    }
    const ms = Date.parse(q.to) - Date.parse(q.from);
    if (ms <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    else if (ms > MAX_RANGE_DAYS * 86_400_000)
      ctx.addIssue({ code: 'too_big', origin: 'number', maximum: MAX_RANGE_DAYS, path: ['to'], message: `at most ${MAX_RANGE_DAYS} days` });
    else if (pointCount(ms, q.bucket ?? 'day') > MAX_POINTS)
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: MAX_POINTS,
        path: ['bucket'],
        message: `at most ${MAX_POINTS} points: choose a wider bucket or a shorter range`,
      });
  });
export type DashboardQuery = z.input<typeof dashboardQuery>;

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();

/** One bucket of the volume chart: `t` is the bucket's start (ISO). */
export const volumePoint = z.object({ t: z.string(), negative: count, neutral: count, positive: count });

/** Counts of one period. `reach` sums each mention's reach estimate (reposts counted again: an upper estimate). */
export const periodTotals = z.object({ mentions: count, negative: count, neutral: count, positive: count, reach: count });

/** The dashboard's answer. Term counts are mentions containing the term, within the (bounded) samples. */
export const dashboardOut = z.object({
  period: z.object({ from: z.string(), to: z.string(), bucket: z.enum(dashboardBuckets), tz: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  series: z.array(volumePoint),
  totals: periodTotals,
  previous: periodTotals,
  /** negative / mentions, null without mentions. */
  negativeShare: share,
  previousNegativeShare: share,
  topSources: z.array(z.object({ sourceId: z.uuid(), name: z.string(), count, negative: count })),
  topAuthors: z.array(
    z.object({ author: z.string(), sourceId: z.uuid(), sourceName: z.string(), reach: count, count, followers: count.nullable() }),
  ),
  topClusters: z.array(
    z.object({
      clusterId: z.number().int(),
      /** The first 200 characters of the cluster's first mention (plain text, never HTML). */
      sample: z.string(),
      url: z.string().nullable(),
      sourceName: z.string(),
      /** Mentions of the cluster in the period, the first one included if it falls in the period. */
      mentions: count,
      /** Mentions in the period other than the cluster's first. */
      reposts: count,
      firstSeen: z.string(),
      negative: count,
    }),
  ),
  trendingTerms: z.array(
    z.object({
      term: z.string(),
      count,
      previous: count,
      /** Share of sampled mentions with the term now ÷ before; null when it was absent before (new). */
      lift: z.number().nullable(),
    }),
  ),
  /** How many mentions each period's term counts were read from (all of them when under the cap). */
  termSample: z.object({ current: count, previous: count, cap: count }),
});
export type DashboardData = z.infer<typeof dashboardOut>;
