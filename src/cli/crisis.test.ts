// `firebreak crisis declare|list|show` as a real process against DATABASE_URL: the same services as the
// API, text and JSON output, numbers and ids, usage errors (exit 2) and failures (exit 1), and --org.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { setUpOrg } from '../../test/helpers/client.ts';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { startTestServer } from '../../test/helpers/server.ts';
import { cleanUpAfterEachTest, runCli } from '../../test/process/harness.ts';
import { crisisTypes } from '../features/crises/contract.ts';

cleanUpAfterEachTest();

const T = { timeout: 60_000 };
const NO_STACK = /^\s{4}at /m;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test('crisis --help lists the commands; declare --help lists every crisis type', T, async () => {
  const [group, declare, bare] = await Promise.all([
    runCli(['crisis', '--help']),
    runCli(['crisis', 'declare', '--help']),
    runCli(['crisis']),
  ]);
  assert.equal(group.code, 0, group.stderr);
  for (const sub of ['declare', 'list', 'show']) assert.match(group.stdout, new RegExp(`firebreak crisis ${sub}`));
  assert.equal(declare.code, 0);
  assert.match(declare.stdout, /^Usage: firebreak crisis declare --title T --type TYPE --severity L1\.\.L4/);
  for (const t of crisisTypes) assert.match(declare.stdout, new RegExp(`\\b${t}\\b`), `help names ${t}`);
  assert.equal(bare.code, 2, 'a group without a command is a usage error');
  assert.match(bare.stdout, /firebreak crisis list/);
});

describe('firebreak crisis against DATABASE_URL', () => {
  let databaseUrl: string;
  let env: Record<string, string>;
  let dataDir: string;
  let orgId: string;
  let adminEmail: string;
  const q = async <R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query<R>(text, values)).rows;
    } finally {
      await c.end();
    }
  };
  const crisisCount = async () => (await q('SELECT count(*)::int AS n FROM crises'))[0].n as number;

  before(async () => {
    databaseUrl = await createTestDatabase();
    const { url } = await startTestServer({ databaseUrl });
    ({ orgId, adminEmail } = await setUpOrg(url));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-crisis-'));
    env = { DATABASE_URL: databaseUrl, FIREBREAK_DATA_DIR: dataDir };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('declare prints the new crisis with its number, id and tasks with due times', T, async () => {
    const r = await runCli(
      ['crisis', 'declare', '--title', '冷凍水餃驗出異物', '--type', 'product_quality', '--severity', 'L2', '--reason', '已有媒體詢問'],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Declared crisis #1 in Acme 食品\./);
    assert.match(r.stdout, /^#1 {2}冷凍水餃驗出異物$/m);
    assert.match(r.stdout, new RegExp(`^ {2}id {8}${UUID.source}$`, 'm'));
    assert.match(r.stdout, /^ {2}severity {2}L2$/m);
    assert.match(r.stdout, /^ {2}status {4}declared$/m);
    assert.match(r.stdout, /^Tasks \(\d+: \d+ open\):/m);
    assert.match(r.stdout, /^ {2}todo +\d{4}-\d\d-\d\d \d\d:\d\d \(in \d+ (min|h)/m, 'tasks show due times');
    assert.match(r.stdout, /已有媒體詢問/, 'the reason is the first decision');
    assert.match(r.stdout, /crisis\.declared/);
    assert.match(r.stdout, /Times in Asia\/Taipei \(UTC\+08:00\)\./);
    const [row] = await q('SELECT number, title, severity, status FROM crises');
    assert.deepEqual(row, { number: 1, title: '冷凍水餃驗出異物', severity: 'L2', status: 'declared' });
  });

  test('declare --json prints the crisis as the API returns it', T, async () => {
    const r = await runCli(['crisis', 'declare', '--title', 'App outage', '--type', 'service-failure', '--severity', 'l1', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c.number, 2);
    assert.match(c.id, UUID);
    assert.equal(c.type, 'service_failure', 'service-failure is read as service_failure');
    assert.equal(c.severity, 'L1');
    assert.equal(c.status, 'declared');
    assert.match(c.declaredBy, /cli/);
    assert.ok(c.tasks.length > 0, 'the playbook set up tasks');
    assert.ok(
      c.tasks.every((t: { dueAt: string | null }) => t.dueAt),
      'every playbook task has a deadline',
    );
  });

  test('bad input: exit 2 with a message naming the flag, nothing stored', T, async () => {
    const base = ['crisis', 'declare', '--title', 'X', '--type', 'other'];
    const [severity, missing, type, alert, empty] = await Promise.all([
      runCli([...base, '--severity', 'L9'], env),
      runCli(['crisis', 'declare', '--type', 'other'], env),
      runCli(['crisis', 'declare', '--title', 'X', '--type', 'rumour', '--severity', 'L3'], env),
      runCli([...base, '--severity', 'L3', '--alert', 'not-an-id'], env),
      runCli(['crisis', 'declare', '--title', '   ', '--type', 'other', '--severity', 'L3'], env),
    ]);
    for (const r of [severity, missing, type, alert, empty]) {
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.doesNotMatch(r.stderr, NO_STACK);
      assert.equal(r.stdout, '');
    }
    assert.match(severity.stderr, /--severity must be one of L1, L2, L3, L4.*“L9”/);
    assert.match(missing.stderr, /--title, --severity are required/);
    assert.match(type.stderr, /--type must be one of product_quality, .*other \(got “rumour”\)/);
    assert.match(alert.stderr, /--alert must be an alert id/);
    assert.match(empty.stderr, /--title must not be empty/);
    assert.equal(await crisisCount(), 2);
  });

  test('list: a table newest first, and --json; --status filters', T, async () => {
    const [text, json, closed, active, bad] = await Promise.all([
      runCli(['crisis', 'list'], env),
      runCli(['crisis', 'list', '--json'], env),
      runCli(['crisis', 'list', '--status', 'closed'], env),
      runCli(['crisis', 'list', '--status', 'active', '--json'], env),
      runCli(['crisis', 'list', '--status', 'finished'], env),
    ]);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.split('\n');
    assert.match(lines[0], /^# +SEV +STATUS +DECLARED +TASKS +NEXT DEADLINE +TITLE$/);
    assert.match(lines[1], /^#2 +L1 +declared +\d{4}-\d\d-\d\d \d\d:\d\d +\d+ open +\d{4}-.*\(in .*\) +App outage$/);
    assert.match(lines[2], /^#1 +L2 +declared .* 冷凍水餃驗出異物$/);
    assert.match(text.stdout, /2 crises in Acme 食品; times in Asia\/Taipei/);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(
      JSON.parse(json.stdout).crises.map((c: { number: number }) => c.number),
      [2, 1],
    );
    assert.equal(closed.code, 0, closed.stderr);
    assert.equal(closed.stdout.trim(), 'No closed crises in Acme 食品.');
    assert.equal(JSON.parse(active.stdout).crises.length, 2);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--status must be one of active, declared, responding, monitoring, recovering, closed/);
  });

  test('show by number (12 or #12) and by id; overdue tasks are marked', T, async () => {
    const [{ id }] = await q('SELECT id FROM crises WHERE number = 1');
    // One task's clock has run out.
    await q(
      `UPDATE crisis_tasks SET due_at = now() - interval '7 minutes'
             WHERE id = (SELECT id FROM crisis_tasks WHERE crisis_id = $1 ORDER BY due_at LIMIT 1)`,
      [id],
    );
    const [byNumber, byHash, byId, json] = await Promise.all([
      runCli(['crisis', 'show', '1'], env),
      runCli(['crisis', 'show', '#1'], env),
      runCli(['crisis', 'show', id], env),
      runCli(['crisis', 'show', id.toUpperCase(), '--json'], env),
    ]);
    for (const r of [byNumber, byHash, byId]) {
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^#1 {2}冷凍水餃驗出異物$/m);
      assert.match(r.stdout, new RegExp(`id {8}${id}`));
    }
    assert.equal(byNumber.stdout, byHash.stdout);
    const out = byNumber.stdout;
    assert.match(out, /^Team \(\d+\):/m);
    assert.match(out, /^Tasks \(\d+: \d+ open, 1 overdue\):/m);
    assert.match(out, /OVERDUE by 7 min/);
    assert.match(out, /^Decisions \(1\):\n.*\[severity\]/m);
    assert.match(out, /^Timeline \(.*\):\n.*crisis\.declared/m);
    assert.equal(json.code, 0, json.stderr);
    const c = JSON.parse(json.stdout);
    assert.equal(c.id, id);
    assert.equal(c.overdueTasks, 1);
  });

  test('unknown crisis: exit 1 with a clear message; a malformed reference: exit 2', T, async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const [byId, byNumber, malformed, none, noAlert] = await Promise.all([
      runCli(['crisis', 'show', ghost], env),
      runCli(['crisis', 'show', '#999'], env),
      runCli(['crisis', 'show', 'dumplings'], env),
      runCli(['crisis', 'show'], env),
      runCli(['crisis', 'declare', '--title', 'X', '--type', 'other', '--severity', 'L4', '--alert', ghost], env),
    ]);
    assert.equal(byId.code, 1);
    assert.match(byId.stderr, new RegExp(`No crisis ${ghost} in Acme 食品\\.`));
    assert.equal(byNumber.code, 1);
    assert.match(byNumber.stderr, /No crisis #999 in Acme 食品\./);
    assert.equal(noAlert.code, 1, 'refused by the service: a failure, not a usage error');
    assert.match(noAlert.stderr, /^--alert: No such alert\.$/m);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /“dumplings” is neither a crisis number \(12 or #12\) nor a crisis id/);
    assert.equal(none.code, 2);
    for (const r of [byId, byNumber, malformed, none, noAlert]) assert.doesNotMatch(r.stderr, NO_STACK);
  });

  test('with several organisations --org is required, and scopes everything', T, async () => {
    const [other] = await q(`INSERT INTO organisations (name) VALUES ('Other Org') RETURNING id`);
    const [ambiguous, mine, theirs, theirShow, unknown, malformed] = await Promise.all([
      runCli(['crisis', 'list'], env),
      runCli(['crisis', 'list', '--org', orgId, '--json'], env),
      runCli(['crisis', 'list', '--org', other.id], env),
      runCli(['crisis', 'show', '1', '--org', other.id], env),
      runCli(['crisis', 'list', '--org', '00000000-0000-4000-8000-000000000001'], env),
      runCli(['crisis', 'list', '--org', 'acme'], env),
    ]);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /There are 2 organisations; choose one with --org ID/);
    assert.match(ambiguous.stderr, new RegExp(`${orgId} {2}Acme 食品`));
    assert.match(ambiguous.stderr, new RegExp(`${other.id} {2}Other Org`));
    assert.equal(JSON.parse(mine.stdout).crises.length, 2);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(theirs.stdout.trim(), 'No crises in Other Org.');
    assert.equal(theirShow.code, 1, 'another organisation’s crisis is not found');
    assert.match(theirShow.stderr, /No crisis #1 in Other Org\./);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No organisation 00000000-0000-4000-8000-000000000001/);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /--org must be an organisation id/);
  });
  test('--commander names who commands the response; an unknown e-mail stores nothing', T, async () => {
    const base = ['crisis', 'declare', '--title', '門市排隊抱怨', '--type', 'service_failure', '--severity', 'L4', '--org', orgId];
    const [named, unknown, malformed] = await Promise.all([
      runCli([...base, '--commander', adminEmail.toUpperCase(), '--json'], env),
      runCli([...base, '--commander', 'nobody@example.com'], env),
      runCli([...base, '--commander', 'not an e-mail'], env),
    ]);
    assert.equal(named.code, 0, named.stderr);
    const c = JSON.parse(named.stdout);
    assert.deepEqual(
      c.team.filter((m: { role: string }) => m.role === 'commander').map((m: { name: string }) => m.name),
      ['Ada Admin'],
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /--commander: nobody in Acme 食品 has the e-mail nobody@example\.com\./);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /--commander must be an e-mail address/);
    for (const r of [unknown, malformed]) assert.doesNotMatch(r.stderr, NO_STACK);
    assert.equal((await q('SELECT count(*)::int AS n FROM crises WHERE title = $1', ['門市排隊抱怨']))[0].n, 1);
  });
});
