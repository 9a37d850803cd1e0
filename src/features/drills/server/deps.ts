// What the drills services need: the database, the clock, and the ingest hook (each batch the player ingests
// queues an early-warning tick, exactly as a live source's batch does).
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';

export type DrillDeps = {
  db: Db;
  clock: Clock;
  onIngested?: (tx: Executor, orgId: string, accepted: number) => Promise<void>;
  /** Where the shipped scenario files are (`<project>/scenarios`); tests may point elsewhere. */
  scenariosDir: string;
  /** May a demo workspace be opened (first run, or `npm start -- --demo`)? */
  demo?: { allowed: boolean };
};
