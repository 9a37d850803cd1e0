// (being built) The scenario player: plays runs into their organisations through the real ingest pipeline.
import type { DrillDeps } from './deps.ts';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** The process's player loop: started by the server's start(), stopped by its close(). */
export function createPlayer(_deps: DrillDeps, _opts: { log?: Log } = {}) {
  return {
    start() {},
    async stop() {},
  };
}
