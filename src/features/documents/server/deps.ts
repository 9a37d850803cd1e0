// What the documents services need: the database, the clock, where uploaded bytes live, and whether the safe
// fetcher may reach private addresses (tests only, for their loopback servers).
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';

export type DocumentDeps = {
  db: Db;
  clock: Clock;
  /** The data directory; attachments go under `<dataDir>/files`. */
  dataDir: string;
  /** Private hosts the safe fetcher may reach (FIREBREAK_FETCH_ALLOW_PRIVATE; tests list 127.0.0.1). */
  allowPrivateFetch: string[];
};
