// The inbox's URL search parameters (?status=open&topicId=…), so a filtered inbox can be shared and bookmarked.
import type { AlertFilter } from './queries.ts';

/** The inbox's filters as they appear in the URL. */
export type AlertsSearch = { status?: AlertFilter; topicId?: string };

const statuses: readonly string[] = ['active', 'open', 'acknowledged', 'dismissed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only valid filters (an unknown status or a malformed topic id is dropped, not an error). */
export function validateAlertsSearch(search: Record<string, unknown>): AlertsSearch {
  const out: AlertsSearch = {};
  if (typeof search.status === 'string' && statuses.includes(search.status) && search.status !== 'active')
    out.status = search.status as AlertFilter;
  if (typeof search.topicId === 'string' && UUID.test(search.topicId)) out.topicId = search.topicId;
  return out;
}
