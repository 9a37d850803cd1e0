// The explorer's URL search params (so a filtered view can be shared) and their API filters.
import { z } from 'zod';
import { sentiments } from '../../contract.ts';
import type { MentionFilters } from './queries.ts';

/** Time range presets; `custom` uses the from/to days. */
export const ranges = ['24h', '7d', '30d', 'all', 'custom'] as const;
/** One of the presets. */
export type RangePreset = (typeof ranges)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);

const schema = z.object({
  q: opt(z.string().max(2000)),
  topic: opt(z.uuid()),
  source: opt(z.uuid()),
  sentiment: opt(z.enum(sentiments)),
  lang: opt(z.string().max(20)),
  author: opt(z.string().max(200)),
  cluster: opt(z.string().regex(/^[1-9]\d{0,15}$/)),
  range: opt(z.enum(ranges)),
  from: opt(day),
  to: opt(day),
});

/** The explorer's search params: every key optional, unknown or malformed ones dropped. */
export type ExplorerSearch = z.infer<typeof schema>;

/** validateSearch for the explorer route: keeps the valid, non-empty params. */
export function validateExplorerSearch(raw: Record<string, unknown>): ExplorerSearch {
  const parsed = schema.parse(raw);
  const out: ExplorerSearch = {};
  for (const [k, v] of Object.entries(parsed) as Array<[keyof ExplorerSearch, string | undefined]>) {
    if (v !== undefined && v !== '') (out as Record<string, string>)[k] = v;
  }
  return out;
}

const HOURS: Record<'24h' | '7d' | '30d', number> = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

/** Start (inclusive) or end (exclusive) of a local calendar day, as an ISO timestamp. */
export function dayBound(d: string, end: boolean): string {
  const date = new Date(`${d}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The API filters of a search: presets are resolved at fetch time, custom days as whole local days. */
export function toFilters(s: ExplorerSearch): MentionFilters {
  const f: MentionFilters = {
    q: s.q?.trim() || undefined,
    topicId: s.topic,
    sourceId: s.source,
    sentiment: s.sentiment,
    lang: s.lang,
    author: s.author?.trim() || undefined,
    clusterId: s.cluster ? Number(s.cluster) : undefined,
  };
  const range = s.range ?? 'all';
  if (range === '24h' || range === '7d' || range === '30d') {
    const hours = HOURS[range];
    f.from = () => new Date(Date.now() - hours * 3_600_000).toISOString();
  } else if (range === 'custom') {
    if (s.from) f.from = dayBound(s.from, false);
    if (s.to) f.to = dayBound(s.to, true);
  }
  return f;
}

/** How many filters (other than the search words) are set. */
export function activeFilterCount(s: ExplorerSearch): number {
  return [s.topic, s.source, s.sentiment, s.lang, s.author, s.cluster, s.range && s.range !== 'all' ? s.range : undefined].filter(Boolean)
    .length;
}

/** A Link's `search` for the explorer (the router is not type-registered, so its search type is opaque). */
export const explorerLink = (s: ExplorerSearch) => validateExplorerSearch(s) as never;
