// Routes of the monitoring mentions area, mounted under /monitoring by ../routes.tsx.
import type { AnyRoute } from '@tanstack/react-router';

/** The mentions routes under the monitoring layout route. */
export function mentionsRoutes(_layout: AnyRoute): AnyRoute[] {
  return [];
}
