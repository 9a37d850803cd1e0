// Process-level test harness: spawns the real `firebreak` CLI as a separate process group, reads its
// output, and cleans up every process, embedded PostgreSQL and temp directory it made, even on failure.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach } from 'node:test';
import WebSocket from 'ws';

/** The project root; spawned commands run here. */
export const root = path.resolve(import.meta.dirname, '../..');

/** How a process ended. */
export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A spawned Firebreak process. */
export type FirebreakProcess = {
  child: ChildProcess;
  pid: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitedWith: Exit | undefined;
  /** Resolves with the exit status; rejects after `ms`. */
  waitExit(ms: number): Promise<Exit>;
  /** Resolves with the first match in stdout; rejects if the process exits first or after `ms`. */
  waitForOutput(re: RegExp, ms: number): Promise<RegExpMatchArray>;
  /** Waits for "Firebreak is listening on <url>" and returns the URL. */
  waitForUrl(ms?: number): Promise<string>;
  /** Sends a signal to the process, or to its whole process group (what Ctrl-C in a terminal does). */
  signal(sig: NodeJS.Signals, group?: boolean): void;
  /** SIGKILLs the whole process group and waits for the process to be reaped. */
  killGroup(): Promise<void>;
};

const live = new Set<FirebreakProcess>();
const dirs = new Set<string>();

// Last resort if the test process itself exits abruptly: do not leave detached servers behind.
process.on('exit', () => {
  for (const p of live) {
    if (!p.exitedWith) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
});

/** The environment for a spawned command: the parent's, minus anything Firebreak or the test runner reads. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('FIREBREAK_') || k.startsWith('NODE_TEST') || ['DATABASE_URL', 'PORT', 'HOST'].includes(k)) continue;
    env[k] = v;
  }
  return { ...env, PORT: '0', HOST: '127.0.0.1', FIREBREAK_BUILD_WEB: '0', FIREBREAK_LOG_LEVEL: 'warn', ...extra };
}

/** Spawns `node src/cli/main.ts <args>` in its own process group. */
export function spawnFirebreak(args: string[], env: Record<string, string> = {}, opts: { stdin?: string } = {}): FirebreakProcess {
  const child = spawn(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env: childEnv(env),
    detached: true,
    stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
  let stdout = '';
  let stderr = '';
  let exitedWith: Exit | undefined;
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const w of [...waiters]) w();
  };
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    poke();
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    poke();
  });
  // 'close' (not 'exit'): all output has been read by then.
  const exit = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      exitedWith = { code, signal };
      live.delete(p);
      resolve(exitedWith);
      poke();
    });
  });
  const describe = () => `\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
  const p: FirebreakProcess = {
    child,
    pid: child.pid ?? 0,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    get exitedWith() {
      return exitedWith;
    },
    waitExit(ms) {
      return withTimeout(exit, ms, () => `process ${args.join(' ')} did not exit within ${ms} ms${describe()}`);
    },
    waitForOutput(re, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = stdout.match(re);
          if (m) return done(() => resolve(m));
          if (exitedWith)
            return done(() => reject(new Error(`process exited (${JSON.stringify(exitedWith)}) before printing ${re}${describe()}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${re} within ${ms} ms${describe()}`))), ms);
        const done = (f: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          f();
        };
        waiters.add(check);
        check();
      });
    },
    async waitForUrl(ms = 60_000) {
      const m = await p.waitForOutput(/Firebreak is listening on (http:\/\/\S+)/, ms);
      return m[1];
    },
    signal(sig, group = false) {
      try {
        process.kill(group ? -p.pid : p.pid, sig);
      } catch {
        // already gone
      }
    },
    async killGroup() {
      if (exitedWith) {
        // the leader is gone; members of its group (e.g. initdb) may not be
        try {
          process.kill(-p.pid, 'SIGKILL');
        } catch {
          // none left
        }
        return;
      }
      p.signal('SIGKILL', true);
      await withTimeout(exit, 10_000, () => `process ${p.pid} survived SIGKILL`);
    },
  };
  live.add(p);
  return p;
}

/** Runs a CLI command to completion. */
export async function runCli(args: string[], env: Record<string, string> = {}, opts: { stdin?: string; timeoutMs?: number } = {}) {
  const p = spawnFirebreak(args, env, { stdin: opts.stdin });
  const t0 = Date.now();
  const exit = await p.waitExit(opts.timeoutMs ?? 30_000);
  return { code: exit.code, signal: exit.signal, stdout: p.stdout, stderr: p.stderr, ms: Date.now() - t0 };
}

/** A fresh temp directory, deleted after the test. */
export function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-proc-'));
  dirs.add(dir);
  return dir;
}

/** Pids of PostgreSQL postmasters running on `<dataDir>/postgres`. */
export function postmasterPids(dataDir: string): number[] {
  const pgdata = path.join(dataDir, 'postgres');
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of out.split('\n')) {
    const [pid, ...argv] = line.trim().split(/\s+/);
    const i = argv.indexOf('-D');
    if (i >= 0 && argv[i + 1] === pgdata && !argv[0].endsWith('sh')) pids.push(Number(pid));
  }
  return pids;
}

/** Polls `cond` every 100 ms until it holds or `ms` pass; returns whether it held. */
export async function waitFor(cond: () => boolean | Promise<boolean>, ms: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() >= end) return false;
    await sleep(everyMs);
  }
}

/** Sleeps. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rejects with `message()` if `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message())), ms);
    }),
  ]);
}

/** Kills every process this file spawned and removes its temp directories (and any postgres left in them). */
export async function cleanUp() {
  await Promise.all([...live].map((p) => p.killGroup().catch(() => {})));
  for (const dir of [...dirs]) {
    // The watcher stops an orphaned postmaster within about a second; give it a moment, then insist.
    if (!(await waitFor(() => postmasterPids(dir).length === 0, 5000))) {
      for (const pid of postmasterPids(dir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      await waitFor(() => postmasterPids(dir).length === 0, 3000);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  }
}

/** Installs afterEach/after hooks that run cleanUp (they run on failure too). */
export function cleanUpAfterEachTest() {
  afterEach(cleanUp);
  after(cleanUp);
}

/** fetch with a 10 s bound, parsing JSON. */
export async function http<T = any>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { 'x-requested-with': 'firebreak', ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/** The `firebreak_session=…` pair from a response's Set-Cookie. */
export function sessionCookie(headers: Headers): string {
  const pair = headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('firebreak_session='));
  if (!pair) throw new Error('no session cookie');
  return pair;
}

/** A WebSocket client that records what it receives. */
export type LiveSocket = {
  ws: WebSocket;
  messages: any[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first message (already received or arriving) matching `pred`. */
  next(pred: (m: any) => boolean, ms?: number): Promise<any>;
  send(m: unknown): void;
};

/** Opens ws://…/api/live with an optional cookie. */
export function openLive(baseUrl: string, cookie?: string): LiveSocket {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, { headers: cookie ? { cookie } : {} });
  const messages: any[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)));
    for (const w of [...waiters]) w();
  });
  ws.on('error', () => {}); // surfaces as 'close'
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
  return {
    ws,
    messages,
    closed,
    send(m) {
      if (ws.readyState === ws.CONNECTING) ws.once('open', () => ws.send(JSON.stringify(m)));
      else ws.send(JSON.stringify(m));
    },
    next(pred, ms = 5000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < messages.length; seen++) {
            if (pred(messages[seen])) {
              clearTimeout(timer);
              waiters.delete(check);
              resolve(messages[seen]);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live message within ${ms} ms; got ${JSON.stringify(messages)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
  };
}
