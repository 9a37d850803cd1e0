// Routes of the monitoring sources area, mounted under /monitoring by ../routes.tsx.
import type { AnyRoute } from '@tanstack/react-router';

/** The sources routes under the monitoring layout route. */
export function sourcesRoutes(_layout: AnyRoute): AnyRoute[] {
  return [];
}
