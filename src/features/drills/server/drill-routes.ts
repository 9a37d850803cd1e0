// (being built) routes of the drills feature.
import type { Router } from '../../../platform/http.ts';
import type { DrillDeps } from './deps.ts';

/** Registers this file's routes. */
export function registerDrillRoutes(_r: Router, _deps: DrillDeps) {}
