// What the documents services need: the database, the clock, where uploaded bytes live, and which private hosts
// the safe fetcher may reach (tests: their loopback servers).
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { FileStore } from '../../../platform/files.ts';

export type DocumentDeps = {
  db: Db;
  clock: Clock;
  /** The data directory (temporary files). */
  dataDir: string;
  /** Where attachments' bytes live (`<dataDir>/files` or the configured bucket): `fileStoreFor(config)`. */
  files: FileStore;
  /** Private hosts the safe fetcher may reach (FIREBREAK_FETCH_ALLOW_PRIVATE; tests list 127.0.0.1). */
  allowPrivateFetch: string[];
  /** The Chromium executable for automatic evidence screenshots (FIREBREAK_CAPTURE_BROWSER), or undefined: off. */
  captureBrowser?: string;
};
