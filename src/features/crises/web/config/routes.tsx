// Routes of Crisis configuration: playbooks (edit, import, export), the grading matrix, crisis types and team roles.
import type { AnyRoute } from '@tanstack/react-router';

/** Routes under the app shell. */
export function configRoutes(_appRoute: AnyRoute): AnyRoute[] {
  return [];
}
