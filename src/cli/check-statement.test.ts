// `firebreak check-statement` end to end: the real CLI as a child process, statement on stdin, no database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const main = path.join(root, 'src/cli/main.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-check-statement-'));

function run(args: string[], stdin: string | Buffer): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, 'check-statement', ...args], {
      cwd: root,
      // No data directory or database is needed: point both at nothing.
      env: { ...process.env, DATABASE_URL: 'postgres://nowhere.invalid/none', FIREBREAK_DATA_DIR: path.join(dir, 'missing') },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}
function write(name: string, text: string) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
type Out = {
  findings: { category: string; start: number; end: number; excerpt: string; message: string; suggestion: string; law?: string }[];
};

describe('firebreak check-statement', () => {
  test('findings with UTF-16 offsets of the input: BOM stripped, CRLF kept, emoji before the span', async () => {
    const text = '🔥 公告\r\n我們保證絕不再發生。\r\n該顧客王○明的電話是 0912345678。';
    const r = await run([], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    assert.equal(r.code, 0, r.err);
    const { findings } = JSON.parse(r.out) as Out;
    const cats = findings.map((f) => f.category);
    assert.ok(cats.includes('absolute_promise') && cats.includes('personal_data'), r.out);
    for (const f of findings) {
      assert.equal(text.slice(f.start, f.end), f.excerpt);
      assert.ok(f.message && f.suggestion);
    }
    const phone = findings.find((f) => f.excerpt === '0912345678');
    assert.equal(phone?.start, text.indexOf('0912345678'));
    assert.equal(phone?.law, '個人資料保護法 §19–20、§41');
  });

  test('--lang en gives English messages; empty input gives no findings', async () => {
    const r = await run(['--lang', 'en'], '我們保證絕不再發生');
    assert.equal(r.code, 0, r.err);
    assert.match((JSON.parse(r.out) as Out).findings[0].suggestion, /concrete actions/);
    const empty = await run([], '');
    assert.equal(empty.code, 0);
    assert.deepEqual(JSON.parse(empty.out), { findings: [] });
  });

  test('--facts: a number that contradicts the fact sheet or an earlier statement', async () => {
    const facts = write('facts.json', JSON.stringify({ facts: [{ text: '受影響人數 1,000 人' }], statements: ['共 3 家門市暫停營業'] }));
    const r = await run(['--facts', facts], '受影響約100人，5家門市暫停營業。');
    assert.equal(r.code, 0, r.err);
    const found = (JSON.parse(r.out) as Out).findings.filter((f) => f.category === 'inconsistent_fact');
    assert.deepEqual(
      found.map((f) => f.excerpt),
      ['100人', '5家'],
    );
    const without = await run([], '受影響約100人，5家門市暫停營業。');
    assert.deepEqual(
      (JSON.parse(without.out) as Out).findings.filter((f) => f.category === 'inconsistent_fact'),
      [],
    );
  });

  test('bad --facts (missing, invalid JSON, wrong shape) and unknown --lang: one line on stderr, exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [['--facts', path.join(dir, 'nope.json')], /cannot read --facts .*no such file/],
      [['--facts', write('bad.json', '{"facts": [')], /not valid JSON/],
      [['--facts', write('shape.json', '{"facts": [{"txt": "x"}], "statements": []}')], /wrong shape at facts\.0\.text/],
      [['--facts', write('nostatements.json', '{"facts": []}')], /wrong shape at statements/],
      [['--lang', 'fr'], /unknown --lang "fr"/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, '我們保證絕不再發生');
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
      assert.equal(r.out, '');
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
    }
  });
});
