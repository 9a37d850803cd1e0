// The `firebreak` command line as a real process: help, user management and audit verification
// against a DATABASE_URL, checked through a running server and directly in SQL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';
import { cleanUpAfterEachTest, makeDataDir, runCli } from './harness.ts';

cleanUpAfterEachTest();

const T = { timeout: 60_000 };
const NO_STACK = /^\s{4}at /m;

describe('help', () => {
  test('--help for the program and every command: exit 0, usage, no side effects', T, async () => {
    const dir = makeDataDir();
    const env = { FIREBREAK_DATA_DIR: dir, DATABASE_URL: 'postgres://x:y@127.0.0.1:1/never-contacted' };
    const cases: Array<[string[], RegExp]> = [
      [['--help'], /^Usage: firebreak <command> \[options\]/],
      [['help'], /^Usage: firebreak <command> \[options\]/],
      [['start', '--help'], /^Usage: firebreak start \[--demo\]\n/],
      [['migrate', '--help'], /^Usage: firebreak migrate\n/],
      [['user', 'create', '--help'], /^Usage: firebreak user create --email E --name N --role R \[--password-stdin\]/],
      [['user', 'reset-password', '--help'], /^Usage: firebreak user reset-password --email E \[--password-stdin\]/],
      [['audit', 'verify', '--help'], /^Usage: firebreak audit verify \[--json\]/],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args, env)));
    for (const [i, [args, usage]] of cases.entries()) {
      const r = results[i];
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, usage, args.join(' '));
      assert.match(r.stdout, /--help/);
    }
    assert.match(results[0].stdout, /user reset-password/);
    assert.match(results[0].stdout, /DATABASE_URL/, 'lists the configuration variables');
    assert.match(results[4].stdout, /--password-stdin/);
    assert.deepEqual(fs.readdirSync(dir), [], 'help starts nothing');
  });

  test('unknown commands and options exit 2 with a message and the usage', T, async () => {
    const [cmd, opt] = await Promise.all([runCli(['frobnicate']), runCli(['user', 'create', '--colour', 'red'])]);
    assert.equal(cmd.code, 2);
    assert.match(cmd.stderr, /Unknown command: frobnicate/);
    assert.match(cmd.stdout, /^Usage:/);
    assert.equal(opt.code, 2);
    assert.match(opt.stderr, /--colour/);
    assert.match(opt.stdout, /^Usage: firebreak user create/);
  });
});

describe('user and audit commands against DATABASE_URL', () => {
  let databaseUrl: string;
  let url: string;
  let env: Record<string, string>;
  let adminEmail: string;
  let dataDir: string;

  const sql = async <R extends pg.QueryResultRow = any>(text: string) => {
    const c = new pg.Client({ connectionString: databaseUrl }); // superuser
    await c.connect();
    try {
      return await c.query<R>(text);
    } finally {
      await c.end();
    }
  };
  const signInStatus = async (email: string, password: string) =>
    (await createClient(url).post('/api/session', { email, password })).status;

  before(async () => {
    databaseUrl = await createTestDatabase();
    ({ url } = await startTestServer({ databaseUrl }));
    ({ adminEmail } = await setUpOrg(url));
    // Shared by this describe's tests, so not one of the harness's per-test directories.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-proc-'));
    env = { DATABASE_URL: databaseUrl, FIREBREAK_DATA_DIR: dataDir, FIREBREAK_PUBLIC_URL: url };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('with DATABASE_URL the commands leave the data directory alone', T, async () => {
    assert.equal((await runCli(['audit', 'verify'], env)).code, 0);
    assert.deepEqual(fs.readdirSync(dataDir), []);
  });

  test('migrate: already up to date', T, async () => {
    const r = await runCli(['migrate'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Migrations are up to date\./);
  });

  test('user create without a password prints a working invite link', T, async () => {
    const r = await runCli(['user', 'create', '--email', 'Mei@Example.com', '--name', '陳美', '--role', 'manager'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Created manager mei@example\.com \([0-9a-f-]{36}\)\./m);
    const link = r.stdout.match(/Invite link \(valid until [^)]+\): (\S+)/)?.[1];
    assert.ok(link, r.stdout);
    assert.ok(link.startsWith(`${url}/invite/`), link);
    assert.equal(await signInStatus('mei@example.com', PASSWORD), 401, 'invited, not yet active');
    const c = createClient(url);
    const accepted = await c.post(`/api/invites/${link.split('/invite/')[1]}/accept`, { password: PASSWORD });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const s = await c.refreshSession();
    assert.equal(s.body.user.role, 'manager');
    assert.equal(s.body.user.name, '陳美');
  });

  test('user create --password-stdin: the user can sign in at once', T, async () => {
    const r = await runCli(
      ['user', 'create', '--email', 'ops@example.com', '--name', 'Ops', '--role', 'manager', '--password-stdin'],
      env,
      { stdin: 'a stdin password 123\n' },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /Invite link/);
    const c = createClient(url);
    await c.signIn('ops@example.com', 'a stdin password 123');
    assert.equal((await c.get('/api/session')).body.user.role, 'manager');
  });

  test('user create refuses bad input with a clear message', T, async () => {
    const [dup, role, short, missing] = await Promise.all([
      runCli(['user', 'create', '--email', adminEmail, '--name', 'Again'], env),
      runCli(['user', 'create', '--email', 'r@example.com', '--name', 'R', '--role', 'overlord'], env),
      runCli(['user', 'create', '--email', 's@example.com', '--name', 'S', '--password-stdin'], env, { stdin: 'short\n' }),
      runCli(['user', 'create', '--name', 'No Mail'], env),
    ]);
    for (const r of [dup, role, short, missing]) {
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.doesNotMatch(r.stderr, NO_STACK);
    }
    assert.match(dup.stderr, /already/i);
    assert.match(role.stderr, /--role must be one of admin, manager, member, reporter, guest/);
    assert.match(short.stderr, /at least 12 characters/);
    assert.match(missing.stderr, /--email and --name are required/);
    const n = await sql('SELECT count(*)::int AS n FROM users WHERE email IN ($$r@example.com$$, $$s@example.com$$)');
    assert.equal(n.rows[0].n, 0);
  });

  test('user reset-password --password-stdin sets the password and ends sessions', T, async () => {
    const c = createClient(url);
    await c.signIn('ops@example.com', 'a stdin password 123');
    const r = await runCli(['user', 'reset-password', '--email', 'OPS@example.com', '--password-stdin'], env, {
      stdin: 'the replacement password',
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Password set for ops@example\.com/);
    assert.doesNotMatch(r.stdout, /the replacement password/, 'never echoes the password');
    assert.equal((await c.get('/api/session')).status, 401, 'existing sessions ended');
    assert.equal(await signInStatus('ops@example.com', 'a stdin password 123'), 401);
    assert.equal(await signInStatus('ops@example.com', 'the replacement password'), 201);
  });

  test('user reset-password without stdin prints a generated password that works', T, async () => {
    const r = await runCli(['user', 'reset-password', '--email', 'ops@example.com'], env);
    assert.equal(r.code, 0, r.stderr);
    const generated = r.stdout.match(/New password for ops@example\.com: (\S+)/)?.[1];
    assert.ok(generated && generated.length >= 12, r.stdout);
    assert.equal(await signInStatus('ops@example.com', generated), 201);
  });

  test('user reset-password for an unknown e-mail exits 1 with a clear message', T, async () => {
    const r = await runCli(['user', 'reset-password', '--email', 'nobody@example.com', '--password-stdin'], env, {
      stdin: 'whatever password here',
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No user with e-mail nobody@example\.com/);
    assert.doesNotMatch(r.stderr, NO_STACK);
    assert.equal(r.stdout, '');
  });

  test('audit verify: intact chain, then tampering and a deleted event are reported', T, async () => {
    const total = (await sql('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
    assert.ok(total >= 6, `enough events to tamper in the middle (${total})`);
    const [ok, okJson] = await Promise.all([runCli(['audit', 'verify'], env), runCli(['audit', 'verify', '--json'], env)]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout.trim(), `Audit chain intact: ${total} events verified.`);
    assert.deepEqual(JSON.parse(okJson.stdout), { ok: true, checked: total });

    // The append-only trigger refuses ordinary changes.
    await assert.rejects(sql(`UPDATE events SET data = '{"x":1}' WHERE id = 3`), /append-only/);
    await assert.rejects(sql('DELETE FROM events WHERE id = 3'), /append-only/);
    await assert.rejects(sql('TRUNCATE events'), /append-only/);

    // A superuser can bypass triggers; the hash chain still shows it.
    const original = (await sql('SELECT data::text AS data FROM events WHERE id = 3')).rows[0].data as string;
    await sql(`SET session_replication_role = replica; UPDATE events SET data = '{"x":1}' WHERE id = 3;`);
    const [tampered, tamperedJsonRun] = await Promise.all([runCli(['audit', 'verify'], env), runCli(['audit', 'verify', '--json'], env)]);
    assert.equal(tampered.code, 1);
    assert.match(tampered.stdout, /Audit chain BROKEN at event 3: content does not match its hash \(2 events verified before it\)/);
    assert.equal(tamperedJsonRun.code, 1);
    const tamperedJson = JSON.parse(tamperedJsonRun.stdout);
    assert.equal(tamperedJson.ok, false);
    assert.equal(tamperedJson.brokenAt, 3);

    // Putting the exact content back makes the chain verify again: the hash covers the content, nothing else.
    await sql(`SET session_replication_role = replica; UPDATE events SET data = '${original.replaceAll("'", "''")}'::jsonb WHERE id = 3;`);
    assert.equal((await runCli(['audit', 'verify'], env)).code, 0);

    // Deleting a row in the middle.
    const middle = Math.floor(total / 2) + 1;
    await sql(`SET session_replication_role = replica; DELETE FROM events WHERE id = ${middle};`);
    const [missing, missingJson] = await Promise.all([runCli(['audit', 'verify'], env), runCli(['audit', 'verify', '--json'], env)]);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, new RegExp(`BROKEN at event ${middle}: event ${middle} is missing`));
    assert.equal(JSON.parse(missingJson.stdout).brokenAt, middle);
  });
});

test('user create before setup explains what to do', T, async () => {
  const databaseUrl = await createTestDatabase();
  const r = await runCli(['user', 'create', '--email', 'a@example.com', '--name', 'A'], {
    DATABASE_URL: databaseUrl,
    FIREBREAK_DATA_DIR: makeDataDir(),
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not set up yet/);
  assert.match(r.stderr, /FIREBREAK_ADMIN_EMAIL/);
});
