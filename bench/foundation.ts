// Foundation benchmark: start-up time, idle memory, sign-in latency and live-update delivery latency of a
// real `firebreak start` on this machine, with raw WebSocket and NOTIFY/LISTEN figures as reference.
// Prints one JSON object to stdout; progress goes to stderr. Run: node bench/foundation.ts
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';

const root = path.resolve(import.meta.dirname, '..');
const CLIENTS = 200;
const CHANGES = 50;
const CHANGE_GAP_MS = 100;
const SIGN_INS = 100;
const PASSWORD = 'bench password 1234';
const EMAIL = 'bench@example.com';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
}
const stats = (v: number[]) => ({
  n: v.length,
  p50: pct(v, 50),
  p95: pct(v, 95),
  p99: pct(v, 99),
  max: round(Math.max(...v)),
  mean: round(v.reduce((a, b) => a + b, 0) / v.length),
});

// ---------------------------------------------------------------------------------------------------
// The server process

type Server = {
  child: ChildProcess;
  pid: number;
  url: string;
  spawnToListeningMs: number;
  reportedReadyMs: number;
  exit: Promise<number | null>;
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-bench-'));
let current: Server | undefined;

function startServer(): Promise<Server> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('FIREBREAK_') && k !== 'DATABASE_URL') env[k] = v;
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    FIREBREAK_DATA_DIR: dataDir,
    FIREBREAK_BUILD_WEB: '0',
    FIREBREAK_LOG_LEVEL: 'warn',
    FIREBREAK_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const t0 = performance.now();
  const child = spawn(process.execPath, ['src/cli/main.ts', 'start'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let out = '';
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 90 s\n${out}\n${err}`)), 90_000);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = out.match(/Firebreak is listening on (\S+) \(ready in (\d+) ms/);
      if (m && !current) {
        clearTimeout(timer);
        current = {
          child,
          pid: child.pid ?? 0,
          url: m[1],
          spawnToListeningMs: round(performance.now() - t0, 0),
          reportedReadyMs: Number(m[2]),
          exit,
        };
        resolve(current);
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      if (!current) reject(new Error(`server exited (${code}) before listening\n${out}\n${err}`));
    });
  });
}

async function stopServer() {
  const s = current;
  if (!s) return;
  process.kill(s.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([s.exit, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 15_000)))]);
  clearTimeout(timer);
  if (code === 'timeout') {
    process.kill(-s.pid, 'SIGKILL');
    await s.exit;
  }
  current = undefined;
}

// ---------------------------------------------------------------------------------------------------
// HTTP over node:http, so each request can come from its own loopback address: POST /api/session has a
// per-IP limit of 30 a minute (fixed, independent of FIREBREAK_RATE_LIMIT_PER_MINUTE).

let ipCounter = 0;
const nextSourceIp = () => {
  const n = ipCounter++;
  return `127.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;
};

function request(
  base: string,
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<{ status: number; body: any; setCookie: string[] }> {
  const u = new URL(p, base);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method,
        localAddress,
        agent: false,
        timeout: 15_000,
        headers: { 'x-requested-with': 'firebreak', ...(data ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON
          }
          const sc = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, body: parsed, setCookie: sc });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${p} timed out`)));
    req.on('error', reject);
    req.end(data);
  });
}

async function signIn(base: string): Promise<{ cookie: string; ms: number }> {
  const ip = nextSourceIp();
  const t0 = performance.now();
  const r = await request(base, 'POST', '/api/session', { email: EMAIL, password: PASSWORD }, {}, ip);
  const ms = performance.now() - t0;
  if (r.status !== 201) throw new Error(`sign-in from ${ip} failed: ${r.status} ${JSON.stringify(r.body)}`);
  const cookie = r.setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('firebreak_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, ms };
}

// ---------------------------------------------------------------------------------------------------
// Memory

function rssKb(pid: number, field = 'VmRSS'): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : 0;
}
function pssKb(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
function postgresPids(): number[] {
  const pm = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pm)], { encoding: 'utf8' })
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  return [pm, ...children];
}
function memory() {
  const node = current?.pid ?? 0;
  const pgPids = postgresPids();
  const mb = (kb: number) => round(kb / 1024, 1);
  return {
    nodeRssMB: mb(rssKb(node)),
    nodePssMB: mb(pssKb(node)),
    postgresProcesses: pgPids.length,
    postgresRssSumMB: mb(pgPids.reduce((a, p) => a + rssKb(p), 0)),
    postgresPssSumMB: mb(pgPids.reduce((a, p) => a + pssKb(p), 0)),
  };
}

// ---------------------------------------------------------------------------------------------------
// References: raw ws round trip and fan-out, raw NOTIFY -> LISTEN

async function wsReference() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const port = (wss.address() as { port: number }).port;
  wss.on('connection', (s) => s.on('message', (m) => s.send(m)));
  const c = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => c.once('open', r));
  const rtts: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    await new Promise<void>((r) => {
      c.once('message', () => r());
      c.send(String(i));
    });
    if (i >= 100) rtts.push(performance.now() - t0); // skip warm-up
  }
  c.close();
  // Fan-out to as many clients as the Firebreak run, same message sizes, same cadence.
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const s = new WebSocket(`ws://127.0.0.1:${port}`);
      await new Promise((r) => s.once('open', r));
      return s;
    }),
  );
  while (wss.clients.size < CLIENTS) await sleep(10);
  const lat: number[] = [];
  const sent: number[] = [];
  for (const s of clients) s.on('message', (m) => lat.push(performance.now() - sent[Number(String(m).split(':')[0])]));
  const payload = JSON.stringify({
    type: 'event',
    room: 'org:x',
    event: { type: 'department.updated', id: 'x', subject: 'department', version: 1 },
  });
  for (let i = 0; i < CHANGES; i++) {
    sent[i] = performance.now();
    for (const s of wss.clients) s.send(`${i}:${payload}`);
    await sleep(CHANGE_GAP_MS / 5);
  }
  await sleep(200);
  for (const s of clients) s.close();
  await new Promise((r) => wss.close(r));
  return { roundTrip: stats(rtts), broadcast: { clients: CLIENTS, messages: CHANGES, delivered: lat.length, ...stats(lat) } };
}

async function notifyReference(url: string) {
  const listener = new pg.Client({ connectionString: url });
  const notifier = new pg.Client({ connectionString: url });
  await listener.connect();
  await notifier.connect();
  await listener.query('LISTEN bench_reference');
  const lat: number[] = [];
  for (let i = 0; i < 300; i++) {
    const got = new Promise<void>((r) => listener.once('notification', () => r()));
    const t0 = performance.now();
    await notifier.query(`SELECT pg_notify('bench_reference', $1)`, [String(i)]);
    await got;
    if (i >= 50) lat.push(performance.now() - t0);
  }
  await listener.end();
  await notifier.end();
  return stats(lat);
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const began = performance.now();
  const result: Record<string, unknown> = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
      node: process.versions.node,
      platform: `${os.platform()}-${os.arch()}`,
      kernel: os.release(),
    },
  };

  log('cold start (initdb, migrations)…');
  const cold = await startServer();
  const coldResult = { spawnToListeningMs: cold.spawnToListeningMs, reportedReadyMs: cold.reportedReadyMs };
  await stopServer();
  const warm: Array<{ spawnToListeningMs: number; reportedReadyMs: number }> = [];
  for (let i = 0; i < 3; i++) {
    log(`warm start ${i + 1}/3…`);
    const s = await startServer();
    warm.push({ spawnToListeningMs: s.spawnToListeningMs, reportedReadyMs: s.reportedReadyMs });
    if (i < 2) await stopServer();
  }
  result.startup = {
    firstRun: coldResult,
    secondRun: warm[0],
    laterRuns: warm.slice(1),
    note: 'spawnToListeningMs = from spawning `node src/cli/main.ts start` to its "listening" line; reportedReadyMs = the server\'s own figure (excludes Node start-up and module loading).',
  };
  const server = current as Server;
  const base = server.url;

  const setup = await request(base, 'POST', '/api/setup', {
    orgName: 'Bench 株式会社',
    name: 'Bench',
    email: EMAIL,
    password: PASSWORD,
    locale: 'zh-TW',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);

  log('idle 5 s for memory…');
  await sleep(5000);
  const idleMemory = memory();

  log(`${SIGN_INS} sequential sign-ins…`);
  const signInMs: number[] = [];
  for (let i = 0; i < SIGN_INS; i++) signInMs.push((await signIn(base)).ms);
  result.signIn = { ...stats(signInMs), unit: 'ms', hashing: 'argon2id m=19456 KiB t=2 p=1 (production cost)' };

  log(`${CLIENTS} sessions and sockets…`);
  const cookies: string[] = [];
  for (let i = 0; i < CLIENTS; i++) cookies.push((await signIn(base)).cookie);
  const session = await request(base, 'GET', '/api/session', undefined, { cookie: cookies[0] });
  const orgId: string = session.body.org.id;
  const csrf: string = session.body.csrfToken;
  const depts = await request(base, 'GET', '/api/departments', undefined, { cookie: cookies[0] });
  const deptId: string = depts.body[0].id;
  const room = `org:${orgId}`;

  type Receipt = { version: number; at: number };
  const receipts: Receipt[][] = [];
  const sockets: WebSocket[] = [];
  const wsUrl = `${base.replace(/^http/, 'ws')}/api/live`;
  for (let batch = 0; batch < CLIENTS; batch += 25) {
    await Promise.all(
      cookies.slice(batch, batch + 25).map(async (cookie, k) => {
        const idx = batch + k;
        receipts[idx] = [];
        const ws = new WebSocket(wsUrl, { headers: { cookie } });
        sockets[idx] = ws;
        await new Promise<void>((resolve, reject) => {
          ws.on('error', reject);
          ws.on('message', (raw) => {
            const at = performance.now();
            const m = JSON.parse(String(raw));
            if (m.type === 'hello') ws.send(JSON.stringify({ type: 'subscribe', rooms: [room] }));
            else if (m.type === 'subscribed') resolve();
            else if (m.type === 'denied') reject(new Error(`denied ${m.room}`));
            else if (m.type === 'event' && m.event.type === 'department.updated' && m.event.id === deptId) {
              receipts[idx].push({ version: m.event.version, at });
            }
          });
        });
      }),
    );
  }
  log(`${CHANGES} changes, ${CHANGE_GAP_MS} ms apart…`);
  const sendAt: number[] = [];
  const patchMs: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const t0 = performance.now();
    sendAt.push(t0);
    const r = await request(
      base,
      'PATCH',
      `/api/departments/${deptId}`,
      { name: `危機公關部 ${i}` },
      { cookie: cookies[0], 'x-csrf-token': csrf },
    );
    if (r.status !== 200) throw new Error(`PATCH failed: ${r.status} ${JSON.stringify(r.body)}`);
    patchMs.push(performance.now() - t0);
    const wait = t0 + CHANGE_GAP_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const expected = CLIENTS * CHANGES;
  const deadline = performance.now() + 5000;
  while (receipts.reduce((a, r) => a + r.length, 0) < expected && performance.now() < deadline) await sleep(20);

  // Which event version each PATCH produced: the department.updated events for that department, in order.
  const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'firebreak.lock'), 'utf8')) as { pgPort: number };
  const pgPassword = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  const pgUrl = `postgres://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${lock.pgPort}/firebreak`;
  const q = new pg.Client({ connectionString: pgUrl });
  await q.connect();
  const versions = (
    await q.query<{ id: string }>(`SELECT id FROM events WHERE type = 'department.updated' AND subject_id = $1 ORDER BY id`, [deptId])
  ).rows.map((r) => Number(r.id));
  await q.end();
  const patchOf = new Map(versions.map((v, i) => [v, i]));
  const lat: number[] = [];
  let unmatched = 0;
  for (const list of receipts) {
    for (const r of list) {
      const j = patchOf.get(r.version);
      if (j === undefined) unmatched++;
      else lat.push(r.at - sendAt[j]);
    }
  }
  const delivered = receipts.reduce((a, r) => a + r.length, 0);
  const withSockets = memory();
  for (const s of sockets) s.close();

  result.memory = {
    idle: idleMemory,
    with200Sockets: withSockets,
    note: 'RSS sums over PostgreSQL processes count shared memory once per process; PSS splits it fairly.',
  };
  result.live = {
    clients: CLIENTS,
    changes: CHANGES,
    expected,
    delivered,
    unmatched,
    latencyMs: stats(lat),
    patchResponseMs: stats(patchMs),
    note: 'latency = from just before sending the PATCH to each client receiving the event; clients run in the benchmark process.',
  };

  log('reference: raw ws and NOTIFY/LISTEN…');
  result.reference = {
    rawWebSocketMs: await wsReference(),
    postgresNotifyToListenMs: await notifyReference(pgUrl),
  };

  await stopServer();
  result.totalRuntimeS = round((performance.now() - began) / 1000, 1);
  return result;
}

try {
  const result = await main();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} catch (e) {
  log(`failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
} finally {
  if (current) {
    try {
      process.kill(-current.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  // The server's watcher stops an orphaned PostgreSQL; wait for it before deleting the directory.
  for (let i = 0; i < 50 && fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')); i++) await sleep(200);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
