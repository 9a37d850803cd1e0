// Routes of The room's pulse: live metrics of the crisis's topics, who is online, situation reports.
import type { AnyRoute } from '@tanstack/react-router';

/** Routes under the app shell. */
export function pulseRoutes(_appRoute: AnyRoute): AnyRoute[] {
  return [];
}
