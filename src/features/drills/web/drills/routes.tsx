// (being built) Routes of the drills feature's drills screens under the app shell.
import type { AnyRoute } from '@tanstack/react-router';

/** This area's routes. */
export function drillsRoutes(_appRoute: AnyRoute): AnyRoute[] {
  return [];
}
