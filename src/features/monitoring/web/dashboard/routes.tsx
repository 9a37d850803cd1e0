// Routes of the monitoring dashboard area, mounted under /monitoring by ../routes.tsx.
import type { AnyRoute } from '@tanstack/react-router';

/** The dashboard routes under the monitoring layout route. */
export function dashboardRoutes(_layout: AnyRoute): AnyRoute[] {
  return [];
}
