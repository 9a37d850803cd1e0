// Import routes: CSV/NDJSON upload, column mapping, dry run, run, progress.
import type { Router } from '../../../platform/http.ts';
import type { MonitoringDeps } from './deps.ts';

/** Registers the import routes. */
export function registerImportRoutes(_r: Router, _deps: MonitoringDeps) {}
