// `firebreak start` as a real process: embedded PostgreSQL lifecycle, locking, DATABASE_URL, bad
// configuration, unattended setup, database outages, kill -9, and live updates across two processes.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/platform/embedded-postgres.ts';
import { runMigrations } from '../../src/platform/migrate.ts';
import { createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { createTestDatabase } from '../helpers/db.ts';
import {
  cleanUpAfterEachTest,
  http,
  makeDataDir,
  openLive,
  postmasterPids,
  runCli,
  sessionCookie,
  sleep,
  spawnFirebreak,
  waitFor,
} from './harness.ts';

cleanUpAfterEachTest();

const T = { timeout: 60_000 };
const setupBody = (email: string) => ({ orgName: '炎上 對策 Co.', name: 'Ada Admin', email, password: PASSWORD, locale: 'zh-TW' });
const lockFile = (dir: string) => path.join(dir, 'firebreak.lock');
const NO_STACK = /^\s{4}at /m;

describe('embedded PostgreSQL lifecycle', () => {
  test('fresh data directory: starts, sets up, stops cleanly on SIGTERM; a restart reuses the data', T, async () => {
    const dir = makeDataDir();
    const first = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: dir });
    const url = await first.waitForUrl();
    assert.match(first.stdout, /Firebreak is listening on http:\/\/127\.0\.0\.1:\d+ \(ready in \d+ ms, embedded PostgreSQL\)/);
    assert.match(first.stdout, /Creating PostgreSQL cluster/);
    assert.ok(fs.existsSync(path.join(dir, 'postgres', 'PG_VERSION')), 'cluster lives in $FIREBREAK_DATA_DIR/postgres');
    assert.equal(postmasterPids(dir).length, 1);
    const lock = JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'));
    assert.equal(lock.pid, first.pid);
    assert.equal(lock.url, url);

    const health = await http(`${url}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok', database: 'ok', live: 'ok' });
    assert.deepEqual((await http(`${url}/api/setup`)).body, { needed: true });
    const setup = await http(`${url}/api/setup`, { method: 'POST', body: setupBody('ada@example.com') });
    assert.equal(setup.status, 201, JSON.stringify(setup.body));
    assert.match(sessionCookie(setup.headers), /^firebreak_session=[A-Za-z0-9_-]{43}$/);
    assert.deepEqual((await http(`${url}/api/setup`)).body, { needed: false });

    const t0 = Date.now();
    first.signal('SIGTERM');
    const exit = await first.waitExit(10_000);
    assert.deepEqual(exit, { code: 0, signal: null }, first.stderr);
    assert.ok(Date.now() - t0 < 10_000);
    assert.match(first.stdout, /Firebreak stopped\./);
    assert.deepEqual(postmasterPids(dir), [], 'PostgreSQL stopped with the server');
    assert.equal(fs.existsSync(lockFile(dir)), false, 'lock released');
    assert.equal(fs.existsSync(path.join(dir, 'postgres', 'postmaster.pid')), false, 'clean PostgreSQL shutdown');

    const second = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: dir });
    const url2 = await second.waitForUrl();
    assert.doesNotMatch(second.stdout, /Creating PostgreSQL cluster/, 'the existing cluster is reused');
    assert.deepEqual((await http(`${url2}/api/setup`)).body, { needed: false });
    const signIn = await http(`${url2}/api/session`, { method: 'POST', body: { email: 'ada@example.com', password: PASSWORD } });
    assert.equal(signIn.status, 201, JSON.stringify(signIn.body));
    const session = await http(`${url2}/api/session`, { headers: { cookie: sessionCookie(signIn.headers) } });
    assert.equal(session.body.org.name, '炎上 對策 Co.');
    assert.equal(session.body.user.role, 'admin');

    // The CLI joins the running server's cluster instead of starting another one.
    const verify = await runCli(['audit', 'verify'], { FIREBREAK_DATA_DIR: dir });
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /Audit chain intact: \d+ events verified/);
    assert.equal(postmasterPids(dir).length, 1);

    // Ctrl-C in a terminal: SIGINT reaches the whole process group, PostgreSQL included.
    second.signal('SIGINT', true);
    assert.deepEqual(await second.waitExit(10_000), { code: 0, signal: null }, second.stderr);
    assert.deepEqual(postmasterPids(dir), []);
    assert.equal(fs.existsSync(lockFile(dir)), false);
  });

  test('a second copy on the same data directory refuses to start; the first keeps working', T, async () => {
    const dir = makeDataDir();
    const first = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: dir });
    const url = await first.waitForUrl();
    const copy = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: dir });
    const exit = await copy.waitExit(20_000);
    assert.notEqual(exit.code, 0);
    assert.match(copy.stderr, /already using the data directory/);
    assert.ok(copy.stderr.includes(`pid ${first.pid}`), copy.stderr);
    assert.ok(copy.stderr.includes(url), 'names the URL the running copy serves');
    assert.doesNotMatch(copy.stderr, NO_STACK);
    assert.equal(first.exitedWith, undefined);
    assert.equal(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')).pid, first.pid, 'the lock still belongs to the first');
    assert.equal(postmasterPids(dir).length, 1, 'no second PostgreSQL');
    const health = await http(`${url}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(health.body.database, 'ok');
    assert.equal((await http(`${url}/api/setup`, { method: 'POST', body: setupBody('a@example.com') })).status, 201);
  });

  test('unattended install: FIREBREAK_ADMIN_EMAIL/PASSWORD set up the organisation on first start', T, async () => {
    const dir = makeDataDir();
    const p = spawnFirebreak(['start'], {
      FIREBREAK_DATA_DIR: dir,
      FIREBREAK_ADMIN_EMAIL: 'Ops@Example.com',
      FIREBREAK_ADMIN_PASSWORD: PASSWORD,
      FIREBREAK_ORG_NAME: '無人值守 Org',
    });
    const url = await p.waitForUrl();
    assert.match(p.stdout, /Created the organisation and admin ops@example\.com/);
    assert.deepEqual((await http(`${url}/api/setup`)).body, { needed: false });
    const r = await http(`${url}/api/session`, { method: 'POST', body: { email: 'ops@example.com', password: PASSWORD } });
    assert.equal(r.status, 201);
    const s = await http(`${url}/api/session`, { headers: { cookie: sessionCookie(r.headers) } });
    assert.equal(s.body.org.name, '無人值守 Org');
    assert.equal(s.body.user.role, 'admin');
    assert.equal((await http(`${url}/api/setup`, { method: 'POST', body: setupBody('x@example.com') })).status, 409);
  });
});

describe('DATABASE_URL', () => {
  test('uses the given database and creates no embedded cluster', T, async () => {
    const databaseUrl = await createTestDatabase();
    const dir = makeDataDir();
    const p = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: dir, DATABASE_URL: databaseUrl });
    const url = await p.waitForUrl();
    assert.doesNotMatch(p.stdout, /embedded PostgreSQL/);
    assert.equal(fs.existsSync(path.join(dir, 'postgres')), false, 'no embedded cluster');
    assert.equal(fs.existsSync(lockFile(dir)), false, 'no data directory lock');
    const health = await http(`${url}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok', database: 'ok', live: 'ok' });
    assert.equal((await http(`${url}/api/setup`, { method: 'POST', body: setupBody('dburl@example.com') })).status, 201);
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const r = await c.query('SELECT email FROM users');
      assert.deepEqual(
        r.rows.map((x) => x.email),
        ['dburl@example.com'],
        'the data went into DATABASE_URL',
      );
    } finally {
      await c.end();
    }
    p.signal('SIGTERM');
    assert.equal((await p.waitExit(10_000)).code, 0);
  });

  test('an unreachable database: a clear message, no stack trace, non-zero exit', T, async () => {
    const dir = makeDataDir();
    const t0 = Date.now();
    const r = await runCli(['start'], { FIREBREAK_DATA_DIR: dir, DATABASE_URL: 'postgres://x:y@127.0.0.1:1/nope' }, { timeoutMs: 15_000 });
    assert.ok(Date.now() - t0 < 15_000);
    assert.notEqual(r.code, 0);
    assert.equal(r.signal, null);
    assert.match(r.stderr, /Cannot reach the database/);
    assert.match(r.stderr, /postgres:\/\/x:\*\*\*@127\.0\.0\.1:1\/nope/, 'password masked');
    assert.doesNotMatch(r.stderr, NO_STACK);
    assert.doesNotMatch(r.stdout, /listening/);
  });
});

describe('configuration errors', () => {
  test('a bad variable is named, exit code 1, nothing starts', T, async () => {
    const cases = [
      ['PORT', { PORT: 'abc' }],
      ['FIREBREAK_ADMIN_EMAIL', { FIREBREAK_ADMIN_EMAIL: 'notanemail', FIREBREAK_ADMIN_PASSWORD: PASSWORD }],
      ['FIREBREAK_ADMIN_PASSWORD', { FIREBREAK_ADMIN_EMAIL: 'ops@example.com' }], // must be set together
      ['FIREBREAK_LOG_LEVEL', { FIREBREAK_LOG_LEVEL: 'loud' }],
      ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }],
    ] as const;
    const dirs = cases.map(() => makeDataDir());
    const results = await Promise.all(cases.map(([, env], i) => runCli(['start'], { FIREBREAK_DATA_DIR: dirs[i], ...env })));
    for (const [i, [name]] of cases.entries()) {
      const r = results[i];
      assert.equal(r.code, 1, `${name}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^Invalid configuration:/m, name);
      assert.match(r.stderr, new RegExp(`\\b${name}\\b`), `${name} named`);
      for (const [other] of cases) {
        if (other !== name && !(name === 'FIREBREAK_ADMIN_PASSWORD' && other === 'FIREBREAK_ADMIN_EMAIL')) {
          assert.ok(!r.stderr.includes(other), `${name}: does not blame ${other}`);
        }
      }
      assert.doesNotMatch(r.stderr, NO_STACK, name);
      assert.deepEqual(fs.readdirSync(dirs[i]), [], `${name}: no database, no lock`);
    }
  });
});

/** A TCP forwarder whose target can change: the server's DATABASE_URL points here across a cluster restart. */
async function startProxy() {
  let target = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    setTarget(port: number) {
      target = port;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('database lost while running', () => {
  test('answers 503 while PostgreSQL is down and recovers (HTTP and live updates) when it is back', T, async (t) => {
    const pgDir = makeDataDir();
    let cluster: EmbeddedPostgres | undefined = await startEmbeddedPostgres({ dataDir: pgDir });
    const proxy = await startProxy();
    t.after(async () => {
      await cluster?.stop();
      await proxy.close();
    });
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE lost');
    await admin.end();
    await runMigrations(cluster.url('lost'));
    proxy.setTarget(cluster.port);
    const viaProxy = new URL(cluster.url('lost'));
    viaProxy.port = String(proxy.port);

    const p = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: makeDataDir(), DATABASE_URL: viaProxy.toString() });
    // A failure below is usually the server having died: show what it printed.
    let finished = false;
    t.after(() => {
      if (!finished)
        t.diagnostic(
          `server exit ${JSON.stringify(p.exitedWith)}\n--- stdout ---\n${p.stdout.slice(-4000)}\n--- stderr ---\n${p.stderr.slice(-4000)}`,
        );
    });
    const url = await p.waitForUrl();
    const { admin: client, orgId } = await setUpOrg(url);
    const depts = await client.get('/api/departments');
    const live = openLive(url, client.cookie);
    await live.next((m) => m.type === 'hello');
    live.send({ type: 'subscribe', rooms: [`org:${orgId}`] });
    await live.next((m) => m.type === 'subscribed');

    await cluster.stop();
    cluster = undefined;
    const t0 = Date.now();
    const health = await http(`${url}/api/health`);
    assert.equal(health.status, 503);
    assert.equal(health.body.status, 'degraded');
    assert.equal(health.body.database, 'unreachable');
    const api = await http(`${url}/api/setup`);
    assert.equal(api.status, 503, p.stdout.slice(-3000));
    assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(api.body.code, 'database_unavailable');
    const write = await client.patch(`/api/departments/${depts.body[0].id}`, { name: 'x' });
    assert.equal(write.status, 503);
    assert.ok(Date.now() - t0 < 20_000, 'answers promptly, no hang');
    assert.equal(p.exitedWith, undefined, 'the server keeps running');

    cluster = await startEmbeddedPostgres({ dataDir: pgDir });
    proxy.setTarget(cluster.port);
    const back = await waitFor(async () => (await http(`${url}/api/health`)).status === 200, 15_000, 250);
    assert.ok(back, 'health is ok again within 15 s');
    assert.equal((await http(`${url}/api/setup`)).status, 200);
    assert.ok(await waitFor(async () => (await http(`${url}/api/health`)).body.live === 'ok', 15_000, 250), 'LISTEN reconnected');
    const renamed = await client.patch(`/api/departments/${depts.body[0].id}`, { name: '恢復' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const ev = await live.next((m) => m.type === 'event' && m.event.type === 'department.updated');
    assert.equal(ev.event.id, depts.body[0].id);
    assert.equal(p.exitedWith, undefined, 'the server never exited');
    live.ws.close();
    p.signal('SIGTERM');
    assert.equal((await p.waitExit(10_000)).code, 0);
    finished = true;
    await cluster.stop();
    cluster = undefined;
  });
});

describe('kill -9', () => {
  test('survives being killed at any moment: data intact, audit chain intact, no orphaned PostgreSQL', T, async () => {
    const dir = makeDataDir();
    const env = { FIREBREAK_DATA_DIR: dir };
    const first = spawnFirebreak(['start'], env);
    const url = await first.waitForUrl();
    const { admin, adminEmail } = await setUpOrg(url);
    const depts = (await admin.get('/api/departments')).body as Array<{ id: string }>;
    first.signal('SIGTERM');
    assert.equal((await first.waitExit(10_000)).code, 0);

    const kills: Array<{ label: string; run: (p: ReturnType<typeof spawnFirebreak>) => Promise<void> }> = [
      { label: 'at 0.3 s', run: () => sleep(300) },
      { label: 'at 1 s', run: () => sleep(1000) },
      { label: 'at 2.5 s, whole process group (PostgreSQL too)', run: () => sleep(2500) },
      {
        label: 'while writing',
        run: async (p) => {
          const u = await p.waitForUrl();
          const c = createClient(u);
          await c.signIn(adminEmail, PASSWORD);
          for (let i = 0; i < 6; i++) void c.patch(`/api/departments/${depts[i % depts.length].id}`, { name: `w${i}` }).catch(() => {});
          await sleep(30);
        },
      },
      {
        label: 'right after SIGTERM',
        run: async (p) => {
          await p.waitForUrl();
          p.signal('SIGTERM');
          await sleep(20);
        },
      },
    ];
    for (const [i, k] of kills.entries()) {
      const p = spawnFirebreak(['start'], env);
      await k.run(p);
      p.signal('SIGKILL', k.label.includes('whole process group'));
      await p.waitExit(10_000);
      assert.ok(
        await waitFor(() => postmasterPids(dir).length === 0, 5000),
        `kill #${i + 1} (${k.label}): the watcher stops PostgreSQL within a few seconds`,
      );
    }

    const last = spawnFirebreak(['start'], env);
    const url2 = await last.waitForUrl();
    const c = createClient(url2);
    await c.signIn(adminEmail, PASSWORD);
    const s = await c.get('/api/session');
    assert.equal(s.body.org.name, 'Acme 食品', 'the organisation survived');
    assert.equal(s.body.user.role, 'admin');
    last.signal('SIGTERM');
    assert.equal((await last.waitExit(10_000)).code, 0);

    const verify = await runCli(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /Audit chain intact/);
    assert.ok(await waitFor(() => postmasterPids(dir).length === 0, 5000), 'the CLI stopped the cluster it started');
    assert.equal(fs.existsSync(lockFile(dir)), false);
  });

  test('killed during first-run initialisation: the next start initialises a working cluster', T, async () => {
    const dir = makeDataDir();
    const env = { FIREBREAK_DATA_DIR: dir };
    const p = spawnFirebreak(['start'], env);
    await p.waitForOutput(/Creating PostgreSQL cluster/, 30_000);
    p.signal('SIGKILL', true); // initdb dies with it
    await p.waitExit(10_000);
    const again = spawnFirebreak(['start'], env);
    const url = await again.waitForUrl();
    assert.deepEqual((await http(`${url}/api/setup`)).body, { needed: true });
    assert.equal((await http(`${url}/api/setup`, { method: 'POST', body: setupBody('init@example.com') })).status, 201);
    again.signal('SIGTERM');
    assert.equal((await again.waitExit(10_000)).code, 0);
    assert.deepEqual(postmasterPids(dir), []);
  });
});

describe('two processes, one database', () => {
  test('a change made through one process reaches WebSocket clients of the other', T, async () => {
    const databaseUrl = await createTestDatabase();
    const a = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: makeDataDir(), DATABASE_URL: databaseUrl });
    const b = spawnFirebreak(['start'], { FIREBREAK_DATA_DIR: makeDataDir(), DATABASE_URL: databaseUrl });
    const [urlA, urlB] = await Promise.all([a.waitForUrl(), b.waitForUrl()]);
    assert.notEqual(urlA, urlB);

    const { admin, orgId, userWithRole } = await setUpOrg(urlA);
    const cookie = admin.cookie;
    const csrf = (await admin.get('/api/session')).body.csrfToken as string;
    const dept = (await admin.get('/api/departments')).body[0] as { id: string };

    const sock = openLive(urlB, cookie);
    assert.equal((await sock.next((m) => m.type === 'hello')).userId, (await admin.get('/api/session')).body.user.id);
    sock.send({ type: 'subscribe', rooms: [`org:${orgId}`] });
    assert.deepEqual(await sock.next((m) => m.type === 'subscribed'), { type: 'subscribed', room: `org:${orgId}` });

    const patched = await http(`${urlA}/api/departments/${dept.id}`, {
      method: 'PATCH',
      body: { name: '危機公關部' },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const ev = await sock.next((m) => m.type === 'event', 5000);
    assert.equal(ev.room, `org:${orgId}`);
    assert.equal(ev.event.type, 'department.updated');
    assert.equal(ev.event.id, dept.id);
    assert.equal(ev.event.subject, 'department');
    assert.equal(typeof ev.event.version, 'number');
    const fromB = await http(`${urlB}/api/departments`, { headers: { cookie } });
    assert.equal(fromB.body.find((d: { id: string }) => d.id === dept.id).name, '危機公關部', 'B reads what A wrote');

    // No cookie: refused with 4401.
    const anon = openLive(urlB);
    assert.equal((await anon.closed).code, 4401);

    // Another organisation's room: denied.
    const other = `org:${crypto.randomUUID()}`;
    sock.send({ type: 'subscribe', rooms: [other] });
    assert.deepEqual(await sock.next((m) => m.type === 'denied'), { type: 'denied', room: other });

    // Deactivating a user (through A) ends their live connection (on B).
    const member = await userWithRole('member');
    const memberSock = openLive(urlB, member.client.cookie);
    await memberSock.next((m) => m.type === 'hello');
    memberSock.send({ type: 'subscribe', rooms: [`org:${orgId}`] });
    await memberSock.next((m) => m.type === 'subscribed');
    assert.equal((await admin.post(`/api/users/${member.id}/deactivate`)).status, 200);
    await memberSock.next((m) => m.type === 'session.ended', 5000);
    const closed = await Promise.race([memberSock.closed, sleep(5000).then(() => ({ code: -1, reason: 'timeout' }))]);
    assert.equal(closed.code, 4401);
    assert.equal(sock.ws.readyState, sock.ws.OPEN, "the admin's socket stays open");
    sock.ws.close();
  });
});
