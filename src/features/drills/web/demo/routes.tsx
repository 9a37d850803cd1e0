// (being built) Routes of the drills feature's demo screens under the app shell.
import type { AnyRoute } from '@tanstack/react-router';

/** This area's routes. */
export function demoRoutes(_appRoute: AnyRoute): AnyRoute[] {
  return [];
}
