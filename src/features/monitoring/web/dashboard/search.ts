// The dashboard's URL search params (a view can be shared) and the API query they stand for.
import { z } from 'zod';
import {
  type DashboardBucket,
  type DashboardQuery,
  dashboardBuckets,
  defaultBucket,
  MAX_POINTS,
  MAX_RANGE_DAYS,
  pointCount,
  RANGE_MS,
} from '../../dashboard-contract.ts';

/** Ranges offered on screen; `custom` uses whole local days `from`–`to`. */
export const ranges = ['24h', '7d', '30d', 'custom'] as const;
type Range = (typeof ranges)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
const schema = z.object({
  topic: opt(z.uuid()),
  range: opt(z.enum(ranges)),
  bucket: opt(z.enum(dashboardBuckets)),
  from: opt(day),
  to: opt(day),
});

/** The dashboard's search params, every key optional; malformed ones are dropped. */
export type DashboardSearch = z.infer<typeof schema>;

/** validateSearch for the dashboard route. */
export function validateDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const parsed = schema.parse(raw);
  const out: DashboardSearch = {};
  for (const [k, v] of Object.entries(parsed)) if (v !== undefined && v !== '') (out as Record<string, string>)[k] = v;
  return out;
}

/** Start of a local day (or of the day after, for an inclusive end day) as an ISO timestamp. */
export function dayBound(d: string, end: boolean): string {
  const date = new Date(`${d}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The browser's time zone, so days start at local midnight. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Length in ms of the range a search stands for (null for an incomplete or invalid custom range). */
export function rangeMs(s: DashboardSearch): number | null {
  const range: Range = s.range ?? '24h';
  if (range !== 'custom') return RANGE_MS[range];
  if (!s.from || !s.to) return null;
  const ms = Date.parse(dayBound(s.to, true)) - Date.parse(dayBound(s.from, false));
  return ms > 0 && ms <= MAX_RANGE_DAYS * 86_400_000 ? ms : null;
}

/** Whether a bucket keeps the chart within MAX_POINTS for this search's range. */
export function bucketAllowed(s: DashboardSearch, bucket: DashboardBucket): boolean {
  const ms = rangeMs(s);
  return ms !== null && pointCount(ms, bucket) <= MAX_POINTS;
}

/** The bucket shown: the chosen one if it fits, else hours for up to three days and days beyond. */
export function effectiveBucket(s: DashboardSearch): DashboardBucket {
  if (s.bucket && bucketAllowed(s, s.bucket)) return s.bucket;
  const range: Range = s.range ?? '24h';
  if (range !== 'custom') return defaultBucket(range);
  const ms = rangeMs(s) ?? 0;
  return ms <= 3 * 86_400_000 ? 'hour' : 'day';
}

/** The API query of a search, or null while a custom range is incomplete. */
export function toApiQuery(s: DashboardSearch, tz = localTimeZone()): DashboardQuery | null {
  const range: Range = s.range ?? '24h';
  if (rangeMs(s) === null) return null;
  const q: DashboardQuery = { range, bucket: effectiveBucket(s), tz };
  if (s.topic) q.topicId = s.topic;
  if (range === 'custom' && s.from && s.to) {
    q.from = dayBound(s.from, false);
    q.to = dayBound(s.to, true);
  }
  return q;
}

/** The explorer's search params for the same topic and time range (its route reads topic/range/from/to). */
export function explorerSearch(s: DashboardSearch, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { range: s.range ?? '24h' };
  if (s.topic) out.topic = s.topic;
  if (s.range === 'custom' && s.from && s.to) Object.assign(out, { from: s.from, to: s.to });
  return { ...out, ...extra };
}

/** Builds the explorer's `search` prop for a Link (typed `never`, as the route tree is not registered globally). */
export type ExplorerLink = (extra?: Record<string, string>) => never;
