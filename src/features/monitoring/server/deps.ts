// What the monitoring services need: the database, the clock, and the validated configuration.
import type { Config } from '../../../platform/config.ts';
import type { IngestDeps } from './ingest.ts';

/** Dependencies of every monitoring route and job. */
export type MonitoringDeps = IngestDeps & { config: Config };
