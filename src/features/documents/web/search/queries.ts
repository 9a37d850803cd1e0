// Search data: one query key family ('search') for the header box and the /search page, and the URL state of
// the page's filters.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { ApiError, api } from '../../../../web/api.ts';
import { errorMessage } from '../../../../web/errors.ts';
import { type Classification, classifications, type SearchKind, type SearchResult, searchKinds } from '../../contract.ts';

/** What a search asks for (the /search page's URL state too). */
export type SearchParams = {
  q: string;
  kinds?: SearchKind[];
  crisisId?: string;
  classification?: Classification;
  /** yyyy-mm-dd in the browser's zone. */
  from?: string;
  to?: string;
  page?: number;
};

/** Hits per page on /search, and in the header's dropdown. */
export const PAGE_SIZE = 20;
export const BOX_LIMIT = 8;

/** The first day's start and the last day's end (local time) as ISO instants. */
function dayBound(day: string, end: boolean): string | undefined {
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The query string of GET /api/search for these parameters. */
export function searchUrl(p: SearchParams, limit: number): string {
  const q = new URLSearchParams({ q: p.q, limit: String(limit) });
  if (p.kinds?.length) q.set('kinds', p.kinds.join(','));
  if (p.crisisId) q.set('crisisId', p.crisisId);
  if (p.classification) q.set('classification', p.classification);
  const from = p.from ? dayBound(p.from, false) : undefined;
  const to = p.to ? dayBound(p.to, true) : undefined;
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const page = p.page ?? 1;
  if (page > 1) q.set('offset', String((page - 1) * limit));
  return `/api/search?${q}`;
}

/** One search; the previous answer stays on screen while the next one loads (no flicker while typing). */
export const searchQuery = (p: SearchParams, limit = PAGE_SIZE) =>
  queryOptions({
    queryKey: ['search', p, limit] as const,
    queryFn: ({ signal }) => api<SearchResult>('GET', searchUrl(p, limit), undefined, { signal }),
    enabled: p.q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });

const isKind = (k: string): k is SearchKind => (searchKinds as readonly string[]).includes(k);
const isClassification = (c: unknown): c is Classification => (classifications as readonly unknown[]).includes(c);
const isDay = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** Reads /search's URL parameters, dropping anything malformed. */
export function parseSearchParams(s: Record<string, unknown>): SearchParams {
  const kinds = typeof s.kinds === 'string' ? s.kinds.split(',').filter(isKind) : [];
  const page = Number(s.page);
  return {
    q: typeof s.q === 'string' ? s.q : '',
    ...(kinds.length ? { kinds } : {}),
    ...(typeof s.crisisId === 'string' && /^[0-9a-f-]{36}$/i.test(s.crisisId) ? { crisisId: s.crisisId } : {}),
    ...(isClassification(s.classification) ? { classification: s.classification } : {}),
    ...(isDay(s.from) ? { from: s.from } : {}),
    ...(isDay(s.to) ? { to: s.to } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

/** A count as shown: "1000+" once counting stopped at the cap. */
export function formatCount(n: number, cap: number): string {
  return n >= cap ? `${cap}+` : String(n);
}

/** A failed search in words: a too-long query says so (its problem also names the field, which would read as a generic form error). */
export function searchErrorMessage(err: unknown, t: TFunction): string {
  return err instanceof ApiError && err.code === 'query_too_long' ? t('errors.query_too_long') : errorMessage(err, t);
}
