// Routes of employee briefings and the crisis answer book (placeholder until they land).
import type { AnyRoute } from '@tanstack/react-router';

/** /briefings and /crises/$crisisId/answers. */
export function briefingsRoutes(_appRoute: AnyRoute): AnyRoute[] {
  return [];
}
