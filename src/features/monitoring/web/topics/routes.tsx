// Routes of the monitoring topics area, mounted under /monitoring by ../routes.tsx.
import type { AnyRoute } from '@tanstack/react-router';

/** The topics routes under the monitoring layout route. */
export function topicsRoutes(_layout: AnyRoute): AnyRoute[] {
  return [];
}
