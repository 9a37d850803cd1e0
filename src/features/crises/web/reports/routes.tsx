// Routes of Employee reports (通報): the report form, my reports, the triage queue.
import type { AnyRoute } from '@tanstack/react-router';

/** Routes under the app shell. */
export function reportsRoutes(_appRoute: AnyRoute): AnyRoute[] {
  return [];
}
