// Dashboard data: one query per view, keyed under 'monitoring-stats' so live mention events refresh it,
// with refetches coalesced and spaced at least MIN_INTERVAL_MS apart so a burst of events is one refetch.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { DashboardData, DashboardQuery } from '../../dashboard-contract.ts';

/** Fewest milliseconds between two dashboard fetches of the same view. */
export const MIN_INTERVAL_MS = 2000;

type Slot = { last: number; running?: Promise<unknown>; queued?: Promise<unknown> };
const slots = new Map<string, Slot>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fetcher` for `key`, but never two at once and never within `minMs` of the previous start.
 * A call while one is waiting to start shares it (it will read the newest data anyway); a call while
 * one is in flight queues exactly one more after it, so the last event is never missed.
 * TanStack Query cancels a fetch on each invalidation; the shared promise outlives that cancellation.
 */
export function coalesced<T>(key: string, fetcher: () => Promise<T>, minMs = MIN_INTERVAL_MS, now = () => Date.now()): Promise<T> {
  let slot = slots.get(key);
  if (!slot) {
    slot = { last: 0 };
    slots.set(key, slot);
  }
  const s = slot;
  if (s.queued) return s.queued as Promise<T>;
  const after = s.running ?? Promise.resolve();
  const queued = after
    .catch(() => {})
    .then(async () => {
      await sleep(Math.max(0, s.last + minMs - now()));
      s.queued = undefined;
      s.last = now();
      const running = fetcher();
      s.running = running;
      try {
        return await running;
      } finally {
        if (s.running === running) s.running = undefined;
      }
    });
  s.queued = queued;
  return queued;
}

function params(q: DashboardQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
  return p.toString();
}

/** The dashboard of one view (topic, range, bucket, time zone). */
export const dashboardQuery = (q: DashboardQuery) => {
  const qs = params(q);
  return queryOptions({
    queryKey: ['monitoring-stats', 'dashboard', q],
    queryFn: () => coalesced(qs, () => api<DashboardData>('GET', `/api/monitoring/dashboard?${qs}`)),
    placeholderData: keepPreviousData,
    staleTime: MIN_INTERVAL_MS,
    // Preset ranges end "now": move the window along even when nothing new arrives.
    refetchInterval: 60_000,
  });
};

/** A topic as GET /api/topics lists it (the fields the selector needs). */
export type TopicOption = { id: string; name: string; archived: boolean };

/** The organisation's topics (same key and data as the topics area, so the cache is shared). */
export const topicOptionsQuery = queryOptions({
  queryKey: ['topics'],
  queryFn: ({ signal }) => api<TopicOption[]>('GET', '/api/topics', undefined, { signal }),
});
