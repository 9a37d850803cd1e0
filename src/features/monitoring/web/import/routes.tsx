// Routes of the monitoring import area, mounted under /monitoring by ../routes.tsx.
import type { AnyRoute } from '@tanstack/react-router';

/** The import routes under the monitoring layout route. */
export function importRoutes(_layout: AnyRoute): AnyRoute[] {
  return [];
}
