// The crisis room's pulse, shared by the server and the web app (no Node imports): live metrics of the
// crisis's topics, situation reports (狀況報告), and who is in the room now.
import { z } from 'zod';

const count = z.number().int().nonnegative();
/** negative / mentions, null without mentions. */
const share = z.number().min(0).max(1).nullable();

/** One hour of the crisis's topics. */
export const metricsPoint = z.object({ t: z.string(), mentions: count, negative: count, reach: count, negativeShare: share });

/** Counts over a period. `reach` sums each mention's reach estimate (reposts counted again: an upper estimate). */
export const metricsTotals = z.object({ mentions: count, negative: count, reach: count, negativeShare: share });

/** Hourly rates over a period, for comparing periods of different lengths. */
export const metricsRate = z.object({
  hours: z.number().positive(),
  mentionsPerHour: z.number().nonnegative(),
  negativePerHour: z.number().nonnegative(),
  reachPerHour: z.number().nonnegative(),
  negativeShare: share,
});

/** Live metrics of the crisis's topics (all of them together, each mention counted once). */
export const crisisMetrics = z.object({
  topics: z.array(z.object({ id: z.uuid(), name: z.string() })),
  asOf: z.string(),
  declaredAt: z.string(),
  /** The last 24 hours, one point per hour (in the organisation's time zone), empty hours as zero. */
  series: z.array(metricsPoint),
  last24h: metricsTotals,
  sinceDeclared: metricsTotals,
  /** The last hour, against the 24 hours before the declaration. */
  current: metricsRate,
  baseline: metricsRate,
});
export type CrisisMetrics = z.infer<typeof crisisMetrics>;
export type MetricsTotals = z.infer<typeof metricsTotals>;
export type MetricsRate = z.infer<typeof metricsRate>;

export const sitrepKinds = ['manual', 'scheduled'] as const;

/** A situation report as issued: its text in the organisation's language, and the facts it was built from. */
export const sitrep = z.object({
  id: z.uuid(),
  kind: z.enum(sitrepKinds),
  locale: z.enum(['zh-TW', 'en']),
  body: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** When the next one is due (as set when this one was issued); null once the crisis is closed. */
  nextSitrepAt: z.string().nullable(),
  counts: z.object({ facts: count, done: count, open: count, overdue: count }),
});
export type Sitrep = z.infer<typeof sitrep>;

/** A crisis's situation reports, newest first, with the schedule. */
export const sitrepList = z.object({
  sitreps: z.array(sitrep),
  nextSitrepAt: z.string().nullable(),
  updateEveryHours: z.number().int().positive(),
});
export type SitrepList = z.infer<typeof sitrepList>;

/** Issuing a situation report takes no input: it is built from the crisis as it stands. */
export const sitrepInput = z.strictObject({}).optional();

/** Who is in the crisis room now (people with the room open, on this server). */
export const crisisPresence = z.object({ userIds: z.array(z.uuid()) });
export type CrisisPresence = z.infer<typeof crisisPresence>;
