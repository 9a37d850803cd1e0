// `firebreak detect` end to end: the real CLI as a child process, with no database or network.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const main = path.join(root, 'src/cli/main.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-detect-test-'));
const exec = promisify(execFile);

async function detect(args: string[]) {
  try {
    const r = await exec(process.execPath, [main, 'detect', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://nowhere.invalid/none' },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** A quiet count series (5-minute buckets) with a burst near the end. */
function series(rows: number, burstAt: number): string {
  let s = 'timestamp,value\n';
  const start = Date.UTC(2026, 0, 5);
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    const v = i >= burstAt && i < burstAt + 12 ? 9 : (i * 7) % 11 === 0 ? 1 : 0;
    s += `${t},${v}\n`;
  }
  return s;
}
function write(name: string, text: string) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
function parse(csv: string) {
  const [header, ...rows] = csv.trim().split('\n');
  return { header, rows: rows.map((r) => r.split(',')) };
}

describe('firebreak detect', () => {
  test('writes timestamp,value,anomaly_score,alert for every row, alerting on the burst only', async () => {
    const input = write('burst.csv', series(1200, 1100));
    const r = await detect(['--input', input]);
    assert.equal(r.code, 0, r.err);
    const { header, rows } = parse(r.out);
    assert.equal(header, 'timestamp,value,anomaly_score,alert');
    assert.equal(rows.length, 1200);
    for (const [, , score, alert] of rows) {
      assert.ok(Number(score) >= 0 && Number(score) <= 1);
      assert.ok(alert === '0' || alert === '1');
    }
    const alerts = rows.flatMap((row, i) => (row[3] === '1' ? [i] : []));
    assert.ok(alerts.length >= 1, 'the burst alerts');
    assert.ok(
      alerts.every((i) => i >= 1100),
      `alerts only in the burst, got rows ${alerts}`,
    );
    assert.deepEqual(rows[5].slice(0, 2), series(1200, 1100).split('\n')[6].split(','), 'timestamp and value echoed as given');
  });

  test('strictly online: a file cut short gives the same rows up to the cut, and --output writes the file', async () => {
    const full = series(1200, 1100);
    const cut = full.split('\n').slice(0, 1106).join('\n');
    const out = path.join(dir, 'out.csv');
    const a = await detect(['--input', write('full.csv', full)]);
    const b = await detect(['--input', write('cut.csv', cut), '--output', out]);
    assert.equal(b.code, 0, b.err);
    assert.equal(b.out, '');
    const cutRows = fs.readFileSync(out, 'utf8').trim().split('\n');
    assert.deepEqual(cutRows, a.out.trim().split('\n').slice(0, cutRows.length));
  });

  test('a clock stepping back is scored in file order, with a warning', async () => {
    const input = write('skew.csv', 'timestamp,value\n2026-01-01 00:10:00,3\n2026-01-01 00:05:00,4\n2026-01-01 00:15:00,2\n');
    const r = await detect(['--input', input]);
    assert.equal(r.code, 0);
    assert.equal(parse(r.out).rows.length, 3);
    assert.match(r.err, /line 3: "2026-01-01 00:05:00" is earlier than the row above/);
  });

  test('bad input is refused with the line and the reason', async () => {
    const cases: Array<[string, RegExp]> = [
      ['time,count\n2026-01-01 00:00:00,1\n', /line 1: expected the header "timestamp,value"/],
      ['timestamp,value\n2026-01-01 00:00:00,1\nyesterday,2\n', /line 3: not a timestamp: "yesterday"/],
      ['timestamp,value\n2026-01-01 00:00:00,lots\n', /line 2: not a number: "lots"/],
      ['timestamp,value\n2026-01-01 00:00:00,1,2\n', /line 2: expected two fields/],
      ['', /empty file/],
    ];
    for (const [text, message] of cases) {
      const r = await detect(['--input', write('bad.csv', text)]);
      assert.equal(r.code, 1, text);
      assert.match(r.err, message);
    }
    const missing = await detect(['--input', path.join(dir, 'nope.csv')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read .*nope\.csv/);
    const none = await detect([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /--input FILE\.csv is required/);
  });
});
