// One server per data directory: a lock file with the owner's pid, taken over only when that pid is gone.
import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {}

/** What a running server publishes about itself beside its lock (read by the CLI). */
export type ServerState = { pid: number; pgPort?: number; url?: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the lock's owner if that process is still alive. */
export function lockOwner(dataDir: string): ServerState | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'firebreak.lock'), 'utf8')) as ServerState;
    return state.pid && alive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data directory lock or throws DataDirLockedError naming the holder. */
export function acquireDataLock(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'firebreak.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid }));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        update(state: Omit<ServerState, 'pid'>) {
          const tmp = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify({ pid: process.pid, ...state }));
          fs.renameSync(tmp, file);
        },
        release() {
          if (released) return;
          released = true;
          try {
            const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerState;
            if (cur.pid === process.pid) fs.rmSync(file, { force: true });
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = lockOwner(dataDir);
      if (owner && owner.pid !== process.pid) {
        throw new DataDirLockedError(
          `Another Firebreak process (pid ${owner.pid}) is already using the data directory ${dataDir}.` +
            (owner.url ? ` It serves ${owner.url}.` : '') +
            ' Stop it first, or set FIREBREAK_DATA_DIR to another directory.',
        );
      }
      fs.rmSync(file, { force: true }); // stale: its owner died without releasing it
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}`);
}
