// The crisis screens' URL search parameters: the list's filter (?status=closed) and the declare form's alert (?alertId=…).
import type { CrisisFilter } from './queries.ts';

/** The list's filter as it appears in the URL. */
export type CrisesSearch = { status?: CrisisFilter };

/** The declare form's hand-off from an alert. */
export type DeclareSearch = { alertId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only a known filter (the default, active, is left out of the URL). */
export function validateCrisesSearch(search: Record<string, unknown>): CrisesSearch {
  return search.status === 'closed' || search.status === 'all' ? { status: search.status } : {};
}

/** Keeps the alert id only when it looks like one. */
export function validateDeclareSearch(search: Record<string, unknown>): DeclareSearch {
  return typeof search.alertId === 'string' && UUID.test(search.alertId) ? { alertId: search.alertId } : {};
}
