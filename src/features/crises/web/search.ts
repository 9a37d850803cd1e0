// The crisis screens' URL search parameters: the list's filter (?status=closed) and the declare form's alert or report (?alertId=…, ?reportId=…).
import type { CrisisFilter } from './queries.ts';

/** The list's filter as it appears in the URL. */
export type CrisesSearch = { status?: CrisisFilter };

/** The declare form's hand-off from an alert or an employee report. */
export type DeclareSearch = { alertId?: string; reportId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only a known filter (the default, active, is left out of the URL). */
export function validateCrisesSearch(search: Record<string, unknown>): CrisesSearch {
  return search.status === 'closed' || search.status === 'all' ? { status: search.status } : {};
}

/** Keeps the alert and report ids only when they look like ones. */
export function validateDeclareSearch(search: Record<string, unknown>): DeclareSearch {
  const out: DeclareSearch = {};
  if (typeof search.alertId === 'string' && UUID.test(search.alertId)) out.alertId = search.alertId;
  if (typeof search.reportId === 'string' && UUID.test(search.reportId)) out.reportId = search.reportId;
  return out;
}
