// `firebreak import` as a real process against DATABASE_URL: dry run, import, re-import (all duplicates),
// resume of an unfinished import of the same file, and clear failures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { setUpOrg } from '../helpers/client.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';
import { cleanUpAfterEachTest, root, runCli } from './harness.ts';

cleanUpAfterEachTest();

const T = { timeout: 60_000 };
const csv = path.join(root, 'test/fixtures/import/posts.csv');

describe('firebreak import', () => {
  let databaseUrl: string;
  let env: Record<string, string>;
  let dataDir: string;
  const q = async <R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query<R>(text, values)).rows;
    } finally {
      await c.end();
    }
  };
  const summary = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) as string);

  before(async () => {
    databaseUrl = await createTestDatabase();
    const { url } = await startTestServer({ databaseUrl });
    await setUpOrg(url);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-import-'));
    env = { DATABASE_URL: databaseUrl, FIREBREAK_DATA_DIR: dataDir };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('--help shows the usage', T, async () => {
    const r = await runCli(['import', '--help'], env);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: firebreak import FILE --source NAME/);
  });

  test('--dry-run reports what would happen and stores nothing', T, async () => {
    const r = await runCli(['import', csv, '--source', 'cli 匯入', '--dry-run'], env);
    assert.equal(r.code, 0, r.stderr);
    const s = summary(r.stdout);
    assert.deepEqual([s.dryRun.rows, s.dryRun.accepted, s.dryRun.duplicate, s.dryRun.rejected], [7, 4, 1, 2]);
    assert.deepEqual(
      s.dryRun.rejections.map((x: { row: number }) => x.row),
      [4, 5],
    );
    assert.match(r.stderr, /Asia\/Taipei/, 'the time-zone assumption is stated');
    assert.equal((await q('SELECT count(*)::int AS n FROM mentions'))[0].n, 0);
  });

  test('imports (continuing the dry-run import), then a re-import stores nothing twice', T, async () => {
    const r = await runCli(['import', csv, '--source', 'cli 匯入'], env);
    assert.equal(r.code, 0, r.stderr);
    const s = summary(r.stdout);
    assert.equal(s.resumed, true, 'the unfinished (dry-run) import of the same file is reused');
    assert.deepEqual([s.status, s.rowsDone, s.accepted, s.duplicate, s.rejected], ['done', 7, 4, 1, 2]);
    assert.match(r.stderr, /import: 7\/7 rows \(100%\)/);
    const again = await runCli(['import', csv, '--source', 'cli 匯入'], env);
    assert.equal(again.code, 0, again.stderr);
    const s2 = summary(again.stdout);
    assert.equal(s2.resumed, false);
    assert.notEqual(s2.importId, s.importId);
    assert.deepEqual([s2.accepted, s2.duplicate, s2.rejected], [0, 5, 2]);
    assert.equal((await q('SELECT count(*)::int AS n FROM mentions'))[0].n, 4);
  });

  test('resumes an import left running by a killed process from its last committed row', T, async () => {
    const file = path.join(dataDir, 'resume.csv');
    const lines = ['id,text,time'];
    for (let i = 1; i <= 2500; i++) lines.push(`r${i},第 ${i} 則貼文,2026/11/${1 + (i % 28)} 10:00`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const first = await runCli(['import', file, '--source', 'resume', '--map', 'externalId=id,text=text,publishedAt=time'], env);
    assert.equal(first.code, 0, first.stderr);
    const s = summary(first.stdout);
    assert.equal(s.accepted, 2500);
    // As if the process died after the first batch: later rows not stored, the import still `running`.
    await q(
      `DELETE FROM mentions WHERE external_key NOT IN (SELECT 'r' || g FROM generate_series(1, 1000) g) AND source_id = (SELECT source_id FROM imports WHERE id = $1)`,
      [s.importId],
    );
    await q(`UPDATE imports SET status = 'running', rows_done = 1000, accepted = 1000, finished_at = NULL WHERE id = $1`, [s.importId]);
    const r = await runCli(['import', file, '--source', 'resume'], env);
    assert.equal(r.code, 0, r.stderr);
    const s2 = summary(r.stdout);
    assert.equal(s2.importId, s.importId);
    assert.equal(s2.resumed, true);
    assert.deepEqual([s2.status, s2.rowsDone, s2.accepted, s2.duplicate], ['done', 2500, 2500, 0]);
    assert.doesNotMatch(r.stderr, /import: 1000\/2500/, 'the first batch is not redone');
    assert.match(r.stderr, /import: 2000\/2500/);
    const n = await q(`SELECT count(*)::int AS n FROM mentions WHERE source_id = (SELECT source_id FROM imports WHERE id = $1)`, [
      s.importId,
    ]);
    assert.equal(n[0].n, 2500);
  });

  test('clear failures: missing file, no --source, bad --map, invalid UTF-8', T, async () => {
    const big5 = path.join(dataDir, 'big5.csv');
    fs.writeFileSync(big5, Buffer.from([0xa4, 0xba, 0xae, 0x65, 0x2c, 0xae, 0xc9, 0xb6, 0xa1, 0x0a]));
    const [missing, noSource, badMap, notUtf8] = await Promise.all([
      runCli(['import', 'nope.csv', '--source', 'x'], env),
      runCli(['import', csv], env),
      runCli(['import', csv, '--source', 'x', '--map', 'body=內容'], env),
      runCli(['import', big5, '--source', 'x'], env),
    ]);
    assert.match(missing.stderr, /No such file/);
    assert.match(noSource.stderr, /--source NAME is required/);
    assert.match(badMap.stderr, /--map: "body=內容"/);
    assert.match(notUtf8.stderr, /Big5/);
    for (const r of [missing, noSource, badMap, notUtf8]) assert.equal(r.code, 1);
  });
});
